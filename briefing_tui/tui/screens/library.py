"""The library screen: one row per brief of a folder, invalid ones listed with their error."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from ...core.library import LibraryEntry
from ..text import literal
from .brief import BriefScreen
from .problems import ProblemsScreen


class LibraryTable(DataTable[Content]):
    """The table of briefs, with vim keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="library.down"),
        Binding("k", "cursor_up", "Up", show=False, id="library.up"),
        Binding("g", "scroll_top", "First", show=False, id="library.first"),
        Binding("G", "scroll_bottom", "Last", show=False, id="library.last"),
    ]


class LibraryScreen(Screen[None]):
    """The briefs of a folder; Enter opens one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", id="library.open"),
    ]

    def __init__(self, folder: str, entries: list[LibraryEntry]) -> None:
        super().__init__()
        self.folder = folder
        self.entries = {str(entry.path): entry for entry in entries}

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        yield LibraryTable(id="library", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        valid = sum(1 for e in self.entries.values() if e.brief)
        self.query_one("#title-bar", Static).update(
            Content.assemble(
                ("briefing-tui  ", "bold $accent"),
                literal(
                    f"{self.folder}  ·  {len(self.entries)} briefs, {valid} valid", one_line=True
                ),
            )
        )
        table = self.query_one(LibraryTable)
        rows = {key: _cells(entry) for key, entry in self.entries.items()}

        def width(column: int, cap: int) -> int:
            return min(cap, max((len(cells[column].plain) for cells in rows.values()), default=0))

        table.add_column("Title", key="title", width=max(5, width(0, 40)))
        table.add_column("Outlet", key="outlet", width=max(6, width(1, 20)))
        table.add_column("Date", key="date", width=10)
        for label in ("Actors", "Positions", "Questions", "Annotated"):
            table.add_column(label, key=label.lower())
        for key, cells in rows.items():
            table.add_row(*cells, key=key)
        table.focus()

    def on_screen_resume(self) -> None:
        """Back from a brief: its annotation count may have changed."""
        from ...core.notestore import count_notes

        table = self.query_one(LibraryTable)
        for key, entry in self.entries.items():
            if entry.brief is None:
                continue
            count = count_notes(entry.brief.id, self.app.notes_dir)  # type: ignore[attr-defined]
            if count != entry.annotated:
                self.entries[key] = replace(entry, annotated=count)
                table.update_cell(key, "annotated", Content(f"{count}/{len(entry.brief.items)}"))

    @on(DataTable.RowSelected)
    def row_selected(self, event: DataTable.RowSelected) -> None:
        self._open(event.row_key.value)

    def action_open(self) -> None:
        """Open the brief under the cursor."""
        table = self.query_one(LibraryTable)
        if table.row_count:
            self._open(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _open(self, key: str | None) -> None:
        entry = self.entries.get(key or "")
        if entry is None:
            return
        if entry.brief is None:
            self.app.push_screen(ProblemsScreen(str(entry.path), entry.problems))
        else:
            self.app.push_screen(BriefScreen(entry.brief, from_library=True))


def _cells(entry: LibraryEntry) -> list[Content]:
    brief = entry.brief
    if brief is None:
        first = (
            f"{entry.problems[0].line}:{entry.problems[0].column}: {entry.problems[0].message}"
            if entry.problems
            else "cannot be read"
        )
        return [
            Content.assemble(
                literal(entry.path.name, "bold $error", one_line=True),
                "  ",
                literal(str(first), one_line=True),
            ),
            Content("—"),
            Content("—"),
            Content("—"),
            Content("—"),
            Content("—"),
            Content("—"),
        ]
    source = brief.source
    return [
        literal(brief.title, one_line=True),
        literal(source.outlet or "", one_line=True),
        Content(source.published.isoformat() if source.published else "undated"),
        Content(str(len(brief.actors))),
        Content(str(len(brief.positions))),
        Content(str(len(brief.questions))),
        Content(f"{entry.annotated}/{len(brief.items)}"),
    ]
