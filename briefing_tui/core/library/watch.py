"""Noticing that a brief's files changed on disk, for live reload: cheap enough to ask once a
second (two ``stat`` calls), with no file-watching dependency."""

from __future__ import annotations

from pathlib import Path

from ..brief.model import Brief
from ..load.articlepath import source_path

#: Size and modification time of each file watched, None for a missing one.
Signature = tuple[tuple[int, int] | None, ...]


def brief_files(brief: Brief) -> tuple[Path, Path]:
    """The files a loaded brief was read from: the brief and its article."""
    return brief.path, source_path(brief.path, brief.source.text)


def signature(paths: tuple[Path, ...]) -> Signature:
    """The size and modification time of each of ``paths`` (None when it cannot be stat'ed):
    a different signature means a file changed."""
    return tuple(file_stat(path) for path in paths)


def file_stat(path: Path) -> tuple[int, int] | None:
    """The size and modification time (ns) of ``path``, None when it cannot be stat'ed."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns
