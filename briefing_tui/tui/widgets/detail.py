"""The right pane: every field of the selected item, its Markdown, and its links as rows."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Markdown, OptionList, Static
from textual.widgets.option_list import Option

from ...core.brief.model import Actor, Brief
from ...core.brief.views import Detail, LinkRow
from ...core.text.printable import printable
from ..markdown import parser_factory, safe_markdown
from ..text import literal
from .nav_list import NavList


class LinkList(NavList):
    """The links of an item, grouped under headings; Enter follows the highlighted one."""

    class Followed(Message):
        """The reader chose a link."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._keys: dict[str, str] = {}

    def show_links(self, rows: list[LinkRow], *, headings: bool = True) -> None:
        """Show ``rows`` under their group headings (headings cannot be selected)."""
        options: list[Option] = []
        self._keys.clear()
        group = None
        for index, row in enumerate(rows):
            if headings and row.group != group:
                group = row.group
                options.append(Option(Content.styled(group, "bold $text-accent"), disabled=True))
            option_id = f"link-{index}"
            self._keys[option_id] = row.key
            options.append(
                Option(Content.assemble("  ", literal(row.label, one_line=True)), id=option_id)
            )
        self.set_options(options)
        first = next((i for i, o in enumerate(options) if not o.disabled), None)
        self.highlighted = first

    def key_of(self, option_id: str | None) -> str | None:
        """The target key of a link option."""
        return self._keys.get(option_id or "")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        key = self.key_of(event.option.id)
        if key:
            self.post_message(self.Followed(key))


class DetailPane(VerticalScroll, can_focus=False):
    """Shows one :class:`Detail`; Markdown is rendered only for the item shown."""

    class LinkClicked(Message):
        """A link inside rendered Markdown was clicked."""

        def __init__(self, href: str) -> None:
            super().__init__()
            self.href = href

    def __init__(self, brief: Brief, *, id: str | None = None) -> None:
        super().__init__(id=id)
        #: The brief whose items links name (replaced when the brief is reloaded).
        self.brief = brief
        #: The key of the detail shown (None before the first).
        self.shown_key: str | None = None

        # [[id]] links in Markdown render as links: an actor by name (it reads as prose),
        # anything else by its id, which authors write as a reference token.
        def name_of(item_id: str) -> str:
            item = self.brief.item(item_id)
            return printable(item.label, one_line=True) if isinstance(item, Actor) else item_id

        self._parser_factory = parser_factory(name_of)

    def compose(self) -> ComposeResult:
        yield Static(id="detail-title")
        yield Static(id="detail-fields")
        for number in (1, 2):  # at most two Markdown fields per item (text and notes)
            yield Static(id=f"detail-md-heading-{number}", classes="heading")
            yield Markdown(
                id=f"detail-md-{number}", parser_factory=self._parser_factory, open_links=False
            )
        yield Static("Your notes", id="detail-yours-heading", classes="heading")
        yield Static(id="detail-yours")
        yield Markdown(id="detail-your-note", parser_factory=self._parser_factory, open_links=False)
        yield Static("Links", id="detail-links-heading", classes="heading")
        yield LinkList(id="links")

    def show(
        self, detail: Detail, yours: list[tuple[str, str]] | None = None, note: str = ""
    ) -> None:
        """Show ``detail``: title, fields, Markdown sections, the reader's notes, links."""
        self.shown_key = detail.key
        self.query_one("#detail-title", Static).update(
            Content.assemble((f"{detail.kind}  ", "dim"), literal(detail.title, "bold"))
        )
        self.query_one("#detail-fields", Static).update(_fields(detail.fields))
        for number in (1, 2):
            heading = self.query_one(f"#detail-md-heading-{number}", Static)
            markdown = self.query_one(f"#detail-md-{number}", Markdown)
            if number <= len(detail.markdown):
                title, text = detail.markdown[number - 1]
                heading.update(title)
                markdown.update(safe_markdown(text))
                heading.display = markdown.display = True
            else:
                heading.display = markdown.display = False
        self.show_yours(yours or [], note)
        links = self.query_one(LinkList)
        links.show_links(detail.links)
        self.query_one("#detail-links-heading").display = bool(detail.links)
        links.display = bool(detail.links)
        self.scroll_home(animate=False)

    def show_yours(self, yours: list[tuple[str, str]], note: str) -> None:
        """Show (or hide) the reader's own notes on the item."""
        self.query_one("#detail-yours-heading").display = bool(yours or note)
        fields = self.query_one("#detail-yours", Static)
        fields.display = bool(yours)
        fields.update(_fields(yours))
        markdown = self.query_one("#detail-your-note", Markdown)
        markdown.display = bool(note.strip())
        if note.strip():
            markdown.update(safe_markdown(note))

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        event.stop()
        self.post_message(self.LinkClicked(event.href))


def _fields(fields: list[tuple[str, str]]) -> Content:
    width = max((len(name) for name, _ in fields), default=0)
    lines = [
        Content.assemble((f"{name:<{width}}  ", "bold"), literal(value)) for name, value in fields
    ]
    return Content("\n").join(lines)
