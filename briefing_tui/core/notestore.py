"""Where the reader's notes live, and how a change reaches the disk without ever losing one.

Every change is one small edit of one item's annotation. It is applied under a lock to the notes
file *as it is on disk at that moment* and written at once, atomically (``atomicfile``). So two
app instances on the same brief never clobber each other: each change lands on top of the
other's; when both change the same field of the same item, the later change wins. (A per-field
merge without a lock was the alternative; the lock is simpler and exact.)

A file that cannot be read is renamed aside with a timestamp (``x.notes.yaml.corrupt-…``) and
never overwritten; the reader is told where it went. Undo reverts the last change made here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import platformdirs

from .annotations import Annotation, blank, now
from .atomicfile import write_atomic
from .model import Brief
from .notefile import NotesError, dump_notes, parse_notes

NOTES_ENV = "BRIEFING_TUI_NOTES_DIR"

try:  # POSIX advisory locks; elsewhere the store works without the cross-process lock
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

Edit = Callable[[Annotation], Annotation | None]


def notes_dir(override: Path | None = None) -> Path:
    """The notes folder: ``override``, else ``$BRIEFING_TUI_NOTES_DIR``, else the user data dir."""
    if override is not None:
        return override
    if os.environ.get(NOTES_ENV):
        return Path(os.environ[NOTES_ENV])
    return Path(platformdirs.user_data_dir("briefing-tui")) / "notes"


def notes_path(folder: Path, brief_id: str) -> Path:
    """The notes file of a brief in ``folder``."""
    return folder / f"{brief_id}.notes.yaml"


def read_notes(brief_id: str, folder: Path | None = None) -> dict[str, Annotation]:
    """The annotations of a brief as its notes file holds them, read without creating,
    locking or moving anything: {} when there is no notes file, or one that cannot be read or
    holds another brief's notes (which :class:`NotesStore` would set aside)."""
    path = notes_path(notes_dir(folder), brief_id)
    try:
        file_brief, annotations = parse_notes(path.read_text(encoding="utf-8"), str(path))
    except (OSError, UnicodeDecodeError, NotesError):
        return {}
    return annotations if file_brief == brief_id else {}


def count_notes(brief_id: str, folder: Path | None = None) -> int:
    """How many items of a brief the reader has annotated, read without changing anything
    (0 when there is no notes file, or one that cannot be read)."""
    return len(read_notes(brief_id, folder))


class NotesStore:
    """The annotations of one brief, kept in step with its notes file."""

    def __init__(self, brief: Brief, folder: Path | None = None, *, undo_depth: int = 100) -> None:
        self.brief = brief
        self.path = notes_path(notes_dir(folder), brief.id)
        self.annotations: dict[str, Annotation] = {}
        #: Where an unreadable notes file was moved, and why, when that happened.
        self.set_aside: tuple[Path, str] | None = None
        # Each undo step restores one or more items (a re-attach changes two) as they were.
        self._undo: list[list[tuple[str, Annotation | None]]] = []
        self._undo_depth = undo_depth
        self._known: str | None = None  # the file's text as last read or written
        with self._locked():
            self.annotations = self._read()

    # -- reading ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the file again (another instance may have changed it)."""
        with self._locked():
            self.annotations = self._read()

    def refresh(self) -> bool:
        """Take the changes another store wrote since (another app, or another screen of this
        one on the same brief); whether there were any. Cheap when there were none: the file is
        read but parsed only when its text changed."""
        fresh = self._fresh()
        changed = fresh != self.annotations
        self.annotations = fresh
        return changed

    def get(self, item_id: str) -> Annotation | None:
        """The annotation of an item, if any."""
        return self.annotations.get(item_id)

    def _fresh(self) -> dict[str, Annotation]:
        """The annotations as on disk now. The file is read each time (cheap) but parsed only
        when its text differs from what this store last read or wrote: another instance wrote
        it. Comparing the text, not the mtime, cannot miss a same-size rewrite."""
        if self._known is not None:
            try:
                if self.path.read_text(encoding="utf-8") == self._known:
                    return dict(self.annotations)
            except (OSError, UnicodeDecodeError):
                pass  # _read reports it
        return self._read()

    def _read(self) -> dict[str, Annotation]:
        self._known = None
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError) as exc:
            return self._put_aside(f"cannot be read: {exc}")
        try:
            brief_id, annotations = parse_notes(text, str(self.path))
        except NotesError as error:
            first = error.problems[0] if error.problems else None
            return self._put_aside(str(first) if first else "cannot be parsed")
        if brief_id != self.brief.id:
            return self._put_aside(f"holds the notes of brief '{brief_id}', not '{self.brief.id}'")
        self._known = text
        return annotations

    def _put_aside(self, reason: str) -> dict[str, Annotation]:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        counter = 1
        while target.exists():
            counter += 1
            target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{counter}")
        os.replace(self.path, target)
        self.set_aside = (target, reason)
        self._known = None
        return {}

    # -- changing -----------------------------------------------------------------------------

    def change(self, item_id: str, edit: Edit, *, record_undo: bool = True) -> Annotation | None:
        """Apply ``edit`` to an item's annotation (a blank one if none) and save at once.

        ``edit`` returns the new annotation, or None to remove it; an annotation left with
        nothing in it is removed. Returns what is stored now.
        """
        item = self.brief.item(item_id)
        with self._locked():
            current = self._fresh()
            before = current.get(item_id)
            start = before if before is not None else (blank(item) if item else None)
            if start is None:
                raise KeyError(f"no item '{item_id}' and no note for it")
            after = edit(start)
            if after is not None and after.is_empty:
                after = None
            self._set(current, item_id, after)
            self._write(current)
        if record_undo:
            self._remember([(item_id, before)])
        return after

    def undo(self) -> str | None:
        """Revert the last change made through this store; returns an item id, or None.

        The items are put back exactly as they were, whether or not the brief still has
        them (undoing the deletion of an orphaned note brings the orphan back).
        """
        if not self._undo:
            return None
        step = self._undo.pop()
        with self._locked():
            current = self._fresh()
            for item_id, before in reversed(step):
                self._set(current, item_id, before)
            self._write(current)
        return step[0][0]

    def reattach(self, old_id: str, new_id: str) -> Annotation | None:
        """Move a (stale or orphaned) annotation to another item, anchored to its text now.

        One undo step puts both items back as they were.
        """
        item = self.brief.item(new_id)
        if item is None:
            raise KeyError(f"no item '{new_id}' to move the notes to")
        with self._locked():
            current = self._fresh()
            moved = current.get(old_id)
            if moved is None:
                raise KeyError(f"no notes on '{old_id}' to move")
            target = current.get(new_id)
            if target is not None and not target.is_empty:
                raise ValueError(f"'{new_id}' has notes of its own; delete or merge them first")
            after = replace(moved, item=new_id).touched(item)
            self._set(current, new_id, after)
            self._set(current, old_id, None)
            self._write(current)
        self._remember([(new_id, target), (old_id, moved)])
        return after

    def _set(
        self, annotations: dict[str, Annotation], item_id: str, value: Annotation | None
    ) -> None:
        if value is None:
            annotations.pop(item_id, None)
        else:
            annotations[item_id] = value
        self.annotations = annotations

    def _remember(self, step: list[tuple[str, Annotation | None]]) -> None:
        self._undo.append(step)
        del self._undo[: -self._undo_depth]

    def reanchor(self, item_id: str) -> Annotation | None:
        """Keep a stale annotation for its item's new text (the reader has read it)."""
        item = self.brief.item(item_id)
        if item is None:
            raise KeyError(f"no item '{item_id}' to anchor the notes to")
        return self.change(item_id, lambda current: current.touched(item))

    def _write(self, annotations: dict[str, Annotation]) -> None:
        text = dump_notes(self.brief.id, annotations)
        write_atomic(self.path, text)
        self._known = text

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        if fcntl is None:  # pragma: no cover - Windows
            yield
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock_path = self.path.with_name(self.path.name + ".lock")
        with open(lock_path, "a+") as lock:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock.fileno(), fcntl.LOCK_UN)


# Edits, for NotesStore.change ------------------------------------------------------------------


def toggle_mark(mark: str) -> Edit:
    """Set ``mark``; if it is already set, clear it."""
    return lambda a: replace(a, mark=None if a.mark == mark else mark, updated=now())


def toggle_flag(flag: str) -> Edit:
    """Add ``flag``, or remove it when present."""

    def edit(a: Annotation) -> Annotation:
        flags = tuple(f for f in a.flags if f != flag) if flag in a.flags else (*a.flags, flag)
        return replace(a, flags=flags, updated=now())

    return edit


def set_tags(tags: tuple[str, ...]) -> Edit:
    """Replace the tags (kept in the order given, without repeats)."""
    return lambda a: replace(a, tags=tuple(dict.fromkeys(t for t in tags if t)), updated=now())


def set_note(text: str) -> Edit:
    """Replace the note."""
    return lambda a: replace(a, note=text, updated=now())


def set_estimate(probability: float | None) -> Edit:
    """Set (or clear, with None) the estimate of a question."""
    if probability is not None and not 0.0 <= probability <= 1.0:
        raise ValueError("an estimate is a probability from 0 to 1")
    return lambda a: replace(a, estimate=probability, updated=now())


def delete() -> Edit:
    """Remove the annotation."""
    return lambda _a: None
