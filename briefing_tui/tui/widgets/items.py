"""The middle pane: the rows of one section, with a filter as you type."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from textual.content import Content
from textual.widgets.option_list import Option, OptionDoesNotExist

from ...core.brief.views import Row
from ...core.notes.annotations import Annotation
from ...core.notes.display import NOTE_PREFIX, marks_of
from ...core.search.filter import filter_rows
from ..text import literal
from .nav_list import NavList


class ItemList(NavList):
    """The rows of a section; :meth:`filter` narrows them without rebuilding the brief."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: list[Row] = []
        self._by_key: dict[str, Row] = {}
        self._annotations: Mapping[str, Annotation] = {}
        self.query_text = ""

    def show_rows(
        self, rows: list[Row], annotations: Mapping[str, Annotation], *, query: str = ""
    ) -> None:
        """Show ``rows`` with the reader's marks, filtered by ``query`` when given."""
        self._rows = rows
        self._by_key = {row.key: row for row in rows}
        self._annotations = annotations
        self.filter(query)

    def refresh_marks(
        self, annotations: Mapping[str, Annotation], item_ids: Iterable[str] = ()
    ) -> None:
        """Redraw the marks column after annotations changed (the rows stay as they are):
        the rows of ``item_ids``, or every row when none are given.

        A mark never changes a row's height, so only the rows' prompts are replaced and the
        list keeps its line layout: OptionList's own ``replace_option_prompt_at_index`` lays
        out every row again, which froze a list of 20,000 rows for seconds on each mark.
        """
        self._annotations = annotations
        wanted = set(item_ids)
        if wanted:
            keys = [f"{prefix}{item_id}" for item_id in wanted for prefix in ("item:", NOTE_PREFIX)]
            by_key = {key: self._by_key[key] for key in keys if key in self._by_key}
        else:
            by_key = self._by_key
        changed = set()
        for key, row in by_key.items():
            try:
                option = self.get_option(key)
            except OptionDoesNotExist:
                continue  # filtered out
            option._set_prompt(self._prompt(row))  # Textual 8.2.8: keeps the line cache
            changed.add(option)
        if not changed:
            return
        if wanted:  # forget the rendering of those rows only (keyed by option, style, padding)
            cache = self._option_render_cache
            cached = list(cache.keys())  # an LRUCache, not a dict: it has no __iter__
            for cache_key in cached:
                if cache_key[0] in changed:
                    cache.discard(cache_key)
        else:
            self._option_render_cache.clear()
        self.refresh()

    def filter(self, query: str) -> None:
        """Show only the rows matching ``query`` (substring first, then fuzzy).

        While a query narrows the list the best match is selected, so Enter takes it; when
        the query is cleared the row that was selected stays selected.
        """
        changed = query != self.query_text
        self.query_text = query
        keep = self.highlighted_id
        rows = filter_rows(self._rows, query, self._annotations) if query else self._rows
        if rows:
            self.set_options(Option(self._prompt(row), id=row.key) for row in rows)
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

    def _prompt(self, row: Row) -> Content:
        label = literal(row.label, one_line=True)
        if row.key.startswith(("item:", NOTE_PREFIX)):
            item_id = row.key.split(":", 1)[1]
            marks: Content | str = Content.styled(
                marks_of(self._annotations.get(item_id)) + " ", "bold $accent"
            )
        else:
            marks = ""
        if not row.aside:
            return Content.assemble(marks, label)
        return Content.assemble(marks, literal(row.aside, "bold", one_line=True), "  ", label)
