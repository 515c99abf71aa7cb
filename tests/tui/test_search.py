"""The search screen: type a query, the hits appear; enter opens one, escape leaves; what is
wrong with a query is said; brief text is shown literally.

Driven by keyboard through Textual's pilot, on the bundled briefs plus a hostile one
(``tests/searchkit.py``). The screen is pushed on the reader's app with a callback that records
what it was dismissed with: what the library screen will open.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from paths import FLAGSHIP, UNDATED
from searchkit import HOSTILE, MARKUP, RAW_CONTROLS, write_library
from textual.widgets import Input

from briefing_tui.config import Config
from briefing_tui.core.library.entries import LibraryEntry, load_library
from briefing_tui.core.load.loader import load_brief
from briefing_tui.core.notes.edits import set_note, set_tags, toggle_flag
from briefing_tui.core.notes.store import NotesStore
from briefing_tui.core.search.index import SearchIndex
from briefing_tui.tui.app import BriefingApp, binding_ids
from briefing_tui.tui.screens.search import SearchResults, SearchScreen

from .tuikit import SIZE, screen_lines, screen_text, wait_for

Result = tuple[Path, str | None] | None


@pytest.fixture
def library(tmp_path: Path) -> tuple[Path, list[LibraryEntry]]:
    folder = write_library(tmp_path / "library")
    (folder / "broken.yaml").write_text("format: 1\nid: Not A Slug\n", encoding="utf-8")
    return folder, load_library(folder)


class Harness:
    """The reader's app on a library, with the search screen pushed and its answer kept."""

    def __init__(self, library: tuple[Path, list[LibraryEntry]], config: Config) -> None:
        folder, self.entries = library
        self.app = BriefingApp(library=(str(folder), self.entries), config=config)
        self.answers: list[Result] = []

    async def open(self, pilot, query: str = "") -> SearchScreen:
        """Push the search screen and wait until its index is read and ``query`` searched."""
        await pilot.pause()
        screen = SearchScreen(self.entries, self.app.notes_dir, query=query)
        self.app.push_screen(screen, self.answers.append)
        await wait_until_searched(pilot, screen, query)
        await pilot.pause()
        return screen

    @property
    def screen(self) -> SearchScreen:
        screen = self.app.screen
        assert isinstance(screen, SearchScreen), screen
        return screen

    def rows(self) -> list[str]:
        return [option.prompt.plain for option in self.screen.query_one(SearchResults).options]

    def status(self) -> str:
        return str(self.screen.query_one("#search-status").render())


async def wait_until_searched(pilot, screen: SearchScreen, query: str) -> None:
    """Wait until the hits listed are those of ``query`` (the pause after typing is over and
    the search has run), however slow the machine."""
    await wait_for(pilot, lambda: screen.searched == query, f"the hits of {query!r}")
    await pilot.pause()


async def type_query(pilot, text: str) -> None:
    """Type ``text`` at the end of the query and wait until what is then in the field has been
    searched."""
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen), screen
    field = screen.query_one("#search-query", Input)
    expected = field.value + text
    await pilot.press(*["space" if char == " " else char for char in text])
    assert field.value == expected
    await wait_until_searched(pilot, screen, expected)


@pytest.fixture
def harness(library, config: Config) -> Harness:
    return Harness(library, config)


async def test_typing_a_query_lists_its_hits_newest_brief_first(harness):
    async with harness.app.run_test(size=SIZE) as pilot:
        screen = await harness.open(pilot)
        assert "Type to search" in harness.status()
        assert harness.rows() == []
        assert harness.app.focused is screen.query_one("#search-query")
        await type_query(pilot, "guarantees")
        rows = harness.rows()
        assert len(rows) == 10
        assert rows[0].startswith("2026-01-09  brief     Zelensky says Western security")
        assert "position  Volodymyr Zelensky: " in rows[2]
        assert all(
            row.endswith("Zelensky says Western security guarantees remain unclear")
            for row in rows
            if "\n" not in row
        )
        assert "10 hits in 1 of 3 briefs" in harness.status()
        assert "1 could not be loaded and were not searched" in harness.status()
        assert "10 hits in 1 of 3 briefs" in screen_text(harness.app)


async def test_the_query_is_searched_once_typing_pauses(harness):
    async with harness.app.run_test(size=SIZE) as pilot:
        screen = await harness.open(pilot)
        await pilot.press("a", "b", "b", "a", "s")
        assert harness.rows() == []  # not yet: the pause has not passed
        assert screen._timer is not None
        await wait_until_searched(pilot, screen, "abbas")
        assert harness.rows() and all("undated" in row for row in harness.rows())


async def test_enter_in_the_query_opens_the_first_hit_at_once(harness, library):
    folder, _ = library
    async with harness.app.run_test(size=SIZE) as pilot:
        await harness.open(pilot)
        await pilot.press(*"witkoff", "enter")  # before the pause: what was typed is searched
        await pilot.pause()
        assert harness.answers == [(folder / FLAGSHIP.name, "witkoff")]
        assert not isinstance(harness.app.screen, SearchScreen)


async def test_enter_on_a_hit_dismisses_with_its_brief_and_item(harness, library):
    folder, _ = library
    flagship = load_brief(folder / FLAGSHIP.name)
    async with harness.app.run_test(size=SIZE) as pilot:
        screen = await harness.open(pilot)
        await type_query(pilot, "actor:witkoff")
        await pilot.press("down")
        assert harness.app.focused is screen.query_one(SearchResults)
        await pilot.press("j", "j")
        hit = screen.hits[screen.query_one(SearchResults).highlighted_id or ""]
        assert hit.item_id is not None
        assert flagship.item(hit.item_id) is not None
        await pilot.press("enter")
        await pilot.pause()
        assert harness.answers == [(folder / FLAGSHIP.name, hit.item_id)]


async def test_a_title_hit_dismisses_with_no_item(harness, library):
    folder, _ = library
    async with harness.app.run_test(size=SIZE) as pilot:
        await harness.open(pilot, query="tolerate attacks")
        assert harness.rows()[0].startswith("undated     brief     Abbas says he will not")
        await pilot.press("enter")
        await pilot.pause()
        assert harness.answers == [(folder / UNDATED.name, None)]


async def test_escape_dismisses_with_nothing(harness):
    async with harness.app.run_test(size=SIZE) as pilot:
        await harness.open(pilot, query="guarantees")
        await pilot.press("down", "escape")
        await pilot.pause()
        assert harness.answers == [None]


async def test_slash_goes_back_to_the_query(harness):
    async with harness.app.run_test(size=SIZE) as pilot:
        screen = await harness.open(pilot, query="guarantees")
        assert "Query" not in screen_lines(harness.app)[-1]  # "/" types a slash here
        await pilot.press("down")
        await pilot.pause()
        assert "/ Query" in screen_lines(harness.app)[-1]
        await pilot.press("slash")
        assert harness.app.focused is screen.query_one("#search-query")
        await type_query(pilot, " is:star")
        assert harness.rows() == []
        assert harness.status() == "No hits in 3 briefs"


async def test_the_problems_of_a_query_are_shown_and_it_lists_nothing(harness):
    async with harness.app.run_test(size=SIZE) as pilot:
        await harness.open(pilot, query="guarantees")
        assert harness.rows()
        await type_query(pilot, " before:soon is:happy")
        assert harness.rows() == []
        status = harness.status()
        assert "before: needs YYYY-MM-DD, not 'soon'" in status
        assert "is:happy is not a state" in status
        await pilot.press(*["backspace"] * len(" before:soon is:happy"))
        assert harness.screen.query_one("#search-query").value == "guarantees"
        await wait_until_searched(pilot, harness.screen, "guarantees")
        assert len(harness.rows()) == 10


async def test_the_count_says_when_the_list_is_cut(harness, monkeypatch):
    monkeypatch.setattr(SearchScreen, "LIMIT", 3)
    async with harness.app.run_test(size=SIZE) as pilot:
        await harness.open(pilot, query="guarantees")
        assert len(harness.rows()) == 3
        assert "3 of 10 hits in 1 of 3 briefs (the first 3 listed" in harness.status()


async def test_notes_and_tags_are_searched_and_a_note_match_is_shown(
    harness, library, notes_folder
):
    folder, _ = library
    brief = load_brief(folder / FLAGSHIP.name)
    item = brief.positions[1]
    store = NotesStore(brief, notes_folder)
    store.change(item.id, set_tags(("deadline",)))
    store.change(item.id, set_note("Check this against the Paris communique."))
    store.change(item.id, toggle_flag("star"))
    async with harness.app.run_test(size=SIZE) as pilot:
        screen = await harness.open(pilot, query="#deadline is:star")
        assert [h.item_id for h in screen.hits.values()] == [item.id]
        await type_query(pilot, " communique")
        row = harness.rows()[0]
        assert row.splitlines()[1].strip() == "note: Check this against the Paris communique."


async def test_hostile_text_is_shown_literally(harness, library):
    folder, _ = library
    async with harness.app.run_test(size=SIZE) as pilot:
        screen = await harness.open(pilot, query="sneaky")
        hits = list(screen.hits.values())
        assert [h.path for h in hits] == [folder / HOSTILE] * 3
        rows = harness.rows()
        assert all(MARKUP in row for row in rows)
        assert all("␛]52;c;aGk=␇ ␛[2J <U+202E>" in row for row in rows)
        lines = screen_lines(harness.app)
        for raw in RAW_CONTROLS:
            assert not any(raw in line for line in lines)
        assert any("[@click=app.quit]click[/]" in line for line in lines)
        assert isinstance(harness.app.screen, SearchScreen)  # nothing clicked, nothing quit
        await pilot.press("enter")
        await pilot.pause()
        assert harness.answers == [(folder / HOSTILE, None)]


async def test_a_query_with_markup_or_controls_is_shown_literally_in_its_problems(harness):
    async with harness.app.run_test(size=SIZE) as pilot:
        screen = await harness.open(pilot)
        field = screen.query_one("#search-query")
        field.value = "before:[b]x[/b]\x1b"  # the field holds ESC as its stand-in, ␛
        await wait_until_searched(pilot, screen, field.value)
        assert "before: needs YYYY-MM-DD, not '[b]x[/b]␛'" in harness.status()


async def test_the_screen_answers_while_its_index_is_built(harness, library, monkeypatch):
    release = threading.Event()
    build = SearchIndex.from_library.__func__  # type: ignore[attr-defined]

    def slow(cls, entries, notes_dir=None):
        assert release.wait(10)
        return build(cls, entries, notes_dir)

    monkeypatch.setattr(SearchIndex, "from_library", classmethod(slow))
    async with harness.app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = SearchScreen(harness.entries, None)
        harness.app.push_screen(screen, harness.answers.append)
        await pilot.pause()
        assert "Reading 3 briefs and your notes…" in harness.status()
        await pilot.press(*"guarantees")  # keys are handled while the index is built
        assert screen.query_one("#search-query").value == "guarantees"
        assert screen.searched is None and harness.rows() == []  # nothing to search yet
        release.set()
        await wait_until_searched(pilot, screen, "guarantees")
        assert len(harness.rows()) == 10


async def test_closing_before_the_index_is_built_is_harmless(harness, monkeypatch):
    release = threading.Event()
    build = SearchIndex.from_library.__func__  # type: ignore[attr-defined]

    def slow(cls, entries, notes_dir=None):
        assert release.wait(10)
        return build(cls, entries, notes_dir)

    monkeypatch.setattr(SearchIndex, "from_library", classmethod(slow))
    async with harness.app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        harness.app.push_screen(SearchScreen(harness.entries, None), harness.answers.append)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        release.set()
        await harness.app.workers.wait_for_complete()
        await pilot.pause()
        assert harness.answers == [None]
        assert not isinstance(harness.app.screen, SearchScreen)


def test_the_search_keys_can_be_remapped():
    assert {"search.close", "search.results", "search.query"} <= binding_ids()
