"""``briefing-tui export PATH``: the reader's notes on a brief, or on every brief of a folder,
written to Markdown.

A file edited elsewhere, or not written by an export, is not overwritten without ``--force``;
notes files and briefs never are (``core/export/protected.py``). A notes file that cannot be
read stops its brief's export: an export without those notes would look complete.
"""

from __future__ import annotations

from pathlib import Path

from ..core.brief.model import Brief
from ..core.export.document import export_markdown
from ..core.export.file import ExportRefused, write_export
from ..core.export.protected import ProtectedFile, check_export_target
from ..core.library.discover import find_briefs
from ..core.load.loader import load_brief
from ..core.load.problems import BriefError
from ..core.notes.annotations import Annotation, now
from ..core.notes.folder import notes_dir as default_notes_dir
from ..core.notes.folder import notes_path
from ..core.notes.store import NotesStore
from . import console
from .shared import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE


def export_command(
    path: Path, output: Path | None, *, notes_dir: Path | None = None, force: bool = False
) -> int:
    """Export the notes on the brief at ``path``, or on every brief of the folder ``path``."""
    if not path.exists():
        console.err(f"briefing-tui export: no such file or folder: {path}")
        return EXIT_USAGE
    if notes_dir is not None and not notes_dir.is_dir():  # a typo must not read as "no notes"
        why = "is not a folder" if notes_dir.exists() else "does not exist"
        console.err(f"briefing-tui export: the notes folder {notes_dir} {why}")
        return EXIT_PROBLEMS
    if not path.is_dir():
        if output is not None and output.is_dir():
            return _export_one(path, None, output, notes_dir, force=force)
        return _export_one(path, output, Path(), notes_dir, force=force)
    folder = output or Path()
    if str(folder) == "-":
        console.err("briefing-tui export: -o - (standard output) takes one brief")
        return EXIT_USAGE
    if folder.exists() and not folder.is_dir():
        console.err(f"briefing-tui export: {folder} is not a folder")
        return EXIT_USAGE
    files = find_briefs([path])
    if not files:
        console.err(f"briefing-tui export: no briefs (*.yaml, *.yml) in {path}")
        return EXIT_USAGE
    taken: dict[str, Path] = {}
    return max(
        _export_one(file, None, folder, notes_dir, force=force, taken=taken) for file in files
    )


def _export_one(
    path: Path,
    output: Path | None,
    folder: Path,
    notes_dir: Path | None,
    *,
    force: bool,
    taken: dict[str, Path] | None = None,
) -> int:
    """Export one brief to ``output``, else to ``<brief-id>.md`` in ``folder``; ``taken``
    holds the brief ids already exported in this run, so none overwrites another."""
    try:
        brief = load_brief(path)
    except BriefError as error:
        for problem in error.problems:
            console.err(problem)
        console.err(f"briefing-tui export: {path} not exported: fix the problems above")
        return EXIT_PROBLEMS
    if taken is not None:
        if brief.id in taken:
            console.err(
                f"briefing-tui export: {path} not exported: {taken[brief.id]} has the same"
                f" brief id '{brief.id}'"
            )
            return EXIT_PROBLEMS
        taken[brief.id] = path
    to_stdout = output is not None and str(output) == "-"
    target = output if output is not None else folder / f"{brief.id}.md"
    try:
        if not to_stdout:  # before the notes are read: a notes file may be the target
            check_export_target(target, brief, notes_folder=notes_dir)
        annotations = _read_notes(brief, notes_dir)
    except ProtectedFile as refusal:
        console.err(f"briefing-tui export: {refusal}")
        return EXIT_USAGE
    except OSError as error:
        reason = error.strerror or error
        console.err(f"briefing-tui export: cannot read the notes of {path}: {reason}")
        return EXIT_PROBLEMS
    if annotations is None:
        return EXIT_PROBLEMS
    if to_stdout:
        console.out_text(export_markdown(brief, annotations, exported=now()))
        return EXIT_OK
    try:
        written = write_export(
            target, brief, annotations, exported=now(), force=force, notes_folder=notes_dir
        )
    except ProtectedFile as refusal:  # a file that reads as a notes file
        console.err(f"briefing-tui export: {refusal}")
        return EXIT_USAGE
    except ExportRefused as refusal:
        console.err(f"briefing-tui export: {refusal}")
        return EXIT_PROBLEMS
    except OSError as error:
        console.err(f"briefing-tui export: cannot write {target}: {error.strerror or error}")
        return EXIT_PROBLEMS
    items = f"{written.notes} item{'' if written.notes == 1 else 's'}"
    kept = f"; {written.kept_lines} kept lines carried over" if written.kept_lines else ""
    console.err(f"{target}: notes on {items}{kept}")
    return EXIT_OK


def _read_notes(brief: Brief, notes_dir: Path | None) -> dict[str, Annotation] | None:
    """The reader's annotations of ``brief``, or None when its notes file could not be read
    and was set aside (which is told): an export without them would look complete."""
    if not notes_path(default_notes_dir(notes_dir), brief.id).exists():
        return {}  # no notes: create no folder or lock file for them
    store = NotesStore(brief, notes_dir)
    if store.set_aside is not None:
        moved, reason = store.set_aside
        console.err(
            f"briefing-tui export: the notes file of '{brief.id}' could not be read ({reason});"
            f" it was moved to {moved}, and '{brief.id}' was not exported"
        )
        return None
    return store.annotations
