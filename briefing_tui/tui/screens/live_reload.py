"""Live reload of the brief screen: the brief read again when it or its article changes on disk.

Another program (an editor, ``git pull``) may change the files of the brief being read. The
screen looks at them every :attr:`LiveReload.RELOAD_INTERVAL` seconds (two ``stat`` calls,
``core/library/watch.py``), reads them on a worker thread through the parse cache, and shows the
new brief at the reader's place; a version that no longer loads leaves the last good one on
screen and its problems told. Nothing changes under an open dialog: a change seen meanwhile is
held back until the dialog closes.
"""

from __future__ import annotations

from abc import abstractmethod

from textual import work
from textual.screen import Screen
from textual.widgets import Input, OptionList
from textual.worker import get_current_worker

from ...core.brief.model import Brief
from ...core.library.cache import read_through
from ...core.library.watch import Signature, brief_files, signature
from ...core.load.loader import Loaded
from ...core.load.problems import Problem
from ...core.notes.store import NotesStore
from ..location import Location
from ..reader import reader
from ..widgets.detail import DetailPane
from ..widgets.items import ItemList
from ..widgets.sections import SectionList

#: A signature no files have: files marked with it are read again at the next look.
UNSEEN: Signature = ()


class LiveReload(Screen[None]):
    """A screen showing one brief that follows its files on disk (a mixin of the brief screen,
    which provides the members declared here and calls :meth:`check_files` on a timer)."""

    #: Seconds between two looks at the brief's files for changes made in another program.
    RELOAD_INTERVAL = 1.0

    brief: Brief
    notes: NotesStore
    #: The section shown.
    section: str
    #: Problems of the file on disk when it changed and no longer loads (the last good
    #: version stays on screen), else ().
    disk_problems: tuple[Problem, ...]
    _files_seen: Signature

    # -- provided by the screen that shows the brief ------------------------------------------

    @property
    @abstractmethod
    def location(self) -> Location:
        """Where the reader is now."""
        raise NotImplementedError

    @abstractmethod
    def go(self, location: Location, *, record: bool) -> None:
        """Show ``location``; with ``record`` history remembers the move."""
        raise NotImplementedError

    @abstractmethod
    def _show_title(self) -> None:
        """Draw the title bar (the problems on disk among what it tells)."""
        raise NotImplementedError

    @abstractmethod
    def _tell_notes_problems(self) -> None:
        """Say what is wrong with the notes file, if anything."""
        raise NotImplementedError

    @abstractmethod
    def _show_section(self, section: str) -> None:
        """Show the rows of ``section``, unfiltered."""
        raise NotImplementedError

    @abstractmethod
    def _show_match_count(self, query: str) -> None:
        """Show how many rows the filter ``query`` leaves."""
        raise NotImplementedError

    # -- live reload --------------------------------------------------------------------------

    def _init_live_reload(self, brief: Brief) -> None:
        """Start from ``brief``'s files as they are now, with no problems on disk."""
        self.disk_problems = ()
        self._files_seen = signature(brief_files(brief))

    def check_files(self) -> None:
        """Reload the brief when it or its article changed on disk since last seen.

        Not while a dialog is open over the brief (a note being written must not see its item
        change under it): the change is picked up when the dialog closes (``on_screen_resume``).
        The files are marked seen *before* they are read, so a save landing during the read is
        noticed next time.
        """
        if self.app.screen is not self:
            return
        seen = signature(brief_files(self.brief))
        if seen != self._files_seen:
            self._files_seen = seen
            self._reload()

    @work(thread=True, exclusive=True, group="brief-reload")
    def _reload(self) -> None:
        loaded = read_through(self.brief.path, reader(self.app).brief_cache)
        if not get_current_worker().is_cancelled:  # a newer reload supersedes this one
            self.app.call_from_thread(self.reloaded, loaded)

    def reloaded(self, loaded: Loaded) -> None:
        """Show a brief read again from disk, keeping the reader's place; when it no longer
        loads, keep the last good version and say what is wrong.

        A dialog opened while the files were being read holds the result back: the files count
        as unseen, so they are read again once the dialog closes."""
        if self.app.screen is not self:
            self._files_seen = UNSEEN
            return
        if loaded.brief is None:
            first = loaded.problems[0] if loaded.problems else None
            new = loaded.problems != self.disk_problems
            self.disk_problems = loaded.problems
            self._show_title()
            if new:
                self.notify(
                    f"{first}" if first else "The file cannot be read.",
                    title="The brief on disk has problems; the last good version stays",
                    severity="warning",
                    markup=False,
                    timeout=10,
                )
            return
        self.disk_problems = ()
        self.replace_brief(loaded.brief)
        self.notify("Reloaded: the brief changed on disk.", timeout=3)

    def replace_brief(self, brief: Brief) -> None:
        """Show ``brief`` in place of the one shown, at the same row when it still exists, with
        the filter and the focus as they were."""
        where = self.location
        field = self.query_one("#filter", Input)
        query = field.value if field.display else ""
        focused = self.focused
        if brief_files(brief) != brief_files(self.brief):  # it names another article now
            self._files_seen = signature(brief_files(brief))
        if brief.id != self.brief.id:
            self.notes = reader(self.app).notes_keeper.open(brief)
            self._tell_notes_problems()
        else:
            self.notes.brief = brief
        self.brief = brief
        self.query_one(DetailPane).brief = brief
        self._show_title()
        self.query_one(SectionList).show_brief(brief, len(self.notes.annotations))
        items = self.query_one(ItemList)
        with self.prevent(OptionList.OptionHighlighted, Input.Changed):
            self._show_section(self.section)
            if query:
                field.display = True
                field.value = query
                field.cursor_position = len(query)  # typing goes on where it was
                items.filter(query)
                self._show_match_count(query)
        self.go(where, record=False)
        if focused is not None and focused.is_attached and focused.display:
            focused.focus()
        if where.key.startswith("item:") and brief.item(where.key[5:]) is None:
            self.notify(f"'{where.key[5:]}' is no longer in the brief.", markup=False, timeout=4)
        library = next((s for s in self.app.screen_stack if hasattr(s, "brief_changed")), None)
        if library is not None:
            library.brief_changed(brief)

    def action_disk_problems(self) -> None:
        """Show why the brief on disk does not load."""
        from .problems import ProblemsScreen

        if self.disk_problems:
            self.app.push_screen(ProblemsScreen(str(self.brief.path), self.disk_problems))
