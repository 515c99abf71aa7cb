"""What the library list shows of a brief, small enough to read for a thousand briefs at once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .model import Brief


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
    def from_data(cls, data: dict[str, Any]) -> BriefSummary:
        """Read :meth:`to_data`'s output; raises KeyError, TypeError or ValueError otherwise."""
        actors, positions, questions, items = (int(n) for n in data["counts"])
        published = data["published"]
        outlet = data["outlet"]
        return cls(
            id=str(data["id"]),
            title=str(data["title"]),
            outlet=None if outlet is None else str(outlet),
            published=dt.date.fromisoformat(published) if published else None,
            actors=actors,
            positions=positions,
            questions=questions,
            items=items,
        )
