"""The library's table: rows drawn on demand, moved through by keys, chosen by click."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content

from briefing_tui.tui.text import literal
from briefing_tui.tui.widgets.row_table import Column, RowTable

from .tuikit import screen_lines

HOSTILE = "[bold]x[/] \x1b[31mred"


class TableApp(App[None]):
    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows
        self.chosen: list[str] = []
        self.headers: list[str] = []

    def compose(self) -> ComposeResult:
        yield RowTable(id="table")

    def on_mount(self) -> None:
        table = self.query_one(RowTable)
        table.set_columns([Column("name", "Name", 16), Column("n", "Number", 6)])
        table.set_rows(
            [(f"row-{i}", [literal(f"name {i}"), Content(str(i))]) for i in range(self.rows)]
        )
        table.focus()

    def on_row_table_row_selected(self, event: RowTable.RowSelected) -> None:
        self.chosen.append(event.key)

    def on_row_table_header_selected(self, event: RowTable.HeaderSelected) -> None:
        self.headers.append(event.column)


async def test_keys_move_the_cursor_and_the_view_follows_it():
    app = TableApp(5000)
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(RowTable)
        assert screen_lines(app)[0].startswith(" Name")
        await pilot.press("down", "down")
        assert table.cursor_key == "row-2"
        await pilot.press("end")
        assert table.cursor_key == "row-4999"
        assert any("name 4999" in line for line in screen_lines(app))
        assert screen_lines(app)[0].startswith(" Name")  # the header stays
        await pilot.press("pageup")
        assert table.cursor_row == 4999 - 10
        await pilot.press("home")
        assert table.cursor_key == "row-0"
        assert "name 0" in screen_lines(app)[1]


async def test_clicks_choose_a_row_or_a_column():
    app = TableApp(20)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.click(RowTable, offset=(2, 3))  # the third row under the header
        assert app.chosen == ["row-2"]
        assert app.query_one(RowTable).cursor_key == "row-2"
        await pilot.click(RowTable, offset=(20, 0))  # the second column's header
        assert app.headers == ["n"]


async def test_new_rows_keep_the_cursor_on_its_row_and_text_is_literal():
    app = TableApp(10)
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(RowTable)
        await pilot.press("down", "down", "down")
        rows = [("new", [literal(HOSTILE), Content("0")])]
        rows += [(f"row-{i}", table.cells(f"row-{i}")) for i in range(10)]
        table.set_rows(rows)
        await pilot.pause()
        assert table.cursor_key == "row-3"
        first = screen_lines(app)[1]
        assert first.startswith(" [bold]x[/] ␛")  # markup as text, ESC made visible
        assert "\x1b" not in "".join(screen_lines(app))
