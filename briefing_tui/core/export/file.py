"""An export on disk: what an existing file says about itself, and writing over it.

:func:`write_export` writes the document of :mod:`briefing_tui.core.export.document` to a file
atomically. Over an existing export it carries the keep region over, and it refuses to replace
a file that was edited outside its keep region (its trailer's hash no longer matches) or that is
not an export unless forced; it never replaces the files of :mod:`.protected`, forced or not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..brief.model import Brief
from ..load.textfile import FileTooLarge, read_regular
from ..notes.annotations import Annotation
from ..text.atomicfile import write_atomic
from .document import KEEP_END, KEEP_START, TRAILER, export_markdown, trailer_digest
from .protected import check_export_content, check_export_target

#: Largest existing file read to carry its keep region over (the export of 10,000 notes is 5 MB).
MAX_EXPORT_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class ExistingExport:
    """What an existing file says about itself."""

    ours: bool  #: it ends with a trailer line: written by this exporter
    edited: bool  #: something outside its keep region changed since it was written
    kept: tuple[str, ...] | None  #: the lines of its keep region; None when it has none


def read_export(text: str) -> ExistingExport:
    """Inspect a file that an export is about to replace."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    stripped = [line.strip() for line in lines]
    kept: tuple[str, ...] | None = None
    outside = list(lines)
    if KEEP_START in stripped:
        start = stripped.index(KEEP_START)
        if KEEP_END in stripped[start + 1 :]:
            end = stripped.index(KEEP_END, start + 1)
            kept = tuple(lines[start + 1 : end])
            outside = lines[: start + 1] + lines[end:]
    for index in range(len(outside) - 1, -1, -1):
        match = TRAILER.fullmatch(outside[index].strip())
        if match:
            rest = outside[:index] + outside[index + 1 :]
            edited = trailer_digest("\n".join(rest)) != match.group(1)
            return ExistingExport(ours=True, edited=edited, kept=kept)
    return ExistingExport(ours=False, edited=True, kept=kept)


def with_kept(text: str, kept: Sequence[str]) -> str:
    """An export's text with ``kept`` lines put into its (empty) keep region."""
    if not kept:
        return text
    empty = f"\n{KEEP_START}\n{KEEP_END}\n"
    return text.replace(empty, f"\n{KEEP_START}\n" + "\n".join(kept) + f"\n{KEEP_END}\n", 1)


class ExportRefused(Exception):
    """The target file holds the reader's own work that an export would destroy."""


@dataclass(frozen=True)
class Written:
    """What :func:`write_export` did."""

    path: Path
    notes: int  #: annotations exported
    kept_lines: int  #: lines of the keep region carried over
    replaced: bool  #: a file was there before


def write_export(
    path: Path,
    brief: Brief,
    annotations: Mapping[str, Annotation],
    *,
    exported: dt.datetime,
    force: bool = False,
    notes_folder: Path | None = None,
    cache_folder: Path | None = None,
) -> Written:
    """Export to ``path`` atomically, carrying over the keep region of the file already there.

    Raises :class:`ExportRefused` when that file is not an export of briefing-tui or was edited
    outside its keep region, unless ``force``; the keep region is carried over in any case.
    Raises :class:`~.protected.ProtectedFile` (a PermissionError), ``force`` or not, when
    ``path`` is the brief or its article, a notes file (in ``notes_folder``, or any file that
    reads as one), or in the parse cache (``cache_folder``); both folders default to where the
    app keeps them. Raises another OSError at once when ``path`` is a FIFO, a device or a folder.
    """
    check_export_target(path, brief, notes_folder=notes_folder, cache_folder=cache_folder)
    text = export_markdown(brief, annotations, exported=exported)
    kept: tuple[str, ...] = ()
    existing = _existing(path)
    if existing is not None:
        if not force and not existing.ours:
            raise ExportRefused(
                f"{path} exists and is not an export of briefing-tui; not overwritten"
                " (--force replaces it)"
            )
        if not force and existing.edited:
            raise ExportRefused(
                f"{path} was edited outside its keep region since it was exported; not"
                " overwritten (--force replaces it, keeping what is between the keep markers)"
            )
        kept = existing.kept or ()
    # A replaced export keeps its mode; a new one gets what the umask gives (write_atomic).
    write_atomic(path, with_kept(text, kept))
    return Written(path, len(annotations), len(kept), existing is not None)


def _existing(path: Path) -> ExistingExport | None:
    """What the file at ``path`` says about itself; None when there is none. It is read
    without blocking and only when it is a regular file (a FIFO raises NotARegularFile at
    once), and refused when it reads as a notes file."""
    try:
        data = read_regular(path, MAX_EXPORT_BYTES)
    except FileNotFoundError:
        return None
    except FileTooLarge:  # far larger than any export: not one
        return ExistingExport(ours=False, edited=True, kept=None)
    check_export_content(path, data)
    try:
        return read_export(data.decode("utf-8"))
    except UnicodeDecodeError:
        return ExistingExport(ours=False, edited=True, kept=None)
