"""Input fields that never hold a control character: what they show is what they hold.

Textual's ``Input`` and ``TextArea`` draw their text as it is: an ESC in a stored note or tag, a
pasted clipboard or a folder name reaches the terminal raw and runs (OSC 52 writes the
clipboard, OSC 0 sets the title). The widgets here replace every control and invisible
character with its visible stand-in (``core.printable``) whenever text enters them: set by the
app, typed or pasted. Each character becomes one stand-in, inserted where the character was, so
the cursor lands after it as it would after the character.

Rendering stand-ins over the raw text instead was not clean: both widgets place the cursor by
the cell widths of the text they hold, in which a control character is 0 cells wide and its
stand-in 1 to 8, so the cursor would drift from the character it is on.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, TextArea
from textual.widgets.text_area import Edit, EditResult

from ...core.text.printable import printable


class LiteralInput(Input):
    """A one-line ``Input`` whose value never holds a control or invisible character (tabs and
    line feeds included): each is replaced by its stand-in as it is set, typed or pasted."""

    def validate_value(self, value: str) -> str:
        """Every value, whoever sets it, holds stand-ins instead of control characters."""
        return printable(value, one_line=True)

    def replace(self, text: str, start: int, end: int) -> None:
        """Typing and pasting go through here: the stand-ins are inserted, so the cursor moves
        past them."""
        super().replace(printable(text, one_line=True), start, end)


def literal_text(text: str) -> str:
    """What a :class:`LiteralTextArea` holds for ``text``: line ends made ``\\n`` (a pasted
    Windows line end is a line end, not a ␍), control characters made stand-ins."""
    return printable(text.replace("\r\n", "\n").replace("\r", "\n"))


class LiteralTextArea(TextArea):
    """A ``TextArea`` whose text never holds a control or invisible character but tab and line
    feed: each is replaced by its stand-in when the text is loaded, typed or pasted."""

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        super().__init__(literal_text(text), **kwargs)

    def load_text(self, text: str) -> None:
        """Replace the whole text (this also clears the undo history)."""
        super().load_text(literal_text(text))

    def edit(self, edit: Edit) -> EditResult:
        """Every change of the text (typing, pasting, ``insert``, ``replace``) is an edit."""
        edit.text = literal_text(edit.text)
        return super().edit(edit)
