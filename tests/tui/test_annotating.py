"""Annotating by keyboard: every key changes what the reader sees and what is on disk."""

from __future__ import annotations

from pathlib import Path

from briefing_tui.core.brief.model import Brief
from briefing_tui.core.notes.annotations import estimate_words
from briefing_tui.core.notes.store import NotesStore
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.screens.note_editor import NoteEditor
from briefing_tui.tui.screens.prompt import Prompt

from .tuikit import SIZE, brief_screen, marks, notifications, prompts, saved, screen_text


def on_disk(app: BriefingApp) -> NotesStore:
    """The notes of the brief shown as a fresh store reads them from the file (not the app's
    memory), once the app has written what it shows."""
    saved(app)
    return NotesStore(brief_screen(app).brief)


async def test_mark_keys_toggle_and_show_in_the_list_and_on_disk(
    flagship_app: BriefingApp, flagship: Brief, notes_folder: Path
):
    first, second = flagship.positions[0], flagship.positions[1]
    async with flagship_app.run_test(size=SIZE) as pilot:
        items = brief_screen(flagship_app).query_one("#items")
        await pilot.press("4", "a")
        assert marks(items)[f"item:{first.id}"] == "+  "
        assert on_disk(flagship_app).get(first.id).mark == "agree"
        assert "Your mark  agree" in screen_text(flagship_app)
        await pilot.press("d")  # another mark replaces it
        assert on_disk(flagship_app).get(first.id).mark == "disagree"
        await pilot.press("d")  # the same mark again clears it: nothing left, no note
        assert on_disk(flagship_app).get(first.id) is None
        assert marks(items)[f"item:{first.id}"] == "   "
        await pilot.press("j", "u", "asterisk", "f")
        note = on_disk(flagship_app).get(second.id)
        assert note.mark == "doubt" and note.flags == ("star", "follow-up")
        assert marks(items)[f"item:{second.id}"] == "?★ "
        assert "9 Notes 1" in screen_text(flagship_app)


async def test_note_editor_saves_with_f2_and_cancels_with_escape(
    flagship_app: BriefingApp, flagship: Brief, notes_folder: Path
):
    item = flagship.positions[2]
    async with flagship_app.run_test(size=SIZE) as pilot:
        items = brief_screen(flagship_app).query_one("#items")
        await pilot.press("4", "j", "j", "n")
        assert isinstance(flagship_app.screen, NoteEditor)
        await pilot.press(*"My first note")
        await pilot.press("f2")
        assert not isinstance(flagship_app.screen, NoteEditor)
        assert on_disk(flagship_app).get(item.id).note == "My first note"
        assert marks(items)[f"item:{item.id}"] == "  ✎"
        assert "My first note" in screen_text(flagship_app)  # rendered under Your notes

        await pilot.press("n", *" changed", "escape", "y")  # discarded: the note stays as it was
        assert on_disk(flagship_app).get(item.id).note == "My first note"

        await pilot.press("n", "ctrl+a")  # select all... then clear the text and save
        editor = flagship_app.screen.query_one("#note-text")
        editor.text = ""
        await pilot.press("ctrl+g")
        assert on_disk(flagship_app).get(item.id) is None  # empty note: removed


async def test_tags_estimate_and_undo(
    flagship_app: BriefingApp, flagship: Brief, notes_folder: Path
):
    question = flagship.questions[0]
    async with flagship_app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "t")
        assert isinstance(flagship_app.screen, Prompt)
        await pilot.press(*"#us, guarantees", "enter")
        assert on_disk(flagship_app).get(question.id).tags == ("us", "guarantees")
        await pilot.press("e", *"70", "enter")
        assert on_disk(flagship_app).get(question.id).estimate == 0.7
        assert estimate_words(0.7) in screen_text(flagship_app)  # "likely (55-80%)"
        await pilot.press("e", *"150", "enter")  # refused, nothing changes
        assert on_disk(flagship_app).get(question.id).estimate == 0.7
        assert any("0 to 100" in n for n in notifications(flagship_app))

        await pilot.press("z")  # undo the estimate
        assert on_disk(flagship_app).get(question.id).estimate is None
        await pilot.press("z")  # undo the tags: the annotation is gone
        assert on_disk(flagship_app).get(question.id) is None

        await pilot.press("4", "e")  # estimates are for questions only
        assert not isinstance(flagship_app.screen, Prompt)
        assert any("questions" in n for n in notifications(flagship_app))


async def test_triage_filter_and_tag_filter(
    flagship_app: BriefingApp, flagship: Brief, notes_folder: Path
):
    async with flagship_app.run_test(size=SIZE) as pilot:
        items = brief_screen(flagship_app).query_one("#items")
        await pilot.press("4", "a", "j", "d")  # two positions marked
        await pilot.press("m")  # is:unannotated
        assert len(prompts(items)) == len(flagship.positions) - 2
        await pilot.press("m")  # is:marked
        assert set(marks(items)) == {
            f"item:{flagship.positions[0].id}",
            f"item:{flagship.positions[1].id}",
        }
        await pilot.press("escape", "escape")  # close the filter; the row stays selected
        tagged = brief_screen(flagship_app).location.key
        await pilot.press("t", *"urgent", "enter", "slash", *"#urgent")
        assert list(marks(items)) == [tagged]


async def test_notes_survive_quit_and_reopen(flagship: Brief, config, notes_folder: Path):
    app = BriefingApp(brief=flagship, config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "a", "n", *"kept", "f2", "q")
    again = BriefingApp(brief=flagship, config=config)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        assert (
            marks(brief_screen(again).query_one("#items"))[f"item:{flagship.positions[0].id}"]
            == "+ ✎"
        )
        assert "kept" in screen_text(again)


async def test_an_unreadable_notes_file_is_set_aside_and_the_reader_told(
    flagship_app: BriefingApp, flagship: Brief, notes_folder: Path
):
    notes_folder.mkdir(parents=True)
    broken = notes_folder / f"{flagship.id}.notes.yaml"
    broken.write_text("items: [unclosed\n", encoding="utf-8")
    async with flagship_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        told = " ".join(notifications(flagship_app))
        assert "could not be read" in told and ".corrupt-" in told
        aside = list(notes_folder.glob("*.corrupt-*"))
        assert len(aside) == 1 and aside[0].read_text() == "items: [unclosed\n"
        await pilot.press("4", "a")  # new notes go to a fresh file
        assert aside[0].read_text() == "items: [unclosed\n"
        assert on_disk(flagship_app).get(flagship.positions[0].id).mark == "agree"


async def test_stale_and_orphaned_notes_are_listed_and_can_be_kept_moved_or_deleted(
    tmp_path: Path, config, notes_folder: Path
):
    import shutil

    from paths import FLAGSHIP

    from briefing_tui.core.load.loader import load_brief
    from briefing_tui.core.notes.edits import set_note
    from briefing_tui.tui.screens.confirm import ConfirmScreen
    from briefing_tui.tui.screens.item_picker import ItemPicker

    folder = tmp_path / "brief"
    folder.mkdir()
    for path in FLAGSHIP.parent.glob(FLAGSHIP.stem + ".*"):
        shutil.copy(path, folder)
    brief_path = folder / FLAGSHIP.name
    before = load_brief(brief_path)
    store = NotesStore(before, notes_folder)
    store.change("trump-likely-to-balk", set_note("orphan soon"))
    store.change("zelensky-no-clear-answer", set_note("stale soon"))
    text = brief_path.read_text(encoding="utf-8").replace("trump-likely-to-balk", "trump-balks")
    old = before.item("zelensky-no-clear-answer").body
    brief_path.write_text(text.replace(old, "Says nobody answered him."), encoding="utf-8")
    after = load_brief(brief_path)

    app = BriefingApp(brief=after, config=config)
    async with app.run_test(size=SIZE) as pilot:
        screen = brief_screen(app)
        await pilot.press("9")
        shown = prompts(screen.query_one("#items"))
        assert shown[0].startswith("orphan") and shown[1].startswith("stale")
        text_now = screen_text(app)
        assert "no item 'trump-likely-to-balk'" in text_now  # the orphan is selected

        await pilot.press("r")  # re-attach the orphan to the renamed position
        assert isinstance(app.screen, ItemPicker)
        await pilot.press(*"trump-balks", "enter")
        notes = on_disk(app)
        assert notes.get("trump-balks").note == "orphan soon"
        assert notes.get("trump-likely-to-balk") is None

        await pilot.press("g")  # now the stale note is first
        assert "Says nobody answered him." in screen_text(app)  # old and new text both shown
        assert old[:40] in screen_text(app)
        await pilot.press("K")  # keep it for the new text: no longer stale
        assert not prompts(screen.query_one("#items"))[0].startswith("stale")

        await pilot.press("D")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        assert on_disk(app).get("zelensky-no-clear-answer") is None
        await pilot.press("z")  # undo brings it back
        assert on_disk(app).get("zelensky-no-clear-answer").note == "stale soon"


async def test_export_key_writes_the_notes_to_markdown(
    flagship_app: BriefingApp, flagship: Brief, tmp_path: Path
):
    target = tmp_path / "out.md"
    async with flagship_app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "a", "n", *"exported words", "f2", "E")
        assert isinstance(flagship_app.screen, Prompt)
        field = flagship_app.screen.query_one("#prompt-input")
        field.value = str(target)
        await pilot.press("enter")
        assert target.exists()
        text = target.read_text(encoding="utf-8")
        assert "exported words" in text and "You agree" in text
        assert any(str(target) in n for n in notifications(flagship_app))
