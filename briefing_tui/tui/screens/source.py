"""The source view: the article, paragraphs numbered, the current item's evidence highlighted."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ...core.brief.article import find_quote
from ...core.brief.model import Brief, Evidence, Quote
from ...core.brief.views import detail, label_of, para_key
from ..text import highlighted, literal
from ..widgets.detail import LinkList
from ..widgets.nav_list import NavList

HIGHLIGHT = "bold reverse"


class ParagraphList(NavList):
    """All paragraphs of the article as rows; renders only what is on screen."""


class SourceScreen(Screen[str | None]):
    """Read the article. Dismisses with the key of an item to jump to, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", id="source.close"),
        Binding("tab", "switch", "Cited by", id="source.switch"),
    ]

    def __init__(self, brief: Brief, *, focus_key: str = "", paragraphs: tuple[int, ...] = ()):
        super().__init__()
        self.brief = brief
        self.focus_key = focus_key
        self.paragraphs = paragraphs
        self._quotes = _quotes_of(brief, focus_key)

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        yield ParagraphList(id="paragraphs")
        yield Static("Cited by", id="cited-heading", classes="heading")
        yield LinkList(id="cited")
        yield Footer()

    def on_mount(self) -> None:
        title = self.brief.source.title
        about = ""
        if self.focus_key and self.focus_key != "brief" and not self.focus_key.startswith("para:"):
            about = f"  ·  evidence of {label_of(self.brief, self.focus_key)}"
        self.query_one("#title-bar", Static).update(
            Content.assemble(("Source  ", "bold $accent"), literal(title + about, one_line=True))
        )
        paragraphs = self.query_one(ParagraphList)
        paragraphs.set_options(
            Option(self._prompt(p.number, p.text), id=para_key(p.number))
            for p in self.brief.paragraphs
        )
        start = self.paragraphs[0] if self.paragraphs else 1
        if self.focus_key.startswith("para:"):
            start = int(self.focus_key[5:])
        paragraphs.focus()
        if paragraphs.option_count:
            paragraphs.highlighted = max(0, min(start, paragraphs.option_count) - 1)
            self.call_after_refresh(paragraphs.scroll_to_highlight, top=True)

    def _prompt(self, number: int, text: str) -> Content:
        spans: list[tuple[int, int]] = []
        for quote in self._quotes.get(number, ()):
            spans.extend(find_quote(text, quote) or ())
        body = highlighted(text, spans, HIGHLIGHT) if spans else literal(text)
        marker = "▶" if number in self.paragraphs else " "
        return Content.assemble((f"{marker}¶{number:<3} ", "bold $accent"), body)

    @on(OptionList.OptionHighlighted, "#paragraphs")
    def paragraph_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        found = detail(self.brief, event.option.id or "")
        cited = self.query_one("#cited", LinkList)
        rows = found.links if found else []
        cited.show_links(rows, headings=False)  # the heading above says "Cited by"
        self.query_one("#cited-heading", Static).update(
            f"Cited by ({len(rows)})" if rows else "Cited by: no item cites this paragraph"
        )

    @on(OptionList.OptionSelected, "#paragraphs")
    def paragraph_chosen(self) -> None:
        self.action_switch()

    @on(LinkList.Followed)
    def cited_followed(self, event: LinkList.Followed) -> None:
        event.stop()
        self.dismiss(event.key)

    def action_switch(self) -> None:
        """Move between the article and the items citing the current paragraph."""
        cited = self.query_one("#cited", LinkList)
        if self.focused is cited or not cited.option_count:
            self.query_one(ParagraphList).focus()
        else:
            cited.focus()

    def action_pane_left(self) -> None:
        """Left arrow: back to the article."""
        self.query_one(ParagraphList).focus()

    def action_pane_right(self) -> None:
        """Right arrow: to the items citing the paragraph (an empty list says so)."""
        self.query_one("#cited", LinkList).focus()

    def action_close(self) -> None:
        """Back to the brief."""
        self.dismiss(None)


def _quotes_of(brief: Brief, key: str) -> dict[int, list[str]]:
    """The words to highlight, by paragraph, for the item ``key``."""
    quotes: dict[int, list[str]] = {}
    item = brief.item(key[5:]) if key.startswith("item:") else None
    if isinstance(item, Quote):
        quotes.setdefault(item.para, []).append(item.text)
    evidence: tuple[Evidence, ...] = getattr(item, "evidence", ()) if item else ()
    for entry in evidence:
        if entry.quote:
            quotes.setdefault(entry.para, []).append(entry.quote)
    return quotes
