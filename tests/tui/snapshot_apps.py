"""App factories for the SVG snapshot tests: frozen briefs, the default config, fixed names.

The briefs are frozen copies in ``snapshot_data/`` so that editing the bundled briefs never
changes a screenshot; the library is shown under the name "briefs" whatever the checkout path.
"""

from __future__ import annotations

from pathlib import Path

from briefing_tui.config import Config
from briefing_tui.core.library.entries import load_library
from briefing_tui.core.load.loader import load_brief
from briefing_tui.tui.app import BriefingApp

DATA = Path(__file__).resolve().parent / "snapshot_data"
FROZEN_FLAGSHIP = DATA / "zelensky-security-guarantees.yaml"
CONFIG = Config(theme="textual-dark")


def brief_app() -> BriefingApp:
    """The reader on the (frozen) flagship brief."""
    return BriefingApp(brief=load_brief(FROZEN_FLAGSHIP), config=CONFIG)


def library_app() -> BriefingApp:
    """The reader on the (frozen) library of bundled briefs."""
    return BriefingApp(library=("briefs", load_library(DATA)), config=CONFIG)
