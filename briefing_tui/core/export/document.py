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

The keep region and the trailer are written here and read back by
:mod:`briefing_tui.core.export.file`, which writes an export over an existing file: it carries
the keep region over and refuses to replace a file that was edited elsewhere (or was not an
export) unless told to.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..brief.fields import Export, FieldSpec, Kind
from ..brief.fieldtext import EMPTY, citing_fields, entry_text, exported_fields, field_text
from ..brief.model import Actor, Brief, Event, Item, Position, Question, Quote
from ..notes.annotations import Annotation, Review, estimate_words, review
from ..text.markdown_escape import code_span, front_matter, literal, note_lines, quoted, safe_url
from ..text.printable import printable

MARK_PHRASES = {"agree": "You agree", "disagree": "You disagree", "doubt": "You doubt it"}
FLAG_WORDS = {"star": "★ star", "follow-up": "follow-up"}

_WIKILINK = re.compile(r"\[\[\s*([a-z0-9-]+)\s*\]\]")

#: The markers of the keep region, whose lines a later export carries over (core/export/file.py).
KEEP_START = "<!-- briefing-tui:keep -->"
KEEP_END = "<!-- /briefing-tui:keep -->"
_KEEP_HINT = (
    "<!-- Write between the two keep markers below: briefing-tui carries that text over when"
    " it exports this brief again. It refuses to overwrite this file without --force if"
    " anything else in it was changed. -->"
)
#: The trailer line, the last of an export: the hash of the rest but the keep region's lines.
TRAILER = re.compile(r"<!-- briefing-tui:export sha256=([0-9a-f]{64}) -->")


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
        return body + f"<!-- briefing-tui:export sha256={trailer_digest(body)} -->\n"

    def source_line(self) -> str:
        source = self.brief.source
        parts = [f"Source: “{literal(source.title)}”"]
        parts.extend(literal(x) for x in (source.outlet, source.author) if x)
        if source.published:
            parts.append(source.published.isoformat())
        line = ", ".join(parts)
        if source.url:
            line += f", [{literal(source.url)}](<{safe_url(source.url)}>)"
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
                self.entry(issue, current[issue.id])
                self.placed.add(issue.id)
            for position in positions.get(issue.id, ()):
                self.position(position, current[position.id])
                self.placed.add(position.id)

    def position(self, position: Position, annotation: Annotation) -> None:
        self.block([f"### {literal(self.name(position.actor))}"])
        self.entry(position, annotation)

    def entry(self, item: Item, annotation: Annotation) -> None:
        """What follows an annotated item's heading: the fields it exports above the reader's
        mark and tags, on lines among them, and below the reader's note, as declared."""
        above, on_lines, below = _PLACES.get(type(item)) or _places(type(item))
        for spec in above:
            value = getattr(item, spec.name)
            if value not in EMPTY:
                self.block(self.above(item, spec, value))
        lines: list[tuple[str, str]] = []
        for spec in on_lines:
            value = getattr(item, spec.name)
            if value not in EMPTY:
                lines.append((spec.label, literal(field_text(self.brief, spec, value))))
        self.reader_part(annotation, item, lines)
        for spec, cites in below:
            value = getattr(item, spec.name)
            if value not in EMPTY:
                self.block(self.below(spec, value, cites))

    def above(self, item: Item, spec: FieldSpec, value: Any) -> list[str]:
        """A field's value as a paragraph of its own: Markdown as the author wrote it
        (``[[id]]`` links made names), quoted words with their paragraph, else literal text."""
        if spec.cites:
            return quoted([self.citation(getattr(item, spec.cites), value)])
        kind = spec.kind
        if kind is _TEXT:  # what field_text says, sooner
            return [literal(value)]
        if kind is _MARKDOWN:
            return note_lines(_WIKILINK.sub(lambda m: self.name(m.group(1)), value))
        return [literal(field_text(self.brief, spec, value))]

    def below(self, spec: FieldSpec, value: Any, cites: tuple[str, str] | None) -> list[str]:
        """A field's value as a block quote: each entry of a list of records a paragraph of
        its own (evidence: the words it quotes with their paragraph; ``cites`` names the two
        fields), any other value as literal text."""
        if spec.kind is not _RECORDS:
            texts = [literal(field_text(self.brief, spec, value))]
        elif cites:
            words, para = cites
            texts = [self.citation(getattr(entry, para), getattr(entry, words)) for entry in value]
        else:
            texts = [literal(entry_text(self.brief, entry)) for entry in value]
        lines: list[str] = []
        for text in texts:
            lines.extend([""] if lines else [])
            lines.append(text)
        return quoted(lines)

    def citation(self, para: int, words: str | None) -> str:
        """Words quoted from a paragraph of the article, or the whole paragraph when none."""
        if words:
            return f"¶{para}: “{literal(words)}”"
        paragraph = self.brief.paragraph(para)
        return f"¶{para}" + (
            f" (the whole paragraph): {literal(paragraph.text)}" if paragraph else ""
        )

    def questions(self) -> None:
        asked = [a for a in self.review.current if isinstance(self.brief.item(a.item), Question)]
        if not asked:
            return
        self.block(["## Questions"])
        for annotation in asked:
            question = self.brief.item(annotation.item)
            assert question is not None
            self.block([f"### {literal(question.label)}"])
            self.entry(question, annotation)
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
            self.entry(item, annotation)

    def heading_of(self, item: Item) -> str:
        """The heading of an entry outside the issues and questions: it names the fields
        declared ``Export.HEADING``."""
        if isinstance(item, Actor):
            return f"Actor: {literal(item.name)}"
        if isinstance(item, Quote):
            return f"Quote by {literal(self.name(item.speaker))}"
        if isinstance(item, Event):
            return f"Event of {item.date.isoformat()}"
        if isinstance(item, Position):
            return f"Position of {literal(self.name(item.actor))}"
        return f"{item.noun.capitalize()}: {literal(item.label)}"

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
        # printable first: str.strip() takes U+2028 for white space, the note shows it.
        note = note_lines(annotation.note) if printable(annotation.note).strip() else []
        if note:
            self.block(quoted(["[!NOTE]", *note]))


# Read per field of every item written: see the same in fieldtext.py.
_TEXT, _MARKDOWN, _RECORDS = Kind.TEXT, Kind.MARKDOWN, Kind.RECORDS
_Below = tuple[tuple[FieldSpec, tuple[str, str] | None], ...]
_Places = tuple[tuple[FieldSpec, ...], tuple[FieldSpec, ...], _Below]
#: Per item class: the fields it exports above the reader's part, on its lines, and below it
#: (each with the words and paragraph fields of its records, when they quote the article).
_PLACES: dict[type, _Places] = {}


def _places(cls: type) -> _Places:
    below = tuple(
        (spec, next(iter(citing_fields(spec.record)), None) if spec.record else None)
        for spec in exported_fields(cls, Export.BELOW)
    )
    places = (exported_fields(cls, Export.ABOVE), exported_fields(cls, Export.LINE), below)
    _PLACES[cls] = places
    return places


# -- the trailer's hash ---------------------------------------------------------------------------


def _normalised(text: str) -> str:
    """What the hash covers: line ends made ``\\n``, spaces and tabs at the ends of lines and
    blank lines at the end dropped, so an editor that rewrites those does not count as an
    edit. (The checks first: on the 5 MB export of 10,000 notes, rewriting costs 50 ms.)"""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if " \n" in text or "\t\n" in text or text.endswith((" ", "\t")):
        text = "\n".join(line.rstrip(" \t") for line in text.split("\n"))
    return text.strip("\n")


def trailer_digest(text: str) -> str:
    """The hash a trailer line holds of ``text`` (normalised: see :func:`_normalised`)."""
    return hashlib.sha256(_normalised(text).encode("utf-8")).hexdigest()
