"""Where the reader is in a brief: a section and the key of the selected row."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a brief that history can return to."""

    section: str
    key: str
