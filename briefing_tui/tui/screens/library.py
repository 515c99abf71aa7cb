"""The library screen: one row per brief of a folder, invalid ones listed with their error.

The screen shows at once. Briefs still to load are read by a thread worker (through the parse
cache) and added in batches, with a progress bar; the list can be sorted, filtered and opened
while it fills.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, ProgressBar, Static
from textual.worker import get_current_worker

from ...core.brief.model import Brief
from ...core.library.across import LibraryIndex, build_index
from ...core.library.entries import LibraryEntry, list_entry, load_entry, sort_key
from ...core.notes.folder import notes_dir as notes_folder
from ...core.search.filter import fuzzy_match
from ..reader import reader
from ..text import literal
from ..widgets.literal_inputs import LiteralInput
from ..widgets.row_table import Column, RowTable
from .brief import BriefScreen
from .problems import ProblemsScreen

#: Orders the library can be sorted in: name shown, key function, newest/largest first.
SORTS: dict[str, tuple[str, Callable[[LibraryEntry], Any]]] = {
    "date": ("newest first", sort_key),
    "title": ("by title", lambda e: (not e.valid, e.summary.title.lower() if e.summary else "")),
    "outlet": (
        "by outlet",
        lambda e: (not e.valid, (e.summary.outlet or "~").lower() if e.summary else ""),
    ),
    "annotated": ("most annotated first", lambda e: (not e.valid, -e.annotated)),
}
COUNTS = ("Actors", "Positions", "Questions", "Annotated")
BATCH_SECONDS = 0.25  # how often rows loaded in the background reach the table


class LibraryTable(RowTable):
    """The table of briefs, with vim keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="library.down"),
        Binding("k", "cursor_up", "Up", show=False, id="library.up"),
        Binding("g", "first", "First", show=False, id="library.first"),
        Binding("G", "last", "Last", show=False, id="library.last"),
    ]


class LibraryScreen(Screen[None]):
    """The briefs of a folder; Enter opens one.

    ``briefs`` holds entries already loaded and paths still to load; the paths are loaded in
    the background, in order, through the app's parse cache.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", id="library.open"),
        Binding("slash", "filter", "Filter", id="library.filter"),
        Binding("o", "sort", "Sort", id="library.sort"),
        Binding("s", "search", "Search", id="library.search"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="library.escape"),
    ]

    def __init__(self, folder: str, briefs: Sequence[LibraryEntry | Path]) -> None:
        super().__init__()
        self.folder = folder
        self.entries: dict[str, LibraryEntry] = {
            str(b.path): b for b in briefs if isinstance(b, LibraryEntry)
        }
        self.pending = [b for b in briefs if isinstance(b, Path)]
        self.total = len(self.entries) + len(self.pending)
        self.sort = "date"
        self.query_text = ""
        self.listing = bool(self.pending)  # rows still to come
        self.indexing = bool(self.pending)  # briefs still to load after the rows
        self._list_shown = threading.Event()  # set once the complete list is on screen
        self._version = 0  # bumped on every change of an entry
        self._across: tuple[int, LibraryIndex] | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        yield ProgressBar(total=self.total or None, show_eta=False, id="progress")
        yield LiteralInput(placeholder="filter by title, outlet, date or id…", id="library-filter")
        yield LibraryTable(id="library")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#library-filter", Input).display = False
        progress = self.query_one(ProgressBar)
        progress.display = self.listing
        progress.update(progress=len(self.entries))
        self._refresh_table()
        self.query_one(LibraryTable).focus()
        if self.listing:
            self._load(list(self.pending))

    # -- loading ------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="library-load")
    def _load(self, paths: list[Path]) -> None:
        """Read the rows of ``paths`` in a thread, handing batches to the UI thread; then load
        the briefs known only by their cached summary (search and views across briefs need
        them).

        ``call_from_thread`` waits for the UI thread to take each batch: that pause is what
        leaves the UI the interpreter to itself for its redraws (a queue drained on a timer
        was measured slower on both cold and warm opens)."""
        worker = get_current_worker()
        app = self.app
        # The notes folder is found once: the platform's lookup costs more than a cached row.
        notes_dir, cache = notes_folder(reader(app).notes_dir), reader(app).brief_cache
        listed: list[LibraryEntry] = []  # this thread's own rows: self.entries is the UI's
        batch: list[LibraryEntry] = []
        sent = time.monotonic()
        for path in paths:
            if worker.is_cancelled:
                return
            entry = list_entry(path, notes_dir, cache)
            listed.append(entry)
            batch.append(entry)
            if time.monotonic() - sent >= BATCH_SECONDS:
                app.call_from_thread(self._add_entries, batch, False)
                batch, sent = [], time.monotonic()
        app.call_from_thread(self._add_entries, batch, True)
        # Let the complete list reach the screen before loading briefs competes with it.
        self._list_shown.wait(timeout=2)
        briefs: list[LibraryEntry] = []
        for entry in listed:
            if worker.is_cancelled:
                return
            if entry.brief is None and entry.valid:
                briefs.append(load_entry(entry.path, notes_dir, cache))
                if time.monotonic() - sent >= BATCH_SECONDS:
                    app.call_from_thread(self._loaded, briefs)
                    briefs, sent = [], time.monotonic()
        app.call_from_thread(self._loaded, briefs)
        app.call_from_thread(self._indexed)

    def _taken_down(self) -> bool:
        """Whether the screen is being taken down (the app closing) while its thread still
        loads: the thread's batches then find no table to update and are dropped.

        Textual marks every node it prunes (``_pruning``) before removing any of them, and
        cancels the screen's workers only after its children are gone; Textual is pinned, so
        these private flags cannot move under the app."""
        return self._pruning or self._closing or not self.is_attached

    def _add_entries(self, batch: list[LibraryEntry], done: bool) -> None:
        if self._taken_down():
            return
        for entry in batch:
            self._set_entry(entry)
        self.query_one(ProgressBar).update(progress=len(self.entries))
        if done:
            self.listing = False
            self.pending = []
            self.query_one(ProgressBar).display = False
            self.call_after_refresh(self._list_shown.set)
        self._refresh_table()

    def _loaded(self, entries: list[LibraryEntry]) -> None:
        """Briefs known by their summary have loaded. An entry loaded meanwhile by other means
        (opened, or reloaded after an edit) is newer and stays; a row whose file changed
        between the two passes is redrawn."""
        if self._taken_down():
            return
        redraw = False
        for entry in entries:
            key = str(entry.path)
            known = self.entries.get(key)
            if known is None or known.brief is not None or not known.valid:
                continue
            redraw = redraw or entry.summary != known.summary
            self._set_entry(replace(entry, annotated=known.annotated))
        if redraw:
            self._refresh_table()

    def _indexed(self) -> None:
        if self._taken_down():
            return
        self.indexing = False
        self._update_title(self.query_one(LibraryTable).row_count)
        from .search import SearchScreen

        for screen in self.app.screen_stack:  # a search opened while briefs were loading
            if isinstance(screen, SearchScreen):
                screen.update_entries(self.searchable_entries())

    def _set_entry(self, entry: LibraryEntry) -> None:
        self.entries[str(entry.path)] = entry
        self._version += 1

    def loaded_entries(self) -> list[LibraryEntry]:
        """The entries whose briefs are loaded (all valid ones once indexing is done)."""
        return [e for e in self.entries.values() if e.brief is not None]

    def searchable_entries(self) -> list[LibraryEntry]:
        """What search reads: the loaded briefs, and those that failed (search names them)."""
        return [e for e in self.entries.values() if e.brief is not None or not e.valid]

    def still_loading(self) -> int:
        """How many briefs are not loaded yet (rows still to come, or known by summary)."""
        unlisted = self.total - len(self.entries) if self.listing else 0
        return unlisted + sum(1 for e in self.entries.values() if e.valid and e.brief is None)

    def across_index(self) -> LibraryIndex:
        """Actors and issues across the loaded briefs (built again after any change)."""
        if self._across is None or self._across[0] != self._version:
            self._across = (self._version, build_index(self.loaded_entries()))
        return self._across[1]

    def entry_for(self, path: Path) -> LibraryEntry | None:
        """The entry of the brief at ``path``, read again through the parse cache (quick when
        unchanged) so that a brief edited, or fixed, since it was listed opens as it is now."""
        entry = self.entries.get(str(path))
        if entry is None:
            return None
        app = self.app
        fresh = load_entry(entry.path, reader(app).notes_dir, reader(app).brief_cache)
        if fresh.summary != entry.summary or fresh.problems != entry.problems:
            self._set_entry(fresh)
            self._refresh_table()
        elif entry.brief is None or fresh.brief != entry.brief:
            self._set_entry(fresh)
        return self.entries[str(path)]

    def brief_changed(self, brief: Brief) -> None:
        """A brief open in the reader was reloaded from disk: its row follows."""
        old = self.entries.get(str(brief.path))
        if old is not None:
            self._set_entry(LibraryEntry(brief.path, brief, (), old.annotated))
            self._refresh_table()

    # -- the table ----------------------------------------------------------------------------

    def visible_entries(self) -> list[LibraryEntry]:
        """The entries shown: filtered by the query (substring, then fuzzy), in the sort order."""
        entries = sorted(self.entries.values(), key=SORTS[self.sort][1])
        needle = self.query_text.strip().lower()
        if not needle:
            return entries
        exact: list[LibraryEntry] = []
        fuzzy: list[LibraryEntry] = []
        for entry in entries:
            haystack = _haystack(entry)
            if needle in haystack:
                exact.append(entry)
            elif fuzzy_match(needle, haystack):
                fuzzy.append(entry)
        return exact + fuzzy

    def _refresh_table(self) -> None:
        """Show the visible entries, keeping the cursor on the brief it was on (cheap: the
        table draws only the rows on screen)."""
        table = self.query_one(LibraryTable)
        shown = self.visible_entries()
        rows = [(str(e.path), _cells(e)) for e in shown]

        def width(column: int, cap: int) -> int:
            return min(cap, max((cells[column].cell_length for _, cells in rows), default=0))

        table.set_columns(
            [
                Column("title", "Title", max(5, width(0, 40))),
                Column("outlet", "Outlet", max(6, width(1, 20))),
                Column("date", "Date", 10),
                *(Column(label.lower(), label, len(label)) for label in COUNTS),
            ]
        )
        table.set_rows(rows)
        self._update_title(len(shown))

    def _cursor_key(self) -> str | None:
        return self.query_one(LibraryTable).cursor_key

    def _update_title(self, shown: int) -> None:
        valid = sum(1 for e in self.entries.values() if e.valid)
        parts = [f"{self.folder}  ·  {len(self.entries)} briefs, {valid} valid"]
        if self.listing:
            parts.append(f"loading {len(self.entries)}/{self.total}")
        elif self.indexing:
            parts.append("indexing for search")
        if self.query_text:
            parts.append(f"{shown} shown")
        parts.append(SORTS[self.sort][0])
        self.query_one("#title-bar", Static).update(
            Content.assemble(
                ("briefing-tui  ", "bold $accent"), literal("  ·  ".join(parts), one_line=True)
            )
        )

    # -- events -------------------------------------------------------------------------------

    def on_screen_resume(self) -> None:
        """Back from briefs: the annotation counts of those read may have changed (only they
        are counted again: a library has thousands of rows)."""
        from ...core.notes.folder import count_notes

        table = self.query_one(LibraryTable)
        visited: set[str] = reader(self.app).visited_briefs
        keys = [key for key in visited if key in self.entries]
        visited.clear()
        for key in keys:
            entry = self.entries[key]
            if entry.summary is None:
                continue
            count = count_notes(entry.summary.id, reader(self.app).notes_dir)
            if count != entry.annotated:
                self.entries[key] = replace(entry, annotated=count)
                table.update_cell(key, "annotated", Content(f"{count}/{entry.summary.items}"))

    @on(RowTable.RowSelected)
    def row_selected(self, event: RowTable.RowSelected) -> None:
        self._open(event.key)

    @on(RowTable.HeaderSelected)
    def header_selected(self, event: RowTable.HeaderSelected) -> None:
        if event.column in SORTS:  # Actors, Positions and Questions do not sort
            self.sort = event.column
            self._refresh_table()

    @on(Input.Changed, "#library-filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self._refresh_table()

    @on(Input.Submitted, "#library-filter")
    def filter_submitted(self) -> None:
        self.query_one(LibraryTable).focus()

    # -- actions ------------------------------------------------------------------------------

    def action_open(self) -> None:
        """Open the brief under the cursor."""
        self._open(self._cursor_key())

    def action_filter(self) -> None:
        """Filter the briefs as you type."""
        field = self.query_one("#library-filter", Input)
        field.display = True
        field.focus()

    def action_clear_filter(self) -> None:
        """Close the filter and show every brief."""
        field = self.query_one("#library-filter", Input)
        if field.display or field.value:
            field.value = ""
            field.display = False
            self.query_text = ""
            self._refresh_table()
            self.query_one(LibraryTable).focus()

    def action_sort(self) -> None:
        """Sort by the next order: date, title, outlet, annotations."""
        orders = list(SORTS)
        self.sort = orders[(orders.index(self.sort) + 1) % len(orders)]
        self._refresh_table()
        self.notify(f"Sorted {SORTS[self.sort][0]}.", timeout=2)

    def action_search(self) -> None:
        """Search every brief of the library."""
        reader(self.app).search_library()

    def _open(self, key: str | None) -> None:
        entry = self.entry_for(Path(key)) if key else None
        if entry is None:
            return
        if entry.brief is None:
            self.app.push_screen(ProblemsScreen(str(entry.path), entry.problems))
        else:
            self.app.push_screen(BriefScreen(entry.brief, from_library=True))


def _haystack(entry: LibraryEntry) -> str:
    summary = entry.summary
    if summary is None:
        return entry.path.name.lower()
    date = summary.published.isoformat() if summary.published else "undated"
    return f"{summary.title} {summary.outlet or ''} {date} {summary.id} {entry.path.name}".lower()


def _cells(entry: LibraryEntry) -> list[Content]:
    summary = entry.summary
    if summary is None:
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
            *(Content("—") for _ in range(6)),
        ]
    return [
        literal(summary.title, one_line=True),
        literal(summary.outlet or "", one_line=True),
        Content(summary.published.isoformat() if summary.published else "undated"),
        Content(str(summary.actors)),
        Content(str(summary.positions)),
        Content(str(summary.questions)),
        Content(f"{entry.annotated}/{summary.items}"),
    ]
