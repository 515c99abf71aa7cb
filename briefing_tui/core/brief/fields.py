"""Field declarations shared by the model, the loader and the JSON Schema.

Each field of a brief record is declared once, on its dataclass, with one of the helpers below.
The helpers store a :class:`FieldSpec` in the dataclass field's metadata, so the loader
(``convert.py``) and the schema generator (``schema.py``) read the same declaration and cannot
disagree about names, types, required fields or reference targets.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
from dataclasses import dataclass
from typing import Any


class Kind(enum.Enum):
    """What kind of YAML value a field holds."""

    TEXT = "text"  # a single string, shown literally
    MARKDOWN = "markdown"  # a string rendered as Markdown; may hold [[id]] links
    SLUG = "slug"  # an id: lowercase letters, digits and single hyphens
    REF = "ref"  # the id of another item of this brief
    REFS = "refs"  # a list of ids of other items
    SLUGS = "slugs"  # a list of ids that are not references into this brief (aliases)
    INT = "int"  # a whole number
    DATE = "date"  # an ISO date, YYYY-MM-DD
    URL = "url"  # an http(s) URL
    ENUM = "enum"  # one of a fixed set of words
    PATH = "path"  # a file path relative to the brief
    RECORD = "record"  # a nested mapping of another record type
    RECORDS = "records"  # a list of nested mappings


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """How one field of a record is written in YAML and what it means."""

    kind: Kind
    doc: str
    required: bool
    targets: tuple[str, ...] = ()  # REF/REFS: the sections whose items may be referenced
    choices: tuple[str, ...] = ()  # ENUM: the allowed words
    record: type | None = None  # RECORD/RECORDS: the nested record class
    minimum: int | None = None  # INT: the smallest allowed value
    min_items: int = 0  # REFS/RECORDS: the fewest entries allowed


def _field(spec: FieldSpec, default: Any = dataclasses.MISSING) -> Any:
    return dataclasses.field(default=default, metadata={"spec": spec})


def _default_none(required: bool) -> Any:
    return dataclasses.MISSING if required else None


def text(doc: str, *, required: bool = True) -> Any:
    """A plain text field."""
    return _field(FieldSpec(Kind.TEXT, doc, required), _default_none(required))


def markdown(doc: str, *, required: bool = False) -> Any:
    """A Markdown field; ``[[id]]`` inside it links to an item of the brief."""
    return _field(FieldSpec(Kind.MARKDOWN, doc, required), _default_none(required))


def slug(doc: str) -> Any:
    """A required id."""
    return _field(FieldSpec(Kind.SLUG, doc, True))


def ref(doc: str, *targets: str, required: bool = True) -> Any:
    """The id of one item in one of the ``targets`` sections."""
    spec = FieldSpec(Kind.REF, doc, required, targets=targets)
    return _field(spec, _default_none(required))


def refs(doc: str, *targets: str) -> Any:
    """An optional list of item ids, each in one of the ``targets`` sections."""
    return _field(FieldSpec(Kind.REFS, doc, False, targets=targets), ())


def slugs(doc: str) -> Any:
    """An optional list of ids, each checked as an id but naming nothing in this brief."""
    return _field(FieldSpec(Kind.SLUGS, doc, False), ())


def integer(doc: str, *, minimum: int | None = None) -> Any:
    """A required whole number."""
    return _field(FieldSpec(Kind.INT, doc, True, minimum=minimum))


def date(doc: str, *, required: bool = True) -> Any:
    """An ISO date (``YYYY-MM-DD``); ``null`` allowed when not required."""
    return _field(FieldSpec(Kind.DATE, doc, required), _default_none(required))


def url(doc: str) -> Any:
    """An optional http(s) URL."""
    return _field(FieldSpec(Kind.URL, doc, False), None)


def choice(doc: str, *choices: str) -> Any:
    """A required word out of ``choices``."""
    return _field(FieldSpec(Kind.ENUM, doc, True, choices=choices))


def path(doc: str) -> Any:
    """A required path relative to the brief file."""
    return _field(FieldSpec(Kind.PATH, doc, True))


def record(doc: str, cls: type) -> Any:
    """A required nested record."""
    return _field(FieldSpec(Kind.RECORD, doc, True, record=cls))


def records(doc: str, cls: type, *, min_items: int = 0) -> Any:
    """A list of nested records; optional (empty) unless ``min_items`` > 0."""
    spec = FieldSpec(Kind.RECORDS, doc, min_items > 0, record=cls, min_items=min_items)
    return _field(spec, () if min_items == 0 else dataclasses.MISSING)


def specs(cls: type) -> dict[str, FieldSpec]:
    """The declared YAML fields of a record class, in declaration order."""
    return _specs(cls)


# Cached behind specs(): a cache's arguments must be Hashable, and mypy takes a dataclass's
# own __hash__ for its class's, so type[Item] passed straight to the cache would not check.
@functools.cache
def _specs(cls: type) -> dict[str, FieldSpec]:
    return {f.name: f.metadata["spec"] for f in dataclasses.fields(cls) if "spec" in f.metadata}
