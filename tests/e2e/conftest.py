"""Fixtures of the end-to-end tests; the tmux helpers are in tmuxkit.py."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from tmuxkit import Terminal, start_reader, terminals


@pytest.fixture
def term(tmp_path: Path) -> Iterator[Terminal]:
    """A private tmux server for the test, killed after; start the reader with start_reader."""
    with terminals(tmp_path) as terminal:
        yield terminal


@pytest.fixture
def terminal(term: Terminal, tmp_path: Path) -> Callable[[list[str]], Terminal]:
    """Start a command in a 120x40 tmux session, with the test's own config, notes and cache
    folders (in ``tmp_path``); returns the terminal it runs in."""

    def start(command: list[str]) -> Terminal:
        start_reader(term, tmp_path, command)
        return term

    return start
