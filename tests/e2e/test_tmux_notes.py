"""End to end, in a real terminal: notes edited by another program while the reader runs, a
reader killed with SIGKILL right after its changes, and a notes file broken under it."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest
from paths import FLAGSHIP
from tmuxkit import FLAGSHIP_ARG, START_WAIT, Terminal

from briefing_tui.core.load.loader import load_brief
from briefing_tui.core.notes.edits import set_note
from briefing_tui.core.notes.file import parse_notes
from briefing_tui.core.notes.folder import notes_path
from briefing_tui.core.notes.store import NotesStore

BRIEF = load_brief(FLAGSHIP)
FIRST, SECOND = BRIEF.positions[0].id, BRIEF.positions[1].id


def notes_file(tmp_path: Path) -> Path:
    return notes_path(tmp_path / "notes", BRIEF.id)


def wait_for_notes(path: Path, check, what: str, timeout: float = 10.0) -> dict:
    """Poll the notes file until ``check(annotations)`` holds; the file must always parse."""
    deadline = time.monotonic() + timeout
    annotations: dict = {}
    while time.monotonic() < deadline:
        if path.exists():
            annotations = parse_notes(path.read_text(encoding="utf-8"), str(path))[1]
            if check(annotations):
                return annotations
        time.sleep(0.05)
    pytest.fail(f"the notes file never showed {what}: {annotations}")


def reader_pid(term: Terminal) -> int:
    """The pid of the Python process running the reader in the pane (read from /proc: no
    pgrep on a minimal machine)."""
    shell = term.tmux("display-message", "-p", "-t", term.session, "#{pane_pid}").stdout.strip()
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[1] == shell:  # the field after the state is the parent's pid
            children.append(int(stat.parent.name))
    assert children, "the reader is not running"
    return min(children)


def open_positions(terminal) -> Terminal:
    term = terminal([sys.executable, "-m", "briefing_tui", FLAGSHIP_ARG])
    term.wait_for("briefing-tui  Zelensky says", timeout=START_WAIT)
    term.send("4")
    term.wait_for("─ Positions ─")
    return term


def test_another_programs_note_survives_the_readers_marks_and_a_kill(terminal, tmp_path):
    path = notes_file(tmp_path)
    term = open_positions(terminal)
    term.send("a")
    wait_for_notes(path, lambda a: FIRST in a and a[FIRST].mark == "agree", "the first mark")

    # Another program (a second instance, a script) writes a note on the second position.
    NotesStore(BRIEF, tmp_path / "notes").change(SECOND, set_note("written elsewhere"))

    term.send("j")
    term.send("d")
    both = wait_for_notes(
        path, lambda a: SECOND in a and a[SECOND].mark == "disagree", "the second mark"
    )
    assert both[SECOND].note == "written elsewhere"
    assert both[FIRST].mark == "agree"

    os.kill(reader_pid(term), signal.SIGKILL)
    term.wait_for("EXIT=")
    after = parse_notes(path.read_text(encoding="utf-8"), str(path))[1]
    assert after == both
    assert not list((tmp_path / "notes").glob(".*.tmp"))


def test_a_notes_file_broken_under_the_reader_is_asked_about_and_restored(terminal, tmp_path):
    path = notes_file(tmp_path)
    term = open_positions(terminal)
    for _ in range(3):
        term.send("a")
        term.send("j")
    wait_for_notes(path, lambda a: len(a) == 3, "three marks")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("mark: agree", "mark: agre", 1), encoding="utf-8")

    term.send("u")
    term.wait_for("changed by another program", "Restore the 4 notes shown")
    term.send("r")
    restored = wait_for_notes(path, lambda a: len(a) == 4, "the notes shown and the doubt")
    assert sorted(a.mark for a in restored.values()) == ["agree", "agree", "agree", "doubt"]
    assert len(list((tmp_path / "notes").glob("*.corrupt-*"))) == 1
    term.send("q")
    term.wait_for("EXIT=0")


def test_a_note_said_saved_survives_a_kill_the_moment_it_is_said(terminal, tmp_path):
    path = notes_file(tmp_path)
    term = open_positions(terminal)
    term.send("n")
    term.wait_for("Your note on")
    term.send("kept through a kill", literal=True)
    term.send("F2")
    term.wait_for("Note saved.")
    os.kill(reader_pid(term), signal.SIGKILL)  # as soon as the reader says so
    term.wait_for("EXIT=")
    notes = parse_notes(path.read_text(encoding="utf-8"), str(path))[1]
    assert notes[FIRST].note == "kept through a kill"
