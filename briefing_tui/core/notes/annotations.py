"""The reader's annotations of a brief's items: marks, flags, tags, notes, estimates.

Annotations are the reader's own work and live apart from the brief (see ``notestore.py``), so
a brief can be re-derived without touching them. Each keeps an *anchor*: the item's text when it
was annotated and a hash of it, so a note whose item was reworded (stale) or removed (orphan)
is recognised and shown, never silently dropped.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any

from ..brief.article import fold
from ..brief.model import Brief, Item, Question

MARKS = ("agree", "disagree", "doubt")
FLAGS = ("star", "follow-up")

MARK_SYMBOLS = {"agree": "+", "disagree": "−", "doubt": "?"}
MARK_WORDS = {"agree": "agrees", "disagree": "disagrees", "doubt": "doubts"}

#: Words of estimative probability (ICD 203), with their ranges in percent.
ESTIMATE_WORDS: tuple[tuple[str, int, int], ...] = (
    ("almost no chance", 1, 5),
    ("very unlikely", 5, 20),
    ("unlikely", 20, 45),
    ("roughly even chance", 45, 55),
    ("likely", 55, 80),
    ("very likely", 80, 95),
    ("almost certain", 95, 99),
)


def estimate_words(probability: float) -> str:
    """The standard words for a probability: 0.7 -> 'likely (55-80%)'."""
    percent = round(probability * 100, 6)
    for words, low, high in ESTIMATE_WORDS:
        if percent < high:  # a boundary belongs to the range above it: 55% is "likely"
            return f"{words} ({low}-{high}%)"
    words, low, high = ESTIMATE_WORDS[-1]
    return f"{words} ({low}-{high}%)"


def now() -> dt.datetime:
    """The current time in UTC, to the second (what notes record)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


@dataclass(frozen=True, slots=True)
class Anchor:
    """The item's text when it was annotated, and a hash of it (whitespace and quote marks
    folded, so re-wrapping a line does not make a note stale)."""

    text: str
    hash: str

    @classmethod
    def of(cls, item: Item) -> Anchor:
        """The anchor of an item as it is now."""
        return cls(item.body, text_hash(item.body))


@functools.lru_cache(maxsize=65536)
def text_hash(text: str) -> str:
    """A short, stable hash of text, insensitive to whitespace and quote-mark differences."""
    return "sha256:" + hashlib.sha256(fold(text).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Annotation:
    """What the reader recorded about one item."""

    item: str
    anchor: Anchor
    updated: dt.datetime
    mark: str | None = None
    flags: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    note: str = ""
    estimate: float | None = None  # a probability from 0 to 1, for questions

    @property
    def is_empty(self) -> bool:
        """Whether nothing is recorded any more (the annotation can be removed)."""
        return not (self.mark or self.flags or self.tags or self.note.strip()) and (
            self.estimate is None
        )

    def touched(self, item: Item | None, **changes: Any) -> Annotation:
        """A copy with ``changes``, a new timestamp and, when the item is known, a new anchor."""
        anchor = Anchor.of(item) if item is not None else self.anchor
        return replace(self, anchor=anchor, updated=now(), **changes)


def blank(item: Item) -> Annotation:
    """An empty annotation of ``item``, anchored to its text now."""
    return Annotation(item=item.id, anchor=Anchor.of(item), updated=now())


class Status(Enum):
    """How an annotation stands against the brief as it is now."""

    CURRENT = "current"
    STALE = "stale"  # the item's text changed since it was annotated
    ORPHAN = "orphan"  # the item is gone from the brief


def status(annotation: Annotation, brief: Brief) -> Status:
    """Whether the annotated item still exists and still says what it said."""
    item = brief.item(annotation.item)
    if item is None:
        return Status.ORPHAN
    if text_hash(item.body) != annotation.anchor.hash:
        return Status.STALE
    return Status.CURRENT


@dataclass(frozen=True)
class Review:
    """The annotations of a brief sorted by status, for the Notes section and the export."""

    current: list[Annotation] = field(default_factory=list)
    stale: list[Annotation] = field(default_factory=list)
    orphans: list[Annotation] = field(default_factory=list)


def review(annotations: dict[str, Annotation], brief: Brief) -> Review:
    """Sort ``annotations`` into current, stale and orphaned ones (brief order, then id)."""
    order = {item_id: index for index, item_id in enumerate(brief.items)}
    result = Review()
    for annotation in sorted(
        annotations.values(), key=lambda a: (order.get(a.item, len(order)), a.item)
    ):
        {
            Status.CURRENT: result.current,
            Status.STALE: result.stale,
            Status.ORPHAN: result.orphans,
        }[status(annotation, brief)].append(annotation)
    return result


def accepts_estimate(item: Item) -> bool:
    """Only questions take an estimate."""
    return isinstance(item, Question)
