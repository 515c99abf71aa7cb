"""Noticing that a brief's files changed on disk, for live reload: cheap enough to ask once a
second (two ``stat`` calls), with no file-watching dependency."""

from __future__ import annotations

from pathlib import Path

from .model import Brief

#: Size and modification time of each file watched, None for a missing one.
Signature = tuple[tuple[int, int] | None, ...]


def brief_files(brief: Brief) -> tuple[Path, Path]:
    """The files a loaded brief was read from: the brief and its article."""
    return brief.path, brief.path.parent / brief.source.text


def signature(paths: tuple[Path, ...]) -> Signature:
    """The size and modification time of each of ``paths`` (None when it cannot be stat'ed):
    a different signature means a file changed."""
    found: list[tuple[int, int] | None] = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            found.append(None)
        else:
            found.append((stat.st_size, stat.st_mtime_ns))
    return tuple(found)
