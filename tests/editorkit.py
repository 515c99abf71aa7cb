"""A fake outside editor for the tests: a small Python script that does what a person would.

``fake_editor(folder)`` writes the script and returns the command that runs it (the Python of
the tests, the script, an argument, as a user would write ``code --wait``). When run on a file,
the script records what it saw in ``seen.json`` beside it (its arguments, the file's mode and
text), then appends ``$FAKE_EDITOR_ADDS`` (default " edited outside") to the file and exits
with ``$FAKE_EDITOR_EXIT`` (default 0).
"""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path

SCRIPT = """\
import json, os, stat, sys
path = sys.argv[-1]
seen = {
    "args": sys.argv[1:],
    "mode": stat.S_IMODE(os.stat(path).st_mode),
    "text": open(path, encoding="utf-8", newline="").read(),
}
with open(os.path.join(os.path.dirname(sys.argv[0]), "seen.json"), "w") as out:
    json.dump(seen, out)
with open(path, "a", encoding="utf-8", newline="") as file:
    file.write(os.environ.get("FAKE_EDITOR_ADDS", " edited outside"))
sys.exit(int(os.environ.get("FAKE_EDITOR_EXIT", "0")))
"""


def fake_editor(folder: Path) -> str:
    """Write the fake editor into ``folder``; the command line that runs it."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "fake_editor.py"
    script.write_text(SCRIPT, encoding="utf-8")
    return shlex.join([sys.executable, str(script), "--wait"])


def seen_by_editor(folder: Path) -> dict[str, object]:
    """What the fake editor in ``folder`` saw when it last ran."""
    return json.loads((folder / "seen.json").read_text(encoding="utf-8"))
