"""Reading scalar values: ids, dates, numbers, and what YAML 1.1 would make of plain text."""

from __future__ import annotations

import datetime as dt
import re

import yaml

from .strict_yaml import Mapping, Node, Scalar, Sequence

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
MAX_SLUG = 80
DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})\Z")
WHOLE_NUMBER = re.compile(r"(?:0|[1-9][0-9]*)\Z")  # no leading zeros: YAML 1.1 reads 010 as 8
URL = re.compile(r"https?://[^\s/?#]+[^\s]*\Z")
_RESOLVER = yaml.resolver.Resolver()
_IMPLICIT = yaml.resolver.Resolver.yaml_implicit_resolvers
_TYPE_WORDS = {
    "tag:yaml.org,2002:bool": "a boolean",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:timestamp": "a date",
    "tag:yaml.org,2002:null": "null (no value)",
    "tag:yaml.org,2002:merge": "a merge key",
    "tag:yaml.org,2002:value": "a special value",
}


def describe(node: Node) -> str:
    """How a node looks to the person who wrote it, for messages."""
    if type(node) is Mapping:
        return "a mapping"
    if type(node) is Sequence:
        return "a list"
    assert type(node) is Scalar
    value = node.value
    shown = value if len(value) <= 40 else value[:37] + "..."
    return f"'{shown}'" if value else "nothing"


def yaml_reading(scalar: Scalar) -> str | None:
    """What a YAML 1.1 tool would read this plain scalar as, when not text (None when text)."""
    if not scalar.plain:
        return None
    value = scalar.value
    if value and value[0] not in _IMPLICIT:
        return None
    # PyYAML's stubs leave Resolver.resolve untyped; it returns the tag as a str.
    tag = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    return _TYPE_WORDS.get(tag)


def is_null(node: Node) -> bool:
    """Whether a node is YAML's null: empty, ``~`` or ``null`` written plain."""
    return type(node) is Scalar and node.plain and node.value in ("", "~", "null", "Null", "NULL")


def parse_date(value: str) -> dt.date | None:
    """The date written ``YYYY-MM-DD``, or None when it is not one (or not a real day)."""
    match = DATE.match(value)
    if not match:
        return None
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        return None


def is_slug(value: str) -> bool:
    """Whether ``value`` is a valid id: lowercase letters, digits, single hyphens, not too long."""
    return bool(SLUG.match(value)) and len(value) <= MAX_SLUG


def is_path_inside(text: str) -> bool:
    """Whether a path as a brief writes it stays inside the brief's folder by its name alone:
    relative (no drive letter either) and without ``..`` (links are another matter: see
    :mod:`articlepath`)."""
    parts = text.replace("\\", "/").split("/")
    return not (text.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", text) or ".." in parts)


def slugify(text: str) -> str:
    """A valid id made from free text: 'President Macron' -> 'president-macron'."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))[:MAX_SLUG].strip("-")
