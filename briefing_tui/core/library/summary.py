"""What the library list shows of a brief, small enough to read for a thousand briefs at once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..brief.model import Brief
from ..load.scalars import is_slug, parse_date
from ..load.strict_yaml import DEFAULT_LIMITS


@dataclass(frozen=True, slots=True)
class BriefSummary:
    """A brief's id, title, source and counts: one row of the library."""

    id: str
    title: str
    outlet: str | None
    published: dt.date | None
    actors: int
    positions: int
    questions: int
    items: int

    @classmethod
    def of(cls, brief: Brief) -> BriefSummary:
        """The summary of a loaded brief."""
        return cls(
            id=brief.id,
            title=brief.title,
            outlet=brief.source.outlet,
            published=brief.source.published,
            actors=len(brief.actors),
            positions=len(brief.positions),
            questions=len(brief.questions),
            items=len(brief.items),
        )

    def to_data(self) -> dict[str, Any]:
        """The summary as JSON-ready data."""
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
            "counts": [self.actors, self.positions, self.questions, self.items],
        }

    @classmethod
    def from_data(cls, data: object) -> BriefSummary:
        """Read :meth:`to_data`'s output, checking every value (it comes from a cache entry,
        which is untrusted); raises ValueError for anything else."""
        if type(data) is not dict or set(data) != _KEYS:
            raise ValueError("a summary has other keys")
        brief_id, title, outlet, published, counts = (data[key] for key in _ORDER)
        if type(brief_id) is not str or not is_slug(brief_id):
            raise ValueError("a summary's id is an id")
        if not _is_text(title) or not (outlet is None or _is_text(outlet)):
            raise ValueError("a summary's title and outlet are text")
        date = parse_date(published) if type(published) is str else None
        if published is not None and date is None:
            raise ValueError("a summary's date is a date")
        if type(counts) is not list or len(counts) != 4 or not all(map(_is_count, counts)):
            raise ValueError("a summary's counts are four counts")
        actors, positions, questions, items = counts
        return cls(brief_id, title, outlet, date, actors, positions, questions, items)


_ORDER = ("id", "title", "outlet", "published", "counts")
_KEYS = frozenset(_ORDER)
#: No brief holds more items than the loader reads YAML nodes.
_MAX_COUNT = DEFAULT_LIMITS.max_nodes


def _is_text(value: object) -> bool:
    return type(value) is str and bool(value) and value == value.strip()


def _is_count(value: object) -> bool:
    return type(value) is int and 0 <= value <= _MAX_COUNT
