"""Keys that arrive in a burst (a fast typist, a paste sent as keys, SSH, tmux) are handled in
order, each once the one before has had its effect: what is typed before a save key is saved.

``burst`` sends every key at once, as a terminal delivers them over a slow link; the notes file
is then polled for the expected content (a save may happen in the background).
"""

from __future__ import annotations

from pathlib import Path

from textual import events

from briefing_tui.core.brief.model import Brief
from briefing_tui.core.notes.store import NotesStore
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.screens.brief import BriefScreen
from briefing_tui.tui.screens.note_editor import NoteEditor
from briefing_tui.tui.screens.prompt import Prompt

from .tuikit import SIZE, brief_screen, burst, highlighted_id, notifications, wait_for


def saved(brief: Brief, folder: Path, item_id: str):
    """The annotation of ``item_id`` as the notes file holds it (None: none)."""
    return NotesStore(brief, folder).get(item_id)


def note_of(brief: Brief, folder: Path, item_id: str) -> str | None:
    annotation = saved(brief, folder, item_id)
    return annotation.note if annotation else None


async def test_n_text_and_f2_in_one_burst_save_exactly_the_text(
    flagship_app: BriefingApp, flagship: Brief, notes_folder: Path
):
    item = flagship.positions[0].id
    async with flagship_app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        items = brief_screen(flagship_app).query_one("#items")
        burst(pilot, "n", *"typed note 1", "f2")
        await wait_for(
            pilot, lambda: note_of(flagship, notes_folder, item) == "typed note 1", "the note saved"
        )
        await wait_for(pilot, lambda: isinstance(flagship_app.screen, BriefScreen), "editor closed")
        assert highlighted_id(items) == f"item:{item}"  # the keys never reached the list
        await wait_for(pilot, lambda: "Note saved." in notifications(flagship_app), "told")


async def test_keys_the_list_knows_typed_right_after_n_go_to_the_note(
    flagship_app: BriefingApp, flagship: Brief, notes_folder: Path
):
    item = flagship.positions[0].id
    async with flagship_app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        burst(pilot, "n", *"just a joke, then ztamped", "ctrl+g")  # j, t, e, z, a, d, u...
        await wait_for(
            pilot,
            lambda: note_of(flagship, notes_folder, item) == "just a joke, then ztamped",
            "the note saved",
        )
        await wait_for(pilot, lambda: isinstance(flagship_app.screen, BriefScreen), "editor closed")
        annotation = saved(flagship, notes_folder, item)
        assert annotation.mark is None and annotation.tags == ()  # a, d, t did nothing else
        assert highlighted_id(brief_screen(flagship_app).query_one("#items")) == f"item:{item}"


async def test_f2_waits_for_the_text_typed_before_it_in_the_open_editor(
    flagship_app: BriefingApp, flagship: Brief, notes_folder: Path
):
    item = flagship.positions[1].id
    async with flagship_app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "j", "n")
        assert isinstance(flagship_app.screen, NoteEditor)
        text = "a longer note, typed fast " * 4
        burst(pilot, *text, "f2")
        await wait_for(pilot, lambda: note_of(flagship, notes_folder, item) == text, "note saved")


async def test_t_tags_and_enter_in_one_burst_save_the_tags(
    flagship_app: BriefingApp, flagship: Brief, notes_folder: Path
):
    question = flagship.questions[0].id
    async with flagship_app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        burst(pilot, "t", *"urgent, later", "enter")
        await wait_for(
            pilot,
            lambda: (
                (saved(flagship, notes_folder, question) or None)
                and saved(flagship, notes_folder, question).tags == ("urgent", "later")
            ),
            "the tags saved",
        )
        await wait_for(pilot, lambda: not isinstance(flagship_app.screen, Prompt), "prompt closed")


async def test_e_a_percentage_and_enter_in_one_burst_save_the_estimate(
    flagship_app: BriefingApp, flagship: Brief, notes_folder: Path
):
    question = flagship.questions[0].id
    async with flagship_app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        burst(pilot, "e", "7", "0", "enter")
        await wait_for(
            pilot,
            lambda: (
                (saved(flagship, notes_folder, question) or None)
                and saved(flagship, notes_folder, question).estimate == 0.7
            ),
            "the estimate saved",
        )


async def test_a_paste_then_ctrl_g_at_once_saves_the_paste(
    flagship_app: BriefingApp, flagship: Brief, notes_folder: Path
):
    item = flagship.positions[0].id
    pasted = "A pasted paragraph,\nand a second line."
    async with flagship_app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        burst(pilot, "n")
        flagship_app.post_message(events.Paste(pasted))
        burst(pilot, "ctrl+g")
        await wait_for(
            pilot, lambda: note_of(flagship, notes_folder, item) == pasted, "paste saved"
        )


async def test_keys_typed_right_after_q_are_dropped_without_a_crash(flagship_app: BriefingApp):
    async with flagship_app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        burst(pilot, "q", *"jjjjjjjjkkkkkkkk")
        await wait_for(pilot, lambda: not flagship_app.is_running, "the app quit")
    assert flagship_app.return_code == 0  # run_test re-raises what crashed the app
