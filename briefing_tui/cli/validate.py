"""``briefing-tui validate PATH...``: check briefs and print every problem as
``file:line:col: message``, like a compiler, or as JSON.

Only the core is imported (never Textual), so validation stays quick in editors' save hooks.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..core.library.cache import read_through
from ..core.library.discover import find_briefs
from ..core.load.problems import Problem, ProblemLog
from ..core.load.strict_yaml import DEFAULT_LIMITS
from ..core.load.textfile import read_text
from ..core.load.todos import find_todos
from . import console
from .shared import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, parse_cache


def validate_command(
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
    cache = parse_cache(use_cache)
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
