"""Across briefs and search, opened from the reader, jump to the chosen item in its brief;
a brief edited on disk while it is open reloads in place.

The fixture library is the flagship brief and a later copy of it (another id and date, one
stance reworded), so every actor and issue appears in two briefs.
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from paths import FLAGSHIP
from textual.pilot import Pilot

from briefing_tui.core.library.cache import BriefCache
from briefing_tui.core.library.discover import find_briefs
from briefing_tui.core.load.loader import load_brief
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.screens import live_reload
from briefing_tui.tui.screens.across import AcrossScreen
from briefing_tui.tui.screens.brief import BriefScreen
from briefing_tui.tui.screens.library import LibraryScreen
from briefing_tui.tui.screens.note_editor import NoteEditor
from briefing_tui.tui.screens.problems import ProblemsScreen
from briefing_tui.tui.screens.search import SearchScreen
from briefing_tui.tui.widgets.items import ItemList

from .tuikit import (
    SIZE,
    brief_screen,
    highlighted_id,
    notifications,
    screen_text,
    wait_for,
)

OLD_STANCE = "Has not formally signed off on sending US troops."
NEW_STANCE = "Has now signed off on a token force."
# Stances wrap in the detail pane: the screen is checked for their first words.
OLD_SHOWN, NEW_SHOWN = OLD_STANCE[:27], NEW_STANCE[:18]


@pytest.fixture
def two_briefs(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    shutil.copy(FLAGSHIP, folder / FLAGSHIP.name)
    shutil.copy(FLAGSHIP.with_suffix(".txt"), folder / FLAGSHIP.with_suffix(".txt").name)
    text = FLAGSHIP.read_text(encoding="utf-8")
    later = (
        text.replace("id: zelensky-security-guarantees", "id: zelensky-later", 1)
        .replace("published: 2026-01-09", "published: 2026-02-01", 1)
        .replace(OLD_STANCE, NEW_STANCE, 1)
    )
    assert later.count(NEW_STANCE) == 1
    (folder / "later.yaml").write_text(later, encoding="utf-8")
    return folder


async def open_library(pilot: Pilot, app: BriefingApp) -> LibraryScreen:
    screen = app.screen
    assert isinstance(screen, LibraryScreen)
    await wait_for(pilot, lambda: not screen.listing and not screen.indexing, "the library")
    return screen


def library_app(folder: Path, config) -> BriefingApp:
    return BriefingApp(
        library=(str(folder), find_briefs([folder])), config=config, cache=BriefCache()
    )


async def test_x_on_an_actor_shows_their_stances_in_both_briefs_and_jumps(two_briefs, config):
    app = library_app(two_briefs, config)
    async with app.run_test(size=SIZE) as pilot:
        await open_library(pilot, app)
        await pilot.press("G", "enter")  # the older brief: the flagship
        assert brief_screen(app).brief.id == "zelensky-security-guarantees"
        app.screen.follow("item:trump")
        await pilot.press("x")
        await pilot.pause()
        across = app.screen
        assert isinstance(across, AcrossScreen)
        text = screen_text(app)
        assert "Donald Trump across 2 briefs" in text
        rows = [s for s in across.stances.values() if s.position.id == "trump-not-signed-off"]
        assert [s.brief_id for s in rows] == ["zelensky-security-guarantees", "zelensky-later"]
        # the later stance is the reworded one, listed after the older one
        later_id = next(k for k, s in across.stances.items() if s.position.stance == NEW_STANCE)
        across.query_one("#across-list").highlighted = next(
            i for i, o in enumerate(across.query_one("#across-list").options) if o.id == later_id
        )
        await pilot.press("enter")
        await pilot.pause()
        screen = brief_screen(app)
        assert screen.brief.id == "zelensky-later"
        assert screen.location.key == "item:trump-not-signed-off"
        assert NEW_SHOWN in screen_text(app)
        await pilot.press("escape", "escape", "escape")  # back out to the flagship
        assert brief_screen(app).brief.id == "zelensky-security-guarantees"


async def test_x_needs_an_actor_an_issue_or_a_position(two_briefs, config):
    app = library_app(two_briefs, config)
    async with app.run_test(size=SIZE) as pilot:
        await open_library(pilot, app)
        await pilot.press("enter")
        app.screen.follow("item:trump-not-signed-off")  # a position: its actor
        await pilot.press("x")
        assert isinstance(app.screen, AcrossScreen)
        assert "Donald Trump" in screen_text(app)
        await pilot.press("escape")
        await pilot.press("6")  # quotes
        await pilot.press("x")
        assert isinstance(app.screen, BriefScreen)
        assert any("Select an actor" in n for n in notifications(app))


async def test_search_from_the_library_jumps_to_the_item_in_its_brief(two_briefs, config):
    app = library_app(two_briefs, config)
    async with app.run_test(size=SIZE) as pilot:
        await open_library(pilot, app)
        await pilot.press("s")
        search = app.screen
        assert isinstance(search, SearchScreen)
        await pilot.press(*"token force")
        await wait_for(pilot, lambda: len(search.hits) == 1, "one hit")
        await pilot.press("enter")
        await pilot.pause()
        screen = brief_screen(app)
        assert screen.brief.id == "zelensky-later"
        assert screen.location.key == "item:trump-not-signed-off"


# -- live reload ------------------------------------------------------------------------------


@pytest.fixture
def editable(two_briefs: Path) -> Path:
    return two_briefs / FLAGSHIP.name


def reloading(screen: BriefScreen) -> bool:
    """Whether the screen is reading its files again (its reload worker has not finished)."""
    return any(
        worker.node is screen and worker.group == "brief-reload" and not worker.is_finished
        for worker in screen.app.workers
    )


async def reload_now(pilot: Pilot, screen: BriefScreen) -> None:
    """Look at the files now and wait until what is on disk has been taken in.

    The screen's own timer looks every second, so under load it may have seen the change
    first: then there is nothing left to start, only a reload to wait for (or none at all)."""
    screen.check_files()
    await wait_for(pilot, lambda: not reloading(screen), "the reload")


async def test_an_edited_brief_reloads_at_the_same_row(editable, config):
    app = BriefingApp(brief=load_brief(editable), config=config, cache=BriefCache())
    async with app.run_test(size=SIZE) as pilot:
        screen = brief_screen(app)
        screen.follow("item:trump-not-signed-off")
        await pilot.pause()
        assert OLD_SHOWN in screen_text(app)
        text = editable.read_text(encoding="utf-8")
        editable.write_text(text.replace(OLD_STANCE, NEW_STANCE), encoding="utf-8")
        await reload_now(pilot, screen)
        await pilot.pause()
        assert screen.location.key == "item:trump-not-signed-off"
        assert highlighted_id(screen.query_one(ItemList)) == "item:trump-not-signed-off"
        assert NEW_SHOWN in screen_text(app)
        assert OLD_SHOWN not in screen_text(app)


async def test_a_broken_edit_keeps_the_last_good_version_until_it_is_fixed(editable, config):
    app = BriefingApp(brief=load_brief(editable), config=config, cache=BriefCache())
    async with app.run_test(size=SIZE) as pilot:
        screen = brief_screen(app)
        screen.follow("item:trump-not-signed-off")
        good = editable.read_text(encoding="utf-8")
        editable.write_text(good.replace("actor: trump\n", "actor: nobody-at-all\n", 1), "utf-8")
        await reload_now(pilot, screen)
        await pilot.pause()
        assert screen.disk_problems
        assert "nobody-at-all" in str(screen.disk_problems[0])
        assert "the file on disk has 1 problem" in screen_text(app)
        assert OLD_SHOWN in screen_text(app)  # still the last good version, same row
        assert screen.location.key == "item:trump-not-signed-off"
        screen.action_disk_problems()
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        assert "nobody-at-all" in screen_text(app)
        await pilot.press("escape")
        editable.write_text(good.replace(OLD_STANCE, NEW_STANCE), encoding="utf-8")
        await reload_now(pilot, screen)
        await pilot.pause()
        assert not screen.disk_problems
        assert "problem" not in screen_text(app).splitlines()[0]
        assert NEW_SHOWN in screen_text(app)


async def test_a_removed_item_is_told_and_an_edited_article_is_read_again(editable, config):
    app = BriefingApp(brief=load_brief(editable), config=config, cache=BriefCache())
    async with app.run_test(size=SIZE) as pilot:
        screen = brief_screen(app)
        paragraphs = len(screen.brief.paragraphs)
        article = editable.with_suffix(".txt")
        article.write_text(
            article.read_text(encoding="utf-8") + "\n\nA paragraph added later.\n", "utf-8"
        )
        await reload_now(pilot, screen)
        assert len(screen.brief.paragraphs) == paragraphs + 1

        screen.follow("item:trump-no-boots-promise")
        await pilot.pause()
        text = editable.read_text(encoding="utf-8")
        start = text.index("  - id: trump-no-boots-promise\n")
        end = text.index("  - id: ", start + 10)
        editable.write_text(text[:start] + text[end:], encoding="utf-8")
        await reload_now(pilot, screen)
        await pilot.pause()
        assert screen.brief.item("trump-no-boots-promise") is None
        assert any(
            "'trump-no-boots-promise' is no longer in the brief" in n for n in notifications(app)
        )


# -- found in review: reload and reopen keep the reader's work and show what is on disk ------


async def test_no_reload_under_an_open_note_editor_and_the_note_is_kept(editable, config):
    app = BriefingApp(brief=load_brief(editable), config=config, cache=BriefCache())
    async with app.run_test(size=SIZE) as pilot:
        screen = brief_screen(app)
        screen.follow("item:trump-not-signed-off")
        await pilot.press("n")
        assert isinstance(app.screen, NoteEditor)
        text = editable.read_text(encoding="utf-8")
        editable.write_text(text.replace(OLD_STANCE, NEW_STANCE), "utf-8")
        before = screen.brief
        screen.check_files()  # the timer's tick, with the editor open
        await wait_for(pilot, lambda: not reloading(screen), "no reload to be running")
        assert screen.brief is before
        await pilot.press(*"my note", "f2")
        # after the dialog the edit is taken (by the screen coming back, or by its timer)
        await wait_for(
            pilot,
            lambda: screen.brief.item("trump-not-signed-off").stance == NEW_STANCE,
            "the reload once the editor closed",
        )
        assert screen.notes.get("trump-not-signed-off").note == "my note"
        await pilot.pause()
        assert NEW_SHOWN in screen_text(app)


async def test_a_reload_read_before_the_note_editor_opened_waits_until_it_closes(
    editable, config, monkeypatch
):
    """The files are being read when the reader opens the editor: the item must not change
    under the note being written (until the fix the reload landed under the open editor)."""
    reading, release = threading.Event(), threading.Event()
    read_through = live_reload.read_through

    def slow_read(*args, **kwargs):
        reading.set()
        release.wait(timeout=30)
        return read_through(*args, **kwargs)

    monkeypatch.setattr(live_reload, "read_through", slow_read)
    app = BriefingApp(brief=load_brief(editable), config=config, cache=BriefCache())
    async with app.run_test(size=SIZE) as pilot:
        screen = brief_screen(app)
        screen.follow("item:trump-not-signed-off")
        text = editable.read_text(encoding="utf-8")
        editable.write_text(text.replace(OLD_STANCE, NEW_STANCE), "utf-8")
        before = screen.brief
        screen.check_files()  # the timer's tick: the files are being read...
        await wait_for(pilot, reading.is_set, "the read to start")
        await pilot.press("n")  # ...when the reader starts a note
        assert isinstance(app.screen, NoteEditor)
        release.set()
        await wait_for(pilot, lambda: not reloading(screen), "the read to end")
        assert isinstance(app.screen, NoteEditor)
        assert screen.brief is before
        assert not any("Reloaded" in n for n in notifications(app))
        await pilot.press(*"my note", "f2")
        await wait_for(
            pilot,
            lambda: screen.brief.item("trump-not-signed-off").stance == NEW_STANCE,
            "the reload once the editor closed",
        )
        assert screen.notes.get("trump-not-signed-off").note == "my note"
        await pilot.pause()
        assert NEW_SHOWN in screen_text(app)


async def test_a_reload_keeps_the_filter_being_typed(editable, config):
    app = BriefingApp(brief=load_brief(editable), config=config, cache=BriefCache())
    async with app.run_test(size=SIZE) as pilot:
        screen = brief_screen(app)
        await pilot.press("4", "slash", *"trump")
        text = editable.read_text(encoding="utf-8")
        editable.write_text(text.replace(OLD_STANCE, NEW_STANCE), encoding="utf-8")
        await reload_now(pilot, screen)
        await pilot.press(*" now")
        field = screen.query_one("#filter")
        assert field.value == "trump now"
        assert app.focused is field
        assert not screen.notes.annotations  # no key reached the annotation commands


async def test_a_brief_edited_or_fixed_while_closed_reopens_as_it_is_now(two_briefs, config):
    broken = two_briefs / "later.yaml"
    good = broken.read_text(encoding="utf-8")
    broken.write_text(good.replace("actor: trump\n", "actor: nobody\n", 1), encoding="utf-8")
    app = library_app(two_briefs, config)
    async with app.run_test(size=SIZE) as pilot:
        library = await open_library(pilot, app)
        flagship = str(two_briefs / FLAGSHIP.name)
        library.query_one("#library").move_to(flagship)
        await pilot.press("enter")
        assert brief_screen(app).brief.title.startswith("Zelensky says")
        await pilot.press("escape", "escape")
        text = (two_briefs / FLAGSHIP.name).read_text(encoding="utf-8")
        (two_briefs / FLAGSHIP.name).write_text(
            text.replace("title: Zelensky says", "title: Edited, Zelensky says", 1), "utf-8"
        )
        await pilot.press("enter")
        assert brief_screen(app).brief.title.startswith("Edited, Zelensky says")
        await pilot.press("escape", "escape")

        broken.write_text(good, encoding="utf-8")  # fixed while the library is open
        library.query_one("#library").move_to(str(broken))
        await pilot.press("enter")
        assert brief_screen(app).brief.id == "zelensky-later"
