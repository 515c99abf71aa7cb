"""Where the tests find the repository's own files: one definition for every tier of tests.

``tests/`` is on ``sys.path`` (pytest puts it there for ``tests/conftest.py``), so any test
or helper imports these as ``from paths import FLAGSHIP``.
"""

from __future__ import annotations

from pathlib import Path

#: This folder: the tests and their helpers.
TESTS = Path(__file__).resolve().parent
#: The root of the repository (the folder holding pyproject.toml).
REPO = TESTS.parent
#: The bundled briefs and their articles.
BRIEFS = REPO / "briefs"
#: The flagship brief (the README shows it), dated January 2026.
FLAGSHIP_ID = "zelensky-security-guarantees"
FLAGSHIP = BRIEFS / f"{FLAGSHIP_ID}.yaml"
#: The second bundled brief, which has no publication date.
UNDATED = BRIEFS / "abbas-will-not-tolerate-attacks.yaml"
