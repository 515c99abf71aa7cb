"""A loaded brief as plain JSON data and back, for the parse cache.

Only what the YAML holds is written (every field declared in :mod:`fields`, plus each record's
place in the file) with the source paragraphs and the ``[[id]]`` mentions found in Markdown.
The index of items and links is rebuilt on reading, which is quick; parsing YAML and Markdown,
which is slow, is not repeated. The field declarations drive both directions, so a field added
to the model is carried without a change here (and :func:`model_fingerprint` changes, which
retires old cache entries).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from ..brief.fields import FieldSpec, Kind, specs
from ..brief.linkindex import build_index, cited_paragraphs
from ..brief.model import FORMAT_VERSION, NOWHERE, SECTIONS, Brief, Item, Loc, Paragraph
from ..load.scalars import URL, is_path_inside, is_slug, parse_date
from ..load.strict_yaml import DEFAULT_LIMITS

LOC = "@loc"


@cache
def model_fingerprint() -> str:
    """A short hash of every record's field names and kinds: it changes when the model does."""
    parts: list[str] = []
    pending: list[type] = [Brief]
    seen: set[type] = set()
    while pending:
        cls = pending.pop()
        if cls in seen:
            continue
        seen.add(cls)
        for name, spec in specs(cls).items():
            parts.append(f"{cls.__name__}.{name}:{spec.kind.value}")
            if spec.record is not None:
                pending.append(spec.record)
    return hashlib.sha256("\n".join(sorted(parts)).encode()).hexdigest()[:12]


def brief_to_data(brief: Brief, mentions: Mapping[str, list[tuple[str, str]]]) -> dict[str, Any]:
    """The brief as JSON-ready data: its records, its paragraphs and the ``[[id]]``
    ``mentions`` the loader found, in the loader's order (backlinks are listed in it)."""
    data = _record_to_data(brief)
    data["paragraphs"] = [[p.number, p.text, p.line] for p in brief.paragraphs]
    data["mentions"] = {
        source: [[field, target] for field, target in pairs] for source, pairs in mentions.items()
    }
    return data


def brief_from_data(data: object, path: Path) -> Brief:
    """Rebuild a loaded brief from :func:`brief_to_data`'s output.

    The data is untrusted (a cache entry anyone could have written): every field is checked as
    the model declares it (type, ids, dates, words, nested records, lists), then the brief as a
    whole as the loader would have it (ids unique, references and ``[[id]]`` mentions naming
    items of the right sections, paragraph numbers in range). Raises :class:`NotABrief` at the
    first mismatch.
    """
    if type(data) is not dict:
        raise NotABrief("a brief is an object")
    fields = _values_from_data(Brief, data, extra=_BRIEF_EXTRA)
    paragraphs = _paragraphs_from_data(data["paragraphs"])
    items: dict[str, Item] = {}
    for section in SECTIONS:
        for item in fields[section]:
            if item.id in items or item.id == fields["id"]:
                raise NotABrief(f"id '{item.id}' is used twice")
            items[item.id] = item
    if fields["format"] != FORMAT_VERSION:
        raise NotABrief("another format")
    for item in items.values():
        _check_item(item, items, len(paragraphs))
    mentions = _mentions_from_data(data["mentions"], fields["id"], items)
    return Brief(
        **fields,
        path=path,
        paragraphs=paragraphs,
        items=items,
        links=build_index(items.values(), mentions),
    )


class NotABrief(ValueError):
    """Data that :func:`brief_to_data` cannot have written."""


_BRIEF_EXTRA = frozenset({"paragraphs", "mentions"})
#: No line or column of a file within the size limit is larger.
MAX_LINE = DEFAULT_LIMITS.max_bytes + 1


def _record_to_data(record: object) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name, spec in specs(type(record)).items():
        data[name] = _value_to_data(getattr(record, name), spec.kind)
    loc = getattr(record, "loc", None)
    if isinstance(loc, Loc) and loc != NOWHERE:
        data[LOC] = [loc.line, loc.column]
    return data


def _value_to_data(value: Any, kind: Kind) -> Any:
    if value is None:
        return None
    if kind is Kind.RECORD:
        return _record_to_data(value)
    if kind is Kind.RECORDS:
        return [_record_to_data(v) for v in value]
    if kind is Kind.DATE:
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def _record_from_data(cls: type, data: object) -> Any:
    if type(data) is not dict:
        raise NotABrief(f"{cls.__name__} is an object")
    return cls(**_values_from_data(cls, data))


def _values_from_data(
    cls: type, data: dict[str, Any], *, extra: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """The keyword arguments that rebuild a record of ``cls`` from its data, every field
    checked by its declaration; no key may be missing or unknown."""
    located, keys, readers = _reading(cls)
    if data.keys() != keys | extra:
        raise NotABrief(f"{cls.__name__} has other keys")
    values = {name: read(data[name]) for name, read in readers}
    if located:  # a loaded record of such a class always has its place
        values["loc"] = _loc_from_data(data[LOC])
    return values


@cache
def _reading(cls: type) -> tuple[bool, frozenset[str], tuple[tuple[str, Reader], ...]]:
    """How to read a record of ``cls``: whether it has a place, its keys, a reader per field."""
    located = "loc" in {f.name for f in dataclasses.fields(cls)}
    declared = specs(cls)
    keys = frozenset(declared) | ({LOC} if located else frozenset())
    return located, keys, tuple((name, _reader(spec)) for name, spec in declared.items())


Reader = Callable[[object], Any]


def _reader(spec: FieldSpec) -> Reader:
    """A function reading one field's value and checking it as :mod:`convert` checks it in a
    brief; it raises :class:`NotABrief` for any other value."""
    kind = spec.kind
    read: Reader
    if kind is Kind.RECORD or kind is Kind.RECORDS:
        assert spec.record is not None  # fields.record() and records() always give the class
        if kind is Kind.RECORD:
            read = functools.partial(_record_from_data, spec.record)
        else:
            read = functools.partial(_records_from_data, spec.record, spec.min_items)
    elif kind is Kind.REFS or kind is Kind.SLUGS:
        read = _ids_from_data
    elif kind is Kind.INT:
        read = functools.partial(_int_from_data, spec.minimum or 0)
    elif kind is Kind.DATE:
        read = _date_from_data
    else:
        read = functools.partial(_string_from_data, _STRING_CHECKS[kind], spec.choices)
    if not spec.required and kind in _NULLABLE:
        return functools.partial(_none_or, read)
    return read


def _none_or(read: Reader, value: object) -> Any:
    return None if value is None else read(value)


def _records_from_data(cls: type, min_items: int, value: object) -> tuple[Any, ...]:
    if type(value) is not list or len(value) < min_items:
        raise NotABrief("records are a list")
    return tuple(_record_from_data(cls, v) for v in value)


def _ids_from_data(value: object) -> tuple[str, ...]:
    if type(value) is not list:
        raise NotABrief("ids are a list")
    for entry in value:
        if type(entry) is not str or not is_slug(entry):
            raise NotABrief("not an id")
    if len(set(value)) != len(value):
        raise NotABrief("an id listed twice")
    return tuple(value)


def _int_from_data(minimum: int, value: object) -> int:
    if type(value) is not int or not minimum <= value <= MAX_LINE:
        raise NotABrief("not a whole number in range")
    return value


def _date_from_data(value: object) -> dt.date:
    date = parse_date(value) if type(value) is str else None
    if date is None:
        raise NotABrief("not a date")
    return date


def _string_from_data(
    check: Callable[[str, tuple[str, ...]], bool], choices: tuple[str, ...], value: object
) -> str:
    if type(value) is not str or not check(value, choices):
        raise NotABrief("not a string of its kind")
    return value


def _is_text(value: str, _choices: tuple[str, ...]) -> bool:
    return bool(value) and value == value.strip()


_STRING_CHECKS: dict[Kind, Callable[[str, tuple[str, ...]], bool]] = {
    Kind.TEXT: _is_text,
    Kind.PATH: lambda value, _choices: _is_text(value, ()) and is_path_inside(value),
    Kind.MARKDOWN: lambda value, _choices: bool(value.strip()) and value == value.rstrip(),
    Kind.SLUG: lambda value, _choices: is_slug(value),
    Kind.REF: lambda value, _choices: is_slug(value),
    Kind.URL: lambda value, _choices: URL.match(value) is not None,
    Kind.ENUM: lambda value, choices: value in choices,
}
_NULLABLE = frozenset({Kind.TEXT, Kind.MARKDOWN, Kind.DATE, Kind.URL, Kind.REF})


def _loc_from_data(data: object) -> Loc:
    if type(data) is not list or len(data) != 2:
        raise NotABrief("a place is [line, column]")
    line, column = data
    if not (_is_line(line) and _is_line(column)):
        raise NotABrief("a place is [line, column]")
    return Loc(line, column)


def _is_line(value: object) -> bool:
    return type(value) is int and 1 <= value <= MAX_LINE


def _paragraphs_from_data(data: object) -> tuple[Paragraph, ...]:
    if type(data) is not list:
        raise NotABrief("paragraphs are a list")
    paragraphs: list[Paragraph] = []
    for number, entry in enumerate(data, start=1):
        if type(entry) is not list or len(entry) != 3:
            raise NotABrief("a paragraph is [number, text, line]")
        given, text, line = entry
        if given != number or type(given) is not int or type(text) is not str or not text:
            raise NotABrief("paragraphs are numbered from 1 and hold text")
        if not _is_line(line):
            raise NotABrief("a paragraph starts on a line")
        paragraphs.append(Paragraph(number, text, line))
    return tuple(paragraphs)


def _check_item(item: Item, items: Mapping[str, Item], paragraphs: int) -> None:
    """The item's references name items of their sections; its paragraphs exist."""
    kind: type = type(item)  # typed as a class: see fields.specs
    for name, targets in _ref_fields(kind):
        value = getattr(item, name)
        for target in (value,) if isinstance(value, str) else value or ():
            found = items.get(target)
            if found is None or found.section not in targets:
                raise NotABrief(f"'{name}' of '{item.id}' names no item it may")
    if any(number > paragraphs for number in cited_paragraphs(item)):
        raise NotABrief(f"'{item.id}' cites a paragraph the article does not have")


@cache
def _ref_fields(cls: type) -> tuple[tuple[str, tuple[str, ...]], ...]:
    refs = (Kind.REF, Kind.REFS)
    return tuple((name, spec.targets) for name, spec in specs(cls).items() if spec.kind in refs)


def _mentions_from_data(
    data: object, brief_id: str, items: Mapping[str, Item]
) -> dict[str, list[tuple[str, str]]]:
    """``[[id]]`` mentions: from the brief or an item, in one of its Markdown fields, to an
    item."""
    if type(data) is not dict:
        raise NotABrief("mentions are an object")
    mentions: dict[str, list[tuple[str, str]]] = {}
    for source, pairs in data.items():
        holder: type | None = (
            Brief if source == brief_id else type(items[source]) if source in items else None
        )
        if holder is None or type(pairs) is not list:
            raise NotABrief("mentions from nothing")
        markdown = _markdown_fields(holder)
        found: list[tuple[str, str]] = []
        for pair in pairs:
            if type(pair) is not list or len(pair) != 2:
                raise NotABrief("a mention is [field, target]")
            field_name, target = pair
            if field_name not in markdown or type(target) is not str or target not in items:
                raise NotABrief("a mention names no Markdown field or no item")
            found.append((field_name, target))
        mentions[source] = found
    return mentions


@cache
def _markdown_fields(cls: type) -> frozenset[str]:
    return frozenset(name for name, spec in specs(cls).items() if spec.kind is Kind.MARKDOWN)
