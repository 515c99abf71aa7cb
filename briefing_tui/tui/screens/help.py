"""Help: the keys that work where the reader is, with the ids used to remap them."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from ...config import config_path
from ..text import joined, literal


class HelpScreen(ModalScreen[None]):
    """A table of the active keys of the screen below and the focused widget."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close"),
    ]

    def __init__(self, where: str, bindings: dict[str, ActiveBinding]) -> None:
        super().__init__()
        self.where = where
        self.bindings = bindings

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="tall"):
            yield Static(Content.assemble(("Keys here: ", "bold"), self.where))
            table: DataTable[str] = DataTable(id="help-keys", cursor_type="row")
            yield table
            # The path on a line of its own: however long, it never splits the sentence, and
            # a path wider than the dialog folds without taking words with it. The hint shows
            # how to remap rather than naming docs/keys.md, which an installed copy lacks.
            yield Static(
                joined(
                    'Remap a key under [keymap] in this file: "nav.back" = "b,backspace".'
                    "  Esc closes.\n",
                    literal(str(config_path()), one_line=True),
                ),
                classes="hint",
            )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Key", "Does", "Id")
        rows: dict[tuple[str, str], list[str]] = {}
        for key, active in self.bindings.items():
            binding = active.binding
            if not binding.description:
                continue
            label = self.app.get_key_display(Binding(key, binding.action))
            rows.setdefault((binding.description, binding.id or ""), []).append(label)
        # The reader's own keys (they have ids, so they can be remapped) before Textual's.
        for (description, binding_id), keys in sorted(rows.items(), key=lambda r: not r[0][1]):
            table.add_row(", ".join(keys), description, binding_id)
        table.focus()
