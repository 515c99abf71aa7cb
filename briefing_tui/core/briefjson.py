"""A loaded brief as plain JSON data and back, for the parse cache.

Only what the YAML holds is written (every field declared in :mod:`fields`, plus each record's
place in the file) with the source paragraphs and the ``[[id]]`` mentions found in Markdown.
The index of items and links is rebuilt on reading, which is quick; parsing YAML and Markdown,
which is slow, is not repeated. The field declarations drive both directions, so a field added
to the model is carried without a change here (and :func:`model_fingerprint` changes, which
retires old cache entries).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from .fields import Kind, specs
from .links import build_index
from .model import NOWHERE, SECTIONS, Brief, Item, Loc, Paragraph

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


def brief_from_data(data: Mapping[str, Any], path: Path) -> Brief:
    """Rebuild a loaded brief from :func:`brief_to_data`'s output; raises KeyError, TypeError
    or ValueError when the data is not such output."""
    fields = _values_from_data(Brief, data)
    paragraphs = tuple(
        Paragraph(int(n), str(text), int(line)) for n, text, line in data["paragraphs"]
    )
    items: dict[str, Item] = {}
    for section in SECTIONS:
        for item in fields[section]:
            items.setdefault(item.id, item)
    mentions = {
        str(source): [(str(field), str(target)) for field, target in pairs]
        for source, pairs in data["mentions"].items()
    }
    return Brief(
        **fields,
        path=path,
        paragraphs=paragraphs,
        items=items,
        links=build_index(items.values(), mentions),
    )


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


def _record_from_data(cls: type, data: Mapping[str, Any]) -> Any:
    return cls(**_values_from_data(cls, data))


def _values_from_data(cls: type, data: Mapping[str, Any]) -> dict[str, Any]:
    """The keyword arguments that rebuild a record of ``cls`` from its data."""
    values: dict[str, Any] = {}
    for name, spec in specs(cls).items():
        value = data[name]
        if value is None:
            values[name] = None
        elif spec.kind is Kind.RECORD:
            values[name] = _record_from_data(spec.record, value)  # type: ignore[arg-type]
        elif spec.kind is Kind.RECORDS:
            values[name] = tuple(_record_from_data(spec.record, v) for v in value)  # type: ignore[arg-type]
        elif spec.kind is Kind.DATE:
            values[name] = dt.date.fromisoformat(value)
        elif isinstance(value, list):
            values[name] = tuple(value)
        else:
            values[name] = value
    if LOC in data:
        line, column = data[LOC]
        values["loc"] = Loc(int(line), int(column))
    return values
