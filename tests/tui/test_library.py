"""The library: a folder of briefs, invalid ones listed with their first problem."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from paths import BRIEFS

from briefing_tui.config import Config
from briefing_tui.core.library.entries import LibraryEntry, load_library
from briefing_tui.core.load.loader import load_brief
from briefing_tui.core.load.problems import BriefError
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.screens.brief import BriefScreen
from briefing_tui.tui.screens.library import LibraryScreen
from briefing_tui.tui.screens.problems import ProblemsScreen
from briefing_tui.tui.widgets.nav_list import NavList
from briefing_tui.tui.widgets.row_table import RowTable

from .tuikit import SIZE, prompts, screen_text

BROKEN = """\
format: 1
id: broken-brief
title: A brief with mistakes
source:
  title: Some article
  text: broken.txt
actors:
  - id: Not-A-Slug
    name: Someone
    kind: person
    colour: blue
"""


@pytest.fixture
def library(tmp_path: Path) -> tuple[Path, list[LibraryEntry]]:
    """A copy of the bundled briefs plus one invalid brief."""
    folder = tmp_path / "library"
    shutil.copytree(BRIEFS, folder)
    (folder / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    (folder / "broken.txt").write_text("One paragraph.\n", encoding="utf-8")
    return folder, load_library(folder)


def table_rows(app: BriefingApp) -> dict[str, list[str]]:
    table = app.screen.query_one("#library", RowTable)
    return {key: [cell.plain for cell in table.cells(key)] for key in table.row_keys}


def cursor_key(app: BriefingApp) -> str:
    return str(app.screen.query_one("#library", RowTable).cursor_key)


async def test_library_lists_valid_briefs_and_the_invalid_one_with_its_error(library, config):
    folder, entries = library
    valid = sorted(BRIEFS.glob("*.yaml"))
    with pytest.raises(BriefError) as broken:
        load_brief(folder / "broken.yaml")
    first = broken.value.problems[0]
    app = BriefingApp(library=(str(folder), entries), config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        rows = table_rows(app)
        assert len(rows) == len(valid) + 1
        for path in valid:
            brief = load_brief(path)
            cells = rows[str(folder / path.name)]
            assert cells[0] == brief.title
            assert cells[1] == (brief.source.outlet or "")
            assert cells[2] == (
                brief.source.published.isoformat() if brief.source.published else "undated"
            )
            assert cells[3:6] == [
                str(len(brief.actors)),
                str(len(brief.positions)),
                str(len(brief.questions)),
            ]
            assert cells[6] == f"0/{len(brief.items)}"
        bad = rows[str(folder / "broken.yaml")]
        assert bad[0] == f"broken.yaml  {first.line}:{first.column}: {first.message}"
        assert bad[1:] == ["—"] * 6
        # Valid briefs first (newest first), the invalid one last.
        assert list(rows)[-1] == str(folder / "broken.yaml")
        text = screen_text(app)
        assert f"{len(valid) + 1} briefs, {len(valid)} valid" in text
        assert "broken.yaml" in text
        assert app.focused is app.screen.query_one("#library")


async def test_enter_opens_a_brief_and_escape_returns_to_the_library(library, config: Config):
    folder, entries = library
    app = BriefingApp(library=(str(folder), entries), config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = cursor_key(app)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        assert str(screen.brief.path) == first
        assert screen.brief.title in screen_text(app)
        assert len(app.screen_stack) == 3  # default, library, brief: one brief opened, once

        await pilot.press("4", "escape")  # items -> sections
        assert isinstance(app.screen, BriefScreen)
        await pilot.press("escape")  # sections -> the library
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert cursor_key(app) == first  # the cursor is where it was
        assert app.focused is app.screen.query_one("#library")

        await pilot.press("j", "enter")  # the second brief
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        assert str(app.screen.brief.path) != first


async def test_enter_on_the_invalid_brief_shows_its_problems(library, config: Config):
    folder, entries = library
    with pytest.raises(BriefError) as broken:
        load_brief(folder / "broken.yaml")
    problems = broken.value.problems
    assert len(problems) >= 2
    app = BriefingApp(library=(str(folder), entries), config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("G")
        assert cursor_key(app) == str(folder / "broken.yaml")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        listed = prompts(app.screen.query_one("#problem-list", NavList))
        assert listed == [f"{p.line}:{p.column}: {p.message}" for p in problems]
        text = screen_text(app)
        assert "This brief cannot be opened:" in text
        assert "broken.yaml" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert app.is_running


async def test_marks_made_in_a_brief_are_counted_in_its_row_on_return(library, config: Config):
    folder, entries = library
    app = BriefingApp(library=(str(folder), entries), config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        key = cursor_key(app)
        total = table_rows(app)[key][6].split("/")[1]
        assert table_rows(app)[key][6] == f"0/{total}"
        await pilot.press("enter", "4", "a", "j", "asterisk")  # agree with one, star another
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert table_rows(app)[key][6] == f"2/{total}"
