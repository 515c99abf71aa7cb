"""What the app tells the reader about saving their notes, and quitting only once they are saved.

The notes stores write on threads of their own (``core/notes/store.py``); each write's report
reaches the app as a :class:`NotesReported` message. Here the reader is told "Note saved." once
a change is durable, NOT saved with the reason when the disk refuses it, asked what to keep when
another program broke the file, and asked before quitting with changes that are not saved.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import App

from ..core.notes.store import NotesStore
from .notes_keeper import NotesKeeper, NotesReported
from .screens.brief import BriefScreen


class NotesSaving(App[Any]):
    """The app's side of saving notes (a mixin of :class:`~.app.BriefingApp`)."""

    notes_keeper: NotesKeeper
    _notes_errors: dict[int, str]  # the write error last told, by store
    _recovering: set[int]  # stores whose broken file is being asked about
    _asking_quit: str | None  # "note" or "notes" while a quit question shows

    def on_unmount(self) -> None:
        """Stop the notes writers (each writes what it can first)."""
        self.notes_keeper.close()

    @on(NotesReported)
    def notes_reported(self, message: NotesReported) -> None:
        """Tell the reader what a background write of their notes came to, and redraw the
        screens showing those notes."""
        store, report = message.store, message.report
        for label in report.saved:
            self.notify(label, timeout=2, markup=False)
        for item_id, words in report.kept:
            self.notify(
                f"Undo left the {words} of '{item_id}' as it is: it was changed since"
                " (by another instance of the app, or a later change).",
                title="Notes",
                severity="warning",
                markup=False,
                timeout=8,
            )
        key = id(store)
        if report.error is not None and self._notes_errors.get(key) != report.error:
            self._notes_errors[key] = report.error
            self.notify(
                f"NOT saved: {report.error}. {report.waiting} change(s) are shown but not in the"
                f" notes file; retried every few seconds, and again at each change.",
                title="Notes",
                severity="error",
                markup=False,
                timeout=20,
            )
        if report.recovered and report.error is None:
            self._notes_errors.pop(key, None)
            self.notify("Saved: the changes that were waiting are in the notes file now.")
        if report.restored:
            self.notify(
                f"Your notes file {store.path} had disappeared; it was written again with the"
                " notes shown.",
                title="Notes",
                severity="warning",
                markup=False,
                timeout=10,
            )
        if report.broken is not None and key not in self._recovering:
            self._ask_recovery(store)
        for screen in self.screen_stack:
            if isinstance(screen, BriefScreen) and screen.notes is store:
                screen.notes_changed(report.items)

    def _ask_recovery(self, store: NotesStore) -> None:
        from .screens.recover_notes import RecoverNotesScreen

        broken = store.broken
        if broken is None:
            return
        self._recovering.add(id(store))

        def answered(keep_shown: bool | None) -> None:
            self._recovering.discard(id(store))
            store.recover(keep_shown=keep_shown is not False)
            kept = "the notes shown" if keep_shown is not False else "this session's changes"
            self.notify(
                f"A new notes file holds {kept}; the broken one is kept as {broken.path}.",
                title="Notes",
                markup=False,
                timeout=10,
            )

        self.push_screen(
            RecoverNotesScreen(
                str(store.path),
                str(broken.path),
                broken.reason,
                len(store.annotations),
                store.session_changes,
            ),
            answered,
        )

    async def action_quit(self) -> None:
        """Quit, never silently over the reader's work: a changed note open in the editor is
        asked about first (q again means yes); then every change to the notes must be in its
        file, or the reader is told which are not, a copy is written, and quitting waits for
        a yes."""
        from .screens.confirm import ConfirmScreen
        from .screens.note_editor import NoteEditor

        if isinstance(self.screen, ConfirmScreen):
            if self._asking_quit == "note":
                self.pop_screen()
                self._asking_quit = None
                self._quit_when_saved()
            return  # the question about unsaved notes stands: it needs an answer
        changed = [s for s in self.screen_stack if isinstance(s, NoteEditor) and s.changed]
        if not changed:
            self._quit_when_saved()
            return

        def answered(yes: bool | None) -> None:
            self._asking_quit = None
            if yes:
                self._quit_when_saved()

        self._asking_quit = "note"
        self.push_screen(
            ConfirmScreen("Quit without saving your note?", changed[-1].about), answered
        )

    def _quit_when_saved(self) -> None:
        unsaved = self.notes_keeper.unsaved(timeout=3.0)
        if not unsaved:
            self.notes_keeper.close()
            self.exit()
            return
        from .screens.confirm import ConfirmScreen

        waiting = sum(store.waiting for store in unsaved)
        copies = self.notes_keeper.save_copies(unsaved)
        reasons = "; ".join(
            sorted({store.error or "the notes file is broken" for store in unsaved})
        )
        where = (
            "A copy of your notes as shown was written to " + ", ".join(map(str, copies)) + "."
            if copies
            else "No copy could be written anywhere."
        )

        def answered(yes: bool | None) -> None:
            self._asking_quit = None
            if yes:
                self.notes_keeper.close()
                self.exit()

        self._asking_quit = "notes"
        self.push_screen(
            ConfirmScreen(
                f"{waiting} change(s) to your notes are NOT saved. Quit anyway?",
                f"{reasons}. {where} Answer n to stay: the changes are retried.",
            ),
            answered,
        )
