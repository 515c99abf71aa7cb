"""Drafting a brief from an article's text: `briefing-tui draft` (pure core, no Textual).

:func:`draft_article` reads the text into a :class:`Draft` (clean paragraphs, metadata,
quotations with speakers, actors, dated sentences); :func:`write_draft` writes it out as the
cleaned source text and a skeleton brief that validates as written.
"""

from .drafter import Draft, draft_article
from .skeleton import skeleton_yaml, write_draft

__all__ = ["Draft", "draft_article", "skeleton_yaml", "write_draft"]
