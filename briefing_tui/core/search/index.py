"""Searching a library of briefs: their titles, their items and the reader's notes and tags.

:class:`SearchIndex` folds and lowercases every searchable text once, so that each query (the
language of :mod:`briefing_tui.core.search.query`) is only substring tests (about 20 ms for 1,000
briefs of 50 items: ``bench/search.py``). Hits come newest brief first (undated last), then in
brief order.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..brief.article import fold
from ..brief.fields import FieldSpec, Kind
from ..brief.fieldtext import field_text, main_field_names, name_of, searched_fields
from ..brief.model import SECTIONS, Actor, Brief, Event, Item, Position, Quote
from ..brief.views import link_label
from ..library.across import AliasGroups, actor_groups
from ..notes.annotations import Annotation
from ..notes.folder import read_notes
from .filter import annotation_matches
from .query import WORD, LibraryQuery, parse_library_query

if TYPE_CHECKING:
    from ..library.entries import LibraryEntry

_WIKILINK = re.compile(r"\[\[\s*([^\[\]\n]+?)\s*\]\]")
SNIPPET_WIDTH = 80
#: The fields that hold an item's own text, which its label shows (and a brief's title).
LABEL_FIELDS = ("title", *main_field_names())


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: a brief's title (``item_id`` None) or an item of a brief.

    ``where`` names the field the words matched in ("stance", "note", "speaker", ...; "" when
    only filters matched) and ``snippet`` is a one-line excerpt of it around the match: the field
    that holds a word the item's own text does not, if any (see :attr:`in_label`).
    ``line`` and ``column`` locate the item in the brief file (1:1 for a title hit).
    """

    path: Path
    brief_id: str
    brief_title: str
    published: dt.date | None
    item_id: str | None
    section: str  # "brief" for a title hit, else the item's section ("positions", ...)
    label: str
    where: str = ""
    snippet: str = ""
    line: int = 1
    column: int = 1

    @property
    def in_label(self) -> bool:
        """Whether the words matched only in the text the label shows (so a front end need not
        show the snippet); False too when only filters matched."""
        return self.where in LABEL_FIELDS


@dataclass(frozen=True)
class Results:
    """What a search found: the first hits (up to the limit), how many there are in all, in
    how many briefs, and the problems of the query (then there are no hits)."""

    hits: tuple[Hit, ...] = ()
    total: int = 0
    briefs: int = 0
    problems: tuple[str, ...] = ()


@dataclass(slots=True)
class _Doc:
    """What is searched of one item (or of a brief's titles, when ``item`` is None)."""

    item: Item | None
    fields: tuple[tuple[str, str], ...]  # (field name, folded text), label field first
    haystack: str  # the fields' texts, lowercase, one per line
    actors: frozenset[str]
    date: int  # ordinal of the date filters compare, 0 when undated
    annotation: Annotation | None
    owner: _Indexed | None = None


@dataclass(slots=True)
class _Indexed:
    """One brief of the index, its documents in brief order (its titles first)."""

    path: Path
    brief: Brief
    docs: list[_Doc]
    haystack: str  # every doc's haystack: a brief without a word is skipped at once
    actor_names: list[tuple[str, list[str]]]  # id, words of the name
    annotated: bool  # whether any of its items has an annotation


Notes = Mapping[str, Mapping[str, Annotation]] | Callable[[str], Mapping[str, Annotation]]
#: States that an item without annotation is in; every other state or tag needs one.
_WITHOUT_ANNOTATION = ("unannotated", "unmarked")


class SearchIndex:
    """The searchable text of a library, folded once; :meth:`search` runs queries on it.

    ``notes`` gives the reader's annotations of a brief by its id: a mapping, or a function
    such as ``lambda brief_id: read_notes(brief_id, folder)`` (see :meth:`from_library`).
    """

    def __init__(self, entries: Iterable[LibraryEntry], notes: Notes | None = None) -> None:
        lookup = _lookup(notes)
        indexed: list[_Indexed] = []
        skipped: list[Path] = []
        for entry in entries:
            if entry.brief is None:
                skipped.append(entry.path)
            else:
                indexed.append(_index_brief(entry.path, entry.brief, lookup(entry.brief.id)))
        indexed.sort(key=_brief_order)
        self._briefs = indexed
        # Actor ids joined by aliases across the library (docs/format.md, "Across briefs"),
        # grouped by the across-briefs index's rule so that the two never disagree.
        self._actors: AliasGroups = actor_groups(b.brief for b in indexed)
        #: Library files that did not load, so were not searched.
        self.skipped: tuple[Path, ...] = tuple(skipped)

    @classmethod
    def from_library(
        cls, entries: Iterable[LibraryEntry], notes_dir: Path | None = None
    ) -> SearchIndex:
        """An index of ``entries`` with the annotations in ``notes_dir`` (read only)."""
        return cls(entries, lambda brief_id: read_notes(brief_id, notes_dir))

    @property
    def brief_count(self) -> int:
        """How many briefs are searched."""
        return len(self._briefs)

    @property
    def item_count(self) -> int:
        """How many items (and brief titles) are searched."""
        return sum(len(b.docs) for b in self._briefs)

    def search(self, query: str | LibraryQuery, limit: int | None = 50) -> Results:
        """The hits of ``query``, at most ``limit`` of them (None: all), with the total."""
        parsed = parse_library_query(query) if isinstance(query, str) else query
        if parsed.problems:
            return Results(problems=parsed.problems)
        if parsed.is_empty:
            return Results()
        # Each step keeps what passes in a list comprehension: the tests run at C speed, and the
        # cheapest and most selective come first (longer words are rarer).
        words = sorted(parsed.words, key=len, reverse=True)
        filters = parsed.filters
        needs_annotation = bool(filters.tags) or any(
            state not in _WITHOUT_ANNOTATION for state in filters.states
        )
        briefs = self._briefs
        if needs_annotation:
            briefs = [b for b in briefs if b.annotated]
        for word in words:
            briefs = [b for b in briefs if word in b.haystack]
        skip = 1 if parsed.selects_items else 0  # a brief's titles are its first doc
        docs = [doc for b in briefs for doc in b.docs[skip:]]
        if needs_annotation:
            docs = [doc for doc in docs if doc.annotation is not None]
        for word in words:
            docs = [doc for doc in docs if word in doc.haystack]
        if parsed.after or parsed.before:
            low = parsed.after.toordinal() if parsed.after else 1
            high = parsed.before.toordinal() if parsed.before else dt.date.max.toordinal()
            docs = [doc for doc in docs if low <= doc.date <= high]
        for term in parsed.actors:
            ids = self._actors.ids(term)
            named: dict[int, set[str]] = {}
            docs = [
                doc
                for doc in docs
                if doc.actors and doc.actors & _cached_names(named, doc.owner, term, ids)
            ]
        if filters.tags or filters.states:
            docs = [doc for doc in docs if annotation_matches(doc.annotation, filters)]
        shown = docs if limit is None else docs[:limit]
        return Results(
            tuple(_hit(doc, parsed.words) for doc in shown),
            len(docs),
            len({id(doc.owner) for doc in docs}),
        )


def _cached_names(
    cache: dict[int, set[str]], owner: _Indexed | None, term: str, ids: frozenset[str]
) -> set[str]:
    """:func:`_actors_named`, computed once per brief of a search."""
    key = id(owner)
    if key not in cache:
        cache[key] = _actors_named(owner, term, ids) if owner is not None else set()
    return cache[key]


def _lookup(notes: Notes | None) -> Callable[[str], Mapping[str, Annotation]]:
    if notes is None:
        return lambda _brief_id: {}
    if callable(notes):
        return notes
    return lambda brief_id: notes.get(brief_id, {})


def _index_brief(path: Path, brief: Brief, notes: Mapping[str, Annotation]) -> _Indexed:
    published = brief.source.published.toordinal() if brief.source.published else 0
    names = {actor.id: _fold(actor.name) for actor in brief.actors}  # for actor: filters
    source = brief.source
    titles = [("title", brief.title), ("headline", source.title)]
    if source.outlet:
        titles.append(("outlet", source.outlet))
    docs = [_doc(None, titles, frozenset(), published, None)]
    for section in SECTIONS:
        for item in brief.section(section):
            date = item.date.toordinal() if isinstance(item, Event) else published
            fields = _item_fields(brief, item)
            annotation = notes.get(item.id)
            if annotation is not None:
                if annotation.note.strip():
                    fields.append(("note", annotation.note))
                if annotation.tags:
                    fields.append(("tags", " ".join(annotation.tags)))
            docs.append(_doc(item, fields, _involved(item), date, annotation))
    indexed = _Indexed(
        path,
        brief,
        docs,
        "\n".join(doc.haystack for doc in docs),
        [(a.id, WORD.findall(names[a.id].lower())) for a in brief.actors],
        any(doc.annotation is not None for doc in docs),
    )
    for doc in docs:
        doc.owner = indexed
    return indexed


def _doc(
    item: Item | None,
    fields: list[tuple[str, str]],
    actors: frozenset[str],
    date: int,
    annotation: Annotation | None,
) -> _Doc:
    folded = tuple((name, _fold(text)) for name, text in fields if text)
    haystack = "\n".join(text for _, text in folded).lower()
    return _Doc(item, folded, haystack, actors, date, annotation)


def _fold(text: str) -> str:
    """:func:`briefing_tui.core.brief.article.fold`, seven times faster on plain ASCII text (which
    it only needs to make single-spaced)."""
    if text.isascii() and "`" not in text:
        return " ".join(text.split())
    return fold(text)


def _item_fields(brief: Brief, item: Item) -> list[tuple[str, str]]:
    """The searched fields of an item, as declared: its main text first (what its label
    shows), then in declaration order, each under the name a hit gives it."""
    cls = type(item)
    plan = _PLANS.get(cls) or _plan(cls)
    found: list[tuple[str, str]] = []
    for name, where, how, spec in plan:
        value = getattr(item, name)
        if value is None:
            continue
        if how == _AS_IS:
            found.append((where, value))
        elif how == _MARKDOWN:
            found.append((where, _readable(brief, value)))
        else:
            found.append((where, field_text(brief, spec, value)))
    return found


# How _item_fields reads a field: plain text as it is (what field_text says, sooner: most
# fields are plain text), Markdown with its [[id]] links made names, anything else by kind.
_AS_IS, _MARKDOWN, _BY_KIND = 0, 1, 2
#: Per item class: each searched field's name, what a hit calls it, how to read it, and its
#: declaration. A plain loop over these keeps the index build as fast as naming fields was.
_PLANS: dict[type, tuple[tuple[str, str, int, FieldSpec], ...]] = {}


def _plan(cls: type) -> tuple[tuple[str, str, int, FieldSpec], ...]:
    hows = {Kind.TEXT: _AS_IS, Kind.MARKDOWN: _MARKDOWN}
    plan = tuple(
        (spec.name, spec.searched_as, hows.get(spec.kind, _BY_KIND), spec)
        for spec in searched_fields(cls)
    )
    _PLANS[cls] = plan
    return plan


def _readable(brief: Brief, markdown: str) -> str:
    """Markdown as searched: ``[[id]]`` links read as the names they point at, the rest as
    written."""
    return _WIKILINK.sub(lambda m: name_of(brief, m.group(1)), markdown)


def _involved(item: Item) -> frozenset[str]:
    """The actors an item involves, for ``actor:``."""
    if isinstance(item, Actor):
        return frozenset((item.id,))
    if isinstance(item, Position):
        return frozenset((item.actor,))
    if isinstance(item, Quote):
        return frozenset((item.speaker,))
    if isinstance(item, Event):
        return frozenset(item.actors)
    return frozenset()


def _actors_named(indexed: _Indexed, term: str, ids: frozenset[str]) -> set[str]:
    """Ids of the brief's actors that ``term`` names: by id (``ids``: the term and the ids
    aliases join to it), or with each of its hyphenated parts the start of a word of their
    name."""
    parts = term.split("-")
    return {
        actor_id
        for actor_id, words in indexed.actor_names
        if actor_id in ids or all(any(w.startswith(p) for w in words) for p in parts)
    }


def _brief_order(indexed: _Indexed) -> tuple[int, str, str]:
    """Newest first, undated last, then by title and path (as the library lists them)."""
    published = indexed.brief.source.published
    return (
        -published.toordinal() if published else 1,
        indexed.brief.title.lower(),
        str(indexed.path),
    )


def _hit(doc: _Doc, words: tuple[str, ...]) -> Hit:
    indexed = doc.owner
    assert indexed is not None
    brief = indexed.brief
    where, snippet = _where(doc, words)
    item = doc.item
    if item is None:
        return Hit(
            indexed.path,
            brief.id,
            brief.title,
            brief.source.published,
            None,
            "brief",
            brief.title,
            where,
            snippet,
        )
    return Hit(
        indexed.path,
        brief.id,
        brief.title,
        brief.source.published,
        item.id,
        item.section,
        link_label(brief, item.id),
        where,
        snippet,
        item.loc.line or 1,
        item.loc.column or 1,
    )


def _where(doc: _Doc, words: tuple[str, ...]) -> tuple[str, str]:
    """The field to show a match in: the first that holds a word the label's field does not
    hold (the surprising one), else the label's field; with an excerpt around the word."""
    if not words or not doc.fields:
        return "", ""
    lowered = [(name, text, text.lower()) for name, text in doc.fields]
    first_name, first_text, first_low = lowered[0]
    for word in words:
        if word in first_low:
            continue
        for name, text, low in lowered[1:]:
            if word in low:
                return name, _excerpt(text, low, word)
    return first_name, _excerpt(first_text, first_low, words[0])


def _excerpt(text: str, low: str, word: str) -> str:
    """About :data:`SNIPPET_WIDTH` characters of ``text`` around ``word``, on one line."""
    if len(text) <= SNIPPET_WIDTH:
        return text
    at = low.find(word) if len(low) == len(text) else 0
    start = max(0, min(at - SNIPPET_WIDTH // 3, len(text) - SNIPPET_WIDTH))
    end = start + SNIPPET_WIDTH
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")
