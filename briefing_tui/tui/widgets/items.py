"""The middle pane: the rows of one section, with a filter as you type."""

from __future__ import annotations

from textual.content import Content
from textual.widgets.option_list import Option

from ...core.search import filter_rows
from ...core.views import Row
from ..text import literal
from .nav_list import NavList


class ItemList(NavList):
    """The rows of a section; :meth:`filter` narrows them without rebuilding the brief."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: list[Row] = []
        self.query_text = ""

    def show_rows(self, rows: list[Row], *, query: str = "") -> None:
        """Show ``rows``, filtered by ``query`` when given."""
        self._rows = rows
        self.filter(query)

    def filter(self, query: str) -> None:
        """Show only the rows matching ``query`` (substring first, then fuzzy)."""
        self.query_text = query
        keep = self.highlighted_id
        rows = filter_rows(self._rows, query) if query else self._rows
        self.set_options(Option(_prompt(row), id=row.key) for row in rows)
        if not (keep and self.highlight_id(keep)) and rows:
            self.highlighted = 0

    @property
    def shown_count(self) -> int:
        """How many rows pass the filter."""
        return self.option_count


def _prompt(row: Row) -> Content:
    label = literal(row.label, one_line=True)
    if not row.aside:
        return label
    return Content.assemble(literal(row.aside, "bold", one_line=True), "  ", label)
