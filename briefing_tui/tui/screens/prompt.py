"""A one-line question: tags to set, an estimate to give. Enter answers, Escape cancels.

The answer given may hold text from elsewhere (stored tags, the current folder's name): the field
shows its control characters as stand-ins (␛), and an answer left as it was is returned as it
was given, so Enter alone never rewrites stored text with the stand-ins."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ...core.text.printable import printable
from ..text import literal
from ..widgets.literal_inputs import LiteralInput


class Prompt(ModalScreen[str | None]):
    """Ask for one line of text; dismisses with it, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="prompt.cancel"),
    ]

    def __init__(self, question: str, about: str, value: str, hint: str) -> None:
        super().__init__()
        self.question = question
        self.about = about
        self.value = value
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(
                Content.assemble((self.question, "bold"), " ", literal(self.about, one_line=True))
            )
            yield LiteralInput(self.value, id="prompt-input")
            yield Static(self.hint + "  Enter saves, Esc cancels.", classes="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def answered(self, event: Input.Submitted) -> None:
        shown = printable(self.value, one_line=True)
        if event.value == shown:
            self.dismiss(self.value)
            return
        if shown != self.value:
            self.notify(
                "Control characters in the text were replaced by the stand-ins shown (␛).",
                timeout=6,
            )
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        """Change nothing."""
        self.dismiss(None)
