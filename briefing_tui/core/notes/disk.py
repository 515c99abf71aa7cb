"""One brief's notes file on disk: read only when it changed, written atomically under a lock,
set aside when it cannot be parsed.

The lock is ``fcntl.flock`` on ``<brief-id>.notes.yaml.lock`` beside the notes; writing needs
it, reading goes on without one where none can be had (a read-only folder). The file's text is
kept entry by entry (``file.NotesText``), so writing after one change re-renders that entry
only.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

from ..load.textfile import read_regular
from ..text.atomicfile import write_atomic
from .annotations import Annotation
from .file import NotesError, NotesText, parse_notes
from .folder import NOTES_MAX_BYTES

try:  # POSIX advisory locks; elsewhere the store works without the cross-process lock
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]  # a module or None: checked before each use


class NotesBroken(Exception):
    """The notes file on disk cannot be parsed; ``reason`` says where and why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class NotesUnreadable(OSError):
    """The notes file exists but cannot be read: never moved, never replaced."""


class NotesFile:
    """The notes file of one brief, as this process last read or wrote it."""

    def __init__(self, path: Path, brief_id: str) -> None:
        self.path = path
        self.brief_id = brief_id
        self._known: bytes | None = None  # the file's bytes as last read or written
        self._text = NotesText(brief_id)  # those bytes, entry by entry, once written
        self._text_valid = False

    @property
    def known(self) -> bool:
        """Whether this process has read or written the file as it is (it may be gone)."""
        return self._known is not None

    def read(self, saved: dict[str, Annotation]) -> tuple[dict[str, Annotation], bool]:
        """The annotations as on disk now, and whether they are those last read or written
        (then ``saved`` itself is returned, which holds them). The file is read each time but
        parsed only when its bytes differ: comparing the bytes, not the mtime, cannot miss a
        same-size rewrite (the comparison runs in C: a few milliseconds for 30 MB). Raises
        NotesBroken or OSError (NotesUnreadable for a notes folder that is not a folder)."""
        try:
            data = read_regular(self.path, NOTES_MAX_BYTES)
        except FileNotFoundError:
            unchanged = self._known is None and not saved
            self._known = None
            return {}, unchanged
        except NotADirectoryError:
            raise NotesUnreadable(
                0, f"the notes folder {self.path.parent} is not a folder", str(self.path)
            ) from None
        if data == self._known:
            return saved, True
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise NotesBroken(f"{self.path} cannot be read as UTF-8 text ({exc.reason})") from None
        try:
            brief_id, annotations = parse_notes(text, str(self.path))
        except NotesError as error:
            first = error.problems[0] if error.problems else None
            raise NotesBroken(str(first) if first else f"{self.path} cannot be parsed") from None
        if brief_id != self.brief_id:
            raise NotesBroken(
                f"{self.path} holds the notes of brief '{brief_id}', not '{self.brief_id}'"
            )
        self._known = data
        return annotations, False

    def begin_write(self, annotations: dict[str, Annotation], *, unchanged: bool) -> None:
        """Start a write of ``annotations`` (``unchanged``: those last read or written, whose
        text is kept, so only the entries updated are rendered again)."""
        if not (unchanged and self._text_valid):
            self._text.reset(annotations)
        self._text_valid = False  # until the write succeeds

    def update(self, item_id: str, annotation: Annotation | None) -> None:
        """One entry of the write begun."""
        self._text.update(item_id, annotation)

    def commit(self) -> None:
        """Write the file atomically (raises OSError, the file then as it was)."""
        data = self._text.data()
        write_atomic(self.path, data)
        self._known = data
        self._text_valid = True

    def put_aside(self) -> Path:
        """Rename the file aside with a UTC time stamp (never over another); where it went."""
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        counter = 1
        while target.exists():
            counter += 1
            target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{counter}")
        os.replace(self.path, target)
        self._known = None
        return target

    @contextlib.contextmanager
    def locked(self, *, writing: bool) -> Iterator[bool]:
        """Hold the notes' lock file; yields whether a lock is held. Writing needs it (an
        OSError says why it cannot be had); reading goes on without one when the folder is
        read-only and has no lock file yet."""
        if fcntl is None:  # pragma: no cover - Windows
            yield False
            return
        lock_path = self.path.with_name(self.path.name + ".lock")
        flags = getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
        try:
            if writing:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT | flags, 0o666)
        except OSError as exc:
            if writing:
                raise OSError(exc.errno, f"cannot lock {lock_path}: {exc.strerror}") from None
            try:
                descriptor = os.open(lock_path, os.O_RDONLY | flags)
            except OSError:
                yield False
                return
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            try:
                yield True
            finally:
                fcntl.flock(descriptor, fcntl.LOCK_UN)
        finally:
            os.close(descriptor)


def reason_of(exc: OSError) -> str:
    """An OSError in words for the reader: its message and the file it concerns."""
    message = exc.strerror or str(exc)
    return (
        f"{message}: {exc.filename}"
        if exc.filename and str(exc.filename) not in message
        else message
    )
