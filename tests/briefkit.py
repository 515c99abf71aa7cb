"""Helpers for the core and CLI tests: the minimal valid brief, its article, text utilities.

Tests start from ``VALID_BRIEF`` (which loads without problems against ``ARTICLE``), change one
thing with ``edit``, write it with the ``write_brief`` fixture and look at what ``problems`` says:
a list of ``(line, column, message)``. Expected lines and columns are computed from the text the
test wrote (``locate``, ``value_of``), never typed in by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_tui.core.load.loader import Limits, load_brief
from briefing_tui.core.load.problems import BriefError

# Three paragraphs. Paragraph 2 uses typographic quotes and an em dash on purpose.
ARTICLE = (
    'Alpha Beta said "we will act soon" on Monday, after the talks in Paris.\n'
    "\n"
    "The ministry of Gamma replied that \u201cnothing \u2014 nothing at all\u201d had changed,\n"
    "and that the trade talks would go on.\n"
    "\n"
    "A third paragraph mentions the summit held in Paris.\n"
)

VALID_BRIEF = """\
format: 1
id: test-brief
title: A test brief
summary: |
  [[alpha]] spoke about [[trade]].

  The `[[not-a-link]]` in a code span is text.
source:
  title: A headline
  outlet: Example News
  author: A. Writer
  published: 2026-01-09
  url: https://example.com/a
  text: article.txt
actors:
  - id: alpha
    name: Alpha Beta
    kind: person
    role: Minister
    part_of: [gamma]
  - id: gamma
    name: Gamma
    kind: state
issues:
  - id: trade
    title: Trade talks
positions:
  - id: alpha-will-act
    actor: alpha
    issue: trade
    stance: Will act soon.
    attribution: stated
    evidence:
      - para: 1
        quote: we will act soon
questions:
  - id: when-act
    text: When will Alpha act?
    bears_on: [alpha-will-act, trade]
quotes:
  - id: alpha-quote
    speaker: alpha
    text: we will act soon
    para: 1
  - id: gamma-quote
    speaker: gamma
    text: "\\"nothing - nothing at all\\" had changed"
    para: 2
timeline:
  - id: summit
    date: 2026-01-06
    text: Summit in Paris with [[alpha]].
    actors: [alpha, gamma]
    evidence: [{para: 3}]
"""

Problems = list[tuple[int, int, str]]


def edit(text: str, old: str, new: str) -> str:
    """``text`` with the one occurrence of ``old`` replaced by ``new`` (fails when not unique)."""
    count = text.count(old)
    assert count == 1, f"{old!r} occurs {count} times in the template; make the edit unique"
    return text.replace(old, new)


def locate(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    """1-based (line, column) of the ``nth`` occurrence of ``needle`` in ``text``."""
    index = -1
    for _ in range(nth):
        index = text.find(needle, index + 1)
        assert index >= 0, f"{needle!r} does not occur {nth} time(s)"
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def locate_in(text: str, context: str, part: str) -> tuple[int, int]:
    """(line, column) of ``part`` inside the unique occurrence of ``context`` in ``text``."""
    assert text.count(context) == 1, f"{context!r} is not unique"
    assert part in context
    line, column = locate(text, context)
    before = context[: context.index(part)]
    if "\n" in before:
        return line + before.count("\n"), len(before) - before.rfind("\n")
    return line, column + len(before)


def value_of(text: str, key_and_value: str) -> tuple[int, int]:
    """(line, column) of the value in the unique ``key: value`` line ``key_and_value``."""
    key = key_and_value.partition(": ")[0]
    assert text.count(key_and_value) == 1, f"{key_and_value!r} is not unique"
    line, column = locate(text, key_and_value)
    return line, column + len(key) + 2


def problems(path: Path, limits: Limits | None = None) -> Problems:
    """The (line, column, message) of every problem of the brief at ``path``.

    Fails the test when the brief loads without problems.
    """
    with pytest.raises(BriefError) as caught:
        if limits is None:
            load_brief(path)
        else:
            load_brief(path, limits=limits)
    found = caught.value.problems
    assert found, "BriefError carries no problems"
    for problem in found:
        assert problem.path == str(path)
        assert problem.message.strip()
    return [(p.line, p.column, p.message) for p in found]
