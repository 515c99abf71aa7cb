"""The ``briefing-tui`` command line.

``briefing-tui [PATH]`` opens the reader; ``validate`` and ``schema`` use only the core and
never import Textual (its import alone costs about 0.3 s), so validation stays quick in editors'
save hooks. The reader's modules are imported only when the reader opens.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .core.discover import find_briefs
from .core.errors import BriefError, Problem
from .core.loader import load_brief

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
COMMANDS = ("open", "validate", "schema")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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

    commands.add_parser(
        "schema",
        help="print the JSON Schema of the brief format",
        description="Print the JSON Schema (draft 2020-12) of the brief format.",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version")):
        argv.insert(0, "open")  # `briefing-tui [PATH]` opens the reader
    args = parser.parse_args(argv)
    if args.command == "open":
        return open_reader(args.path)
    if args.command == "validate":
        return validate(args.paths, output=args.format, quiet=args.quiet)
    if args.command == "schema":
        from .core.schema import schema_json

        sys.stdout.write(schema_json())
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


def open_reader(path: Path | None) -> int:
    """Load what ``path`` names and run the reader on it."""
    if path is None:
        path = Path("briefs") if Path("briefs").is_dir() else bundled_briefs()
    if not path.exists():
        print(f"briefing-tui: no such file or folder: {path}", file=sys.stderr)
        return EXIT_USAGE
    from .config import load_config

    config = load_config()
    if path.is_dir():
        from .core.library import load_library

        entries = load_library(path)
        if not entries:
            print(f"briefing-tui: no briefs (*.yaml) in {path}", file=sys.stderr)
            return EXIT_PROBLEMS
        from .tui.app import BriefingApp

        BriefingApp(library=(str(path), entries), config=config).run()
        return EXIT_OK
    try:
        brief = load_brief(path)
    except BriefError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"briefing-tui: {path} cannot be opened: fix the problems above", file=sys.stderr)
        return EXIT_PROBLEMS
    from .tui.app import BriefingApp

    BriefingApp(brief=brief, config=config).run()
    return EXIT_OK


def validate(paths: Sequence[Path], *, output: str = "text", quiet: bool = False) -> int:
    """Check every brief under ``paths`` and print problems like a compiler."""
    try:
        files = find_briefs(paths)
    except FileNotFoundError as missing:
        print(f"briefing-tui validate: no such file or folder: {missing}", file=sys.stderr)
        return EXIT_USAGE
    empty = [p for p in paths if p.is_dir() and not find_briefs([p])]
    if empty:  # a mistyped folder must not look like a pass
        print(f"briefing-tui validate: no briefs (*.yaml, *.yml) in {empty[0]}", file=sys.stderr)
        return EXIT_USAGE
    problems: list[Problem] = []
    invalid = 0
    for path in files:
        try:
            load_brief(path)
        except BriefError as error:
            problems.extend(error.problems)
            invalid += 1
    if output == "json":
        report = {
            "checked": [str(p) for p in files],
            "valid": invalid == 0,
            "problems": [p.as_dict() for p in problems],
        }
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        for problem in problems:
            print(problem)
        if not quiet:
            noun = "brief" if len(files) == 1 else "briefs"
            if invalid:
                print(
                    f"{len(files)} {noun} checked: {invalid} with problems"
                    f" ({len(problems)} problems)",
                    file=sys.stderr,
                )
            else:
                print(f"{len(files)} {noun} checked: all valid", file=sys.stderr)
    return EXIT_PROBLEMS if invalid else EXIT_OK
