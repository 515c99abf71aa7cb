"""Making untrusted text safe to show in a terminal.

Text from briefs, articles and notes may hold control characters: an escape sequence that sets
the terminal's title, writes the clipboard (OSC 52) or moves the cursor, or a bidi override
that reorders what the reader sees. :func:`printable` replaces each with a visible stand-in, so
nothing reaches the terminal as a command and nothing is hidden from the reader either.
"""

from __future__ import annotations

import re

# C0 controls but tab and line feed, DEL, C1 controls, and the bidi embedding/override/isolate
# controls (the "Trojan Source" characters).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _stand_in(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # Unicode "control pictures": ␛ for ESC, ␀ for NUL
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"


def printable(text: str, *, one_line: bool = False) -> str:
    """``text`` with every control character replaced by a visible stand-in.

    Tabs and line feeds are kept unless ``one_line`` is set, when they are replaced too.
    """
    pattern = _UNSAFE_ONE_LINE if one_line else _UNSAFE
    return pattern.sub(_stand_in, text) if pattern.search(text) else text
