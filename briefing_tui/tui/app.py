"""The reader application: screens, keymap, theme, palette and links that leave the app."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

if TYPE_CHECKING:
    from textual.command import Provider

    from .screens.library import LibraryScreen

from ..config import Config
from ..core.brief.model import Brief
from ..core.brief.views import SECTION_TITLES, SECTIONS
from ..core.library.cache import BriefCache
from ..core.library.entries import LibraryEntry
from .notes_keeper import NotesKeeper
from .notes_saving import NotesSaving
from .screens.brief import BriefScreen
from .typeahead import InputEvent, TypeAhead


def _brief_items_provider() -> type[Provider]:
    # Imported when the palette first opens: textual.command costs ~40 ms at start-up.
    from .commands import BriefItemsProvider

    return BriefItemsProvider


class BriefingApp(NotesSaving, App[None]):
    """Read one brief, or a library of briefs, by keyboard."""

    CSS_PATH = "app.tcss"
    TITLE = "briefing-tui"
    COMMANDS = App.COMMANDS | {_brief_items_provider}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark,f1", "help", "Help", id="app.help"),
        Binding(
            "ctrl+p", "command_palette", "Palette", show=False, id="app.palette", priority=True
        ),
    ]

    def __init__(
        self,
        *,
        brief: Brief | None = None,
        library: tuple[str, Sequence[LibraryEntry | Path]] | None = None,
        config: Config | None = None,
        notes_dir: Path | None = None,
        cache: BriefCache | None = None,
    ) -> None:
        """Open ``brief``, or a ``library``: a folder's name and its briefs, each an entry
        already loaded or a path that the library screen loads in the background (through
        ``cache``, the parse cache, when given)."""
        super().__init__()
        #: Where notes are kept: None means $BRIEFING_TUI_NOTES_DIR or the user data dir.
        self.notes_dir = notes_dir
        #: The parse cache briefs are loaded through; None loads from the files each time.
        self.brief_cache = cache
        #: Paths of the briefs opened since the library last counted their annotations.
        self.visited_briefs: set[str] = set()
        #: The notes stores of the briefs opened, shared by their screens.
        self.notes_keeper = NotesKeeper(self, notes_dir)
        self._notes_errors: dict[int, str] = {}  # the write error last told, by store
        self._recovering: set[int] = set()  # stores whose broken file is being asked about
        #: Notes changed and then discarded, by item: the note editor offers them back.
        self.note_drafts: dict[str, str] = {}
        self._asking_quit: str | None = None  # "note" or "notes" while a quit question shows
        if (brief is None) == (library is None):
            raise ValueError("give a brief or a library")
        self._brief = brief
        self._library = library
        self.config = config or Config()
        self.set_keymap(self.config.keymap)
        #: Keys and pastes are handled one at a time, each once the one before took effect.
        self.type_ahead = TypeAhead(self, self._handle_input)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, InputEvent) and not self.screen_stack:
            return  # typed after quitting, the screens already gone: Textual would crash
        if isinstance(event, InputEvent) and not event.is_forwarded:
            await self.type_ahead.take(event)
        else:
            await super().on_event(event)

    async def _handle_input(self, event: InputEvent) -> None:
        if self.screen_stack:  # not after quitting (the key may have waited)
            await super().on_event(event)

    def on_mount(self) -> None:
        if self.config.theme in self.available_themes:
            self.theme = self.config.theme
        else:
            self.notify(
                f"Unknown theme '{self.config.theme}' in the config.",
                severity="warning",
                markup=False,
            )
        problems = list(self.config.problems)
        known = binding_ids()
        problems.extend(
            f"keymap: no key binding has the id '{binding_id}' (see ? for the ids)"
            for binding_id in self.config.keymap
            if binding_id not in known
        )
        for problem in problems:
            self.notify(problem, title="Config", severity="warning", markup=False, timeout=8)
        if self._library is not None:
            from .screens.library import LibraryScreen

            folder, entries = self._library
            self.push_screen(LibraryScreen(folder, entries))
        else:
            assert self._brief is not None
            self.push_screen(BriefScreen(self._brief))

    def action_help(self) -> None:
        """Show the keys that work where the reader is."""
        from .screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        focused = self.screen.focused
        where = type(focused).__name__ if focused else type(self.screen).__name__
        self.push_screen(HelpScreen(_friendly(where), self.screen.active_bindings))

    # -- the library -------------------------------------------------------------------------

    def _library_screen(self) -> LibraryScreen | None:
        from .screens.library import LibraryScreen

        return next((s for s in self.screen_stack if isinstance(s, LibraryScreen)), None)

    def _first_brief(self) -> Brief | None:
        return next((s.brief for s in self.screen_stack if isinstance(s, BriefScreen)), None)

    def library_entries(self, *, failed_too: bool = False) -> list[LibraryEntry]:
        """The briefs loaded so far (and, with ``failed_too``, those that failed to load): the
        library's, or the one brief opened alone."""
        library = self._library_screen()
        if library is not None:
            return library.searchable_entries() if failed_too else library.loaded_entries()
        brief = self._first_brief()
        return [LibraryEntry(brief.path, brief)] if brief is not None else []

    def search_library(self) -> None:
        """Open the search over every brief of the library."""
        from .screens.search import SearchScreen

        if isinstance(self.screen, SearchScreen):
            return
        self._tell_if_still_loading()
        entries = self.library_entries(failed_too=True)
        self.push_screen(SearchScreen(entries, self.notes_dir), self._chosen)

    def show_across(self, section: Literal["actors", "issues"], item_id: str) -> None:
        """Show an actor's (or an issue's) stances in every brief of the library."""
        from .screens.across import AcrossScreen

        library = self._library_screen()
        if library is not None:
            index = library.across_index()
        else:
            from ..core.library.across import build_index

            index = build_index(self.library_entries())
        self._tell_if_still_loading()
        self.push_screen(AcrossScreen(index, section, item_id), self._chosen)

    def _tell_if_still_loading(self) -> None:
        library = self._library_screen()
        missing = library.still_loading() if library is not None else 0
        if missing:
            self.notify(
                f"{missing} briefs are still loading: what follows leaves them out.",
                timeout=4,
            )

    def _chosen(self, chosen: tuple[Path, str | None] | None) -> None:
        if chosen is not None:
            self.open_item(*chosen)

    def open_item(self, path: Path, item_id: str | None) -> None:
        """Show the item ``item_id`` (or the summary, for None) of the brief at ``path``."""
        key = f"item:{item_id}" if item_id else None
        screen = self.screen
        if isinstance(screen, BriefScreen) and screen.brief.path == path:
            screen.follow(key or "brief")
            return
        library = self._library_screen()
        entry = library.entry_for(path) if library is not None else None
        brief = entry.brief if entry is not None else self._first_brief()
        if brief is None or brief.path != path:
            self.notify(f"{path} is not open in this library.", severity="warning", markup=False)
            return
        self.push_screen(BriefScreen(brief, from_library=True, at=key))

    def open_external(self, url: str) -> None:
        """Open a web link, but only after the reader confirms; other schemes never."""
        if not url.startswith(("http://", "https://")):
            self.notify(
                "Only http and https links can be opened.", severity="warning", markup=False
            )
            return

        from .screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self.open_url(url)

        self.push_screen(ConfirmScreen("Open this link in your browser?", url), answered)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "Search the library",
            "Titles, actors, positions, quotes, your notes and tags in every brief",
            self.search_library,
        )
        if isinstance(screen, BriefScreen):
            yield SystemCommand(
                "Across briefs",
                "The selected actor's or issue's positions in every brief",
                screen.action_across,
            )
            if screen.disk_problems:
                yield SystemCommand(
                    "Problems",
                    "Why the brief on disk does not load (the last good version is shown)",
                    screen.action_disk_problems,
                )
            yield SystemCommand("Back", "Go back to where you were", screen.action_back)
            yield SystemCommand("Forward", "Go forward again", screen.action_forward)
            yield SystemCommand("Filter", "Filter the current list", screen.action_filter)
            yield SystemCommand(
                "Open source",
                "The article at the selected item's evidence",
                screen.action_open_source,
            )
            for section in SECTIONS:
                yield SystemCommand(
                    f"Go to {SECTION_TITLES[section]}",
                    f"Show the {SECTION_TITLES[section].lower()} of the brief",
                    lambda section=section: screen.action_section(section),
                )
        yield SystemCommand("Help", "The keys that work here", self.action_help)


def binding_ids() -> set[str]:
    """Every binding id a keymap may name: the reader's own and those of the Textual widgets
    it uses."""
    from textual.widgets import DataTable, Input, OptionList

    from .screens.across import AcrossScreen
    from .screens.confirm import ConfirmScreen
    from .screens.discard import DiscardNote
    from .screens.help import HelpScreen
    from .screens.item_picker import ItemPicker
    from .screens.library import LibraryScreen, LibraryTable
    from .screens.note_editor import NoteEditor
    from .screens.problems import ProblemsScreen
    from .screens.prompt import Prompt
    from .screens.recover_notes import RecoverNotesScreen
    from .screens.search import SearchScreen
    from .screens.source import SourceScreen
    from .widgets.nav_list import NavList

    classes = (
        BriefingApp,
        BriefScreen,
        SourceScreen,
        LibraryScreen,
        LibraryTable,
        HelpScreen,
        ProblemsScreen,
        SearchScreen,
        ConfirmScreen,
        NoteEditor,
        DiscardNote,
        RecoverNotesScreen,
        Prompt,
        ItemPicker,
        AcrossScreen,
        NavList,
        OptionList,
        DataTable,
        Input,
    )
    ids: set[str] = set()
    for cls in classes:
        for klass in cls.__mro__:
            for binding in klass.__dict__.get("BINDINGS", ()):
                binding_id = getattr(binding, "id", None)
                if binding_id:
                    ids.add(binding_id)
    return ids


_PLACES = {
    "SectionList": "the sections",
    "ItemList": "the list of items",
    "LinkList": "the links of the item",
    "ParagraphList": "the article",
    "LibraryTable": "the library",
    "Input": "the filter",
}


def _friendly(name: str) -> str:
    return _PLACES.get(name, name)
