"""End to end: the real reader in a real terminal (tmux), driven by keys, read off the screen.

Runs ``python -m briefing_tui briefs/zelensky-security-guarantees.yaml`` from the repository
root in a detached tmux session with its own server socket, sends keys, and polls
``tmux capture-pane`` until the expected text shows (or fails after a few seconds).
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FLAGSHIP = "briefs/zelensky-security-guarantees.yaml"
WAIT = 5.0  # seconds to wait for the screen to show what a step expects
START_WAIT = 15.0  # the first screen: Python and Textual start up

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None, reason="tmux is not installed: the end-to-end test needs it"
)


class Terminal:
    """A tmux session running one command, on a private tmux server."""

    def __init__(self, socket: str, session: str) -> None:
        self.socket = socket
        self.session = session

    def tmux(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )

    def screen(self) -> str:
        result = self.tmux("capture-pane", "-p", "-t", self.session)
        return result.stdout

    def styled_screen(self) -> str:
        """The screen with its colours (as escape sequences): some effects show only as colour,
        such as which pane has the focus."""
        return self.tmux("capture-pane", "-e", "-p", "-t", self.session).stdout

    def send(self, key: str, *, literal: bool = False) -> None:
        args = ["send-keys", "-t", self.session, *(["-l"] if literal else []), key]
        assert self.tmux(*args).returncode == 0, f"tmux could not send {key!r}"

    def send_and_wait_for_restyle(self, key: str, timeout: float = WAIT) -> None:
        """Send a key whose effect shows only as colour (the focus moving to another pane), and
        wait until the screen shows it.

        Textual routes a key to the widget focused when the key is read, and moves the focus a
        moment after the key that asks for it: a key typed before the move lands in the old
        pane (two Enters sent in one go never follow a link). Call this only once the screen
        shows the previous step, so nothing else is still changing it."""
        before = self.styled_screen()
        self.send(key)
        deadline = time.monotonic() + timeout
        while self.styled_screen() == before:
            if time.monotonic() > deadline:
                pytest.fail(f"after {timeout} s the screen has not changed after {key!r}")
            time.sleep(0.05)

    def wait_for(self, *texts: str, timeout: float = WAIT, gone: tuple[str, ...] = ()) -> str:
        """Poll the screen until every text shows and none of ``gone`` does."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if all(t in screen for t in texts) and not any(g in screen for g in gone):
                return screen
            time.sleep(0.05)
        pytest.fail(
            f"after {timeout} s the screen does not show {texts!r}"
            + (f" without {gone!r}" if gone else "")
            + f":\n{screen}"
        )


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Callable[[list[str]], Terminal]]:
    """Start a command in a 120x40 tmux session; the tmux server is always killed after."""
    socket = f"briefing-tui-e2e-{uuid.uuid4().hex[:12]}"
    config = tmp_path / "config.toml"
    config.write_text('theme = "textual-dark"\n', encoding="utf-8")
    started: list[Terminal] = []

    def start(command: list[str]) -> Terminal:
        term = Terminal(socket, "reader")
        # The exit status is printed after the reader exits; the pane stays open to show it.
        script = (
            # COLUMNS/LINES (set in the test process) would override the real terminal size.
            "unset COLUMNS LINES; "
            f"cd {shlex.quote(str(REPO))} && "
            f"BRIEFING_TUI_CONFIG={shlex.quote(str(config))} "
            f"BRIEFING_TUI_NOTES_DIR={shlex.quote(str(tmp_path / 'notes'))} "
            f"BRIEFING_TUI_CACHE_DIR={shlex.quote(str(tmp_path / 'cache'))} "
            f"{shlex.join(command)}; "
            'echo "EXIT=$?"; sleep 60'
        )
        result = term.tmux(
            "new-session", "-d", "-s", "reader", "-x", "120", "-y", "40", "sh", "-c", script
        )
        assert result.returncode == 0, result.stderr
        started.append(term)
        return term

    try:
        yield start
    finally:
        for term in started:
            socket_path = term.tmux("display-message", "-p", "#{socket_path}").stdout.strip()
            term.tmux("kill-server")
            if socket_path:  # tmux leaves the socket file of a killed server behind
                Path(socket_path).unlink(missing_ok=True)


def test_read_follow_back_source_and_quit(terminal):
    term = terminal([sys.executable, "-m", "briefing_tui", FLAGSHIP])
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
    shutil.copytree(REPO / "briefs", library)
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
