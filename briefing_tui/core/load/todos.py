"""TODO placeholders left in a brief: what ``briefing-tui validate --strict`` reports.

A drafted brief marks what the analyst still has to write with text that begins ``TODO``
(``stance: "TODO: ..."``). Such text is valid, so a draft loads and reads at once; the strict
check finds every value that still begins with it.
"""

from __future__ import annotations

import re

from .problems import Problem

_PLACEHOLDER = re.compile(r"""^(?P<lead>\s*(?:-\s+)?(?P<key>[\w-]+):\s*)(?P<value>["']?TODO\b)""")


def find_todos(path: str, text: str) -> list[Problem]:
    """A problem at each field whose value begins with TODO."""
    problems: list[Problem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _PLACEHOLDER.match(line)
        if match:
            column = len(match.group("lead")) + 1
            problems.append(
                Problem(path, number, column, f"{match.group('key')} is still a TODO placeholder")
            )
    return problems
