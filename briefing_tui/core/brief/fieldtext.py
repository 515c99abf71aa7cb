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
from collections.abc import Iterator
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
    if kind is Kind.REF:
        return name_of(brief, value)
    if kind is Kind.REFS:
        return ", ".join(name_of(brief, item_id) for item_id in value)
    if kind is Kind.SLUGS:
        return ", ".join(value)
    if kind is Kind.ENUM:
        return spec.word(value)
    if kind is Kind.INT:
        return f"¶{value}" if spec.paragraph else str(value)
    if kind is Kind.DATE:
        assert isinstance(value, dt.date)
        return value.isoformat()
    if kind is Kind.MARKDOWN:
        return plain_text(value, lambda item_id: name_of(brief, item_id))
    if kind is Kind.RECORD:
        return entry_text(brief, value)
    if kind is Kind.RECORDS:
        return "; ".join(entry_text(brief, entry) for entry in value)
    return str(value)  # TEXT, SLUG, URL, PATH


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


def citations(record: object) -> Iterator[tuple[int, str | None]]:
    """The paragraphs a record cites, each with the words it quotes from it (None: the whole
    paragraph): a quote's own paragraph, the entries of its evidence, in declaration order."""
    for spec in specs(type(record)).values():
        if spec.cites:
            yield getattr(record, spec.cites), getattr(record, spec.name)
        elif spec.kind is Kind.RECORDS and spec.record is not None and _cites(spec.record):
            for entry in getattr(record, spec.name):
                yield from citations(entry)


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


@functools.cache
def _cites(cls: type) -> bool:
    return any(spec.cites for spec in specs(cls).values())
