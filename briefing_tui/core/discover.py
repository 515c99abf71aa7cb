"""Finding brief files in the paths a user names."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

BRIEF_SUFFIXES = (".yaml", ".yml")


def is_brief_file(path: Path) -> bool:
    """Whether a file looks like a brief by its name (notes files are not briefs)."""
    return path.suffix in BRIEF_SUFFIXES and not path.name.endswith(".notes.yaml")


def find_briefs(paths: Iterable[Path]) -> list[Path]:
    """Brief files named by ``paths``: files as given, folders searched recursively.

    Hidden folders are skipped. Raises FileNotFoundError for a path that does not exist.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file()
                    and is_brief_file(p)
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )
        elif path.exists():
            found.append(path)
        else:
            raise FileNotFoundError(str(path))
    return list(dict.fromkeys(found))
