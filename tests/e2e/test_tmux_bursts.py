"""End to end: keys sent to the real reader in one burst (one tmux ``send-keys``, as over a
slow SSH link) are all handled, in order: the note saved holds exactly what was typed."""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

import pytest
from paths import FLAGSHIP
from tmuxkit import FLAGSHIP_ARG, START_WAIT, Terminal, start_reader

from briefing_tui.core.load.loader import load_brief
from briefing_tui.core.notes.folder import read_notes

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None, reason="tmux is not installed: the end-to-end test needs it"
)
TRIALS = 8


def keys_typing(text: str) -> list[str]:
    """tmux key names typing ``text`` (a space is the key Space)."""
    return ["Space" if char == " " else char for char in text]


def wait_for_note(folder: Path, brief_id: str, item_id: str, text: str) -> None:
    """Poll the notes file until ``item_id``'s note is ``text``; fail with what it holds."""
    deadline = time.monotonic() + 10
    note = None
    while time.monotonic() < deadline:
        annotation = read_notes(brief_id, folder).get(item_id)
        note = annotation.note if annotation else None
        if note == text:
            return
        time.sleep(0.05)
    pytest.fail(f"the note on {item_id} is {note!r}, not {text!r}")


def test_n_a_note_and_f2_sent_in_one_burst_save_the_whole_note_every_time(
    term: Terminal, tmp_path: Path
):
    brief = load_brief(FLAGSHIP)
    positions = [position.id for position in brief.positions]
    assert len(positions) >= TRIALS
    start_reader(term, tmp_path, [sys.executable, "-m", "briefing_tui", FLAGSHIP_ARG])
    term.wait_for("1 Summary", "4 Positions", timeout=START_WAIT)
    term.send("4")
    term.wait_for("─ Positions ─")
    for trial in range(TRIALS):
        text = f"typed note {trial + 1}, just a joke"  # j would move the list below
        term.send("n", *keys_typing(text), "F2")
        wait_for_note(tmp_path / "notes", brief.id, positions[trial], text)
        term.wait_for("Note saved.", gone=("Your note on:",))
        term.send("j")  # the next position: its note is the next trial's
