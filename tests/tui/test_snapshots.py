"""SVG snapshots of the main screens (pytest-textual-snapshot).

Regenerate after a deliberate change of the look with
``pytest tests/tui/test_snapshots.py --snapshot-update`` and review the SVGs.
"""

from __future__ import annotations

import pytest

from briefing_tui.config import CONFIG_ENV

from .snapshot_apps import brief_app, library_app
from .tuikit import move_to_row

SIZE = (100, 32)
POSITION = "item:zelensky-no-clear-answer"  # Zelensky's "no clear answer": evidence in ¶6


@pytest.fixture(autouse=True)
def config_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fixed config path (it is shown in help), naming no file: the defaults apply."""
    monkeypatch.setenv(CONFIG_ENV, "/nonexistent/briefing-tui/config.toml")


def test_library(snap_compare):
    assert snap_compare(library_app(), terminal_size=SIZE)


def test_brief_on_positions(snap_compare):
    assert snap_compare(brief_app(), press=["4", "j", "j"], terminal_size=SIZE)


def test_source_view_at_paragraph_6(snap_compare):
    async def open_source_at_the_position(pilot) -> None:
        await pilot.press("4")
        await move_to_row(pilot, pilot.app.screen.query_one("#items"), POSITION)
        await pilot.press("s")

    assert snap_compare(brief_app(), run_before=open_source_at_the_position, terminal_size=SIZE)


def test_help_on_the_list_of_items(snap_compare):
    assert snap_compare(brief_app(), press=["4", "question_mark"], terminal_size=SIZE)
