"""Files an export never replaces: the brief and its article, the reader's notes, the parse cache.

An export replaces what is at its target (with ``--force``, even a file that is not an export),
so a mistyped ``-o`` must not land on the reader's own data, ``--force`` or not. Paths are
compared as the file system sees them: through symbolic links and ``..``, and by device and
inode, so a hard link is caught too. The notes file of the brief exported is recognised where
a symbolic link keeps it (a synced folder), and any file whose text reads as a notes file is
refused wherever it is (:func:`check_export_content`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..brief.model import Brief
from ..library.cache import cache_dir
from ..load.loader import source_path
from ..notes.file import NotesError, parse_notes
from ..notes.folder import notes_dir, notes_path

#: What every notes file's name ends with, and the files kept beside one (its lock, a copy set
#: aside as unreadable) hold: ``<brief-id>.notes.yaml``, ``….notes.yaml.lock``.
NOTES_MARK = notes_path(Path(), "").name


class ProtectedFile(PermissionError):
    """The target of an export is a file an export never replaces, forced or not."""


def check_export_target(
    path: Path,
    brief: Brief,
    *,
    notes_folder: Path | None = None,
    cache_folder: Path | None = None,
) -> None:
    """Raise :class:`ProtectedFile` when ``path`` is ``brief``'s file or its article, a notes
    file (or a file kept beside one) in ``notes_folder``, or in the parse cache
    ``cache_folder`` (each folder by default where the app keeps it)."""
    real = Path(os.path.realpath(path))
    places = {real, Path(os.path.realpath(path.parent)) / path.name}
    target = _stat(path)
    if brief.path != Path():  # a brief made in memory has no files
        article = source_path(brief.path, brief.source.text)
        for input_path, what in ((brief.path, "the brief"), (article, "the brief's article")):
            if real == Path(os.path.realpath(input_path)) or _same(target, _stat(input_path)):
                _refuse(path, what)
    notes = Path(os.path.realpath(notes_dir(notes_folder)))
    if any(place.parent == notes and NOTES_MARK in place.name for place in places):
        _refuse(path, "a notes file")
    own = notes_path(notes, brief.id)  # kept elsewhere through a link, perhaps
    if real == Path(os.path.realpath(own)) or _same(target, _stat(own)):
        _refuse(path, "a notes file")
    if _hard_linked(target, notes, lambda name: NOTES_MARK in name):
        _refuse(path, "a notes file")
    cache = Path(os.path.realpath(cache_dir(cache_folder)))
    if any(place == cache or cache in place.parents for place in places):
        _refuse(path, "in the parse cache")
    if _hard_linked(target, cache, lambda _: True):
        _refuse(path, "in the parse cache")


def check_export_content(path: Path, data: bytes) -> None:
    """Raise :class:`ProtectedFile` when ``data``, the text of the file at ``path``, reads as
    a notes file: a copy of one, or one kept where the reader's notes folder is not."""
    try:
        parse_notes(data.decode("utf-8"), str(path))
    except (UnicodeDecodeError, NotesError):
        return
    _refuse(path, "a notes file")


def _refuse(path: Path, what: str) -> None:
    raise ProtectedFile(f"{path} is {what}; an export never replaces it")


def _stat(path: Path | str) -> os.stat_result | None:
    """The status of the file at ``path`` (through links); None when there is none."""
    try:
        return os.stat(path)
    except (OSError, ValueError):
        return None


def _same(a: os.stat_result | None, b: os.stat_result | None) -> bool:
    return a is not None and b is not None and (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _hard_linked(
    target: os.stat_result | None, folder: Path, wanted: Callable[[str], bool]
) -> bool:
    """Whether ``target`` is another hard link of a file of ``folder`` whose name is
    ``wanted``. Free for a file with one link (nearly all): the folder is not even listed."""
    if target is None or target.st_nlink < 2:
        return False
    try:
        with os.scandir(folder) as entries:
            return any(
                wanted(entry.name)
                and entry.inode() == target.st_ino
                and _same(target, entry.stat(follow_symlinks=False))
                for entry in entries
            )
    except OSError:
        return False
