"""Notes in the app at the edges (issue 11): another instance's work survives an undo, a file
broken by another program keeps what was shown, a change the disk refuses is shown as NOT
saved and never quietly forgotten, and unusable notes folders never crash the app."""

from __future__ import annotations

import os
from pathlib import Path

from fskit import unwritable

from briefing_tui.config import Config
from briefing_tui.core.brief.model import Brief
from briefing_tui.core.notes.edits import set_note, set_tags, toggle_mark
from briefing_tui.core.notes.file import parse_notes
from briefing_tui.core.notes.folder import notes_path
from briefing_tui.core.notes.store import NotesStore
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.screens.confirm import ConfirmScreen
from briefing_tui.tui.screens.recover_notes import RecoverNotesScreen

from .tuikit import SIZE, brief_screen, marks, notifications, saved, screen_text, wait_for


def disk(path: Path) -> dict:
    return parse_notes(path.read_text(encoding="utf-8"), str(path))[1]


async def test_undo_in_one_instance_keeps_the_note_and_tags_another_instance_added(
    flagship_app: BriefingApp, flagship: Brief, notes_folder: Path
):
    position = flagship.positions[0]
    other_instance = NotesStore(flagship, notes_folder)
    async with flagship_app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "asterisk")
        saved(flagship_app)
        other_instance.change(position.id, set_note("the other instance's note"))
        other_instance.change(position.id, set_tags(("theirs",)))
        await pilot.press("z")
        saved(flagship_app)
        entry = disk(notes_path(notes_folder, flagship.id))[position.id]
        assert entry.flags == ()
        assert entry.note == "the other instance's note" and entry.tags == ("theirs",)
        await pilot.pause()
        assert marks(brief_screen(flagship_app).query_one("#items"))[f"item:{position.id}"] == (
            "  ✎"
        )


async def test_a_notes_file_broken_by_another_program_keeps_the_ten_marked_rows_and_asks(
    flagship_app: BriefingApp, flagship: Brief, notes_folder: Path
):
    path = notes_path(notes_folder, flagship.id)
    async with flagship_app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        for _ in range(10):
            await pilot.press("a", "j")
        saved(flagship_app)
        items = brief_screen(flagship_app).query_one("#items")
        assert sum(m.startswith("+") for m in marks(items).values()) == 10
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("mark: agree", "mark: agre", 1), encoding="utf-8")
        broken = path.read_bytes()

        await pilot.press("k", "d")  # the tenth row: agree -> disagree
        await wait_for(
            pilot, lambda: isinstance(flagship_app.screen, RecoverNotesScreen), "the question"
        )
        asked = screen_text(flagship_app)
        assert ".corrupt-" in asked and "agre" in asked
        assert sum(m.strip() != "" for m in marks(items).values()) == 10  # nothing vanished
        aside = list(notes_folder.glob("*.corrupt-*"))
        assert len(aside) == 1 and aside[0].read_bytes() == broken

        await pilot.press("r")  # restore what was shown
        saved(flagship_app)
        restored = disk(path)
        assert len(restored) == 10
        assert sorted(a.mark for a in restored.values()).count("disagree") == 1
        await wait_for(
            pilot,
            lambda: any(".corrupt-" in n for n in notifications(flagship_app)),
            "the message naming the set-aside file",
        )


async def test_a_change_the_disk_refuses_shows_as_not_saved_and_is_saved_when_it_can_be(
    flagship_app: BriefingApp, flagship: Brief, notes_folder: Path
):
    position = flagship.positions[0]
    async with flagship_app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "a")
        saved(flagship_app)
        store = brief_screen(flagship_app).notes
        with unwritable(notes_folder):
            await pilot.press("d")
            await wait_for(
                pilot,
                lambda: any("NOT saved" in n for n in notifications(flagship_app)),
                "the NOT saved message",
            )
            assert "1 change NOT saved" in screen_text(flagship_app)
            assert disk(notes_path(notes_folder, flagship.id))[position.id].mark == "agree"
        store.retry()
        saved(flagship_app)
        assert disk(notes_path(notes_folder, flagship.id))[position.id].mark == "disagree"
        await wait_for(
            pilot,
            lambda: any("waiting are in the notes file" in n for n in notifications(flagship_app)),
            "the saved-at-last message",
        )
        await wait_for(
            pilot, lambda: "NOT saved" not in screen_text(flagship_app), "the title cleared"
        )


async def test_quitting_with_unsaved_changes_asks_and_keeps_a_copy(
    flagship_app: BriefingApp, flagship: Brief, notes_folder: Path
):
    async with flagship_app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "a")
        saved(flagship_app)
        with unwritable(notes_folder):
            await pilot.press("j", "u", "q")
            await wait_for(
                pilot, lambda: isinstance(flagship_app.screen, ConfirmScreen), "the question"
            )
            assert "NOT saved" in screen_text(flagship_app)
            await pilot.press("n")  # stay
            assert flagship_app.is_running
        cache = Path(os.environ["BRIEFING_TUI_CACHE_DIR"]).parent
        copies = list(cache.glob(f"{flagship.id}.notes.yaml.unsaved-*"))
        assert len(copies) == 1
        copy = disk(copies[0])  # the notes as shown: the unsaved doubt included
        assert copy[flagship.positions[1].id].mark == "doubt"


async def test_a_notes_folder_that_is_a_file_opens_the_brief_and_says_why_nothing_is_saved(
    flagship: Brief, config: Config, notes_folder: Path
):
    notes_folder.write_text("a file, not a folder", encoding="utf-8")
    app = BriefingApp(brief=flagship, config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "a")
        told = " ".join(notifications(app))
        assert "not a folder" in told and "NOT saved" in told
        assert marks(brief_screen(app).query_one("#items"))[
            f"item:{flagship.positions[0].id}"
        ].startswith(" ")
    assert notes_folder.read_text(encoding="utf-8") == "a file, not a folder"


async def test_a_mark_on_a_brief_whose_other_notes_changed_on_disk_keeps_both(
    flagship_app: BriefingApp, flagship: Brief, notes_folder: Path
):
    first, second = flagship.positions[0], flagship.positions[1]
    async with flagship_app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "a")
        saved(flagship_app)
        NotesStore(flagship, notes_folder).change(second.id, toggle_mark("doubt"))
        await pilot.press("asterisk")
        saved(flagship_app)
        on_disk = disk(notes_path(notes_folder, flagship.id))
        assert on_disk[first.id].mark == "agree" and on_disk[first.id].flags == ("star",)
        assert on_disk[second.id].mark == "doubt"
        await pilot.pause()
        assert marks(brief_screen(flagship_app).query_one("#items"))[f"item:{second.id}"] == ("?  ")


async def test_the_export_key_refuses_to_write_over_the_notes_file(
    flagship_app: BriefingApp, flagship: Brief, notes_folder: Path
):
    from briefing_tui.tui.screens.prompt import Prompt

    path = notes_path(notes_folder, flagship.id)
    async with flagship_app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "a")
        saved(flagship_app)
        before = path.read_bytes()
        await pilot.press("E")
        assert isinstance(flagship_app.screen, Prompt)
        flagship_app.screen.query_one("#prompt-input").value = str(path)
        await pilot.press("enter")
        await wait_for(
            pilot,
            lambda: any("NOT exported" in n for n in notifications(flagship_app)),
            "the refusal",
        )
        assert path.read_bytes() == before


async def test_tags_saved_unchanged_keep_a_tag_of_two_words_from_a_shared_file_whole(
    flagship_app: BriefingApp, flagship: Brief, notes_folder: Path
):
    position = flagship.positions[0]
    NotesStore(flagship, notes_folder).change(position.id, set_tags(("two words", "one")))
    async with flagship_app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "t", "enter")
        saved(flagship_app)
        assert disk(notes_path(notes_folder, flagship.id))[position.id].tags == (
            "two words",
            "one",
        )
