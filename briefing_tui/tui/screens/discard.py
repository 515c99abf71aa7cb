"""Asked before a changed note is thrown away: keep editing (the default), or discard it."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class DiscardNote(ModalScreen[bool]):
    """Dismisses with True to discard the changes, False to keep editing.

    Escape discards, so Escape twice leaves the editor, as a reflex expects; what it discards
    is kept as a draft that the editor offers back (see ``note_editor``).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,escape", "answer(True)", "Discard", id="discard.yes"),
        Binding("n", "answer(False)", "Keep editing", id="discard.no"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("Discard your changes to this note?", markup=False, classes="question")
            yield Static(
                "They are kept as a draft until you quit: n on the item brings them back.",
                markup=False,
                classes="hint",
            )
            with Horizontal(classes="buttons"):
                yield Button("Keep editing (n, Enter)", id="keep", variant="primary")
                yield Button("Discard (y, Esc)", id="discard")

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "discard")

    def action_answer(self, discard: bool) -> None:
        """Discard the changes, or go back to them."""
        self.dismiss(discard)
