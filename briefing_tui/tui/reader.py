"""What the reader's screens may ask of the app, typed: screens cannot import the app module
(it imports them), so they reach it through this protocol instead of untyped attributes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol, cast

if TYPE_CHECKING:
    from textual.app import App

    from ..config import Config
    from ..core.library.cache import BriefCache
    from .notes_keeper import NotesKeeper


class ReaderApp(Protocol):
    """The app's state and services shared by its screens."""

    #: Where notes are kept (None: $BRIEFING_TUI_NOTES_DIR or the user data dir).
    notes_dir: Path | None
    #: The parse cache briefs are loaded through (None: read from the files each time).
    brief_cache: BriefCache | None
    #: The notes stores of the briefs open, shared by their screens.
    notes_keeper: NotesKeeper
    #: Paths of the briefs opened since the library last counted their annotations.
    visited_briefs: set[str]
    #: The settings of the config file.
    config: Config
    #: Notes changed and then discarded, by item: the note editor offers them back.
    note_drafts: dict[str, str]

    def search_library(self) -> None:
        """Open the search over every brief of the library."""

    def show_across(self, section: Literal["actors", "issues"], item_id: str) -> None:
        """Show an actor's or an issue's stances in every brief of the library."""

    def open_external(self, url: str) -> None:
        """Open a web link once the reader confirms."""


def reader(app: App[object]) -> ReaderApp:
    """The running app as the reader's app."""
    return cast("ReaderApp", app)
