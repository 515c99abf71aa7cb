"""The note editor: a Markdown note in a TextArea, saved or cancelled by key.

A note may come from a colleague (notes files are shared): its control characters are shown as
stand-ins (␛) and never reach the terminal. A note saved unchanged is returned exactly as it was
stored; a changed one keeps the stand-ins, and the reader is told."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from ..text import literal
from ..widgets.literal_inputs import LiteralTextArea, literal_text


class NoteEditor(ModalScreen[str | None]):
    """Edit a note; dismisses with the new text, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2,ctrl+g", "save", "Save", id="note.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="note.cancel", priority=True),
    ]

    def __init__(self, about: str, text: str) -> None:
        super().__init__()
        self.about = about
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="tall"):
            yield Static(
                Content.assemble(("Your note on: ", "bold"), literal(self.about, one_line=True))
            )
            editor = LiteralTextArea(
                self.text, id="note-text", soft_wrap=True, tab_behavior="indent"
            )
            editor.language = None
            yield editor
            yield Static(
                "Markdown. F2 (or ctrl+g) saves, Esc cancels; an empty note removes it.",
                classes="hint",
                markup=False,
            )

    def on_mount(self) -> None:
        editor = self.query_one(TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)

    def action_save(self) -> None:
        """Keep the text (read once the keys typed before this one are in it)."""
        # F2 is a priority binding, run by the app at once: the keys typed just before it may
        # still wait in the editor's queue. Reading the text from there reads them too.
        self.query_one(TextArea).call_later(self._save)

    def _save(self) -> None:
        text = self.query_one(TextArea).text
        shown = literal_text(self.text)
        if text == shown:
            self.dismiss(self.text)  # unchanged: exactly as stored, control characters and all
            return
        if shown != self.text:
            self.notify(
                "Control characters in the note were replaced by the stand-ins shown (␛).",
                timeout=6,
            )
        self.dismiss(text)

    def action_cancel(self) -> None:
        """Keep the note as it was."""
        self.dismiss(None)
