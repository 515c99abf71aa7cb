"""Command palette: jump to any item of the open brief, and the app's actions."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from ..core.brief.views import item_key, link_label
from .screens.brief import BriefScreen
from .text import literal


class BriefItemsProvider(Provider):
    """Finds items of the open brief by name, text or id; choosing one jumps there."""

    def _screen(self) -> BriefScreen | None:
        screen = self.screen
        return screen if isinstance(screen, BriefScreen) else None

    def _entries(self, screen: BriefScreen) -> list[tuple[str, str, str]]:
        brief = screen.brief
        # Labels are cut: the palette's fuzzy matcher slows down badly on long quotes.
        return [
            (
                _short(link_label(brief, item.id)),
                f"{item.noun} · {item.id}",
                item_key(item.id),
            )
            for item in brief.items.values()
        ]

    async def search(self, query: str) -> Hits:
        screen = self._screen()
        if screen is None:
            return
        matcher = self.matcher(query)
        for label, help_text, key in self._entries(screen):
            score = max(matcher.match(label), matcher.match(help_text))
            if score > 0:
                # Shown literally: Matcher.highlight() would parse brief text as markup.
                yield Hit(
                    score,
                    literal(label, one_line=True),
                    partial(screen.follow, key),
                    text=label,
                    help=help_text,  # kind and id: ids are slugs, never markup
                )

    async def discover(self) -> Hits:
        screen = self._screen()
        if screen is None:
            return
        for label, help_text, key in self._entries(screen)[:20]:
            yield DiscoveryHit(
                literal(label, one_line=True),
                partial(screen.follow, key),
                text=label,
                help=help_text,
            )


def _short(label: str, limit: int = 60) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"
