"""The query language of a library search: words plus optional filters.

A query is a superset of the reader's list filter (:mod:`briefing_tui.core.search.filter`):

- words: every word must occur in the same item (case-insensitive; curly and straight quote
  marks and dashes count as the same), in its text fields or in the reader's note and tags on it;
  a brief's title, headline and outlet make a hit of their own;
- ``#tag`` and ``is:agree`` ... ``is:annotated``: the reader's annotations, as in a brief's list;
- ``actor:ID-or-name``: items involving an actor (the actor itself, its positions, the quotes it
  spoke, the events it takes part in), named by id or alias (``actor:zelensky``; ids are joined
  across briefs as :func:`briefing_tui.core.library.across.actor_groups` joins them) or by the start
  of each word of its name (``actor:vol-zel``);
- ``after:DATE`` / ``before:DATE`` (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; both inclusive): by
  the brief's publication date, or an event's own date for timeline items.

A filter that is unknown or malformed is a problem of the query, reported, never ignored; a query
with problems matches nothing (:mod:`briefing_tui.core.search.index` runs it).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..brief.article import fold
from .filter import STATES, Query, parse_query

#: Filters a library query understands besides ``#tag`` (``is:`` comes from core/search/filter.py).
FILTERS = ("is", "actor", "after", "before")
FILTER_HELP = "is:, actor:, after:, before: and #tag"
#: A word of an ``actor:`` term, and of an actor's name as the index splits it to compare.
WORD = re.compile(r"\w+")
_FILTER_NAME = re.compile(r"[A-Za-z][A-Za-z_-]*")
_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


@dataclass(frozen=True)
class LibraryQuery:
    """A parsed library query. ``words`` are folded and lowercase; ``filters`` holds the
    ``#tags`` and ``is:`` states (parsed by :func:`briefing_tui.core.search.filter.parse_query`)."""

    words: tuple[str, ...] = ()
    filters: Query = field(default_factory=Query)
    actors: tuple[str, ...] = ()
    after: dt.date | None = None
    before: dt.date | None = None
    problems: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        """Whether the query asks for nothing (and so finds nothing)."""
        return not (
            self.words
            or self.filters.tags
            or self.filters.states
            or self.actors
            or self.after
            or self.before
            or self.problems
        )

    @property
    def selects_items(self) -> bool:
        """Whether the query filters by what only items have (annotations, actors): then a
        brief's title is no hit."""
        return bool(self.filters.tags or self.filters.states or self.actors)


def parse_library_query(text: str) -> LibraryQuery:
    """Split a query into words and filters; bad filters become ``problems``."""
    rest: list[str] = []
    actors: list[str] = []
    afters: list[dt.date] = []
    befores: list[dt.date] = []
    problems: list[str] = []
    for word in text.split():
        name, colon, value = word.partition(":")
        key = name.lower()
        if colon and key == "actor":
            parts = WORD.findall(fold(value).lower())
            if parts:
                actors.append("-".join(parts))
            else:
                problems.append("actor: needs an actor's id or name, as in actor:zelensky")
        elif colon and key in ("after", "before"):
            date = _parse_date(value, end=key == "before")
            if date is None:
                shown = f", not '{value}'" if value else ""
                problems.append(f"{key}: needs YYYY-MM-DD{shown}")
            else:
                (afters if key == "after" else befores).append(date)
        elif colon and value and key != "is" and _is_filter_like(name, value):
            problems.append(f"unknown filter '{name}:' (the filters are {FILTER_HELP})")
        else:
            rest.append(word)
    base = parse_query(" ".join(rest))
    problems.extend(
        f"is:{state} is not a state; use one of {', '.join(STATES)}"
        if state
        else f"is: needs a state: one of {', '.join(STATES)}"
        for state in base.unknown
    )
    after = max(afters) if afters else None
    before = min(befores) if befores else None
    if after and before and after > before:
        problems.append(f"after:{after} is later than before:{before}: nothing can match")
    words = tuple(dict.fromkeys(fold(w).lower() for w in base.text.split()))
    return LibraryQuery(
        words, Query("", base.tags, base.states), tuple(actors), after, before, tuple(problems)
    )


def _is_filter_like(name: str, value: str) -> bool:
    """``name:value`` looks like a filter (not a web address, a time or a word with a colon)."""
    return bool(_FILTER_NAME.fullmatch(name)) and not value.startswith("/")


def _parse_date(value: str, *, end: bool) -> dt.date | None:
    """The first (or with ``end`` the last) day of ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""
    match = _DATE.fullmatch(value)
    if match is None:
        return None
    year_text, month_text, day_text = match.groups()
    year = int(year_text)
    month = int(month_text) if month_text else None
    day = int(day_text) if day_text else None
    try:
        if month is not None and day is not None:
            return dt.date(year, month, day)
        if month is not None:
            first = dt.date(year, month, 1)
            if not end:
                return first
            following = dt.date(year + (month == 12), month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    except ValueError:
        return None
