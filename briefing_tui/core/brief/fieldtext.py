"""Declared fields as a reader sees them: which fields each front end takes, and their text.

The detail pane (``views.py``), the library search (``search/index.py``) and the Markdown export
(``export/document.py``) walk the field declarations of ``model.py`` through this module instead
of naming fields. The kind of a field decides how its value reads (:func:`field_text`: a REF is
the name of the item it names, a DATE its ISO form, an ENUM its words, a paragraph "¶N"); the
declaration decides whether and where it goes (:class:`~.fields.FieldSpec`).
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from .fields import Export, FieldSpec, Kind, specs
from .model import SECTIONS, Brief
from .wikilinks import plain_text

EMPTY: tuple[Any, ...] = (None, "", ())


def name_of(brief: Brief, item_id: str) -> str:
    """The label of the item ``item_id`` names, or the id when there is no such item."""
    item = brief.item(item_id)
    return item.label if item is not None else item_id


def field_text(brief: Brief, spec: FieldSpec, value: Any) -> str:
    """A field's value on one line, "" when it is empty: a REF or REFS field names its items, an
    ENUM gives its words, a paragraph reads "¶N", a DATE is ISO, Markdown is plain text with
    ``[[id]]`` links as names, records are their entries (:func:`entry_text`) joined by "; "."""
    if value in EMPTY:
        return ""
    kind = spec.kind
    if kind is _TEXT:
        return str(value)
    if kind is _REF:
        return name_of(brief, value)
    if kind is _ENUM:
        return spec.word(value)
    if kind is _REFS:
        return ", ".join(name_of(brief, item_id) for item_id in value)
    if kind is _SLUGS:
        return ", ".join(value)
    if kind is _INT:
        return f"¶{value}" if spec.paragraph else str(value)
    if kind is _DATE:
        assert isinstance(value, dt.date)
        return value.isoformat()
    if kind is _MARKDOWN:
        return plain_text(value, lambda item_id: name_of(brief, item_id))
    if kind is _RECORD:
        return entry_text(brief, value)
    if kind is _RECORDS:
        return "; ".join(entry_text(brief, entry) for entry in value)
    return str(value)  # SLUG, URL, PATH


# The kinds as plain names: Kind.TEXT is a lookup through the enum each time it is written,
# and field_text runs for every field of every item the search indexes and the export writes.
_TEXT, _MARKDOWN, _REF, _REFS, _SLUGS = Kind.TEXT, Kind.MARKDOWN, Kind.REF, Kind.REFS, Kind.SLUGS
_ENUM, _INT, _DATE, _RECORD, _RECORDS = Kind.ENUM, Kind.INT, Kind.DATE, Kind.RECORD, Kind.RECORDS


def entry_text(brief: Brief, record: object) -> str:
    """A nested record on one line: the texts of its shown fields in declaration order, words
    quoted from a paragraph in quotation marks (an evidence entry: "¶6 “the words”")."""
    parts: list[str] = []
    for spec in specs(type(record)).values():
        if not spec.shown:
            continue
        text = field_text(brief, spec, getattr(record, spec.name))
        if text:
            parts.append(f"“{text}”" if spec.cites else text)
    return " ".join(parts)


def shown_fields(cls: type) -> tuple[FieldSpec, ...]:
    """The fields the detail pane shows of an item, in declaration order but paragraph numbers
    last (where in the article the item comes from, like its evidence)."""
    return _shown_fields(cls)


def searched_fields(cls: type) -> tuple[FieldSpec, ...]:
    """The fields the search looks in, the item's main text first, then in declaration order."""
    return _searched_fields(cls)


def exported_fields(cls: type, place: Export) -> tuple[FieldSpec, ...]:
    """The fields the export writes at ``place``, in declaration order."""
    return _exported_fields(cls, place)


@functools.cache
def main_field_names() -> tuple[str, ...]:
    """The names of the fields that hold an item's own text, in any item class."""
    names = (s.name for cls in SECTIONS.values() for s in specs(cls).values() if s.main)
    return tuple(dict.fromkeys(names))


def citations(record: object) -> list[tuple[int, str | None]]:
    """The paragraphs a record cites, each with the words it quotes from it (None: the whole
    paragraph): a quote's own paragraph, the entries of its evidence, in declaration order."""
    cites, nested = _CITING.get(type(record)) or _citing(type(record))
    found = [(getattr(record, para), getattr(record, words)) for words, para in cites]
    for name in nested:
        for entry in getattr(record, name):
            found.extend(citations(entry))
    return found


def citing_fields(cls: type) -> tuple[tuple[str, str], ...]:
    """The fields of ``cls`` that quote words from a paragraph: (words field, paragraph field)."""
    return (_CITING.get(cls) or _citing(cls))[0]


#: Per record class: its (words, paragraph) field names, and its lists of records that cite.
_CITING: dict[type, tuple[tuple[tuple[str, str], ...], tuple[str, ...]]] = {}


def _citing(cls: type) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    declared = specs(cls).values()
    cites = tuple((spec.name, spec.cites) for spec in declared if spec.cites)
    nested = tuple(
        spec.name
        for spec in declared
        if spec.kind is Kind.RECORDS and spec.record is not None and citing_fields(spec.record)
    )
    _CITING[cls] = (cites, nested)
    return cites, nested


# Cached behind the functions above (see fields.specs for why they take a plain type).


@functools.cache
def _shown_fields(cls: type) -> tuple[FieldSpec, ...]:
    return tuple(sorted((s for s in specs(cls).values() if s.shown), key=lambda s: s.paragraph))


@functools.cache
def _searched_fields(cls: type) -> tuple[FieldSpec, ...]:
    return tuple(sorted((s for s in specs(cls).values() if s.searched), key=lambda s: not s.main))


@functools.cache
def _exported_fields(cls: type, place: Export) -> tuple[FieldSpec, ...]:
    return tuple(s for s in specs(cls).values() if s.exported is place)
