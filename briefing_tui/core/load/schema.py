"""The JSON Schema of the brief format, generated from the model's field declarations.

The shipped file ``briefing_tui/schema/brief.schema.json`` is this function's output (a test
keeps them equal), so editors that validate with it (the ``yaml-language-server`` modeline at
the top of every brief) check what the loader checks, as far as JSON Schema can: structure,
types, required keys, unknown keys, id and date formats, and the allowed words. References,
paragraph numbers and quotes need the whole brief and its article; only the loader checks them.
"""

from __future__ import annotations

import json
from typing import Any

from ..brief.fields import FieldSpec, Kind, specs
from ..brief.model import FORMAT_VERSION, Brief
from .scalars import MAX_SLUG, SLUG

SCHEMA_ID = "https://briefing-tui.invalid/schema/brief-v1.schema.json"
_SLUG_PATTERN = "^" + SLUG.pattern.removesuffix(r"\Z") + "$"
_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
# Absolute paths, drive letters and '..' parts: the article must lie beside the brief.
_ESCAPING_PATH = r"(^[/\\]|^[A-Za-z]:|(^|[/\\])\.\.([/\\]|$))"


def brief_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a brief file."""
    definitions: dict[str, Any] = {}
    root = _record_schema(Brief, definitions)
    root["properties"]["format"] = {
        "const": FORMAT_VERSION,
        "description": specs(Brief)["format"].doc,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "briefing-tui brief, format 1",
        **root,
        "$defs": definitions,
    }


def schema_json() -> str:
    """The schema as the text of the shipped file."""
    return json.dumps(brief_schema(), indent=2, ensure_ascii=False) + "\n"


def _record_schema(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    fields = specs(cls)
    return {
        "type": "object",
        "description": (cls.__doc__ or "").strip().splitlines()[0],
        "properties": {name: _field_schema(spec, definitions) for name, spec in fields.items()},
        "required": [name for name, spec in fields.items() if spec.required],
        "additionalProperties": False,
    }


def _ref(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    name = cls.__name__
    if name not in definitions:
        definitions[name] = {}  # reserve first: records may nest
        definitions[name] = _record_schema(cls, definitions)
    return {"$ref": f"#/$defs/{name}"}


def _field_schema(spec: FieldSpec, definitions: dict[str, Any]) -> dict[str, Any]:
    kind = spec.kind
    slug = {"type": "string", "pattern": _SLUG_PATTERN, "maxLength": MAX_SLUG}
    schema: dict[str, Any]
    if kind in (Kind.TEXT, Kind.MARKDOWN):
        schema = {"type": "string", "minLength": 1, "pattern": r"\S"}
    elif kind is Kind.PATH:
        schema = {"type": "string", "minLength": 1, "not": {"pattern": _ESCAPING_PATH}}
    elif kind in (Kind.SLUG, Kind.REF):
        schema = dict(slug)
    elif kind is Kind.REFS or kind is Kind.SLUGS:
        schema = {"type": "array", "items": slug, "uniqueItems": True}
    elif kind is Kind.INT:
        schema = {"type": "integer"}
        if spec.minimum is not None:
            schema["minimum"] = spec.minimum
    elif kind is Kind.DATE:
        schema = {"type": "string", "pattern": _DATE_PATTERN, "format": "date"}
    elif kind is Kind.URL:
        schema = {"type": "string", "pattern": r"^https?://[^\s/?#]+\S*$"}
    elif kind is Kind.ENUM:
        schema = {"enum": list(spec.choices)}
    elif kind is Kind.RECORD:
        assert spec.record is not None
        schema = _ref(spec.record, definitions)
    else:  # RECORDS
        assert spec.record is not None
        schema = {"type": "array", "items": _ref(spec.record, definitions)}
        if spec.min_items:
            schema["minItems"] = spec.min_items
    if not spec.required:  # the loader reads an empty or null optional value as "none"
        schema = {"anyOf": [schema, {"type": "null"}]}
    return (
        {**schema, "description": spec.doc}
        if "$ref" not in schema
        else {
            "allOf": [schema],
            "description": spec.doc,
        }
    )
