"""The note editor never throws work away: Escape asks before discarding a changed note, what
is discarded comes back as a draft, and the reader's own editor can write the note (ctrl+e)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from editorkit import fake_editor, seen_by_editor

from briefing_tui.core.brief.model import Brief
from briefing_tui.core.notes.store import NotesStore
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.screens.brief import BriefScreen
from briefing_tui.tui.screens.discard import DiscardNote
from briefing_tui.tui.screens.note_editor import NoteEditor

from .tuikit import SIZE, notifications, screen_text, wait_for

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
        await wait_for(
            pilot,
            lambda: note_on_disk(flagship, notes_folder, item) == LONG_NOTE + " Done.",
            "saved",
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
        await wait_for(
            pilot, lambda: note_on_disk(flagship, notes_folder, item) == "draft", "saved"
        )
        await wait_for(pilot, lambda: isinstance(flagship_app.screen, BriefScreen), "closed")
        await pilot.press("n")
        assert editor_text(flagship_app) == "draft"
        assert "draft is back" not in screen_text(flagship_app)


# -- the reader's own editor ---------------------------------------------------------------------


@pytest.fixture
def suspended(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Suspending works in the tests (the headless driver cannot hand a terminal over): each
    suspension is recorded instead."""
    calls: list[str] = []

    @contextlib.contextmanager
    def suspend(self: BriefingApp) -> Iterator[None]:
        calls.append("suspended")
        yield
        calls.append("resumed")

    monkeypatch.setattr(BriefingApp, "suspend", suspend)
    return calls


@pytest.fixture
def no_editor_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)


async def test_ctrl_e_edits_the_note_in_the_configured_editor_and_takes_the_result_back(
    flagship: Brief, write_config, tmp_path: Path, notes_folder: Path, suspended: list[str]
):
    item = flagship.positions[0].id
    command = fake_editor(tmp_path / "bin")
    config = write_config(f"editor = '''{command}'''\n")
    app = BriefingApp(brief=flagship, config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "n", *"Typed here,", "ctrl+e")
        await wait_for(
            pilot, lambda: editor_text(app) == "Typed here, edited outside", "taken back"
        )
        assert suspended == ["suspended", "resumed"]
        seen = seen_by_editor(tmp_path / "bin")
        assert seen["text"] == "Typed here," and seen["mode"] == 0o600
        assert seen["args"][0] == "--wait"
        assert not Path(str(seen["args"][1])).exists()  # the temporary file is removed
        assert note_on_disk(flagship, notes_folder, item) is None  # not saved yet: reviewed
        assert any("F2 saves the note" in n for n in notifications(app))
        await pilot.press("f2")
        await wait_for(
            pilot,
            lambda: note_on_disk(flagship, notes_folder, item) == "Typed here, edited outside",
            "saved",
        )


async def test_visual_is_the_editor_when_the_config_names_none(
    flagship_app: BriefingApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suspended
):
    monkeypatch.setenv("VISUAL", fake_editor(tmp_path / "bin"))
    monkeypatch.setenv("EDITOR", "no-such-editor-here")
    async with flagship_app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "n", "ctrl+e")
        await wait_for(pilot, lambda: editor_text(flagship_app) == " edited outside", "taken back")


async def test_a_failing_or_missing_editor_keeps_the_text_and_says_why(
    flagship: Brief, write_config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suspended
):
    monkeypatch.setenv("FAKE_EDITOR_EXIT", "3")
    config = write_config(f"editor = '''{fake_editor(tmp_path / 'bin')}'''\n")
    app = BriefingApp(brief=flagship, config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "n", *"Kept", "ctrl+e")
        await wait_for(pilot, lambda: any("exit status 3" in n for n in notifications(app)), "told")
        assert any("The note is as it was." in n for n in notifications(app))
        assert editor_text(app) == "Kept"
        assert suspended == ["suspended", "resumed"]  # the screen is back

    config = write_config("editor = 'no-such-editor-here --wait'\n")
    app = BriefingApp(brief=flagship, config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "n", *"Kept", "ctrl+e")
        await wait_for(pilot, lambda: any("was not found" in n for n in notifications(app)), "told")
        assert editor_text(app) == "Kept"


async def test_with_no_editor_set_ctrl_e_says_how_to_set_one(
    flagship_app: BriefingApp, no_editor_variables, suspended: list[str]
):
    async with flagship_app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "n", *"Kept", "ctrl+e")
        await wait_for(
            pilot, lambda: any("No editor is set" in n for n in notifications(flagship_app)), "told"
        )
        assert editor_text(flagship_app) == "Kept"
        assert suspended == []


async def test_where_the_terminal_cannot_be_handed_over_ctrl_e_says_so(
    flagship: Brief, write_config, tmp_path: Path
):
    # The test driver is headless: App.suspend raises SuspendNotSupported, as in Textual Web.
    config = write_config(f"editor = '''{fake_editor(tmp_path / 'bin')}'''\n")
    app = BriefingApp(brief=flagship, config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "n", *"Kept", "ctrl+e")
        await wait_for(
            pilot, lambda: any("cannot be opened here" in n for n in notifications(app)), "told"
        )
        assert editor_text(app) == "Kept"
        assert not (tmp_path / "bin" / "seen.json").exists()  # never run


async def test_the_editor_key_can_be_remapped(
    flagship: Brief, write_config, tmp_path: Path, suspended: list[str]
):
    config = write_config(
        f"editor = '''{fake_editor(tmp_path / 'bin')}'''\n"
        '[keymap]\n"note.outside_editor" = "f4"\n'
    )
    app = BriefingApp(brief=flagship, config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "n", "f4")
        await wait_for(pilot, lambda: editor_text(app) == " edited outside", "taken back")
        assert not any("no key binding has the id" in n for n in notifications(app))


async def test_quitting_with_a_changed_note_open_asks_first(flagship_app: BriefingApp):
    from briefing_tui.tui.screens.confirm import ConfirmScreen

    async with flagship_app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "n", *LONG_NOTE, "ctrl+q")
        assert flagship_app.is_running
        assert isinstance(flagship_app.screen, ConfirmScreen)
        assert "Quit without saving your note?" in screen_text(flagship_app)
        await pilot.press("n")  # no: back to the note
        assert editor_text(flagship_app) == LONG_NOTE
        await pilot.press("ctrl+q", "y")
        await wait_for(pilot, lambda: not flagship_app.is_running, "quit")


async def test_quitting_with_an_unchanged_note_open_just_quits(flagship_app: BriefingApp):
    async with flagship_app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "n", "ctrl+q")
        await wait_for(pilot, lambda: not flagship_app.is_running, "quit")
