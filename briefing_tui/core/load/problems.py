"""The one error type of the core: a list of located problems."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..text.printable import printable


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong with a file, at a 1-based line and column (1:1 for the whole file)."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"

    def as_dict(self) -> dict[str, str | int]:
        """The problem as plain data, for ``--format json``."""
        return {
            "file": self.path,
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }


class BriefError(Exception):
    """A brief could not be loaded; ``problems`` says every reason found, in file order."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(problems))
        super().__init__("\n".join(str(p) for p in self.problems) or "invalid brief")


class ProblemLog:
    """Collects problems for one file while it is read, so all are reported in one run."""

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        self.problems: list[Problem] = []

    def add(self, line: int, column: int, message: str) -> None:
        """Record a problem at ``line``:``column`` of this log's file.

        Messages quote the file's own text, so control characters in it are made visible here,
        before any message can reach a terminal.
        """
        self.problems.append(Problem(self.path, line, column, printable(message, one_line=True)))

    def __bool__(self) -> bool:
        return bool(self.problems)

    def raise_if_any(self) -> None:
        """Raise :class:`BriefError` when anything was recorded."""
        if self.problems:
            raise BriefError(self.problems)
