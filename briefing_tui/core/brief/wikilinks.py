"""``[[id]]`` links in Markdown: found by parsing with markdown-it-py plus a small inline rule,
so a ``[[x]]`` inside a code span or after a backslash is text, as a reader would expect, and
not a link."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

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
