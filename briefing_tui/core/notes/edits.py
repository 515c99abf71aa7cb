"""The changes the reader's keys make, as functions from an annotation to the new one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from .annotations import Annotation, now

#: What a key does to an item's annotation: the new one, or None to remove it.
Edit = Callable[[Annotation], Annotation | None]


def toggle_mark(mark: str) -> Edit:
    """Set ``mark``; if it is already set, clear it."""
    return lambda a: replace(a, mark=None if a.mark == mark else mark, updated=now())


def toggle_flag(flag: str) -> Edit:
    """Add ``flag``, or remove it when present."""

    def edit(a: Annotation) -> Annotation:
        flags = tuple(f for f in a.flags if f != flag) if flag in a.flags else (*a.flags, flag)
        return replace(a, flags=flags, updated=now())

    return edit


def set_tags(tags: tuple[str, ...]) -> Edit:
    """Replace the tags (kept in the order given, without repeats)."""
    return lambda a: replace(a, tags=tuple(dict.fromkeys(t for t in tags if t)), updated=now())


def set_note(text: str) -> Edit:
    """Replace the note."""
    return lambda a: replace(a, note=text, updated=now())


def set_estimate(probability: float | None) -> Edit:
    """Set (or clear, with None) the estimate of a question."""
    if probability is not None and not 0.0 <= probability <= 1.0:
        raise ValueError("an estimate is a probability from 0 to 1")
    return lambda a: replace(a, estimate=probability, updated=now())


def delete() -> Edit:
    """Remove the annotation."""
    return lambda _a: None
