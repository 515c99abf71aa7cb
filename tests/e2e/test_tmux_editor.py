"""End to end: ctrl+e in the note editor hands the real terminal to the reader's own editor
(here a small script that asks for a line on the terminal), then takes the text back."""

from __future__ import annotations

import shlex
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from paths import FLAGSHIP
from tmuxkit import FLAGSHIP_ARG, START_WAIT, Terminal, start_reader, terminals

from briefing_tui.core.load.loader import load_brief
from briefing_tui.core.notes.folder import read_notes

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None, reason="tmux is not installed: the end-to-end test needs it"
)

#: An editor that owns the terminal: it shows the note and reads a line typed at the keyboard.
EDITOR = """\
import os, sys
path = sys.argv[-1]
open(os.path.join(os.path.dirname(sys.argv[0]), "edited-path"), "w").write(path)
text = open(path, encoding="utf-8").read()
print("FAKE EDITOR on", path.rsplit(".", 1)[-1], "holding:", text)
line = input("Type a line: ")
open(path, "w", encoding="utf-8").write(text + " " + line + "\\n")
"""


@pytest.fixture
def term(tmp_path: Path) -> Iterator[Terminal]:
    script = tmp_path / "editor.py"
    script.write_text(EDITOR, encoding="utf-8")
    command = shlex.join([sys.executable, str(script)])
    with terminals(tmp_path, f"editor = '''{command}'''\n") as terminal:
        yield terminal


def test_ctrl_e_suspends_the_reader_runs_the_editor_and_takes_the_text_back(
    term: Terminal, tmp_path: Path
):
    brief = load_brief(FLAGSHIP)
    item = brief.positions[0].id
    start_reader(term, tmp_path, [sys.executable, "-m", "briefing_tui", FLAGSHIP_ARG])
    term.wait_for("1 Summary", "4 Positions", timeout=START_WAIT)
    term.send("4")
    term.wait_for("─ Positions ─")
    term.send("n", "W", "r", "o", "t", "e", "C-e")
    screen = term.wait_for("FAKE EDITOR on md holding: Wrote", "Type a line:")
    assert "─ Positions ─" not in screen  # the editor has the whole terminal
    term.send("in my editor", literal=True)
    term.send("Enter")
    term.wait_for("Your note on:", "Wrote in my editor", "Back from your editor")
    assert not Path((tmp_path / "edited-path").read_text()).exists()  # removed after
    assert read_notes(brief.id, tmp_path / "notes").get(item) is None  # not saved until F2
    term.send("F2")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        annotation = read_notes(brief.id, tmp_path / "notes").get(item)
        if annotation and annotation.note == "Wrote in my editor":
            break
        time.sleep(0.05)
    else:
        pytest.fail(f"the note saved is {annotation!r}")
    term.send("q")
    term.wait_for("EXIT=0")
