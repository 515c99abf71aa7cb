"""``briefing-tui [open] [PATH]``: the reader, on a brief or a folder of briefs.

The reader's modules (Textual among them) are imported only here, inside the command, once it
is known that the reader opens: the other commands never import Textual.
"""

from __future__ import annotations

from pathlib import Path

from ..core.library.cache import read_through
from ..core.library.discover import find_briefs
from . import console
from .shared import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, parse_cache


def bundled_briefs() -> Path:
    """The example briefs: packaged in the wheel, or the repository's ``briefs/`` in a checkout."""
    package = Path(__file__).resolve().parent.parent  # briefing_tui/, not briefing_tui/cli/
    for candidate in (package / "examples", package.parent / "briefs"):
        if candidate.is_dir():
            return candidate
    return package / "examples"


def open_command(
    path: Path | None, *, notes_dir: Path | None = None, use_cache: bool = True
) -> int:
    """Load what ``path`` names and run the reader on it (notes in ``notes_dir`` if given).

    A folder opens as a library at once; its briefs load in the background."""
    if path is None:
        path = Path("briefs") if Path("briefs").is_dir() else bundled_briefs()
    if not path.exists():
        console.err(f"briefing-tui: no such file or folder: {path}")
        return EXIT_USAGE
    from ..config import load_config

    config = load_config()
    cache = parse_cache(use_cache)
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
