"""A table of one-line rows drawn only when seen: a library of thousands of briefs costs
nothing until it is scrolled to.

Textual's DataTable measures every cell of every row it is given (about 0.2 s for a thousand
rows of seven columns, again after every re-sort or filter), which a library that fills while
it loads pays many times. Here the columns have fixed widths, rows are kept as a list, and
``render_line`` draws the few rows on screen. The header stays on the first line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

GAP = 2  # cells between columns


@dataclass(frozen=True, slots=True)
class Column:
    """A column: its key, its header and its width in cells."""

    key: str
    label: str
    width: int


class RowTable(ScrollView, can_focus=True):
    """Rows of cells (Content, shown as given) under a header; a cursor selects a row."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "row-table--header",
        "row-table--cursor",
        "row-table--even",
    }
    DEFAULT_CSS = """
    RowTable {
        background: $surface;
        color: $foreground;
        & > .row-table--header { text-style: bold; background: $panel; color: $foreground; }
        & > .row-table--even { background: $surface-lighten-1 50%; }
        & > .row-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .row-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        &:dark > .row-table--even { background: $surface-darken-1 40%; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Down", show=False),
        Binding("up", "cursor_up", "Up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
    ]

    class RowSelected(Message):
        """Enter or a click on a row."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    class HeaderSelected(Message):
        """A click on a column's header."""

        def __init__(self, column: str) -> None:
            super().__init__()
            self.column = column

    cursor_row: reactive[int] = reactive(0)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns: list[Column] = []
        self._keys: list[str] = []
        self._cells: dict[str, list[Content]] = {}
        self._index: dict[str, int] = {}

    # -- content ------------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        """How many rows there are."""
        return len(self._keys)

    @property
    def row_keys(self) -> list[str]:
        """The keys of the rows, top to bottom."""
        return list(self._keys)

    @property
    def cursor_key(self) -> str | None:
        """The key of the row under the cursor (None when there are no rows)."""
        return self._keys[self.cursor_row] if self._keys else None

    def cells(self, key: str) -> list[Content]:
        """The cells of the row ``key``."""
        return self._cells[key]

    def set_columns(self, columns: Sequence[Column]) -> None:
        """Show these columns (rows must have one cell per column)."""
        if list(columns) != self.columns:  # a change of layout costs a full redraw
            self.columns = list(columns)
            self._resize()

    def set_rows(self, rows: Sequence[tuple[str, list[Content]]]) -> None:
        """Show these rows, keeping the cursor on the row it was on when it is still there."""
        keep = self.cursor_key
        self._keys = [key for key, _ in rows]
        self._cells = dict(rows)
        self._index = {key: index for index, key in enumerate(self._keys)}
        self._resize()
        if keep is not None and keep in self._index:
            self.move_to(keep)
        else:
            self.cursor_row = min(self.cursor_row, max(0, len(self._keys) - 1))
        self.refresh()

    def update_cell(self, key: str, column: str, content: Content) -> None:
        """Change one cell."""
        cells = self._cells.get(key)
        index = next((i for i, c in enumerate(self.columns) if c.key == column), None)
        if cells is not None and index is not None:
            cells[index] = content
            self.refresh()

    def move_to(self, key: str) -> bool:
        """Put the cursor on the row ``key``; False when there is none."""
        index = self._index.get(key)
        if index is None:
            return False
        self.cursor_row = index
        return True

    def _resize(self) -> None:
        width = sum(column.width for column in self.columns) + GAP * len(self.columns)
        self.virtual_size = Size(width, len(self._keys) + 1)

    # -- drawing ------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.size.width
        if y == 0:
            line = self._line([Content(c.label) for c in self.columns])
            return self._strip(line, "row-table--header", scroll_x, width)
        index = scroll_y + y - 1
        if index >= len(self._keys):
            return Strip.blank(width, self.rich_style)
        line = self._line(self._cells[self._keys[index]])
        if index == self.cursor_row:
            component = "row-table--cursor"
        elif index % 2:
            component = "row-table--even"
        else:
            component = ""
        return self._strip(line, component, scroll_x, width)

    def _line(self, cells: Sequence[Content]) -> Content:
        parts: list[Content] = []
        for column, cell in zip(self.columns, cells, strict=False):
            parts.append(Content(" "))
            parts.append(cell.truncate(column.width, ellipsis=True, pad=True))
            parts.append(Content(" " * (GAP - 1)))
        return Content("").join(parts)

    def _strip(self, line: Content, component: str, scroll_x: int, width: int) -> Strip:
        style = self.get_visual_style(component) if component else self.get_visual_style()
        full = max(width + scroll_x, self.virtual_size.width)
        strip = Visual.to_strips(self, line, full, 1, style, pad=True)[0]
        return strip.crop_extend(scroll_x, scroll_x + width, style.rich_style)

    def watch_cursor_row(self, old: int, new: int) -> None:
        self._keep_cursor_visible()
        self.refresh()

    def _keep_cursor_visible(self) -> None:
        rows_shown = max(1, self.size.height - 1)
        top = self.scroll_offset.y
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False)
        elif self.cursor_row >= top + rows_shown:
            self.scroll_to(y=self.cursor_row - rows_shown + 1, animate=False)

    # -- keys and mouse -----------------------------------------------------------------------

    def _move(self, step: int) -> None:
        if self._keys:
            self.cursor_row = max(0, min(len(self._keys) - 1, self.cursor_row + step))

    def action_cursor_down(self) -> None:
        """Next row."""
        self._move(1)

    def action_cursor_up(self) -> None:
        """Previous row."""
        self._move(-1)

    def action_page_down(self) -> None:
        """A page down."""
        self._move(max(1, self.size.height - 2))

    def action_page_up(self) -> None:
        """A page up."""
        self._move(-max(1, self.size.height - 2))

    def action_first(self) -> None:
        """The first row."""
        self._move(-len(self._keys))

    def action_last(self) -> None:
        """The last row."""
        self._move(len(self._keys))

    def action_select(self) -> None:
        """Choose the row under the cursor."""
        if self.cursor_key is not None:
            self.post_message(self.RowSelected(self.cursor_key))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        scroll_x, scroll_y = self.scroll_offset
        if offset.y == 0:
            x = offset.x + scroll_x
            for column in self.columns:
                x -= column.width + GAP
                if x < 0:
                    self.post_message(self.HeaderSelected(column.key))
                    return
            return
        index = scroll_y + offset.y - 1
        if 0 <= index < len(self._keys):
            self.cursor_row = index
            self.post_message(self.RowSelected(self._keys[index]))
