"""Markdown export of the reader's annotations of a brief (the format is in ``docs/export.md``).

The document is flat YAML front matter, the brief's title and source, then the annotated items:
positions under their issue, questions with their estimates, other items, and the stale and
orphaned notes, then a *keep region* for the reader's own additions and a trailer line holding a
hash of everything generated. Every annotation passed in appears exactly once.

Text from briefs and notes is untrusted as far as the document's structure goes. Brief text is
made *literal*: Markdown that renders as exactly that text (:func:`literal`). A reader's note is
Markdown, and keeps its inline formatting (emphasis, code, web links) and its lines; any other
syntax in it is shown as typed (:func:`note_lines`). Neither can open a heading, list, table,
code block, alert, raw HTML, front matter or a link to anything but a web or mail address.

Re-exporting over an existing file goes through :func:`write_export`, which carries the keep
region over and refuses to replace a file that was edited elsewhere (or was not an export)
unless told to.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import stat
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .annotations import Annotation, Review, estimate_words, review
from .atomicfile import write_atomic
from .loader import source_path
from .model import Actor, Brief, Event, Evidence, Item, Position, Question, Quote
from .printable import printable
from .views import ATTRIBUTION_WORDS

MARK_PHRASES = {"agree": "You agree", "disagree": "You disagree", "doubt": "You doubt it"}
FLAG_WORDS = {"star": "★ star", "follow-up": "follow-up"}

KEEP_START = "<!-- briefing-tui:keep -->"
KEEP_END = "<!-- /briefing-tui:keep -->"
_TRAILER = re.compile(r"<!-- briefing-tui:export sha256=([0-9a-f]{64}) -->")
_KEEP_HINT = (
    "<!-- Write between the two keep markers below: briefing-tui carries that text over when"
    " it exports this brief again. It refuses to overwrite this file without --force if"
    " anything else in it was changed. -->"
)


# -- escaping: text that renders as itself ------------------------------------------------------

# Characters that start inline syntax anywhere: escape, code, emphasis, links and footnotes,
# autolinks and HTML, Obsidian tags and headings, table cells, strikethrough, math. Then those
# that matter only in company: an entity (&name;), Obsidian's %%comment%% and ==highlight==.
# "<" becomes "&lt;" rather than "\<": renderers that turn bare URLs into links (markdown-it's
# linkify, as in VS Code) take a backslash after a URL into the link, and the "<" after it
# would open raw HTML again; with no "<" in the text at all, nothing can.
_INLINE = re.compile(r"[\\`*_\[\]<#|~$]|&(?=#?[A-Za-z0-9]+;)|%(?=%)|(?<=%)%|=(?==)|(?<==)=")
# What opens a block at the start of a line once the other characters are escaped: a list item,
# thematic break or setext underline (- + =), a block quote (>), an ordered list item (1. 1)).
_LINE_START = re.compile(r"[-+=>]|\d{1,9}(?=[.)])")
_SPACE = re.compile(r"\s+")
_WIKILINK = re.compile(r"\[\[\s*([a-z0-9-]+)\s*\]\]")


def _escaped(match: re.Match[str]) -> str:
    return "&lt;" if match.group() == "<" else "\\" + match.group()


def _escape_inline(text: str) -> str:
    return _INLINE.sub(_escaped, text)


def _escape_line(text: str) -> str:
    """One line of text, escaped as if it started a line (leading blanks dropped)."""
    text = _escape_inline(text.lstrip(" \t"))
    start = _LINE_START.match(text)
    if start is None:
        return text
    if start.group()[0].isdigit():  # "1. x" -> "1\. x"
        end = start.end()
        return text[:end] + "\\" + text[end:]
    return "\\" + text


def clean(text: str) -> str:
    """Text with line ends made ``\\n`` and control characters (and bidi overrides) made visible:
    a carriage return would otherwise start a new Markdown line."""
    return printable(text.replace("\r\n", "\n").replace("\r", "\n"))


# Text with none of these needs no work (the export's speed on 10,000 notes rests on it):
# nothing to escape, no control character, no white space but single spaces.
_NOT_PLAIN = re.compile(
    r"[\\`*_\[\]<#|~$&%=\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|[^\S ]|  "
)


def _is_plain(text: str) -> bool:
    """Whether ``text`` is its own Markdown, even at the start of a line, after cleaning."""
    return (
        bool(text)
        and text[0] not in " -+>0123456789"
        and text[-1] != " "
        and _NOT_PLAIN.search(text) is None
    )


def literal(text: str) -> str:
    """Inline Markdown that renders as ``text`` on one line (runs of white space fold to one
    space), wherever it is put: at the start of a line, in a heading, list item or quote."""
    if _is_plain(text):
        return text
    return _escape_line(_SPACE.sub(" ", clean(text)).strip())


_CODE_NOT_PLAIN = re.compile(r"[`\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|[^\S ]|  ")


def code_span(text: str) -> str:
    """A code span showing ``text`` (on one line) literally, fenced so nothing can close it."""
    if text[:1] not in ("", " ") and text[-1] != " " and not _CODE_NOT_PLAIN.search(text):
        return f"`{text}`"
    text = _SPACE.sub(" ", clean(text))
    runs = {len(run) for run in re.findall("`+", text)}
    fence = "`" * next(n for n in range(1, len(runs) + 2) if n not in runs)
    if text.strip() and (text[0] in "` " or text[-1] in "` "):
        text = f" {text} "  # one space each side is stripped again by every renderer
    return f"{fence}{text}{fence}"


def _safe_url(url: str) -> str:
    """A link destination for ``[text](<url>)``: what could end or escape it percent-encoded,
    and an ``&`` that would read as an entity escaped (``&amp;`` stays those five characters)."""
    url = re.sub(r"[\s<>\\\x00-\x1f\x7f]", lambda m: f"%{ord(m.group()):02X}", url)
    return re.sub(r"&(?=#?[A-Za-z0-9]+;)", r"\\&", url)


def is_web_url(url: str) -> bool:
    """Whether a link may point there: web pages and mail addresses only."""
    return url.lower().startswith(("http://", "https://", "mailto:"))


# -- a reader's note: their Markdown, minus anything that could break out ------------------------


@cache
def _note_parser() -> MarkdownIt:
    """Paragraphs and the inline syntax a note keeps; every other rule is off, so a heading,
    list, table, fence, quote or HTML in a note is plain text here and escaped on output."""
    parser = MarkdownIt("zero").enable(
        ["newline", "escape", "backticks", "emphasis", "link", "autolink", "entity"]
    )
    parser.validateLink = is_web_url  # type: ignore[method-assign]
    # Targets are kept as written (escapes and entities resolved); _safe_url encodes what
    # could end them. markdown-it's own normalising (percent-encoding, punycode) is a third of
    # the time of a note with a link.
    parser.normalizeLink = str  # type: ignore[method-assign]
    parser.normalizeLinkText = str  # type: ignore[method-assign]
    return parser


# A note without these characters has no inline syntax to keep: it is escaped line by line,
# without the (comparatively slow) parser.
_NOTE_SYNTAX = re.compile(r"[\\`*_\[<&]")


class _Lines:
    """Builds the lines of one paragraph; each line break is written as a hard break (``\\``)
    so the reader's lines stay lines, and text at the start of a line is escaped as such."""

    def __init__(self) -> None:
        self.lines: list[list[str]] = [[]]
        self.at_start = True
        self.code_as_text = False  # a code span was written as text (see after_url)

    def text(self, text: str, *, before_link: bool = False) -> None:
        if "\n" in text:  # a line ends only by line_break(), never inside a piece
            text = text.replace("\n", " ")
        if self.at_start and _is_plain(text) and text[-1] != "!":
            self.lines[-1].append(text)
            self.at_start = False
            return
        if self.at_start:
            text = text.lstrip(" \t")
            if not text:
                return
            text = _escape_line(text)
            self.at_start = False
        else:
            text = _escape_inline(text)
        if before_link and text.endswith("!"):  # "![...](...)" would be an image
            text = text[:-1] + "\\!"
        self.lines[-1].append(text)

    def after_url(self) -> bool:
        """Whether the line so far ends in a word with a URL in it: a renderer that links bare
        URLs takes everything up to the next blank into the link, backticks included."""
        line = "".join(self.lines[-1])
        return bool(line) and not line[-1].isspace() and "://" in line.split()[-1]

    def raw(self, markup: str) -> None:
        self.lines[-1].append(markup)
        self.at_start = False

    def line_break(self) -> None:
        self.lines.append([])
        self.at_start = True

    def result(self) -> list[str]:
        lines = ["".join(parts).rstrip(" \t") for parts in self.lines]
        lines = [line for line in lines if line.strip()]  # also lines of only U+2028, NBSP...
        return [_with_break(line) for line in lines[:-1]] + lines[-1:]


def _with_break(line: str) -> str:
    """A line ending in a hard break: a backslash, or two spaces after an emphasis delimiter,
    which must stay followed by white space (as the line end was) to pair as it did."""
    return line + ("  " if line.endswith(("*", "_")) else "\\")


_EMPHASIS = ("em_open", "em_close", "strong_open", "strong_close")


def _inline(children: Sequence[Token], out: _Lines, *, emphasis: bool = True) -> None:
    hrefs: list[str | None] = []
    for index, token in enumerate(children):
        kind = token.type
        if kind == "text":
            following = children[index + 1].type if index + 1 < len(children) else ""
            out.text(token.content, before_link=following == "link_open")
        elif kind in ("softbreak", "hardbreak"):
            out.line_break()
        elif kind in _EMPHASIS:
            if emphasis:
                out.raw(token.markup)
        elif kind == "code_inline":
            if out.after_url():  # the link would open the code span: its content as text
                out.text(_SPACE.sub(" ", token.content))
                out.code_as_text = True
            else:
                out.raw(code_span(token.content))
        elif kind == "link_open":
            href = str(token.attrGet("href") or "")
            hrefs.append(href if is_web_url(href) else None)  # "[x]()": the text alone
            if is_web_url(href):
                out.raw("[")
        elif kind == "link_close":
            href = hrefs.pop() if hrefs else None
            if href is not None:
                out.raw(f"](<{_safe_url(href)}>)")
        else:  # no other rule is on; anything else is shown as its text
            out.text(token.content)


def _paragraph(children: Sequence[Token], source: str) -> list[str]:
    """The lines of one paragraph of a note (``source``: its text).

    Emphasis depends on its neighbours (CommonMark's flanking rules). Escaping a neighbour
    keeps its kind (punctuation stays punctuation), but splitting a run like ``***`` into
    delimiters and an escaped ``*``, an entity that stood for a letter, or a code span
    written as text can change what pairs up. So such a paragraph is read back, and if it does
    not read as the note did, it is written again without emphasis: the words are kept, the
    italics lost.
    """
    out = _Lines()
    _inline(children, out)
    lines = out.result()
    if _emphasis_at_risk(children, source, out):
        again = _note_parser().parseInline("\n".join(lines))[0].children or []
        if inline_signature(again) != inline_signature(children):
            out = _Lines()
            _inline(children, out, emphasis=False)
            lines = out.result()
    return lines


def _emphasis_at_risk(children: Sequence[Token], source: str, out: _Lines) -> bool:
    """Whether writing ``children`` may have changed how their emphasis pairs up."""
    if out.code_as_text or "&" in source:
        return any(token.type in _EMPHASIS for token in children)
    for index, token in enumerate(children):
        if token.type not in _EMPHASIS:
            continue
        before = children[index - 1] if index else None
        after = children[index + 1] if index + 1 < len(children) else None
        if before is not None and before.type == "text" and before.content[-1:] in ("*", "_"):
            return True
        if after is not None and after.type == "text" and after.content[:1] in ("*", "_"):
            return True
    return False


def inline_signature(children: Sequence[Token]) -> list[tuple[str, str]]:
    """What inline tokens show, for comparing two readings: text, line breaks, emphasis, code
    and links with their targets; white space folded, and blank lines and blanks at the ends
    of lines left out (the export drops them)."""
    signature: list[tuple[str, str]] = []
    for token in children:
        kind, content = token.type, token.content
        if kind in ("softbreak", "hardbreak"):
            _trim_end(signature)
            if signature and signature[-1][0] != "break":
                signature.append(("break", ""))
            continue
        if kind == "link_open":
            content = str(token.attrGet("href") or "")
        elif kind in ("text", "code_inline"):
            content = _SPACE.sub(" ", content)
        else:
            content = ""
        if kind == "text":
            if signature and signature[-1][0] == "text":
                content = _SPACE.sub(" ", signature.pop()[1] + content)
            if not signature or signature[-1][0] == "break":
                content = content.lstrip()
            if not content:
                continue
        signature.append((kind, content))
    _trim_end(signature)
    while signature and signature[-1][0] == "break":
        signature.pop()
        _trim_end(signature)
    return signature


def _trim_end(signature: list[tuple[str, str]]) -> None:
    if signature and signature[-1][0] == "text":
        text = signature.pop()[1].rstrip()
        if text:
            signature.append(("text", text))


def _paragraph_sources(text: str) -> list[str]:
    """The paragraphs of a note as markdown-it reads them when paragraphs are its only block:
    split at lines of nothing but spaces and tabs, each stripped."""
    sources = []
    for part in re.split(r"\n(?:[ \t]*\n)+", "\n" + text + "\n"):
        if part.strip():
            sources.append(part.strip())
    return sources


def note_lines(note: str) -> list[str]:
    """The reader's note as Markdown lines to put inside a container (e.g. after ``> ``).

    Paragraphs, line breaks, emphasis, code spans and web links are kept; everything else the
    note holds (``#``, ``---``, ``|``, ``<script>``, ``> [!WARNING]``, a ``javascript:``
    link...) is escaped so that it renders as typed. Paragraphs are separated by ``""``.
    """
    lines = note.split("\n")
    if all(_is_plain(line) for line in lines):  # most notes: nothing to escape or parse
        return [line + "\\" for line in lines[:-1]] + lines[-1:]
    text = clean(note)
    paragraphs: list[list[str]] = []
    if _NOTE_SYNTAX.search(text) is None:
        block: list[str] = []
        for line in [*text.split("\n"), ""]:
            if line.strip(" \t"):
                block.append(line)
            elif block:
                out = _Lines()
                for number, part in enumerate(block):
                    if number:
                        out.line_break()
                    out.text(part)
                paragraphs.append(out.result())
                block = []
    else:
        for source in _paragraph_sources(text):
            children = _note_parser().parseInline(source)[0].children or []
            paragraphs.append(_paragraph(children, source))
    lines = []
    for paragraph in filter(None, paragraphs):
        lines.extend([""] if lines else [])
        lines.extend(paragraph)
    return lines


def quoted(lines: Iterable[str]) -> list[str]:
    """Lines inside a block quote (``> ``), blank ones kept as ``>``."""
    return [f"> {line}" if line else ">" for line in lines]


# -- YAML front matter ---------------------------------------------------------------------------

# Characters YAML does not allow raw in a double-quoted scalar, or that would break its line.
_YAML_RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def yaml_quoted(value: str | None) -> str:
    """A YAML scalar for ``value``: JSON's double-quoted string (valid YAML, once what YAML
    forbids raw is escaped too), or ``null``."""
    if value is None:
        return "null"
    text = json.dumps(value, ensure_ascii=False)
    return _YAML_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def front_matter(fields: Mapping[str, str | Sequence[str] | None]) -> list[str]:
    """Flat YAML front matter: one ``key: value`` line per field, lists in flow style."""
    lines = ["---"]
    for key, value in fields.items():
        if isinstance(value, str) or value is None:
            lines.append(f"{key}: {yaml_quoted(value)}")
        else:
            lines.append(f"{key}: [{', '.join(yaml_quoted(v) for v in value)}]")
    lines.append("---")
    return lines


# -- the document --------------------------------------------------------------------------------


def export_markdown(
    brief: Brief, annotations: Mapping[str, Annotation], *, exported: dt.datetime
) -> str:
    """The Markdown export of ``annotations`` (by item id) of ``brief``, with an empty keep
    region and the trailer line. ``exported`` is shown in UTC (a naive time is taken as UTC)."""
    return _Document(brief, annotations, exported).text()


def _utc(moment: dt.datetime) -> dt.datetime:
    moment = moment.astimezone(dt.UTC) if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return moment.replace(microsecond=0)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


class _Document:
    def __init__(
        self, brief: Brief, annotations: Mapping[str, Annotation], exported: dt.datetime
    ) -> None:
        self.brief = brief
        self.all = list(annotations.values())
        self.exported = _utc(exported)
        self.review: Review = review({a.item: a for a in self.all}, brief)
        self.lines: list[str] = []
        self.placed: set[str] = set()  # items whose (current) annotation is written already

    # output helpers

    def block(self, lines: Iterable[str]) -> None:
        """Append a block, separated from the one before by a blank line."""
        lines = list(lines)
        if lines:
            if self.lines:
                self.lines.append("")
            self.lines.extend(lines)

    def name(self, item_id: str) -> str:
        item = self.brief.item(item_id)
        return item.label if item is not None else item_id

    # the parts

    def text(self) -> str:
        brief, source = self.brief, self.brief.source
        tags = sorted({tag for a in self.all for tag in a.tags if tag})
        self.lines.extend(
            front_matter(
                {
                    "title": brief.title,
                    "brief": brief.id,
                    "source_title": source.title,
                    "source_outlet": source.outlet,
                    "source_url": source.url,
                    "source_published": (
                        source.published.isoformat() if source.published else None
                    ),
                    "exported": self.exported.strftime("%Y-%m-%dT%H:%M:%SZ"),
                    "tags": tags,
                }
            )
        )
        self.block([f"# {literal(brief.title)}"])
        self.block([self.source_line()])
        self.block([self.count_line()])
        self.issues()
        self.questions()
        self.others()
        self.stale_and_orphaned()
        self.block(["## Your notes"])
        self.block([_KEEP_HINT, KEEP_START, KEEP_END])
        body = "\n".join(self.lines) + "\n"
        return body + f"<!-- briefing-tui:export sha256={_digest(body)} -->\n"

    def source_line(self) -> str:
        source = self.brief.source
        parts = [f"Source: “{literal(source.title)}”"]
        parts.extend(literal(x) for x in (source.outlet, source.author) if x)
        if source.published:
            parts.append(source.published.isoformat())
        line = ", ".join(parts)
        if source.url:
            line += f", [{literal(source.url)}](<{_safe_url(source.url)}>)"
        stamp = self.exported.strftime("%Y-%m-%d %H:%M UTC")
        return f"{line}. Exported by briefing-tui on {stamp}."

    def count_line(self) -> str:
        if not self.all:
            return "No notes on this brief yet."
        line = f"Your notes on {_plural(len(self.all), 'item')}"
        extra = [
            f"{len(group)} {word}"
            for group, word in ((self.review.stale, "stale"), (self.review.orphans, "orphaned"))
            if group
        ]
        return line + (f" ({', '.join(extra)})." if extra else ".")

    def issues(self) -> None:
        current = {a.item: a for a in self.review.current}
        positions: dict[str, list[Position]] = {}
        for position in self.brief.positions:
            if position.id in current:
                positions.setdefault(position.issue, []).append(position)
        for issue in self.brief.issues:
            if issue.id not in current and issue.id not in positions:
                continue
            self.block([f"## {literal(issue.title)}"])
            if issue.id in current:
                self.reader_part(current[issue.id], issue)
                self.placed.add(issue.id)
            for position in positions.get(issue.id, ()):
                self.position(position, current[position.id])
                self.placed.add(position.id)

    def position(self, position: Position, annotation: Annotation) -> None:
        self.block([f"### {literal(self.name(position.actor))}"])
        self.block([literal(position.stance)])
        attribution = ATTRIBUTION_WORDS.get(position.attribution, position.attribution)
        self.reader_part(annotation, position, [("Attribution", literal(attribution))])
        self.evidence(position.evidence)

    def evidence(self, evidence: Iterable[Evidence]) -> None:
        lines: list[str] = []
        for entry in evidence:
            if entry.quote:
                line = f"¶{entry.para}: “{literal(entry.quote)}”"
            else:
                paragraph = self.brief.paragraph(entry.para)
                line = f"¶{entry.para}" + (
                    f" (the whole paragraph): {literal(paragraph.text)}" if paragraph else ""
                )
            lines.extend([""] if lines else [])
            lines.append(line)
        self.block(quoted(lines))

    def questions(self) -> None:
        asked = [a for a in self.review.current if isinstance(self.brief.item(a.item), Question)]
        if not asked:
            return
        self.block(["## Questions"])
        for annotation in asked:
            question = self.brief.item(annotation.item)
            assert question is not None
            self.block([f"### {literal(question.label)}"])
            self.reader_part(annotation, question)
            self.placed.add(annotation.item)

    def others(self) -> None:
        rest = [a for a in self.review.current if a.item not in self.placed]
        if not rest:
            return
        self.block(["## Other notes"])
        for annotation in rest:
            item = self.brief.item(annotation.item)
            assert item is not None
            self.block([f"### {self.heading_of(item)}"])
            self.item_text(item)
            self.reader_part(annotation, item)

    def heading_of(self, item: Item) -> str:
        if isinstance(item, Actor):
            return f"Actor: {literal(item.name)}"
        if isinstance(item, Quote):
            return f"Quote by {literal(self.name(item.speaker))}"
        if isinstance(item, Event):
            return f"Event of {item.date.isoformat()}"
        if isinstance(item, Position):
            return f"Position of {literal(self.name(item.actor))}"
        return f"{item.noun.capitalize()}: {literal(item.label)}"

    def item_text(self, item: Item) -> None:
        """What an item says, for an entry whose heading does not."""
        if isinstance(item, Quote):
            self.block(quoted([f"¶{item.para}: “{literal(item.text)}”"]))
        elif isinstance(item, Event):  # the author's Markdown, [[id]] links made names
            self.block(note_lines(_WIKILINK.sub(lambda m: self.name(m.group(1)), item.text)))
        elif isinstance(item, Position):
            self.block([literal(item.stance)])
        elif isinstance(item, Actor) and item.role:
            self.block([literal(item.role)])

    def stale_and_orphaned(self) -> None:
        if not (self.review.stale or self.review.orphans):
            return
        self.block(["## Stale and orphaned notes"])
        for annotation in self.review.stale:
            item = self.brief.item(annotation.item)
            assert item is not None
            self.block([f"### {self.heading_of(item)}"])
            self.block(
                quoted(
                    [
                        "[!WARNING]",
                        "The item was reworded after you annotated it.",
                        "",
                        f"**Then:** {literal(annotation.anchor.text)}",
                        "",
                        f"**Now:** {literal(item.body)}",
                    ]
                )
            )
            self.reader_part(annotation, item)
        for annotation in self.review.orphans:
            self.block([f"### Gone: {code_span(annotation.item)}"])
            self.block(
                quoted(
                    [
                        "[!WARNING]",
                        "This item is no longer in the brief.",
                        "",
                        f"**Then:** {literal(annotation.anchor.text)}",
                    ]
                )
            )
            self.reader_part(annotation, None)

    def reader_part(
        self,
        annotation: Annotation,
        item: Item | None,
        extra: Sequence[tuple[str, str]] = (),
    ) -> None:
        """The reader's mark, flags, tags, estimate and note, as a list and a NOTE alert.
        A position always says its mark ("No mark" too); other items only when marked."""
        mark = annotation.mark
        fields: list[tuple[str, str]] = []
        if mark or isinstance(item, Position):  # positions are triaged: "No mark" says so
            fields.append(("Mark", MARK_PHRASES.get(mark, literal(mark)) if mark else "No mark"))
        if annotation.flags:
            flags = (FLAG_WORDS.get(f, literal(f)) for f in annotation.flags)
            fields.append(("Flags", ", ".join(flags)))
        tags = [code_span(tag) for tag in annotation.tags if tag]  # "" has no code span
        if tags:
            fields.append(("Tags", ", ".join(tags)))
        if annotation.estimate is not None:
            percent = f"{round(annotation.estimate * 100, 1):g}%"
            fields.append(("Estimate", f"{percent}, {estimate_words(annotation.estimate)}"))
        fields.extend(extra)
        where = f"{item.noun} " if item is not None else ""
        fields.append(("Item", where + code_span(annotation.item)))
        self.block(f"- **{label}:** {value}" for label, value in fields)
        note = note_lines(annotation.note) if annotation.note.strip() else []
        if note:
            self.block(quoted(["[!NOTE]", *note]))


# -- the file on disk: keep region and trailer ---------------------------------------------------


def _normalised(text: str) -> str:
    """What the hash covers: line ends made ``\\n``, spaces and tabs at the ends of lines and
    blank lines at the end dropped, so an editor that rewrites those does not count as an
    edit. (The checks first: on the 5 MB export of 10,000 notes, rewriting costs 50 ms.)"""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if " \n" in text or "\t\n" in text or text.endswith((" ", "\t")):
        text = "\n".join(line.rstrip(" \t") for line in text.split("\n"))
    return text.strip("\n")


def _digest(text: str) -> str:
    return hashlib.sha256(_normalised(text).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ExistingExport:
    """What an existing file says about itself."""

    ours: bool  #: it ends with a trailer line: written by this exporter
    edited: bool  #: something outside its keep region changed since it was written
    kept: tuple[str, ...] | None  #: the lines of its keep region; None when it has none


def read_export(text: str) -> ExistingExport:
    """Inspect a file that an export is about to replace."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    stripped = [line.strip() for line in lines]
    kept: tuple[str, ...] | None = None
    outside = list(lines)
    if KEEP_START in stripped:
        start = stripped.index(KEEP_START)
        if KEEP_END in stripped[start + 1 :]:
            end = stripped.index(KEEP_END, start + 1)
            kept = tuple(lines[start + 1 : end])
            outside = lines[: start + 1] + lines[end:]
    for index in range(len(outside) - 1, -1, -1):
        match = _TRAILER.fullmatch(outside[index].strip())
        if match:
            rest = outside[:index] + outside[index + 1 :]
            edited = _digest("\n".join(rest)) != match.group(1)
            return ExistingExport(ours=True, edited=edited, kept=kept)
    return ExistingExport(ours=False, edited=True, kept=kept)


def with_kept(text: str, kept: Sequence[str]) -> str:
    """An export's text with ``kept`` lines put into its (empty) keep region."""
    if not kept:
        return text
    empty = f"\n{KEEP_START}\n{KEEP_END}\n"
    return text.replace(empty, f"\n{KEEP_START}\n" + "\n".join(kept) + f"\n{KEEP_END}\n", 1)


class ExportRefused(Exception):
    """The target file holds the reader's own work that an export would destroy."""


@dataclass(frozen=True)
class Written:
    """What :func:`write_export` did."""

    path: Path
    notes: int  #: annotations exported
    kept_lines: int  #: lines of the keep region carried over
    replaced: bool  #: a file was there before


def write_export(
    path: Path,
    brief: Brief,
    annotations: Mapping[str, Annotation],
    *,
    exported: dt.datetime,
    force: bool = False,
) -> Written:
    """Export to ``path`` atomically, carrying over the keep region of the file already there.

    Raises :class:`ExportRefused` when that file is not an export of briefing-tui or was edited
    outside its keep region, unless ``force``; the keep region is carried over in any case.
    Raises PermissionError, ``force`` or not, when ``path`` is the brief or its article.
    """
    if is_input_of(brief, path):
        raise PermissionError(f"{path} is the brief or its article; an export never replaces it")
    text = export_markdown(brief, annotations, exported=exported)
    kept: tuple[str, ...] = ()
    replaced = path.exists()
    mode = _new_file_mode()
    if replaced:
        mode = stat.S_IMODE(path.stat().st_mode)
        try:
            existing = read_export(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            existing = ExistingExport(ours=False, edited=True, kept=None)
        if not force and not existing.ours:
            raise ExportRefused(
                f"{path} exists and is not an export of briefing-tui; not overwritten"
                " (--force replaces it)"
            )
        if not force and existing.edited:
            raise ExportRefused(
                f"{path} was edited outside its keep region since it was exported; not"
                " overwritten (--force replaces it, keeping what is between the keep markers)"
            )
        kept = existing.kept or ()
    write_atomic(path, with_kept(text, kept))
    # write_atomic leaves a new file private (0600, from mkstemp): an export is a document to
    # share, so it gets the mode of the file it replaces, or what the umask gives a new file.
    path.chmod(mode)
    return Written(path, len(annotations), len(kept), replaced)


def is_input_of(brief: Brief, path: Path) -> bool:
    """Whether ``path`` is the brief's file or its article."""
    if brief.path == Path():  # a brief made in memory has no files
        return False
    inputs = (brief.path, source_path(brief.path, brief.source.text))
    return any(path.resolve() == p.resolve() for p in inputs)


def _new_file_mode() -> int:
    umask = os.umask(0o022)  # reading the umask means setting it; it is put back at once
    os.umask(umask)
    return 0o666 & ~umask
