"""The reader's notes of one brief as shown, and how a change reaches the disk without ever
being lost.

A change is kept as the fields it sets (``change.FieldChange``). It is applied under a lock to
the notes file *as it is on disk at that moment* and written atomically (``disk.NotesFile``), so
two app instances on one brief never clobber each other: each change lands on top of the
other's; when both set the same field, the later change wins. Undo puts back only the fields of
the change it undoes, and only those nobody changed since.

What is shown is what is on disk plus the changes still waiting to be written. With
``background=True`` (the app) a thread writes them, in order, so a mark shows at once whatever
the size of the file; a write that fails leaves them waiting, shown as not saved, and retried.
Without it (the command line, tests) each change is written before ``change`` returns, and one
that cannot be written is withdrawn and raises OSError.

A file that cannot be parsed is renamed aside with a timestamp (``x.notes.yaml.corrupt-…``) and
never overwritten. At open nothing was shown yet and the store starts empty; found broken while
the app runs (another program edited it), the notes shown stay shown and nothing is written
until the reader chooses, through :meth:`NotesStore.recover`, what the new file holds. A file
that exists but cannot be read at all (a FIFO, too large, no permission, the notes folder not a
folder) is never moved nor replaced: changes are refused with the reason.

(Over 400 lines: the store's state, its writer thread and the rules above are one thing; the
file itself is ``disk.py``, the folder ``folder.py`` and the keys' edits ``edits.py``.)
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..brief.model import Brief
from ..text.atomicfile import remove_stale_temporaries
from .annotations import Annotation, blank
from .change import FieldChange, field_words
from .disk import NotesBroken, NotesFile, reason_of
from .edits import Edit
from .folder import notes_dir, notes_path


@dataclass(frozen=True, slots=True)
class SetAside:
    """A notes file that could not be parsed, moved aside: where it went, and why."""

    path: Path
    reason: str


@dataclass(frozen=True)
class SaveReport:
    """What a write of the waiting changes came to, for the screen to tell the reader."""

    #: Labels of the changes now in the file (see :meth:`NotesStore.change`), in order.
    saved: tuple[str, ...] = ()
    #: How many changes still wait to be written.
    waiting: int = 0
    #: Why the write failed, when it did (the changes wait and are retried).
    error: str | None = None
    #: Fields an undo left alone because they changed since: (item id, field words).
    kept: tuple[tuple[str, str], ...] = ()
    #: The items whose annotation changed on screen (another instance's changes included).
    items: frozenset[str] = frozenset()
    #: The file was found broken and set aside; nothing is written until :meth:`recover`.
    broken: SetAside | None = None
    #: The last write failed and this one succeeded: the waiting changes are saved now.
    recovered: bool = False
    #: The notes file had vanished; this write put back the notes shown.
    restored: bool = False


@dataclass
class _Waiting:
    change: FieldChange
    label: str = ""


@dataclass
class _Group:
    """One undo step: the changes of one action (a re-attach changes two items)."""

    changes: list[FieldChange] = field(default_factory=list)


class NotesStore:
    """The annotations of one brief, kept in step with its notes file."""

    def __init__(
        self,
        brief: Brief,
        folder: Path | None = None,
        *,
        undo_depth: int = 100,
        background: bool = False,
        on_report: Callable[[SaveReport], None] | None = None,
        retry_after: float = 5.0,
    ) -> None:
        self.brief = brief
        self.path = notes_path(notes_dir(folder), brief.id)
        #: Where a notes file that could not be parsed at open was moved, and why.
        self.set_aside: tuple[Path, str] | None = None
        #: Why the notes cannot be read or changed (the file exists but is unreadable), if so.
        self.problem: str | None = None
        #: Why the last write failed, while changes wait to be retried.
        self.error: str | None = None
        #: The file found broken while open, set aside; nothing is written until recover().
        self.broken: SetAside | None = None
        self._background = background
        #: Called (on the writer thread) with what each background write came to.
        self.on_report = on_report
        self._retry_after = retry_after
        self._undo: list[_Group] = []
        self._undo_depth = undo_depth
        self._saved: dict[str, Annotation] = {}  # as on disk after the last read or write
        self._view: dict[str, Annotation] = {}  # _saved with the waiting changes: what is shown
        self._waiting: list[_Waiting] = []
        self._session: list[FieldChange] = []  # every change made here, for recover()
        self._restore: dict[str, Annotation] | None = None  # recover(): the base of the next write
        self._file = NotesFile(self.path, brief.id)
        self._mutex = threading.Condition(threading.RLock())  # guards the dicts and lists
        self._io = threading.Lock()  # one reader or writer of the file at a time, here
        self._stop = False
        self._writer: threading.Thread | None = None
        self._last_report = SaveReport()
        self._failing = False  # the last write failed (error may be cleared by retry())
        self._idle = True  # nothing waits, or the last write reported why it could not
        self._restored_gone = False  # the write under way puts back a vanished file
        with self._io, self._file.locked(writing=False) as locked:
            if locked:
                remove_stale_temporaries(self.path)
            self._saved = self._open_read()
        self._view = dict(self._saved)

    # -- reading ------------------------------------------------------------------------------

    @property
    def annotations(self) -> dict[str, Annotation]:
        """What is shown: the file as last read or written, with the changes waiting."""
        return self._view

    def get(self, item_id: str) -> Annotation | None:
        """The annotation of an item, if any."""
        return self._view.get(item_id)

    @property
    def waiting(self) -> int:
        """How many changes are shown but not yet in the file."""
        return len(self._waiting)

    @property
    def session_changes(self) -> int:
        """How many changes were made through this store since it was opened."""
        return len(self._session)

    def reload(self) -> None:
        """Read the file again (another instance may have changed it)."""
        self.refresh()

    def refresh(self) -> bool:
        """Take the changes another store wrote since (another app, or another screen of this
        one on the same brief); whether what is shown changed. Cheap when there were none: the
        file is read but parsed only when its text changed. While this store's writer is at
        work it returns at once (the write brings the file's changes in)."""
        if not self._io.acquire(blocking=False):
            return False
        try:
            with self._file.locked(writing=False):
                try:
                    disk, unchanged = self._fresh()
                except NotesBroken as broken:
                    self._mark_broken(broken.reason)
                    return False
                except OSError:
                    return False
            if unchanged or self._gone(disk, unchanged):
                return False
            return self._show(disk)
        finally:
            self._io.release()

    # -- changing -----------------------------------------------------------------------------

    def change(
        self, item_id: str, edit: Edit, *, record_undo: bool = True, label: str = ""
    ) -> Annotation | None:
        """Apply ``edit`` to an item's annotation as shown (a blank one if none) and save it.

        ``edit`` returns the new annotation, or None to remove it; an annotation left with
        nothing in it is removed. Returns what is shown now. ``label`` names the change in the
        :class:`SaveReport` that says it was saved.
        """
        item = self.brief.item(item_id)
        self._refuse_if_unreadable()
        with self._mutex:
            old = self._view.get(item_id)
            start = old if old is not None else (blank(item) if item else None)
            if start is None:
                raise KeyError(f"no item '{item_id}' and no note for it")
            new = edit(start)
            if new is not None and new.is_empty:
                new = None
            change = FieldChange(item_id, old, new)
            if not change.fields:
                return old
            self._submit([change], label=label, record_undo=record_undo)
        self._settle([change], record_undo=record_undo)
        return self._view.get(item_id)

    def undo(self) -> str | None:
        """Revert the last change made through this store; returns an item id, or None.

        Only the fields that change set are put back, and only where they still hold what it
        set: what another instance (or nobody) changed since stays. The items are put back
        whether or not the brief still has them (undoing the deletion of an orphaned note
        brings the orphan back).
        """
        self._refuse_if_unreadable()
        with self._mutex:
            if not self._undo:
                return None
            group = self._undo.pop()
            inverse = [change.inverse() for change in reversed(group.changes)]
            self._submit(inverse, label="undo", record_undo=False)
        try:
            self._settle(inverse, record_undo=False)
        except OSError:
            with self._mutex:
                self._undo.append(group)
            raise
        return group.changes[0].item_id

    def undo_step(self) -> tuple[FieldChange, ...]:
        """The changes the next undo reverts (two for a re-attach), or () when none."""
        with self._mutex:
            return tuple(self._undo[-1].changes) if self._undo else ()

    def reattach(self, old_id: str, new_id: str) -> Annotation | None:
        """Move a (stale or orphaned) annotation to another item, anchored to its text now.

        One undo step puts both items back as they were.
        """
        item = self.brief.item(new_id)
        if item is None:
            raise KeyError(f"no item '{new_id}' to move the notes to")
        self._refuse_if_unreadable()
        with self._mutex:
            moved = self._view.get(old_id)
            if moved is None:
                raise KeyError(f"no notes on '{old_id}' to move")
            target = self._view.get(new_id)
            if target is not None and not target.is_empty:
                raise ValueError(f"'{new_id}' has notes of its own; delete or merge them first")
            after = replace(moved, item=new_id).touched(item)
            changes = [FieldChange(new_id, target, after), FieldChange(old_id, moved, None)]
            self._submit(changes, label="re-attach", record_undo=True)
        self._settle(changes, record_undo=True)
        return self._view.get(new_id)

    def reanchor(self, item_id: str) -> Annotation | None:
        """Keep a stale annotation for its item's new text (the reader has read it)."""
        item = self.brief.item(item_id)
        if item is None:
            raise KeyError(f"no item '{item_id}' to anchor the notes to")
        return self.change(item_id, lambda current: current.touched(item))

    # -- saving -------------------------------------------------------------------------------

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every change shown is in the file; whether it is (False when a write
        failed, the file is broken, or ``timeout`` seconds passed first)."""
        with self._mutex:
            return self._mutex.wait_for(lambda: self._idle, timeout) and not self._waiting

    def retry(self) -> None:
        """Try the waiting changes again now (after the reader fixed the disk)."""
        with self._mutex:
            self.error = None
            self._idle = not self._waiting
            self._mutex.notify_all()
        if not self._background:
            self._write_round()

    def recover(self, *, keep_shown: bool = True) -> None:
        """After the file was found broken and set aside: start a new file with what was shown
        (``keep_shown``: the notes as last read, with every change made since), or with only
        the changes made in this session, re-applied in order."""
        with self._mutex:
            if self.broken is None:
                return
            if keep_shown:
                self._restore = dict(self._saved)
            else:
                self._restore = {}
                pending = {id(w.change) for w in self._waiting}
                earlier = [_Waiting(c) for c in self._session if id(c) not in pending]
                self._waiting[:0] = earlier
            self.broken = None
            self._idle = not self._waiting
            self._mutex.notify_all()
        if not self._background:
            self._write_round()

    def close(self, timeout: float | None = 10.0) -> bool:
        """Write what waits (up to ``timeout`` seconds) and stop the writer; whether every
        change shown is in the file."""
        saved = self.flush(timeout)
        with self._mutex:
            self._stop = True
            self._mutex.notify_all()
        if self._writer is not None:
            self._writer.join(timeout=1.0)
        return saved

    def _submit(self, changes: list[FieldChange], *, label: str, record_undo: bool) -> None:
        """Show ``changes`` and have them written (called with the mutex held)."""
        for change in changes:
            self._show_change(self._view, change)
            self._waiting.append(_Waiting(change, label))
            self._session.append(change)
        if record_undo:
            self._undo.append(_Group(list(changes)))
            del self._undo[: -self._undo_depth]
        self._idle = False
        if self._background:
            self._start_writer()
            self._mutex.notify_all()

    def _settle(self, changes: list[FieldChange], *, record_undo: bool) -> None:
        """Without a writer thread: write ``changes`` now, or withdraw them and raise OSError.
        A file found broken is set aside (``set_aside`` says where) and a new one written
        with what was shown: there is no one to ask."""
        if self._background:
            return
        try:
            report = self._write_round()
            if report.broken is not None:
                self.set_aside = (report.broken.path, report.broken.reason)
                self.recover(keep_shown=True)
                report = self._last_report
        except BaseException:
            with self._mutex:
                self._withdraw(changes, record_undo=record_undo)
            raise
        if report.error is not None:
            with self._mutex:
                self._withdraw(changes, record_undo=record_undo)
                self.error = None
            raise OSError(0, report.error, str(self.path))

    def _withdraw(self, changes: list[FieldChange], *, record_undo: bool) -> None:
        """Take back changes that could not be written (no writer thread: nothing waits)."""
        ids = {id(change) for change in changes}
        self._waiting = [w for w in self._waiting if id(w.change) not in ids]
        self._session = [c for c in self._session if id(c) not in ids]
        if record_undo and self._undo and self._undo[-1].changes == changes:
            self._undo.pop()
        view = dict(self._saved)
        for waiting in self._waiting:
            self._show_change(view, waiting.change)
        self._view = view

    @staticmethod
    def _show_change(annotations: dict[str, Annotation], change: FieldChange) -> None:
        result, _kept = change.apply(annotations.get(change.item_id))
        if result is None:
            annotations.pop(change.item_id, None)
        else:
            annotations[change.item_id] = result

    def _start_writer(self) -> None:
        if self._writer is None or not self._writer.is_alive():
            self._stop = False
            self._writer = threading.Thread(
                target=self._write_loop, name=f"notes-writer-{self.brief.id}", daemon=True
            )
            self._writer.start()

    def _write_loop(self) -> None:
        while True:
            with self._mutex:
                while not self._stop and (not self._waiting or self.broken is not None):
                    self._mutex.wait()
                if self._stop:
                    return
                failed = self.error is not None
            if failed:  # wait before retrying, unless a new change or retry() wakes us
                with self._mutex:
                    self._mutex.wait(self._retry_after)
                    if self._stop:
                        return
            self._write_round()

    def _write_round(self) -> SaveReport:
        """Write every change waiting now, in one write; report what it came to, then wake
        whoever waits in :meth:`flush` (so the report is out before flush returns)."""
        report = self._write_waiting()
        self._last_report = report
        if self.on_report is not None:
            self.on_report(report)
        with self._mutex:
            self._idle = not self._waiting or self.error is not None or self.broken is not None
            self._mutex.notify_all()
        return report

    def _write_waiting(self) -> SaveReport:
        with self._io:
            with self._mutex:
                batch = list(self._waiting)
                if not batch or self.broken is not None:
                    return SaveReport(waiting=len(self._waiting), broken=self.broken)
                failed_before = self._failing
            kept: list[tuple[str, str]] = []
            try:
                with self._file.locked(writing=True):
                    # Unchanged, ``disk`` *is* _saved: the batch is applied in place (no copy
                    # of 50,000 notes on each mark) and taken back if the write fails.
                    disk, unchanged = self._fresh_for_write()
                    self._file.begin_write(disk, unchanged=unchanged)
                    previous: list[tuple[str, Annotation | None]] = []
                    for waiting in batch:
                        change = waiting.change
                        current = disk.get(change.item_id)
                        previous.append((change.item_id, current))
                        result, skipped = change.apply(current)
                        _put(disk, change.item_id, result)
                        self._file.update(change.item_id, result)
                        if skipped:
                            kept.append((change.item_id, field_words(skipped)))
                    try:
                        self._file.commit()
                    except BaseException:
                        for item_id, value in reversed(previous):
                            _put(disk, item_id, value)
                        raise
                    self._restore = None
                    restored, self._restored_gone = self._restored_gone, False
            except NotesBroken as broken:
                self._mark_broken(broken.reason)
                with self._mutex:
                    return SaveReport(waiting=len(self._waiting), broken=self.broken)
            except OSError as exc:
                with self._mutex:
                    self.error = reason_of(exc)
                    self._failing = True
                    return SaveReport(waiting=len(self._waiting), error=self.error)
            with self._mutex:
                del self._waiting[: len(batch)]
                self.error = None
                self._failing = False
                touched = {w.change.item_id for w in batch}
                if unchanged:  # what is shown differs from the file only where this batch wrote
                    changed = self._show_items(disk, touched)
                else:  # someone else wrote too: compare item by item
                    before = self._view
                    self._show(disk)
                    changed = _changed_items(before, self._view)
                return SaveReport(
                    saved=tuple(w.label for w in batch if w.label),
                    waiting=len(self._waiting),
                    kept=tuple(kept),
                    items=frozenset(changed),
                    recovered=failed_before,
                    restored=restored,
                )

    def _show_items(self, disk: dict[str, Annotation], item_ids: set[str]) -> set[str]:
        """Show the file's ``item_ids`` (with the changes still waiting on them); those whose
        look changed (not only the time of the change). Called with the mutex held."""
        self._saved = disk
        changed = set()
        for item_id in item_ids:
            value = disk.get(item_id)
            for waiting in self._waiting:
                if waiting.change.item_id == item_id:
                    value, _kept = waiting.change.apply(value)
            if not _same_shown(self._view.get(item_id), value):
                changed.add(item_id)
            _put(self._view, item_id, value)
        return changed

    def _show(self, disk: dict[str, Annotation]) -> bool:
        """Show ``disk`` with the changes still waiting; whether anything shown changed."""
        view = dict(disk)
        with self._mutex:
            self._saved = disk
            for waiting in self._waiting:
                self._show_change(view, waiting.change)
            changed = view != self._view
            self._view = view
        return changed

    # -- the file -----------------------------------------------------------------------------

    def _open_read(self) -> dict[str, Annotation]:
        """The notes at open: a file that cannot be parsed is set aside and the store starts
        empty; one that cannot be read at all leaves the store unable to save."""
        try:
            return self._fresh()[0]
        except NotesBroken as broken:
            with contextlib.suppress(OSError):
                self.set_aside = (self._file.put_aside(), broken.reason)
                return {}
            self.problem = f"{self.path} cannot be parsed ({broken.reason}) nor moved aside"
            return {}
        except OSError as exc:
            self.problem = reason_of(exc)
            return {}

    def _fresh(self) -> tuple[dict[str, Annotation], bool]:
        """The notes on disk now, and whether they are those shown as saved (see
        ``NotesFile.read``); reading them clears the problem that made them unreadable."""
        disk, unchanged = self._file.read(self._saved)
        self.problem = None
        return disk, unchanged

    def _fresh_for_write(self) -> tuple[dict[str, Annotation], bool]:
        """The annotations a write starts from, and whether they are those last read or
        written: the file as it is, or after recover() the notes chosen, with whatever another
        instance wrote since the file was set aside."""
        disk, unchanged = self._fresh()
        if self._restore is not None:
            return {**self._restore, **disk}, False
        if self._gone(disk, unchanged):
            self._restored_gone = True
            return dict(self._saved), True
        return disk, unchanged

    def _gone(self, disk: dict[str, Annotation], unchanged: bool) -> bool:
        """Whether the notes file vanished while notes were shown (a sync tool, a checkout):
        never taken as "no notes"; the next write puts back what was shown."""
        return not disk and not unchanged and bool(self._saved) and not self._file.known

    def _mark_broken(self, reason: str) -> None:
        """The file broke while open: set it aside, keep what is shown, write nothing."""
        try:
            aside = self._file.put_aside()
        except OSError as exc:
            with self._mutex:
                self.error = f"{self.path} cannot be parsed ({reason}) nor moved aside: {exc}"
            return
        with self._mutex:
            self.broken = SetAside(aside, reason)
            self._mutex.notify_all()

    def _refuse_if_unreadable(self) -> None:
        """Refuse a change while the file exists but cannot be read (it would be replaced
        by one without the notes it holds); read it again first, the reader may have fixed it."""
        if self.problem is None:
            return
        with self._io, self._file.locked(writing=False):
            try:
                disk: dict[str, Annotation] | None = self._fresh()[0]
            except (OSError, NotesBroken):
                disk = None
        if disk is None or self.problem is not None:
            raise OSError(0, self.problem or "the notes file cannot be read", str(self.path))
        self._show(disk)


def _put(annotations: dict[str, Annotation], item_id: str, value: Annotation | None) -> None:
    if value is None:
        annotations.pop(item_id, None)
    else:
        annotations[item_id] = value


def _same_shown(shown: Annotation | None, saved: Annotation | None) -> bool:
    """Whether the reader would see the same: only the time of the change may differ."""
    if shown is saved or shown is None or saved is None:
        return shown is saved
    return replace(shown, updated=saved.updated) == saved


def _changed_items(before: dict[str, Annotation], after: dict[str, Annotation]) -> set[str]:
    if before is after:
        return set()
    return {
        key
        for key in before.keys() | after.keys()
        if before.get(key) is not after.get(key) and before.get(key) != after.get(key)
    }
