"""The ``briefing-tui`` command line: the parser and :func:`main`, which runs a command.

Each command is a module of its own (``open``, ``validate``, ``export``, ``schema``, ``draft``,
``search``); here are its arguments, the dispatch, and the one place where output that cannot
be written (a closed pipe, a full disk) becomes an exit status. ``briefing-tui [PATH]`` opens
the reader; ``validate``, ``schema`` and ``export`` use only the core and never import Textual
(its import alone costs about 0.3 s), so validation stays quick in editors' save hooks. The
reader's modules are imported only when the reader opens.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from . import console
from .export import export_command
from .open import open_command
from .shared import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from .validate import validate_command

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

# The exit statuses are part of main's interface (tests and scripts compare with them).
__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "main"]

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

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        if message:
            to_stdout = file is sys.stdout  # compared apart: `is` would narrow sys.stdout's type
            console.write_text(sys.stdout if to_stdout else sys.stderr, message)


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
        return open_command(args.path, notes_dir=args.notes_dir, use_cache=not args.no_cache)
    if args.command == "export":
        return export_command(args.path, args.output, notes_dir=args.notes_dir, force=args.force)
    if args.command == "validate":
        return validate_command(
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
        from .schema import schema_command

        return schema_command()
    parser.print_help()  # pragma: no cover - argparse requires a command
    return EXIT_USAGE
