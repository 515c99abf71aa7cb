"""A modal listing the problems of a brief that could not be loaded."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ...core.load.problems import Problem
from ..text import literal
from ..widgets.nav_list import NavList


class ProblemsScreen(ModalScreen[None]):
    """Every located problem of one file."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,enter", "dismiss", "Close", id="problems.close"),
    ]

    def __init__(self, path: str, problems: tuple[Problem, ...]) -> None:
        super().__init__()
        self.path = path
        self.problems = problems

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(
                Content.assemble(
                    ("This brief cannot be opened: ", "bold $error"),
                    literal(self.path, one_line=True),
                )
            )
            problems = NavList(id="problem-list")
            problems.add_options(
                literal(f"{p.line}:{p.column}: {p.message}") for p in self.problems
            )
            yield problems
            yield Static(
                "Fix them in an editor; `briefing-tui validate` lists them too.  [Esc] close",
                classes="hint",
                markup=False,
            )
