"""The reader application: screens, keymap, theme, palette and links that leave the app."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

if TYPE_CHECKING:
    from textual.command import Provider

from ..config import Config
from ..core.cache import BriefCache
from ..core.library import LibraryEntry
from ..core.model import Brief
from ..core.views import SECTION_TITLES, SECTIONS
from .screens.brief import BriefScreen


def _brief_items_provider() -> type[Provider]:
    # Imported when the palette first opens: textual.command costs ~40 ms at start-up.
    from .commands import BriefItemsProvider

    return BriefItemsProvider


class BriefingApp(App[None]):
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
        if (brief is None) == (library is None):
            raise ValueError("give a brief or a library")
        self._brief = brief
        self._library = library
        self.config = config or Config()
        self.set_keymap(self.config.keymap)

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

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, BriefScreen):
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
    from .screens.help import HelpScreen
    from .screens.library import LibraryScreen, LibraryTable
    from .screens.problems import ProblemsScreen
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
