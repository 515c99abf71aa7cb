"""A library: the briefs of a folder, loaded (through the parse cache) or with their problems.

Opening a large library takes two passes. The first gives every brief's row: from the cache's
summary when its entry is current (quick), else by loading the brief. The second loads the
briefs known only by their summary, which search and the views across briefs need.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..brief.model import Brief
from ..load.problems import Problem
from ..notes.folder import count_notes, notes_dir
from .cache import BriefCache, read_through
from .discover import find_briefs
from .summary import BriefSummary


@dataclass(frozen=True)
class LibraryEntry:
    """One brief file of a library: its summary and the brief when it is valid (the brief may
    be None for a while, when only the summary was read from the cache); else its problems."""

    path: Path
    brief: Brief | None
    problems: tuple[Problem, ...] = ()
    annotated: int = 0  # items the reader has annotated
    summary: BriefSummary | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.summary is None and self.brief is not None:
            object.__setattr__(self, "summary", BriefSummary.of(self.brief))

    @property
    def valid(self) -> bool:
        """Whether the brief loaded without problems."""
        return self.summary is not None


def load_entry(
    path: Path, notes_dir: Path | None = None, cache: BriefCache | None = None
) -> LibraryEntry:
    """Load one brief of a library (through ``cache`` when given) with its annotation count."""
    loaded = read_through(path, cache)
    if loaded.brief is None:
        return LibraryEntry(path, None, loaded.problems)
    return LibraryEntry(path, loaded.brief, (), count_notes(loaded.brief.id, notes_dir))


def list_entry(
    path: Path, notes_dir: Path | None = None, cache: BriefCache | None = None
) -> LibraryEntry:
    """One row of the library: from the cache's summary when current, else loaded."""
    head = cache.head(path) if cache is not None else None
    if head is None:
        return load_entry(path, notes_dir, cache)
    if head.summary is None:
        return LibraryEntry(path, None, head.problems)
    return LibraryEntry(path, None, (), count_notes(head.summary.id, notes_dir), head.summary)


def iter_library(
    paths: Iterable[Path], notes_folder: Path | None = None, cache: BriefCache | None = None
) -> Iterator[LibraryEntry]:
    """Load the briefs at ``paths`` one by one, in the order given (for a progress bar)."""
    folder = notes_dir(notes_folder)  # found once: the platform lookup is slow
    for path in paths:
        yield load_entry(path, folder, cache)


def sort_key(entry: LibraryEntry) -> tuple[int, int, str, str]:
    """The library's order: valid briefs newest first (undated last), then by title; briefs
    that failed to load after them, by path."""
    summary = entry.summary
    if summary is None:
        return (1, 0, "", str(entry.path))
    published = summary.published
    return (0, -published.toordinal() if published else 0, summary.title.lower(), str(entry.path))


def load_library(
    folder: Path, notes_dir: Path | None = None, *, cache: BriefCache | bool = True
) -> list[LibraryEntry]:
    """Load every brief under ``folder`` in the library's order (see :func:`sort_key`), each
    with how many of its items the reader has annotated.

    ``cache`` is the parse cache to use: True for the default one, False for none.
    """
    if cache is True:
        cache = BriefCache()
    entries = iter_library(find_briefs([folder]), notes_dir, cache or None)
    return sorted(entries, key=sort_key)
