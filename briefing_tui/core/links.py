"""Cross-links of a brief: ``[[id]]`` links in Markdown and the index of links and backlinks.

``[[id]]`` links are found by parsing Markdown with markdown-it-py plus a small inline rule, so
a ``[[x]]`` inside a code span or after a backslash is text, as a reader would expect, and not
a link.

The :class:`LinkIndex` is built once when a brief loads. For every item it knows the links going
out (a position's actor and issue, a quote's speaker, a question's ``bears_on``, ``[[id]]``
mentions in its Markdown, ...) and the links coming in (an actor's positions, quotes and events,
an issue's positions, a position's questions), and for every paragraph of the source the items
that cite it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

from .fields import Kind, specs
from .model import Event, Item, Position, Question, Quote

WIKILINK = "wikilink"


def _wikilink_rule(state: StateInline, silent: bool) -> bool:
    """Inline rule: ``[[target]]`` becomes a ``wikilink`` token whose ``meta['target']`` is set."""
    src, start = state.src, state.pos
    if not src.startswith("[[", start):
        return False
    end = src.find("]]", start + 2)
    if end < 0:
        return False
    target = src[start + 2 : end].strip()
    if not target or "\n" in target or "[" in target:
        return False
    if not silent:
        token = state.push(WIKILINK, "", 0)
        token.content = target
        token.meta = {"target": target, "offset": start}
    state.pos = end + 2
    return True


def wikilink_plugin(md: MarkdownIt) -> None:
    """markdown-it-py plugin that recognises ``[[id]]`` links (usable by the UI's renderer)."""
    md.inline.ruler.before("link", WIKILINK, _wikilink_rule)


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").use(wikilink_plugin)


def wikilinks(markdown: str) -> list[str]:
    """The ``[[id]]`` targets of a Markdown text, in reading order."""
    if "[[" not in markdown:  # a fast path only: parsing decides what is a link
        return []
    found: list[str] = []
    for block in _parser().parse(markdown):
        for token in block.children or ():
            if token.type == WIKILINK:
                found.append(token.meta["target"])
    return found


def plain_text(markdown: str, name_of: Callable[[str], str]) -> str:
    """A one-line plain rendering of Markdown for list rows: ``[[id]]`` becomes
    ``name_of(id)``, emphasis marks and link syntax go, code keeps its text."""
    if not any(mark in markdown for mark in "[*_`<>#\\&\n"):
        return markdown
    words: list[str] = []
    for block in _parser().parse(markdown):
        for token in block.children or ():
            if token.type == WIKILINK:
                words.append(name_of(token.meta["target"]))
            elif token.type in ("text", "code_inline", "html_inline"):
                words.append(token.content)
            elif token.type in ("softbreak", "hardbreak"):
                words.append(" ")
        if block.type == "inline":
            words.append(" ")
    return " ".join("".join(words).split())


def web_links(markdown: str) -> list[tuple[str, str]]:
    """The (text, url) of the links to web pages in a Markdown text, in reading order."""
    if "http" not in markdown:  # a fast path only: parsing decides what is a link
        return []
    found: list[tuple[str, str]] = []
    for block in _parser().parse(markdown):
        children = block.children or ()
        for index, token in enumerate(children):
            if token.type != "link_open":
                continue
            href = str(token.attrs.get("href", ""))
            if href.startswith(("http://", "https://")):
                text = children[index + 1].content if index + 1 < len(children) else href
                found.append((text or href, href))
    return found


@dataclass(frozen=True, slots=True)
class WikilinkPlace:
    """Where a ``[[id]]`` link stands in its Markdown text, to locate it in the file."""

    target: str
    line: int  # 0-based line of the Markdown text
    nth: int  # how many '[[target' come before it on that line (code spans included)
    nth_in_text: int  # how many come before it in the whole text


def wikilink_places(markdown: str) -> list[WikilinkPlace]:
    """The ``[[id]]`` links of a Markdown text with their places, in reading order."""
    if "[[" not in markdown:
        return []
    places: list[WikilinkPlace] = []
    for block in _parser().parse(markdown):
        if block.map is None or not block.children:
            continue
        content = block.content
        for token in block.children:
            if token.type != WIKILINK:
                continue
            target, offset = token.meta["target"], token.meta["offset"]
            line_start = content.rfind("\n", 0, offset) + 1
            before = content[line_start:offset]
            line = block.map[0] + content.count("\n", 0, offset)
            nth = before.count("[[" + target)
            line_start_in_md = _offset_of_line(markdown, line)
            nth_in_text = markdown.count("[[" + target, 0, line_start_in_md)
            places.append(WikilinkPlace(target, line, nth, nth_in_text + nth))
    return places


def _offset_of_line(text: str, line: int) -> int:
    """Index in ``text`` where 0-based line ``line`` starts."""
    offset = 0
    for _ in range(line):
        found = text.find("\n", offset)
        if found < 0:
            return len(text)
        offset = found + 1
    return offset


@dataclass(frozen=True, slots=True)
class Link:
    """A link from one item to another, named by the field it was written in."""

    source: str
    target: str
    field: str  # "actor", "issue", "speaker", "part_of", "bears_on", "actors" or a Markdown field
    mention: bool = False  # True when written as [[id]] in Markdown


@dataclass(frozen=True, slots=True)
class LinkIndex:
    """Outgoing links, backlinks and paragraph citations of every item of a brief."""

    outgoing: Mapping[str, tuple[Link, ...]]
    incoming: Mapping[str, tuple[Link, ...]]
    citing: Mapping[int, tuple[str, ...]]  # paragraph number -> ids of items citing it
    cited: Mapping[str, tuple[int, ...]]  # item id -> paragraph numbers it cites

    def links_from(self, item_id: str) -> tuple[Link, ...]:
        """Links written in the item, in field order."""
        return self.outgoing.get(item_id, ())

    def links_to(self, item_id: str) -> tuple[Link, ...]:
        """Links from other items to this one (its backlinks)."""
        return self.incoming.get(item_id, ())

    def items_citing(self, paragraph: int) -> tuple[str, ...]:
        """Ids of the items whose evidence or quote is in ``paragraph``."""
        return self.citing.get(paragraph, ())

    def paragraphs_of(self, item_id: str) -> tuple[int, ...]:
        """Paragraph numbers the item cites, in the order it cites them."""
        return self.cited.get(item_id, ())


def cited_paragraphs(item: Item) -> tuple[int, ...]:
    """The source paragraphs an item points at (its evidence, or a quote's paragraph)."""
    if isinstance(item, Quote):
        return (item.para,)
    if isinstance(item, Position | Question | Event):
        return tuple(dict.fromkeys(e.para for e in item.evidence))
    return ()


def build_index(items: Iterable[Item], mentions: Mapping[str, list[tuple[str, str]]]) -> LinkIndex:
    """Index the links of ``items``; ``mentions`` maps a source id to its (field, target) pairs
    found as ``[[id]]`` in Markdown (the brief's own id for its summary)."""
    outgoing: dict[str, list[Link]] = defaultdict(list)
    incoming: dict[str, list[Link]] = defaultdict(list)
    citing: dict[int, list[str]] = defaultdict(list)
    cited: dict[str, tuple[int, ...]] = {}

    def add(link: Link) -> None:
        outgoing[link.source].append(link)
        incoming[link.target].append(link)

    for item in items:
        for name in _ref_fields(type(item)):
            value = getattr(item, name)
            for target in (value,) if isinstance(value, str) else value:
                add(Link(item.id, target, name))
        paragraphs = cited_paragraphs(item)
        if paragraphs:
            cited[item.id] = paragraphs
            for number in paragraphs:
                citing[number].append(item.id)
    for source, pairs in mentions.items():
        for field_name, target in dict.fromkeys(pairs):
            add(Link(source, target, field_name, mention=True))
    return LinkIndex(
        outgoing={k: tuple(v) for k, v in outgoing.items()},
        incoming={k: tuple(v) for k, v in incoming.items()},
        citing={k: tuple(v) for k, v in citing.items()},
        cited=cited,
    )


@cache
def _ref_fields(cls: type) -> tuple[str, ...]:
    return tuple(name for name, spec in specs(cls).items() if spec.kind in (Kind.REF, Kind.REFS))
