"""The brief screen: sections, the items of a section, and the selected item's detail.

Its navigation (jumps, history, the filter, panes) and the notes shown in the panes share one
screen's state (the section, the row last selected in each, the detail waiting for the cursor to
rest), so they stay in one module of some 470 lines; the annotation keys (``annotating.py``) and
live reload (``live_reload.py``) are mixins of their own.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Footer, Input, OptionList, Static

from ...core.brief.model import Actor, Brief, Issue, Position
from ...core.brief.views import (
    SECTION_TITLES,
    SECTIONS,
    detail,
    section_of,
    section_rows,
)
from ...core.notes.display import NOTE_PREFIX, annotation_fields, note_detail, notes_rows
from ...core.notes.store import SaveReport
from ..history import History
from ..location import Location
from ..markdown import ITEM_SCHEME
from ..notes_keeper import NotesReported
from ..reader import reader
from ..text import literal
from ..widgets.detail import DetailPane, LinkList
from ..widgets.items import ItemList
from ..widgets.literal_inputs import LiteralInput
from ..widgets.sections import SectionList
from .annotating import AnnotatingScreen
from .live_reload import LiveReload


class BriefScreen(AnnotatingScreen, LiveReload):
    """Read one brief: move through sections and items, follow links both ways, annotate."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left_square_bracket,backspace", "back", "Back", id="nav.back"),
        Binding("right_square_bracket", "forward", "Forward", id="nav.forward"),
        Binding("slash", "filter", "Filter", id="nav.filter"),
        Binding("s", "open_source", "Source", id="nav.source"),
        Binding("x", "across", "Across briefs", id="nav.across"),
        Binding("S", "search_library", "Search library", show=False, id="nav.search_library"),
        Binding("h", "pane_left", "Pane left", show=False, id="nav.pane_left"),
        Binding("l", "pane_right", "Pane right", show=False, id="nav.pane_right"),
        Binding("escape", "escape", "Out", show=False, id="nav.escape"),
        Binding("9", "section('notes')", "Notes", show=False, id="nav.section_notes"),
        *(
            Binding(
                str(number),
                f"section('{section}')",
                SECTION_TITLES[section],
                show=False,
                id=f"nav.section_{section}",
            )
            for number, section in enumerate(SECTIONS, start=1)
        ),
    ]

    #: Seconds the cursor must rest in the item list before the detail pane follows it.
    #: Short enough not to be seen after one key; while a key repeats only the last row is
    #: rendered, so holding j through 5,000 rows is as quick as a bare list. 0 renders at once.
    DETAIL_DELAY = 0.05

    def __init__(self, brief: Brief, *, from_library: bool = False, at: str | None = None) -> None:
        """Read ``brief``; ``at`` is the key of the row to open at (``item:<id>``)."""
        super().__init__()
        self.brief = brief
        self.from_library = from_library
        self.open_at = at
        self._init_live_reload(brief)
        self._ready = False  # mounted, with its notes read
        self.history: History[Location] = History(limit=200)
        self.section = "summary"
        self._last_key: dict[str, str] = {}  # the row last selected in each section
        self._pending_detail: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        with Horizontal(id="panes"):
            yield SectionList(id="sections")
            with Vertical(id="items-pane"):
                yield LiteralInput(placeholder="filter…", id="filter")
                yield ItemList(id="items")
            yield DetailPane(self.brief, id="detail")
        yield Footer()

    def on_mount(self) -> None:
        reader(self.app).visited_briefs.add(str(self.brief.path))
        self.notes = reader(self.app).notes_keeper.open(self.brief)
        self._tell_notes_problems()
        self._show_title()
        self.query_one(SectionList).show_brief(self.brief, len(self.notes.annotations))
        self.query_one("#filter", Input).display = False
        self.go(Location("summary", "brief"), record=True)
        self.query_one(SectionList).focus()
        if self.open_at:
            self.follow(self.open_at)
        self.set_interval(self.RELOAD_INTERVAL, self.check_files)
        self._ready = True

    def _tell_notes_problems(self) -> None:
        """Say at open what is wrong with the notes file, if anything."""
        if self.notes.set_aside is not None:
            where, why = self.notes.set_aside
            self.notify(
                f"Your notes file could not be read ({why}). It was kept as {where}; new notes"
                " go to a fresh file.",
                title="Notes set aside",
                severity="error",
                markup=False,
                timeout=30,
            )
        if self.notes.problem is not None:
            self.notify(
                f"Your notes cannot be read: {self.notes.problem}. You can read the brief;"
                " changes to your notes cannot be saved until this is fixed.",
                title="Notes",
                severity="error",
                markup=False,
                timeout=30,
            )

    def _show_title(self) -> None:
        parts: list[tuple[str, str] | Content] = [
            ("briefing-tui  ", "bold $accent"),
            literal(self.brief.title, one_line=True),
        ]
        notes = getattr(self, "notes", None)
        if notes is not None and notes.waiting and (notes.error or notes.broken):
            parts.append(
                (
                    f"  ·  {notes.waiting} change{'s' if notes.waiting != 1 else ''} NOT saved"
                    " (retrying)",
                    "bold $error",
                )
            )
        if self.disk_problems:
            count = len(self.disk_problems)
            parts.append(
                (
                    f"  ·  the file on disk has {count} problem{'s' if count != 1 else ''};"
                    " showing the last good version (ctrl+p: Problems)",
                    "bold $warning",
                )
            )
        self.query_one("#title-bar", Static).update(Content.assemble(*parts))

    def on_screen_resume(self) -> None:
        """Back on this brief: notes made meanwhile on another screen of it (a jump across
        briefs can open the same brief twice) or by another app are shown, never overwritten
        with stale ones; files changed on disk meanwhile are read again."""
        if not self._ready:
            return
        changed = self.notes.refresh()
        if self.notes.broken is not None:  # another program broke the file: ask what to keep
            report = SaveReport(waiting=self.notes.waiting, broken=self.notes.broken)
            self.app.post_message(NotesReported(self.notes, report))
        if changed:
            self.after_annotation()
        self.check_files()  # a change held back while a dialog was open is taken in now

    # -- navigation ---------------------------------------------------------------------------

    @property
    def location(self) -> Location:
        """Where the reader is now."""
        key = self.query_one(ItemList).highlighted_id or self._last_key.get(self.section, "")
        return Location(self.section, key)

    def go(self, location: Location, *, record: bool) -> None:
        """Show ``location``: switch section, select the row, show its detail.

        With ``record`` the move is a jump that history remembers.
        """
        sections = self.query_one(SectionList)
        items = self.query_one(ItemList)
        with self.prevent(OptionList.OptionHighlighted):
            if location.section != self.section or not items.option_count:
                self._show_section(location.section)
            sections.highlight_id(location.section)
            if not items.highlight_id(location.key) and items.query_text:
                self._clear_filter()
                items.highlight_id(location.key)
        self._show_detail(items.highlighted_id or location.key)
        if record:
            self.history.visit(self.location)
        else:
            self.history.replace(self.location)

    def follow(self, key: str) -> None:
        """Jump to what ``key`` names (an item, a paragraph, the brief) and remember it."""
        if key.startswith("url:"):
            reader(self.app).open_external(key[4:])
            return
        self.history.replace(self.location)
        section = "notes" if key.startswith(NOTE_PREFIX) else section_of(self.brief, key)
        self.go(Location(section, key), record=True)
        self.query_one(ItemList).focus()

    def _show_section(self, section: str) -> None:
        self.section = section
        self._clear_filter()
        items = self.query_one(ItemList)
        if section == "notes":
            rows = notes_rows(self.notes.annotations, self.brief)
        else:
            rows = section_rows(self.brief, section)
        items.show_rows(rows, self.notes.annotations)
        items.border_title = SECTION_TITLES.get(section, "Your notes")
        remembered = self._last_key.get(section)
        if not (remembered and items.highlight_id(remembered)) and items.option_count:
            items.highlighted = 0

    def _show_detail(self, key: str | None) -> None:
        if self._pending_detail is not None:  # shown now: a pending update would be stale
            self._pending_detail.stop()
            self._pending_detail = None
        pane = self.query_one(DetailPane)
        annotation = None
        if key and key.startswith(NOTE_PREFIX):
            annotation = self.notes.get(key[len(NOTE_PREFIX) :])
            found = note_detail(annotation, self.brief) if annotation else None
        else:
            found = detail(self.brief, key) if key else None
            if key and key.startswith("item:"):
                annotation = self.notes.get(key[5:])
        if found is None:
            pane.display = False
            return
        pane.display = True
        self._last_key[self.section] = found.key
        pane.show(
            found,
            annotation_fields(annotation, self.brief),
            annotation.note if annotation else "",
        )
        # A border title given as a str is parsed as markup: brief text goes in as Content.
        title = "Brief" if found.key == "brief" else found.title[:60]
        pane.border_title = literal(title, one_line=True)

    # -- events -------------------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#sections")
    def section_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id and event.option.id != self.section:
            self._show_section(event.option.id)
            self._show_detail(self.query_one(ItemList).highlighted_id)
            self.history.replace(self.location)

    @on(OptionList.OptionSelected, "#sections")
    def section_chosen(self) -> None:
        self.query_one(ItemList).focus()

    @on(OptionList.OptionHighlighted, "#items")
    def item_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if self._pending_detail is not None:
            self._pending_detail.stop()
            self._pending_detail = None
        if self.DETAIL_DELAY > 0:  # render when the cursor rests
            self._pending_detail = self.set_timer(self.DETAIL_DELAY, self._detail_caught_up)
        else:
            self._show_detail(event.option.id)
        self.history.replace(self.location)

    def _detail_caught_up(self) -> None:
        self._pending_detail = None
        self._show_detail(self.query_one(ItemList).highlighted_id)

    def _flush_detail(self) -> None:
        """Show the highlighted row's detail now if it is still waiting for the cursor to rest:
        a key that acts on the detail (Enter, a move to the links) must see the current row."""
        if self._pending_detail is not None:
            self._detail_caught_up()

    @on(OptionList.OptionSelected, "#items")
    def item_chosen(self) -> None:
        self._flush_detail()
        links = self.query_one(LinkList)
        if links.display:
            links.focus()

    @on(LinkList.Followed)
    def link_followed(self, event: LinkList.Followed) -> None:
        self.follow(event.key)

    @on(DetailPane.LinkClicked)
    def markdown_link_clicked(self, event: DetailPane.LinkClicked) -> None:
        if event.href.startswith(ITEM_SCHEME):
            self.follow(f"item:{event.href[len(ITEM_SCHEME) :]}")
        else:
            reader(self.app).open_external(event.href)

    @on(Input.Changed, "#filter")
    def filter_changed(self, event: Input.Changed) -> None:
        items = self.query_one(ItemList)
        with self.prevent(OptionList.OptionHighlighted):
            items.filter(event.value)
        self._show_detail(items.highlighted_id)
        self._show_match_count(event.value)

    def _show_match_count(self, query: str) -> None:
        items = self.query_one(ItemList)
        count = items.shown_count
        items.border_subtitle = f"{count} match" + ("" if count == 1 else "es") if query else ""

    @on(Input.Submitted, "#filter")
    def filter_submitted(self) -> None:
        self.query_one(ItemList).focus()

    # -- actions ------------------------------------------------------------------------------

    # -- annotations (keys in AnnotatingScreen) ----------------------------------------------

    def notes_changed(self, item_ids: frozenset[str]) -> None:
        """A background write of the notes finished (or failed): show the notes as they are
        now, another instance's changes included, and whether some are not saved."""
        if not self._ready or not self.query("#title-bar"):  # being taken down (quitting)
            return
        self._show_title()
        if item_ids:
            self.after_annotation(*sorted(item_ids))

    def after_annotation(self, *item_ids: str) -> None:
        """Redraw the marks, the detail and the counts after a change to the notes of
        ``item_ids`` (only their rows are redrawn, whatever the length of the list)."""
        items = self.query_one(ItemList)
        if self.section == "notes":
            keep = items.highlighted_id
            with self.prevent(OptionList.OptionHighlighted):
                items.show_rows(
                    notes_rows(self.notes.annotations, self.brief),
                    self.notes.annotations,
                    query=items.query_text,
                )
                if keep:
                    items.highlight_id(keep)
        else:
            items.refresh_marks(self.notes.annotations, item_ids)
        self._show_title()
        self.query_one(SectionList).update_notes_count(len(self.notes.annotations))
        key = items.highlighted_id
        pane = self.query_one(DetailPane)
        if key and key.startswith("item:") and pane.display and pane.shown_key == key:
            # Only "Your notes" changed: the item's own text, Markdown and links stay drawn.
            annotation = self.notes.get(key[5:])
            pane.show_yours(
                annotation_fields(annotation, self.brief), annotation.note if annotation else ""
            )
        else:
            self._show_detail(key)

    def set_filter(self, query: str) -> None:
        """Put ``query`` in the filter (an empty one closes it)."""
        field = self.query_one("#filter", Input)
        if not query:
            self._clear_filter()
            self.notify("Showing all rows.", timeout=2)
            return
        field.display = True
        field.value = query
        self.query_one(ItemList).focus()

    def action_back(self) -> None:
        """Go back to the previous jump's location."""
        self.history.replace(self.location)
        location = self.history.back()
        if location is None:
            self.notify("Nothing to go back to.", timeout=2)
            return
        self.go(location, record=False)

    def action_forward(self) -> None:
        """Go forward again after going back."""
        location = self.history.forward()
        if location is None:
            self.notify("Nothing to go forward to.", timeout=2)
            return
        self.go(location, record=False)

    def action_section(self, section: str) -> None:
        """Show a section (number keys; 9 is your notes)."""
        self.go(Location(section, self._last_key.get(section, "")), record=False)
        self.query_one(ItemList).focus()

    def action_filter(self) -> None:
        """Filter the current list as you type."""
        field = self.query_one("#filter", Input)
        field.display = True
        field.focus()

    def action_open_source(self) -> None:
        """Open the article at the evidence of the selected item."""
        from .source import SourceScreen

        key = self.location.key
        found = detail(self.brief, key) if key else None
        paragraphs = found.paragraphs if found else ()
        self.app.push_screen(
            SourceScreen(self.brief, focus_key=key, paragraphs=paragraphs),
            callback=self._source_closed,
        )

    def action_across(self) -> None:
        """The selected actor's or issue's positions in every brief of the library."""
        key = self.location.key
        item = self.brief.item(key[5:]) if key.startswith("item:") else None
        if isinstance(item, Position):  # a position: its actor across briefs
            item = self.brief.item(item.actor)
        if not isinstance(item, Actor | Issue):
            self.notify("Select an actor, an issue or a position first.", timeout=3)
            return
        reader(self.app).show_across("actors" if isinstance(item, Actor) else "issues", item.id)

    def action_search_library(self) -> None:
        """Search every brief of the library."""
        reader(self.app).search_library()

    def _source_closed(self, key: str | None) -> None:
        if key:
            self.follow(key)

    def action_pane_left(self) -> None:
        """Move focus one pane to the left."""
        self._move_pane(-1)

    def action_pane_right(self) -> None:
        """Move focus one pane to the right."""
        self._move_pane(+1)

    def _move_pane(self, step: int) -> None:
        self._flush_detail()
        panes = [self.query_one(SectionList), self.query_one(ItemList)]
        links = self.query_one(LinkList)
        if links.display and self.query_one(DetailPane).display:
            panes.append(links)
        focused = self.focused
        current = next((i for i, p in enumerate(panes) if p is focused), 0)
        panes[max(0, min(len(panes) - 1, current + step))].focus()

    def action_escape(self) -> None:
        """Back out one layer: filter, then panes right to left, then the library."""
        field = self.query_one("#filter", Input)
        focused = self.focused
        if focused is field:
            self._clear_filter()
            self.query_one(ItemList).focus()
        elif isinstance(focused, LinkList):
            self.query_one(ItemList).focus()
        elif isinstance(focused, ItemList):
            if field.display:
                self._clear_filter()
            else:
                self.query_one(SectionList).focus()
        elif self.from_library:
            self.app.pop_screen()

    def _clear_filter(self) -> None:
        field = self.query_one("#filter", Input)
        items = self.query_one(ItemList)
        if field.value or items.query_text:
            field.value = ""
            with self.prevent(OptionList.OptionHighlighted):
                items.filter("")
        items.border_subtitle = ""
        field.display = False
