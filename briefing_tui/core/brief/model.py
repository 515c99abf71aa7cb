"""The brief model: immutable records for everything a brief holds.

A brief is read from YAML by :mod:`briefing_tui.core.load.loader`; nothing here parses or validates.
Every YAML field is declared with a helper from :mod:`briefing_tui.core.brief.fields`, which is also
what the loader and the JSON Schema read, so this file is the single description of the format.
The declarations also say how each field is presented (its label, and whether the detail pane,
the library search and the Markdown export take it), so a field added here shows everywhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from . import fields as f

FORMAT_VERSION = 1

ACTOR_KINDS = ("person", "state", "organisation", "group", "outlet")
ATTRIBUTIONS = ("stated", "reported", "inferred-by-author")
#: A position's attribution in words, as the detail pane and the export give it.
ATTRIBUTION_WORDS = {
    "stated": "stated (the actor's own words)",
    "reported": "reported (the article reports it)",
    "inferred-by-author": "inferred by the author (the outlet's own reading)",
}
#: What a search hit calls an item's ``notes`` (the reader's own notes are "note").
AUTHOR_NOTES = "author's notes"


@dataclass(frozen=True, slots=True)
class Loc:
    """A place in a file: 1-based line and column."""

    line: int
    column: int


NOWHERE = Loc(0, 0)


def _author_notes() -> Any:
    """Every item's ``notes``: shown and searched, not exported (the export is the reader's)."""
    return f.markdown(
        "The brief author's notes (Markdown).", searched_as=AUTHOR_NOTES, exported=f.Export.NO
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """A pointer into the source article: a paragraph and, optionally, exact words in it."""

    para: int = f.paragraph("Paragraph number in the source text (from 1).")
    quote: str | None = f.text(
        "Exact words of that paragraph that support the claim.", required=False, cites="para"
    )
    loc: Loc = field(default=NOWHERE, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """The article a brief is derived from."""

    title: str = f.text("Headline of the article.")
    outlet: str | None = f.text("Publication that ran it.", required=False)
    author: str | None = f.text("Byline.", required=False)
    published: dt.date | None = f.date("Publication date, or null.", required=False)
    url: str | None = f.url("Where the article was published, or null.")
    text: str = f.path("The article's plain text, relative to the brief file.")


@dataclass(frozen=True, slots=True, kw_only=True)
class Item:
    """Anything with an id in a brief: the things readers select, link to and annotate."""

    # Shown and exported by the front ends as the key of everything (the export's "Item:" line).
    id: str = f.slug(
        "Unique id in this brief (lowercase letters, digits, hyphens).",
        shown=False,
        searched=False,
        exported=f.Export.NO,
    )
    loc: Loc = field(default=NOWHERE, compare=False)

    #: The brief section an item of this class lives in ("actors", "issues", ...).
    section: ClassVar[str] = ""
    #: What one such item is called in messages and on screen ("actor", "event", ...).
    noun: ClassVar[str] = ""

    @property
    def label(self) -> str:
        """A short human name for the item."""
        return self.id

    @property
    def body(self) -> str:
        """The item's main text: what a reader's note is anchored to."""
        return self.label


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor(Item):
    """A person, state, organisation, group or outlet named by the article."""

    section: ClassVar[str] = "actors"
    noun: ClassVar[str] = "actor"

    name: str = f.text("Full name as a reader would know it.", main=True, exported=f.Export.HEADING)
    kind: str = f.choice(
        "What sort of actor this is.", *ACTOR_KINDS, searched=False, exported=f.Export.NO
    )
    role: str | None = f.text(
        "Office or role, as the article gives it.",
        required=False,
        missing="not stated",
        exported=f.Export.ABOVE,
    )
    part_of: tuple[str, ...] = f.refs(
        "Actors this one belongs to or acts for.",
        "actors",
        backlink="Members",
        searched=False,
        exported=f.Export.NO,
    )
    aliases: tuple[str, ...] = f.slugs(
        "Ids this same actor has in other briefs of a library (not ids of this brief).",
        searched=False,
        exported=f.Export.NO,
    )
    notes: str | None = _author_notes()

    @property
    def label(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True, kw_only=True)
class Issue(Item):
    """A matter on which actors take positions."""

    section: ClassVar[str] = "issues"
    noun: ClassVar[str] = "issue"

    title: str = f.text(
        "The issue in a few words.", label="Issue", main=True, exported=f.Export.HEADING
    )
    aliases: tuple[str, ...] = f.slugs(
        "Ids this same issue has in other briefs of a library (not ids of this brief).",
        searched=False,
        exported=f.Export.NO,
    )
    notes: str | None = _author_notes()

    @property
    def label(self) -> str:
        return self.title


@dataclass(frozen=True, slots=True, kw_only=True)
class Position(Item):
    """One actor's stance on one issue, with the paragraphs that show it."""

    section: ClassVar[str] = "positions"
    noun: ClassVar[str] = "position"

    # The export lists positions under their issue, headed by their actor.
    actor: str = f.ref(
        "The actor who holds the position.",
        "actors",
        backlink="Positions of this actor",
        searched=False,
        exported=f.Export.HEADING,
    )
    issue: str = f.ref(
        "The issue it is a position on.",
        "issues",
        backlink="Positions on this issue",
        searched=False,
        exported=f.Export.HEADING,
    )
    stance: str = f.text("The stance in one sentence.", main=True, exported=f.Export.ABOVE)
    attribution: str = f.choice(
        "Who says the actor holds it: the actor (stated), the article reporting it (reported),"
        " or the article's author inferring it (inferred-by-author).",
        *ATTRIBUTIONS,
        words=ATTRIBUTION_WORDS,
        searched=False,
    )
    evidence: tuple[Evidence, ...] = f.records(
        "Paragraphs of the source that support it.", Evidence, min_items=1, searched=False
    )
    notes: str | None = _author_notes()

    @property
    def label(self) -> str:
        return self.stance

    @property
    def body(self) -> str:
        return self.stance


@dataclass(frozen=True, slots=True, kw_only=True)
class Question(Item):
    """An open question the article raises."""

    section: ClassVar[str] = "questions"
    noun: ClassVar[str] = "question"

    text: str = f.text("The question.", label="Question", main=True, exported=f.Export.HEADING)
    bears_on: tuple[str, ...] = f.refs(
        "Items whose outcome the question decides.",
        "positions",
        "issues",
        "actors",
        "timeline",
        backlink="Questions bearing on this",
        searched=False,
        exported=f.Export.NO,
    )
    evidence: tuple[Evidence, ...] = f.records(
        "Paragraphs that raise it.", Evidence, searched=False, exported=f.Export.NO
    )
    notes: str | None = _author_notes()

    @property
    def label(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote(Item):
    """A verbatim quotation from the article."""

    section: ClassVar[str] = "quotes"
    noun: ClassVar[str] = "quote"

    speaker: str = f.ref(
        "The actor quoted.", "actors", backlink="Quotes by this actor", exported=f.Export.HEADING
    )
    text: str = f.text(
        "The words, verbatim, as in the paragraph ('...' marks an omission).",
        cites="para",
        label="Words",
        main=True,
        exported=f.Export.ABOVE,
    )
    para: int = f.paragraph("Paragraph of the source that holds the quote.", label="Paragraph")
    context: str | None = f.text(
        "Where or how it was said.", required=False, searched=False, exported=f.Export.NO
    )
    notes: str | None = _author_notes()

    @property
    def label(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True, kw_only=True)
class Event(Item):
    """A dated event of the timeline."""

    section: ClassVar[str] = "timeline"
    noun: ClassVar[str] = "event"

    date: dt.date = f.date("When it happened.", searched=False, exported=f.Export.HEADING)
    text: str = f.markdown(
        "What happened (Markdown; [[id]] links allowed).",
        required=True,
        label="What happened",
        main=True,
    )
    actors: tuple[str, ...] = f.refs(
        "Actors taking part.",
        "actors",
        label="Actors taking part",
        backlink="Events with this actor",
        searched=False,
        exported=f.Export.NO,
    )
    evidence: tuple[Evidence, ...] = f.records(
        "Paragraphs that report it.", Evidence, searched=False, exported=f.Export.NO
    )
    notes: str | None = _author_notes()

    @property
    def label(self) -> str:
        return f"{self.date.isoformat()} {self.text}"

    @property
    def body(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of the source text, numbered from 1, with the line it starts on."""

    number: int
    text: str
    line: int


def with_article(noun: str) -> str:
    """'an actor', 'a position': a noun with its indefinite article."""
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


#: Brief sections that hold items, in reading order, with their item class.
SECTIONS: dict[str, type[Item]] = {
    "actors": Actor,
    "issues": Issue,
    "positions": Position,
    "questions": Question,
    "quotes": Quote,
    "timeline": Event,
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Brief:
    """A structured brief of one news article."""

    format: int = f.integer("Format version of this file; always 1.", minimum=1)
    id: str = f.slug("Unique id of the brief in a library.")
    title: str = f.text("Title of the brief.")
    summary: str | None = f.markdown("Summary of the article (Markdown; [[id]] links allowed).")
    source: Source = f.record("The article the brief is derived from.", Source)
    actors: tuple[Actor, ...] = f.records("People, states and organisations.", Actor)
    issues: tuple[Issue, ...] = f.records("Matters on which actors take positions.", Issue)
    positions: tuple[Position, ...] = f.records("Who holds which stance on which issue.", Position)
    questions: tuple[Question, ...] = f.records("Open questions the article raises.", Question)
    quotes: tuple[Quote, ...] = f.records("Verbatim quotations.", Quote)
    timeline: tuple[Event, ...] = f.records("Dated events.", Event)

    path: Path = field(default=Path(), compare=False)
    paragraphs: tuple[Paragraph, ...] = field(default=(), compare=False, repr=False)
    items: dict[str, Item] = field(default_factory=dict, compare=False, repr=False)
    links: LinkIndex | None = field(default=None, compare=False, repr=False)

    def item(self, item_id: str) -> Item | None:
        """The item with this id, or None."""
        return self.items.get(item_id)

    def section(self, name: str) -> tuple[Item, ...]:
        """The items of one section, by section name."""
        items: tuple[Item, ...] = getattr(self, name)
        return items

    def paragraph(self, number: int) -> Paragraph | None:
        """Source paragraph ``number`` (from 1), or None when out of range."""
        if 1 <= number <= len(self.paragraphs):
            return self.paragraphs[number - 1]
        return None


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
