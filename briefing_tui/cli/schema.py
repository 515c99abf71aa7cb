"""``briefing-tui schema``: the JSON Schema (draft 2020-12) of the brief format."""

from __future__ import annotations

from ..core.load.schema import schema_json
from . import console
from .shared import EXIT_OK


def schema_command() -> int:
    """Print the JSON Schema of the brief format; returns the exit status."""
    console.out_text(schema_json())
    return EXIT_OK
