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
        """Show only the rows matching ``query`` (substring first, then fuzzy).

        While a query narrows the list the best match is selected, so Enter takes it; when
        the query is cleared the row that was selected stays selected.
        """
        changed = query != self.query_text
        self.query_text = query
        keep = self.highlighted_id
        rows = filter_rows(self._rows, query) if query else self._rows
        if rows:
            self.set_options(Option(_prompt(row), id=row.key) for row in rows)
        else:
            empty = "no match" if query else "nothing in this section"
            self.set_options([Option(Content.styled(f"({empty})", "dim italic"), disabled=True)])
            return
        if (query and changed) or not (keep and self.highlight_id(keep)):
            self.highlighted = 0

    @property
    def shown_count(self) -> int:
        """How many rows pass the filter."""
        return sum(1 for option in self.options if not option.disabled)


def _prompt(row: Row) -> Content:
    label = literal(row.label, one_line=True)
    if not row.aside:
        return label
    return Content.assemble(literal(row.aside, "bold", one_line=True), "  ", label)
