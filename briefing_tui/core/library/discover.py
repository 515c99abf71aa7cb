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

    Hidden folders are skipped. In a folder, everything named like a brief that is not a
    folder is listed, a FIFO or a link to a device too: the loader refuses it with its reason,
    where skipping it would hide it. Raises FileNotFoundError for a path that does not exist.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if is_brief_file(p)
                    and not p.is_dir()
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )
        elif path.exists():
            found.append(path)
        else:
            raise FileNotFoundError(str(path))
    return list(dict.fromkeys(found))
