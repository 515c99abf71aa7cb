"""Where the reader's notes live, and reading them without changing anything."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from ..load.textfile import read_regular
from .annotations import Annotation
from .file import NotesError, parse_notes

NOTES_ENV = "BRIEFING_TUI_NOTES_DIR"
#: The largest notes file read (50,000 annotated items take about 30 MB).
NOTES_MAX_BYTES = 256 * 1024 * 1024


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
        text = read_regular(path, NOTES_MAX_BYTES).decode("utf-8")
        file_brief, annotations = parse_notes(text, str(path))
    except (OSError, UnicodeDecodeError, NotesError):
        return {}
    return annotations if file_brief == brief_id else {}


def count_notes(brief_id: str, folder: Path | None = None) -> int:
    """How many items of a brief the reader has annotated, read without changing anything
    (0 when there is no notes file, or one that cannot be read)."""
    return len(read_notes(brief_id, folder))
