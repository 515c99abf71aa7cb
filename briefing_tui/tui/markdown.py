"""Markdown for the reader: ``[[id]]`` links rendered as clickable links to items."""

from __future__ import annotations

from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from ..core.brief.wikilinks import WIKILINK, wikilink_plugin
from ..core.text.printable import printable

ITEM_SCHEME = "item:"


def parser_factory(name_of: Callable[[str], str]) -> Callable[[], MarkdownIt]:
    """A factory for Textual's Markdown widget: GFM-like, plus ``[[id]]`` as item links
    labelled with ``name_of(id)`` and pointing at ``item:<id>``."""

    def rewrite(state: StateCore) -> None:
        for block in state.tokens:
            if not block.children:
                continue
            children: list[Token] = []
            for token in block.children:
                if token.type != WIKILINK:
                    children.append(token)
                    continue
                target = token.meta["target"]
                link_open = Token("link_open", "a", 1, attrs={"href": ITEM_SCHEME + target})
                text = Token("text", "", 0, content=name_of(target))
                children.extend((link_open, text, Token("link_close", "a", -1)))
            block.children = children

    def factory() -> MarkdownIt:
        md = MarkdownIt("gfm-like").use(wikilink_plugin)
        md.core.ruler.push("wikilinks_as_links", rewrite)
        return md

    return factory


def safe_markdown(text: str) -> str:
    """Markdown source with control characters made visible before rendering."""
    return printable(text)
