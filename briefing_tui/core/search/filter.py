"""Filtering rows as the reader types: words, then the reader's own marks and tags.

A query is free text plus optional terms:

- ``#tag`` keeps rows the reader tagged so;
- ``is:agree``, ``is:disagree``, ``is:doubt``, ``is:marked``, ``is:unmarked``, ``is:star``,
  ``is:follow-up``, ``is:note``, ``is:annotated``, ``is:unannotated`` keep rows by annotation.

Text matches by substring first (case-insensitive), then fuzzily (its letters in order).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..brief.views import Row
from ..notes.annotations import FLAGS, MARKS, Annotation

STATES = (*MARKS, "marked", "unmarked", *FLAGS, "note", "annotated", "unannotated")


@dataclass(frozen=True)
class Query:
    """A parsed filter query."""

    text: str = ""
    tags: tuple[str, ...] = ()
    states: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()  # is:words that mean nothing, so the reader can be told

    @property
    def is_empty(self) -> bool:
        """Whether the query keeps every row."""
        return not (self.text or self.tags or self.states or self.unknown)


def parse_query(query: str) -> Query:
    """Split a query into text, ``#tags`` and ``is:`` states."""
    words: list[str] = []
    tags: list[str] = []
    states: list[str] = []
    unknown: list[str] = []
    for word in query.split():
        if word.startswith("#") and len(word) > 1:
            tags.append(word[1:].lower())
        elif word.lower().startswith("is:"):
            state = word[3:].lower()
            (states if state in STATES else unknown).append(state)
        else:
            words.append(word)
    return Query(" ".join(words), tuple(tags), tuple(states), tuple(unknown))


def fuzzy_match(query: str, text: str) -> bool:
    """Whether the letters of ``query`` occur in ``text`` in order (case-insensitive)."""
    position = 0
    text = text.lower()
    for char in query.lower():
        if char == " ":
            continue
        position = text.find(char, position)
        if position < 0:
            return False
        position += 1
    return True


def annotation_matches(annotation: Annotation | None, query: Query) -> bool:
    """Whether an item's annotation satisfies the query's tags and states."""
    for tag in query.tags:
        if annotation is None or tag not in (t.lower() for t in annotation.tags):
            return False
    return all(_in_state(annotation, state) for state in query.states)


def _in_state(annotation: Annotation | None, state: str) -> bool:
    if state == "unannotated":
        return annotation is None
    if state == "unmarked":
        return annotation is None or annotation.mark is None
    if annotation is None:
        return False
    if state == "annotated":
        return True
    if state == "marked":
        return annotation.mark is not None
    if state == "note":
        return bool(annotation.note.strip())
    if state in FLAGS:
        return state in annotation.flags
    return annotation.mark == state


def filter_rows(
    rows: Sequence[Row], query: str, annotations: Mapping[str, Annotation] | None = None
) -> list[Row]:
    """Rows matching ``query``: by annotation terms, then text (substring before fuzzy).

    Within each group rows keep their brief order.
    """
    parsed = parse_query(query)
    if parsed.is_empty:
        return list(rows)
    if parsed.tags or parsed.states:
        notes = annotations or {}
        rows = [r for r in rows if annotation_matches(notes.get(_item_id(r.key)), parsed)]
    needle = parsed.text.strip().lower()
    if not needle:
        return list(rows)
    exact: list[Row] = []
    fuzzy: list[Row] = []
    for row in rows:
        haystack = f"{row.label} {row.aside} {row.search}".lower()
        if needle in haystack:
            exact.append(row)
        elif fuzzy_match(needle, haystack):
            fuzzy.append(row)
    return exact + fuzzy


def _item_id(key: str) -> str:
    return key[5:] if key.startswith("item:") else key
