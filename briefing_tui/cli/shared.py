"""What the commands share: their exit statuses and the parse cache they read briefs through."""

from __future__ import annotations

from ..core.library.cache import BriefCache

#: 0: all went well; 1: a brief (or a file) has problems, or a search found nothing; 2: usage.
EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def parse_cache(use_cache: bool) -> BriefCache | None:
    """The parse cache to read briefs through, or None to read every brief from its files
    (``--no-cache``)."""
    return BriefCache() if use_cache else None
