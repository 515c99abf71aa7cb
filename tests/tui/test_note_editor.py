"""The note editor never throws work away: Escape asks before discarding a changed note, and
what is discarded comes back as a draft."""

from __future__ import annotations

from pathlib import Path

from briefing_tui.core.model import Brief
from briefing_tui.core.notestore import NotesStore
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.screens.brief import BriefScreen
from briefing_tui.tui.screens.discard import DiscardNote
from briefing_tui.tui.screens.note_editor import NoteEditor

from .tuikit import SIZE, notifications, screen_text, wait_until

LONG_NOTE = "A long note, written with care over many minutes."


def note_on_disk(brief: Brief, folder: Path, item_id: str) -> str | None:
    annotation = NotesStore(brief, folder).get(item_id)
    return annotation.note if annotation else None


def editor_text(app: BriefingApp) -> str:
    screen = app.screen
    assert isinstance(screen, NoteEditor), f"expected the note editor, got {screen!r}"
    return screen.query_one("#note-text").text


async def test_escape_on_an_unchanged_note_just_closes(flagship_app: BriefingApp):
    async with flagship_app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "n")
        assert isinstance(flagship_app.screen, NoteEditor)
        await pilot.press("escape")
        assert isinstance(flagship_app.screen, BriefScreen)


async def test_escape_on_a_changed_note_asks_and_keeping_it_is_the_default(
    flagship_app: BriefingApp, flagship: Brief, notes_folder: Path
):
    item = flagship.positions[0].id
    async with flagship_app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "n", *LONG_NOTE, "escape")
        assert isinstance(flagship_app.screen, DiscardNote)
        assert "Discard your changes to this note?" in screen_text(flagship_app)
        await pilot.press("enter")  # the default: keep editing
        assert editor_text(flagship_app) == LONG_NOTE
        await pilot.press("escape", "n")  # n keeps editing too
        assert editor_text(flagship_app) == LONG_NOTE
        await pilot.press(*" Done.", "f2")
        await wait_until(
            lambda: note_on_disk(flagship, notes_folder, item) == LONG_NOTE + " Done.", "saved"
        )


async def test_a_reflexive_double_escape_keeps_the_draft_and_n_offers_it_back(
    flagship_app: BriefingApp, flagship: Brief, notes_folder: Path
):
    item = flagship.positions[0].id
    async with flagship_app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "n", *LONG_NOTE, "escape", "escape")
        assert isinstance(flagship_app.screen, BriefScreen)
        assert note_on_disk(flagship, notes_folder, item) is None  # not saved...
        assert any("draft is kept" in n for n in notifications(flagship_app))  # ...but kept

        await pilot.press("n")
        assert editor_text(flagship_app) == LONG_NOTE
        assert "Your unsaved draft is back." in screen_text(flagship_app)
        await pilot.press("escape", "y")  # discarded again: still kept
        await pilot.press("n")
        assert editor_text(flagship_app) == LONG_NOTE

        await pilot.press("ctrl+z")  # the saved note (none yet)...
        assert editor_text(flagship_app) == ""
        await pilot.press("escape")  # ...closed as saved: the draft is forgotten
        assert isinstance(flagship_app.screen, BriefScreen)
        await pilot.press("n")
        assert editor_text(flagship_app) == ""
        assert "draft is back" not in screen_text(flagship_app)


async def test_a_draft_saved_is_the_note_and_is_forgotten(
    flagship_app: BriefingApp, flagship: Brief, notes_folder: Path
):
    item = flagship.positions[0].id
    async with flagship_app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "n", *"draft", "escape", "y", "j", "n")
        assert editor_text(flagship_app) == ""  # another item: no draft there
        await pilot.press("escape", "k", "n", "f2")
        await wait_until(lambda: note_on_disk(flagship, notes_folder, item) == "draft", "saved")
        await wait_until(lambda: isinstance(flagship_app.screen, BriefScreen), "closed")
        await pilot.press("n")
        assert editor_text(flagship_app) == "draft"
        assert "draft is back" not in screen_text(flagship_app)
