"""What to do when the notes file was broken by another program while the app showed it."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ..text import literal


class RecoverNotesScreen(ModalScreen[bool]):
    """Ask what the new notes file holds; dismisses with True to keep what was shown, False
    to keep only the changes made in this session."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r,escape", "answer(True)", "Restore what was shown", id="recover.shown"),
        Binding("s", "answer(False)", "Only this session's changes", id="recover.session"),
    ]

    def __init__(self, notes_file: str, aside: str, reason: str, shown: int, made: int) -> None:
        super().__init__()
        self.notes_file = notes_file
        self.aside = aside
        self.reason = reason
        self.shown = shown
        self.made = made

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="tall"):
            yield Static(
                "Your notes file was changed by another program and can no longer be read.",
                markup=False,
                classes="question",
            )
            yield Static(literal(self.reason), classes="detail")
            yield Static(
                literal(
                    f"It is kept, as it was, in {self.aside}. Nothing has been written since."
                    f" The screen still shows your {self.shown} notes, your latest changes"
                    " included."
                    f"\n\nWhat should the new {self.notes_file} hold?"
                ),
                classes="detail",
            )
            with Horizontal(classes="buttons"):
                yield Button(
                    f"Restore the {self.shown} notes shown (r)", id="shown", variant="primary"
                )
                yield Button(
                    f"Only the {self.made} changes made since the app opened (s)", id="session"
                )

    def on_mount(self) -> None:
        self.query_one("#shown", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "shown")

    def action_answer(self, keep_shown: bool) -> None:
        """Choose what the new notes file holds."""
        self.dismiss(keep_shown)
