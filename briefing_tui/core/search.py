"""Filtering rows as the reader types: substring matches first, then fuzzy ones."""

from __future__ import annotations

from collections.abc import Sequence

from .views import Row


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


def filter_rows(rows: Sequence[Row], query: str) -> list[Row]:
    """Rows whose text holds ``query`` (case-insensitive), then rows that match it fuzzily.

    Within each group rows keep their brief order.
    """
    needle = query.strip().lower()
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
