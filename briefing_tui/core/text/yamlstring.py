"""Writing text as a YAML string that any YAML reader gives back exactly."""

from __future__ import annotations

import json
import re

#: Characters that YAML does not allow raw in a file, or that would change its lines.
NEEDS_ESCAPE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")

_quote = json.encoder.encode_basestring


def yaml_string(text: str) -> str:
    """A double-quoted YAML scalar: JSON's string syntax is valid YAML, once the characters
    YAML forbids raw are escaped too."""
    quoted = _quote(text)  # what json.dumps(text, ensure_ascii=False) gives, without its checks
    return NEEDS_ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)
