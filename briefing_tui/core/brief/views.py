"""Plain-data views of a brief for a front end: list rows, item details and grouped links.

The reader shows what this module computes; keeping it free of Textual lets the wording of
rows and link groups be tested quickly, without a terminal.

Keys name what a row or link points at: ``brief`` (the brief itself: its summary and source),
``item:<id>``, ``para:<n>`` (a paragraph of the article) and ``url:<address>`` (a web page).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .fields import Kind, specs
from .fieldtext import citations, entry_text, field_text, name_of, shown_fields
from .model import ATTRIBUTION_WORDS as ATTRIBUTION_WORDS  # where tui/screens/across.py reads it
from .model import Actor, Brief, Event, Item, Link, LinkIndex, Position, Quote
from .wikilinks import plain_text, web_links

#: Sections in reading order (number keys 1-8 follow it).
SECTIONS = (
    "summary",
    "actors",
    "issues",
    "positions",
    "questions",
    "quotes",
    "timeline",
    "source",
)
SECTION_TITLES = {
    "summary": "Summary",
    "actors": "Actors",
    "issues": "Issues",
    "positions": "Positions",
    "questions": "Questions",
    "quotes": "Quotes",
    "timeline": "Timeline",
    "source": "Source",
}


def item_key(item_id: str) -> str:
    """The key of an item."""
    return f"item:{item_id}"


def para_key(number: int) -> str:
    """The key of a paragraph of the article."""
    return f"para:{number}"


def section_of(brief: Brief, key: str) -> str:
    """The section a key belongs to."""
    if key.startswith("item:"):
        item = brief.item(key[5:])
        return item.section if item else "summary"
    if key.startswith("para:"):
        return "source"
    return "summary"


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a section's list."""

    key: str
    label: str  # what the row says
    aside: str = ""  # a short secondary text (the actor of a position, a date, ...)
    search: str = ""  # extra text the filter matches (ids, names)


def section_count(brief: Brief, section: str) -> int:
    """How many rows a section has."""
    if section == "summary":
        return 1
    if section == "source":
        return len(brief.paragraphs)
    return len(brief.section(section))


def section_rows(brief: Brief, section: str) -> list[Row]:
    """The rows of a section, in brief order."""
    if section == "summary":
        return [Row("brief", brief.title, "brief", brief.id)]
    if section == "source":
        return [
            Row(para_key(p.number), p.text, f"¶{p.number}", str(p.number)) for p in brief.paragraphs
        ]
    return [_item_row(brief, item) for item in brief.section(section)]


def _item_row(brief: Brief, item: Item) -> Row:
    if isinstance(item, Position):
        actor = brief.item(item.actor)
        name = actor.label if actor else item.actor
        return Row(item_key(item.id), item.stance, name, f"{item.id} {name} {item.issue}")
    if isinstance(item, Quote):
        speaker = brief.item(item.speaker)
        name = speaker.label if speaker else item.speaker
        return Row(item_key(item.id), item.text, name, f"{item.id} {name}")
    if isinstance(item, Event):
        return Row(item_key(item.id), _plain(brief, item.text), item.date.isoformat(), item.id)
    if isinstance(item, Actor):
        return Row(item_key(item.id), item.name, item.kind, f"{item.id} {item.role or ''}")
    return Row(item_key(item.id), item.label, "", item.id)


@dataclass(frozen=True, slots=True)
class LinkRow:
    """A followable link shown under a heading in the detail pane."""

    group: str
    key: str
    label: str


@dataclass(frozen=True)
class Detail:
    """Everything the detail pane shows for one key."""

    key: str
    title: str
    kind: str  # "actor", "position", "paragraph", "brief", ...
    fields: list[tuple[str, str]] = field(default_factory=list)
    markdown: list[tuple[str, str]] = field(default_factory=list)  # (heading, Markdown text)
    links: list[LinkRow] = field(default_factory=list)
    paragraphs: tuple[int, ...] = ()  # article paragraphs the item cites, for the source view


def detail(brief: Brief, key: str) -> Detail | None:
    """The detail of the brief, an item or a paragraph; None for an unknown key."""
    if key == "brief":
        return _brief_detail(brief)
    if key.startswith("para:"):
        return _paragraph_detail(brief, int(key[5:]))
    if key.startswith("item:"):
        item = brief.item(key[5:])
        return _item_detail(brief, item) if item else None
    return None


def label_of(brief: Brief, key: str, limit: int = 0) -> str:
    """A human name for whatever ``key`` points at, cut to ``limit`` characters if given."""
    if key.startswith("item:"):
        item = brief.item(key[5:])
        if item is None:
            return key[5:]
        label = _plain(brief, item.text) if isinstance(item, Event) else item.label
        if limit and len(label) > limit:
            label = label[: limit - 1].rstrip() + "…"
        return label
    if key.startswith("para:"):
        return f"¶{key[5:]}"
    if key.startswith("url:"):
        return key[4:]
    return brief.title


def _brief_detail(brief: Brief) -> Detail:
    source = brief.source
    fields = [
        ("Article", source.title),
        ("Outlet", source.outlet or "not stated"),
        ("Author", source.author or "not stated"),
        ("Published", source.published.isoformat() if source.published else "not stated"),
        ("URL", source.url or "none"),
        ("Article text", f"{source.text} ({len(brief.paragraphs)} paragraphs)"),
        (
            "Contents",
            ", ".join(
                f"{section_count(brief, s)} {SECTION_TITLES[s].lower()}" for s in SECTIONS[1:-1]
            ),
        ),
    ]
    links = _mention_rows(brief, brief.id, brief.summary)
    if source.url:
        links.append(LinkRow("Web", f"url:{source.url}", source.url))
    markdown = [("Summary", brief.summary)] if brief.summary else []
    return Detail("brief", brief.title, "brief", fields, markdown, links)


def _paragraph_detail(brief: Brief, number: int) -> Detail | None:
    paragraph = brief.paragraph(number)
    if paragraph is None:
        return None
    links = [
        LinkRow("Cited by", item_key(item_id), link_label(brief, item_id))
        for item_id in _index(brief).items_citing(number)
    ]
    return Detail(
        para_key(number),
        f"Paragraph {number}",
        "paragraph",
        [("Text", paragraph.text), ("Line", str(paragraph.line))],
        [],
        links,
        (number,),
    )


def _item_detail(brief: Brief, item: Item) -> Detail:
    index = _index(brief)
    fields, markdown = _shown(brief, item)
    declared = specs(type(item))
    links: list[LinkRow] = []
    for link in index.links_from(item.id):
        spec = declared.get(link.field)
        if not link.mention and (spec is None or spec.shown):
            links.append(
                LinkRow(
                    spec.label if spec else link.field,
                    item_key(link.target),
                    link_label(brief, link.target),
                )
            )
    links.extend(
        LinkRow("Evidence in the source", para_key(number), _evidence_label(brief, item, number))
        for number in index.paragraphs_of(item.id)
    )
    links.extend(_incoming_row(brief, link) for link in index.links_to(item.id))
    texts = "\n\n".join(text for _, text in markdown)
    links.extend(_mention_rows(brief, item.id, texts))
    if isinstance(item, Position):
        title = f"{name_of(brief, item.actor)} on {name_of(brief, item.issue)}"
    elif isinstance(item, Event):
        title = link_label(brief, item.id)
    else:
        title = item.label
    return Detail(
        item_key(item.id),
        title,
        item.noun,
        fields,
        markdown,
        _group_in_order(links),
        index.paragraphs_of(item.id),
    )


def _shown(brief: Brief, item: Item) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The item's shown fields as (label, text), and its Markdown ones as (heading, Markdown).

    A REFS field is shown as links only, under its label; each entry of a list of records is a
    field of its own ("Evidence"); an empty field is left out unless it says what to show."""
    fields: list[tuple[str, str]] = []
    markdown: list[tuple[str, str]] = []
    for spec in shown_fields(type(item)):
        value = getattr(item, spec.name)
        if spec.kind is Kind.MARKDOWN:
            if value:
                markdown.append((spec.label, value))
        elif spec.kind is Kind.RECORDS:
            fields.extend((spec.label, entry_text(brief, entry)) for entry in value)
        elif spec.kind is not Kind.REFS:
            text = field_text(brief, spec, value) or spec.missing
            if text:
                fields.append((spec.label, text))
    return fields, markdown


def _mention_rows(brief: Brief, source: str, markdown: str | None) -> list[LinkRow]:
    rows = [
        LinkRow("Links in the text", item_key(link.target), link_label(brief, link.target))
        for link in _index(brief).links_from(source)
        if link.mention
    ]
    if markdown:
        rows.extend(
            LinkRow("Web links in the text", f"url:{url}", f"{text} <{url}>")
            for text, url in web_links(markdown)
        )
    return rows


def _incoming_row(brief: Brief, link: Link) -> LinkRow:
    if link.source == brief.id:  # a [[id]] in the brief's summary
        return LinkRow("Mentioned in", "brief", "The brief's summary")
    return LinkRow(
        _incoming_group(brief, link), item_key(link.source), link_label(brief, link.source)
    )


def _incoming_group(brief: Brief, link: Link) -> str:
    if link.mention:
        return "Mentioned in"
    source = brief.item(link.source)
    spec = specs(type(source)).get(link.field) if source is not None else None
    return spec.backlink if spec and spec.backlink else f"Linked from ({link.field})"


def _group_in_order(links: list[LinkRow]) -> list[LinkRow]:
    """Rows grouped by heading, headings in order of first appearance, duplicates dropped."""
    groups: dict[str, list[LinkRow]] = {}
    seen: set[tuple[str, str]] = set()
    for row in links:
        if (row.group, row.key) in seen:
            continue
        seen.add((row.group, row.key))
        groups.setdefault(row.group, []).append(row)
    return [row for rows in groups.values() for row in rows]


def _index(brief: Brief) -> LinkIndex:
    assert brief.links is not None, "views need a brief from load_brief()"
    return brief.links


def link_label(brief: Brief, item_id: str) -> str:
    """An item's name in a list of links: a position or quote with its actor, an event dated."""
    item = brief.item(item_id)
    if item is None:
        return item_id
    if isinstance(item, Position):
        return f"{name_of(brief, item.actor)}: {item.stance}"
    if isinstance(item, Quote):
        return f"{name_of(brief, item.speaker)}: “{item.text}”"
    if isinstance(item, Event):
        return f"{item.date.isoformat()} {_plain(brief, item.text)}"
    return item.label


def _plain(brief: Brief, markdown: str) -> str:
    return plain_text(markdown, lambda item_id: name_of(brief, item_id))


def _evidence_label(brief: Brief, item: Item, number: int) -> str:
    """A cited paragraph, with the first words the item quotes from it."""
    words = [quoted for para, quoted in citations(item) if para == number and quoted]
    return f"¶{number}" + (f" “{words[0]}”" if words else "")
