"""Markdown that cannot break a document: brief text made literal, notes kept inline-only.

Used by the export (``export.py``). Brief text becomes Markdown that renders as exactly that
text (:func:`literal`); a reader's note keeps its inline formatting (emphasis, code, web links)
and its lines, and any other syntax in it is shown as typed (:func:`note_lines`). Neither can
open a heading, list, table, code block, alert, raw HTML, front matter or a non-web link.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .printable import UNSAFE_CHARACTERS, printable
from .yamlstring import yaml_string

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
_NOT_PLAIN = re.compile(rf"[\\`*_\[\]<#|~$&%={UNSAFE_CHARACTERS}]|[^\S ]|  ")


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


def safe_url(url: str) -> str:
    """A link destination for ``[text](<url>)``: what could end or escape it percent-encoded,
    and an ``&`` that would read as an entity escaped (``&amp;`` stays those five characters)."""
    url = re.sub(r"[\s<>\\\x00-\x1f\x7f]", lambda m: f"%{ord(m.group()):02X}", url)
    return re.sub(r"&(?=#?[A-Za-z0-9]+;)", r"\\&", url)


def is_web_url(url: str) -> bool:
    """Whether a link may point there: web pages and mail addresses only."""
    return url.lower().startswith(("http://", "https://", "mailto:"))


# -- a reader's note: their Markdown, minus anything that could break out ------------------------


def _as_written(text: str) -> str:
    """A link target or text as written (markdown-it would normalise it)."""
    return text


@cache
def _note_parser() -> MarkdownIt:
    """Paragraphs and the inline syntax a note keeps; every other rule is off, so a heading,
    list, table, fence, quote or HTML in a note is plain text here and escaped on output."""
    parser = MarkdownIt("zero").enable(
        ["newline", "escape", "backticks", "emphasis", "link", "autolink", "entity"]
    )
    # markdown-it's link hooks are methods made to be replaced on a parser; mypy flags any
    # assignment to a method (and the stubs type the hooks as taking self), hence the ignores.
    parser.validateLink = is_web_url  # type: ignore[method-assign]
    # Targets are kept as written (escapes and entities resolved); _safe_url encodes what
    # could end them. markdown-it's own normalising (percent-encoding, punycode) is a third of
    # the time of a note with a link.
    parser.normalizeLink = _as_written  # type: ignore[method-assign, assignment]
    parser.normalizeLinkText = _as_written  # type: ignore[method-assign, assignment]
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
            target = hrefs.pop() if hrefs else None
            if target is not None:
                out.raw(f"](<{safe_url(target)}>)")
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
def yaml_quoted(value: str | None) -> str:
    """A YAML scalar for ``value``: JSON's double-quoted string (valid YAML, once what YAML
    forbids raw is escaped too), or ``null``."""
    return "null" if value is None else yaml_string(value)


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
