"""Back/forward history with browser semantics (pure Python, tested on its own)."""

from __future__ import annotations

from typing import Generic, TypeVar

T = TypeVar("T")


class History(Generic[T]):
    """Locations visited by jumps, with a cursor.

    - :meth:`visit` records a jump: forward entries are dropped, as in a browser.
    - :meth:`replace` updates where the reader is now without making a new entry (moving the
      cursor inside a list is not a jump, but Back should return to where the reader left).
    - The oldest entries are dropped beyond ``limit``.
    """

    def __init__(self, limit: int = 100) -> None:
        if limit < 1:
            raise ValueError("limit must be at least 1")
        self._entries: list[T] = []
        self._index = -1
        self.limit = limit

    @property
    def current(self) -> T | None:
        """The location the reader is at, or None before the first visit."""
        return self._entries[self._index] if self._entries else None

    @property
    def can_go_back(self) -> bool:
        """Whether :meth:`back` would move."""
        return self._index > 0

    @property
    def can_go_forward(self) -> bool:
        """Whether :meth:`forward` would move."""
        return 0 <= self._index < len(self._entries) - 1

    def visit(self, location: T) -> None:
        """Record a jump to ``location``; a jump to where the reader already is adds nothing."""
        if self._entries and self._entries[self._index] == location:
            return
        del self._entries[self._index + 1 :]
        self._entries.append(location)
        if len(self._entries) > self.limit:
            del self._entries[: len(self._entries) - self.limit]
        self._index = len(self._entries) - 1

    def replace(self, location: T) -> None:
        """Make ``location`` the current entry (or the first, before any visit)."""
        if self._entries:
            self._entries[self._index] = location
        else:
            self.visit(location)

    def back(self) -> T | None:
        """Step back; returns the new current location, or None when there is none."""
        if not self.can_go_back:
            return None
        self._index -= 1
        return self._entries[self._index]

    def forward(self) -> T | None:
        """Step forward; returns the new current location, or None when there is none."""
        if not self.can_go_forward:
            return None
        self._index += 1
        return self._entries[self._index]

    def __len__(self) -> int:
        return len(self._entries)
