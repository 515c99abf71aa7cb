"""Helpers for the end-to-end tests: the real reader in a real terminal (tmux).

A :class:`Terminal` is a tmux session on a private tmux server; ``start_reader`` runs a command
in one from the repository root, with the test's own config, notes and cache folders, and the
``reader`` fixture of a test module kills the server afterwards (see ``terminals``).
"""

from __future__ import annotations

import shlex
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from paths import FLAGSHIP, REPO

#: The flagship brief as a user in the repository names it: readers start there.
FLAGSHIP_ARG = str(FLAGSHIP.relative_to(REPO))
WAIT = 5.0  # seconds to wait for the screen to show what a step expects
START_WAIT = 15.0  # the first screen: Python and Textual start up


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

    def send(self, *keys: str, literal: bool = False) -> None:
        """Send ``keys`` (tmux key names, or text with ``literal``) in one tmux command, so
        they reach the reader together, as a burst."""
        args = ["send-keys", "-t", self.session, *(["-l"] if literal else []), *keys]
        assert self.tmux(*args).returncode == 0, f"tmux could not send {keys!r}"

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


@contextmanager
def terminals(folder: Path, config_text: str = 'theme = "textual-dark"\n') -> Iterator[Terminal]:
    """A private tmux server for one test; ``start_reader`` starts the command in it. The
    config file, notes and cache are in ``folder``; the server is always killed after."""
    socket = f"briefing-tui-e2e-{uuid.uuid4().hex[:12]}"
    config = folder / "config.toml"
    config.write_text(config_text, encoding="utf-8")
    term = Terminal(socket, "reader")
    try:
        yield term
    finally:
        socket_path = term.tmux("display-message", "-p", "#{socket_path}").stdout.strip()
        term.tmux("kill-server")
        if socket_path:  # tmux leaves the socket file of a killed server behind
            Path(socket_path).unlink(missing_ok=True)


def start_reader(term: Terminal, folder: Path, command: list[str], env: str = "") -> None:
    """Run ``command`` in a 120x40 session of ``term``, with the config, notes and cache of
    ``folder`` (see ``terminals``) and the shell assignments ``env``; the exit status is
    printed when it ends and the pane stays open to show it."""
    script = (
        # COLUMNS/LINES (set in the test process) would override the real terminal size.
        "unset COLUMNS LINES; "
        f"cd {shlex.quote(str(REPO))} && "
        f"BRIEFING_TUI_CONFIG={shlex.quote(str(folder / 'config.toml'))} "
        f"BRIEFING_TUI_NOTES_DIR={shlex.quote(str(folder / 'notes'))} "
        f"BRIEFING_TUI_CACHE_DIR={shlex.quote(str(folder / 'cache'))} "
        f"{env} {shlex.join(command)}; "
        'echo "EXIT=$?"; sleep 60'
    )
    result = term.tmux(
        "new-session", "-d", "-s", term.session, "-x", "120", "-y", "40", "sh", "-c", script
    )
    assert result.returncode == 0, result.stderr
