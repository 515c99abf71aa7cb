"""Searching the library: a query searched as you type, the hits newest brief first.

The query language is ``core/search/index.py``'s (words, ``#tag``, ``is:``, ``actor:``, ``after:``,
``before:``); its problems are shown under the query. The index is built in a thread when the
screen opens, so a large library never freezes the reader. Enter dismisses the screen with the
hit to open, ``(path of the brief, item id or None for the brief itself)``; escape with None.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from ...core.brief.model import SECTIONS
from ...core.library.entries import LibraryEntry
from ...core.search.index import Hit, Results, SearchIndex
from ..text import literal
from ..widgets.literal_inputs import LiteralInput
from ..widgets.nav_list import NavList

HINT = "words, #tag, is:agree, is:star, actor:zelensky, after:2025-01-01, before:2025-12"


class SearchResults(NavList):
    """The hits of the query, one or two lines each."""


class SearchScreen(Screen[tuple[Path, str | None] | None]):
    """Search every brief of a library; dismisses with ``(path, item id or None)`` or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="search.close"),
        Binding("down", "results", "Results", show=False, id="search.results"),
        Binding("slash", "edit_query", "Query", id="search.query"),
    ]

    #: Seconds of no typing before the query runs.
    DELAY: ClassVar[float] = 0.15
    #: Most hits listed (the count says how many there are in all).
    LIMIT: ClassVar[int] = 200

    def __init__(
        self, entries: Sequence[LibraryEntry], notes_dir: Path | None = None, *, query: str = ""
    ) -> None:
        """Search ``entries`` (briefs that failed to load are told, not searched) with the
        reader's notes in ``notes_dir`` (None: the default notes folder); start with
        ``query``."""
        super().__init__()
        self.entries = list(entries)
        self.notes_dir = notes_dir
        self.initial_query = query
        self.index: SearchIndex | None = None
        #: The hits listed, by option id.
        self.hits: dict[str, Hit] = {}
        #: The query the listed hits are for (None until the index is read): it lags the field
        #: while the pause after typing runs.
        self.searched: str | None = None
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        # The cursor goes to the end of the query, not selecting it: refining is what is typed.
        yield LiteralInput(
            value=self.initial_query, placeholder=HINT, id="search-query", select_on_focus=False
        )
        yield Static(id="search-status")
        yield SearchResults(id="search-results")
        yield Footer()

    def on_mount(self) -> None:
        self._show_title()
        self.query_one(Input).focus()
        self._build_index()

    def _show_title(self) -> None:
        briefs = sum(1 for entry in self.entries if entry.brief is not None)
        self.query_one("#title-bar", Static).update(
            Content.assemble(
                ("Search  ", "bold $accent"),
                f"{briefs:,} brief{'' if briefs == 1 else 's'}: titles, actors, issues,"
                " positions, questions, quotes, events, your notes and tags",
            )
        )
        if self.index is None:
            self._status(Content.styled(f"Reading {briefs:,} briefs and your notes…", "dim"))

    def update_entries(self, entries: Sequence[LibraryEntry]) -> None:
        """Search these briefs from now on (the library finished loading): the index is built
        again and the query run again on it."""
        self.entries = list(entries)
        self._show_title()
        self._build_index()

    @work(thread=True, exclusive=True, group="search-index")
    def _build_index(self) -> None:
        """Fold every brief's text once, in a thread (a large library takes a second)."""
        index = SearchIndex.from_library(self.entries, self.notes_dir)
        if not get_current_worker().is_cancelled:  # the screen was closed meanwhile
            self.app.call_from_thread(self._index_ready, index)

    def _index_ready(self, index: SearchIndex) -> None:
        if not self.is_attached:
            return
        self.index = index
        self._search()

    @on(Input.Changed, "#search-query")
    def typed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self.DELAY <= 0:
            self._search()
        else:
            self._timer = self.set_timer(self.DELAY, self._search)

    def _search(self) -> None:
        """Run the query now and list its hits."""
        self._timer = None
        if self.index is None:
            return  # the index is still being built: it searches when it is ready
        query = self.query_one("#search-query", Input).value
        results = self.index.search(query, limit=self.LIMIT)
        self._show(results, query)

    def _show(self, results: Results, query: str) -> None:
        assert self.index is not None
        listing = self.query_one(SearchResults)
        self.hits = {f"hit:{n}": hit for n, hit in enumerate(results.hits)}
        self.searched = query
        listing.set_options(Option(_prompt(hit), id=key) for key, hit in self.hits.items())
        if listing.option_count:
            listing.highlighted = 0
        if results.problems:
            self._status(
                Content("\n").join(
                    literal(p, "$text-error", one_line=True) for p in results.problems
                )
            )
        elif not query.strip():
            self._status(Content.styled(f"Type to search: {HINT}", "dim"))
        else:
            self._status(_count(results, self.index))

    def _status(self, content: Content) -> None:
        self.query_one("#search-status", Static).update(content)

    @on(Input.Submitted, "#search-query")
    def submitted(self) -> None:
        if self._timer is not None:  # enter before the pause: search what was typed first
            self._timer.stop()
            self._search()
        listing = self.query_one(SearchResults)
        self._choose(listing.highlighted_id)

    @on(OptionList.OptionSelected, "#search-results")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option.id)

    def _choose(self, option_id: str | None) -> None:
        hit = self.hits.get(option_id or "")
        if hit is not None:
            self.dismiss((hit.path, hit.item_id))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """In the query, "/" is typed, not a key: the footer does not offer it there."""
        return not (action == "edit_query" and isinstance(self.focused, Input))

    def action_results(self) -> None:
        """From the query to the hits."""
        self.query_one(SearchResults).focus()

    def action_edit_query(self) -> None:
        """Back to the query."""
        self.query_one("#search-query", Input).focus()

    def action_close(self) -> None:
        """Leave without opening anything."""
        self.dismiss(None)


def _prompt(hit: Hit) -> Content:
    """A hit's row: date, kind, label and brief; a second line for a match the label does not
    show (a note, a tag, a role, ...)."""
    date = hit.published.isoformat() if hit.published else "undated"
    kind = SECTIONS[hit.section].noun if hit.section in SECTIONS else hit.section
    first = Content.assemble(
        (f"{date:<10}  ", "dim"),
        (f"{kind:<8}  ", "$text-accent"),
        literal(hit.label, one_line=True),
        ("  · ", "dim"),
        literal(hit.brief_title, "dim", one_line=True),
    )
    if not hit.where or hit.in_label:
        return first
    second = Content.assemble(
        (" " * 22, ""), (f"{hit.where}: ", "dim italic"), literal(hit.snippet, "dim", one_line=True)
    )
    return Content("\n").join([first, second])


def _count(results: Results, index: SearchIndex) -> Content:
    """'23 hits in 4 of 140 briefs', or '200 of 1,532 hits …' when the list is cut."""
    shown, total = len(results.hits), results.total
    if not total:
        return Content.styled(f"No hits in {index.brief_count:,} briefs", "dim")
    hits = f"{total:,} hit{'' if total == 1 else 's'}"
    text = f"{shown:,} of {hits}" if shown < total else hits
    text += f" in {results.briefs:,} of {index.brief_count:,} briefs"
    if shown < total:
        text += f" (the first {shown:,} listed: narrow the query)"
    if index.skipped:
        text += f"  ·  {len(index.skipped):,} could not be loaded and were not searched"
    return Content.styled(text, "bold")
