"""A library: the briefs of a folder, loaded or with their problems."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .discover import find_briefs
from .errors import BriefError, Problem
from .loader import load_brief
from .model import Brief
from .notestore import count_notes


@dataclass(frozen=True)
class LibraryEntry:
    """One brief file of a library: the brief when it loaded, else its problems."""

    path: Path
    brief: Brief | None
    problems: tuple[Problem, ...] = ()
    annotated: int = 0  # items the reader has annotated


def load_library(folder: Path, notes_dir: Path | None = None) -> list[LibraryEntry]:
    """Load every brief under ``folder``, sorted by publication date (newest first), then title,
    each with how many of its items the reader has annotated.

    Briefs that fail to load are kept, with their problems, after the valid ones.
    """
    entries: list[LibraryEntry] = []
    for path in find_briefs([folder]):
        try:
            brief = load_brief(path)
            entries.append(LibraryEntry(path, brief, (), count_notes(brief.id, notes_dir)))
        except BriefError as error:
            entries.append(LibraryEntry(path, None, error.problems))
    valid = [e for e in entries if e.brief is not None]
    valid.sort(key=lambda e: e.brief.title.lower())  # type: ignore[union-attr]
    valid.sort(
        key=lambda e: (
            e.brief.source.published.toordinal()  # type: ignore[union-attr]
            if e.brief.source.published  # type: ignore[union-attr]
            else 0
        ),
        reverse=True,
    )
    return valid + [e for e in entries if e.brief is None]
