"""The notes of the briefs open in the app: one store per notes file, written in the background.

Every screen showing a brief shares its store, so two screens of one brief (a jump across
briefs can open it twice) show the same notes. Each store writes on a thread of its own and
reports what each write came to; the report reaches the app as a :class:`NotesReported`
message (``post_message`` is safe from any thread and never waits for the UI).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from textual.app import App
from textual.message import Message

from ..core.brief.model import Brief
from ..core.library.cache import cache_dir
from ..core.notes.file import dump_notes
from ..core.notes.folder import notes_dir, notes_path
from ..core.notes.store import NotesStore, SaveReport
from ..core.text.atomicfile import write_atomic


class NotesReported(Message):
    """A store wrote (or failed to write) the changes waiting."""

    def __init__(self, store: NotesStore, report: SaveReport) -> None:
        super().__init__()
        self.store = store
        self.report = report


class NotesKeeper:
    """The app's notes stores, by notes file."""

    def __init__(self, app: App[Any], folder: Path | None) -> None:
        self._app = app
        self._folder = folder
        self._stores: dict[Path, NotesStore] = {}

    def open(self, brief: Brief) -> NotesStore:
        """The store of ``brief``'s notes, shared with every other screen of the same notes."""
        path = notes_path(notes_dir(self._folder), brief.id)
        store = self._stores.get(path)
        if store is None:
            store = NotesStore(brief, self._folder, background=True)
            store_ref = store

            def report(saved: SaveReport) -> None:
                self._app.post_message(NotesReported(store_ref, saved))

            store.on_report = report
            self._stores[path] = store
        else:
            store.brief = brief
        return store

    @property
    def stores(self) -> list[NotesStore]:
        """Every store opened so far."""
        return list(self._stores.values())

    def unsaved(self, timeout: float = 3.0) -> list[NotesStore]:
        """Wait (up to ``timeout`` seconds in all) for every store to write what it shows;
        the stores that still have changes waiting."""
        deadline = dt.datetime.now() + dt.timedelta(seconds=timeout)
        left = []
        for store in self._stores.values():
            remaining = max(0.0, (deadline - dt.datetime.now()).total_seconds())
            if not store.flush(remaining):
                left.append(store)
        return left

    def save_copies(self, stores: list[NotesStore]) -> list[Path]:
        """Write the notes shown by ``stores`` (the changes waiting included) to a copy beside
        the notes file, else in the cache folder or the temporary folder: the last resort
        before quitting with changes that could not be saved. The paths written."""
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        written = []
        for store in stores:
            text = dump_notes(store.brief.id, store.annotations)
            name = f"{store.path.name}.unsaved-{stamp}"
            for folder in (store.path.parent, cache_dir().parent, Path(tempfile.gettempdir())):
                try:
                    write_atomic(folder / name, text)
                except OSError:
                    continue
                written.append(folder / name)
                break
        return written

    def close(self) -> None:
        """Stop the writers (after they wrote what they could)."""
        for store in self._stores.values():
            store.close(timeout=0.5)
