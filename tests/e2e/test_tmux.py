"""End to end: the real reader in a real terminal (tmux), driven by keys, read off the screen.

Runs ``python -m briefing_tui briefs/zelensky-security-guarantees.yaml`` from the repository
root in a detached tmux session with its own server socket, sends keys, and polls
``tmux capture-pane`` until the expected text shows (or fails after a few seconds).
"""

from __future__ import annotations

import shutil
import sys

import pytest
from paths import BRIEFS
from tmuxkit import FLAGSHIP_ARG, START_WAIT

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None, reason="tmux is not installed: the end-to-end test needs it"
)


def test_read_follow_back_source_and_quit(terminal):
    term = terminal([sys.executable, "-m", "briefing_tui", FLAGSHIP_ARG])
    term.wait_for(
        "briefing-tui  Zelensky says Western security guarantees", "1 Summary", timeout=START_WAIT
    )

    term.send("4")
    term.wait_for("─ Positions ─", "4 Positions", "France  Agreed this week")

    term.send("j")  # the United Kingdom's position: the detail shows its stance
    term.wait_for("position  United Kingdom on", "Stance", "Agreed this week, with France")

    term.send_and_wait_for_restyle("Enter")  # to the links; the first is the Actor
    term.send("Enter")  # follow it
    term.wait_for("─ Actors ─", "actor  United Kingdom", "Positions of this actor")

    term.send("[", literal=True)  # back to the position
    term.wait_for("─ Positions ─", "position  United Kingdom on")

    term.send("s")  # the source view, at the position's evidence (¶4)
    term.wait_for("Source  Zelensky Complains", "▶¶4", "Cited by")

    term.send("Escape")
    term.wait_for("─ Positions ─", "position  United Kingdom on", gone=("Source  Zelensky",))

    term.send("q")
    screen = term.wait_for("EXIT=0")
    assert "─ Positions ─" not in screen  # the reader left the screen as it found it


def test_a_library_brief_edited_on_disk_reloads_in_place(terminal, tmp_path):
    library = tmp_path / "library"
    shutil.copytree(BRIEFS, library)
    brief = library / "zelensky-security-guarantees.yaml"
    term = terminal([sys.executable, "-m", "briefing_tui", str(library)])
    term.wait_for("2 briefs, 2 valid", "Zelensky says Western security", timeout=START_WAIT)

    term.send("Enter")  # the newest brief: the flagship
    term.wait_for("1 Summary", "4 Positions")
    term.send("4")
    term.wait_for("France  Agreed this week")

    good = brief.read_text(encoding="utf-8")
    brief.write_text(good.replace("Agreed this week", "Changed its mind this week"), "utf-8")
    term.wait_for("France  Changed its mind", "Reloaded")  # polled once a second

    brief.write_text(good.replace("actor: france\n", "actor: nobody\n", 1), "utf-8")
    term.wait_for("the file on disk has 1 problem", "France  Changed its mind")

    brief.write_text(good, encoding="utf-8")
    term.wait_for("France  Agreed this week", gone=("the file on disk has",))
    term.send("q")
    term.wait_for("EXIT=0")
