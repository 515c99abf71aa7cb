"""The note editor: a Markdown note in a TextArea, saved or cancelled by key.

A note may come from a colleague (notes files are shared): its control characters are shown as
stand-ins (␛) and never reach the terminal. A note saved unchanged is returned exactly as it was
stored; a changed one keeps the stand-ins, and the reader is told.

Nothing written is thrown away unasked. Escape on a changed note asks first (keep editing is
the default; Escape again or ``y`` discards), and what is discarded is kept as a draft for the
rest of the session: the next ``n`` on the same item opens the draft, with ctrl+z one step away
from the saved note. A draft is forgotten when the note is saved, or closed as it was saved.

ctrl+e hands the terminal to the reader's own editor (the ``editor`` setting, $VISUAL or
$EDITOR) on a temporary copy of the text; what comes back replaces the text in the editor, not
yet saved, so it can be reviewed (and ctrl+z undoes it).
"""

from __future__ import annotations

import os
from typing import ClassVar

from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from ...core.notes.outside_editor import EditorFailed, edit_in_editor, editor_command
from ..reader import reader
from ..text import literal
from ..widgets.literal_inputs import LiteralTextArea, literal_text


class NoteEditor(ModalScreen[str | None]):
    """Edit a note; dismisses with the new text, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2,ctrl+g", "save", "Save", id="note.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="note.cancel", priority=True),
        Binding("ctrl+e", "outside_editor", "Your editor", id="note.outside_editor", priority=True),
    ]

    def __init__(self, about: str, text: str, *, draft_key: str | None = None) -> None:
        """Edit ``text``, the note on the item described by ``about``. ``draft_key`` names the
        item for the drafts kept when a changed note is discarded (by default, ``about`` and
        ``text`` together stand for it)."""
        super().__init__()
        self.about = about
        self.text = text
        self.draft_key = draft_key if draft_key is not None else f"{about}\0{text}"

    @property
    def _drafts(self) -> dict[str, str]:
        return reader(self.app).note_drafts

    def compose(self) -> ComposeResult:
        draft = self._drafts.get(self.draft_key)
        with Vertical(id="dialog", classes="tall"):
            yield Static(
                Content.assemble(("Your note on: ", "bold"), literal(self.about, one_line=True))
            )
            if draft is not None:
                yield Static(
                    "Your unsaved draft is back. ctrl+z shows the saved note; F2 saves the draft.",
                    id="draft-back",
                    markup=False,
                )
            editor = LiteralTextArea(
                self.text, id="note-text", soft_wrap=True, tab_behavior="indent"
            )
            editor.language = None
            yield editor
            yield Static(
                "Markdown. F2 (or ctrl+g) saves, Esc cancels, ctrl+e opens your own editor;"
                " an empty note removes it.",
                classes="hint",
                markup=False,
            )

    def on_mount(self) -> None:
        editor = self.query_one(TextArea)
        draft = self._drafts.get(self.draft_key)
        if draft is not None:  # an edit, not the text loaded: ctrl+z goes back to the note
            editor.replace(draft, editor.document.start, editor.document.end)
        editor.focus()
        editor.move_cursor(editor.document.end)

    # Each action below reads the text from the editor's own queue, after the keys typed just
    # before it: the bindings are priority bindings, run by the app as soon as they arrive.

    def action_save(self) -> None:
        """Keep the text."""
        self.query_one(TextArea).call_later(self._save)

    def action_cancel(self) -> None:
        """Keep the note as it was (asking first when the text was changed)."""
        self.query_one(TextArea).call_later(self._cancel)

    def action_outside_editor(self) -> None:
        """Edit the text in the reader's own editor."""
        self.query_one(TextArea).call_later(self._edit_outside)

    @property
    def changed(self) -> bool:
        """Whether the text in the editor differs from the note as it is saved."""
        try:
            return not self._unchanged()
        except NoMatches:  # not mounted yet: nothing typed
            return False

    def _unchanged(self) -> bool:
        return self.query_one(TextArea).text == literal_text(self.text)

    def _save(self) -> None:
        self._drafts.pop(self.draft_key, None)
        if self._unchanged():
            self.dismiss(self.text)  # exactly as stored, control characters and all
            return
        if literal_text(self.text) != self.text:
            self.notify(
                "Control characters in the note were replaced by the stand-ins shown (␛).",
                timeout=6,
            )
        self.dismiss(self.query_one(TextArea).text)

    def _cancel(self) -> None:
        if self._unchanged():
            self._drafts.pop(self.draft_key, None)
            self.dismiss(None)
            return
        from .discard import DiscardNote

        def answered(discard: bool | None) -> None:
            if not discard:
                return
            self._drafts[self.draft_key] = self.query_one(TextArea).text
            self.notify(
                "Not saved. Your draft is kept until you quit: n on this item brings it back.",
                timeout=8,
            )
            self.dismiss(None)

        self.app.push_screen(DiscardNote(), answered)

    def _edit_outside(self) -> None:
        editor = self.query_one(TextArea)
        try:
            command = editor_command(reader(self.app).config.editor, os.environ)
        except EditorFailed as failed:
            self.notify(str(failed), title="Your editor", severity="warning", markup=False)
            return
        failure: EditorFailed | None = None
        try:
            with self.app.suspend():
                try:  # nothing may escape the block: Textual would not resume the screen
                    text = edit_in_editor(command, editor.text)
                except EditorFailed as failed:
                    failure = failed
        except SuspendNotSupported:
            self.notify(
                "Your editor cannot be opened here: this terminal cannot be handed over.",
                title="Your editor",
                severity="warning",
            )
            return
        if failure is not None:
            self.notify(
                f"{failure} The note is as it was.",
                title="Your editor",
                severity="error",
                markup=False,
                timeout=10,
            )
            return
        if text != editor.text:
            editor.replace(text, editor.document.start, editor.document.end)
        editor.move_cursor(editor.document.end)
        self.notify("Back from your editor: F2 saves the note, ctrl+z undoes the change.")
