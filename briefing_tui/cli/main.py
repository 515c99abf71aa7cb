"""The ``briefing-tui`` command line.

``briefing-tui [PATH]`` opens the reader; ``validate``, ``schema`` and ``export`` use only the
core and never import Textual (its import alone costs about 0.3 s), so validation stays quick in
editors' save hooks. The reader's modules are imported only when the reader opens.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from .. import __version__
from ..core.brief.model import Brief
from ..core.export.document import export_markdown
from ..core.export.file import ExportRefused, write_export
from ..core.export.protected import ProtectedFile, check_export_target
from ..core.library.cache import BriefCache, read_through
from ..core.library.discover import find_briefs
from ..core.load.loader import load_brief
from ..core.load.problems import BriefError, Problem, ProblemLog
from ..core.load.strict_yaml import DEFAULT_LIMITS
from ..core.load.textfile import read_text
from ..core.load.todos import find_todos
from ..core.notes.annotations import Annotation, now
from ..core.notes.folder import notes_dir as default_notes_dir
from ..core.notes.folder import notes_path
from ..core.notes.store import NotesStore
from . import console

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
NO_CACHE_HELP = (
    "read every brief from its files, without the parse cache"
    " (default: $BRIEFING_TUI_CACHE_DIR, else the user cache folder)"
)
COMMANDS = ("open", "validate", "schema", "export", "draft", "search")
NOTES_DIR_HELP = (
    "where the notes files are (default: $BRIEFING_TUI_NOTES_DIR, else the user data folder)"
)


class _Parser(argparse.ArgumentParser):
    """argparse, its messages (which quote the arguments given) written like every other."""

    def _print_message(self, message: str, file: IO[str] | None = None) -> None:
        if message:
            console.write_text(sys.stdout if file is sys.stdout else sys.stderr, message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="briefing-tui",
        description="Read, check and annotate structured news briefs in the terminal.",
    )
    parser.add_argument("--version", action="version", version=f"briefing-tui {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    open_ = commands.add_parser(
        "open",
        help="open the reader on a brief or a folder of briefs (the default command)",
        description="Open the reader. With no PATH: ./briefs if it exists, else the example"
        " briefs that come with briefing-tui.",
    )
    open_.add_argument("path", nargs="?", type=Path, metavar="PATH")
    open_.add_argument("--notes-dir", type=Path, metavar="DIR", help=NOTES_DIR_HELP)
    open_.add_argument("--no-cache", action="store_true", help=NO_CACHE_HELP)

    validate = commands.add_parser(
        "validate",
        help="check briefs and print every problem as file:line:col: message",
        description="Check brief files (or folders of them). Exit 0 when all are valid,"
        " 1 when any has problems, 2 on usage errors.",
    )
    validate.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    validate.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default text)"
    )
    validate.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    validate.add_argument("--no-cache", action="store_true", help=NO_CACHE_HELP)
    validate.add_argument(
        "--strict", action="store_true", help="also report TODO placeholders left by a draft"
    )

    commands.add_parser(
        "schema",
        help="print the JSON Schema of the brief format",
        description="Print the JSON Schema (draft 2020-12) of the brief format.",
    )

    export = commands.add_parser(
        "export",
        help="export your notes on a brief (or a folder of briefs) to Markdown",
        description="Write your notes on a brief to Markdown: PATH is a brief, written to"
        " -o FILE (default <brief-id>.md; '-' for standard output), or a folder, whose briefs"
        " are written one file each, <brief-id>.md, into -o DIR (default: the current folder)."
        " Text between the keep markers of an existing export is carried over; a file edited"
        " elsewhere, or not written by an export, is not overwritten without --force."
        " Exit 0 when all went well, 1 when a brief is invalid or a file was not overwritten,"
        " 2 on usage errors.",
    )
    export.add_argument("path", type=Path, metavar="PATH")
    export.add_argument("-o", "--output", type=Path, metavar="FILE|DIR", help="where to write")
    export.add_argument("--notes-dir", type=Path, metavar="DIR", help=NOTES_DIR_HELP)
    export.add_argument(
        "--force",
        action="store_true",
        help="overwrite a file even if it was edited outside its keep region",
    )

    draft = commands.add_parser(
        "draft",
        help="draft a skeleton brief from an article's plain text",
        description="Turn ARTICLE (plain text, as scraped) into a skeleton brief: the cleaned"
        " article text is written beside the brief, with actors, quotes and their speakers,"
        " one position per speaker and dated events proposed, and TODO placeholders for the"
        " rest. The brief validates as written. Exit 0 when written, 1 when the article cannot"
        " be used or a file exists (see --force), 2 on usage errors (a brief name with a line"
        " break or another control character too).",
    )
    draft.add_argument("article", type=Path, metavar="ARTICLE")
    draft.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="BRIEF",
        help="the brief to write (default: <article name>.yaml in the current folder);"
        " the cleaned text goes beside it as <brief name>.txt",
    )
    draft.add_argument("--force", action="store_true", help="overwrite existing files")

    search = commands.add_parser(
        "search",
        help="search a library: titles, items, your notes and tags",
        description="Search the briefs under PATH for QUERY: words (all in one item), #tag,"
        " is:agree|disagree|doubt|marked|star|follow-up|note|annotated, actor:ID-or-name,"
        " after:YYYY-MM-DD, before:YYYY-MM-DD. One line per hit, path:line:col: [section]"
        " label, newest brief first. Exit 0 with hits, 1 with none, 2 on usage errors.",
    )
    search.add_argument("query", metavar="QUERY")
    search.add_argument("path", type=Path, metavar="PATH")
    search.add_argument("--notes-dir", type=Path, metavar="DIR", help=NOTES_DIR_HELP)
    search.add_argument(
        "--limit", type=int, default=50, metavar="N", help="at most N hits (default 50; 0: all)"
    )
    search.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default text)"
    )
    search.add_argument("--no-cache", action="store_true", help=NO_CACHE_HELP)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    Output that cannot be written ends every command the same way: quietly with status 141 when
    the reader closed the pipe (``| head``), as ``grep`` does, else with one line and status 1
    (a full disk), never a traceback. Argument errors raise SystemExit, as argparse does."""
    try:
        try:
            return _run(argv)
        finally:
            console.flush()  # buffered output fails here, not at the interpreter's exit
    except console.OutputFailed as failure:
        return console.give_up(failure)


def _run(argv: Sequence[str] | None) -> int:
    parser = _parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version")):
        argv.insert(0, "open")  # `briefing-tui [PATH]` opens the reader
    args = parser.parse_args(argv)
    if args.command == "open":
        return open_reader(args.path, notes_dir=args.notes_dir, use_cache=not args.no_cache)
    if args.command == "export":
        return export(args.path, args.output, notes_dir=args.notes_dir, force=args.force)
    if args.command == "validate":
        return validate(
            args.paths,
            output=args.format,
            quiet=args.quiet,
            strict=args.strict,
            use_cache=not args.no_cache,
        )
    if args.command == "draft":
        from .draft import draft_command

        return draft_command(args.article, args.output, force=args.force)
    if args.command == "search":
        from .search import search_command

        return search_command(
            args.query,
            args.path,
            notes_dir=args.notes_dir,
            limit=args.limit,
            output=args.format,
            use_cache=not args.no_cache,
        )
    if args.command == "schema":
        from ..core.load.schema import schema_json

        console.out_text(schema_json())
        return EXIT_OK
    parser.print_help()  # pragma: no cover - argparse requires a command
    return EXIT_USAGE


def bundled_briefs() -> Path:
    """The example briefs: packaged in the wheel, or the repository's ``briefs/`` in a checkout."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "examples", package.parent / "briefs"):
        if candidate.is_dir():
            return candidate
    return package / "examples"


def open_reader(path: Path | None, *, notes_dir: Path | None = None, use_cache: bool = True) -> int:
    """Load what ``path`` names and run the reader on it (notes in ``notes_dir`` if given).

    A folder opens as a library at once; its briefs load in the background."""
    if path is None:
        path = Path("briefs") if Path("briefs").is_dir() else bundled_briefs()
    if not path.exists():
        console.err(f"briefing-tui: no such file or folder: {path}")
        return EXIT_USAGE
    from ..config import load_config

    config = load_config()
    cache = BriefCache() if use_cache else None
    if path.is_dir():
        paths = find_briefs([path])
        if not paths:
            console.err(f"briefing-tui: no briefs (*.yaml) in {path}")
            return EXIT_PROBLEMS
        from ..tui.app import BriefingApp

        app = BriefingApp(
            library=(str(path), paths), config=config, notes_dir=notes_dir, cache=cache
        )
        app.run()
        return EXIT_OK
    loaded = read_through(path, cache)
    if loaded.brief is None:
        for problem in loaded.problems:
            console.err(problem)
        console.err(f"briefing-tui: {path} cannot be opened: fix the problems above")
        return EXIT_PROBLEMS
    from ..tui.app import BriefingApp

    BriefingApp(brief=loaded.brief, config=config, notes_dir=notes_dir, cache=cache).run()
    return EXIT_OK


def validate(
    paths: Sequence[Path],
    *,
    output: str = "text",
    quiet: bool = False,
    strict: bool = False,
    use_cache: bool = True,
) -> int:
    """Check every brief under ``paths`` and print problems like a compiler; ``strict`` also
    counts TODO placeholders as problems. Results come from the parse cache when the files
    are unchanged (problems are cached too)."""
    try:
        files = find_briefs(paths)
    except FileNotFoundError as missing:
        console.err(f"briefing-tui validate: no such file or folder: {missing}")
        return EXIT_USAGE
    empty = [p for p in paths if p.is_dir() and not find_briefs([p])]
    if empty:  # a mistyped folder must not look like a pass
        console.err(f"briefing-tui validate: no briefs (*.yaml, *.yml) in {empty[0]}")
        return EXIT_USAGE
    problems: list[Problem] = []
    invalid = 0
    cache = BriefCache() if use_cache else None
    for path in files:
        loaded = read_through(path, cache)
        if loaded.brief is None:
            problems.extend(loaded.problems)
            invalid += 1
            continue
        if strict:
            todos = _todos(path)
            problems.extend(todos)
            invalid += bool(todos)
    if output == "json":
        report = {
            "checked": [str(p) for p in files],
            "valid": invalid == 0,
            "problems": [p.as_dict() for p in problems],
        }
        console.out_text(console.json_text(report) + "\n")
    else:
        for problem in problems:
            console.out(problem)
        if not quiet:
            noun = "brief" if len(files) == 1 else "briefs"
            if invalid:
                console.err(
                    f"{len(files)} {noun} checked: {invalid} with problems"
                    f" ({len(problems)} problems)"
                )
            else:
                console.err(f"{len(files)} {noun} checked: all valid")
    return EXIT_PROBLEMS if invalid else EXIT_OK


def _todos(path: Path) -> list[Problem]:
    """The TODO placeholders of the brief at ``path``, read again with the loader's checks (it
    may have been replaced since it was loaded, by a FIFO even), or why it cannot be read."""
    log = ProblemLog(path)
    text = read_text(path, log, max_bytes=DEFAULT_LIMITS.max_bytes, yaml=True)
    return log.problems if text is None else find_todos(str(path), text)


def export(
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
