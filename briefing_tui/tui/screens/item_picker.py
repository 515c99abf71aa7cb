"""Choose an item of the brief by typing: where a stale or orphaned note is re-attached."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...core.brief.model import Brief
from ...core.brief.views import Row, item_key, link_label
from ...core.search.filter import filter_rows
from ..text import literal
from ..widgets.literal_inputs import LiteralInput
from ..widgets.nav_list import NavList


class ItemPicker(ModalScreen[str | None]):
    """Dismisses with the id of the chosen item, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="picker.cancel"),
        Binding("down", "focus_list", "List", show=False, id="picker.list"),
    ]

    def __init__(self, brief: Brief, question: str) -> None:
        super().__init__()
        self.brief = brief
        self.question = question
        self.rows = [
            Row(item_key(item.id), link_label(brief, item.id), item.noun, item.id)
            for item in brief.items.values()
        ]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="tall"):
            yield Static(Content.styled(self.question, "bold"))
            yield LiteralInput(placeholder="type to find an item…", id="picker-filter")
            yield NavList(id="picker-list")
            yield Static("Enter chooses, Esc cancels.", classes="hint", markup=False)

    def on_mount(self) -> None:
        self._show("")
        self.query_one(Input).focus()

    def _show(self, query: str) -> None:
        picker = self.query_one("#picker-list", NavList)
        picker.set_options(
            Option(
                Content.assemble((f"{row.aside:<9}", "dim"), literal(row.label, one_line=True)),
                id=row.key,
            )
            for row in filter_rows(self.rows, query)
        )
        if picker.option_count:
            picker.highlighted = 0

    @on(Input.Changed)
    def typed(self, event: Input.Changed) -> None:
        self._show(event.value)

    @on(Input.Submitted)
    def submitted(self) -> None:
        picker = self.query_one("#picker-list", NavList)
        if picker.highlighted_id:
            self.dismiss(picker.highlighted_id[5:])

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss(event.option.id[5:])

    def action_focus_list(self) -> None:
        """Move from the search field to the list."""
        self.query_one("#picker-list", NavList).focus()

    def action_cancel(self) -> None:
        """Choose nothing."""
        self.dismiss(None)
