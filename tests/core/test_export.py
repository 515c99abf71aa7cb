"""The Markdown export: its structure, checked by parsing it, and the escaping of hostile text.

Every check parses the export with markdown-it-py, as CommonMark with tables and as its
"gfm-like" preset (tables, strikethrough, bare-URL links), both with front matter, and asserts on
the tokens: a hostile note or brief text adds no heading, table, rule, raw HTML, image, alert or
link to anything but a web page, and the reader's words are all still there.

The golden file ``golden/zelensky-sample.md`` is the flagship brief with the sample notes below.
After a deliberate change of the format, regenerate it and review the diff:

    UPDATE_GOLDEN=1 python -m pytest tests/core/test_export.py
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin
from paths import FLAGSHIP

from briefing_tui.core.brief.model import Brief, Item
from briefing_tui.core.export.document import KEEP_END, KEEP_START, export_markdown
from briefing_tui.core.export.file import ExportRefused, read_export, with_kept, write_export
from briefing_tui.core.load.loader import load_brief
from briefing_tui.core.notes.annotations import Anchor, Annotation, blank
from briefing_tui.core.text.markdown_escape import (
    clean,
    code_span,
    inline_signature,
    is_web_url,
    literal,
    note_lines,
)

GOLDEN = Path(__file__).resolve().parent / "golden" / "zelensky-sample.md"
EXPORTED = dt.datetime(2026, 1, 20, 10, 0, tzinfo=dt.UTC)
NOTED = dt.datetime(2026, 1, 12, 9, 30, tzinfo=dt.UTC)
POSITION = "zelensky-no-clear-answer"

PARSERS = {
    "commonmark+table": MarkdownIt("commonmark").enable("table").use(front_matter_plugin),
    "gfm-like": MarkdownIt("gfm-like").use(front_matter_plugin),
}
FRONT_MATTER_KEYS = [
    "title",
    "brief",
    "source_title",
    "source_outlet",
    "source_url",
    "source_published",
    "exported",
    "tags",
]


@functools.cache
def flagship() -> Brief:
    return load_brief(FLAGSHIP)


@pytest.fixture
def brief() -> Brief:
    return flagship()


def note_on(brief: Brief, item_id: str, **fields: object) -> Annotation:
    item = brief.item(item_id)
    assert item is not None, item_id
    return dataclasses.replace(blank(item), updated=NOTED, **fields)  # type: ignore[arg-type]


def export_with_note(brief: Brief, note: str, **fields: object) -> str:
    return export_markdown(
        brief, {POSITION: note_on(brief, POSITION, note=note, **fields)}, exported=EXPORTED
    )


# -- reading an export back ----------------------------------------------------------------------


def walk(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        yield from walk(token.children or [])


def split_front_matter(text: str) -> tuple[dict, str]:
    assert text.startswith("---\n")
    end = text.index("\n---\n", 4)
    data = yaml.safe_load(text[4:end])
    return data, text[end + 5 :]


def alerts(tokens: list[Token], kind: str = "NOTE") -> list[list[Token]]:
    """The tokens inside each block quote that opens with ``[!kind]``."""
    found: list[list[Token]] = []
    for start, token in enumerate(tokens):
        if token.type != "blockquote_open":
            continue
        first = tokens[start + 2]
        if first.type != "inline" or not first.content.startswith(f"[!{kind}]"):
            continue
        depth, end = 0, start
        for end in range(start, len(tokens)):
            depth += {"blockquote_open": 1, "blockquote_close": -1}.get(tokens[end].type, 0)
            if depth == 0:
                break
        found.append(tokens[start + 1 : end])
    return found


def visible(tokens: list[Token]) -> str:
    """The text a reader sees in these tokens, white space folded."""
    words: list[str] = []
    for token in walk(tokens):
        if token.type in ("text", "code_inline"):
            words.append(token.content)
        elif token.type in ("softbreak", "hardbreak", "paragraph_close"):
            words.append(" ")
    return " ".join("".join(words).split())


def note_text(tokens: list[Token]) -> str:
    """The visible text of the one NOTE alert, without its ``[!NOTE]`` marker."""
    (inside,) = alerts(tokens)
    text = visible(inside)
    assert text.startswith("[!NOTE]")
    return text[len("[!NOTE]") :].strip()


def skeleton(tokens: list[Token]) -> list[tuple[str, str, int]]:
    """The block structure, with each NOTE alert reduced to one entry."""
    notes = {id(t) for inside in alerts(tokens) for t in inside}
    return [
        (t.type, t.tag, t.level) for t in tokens if id(t) not in notes and t.type != "inline"
    ] + [("headings", " | ".join(t.content for t in headings(tokens)), 0)]


def headings(tokens: list[Token]) -> list[Token]:
    return [tokens[i + 1] for i, t in enumerate(tokens) if t.type == "heading_open"]


TRAILER = re.compile(r"<!-- briefing-tui:export sha256=[0-9a-f]{64} -->\n")


def assert_safe(text: str, parser: MarkdownIt) -> list[Token]:
    """The structural invariants every export holds; returns the tokens."""
    tokens = parser.parse(text)
    assert tokens[0].type == "front_matter"
    kinds = [t.type for t in walk(tokens)]
    assert kinds.count("front_matter") == 1
    for banned in ("hr", "table_open", "html_inline", "image", "code_block", "fence"):
        assert banned not in kinds, banned
    html = [t.content for t in tokens if t.type == "html_block"]  # the export's own comments
    assert len(html) == 4, html
    assert html[0].startswith("<!-- Write between the two keep markers")
    assert html[1:3] == [f"{KEEP_START}\n", f"{KEEP_END}\n"]
    assert TRAILER.fullmatch(html[3]), html[3]
    for token in walk(tokens):
        if token.type == "link_open":
            assert is_web_url(str(token.attrGet("href"))), token.attrGet("href")
    for inside in alerts(tokens):  # a note holds paragraphs only: no quote, list, heading...
        assert {t.type for t in inside} <= {"paragraph_open", "inline", "paragraph_close"}
    assert len(alerts(tokens, "WARNING")) == text.count("\n> [!WARNING]\n")
    for marker in (KEEP_START, KEEP_END):
        assert text.split("\n").count(marker) == 1
    return tokens


# -- the front matter ----------------------------------------------------------------------------


def test_front_matter_is_flat_yaml_with_the_union_of_tags(brief):
    notes = {
        POSITION: note_on(brief, POSITION, tags=("us", "guarantees")),
        "us-sign-off": note_on(brief, "us-sign-off", tags=("us", "Troops: maybe")),
    }
    data, _ = split_front_matter(export_markdown(brief, notes, exported=EXPORTED))
    assert list(data) == FRONT_MATTER_KEYS
    assert data == {
        "title": brief.title,
        "brief": brief.id,
        "source_title": brief.source.title,
        "source_outlet": "ZeroHedge",
        "source_url": None,
        "source_published": "2026-01-09",
        "exported": "2026-01-20T10:00:00Z",
        "tags": ["Troops: maybe", "guarantees", "us"],
    }


def test_exported_time_is_written_in_utc(brief):
    local = dt.datetime(2026, 1, 20, 12, 0, 59, 999, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    data, _ = split_front_matter(export_markdown(brief, {}, exported=local))
    assert data["exported"] == "2026-01-20T10:00:59Z"


@pytest.mark.parametrize(
    "title",
    [
        "---",
        'a "quoted" title: with colon',
        "line\nbreak\r\nand\rreturn",
        "\x00\x07\x1b[31m\x7f\x85\u2028\u2029\ufeff",
        "tags: [evil]",
        "# comment? {flow: map} [list] &anchor *alias !tag |literal >folded",
        "...",
    ],
)
def test_front_matter_values_cannot_break_the_yaml(brief, title):
    hostile = dataclasses.replace(brief, title=title, source=brief.source)
    text = export_markdown(hostile, {}, exported=EXPORTED)
    data, _ = split_front_matter(text)
    assert list(data) == FRONT_MATTER_KEYS
    assert data["title"] == title
    assert data["tags"] == []
    for parser in PARSERS.values():
        assert_safe(text, parser)


# -- hostile notes -------------------------------------------------------------------------------

# (note, what a reader sees of it, white space folded). None: the note's own text, literally.
HOSTILE_NOTES = {
    "atx-heading": ("# Not a heading", None),
    "heading-deep": ("###### h6 ######", None),
    "setext-h1": ("Title\n=====", None),
    "setext-h2": ("Title\n---", None),
    "thematic-break": ("---", None),
    "thematic-stars": ("***\n* * *\n_ _ _", None),
    "front-matter": ("---\ntitle: evil\ntags: [x]\n---", None),
    "table": ("| a | b |\n|---|---|\n| 1 | 2 |", None),
    "table-no-edges": ("a | b\n:-- | --:\n1 | 2", None),
    "backticks": ("a `code` and `` ` `` and ``` fence", "a code and ` and ``` fence"),
    "fence": ("```\ncode block\n```", "code block"),  # an inline code span
    "tilde-fence-unclosed": ("~~~python\nprint(1)", None),
    "indented-code": ("para\n\n    indented code", None),
    "script": ("<script>alert(1)</script>", None),
    "html-block": ("<div>\n**raw** html\n</div>", "<div> raw html </div>"),
    "html-comment": ("<!-- hidden -->visible", None),
    "keep-marker": (f"{KEEP_END}\n{KEEP_START}", None),
    "trailer-forgery": ("<!-- briefing-tui:export sha256=" + "0" * 64 + " -->", None),
    "javascript-link": ("[x](javascript:alert(1))", None),
    "javascript-mixed-case": ("[x](JaVaScRiPt:alert(1))", None),
    "javascript-autolink": ("<javascript:alert(1)>", None),
    "data-link": ("[x](data:text/html;base64,PHNjcmlwdD4=)", None),
    "file-link": ("[x](file:///etc/passwd)", None),
    "relative-link": ("[x](../../secret)", None),
    "reference-definition": ("[x]: javascript:alert(1)\n\n[x]", None),
    "image": ("![pixel](https://evil.example/p.png)", "!pixel"),
    "alert": ("> [!WARNING]\n> Not an alert", None),
    "alert-bare": ("[!CAUTION]", None),
    "quote": ("> quoted\n>> nested", None),
    "lists": ("- one\n+ two\n* three\n1. four\n2) five", None),
    "obsidian": ("[[wikilink]] #tag %%comment%% ==mark== ^block", None),
    "math": ("$x^2$ and\n$$\ny\n$$", None),
    "footnote": ("[^1]\n\n[^1]: footnote", None),
    "entities": ("&lt;script&gt; &amp; &#x3C;b&#x3E;", "<script> & <b>"),
    "carriage-return": ("line\r# heading after CR\r\n---", None),
    "control-characters": ("\x1b]0;title\x07 \u202eevil", None),
    "trailing-backslash": ("ends with a backslash \\", None),
    "unclosed-emphasis": ("*unclosed and __also", None),
    "kept-formatting": (
        "**bold** _it_ `code` [site](https://example.com) <https://example.org>",
        "bold it code site https://example.org",
    ),
    "everything": (
        "# a\n---\n|x|y|\n`z`\n<script>\n[x](javascript:1)\n> [!WARNING]\n```",
        "# a --- |x|y| z <script> [x](javascript:1) > [!WARNING] ```",
    ),
}


def folded(text: str) -> str:
    return " ".join(clean(text).split())


@pytest.mark.parametrize("parser_name", PARSERS)
@pytest.mark.parametrize(("note", "shown"), HOSTILE_NOTES.values(), ids=HOSTILE_NOTES)
def test_a_hostile_note_stays_inside_its_block(brief, parser_name, note, shown):
    parser = PARSERS[parser_name]
    benign = parser.parse(export_with_note(brief, "a plain note"))
    text = export_with_note(brief, note)
    tokens = assert_safe(text, parser)
    assert skeleton(tokens) == skeleton(benign)
    assert note_text(tokens) == (shown if shown is not None else folded(note))


def test_kept_links_go_where_the_note_said(brief):
    tokens = PARSERS["commonmark+table"].parse(
        export_with_note(brief, "[a](https://example.com/x_(y)) <mailto:me@example.com>")
    )
    hrefs = [t.attrGet("href") for t in walk(tokens) if t.type == "link_open"]
    assert hrefs == ["https://example.com/x_(y)", "mailto:me@example.com"]


def test_the_note_keeps_its_lines_and_paragraphs():
    assert note_lines("one\ntwo  \n\n\n  three **b**\n") == ["one\\", "two", "", "three **b**"]


@pytest.mark.parametrize(
    ("note", "lines"),
    [
        ("*a*\nb", ["*a*  ", "b"]),  # a backslash would make the "*" left-flanking too
        ("<http://\n>", ["[http:// ](<http://%0A>)"]),  # markdown-it-py: "$" before "\n"
        ("http://x `<b>`", ["http://x `<b>`"]),
        ("http://x`<b>`", ["http://x&lt;b>"]),  # a bare-URL link would take the backtick
        ("[a](javascript:x) [b]() [c](http://ok)", ["\\[a\\](javascript:x) b [c](<http://ok>)"]),
        ("wow![x](http://i)", ["wow\\![x](<http://i>)"]),
        ("<http://a/&amp;>", ["[http://a/\\&amp;](<http://a/\\&amp;>)"]),  # no entity in autolinks
    ],
)
def test_note_corners(note, lines):
    assert note_lines(note) == lines


# -- hostile brief text --------------------------------------------------------------------------


def with_text(brief: Brief, text: str) -> Brief:
    """The brief with ``text`` in every field the export shows as text."""
    changed: dict[str, Item] = {}

    def change(item: Item, **fields: str) -> Item:
        new = dataclasses.replace(item, **fields)
        changed[item.id] = new
        return new

    position = brief.item(POSITION)
    assert position is not None
    actor = brief.item(position.actor)  # type: ignore[attr-defined]
    issue = brief.item(position.issue)  # type: ignore[attr-defined]
    evidence = tuple(
        dataclasses.replace(e, quote=text)
        for e in position.evidence  # type: ignore[attr-defined]
    )
    new_actor = change(actor, name=text, role=text)
    new_issue = change(issue, title=text)
    new_position = change(position, stance=text, evidence=evidence)
    new_question = change(brief.questions[0], text=text)
    new_quote = change(brief.quotes[0], text=text)
    new_event = change(brief.timeline[0], text=text)

    def swap(items: tuple[Item, ...], new: Item) -> tuple[Item, ...]:
        return tuple(new if i.id == new.id else i for i in items)

    return dataclasses.replace(
        brief,
        title=text,
        source=dataclasses.replace(brief.source, title=text, outlet=text, author=text),
        actors=swap(brief.actors, new_actor),
        issues=swap(brief.issues, new_issue),
        positions=swap(brief.positions, new_position),
        questions=swap(brief.questions, new_question),
        quotes=swap(brief.quotes, new_quote),
        timeline=swap(brief.timeline, new_event),
        items={**brief.items, **changed},
    )


def shape(tokens: list[Token]) -> list[tuple[str, str, int]]:
    """The skeleton without paragraphs (an event's Markdown text may have several) and without
    the headings' text."""
    drop = ("headings", "paragraph_open", "paragraph_close")
    return [s for s in skeleton(tokens) if s[0] not in drop]


def notes_on_changed(brief: Brief) -> dict[str, Annotation]:
    ids = [POSITION, brief.questions[0].id, brief.quotes[0].id, brief.timeline[0].id]
    ids.append(brief.item(POSITION).actor)  # type: ignore[union-attr]
    return {i: note_on(brief, i, mark="agree", note="n") for i in ids}


@pytest.mark.parametrize("parser_name", PARSERS)
@pytest.mark.parametrize(("text", "_shown"), HOSTILE_NOTES.values(), ids=HOSTILE_NOTES)
def test_hostile_brief_text_renders_as_itself(brief, parser_name, text, _shown):
    parser = PARSERS[parser_name]
    benign_brief = with_text(brief, "plain words")
    benign = parser.parse(
        export_markdown(benign_brief, notes_on_changed(benign_brief), exported=EXPORTED)
    )
    hostile = with_text(brief, text)
    tokens = assert_safe(
        export_markdown(hostile, notes_on_changed(hostile), exported=EXPORTED), parser
    )
    assert shape(tokens) == shape(benign)
    one_line = folded(text)
    assert visible([headings(tokens)[0]]) == one_line  # the brief's title
    shown = [visible([t]) for t in walk(tokens) if t.type == "inline"]
    assert shown.count(one_line) >= 4  # stance, question, the position's heading...
    assert f"“{one_line}”" in " ".join(shown)  # the evidence and the quote


# -- properties over random text -----------------------------------------------------------------

PIECES = [
    *"ab xy19\n\n\t #*_-+=>|`~<>[]()!\\&;:/%$^{}\"'.,?@\r",
    *("http://", "https://a.b/", "javascript:", "<script>", "&amp;", "[!NOTE]", "\u00a0", "é"),
    *("★", "\u2028"),
]
MARKDOWNISH = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


def whitelist_parser() -> MarkdownIt:
    """What a note is read as: paragraphs, breaks, emphasis, code, web links, escapes."""
    parser = MarkdownIt("zero").enable(
        ["newline", "escape", "backticks", "emphasis", "link", "autolink", "entity"]
    )
    parser.validateLink = is_web_url  # type: ignore[method-assign]
    parser.normalizeLink = str  # type: ignore[method-assign]  # targets kept as written
    parser.normalizeLinkText = str  # type: ignore[method-assign]
    return parser


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(note=MARKDOWNISH)
def test_any_note_keeps_the_structure_and_its_words(note):
    brief = flagship()
    text = export_with_note(brief, note)
    read = whitelist_parser().parse(clean(note))
    shown = any(token.children for token in read)  # a paragraph, even of blanks
    baseline = export_with_note(brief, "x" if shown else "")
    for name, parser in PARSERS.items():
        tokens = assert_safe(text, parser)
        assert skeleton(tokens) == skeleton(parser.parse(baseline))
        if not shown:
            assert alerts(tokens) == []
        elif name == "commonmark+table":  # gfm-like's bare-URL rule may take in a code span
            assert note_text(tokens) == visible(read)
    # Formatting too: as the note reads on its own, or (where emphasis could not be written
    # without changing its pairing) the same without emphasis.
    if shown:
        (inside,) = alerts(PARSERS["commonmark+table"].parse(text))
        shown = signature(inside)
        assert shown[:2] == [("text", "[!NOTE]"), ("break", "")]
        wanted = web_links_only(signature(read))
        plain = renormalised([s for s in wanted if not s[0].startswith(("em", "str"))])
        texts = (as_text(wanted), as_text(plain))
        assert shown[2:] in (wanted, plain) or as_text(shown[2:]) in texts


def renormalised(signature: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A signature edited by a test, with text joined and trimmed again as signatures are."""
    tokens = []
    for kind, content in signature:
        token = Token("softbreak" if kind == "break" else kind, "", 0, content=content)
        if kind == "link_open":
            token.attrs = {"href": content}
        tokens.append(token)
    return inline_signature(tokens)


def web_links_only(signature: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A signature with links to anything but web pages as their text (as "[x]()" is)."""
    dropping = False
    kept: list[tuple[str, str]] = []
    for kind, content in signature:
        if kind == "link_open" and not is_web_url(content):
            dropping = True
        elif kind == "link_close" and dropping:
            dropping = False
        else:
            kept.append((kind, content))
    return renormalised(kept)


def as_text(signature: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A signature with code spans as text (a code span after a bare URL is written as text)."""
    return renormalised([("text" if k == "code_inline" else k, c) for k, c in signature])


def signature(tokens: list[Token]) -> list[tuple[str, str]]:
    """The inline signature of all paragraphs, a ("paragraph", "") between two; link targets
    normalised as a renderer does."""
    found: list[tuple[str, str]] = []
    for token in tokens:
        if token.type == "inline" and inline_signature(token.children or []):
            found.extend([("paragraph", "")] if found else [])
            found.extend(
                (kind, target(content) if kind == "link_open" else content)
                for kind, content in inline_signature(token.children or [])
            )
    return found


def target(href: str) -> str:
    """A link target as a renderer reads it; white space in it (which only markdown-it-py's
    autolink lets through, "$" matching before a final newline) percent-encoded first."""
    return NORMALISE.normalizeLink(re.sub(r"\s", lambda m: f"%{ord(m[0]):02X}", href))


NORMALISE = MarkdownIt()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=MARKDOWNISH.filter(lambda t: t.strip()), tags=st.lists(MARKDOWNISH, max_size=3))
def test_any_brief_text_and_tags_render_literally(text, tags):
    brief = flagship()
    hostile = with_text(brief, text)
    notes = notes_on_changed(hostile)
    notes[POSITION] = dataclasses.replace(notes[POSITION], tags=tuple(tags))
    export = export_markdown(hostile, notes, exported=EXPORTED)
    data, _ = split_front_matter(export)
    assert data["tags"] == sorted({tag for tag in tags if tag})
    for name, parser in PARSERS.items():
        tokens = assert_safe(export, parser)
        if name == "commonmark+table":  # gfm-like's bare-URL links show escapes in URLs
            assert visible([headings(tokens)[0]]) == folded(text)
        codes = [t.content for t in walk(tokens) if t.type == "code_inline"]
        for tag in filter(None, tags):
            assert re.sub(r"\s+", " ", clean(tag)) in codes


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("plain words", "plain words"),
        ("- item", "\\- item"),
        ("+1 vote", "\\+1 vote"),
        ("2026. A year", "2026\\. A year"),
        ("1) first", "1\\) first"),
        ("> quote", "\\> quote"),
        ("a -> b, 3.5 > 2", "a -> b, 3.5 > 2"),
        ("=== and a==b", "\\=\\=\\= and a\\=\\=b"),
        ("#tag *em* _u_ [l](x)", "\\#tag \\*em\\* \\_u\\_ \\[l\\](x)"),
        ("<b> | ~ $ \\", "&lt;b> \\| \\~ \\$ \\\\"),
        ("Q&A &amp; 100%% 50%", "Q&A \\&amp; 100\\%\\% 50%"),
        ("  two\n lines\t", "two lines"),
    ],
)
def test_literal_escapes_only_what_could_become_syntax(text, markdown):
    assert literal(text) == markdown


@pytest.mark.parametrize(
    ("text", "span"),
    [("tag", "`tag`"), ("a`b", "``a`b``"), ("`x`", "`` `x` ``"), ("``", "` `` `"), (" \n ", "` `")],
)
def test_code_spans_cannot_be_closed_early(text, span):
    assert code_span(text) == span
    (token,) = [t for t in walk(MarkdownIt().parse(span)) if t.type == "code_inline"]
    assert token.content == " ".join(text.split(" ")).replace(" \n ", " ")


# -- nothing is dropped --------------------------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_annotation_appears_exactly_once(data):
    brief = flagship()
    ids = data.draw(st.lists(st.sampled_from(sorted(brief.items)), unique=True, max_size=25))
    gone = data.draw(st.lists(st.from_regex(r"gone-[a-z]{1,8}", fullmatch=True), unique=True))
    notes: dict[str, Annotation] = {}
    for item_id in ids:
        annotation = note_on(
            brief,
            item_id,
            mark=data.draw(st.sampled_from([None, "agree", "disagree", "doubt"])),
            note=f"note on {item_id}",
            estimate=data.draw(st.sampled_from([None, 0.5])),
        )
        if data.draw(st.booleans()):  # reworded since
            annotation = dataclasses.replace(annotation, anchor=Anchor("old words", "sha256:0"))
        notes[item_id] = annotation
    for item_id in gone:
        notes[item_id] = Annotation(item_id, Anchor("gone words", "sha256:1"), NOTED, note="x")
    text = export_markdown(brief, notes, exported=EXPORTED)
    tokens = assert_safe(text, PARSERS["gfm-like"])
    items = [t for t in text.split("\n") if t.startswith("- **Item:** ")]
    assert sorted(line.rsplit("`", 2)[1] for line in items) == sorted(notes)
    for item_id in ids:
        assert f"note on {item_id}" in text
    assert len(alerts(tokens, "WARNING")) == len(gone) + sum(
        notes[i].anchor.text == "old words" for i in ids
    )


def test_stale_and_orphaned_notes_show_old_and_new_text(brief):
    stale = dataclasses.replace(
        note_on(brief, "france-troops", mark="agree", note="Check the date."),
        anchor=Anchor("Agreed to send troops.", "sha256:0"),
    )
    orphan = Annotation(
        "macron-hosts", Anchor("Hosted the *Paris* conference.", "sha256:1"), NOTED, note="Gone?"
    )
    text = export_markdown(
        brief, {"france-troops": stale, "macron-hosts": orphan}, exported=EXPORTED
    )
    tokens = assert_safe(text, PARSERS["gfm-like"])
    section = text[text.index("## Stale and orphaned notes") :]
    warnings = [visible(inside) for inside in alerts(tokens, "WARNING")]
    assert warnings == [
        "[!WARNING] The item was reworded after you annotated it. Then: Agreed to send troops."
        f" Now: {brief.item('france-troops').body}",  # type: ignore[union-attr]
        "[!WARNING] This item is no longer in the brief. Then: Hosted the *Paris* conference.",
    ]
    assert "Check the date." in section and "Gone?" in section
    assert "### Gone: `macron-hosts`" in section
    assert "Your notes on 2 items (1 stale, 1 orphaned)." in text
    assert "## Security guarantees" not in text  # a stale position is not listed as current


@pytest.mark.parametrize(
    ("probability", "words"),
    [
        (0.7, "70%, likely (55-80%)"),
        (0.55, "55%, likely (55-80%)"),
        (0.02, "2%, almost no chance (1-5%)"),
        (0.333, "33.3%, unlikely (20-45%)"),
        (1.0, "100%, almost certain (95-99%)"),
    ],
)
def test_questions_show_estimates_in_words(brief, probability, words):
    notes = {"us-sign-off": note_on(brief, "us-sign-off", estimate=probability, tags=("us",))}
    text = export_markdown(brief, notes, exported=EXPORTED)
    section = text[text.index("## Questions") :]
    assert section.startswith(
        "## Questions\n\n"
        "### Will Washington formally sign off on sending troops to Ukraine after a ceasefire?\n\n"
        "- **Tags:** `us`\n"
        f"- **Estimate:** {words}\n"
        "- **Item:** question `us-sign-off`\n"
    )


def test_an_empty_export_says_so(brief):
    text = export_markdown(brief, {}, exported=EXPORTED)
    assert "No notes on this brief yet." in text
    assert "\n## " not in text.split("## Your notes")[0]


# -- the golden file -----------------------------------------------------------------------------


def sample_notes(brief: Brief) -> dict[str, Annotation]:
    """A fixed set of notes on the flagship brief: every kind of item and of annotation."""
    notes = [
        note_on(
            brief,
            "zelensky-no-clear-answer",
            mark="agree",
            flags=("star",),
            tags=("guarantees",),
            note="He says it **twice**: see ¶6.\nCompare with"
            " [the communiqué](https://www.elysee.fr/).",
        ),
        note_on(
            brief,
            "witkoff-significant-progress",
            mark="doubt",
            flags=("follow-up",),
            tags=("us", "guarantees"),
            note='"Significant progress" on *what*? No text published.\n\n- nothing signed\n'
            "- no date",
        ),
        note_on(
            brief,
            "trump-likely-to-balk",
            mark="disagree",
            note="The outlet's inference, not Trump's words.",
        ),
        note_on(brief, "russia-firm-no-troops", mark="doubt", tags=("russia",)),
        note_on(
            brief,
            "uk-troops",
            mark="agree",
            note="# Not a heading\n<script>alert(1)</script> | a | b |\n> [!WARNING] not an"
            " alert\n[click](javascript:alert(1))",
        ),
        note_on(brief, "security-guarantees", note="The crux of the article."),
        note_on(brief, "us-sign-off", estimate=0.3, tags=("us",), note="Depends on Congress, too."),
        note_on(brief, "truce-for-vote", estimate=0.15),
        note_on(brief, "zelensky", flags=("star",)),
        note_on(brief, "zelensky-asking", note="The key quote."),
        note_on(brief, "paris-conference", tags=("paris",)),
        dataclasses.replace(
            note_on(brief, "france-troops", mark="agree", note="Check the date."),
            anchor=Anchor("Agreed, with the UK, to send troops.", "sha256:0000000000000000"),
        ),
        Annotation(
            "macron-hosts",
            Anchor("Hosted the Paris conference.", "sha256:1111111111111111"),
            NOTED,
            mark="agree",
            note="Was this position removed?",
        ),
    ]
    return {n.item: n for n in notes}


def test_golden_export_of_the_flagship(brief):
    text = export_markdown(brief, sample_notes(brief), exported=EXPORTED)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(text, encoding="utf-8", newline="\n")
    for parser in PARSERS.values():
        assert_safe(text, parser)
    assert text == GOLDEN.read_text(encoding="utf-8"), "regenerate with UPDATE_GOLDEN=1"


# -- the keep region and the trailer -------------------------------------------------------------


def test_a_fresh_export_is_ours_and_unedited(brief):
    existing = read_export(export_markdown(brief, sample_notes(brief), exported=EXPORTED))
    assert (existing.ours, existing.edited, existing.kept) == (True, False, ())


def test_text_in_the_keep_region_is_read_back_and_carried_over(brief):
    text = export_markdown(brief, {}, exported=EXPORTED)
    mine = ("My own notes.", "", f"{KEEP_START} (a marker line of my own is text here)", "- x")
    edited = with_kept(text, mine)
    existing = read_export(edited)
    assert (existing.ours, existing.edited, existing.kept) == (True, False, mine)
    again = with_kept(export_markdown(brief, sample_notes(brief), exported=NOTED), existing.kept)
    assert read_export(again).kept == mine
    assert "\n".join(mine) in again


@pytest.mark.parametrize(
    ("change", "edited"),
    [
        (lambda t: t.replace("\n", "\r\n"), False),
        (lambda t: t.replace("\n", "  \n"), False),
        (lambda t: t + "\n\n", False),
        (lambda t: t.replace("Source:", "My source:"), True),
        (lambda t: t + "appended after the trailer\n", True),
        (lambda t: t.replace(KEEP_END + "\n", ""), True),
        (lambda t: re.sub("sha256=(.)", lambda m: f"sha256={'01'[m[1] == '0']}", t), True),
    ],
    ids=["crlf", "trailing-spaces", "blank-lines-at-end", "edit", "append", "marker", "hash"],
)
def test_edits_outside_the_keep_region_are_detected(brief, change, edited):
    text = export_markdown(brief, sample_notes(brief), exported=EXPORTED)
    assert read_export(change(text)).edited is edited


def test_a_file_without_trailer_is_not_ours():
    existing = read_export("# My own document\n")
    assert (existing.ours, existing.kept) == (False, None)


def test_write_export_refuses_then_forces(brief, tmp_path):
    path = tmp_path / "out.md"
    first = write_export(path, brief, {}, exported=EXPORTED)
    assert (first.replaced, first.kept_lines) == (False, 0)
    text = path.read_text(encoding="utf-8")
    path.write_text(with_kept(text, ["kept words"]).replace("Source:", "Src:"), encoding="utf-8")
    with pytest.raises(ExportRefused, match="edited outside its keep region"):
        write_export(path, brief, sample_notes(brief), exported=EXPORTED)
    assert "Src:" in path.read_text(encoding="utf-8")  # untouched
    forced = write_export(path, brief, sample_notes(brief), exported=EXPORTED, force=True)
    assert (forced.replaced, forced.kept_lines, forced.notes) == (True, 1, 13)
    final = path.read_text(encoding="utf-8")
    assert "Src:" not in final and "\nkept words\n" in final
    assert read_export(final).edited is False


def test_write_export_refuses_a_file_it_did_not_write(brief, tmp_path):
    path = tmp_path / "README.md"
    path.write_text("# Someone else's file\n", encoding="utf-8")
    with pytest.raises(ExportRefused, match="not an export of briefing-tui"):
        write_export(path, brief, {}, exported=EXPORTED)
    (tmp_path / "binary.md").write_bytes(b"\xff\xfe\x00")
    with pytest.raises(ExportRefused):
        write_export(tmp_path / "binary.md", brief, {}, exported=EXPORTED)


def test_write_export_never_replaces_the_brief_or_its_article(brief):
    for path in (brief.path, brief.path.with_suffix(".txt")):
        before = path.read_bytes()
        with pytest.raises(PermissionError, match="never replaces it"):
            write_export(path, brief, {}, exported=EXPORTED, force=True)
        assert path.read_bytes() == before


def test_write_export_keeps_the_mode_of_the_file_it_replaces(brief, tmp_path):
    path = tmp_path / "out.md"
    write_export(path, brief, {}, exported=EXPORTED)
    umask = os.umask(0o022)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask
    path.chmod(0o640)
    write_export(path, brief, {}, exported=EXPORTED)
    assert path.stat().st_mode & 0o777 == 0o640
