"""Making untrusted text safe to show in a terminal.

Text from briefs, articles and notes may hold control characters: an escape sequence that sets
the terminal's title, writes the clipboard (OSC 52) or moves the cursor, or a bidi override
that reorders what the reader sees. It may also hold characters that show as nothing at all
("line\u2028sep" reads "linesep"): zero-width spaces and joiners, the word joiner, the byte
order mark, direction marks, line and paragraph separators, Unicode tag characters (which can
smuggle a whole invisible sentence). :func:`printable` replaces each with a visible stand-in,
so nothing reaches the terminal as a command and nothing is hidden from the reader either.

The stand-ins: a C0 control becomes its Unicode "control picture" (``␛`` for ESC, ``␀`` for
NUL), DEL becomes ``␡``; every other character named here becomes ``<U+XXXX>``, as C1
controls and bidi overrides always have. One visible character for C0 keeps a line's layout;
the code point for the rest names exactly what is there (there is no picture for U+200B).

Two joiners are kept where they do a job a reader can see, and hide nothing:

* U+200D ZERO WIDTH JOINER between two pictographs (an emoji, optionally with a skin tone or
  U+FE0F after it, then ZWJ, then another pictograph). That is how a family, a profession or
  the rainbow flag are built (👨‍👩‍👧 is three emoji and two ZWJ). A terminal that knows the
  sequence draws one glyph, one that does not draws the parts side by side; neither can hide
  text, and ``👨<U+200D>👩<U+200D>👧`` would mangle common text for nothing.
* U+200C ZERO WIDTH NON-JOINER and U+200D between two letters of the Arabic script or of an
  Indic script (Devanagari to Sinhala), where they are ordinary spelling: Persian writes
  ``می‌خواهم`` with a ZWNJ, and Indic conjuncts are chosen with them. Between Latin letters,
  digits or spaces, where they are only a way to hide something, they are replaced.

Tag characters are kept inside an emoji tag sequence (U+1F3F4, tags, U+E007F: the flags of
England, Scotland and Wales) and replaced everywhere else.
"""

from __future__ import annotations

import re
from bisect import bisect_left

# The invisible characters of the docstring, and a few more that show as nothing: invisible
# math operators (U+2061-2064), deprecated format controls, interlinear annotation marks.
_INVISIBLE = (
    "\u061c\u180e\u200b-\u200f\u2028\u2029\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb"
    "\U000e0000-\U000e007f"
)
#: C0 controls, DEL, C1 controls, the bidi embedding/override/isolate controls (the "Trojan
#: Source" characters) and the invisible characters: a regular expression character class
#: (without its brackets) of every character :func:`printable` may replace.
UNSAFE_CHARACTERS = f"\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069{_INVISIBLE}"
_UNSAFE_ONE_LINE = re.compile(f"[{UNSAFE_CHARACTERS}]")
_UNSAFE = re.compile(f"(?![\t\n])[{UNSAFE_CHARACTERS}]")  # tab and line feed stay

_ZWNJ, _ZWJ = "\u200c", "\u200d"
_EMOJI_MODIFIERS = re.compile("[\ufe0f\U0001f3fb-\U0001f3ff]+$")
_PICTOGRAPH = re.compile("[\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]")
# Letters (and their combining marks) of scripts that spell with ZWNJ and ZWJ.
_JOINING_SCRIPTS = (
    re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefe]"),  # Arabic
    re.compile("[\u0900-\u0dff]"),  # Indic: Devanagari, Bengali, ..., Sinhala
)
_TAG_SEQUENCE = re.compile("\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f")


def _stand_in(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # Unicode "control pictures": ␛ for ESC, ␀ for NUL
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"


def _kept(text: str, index: int, in_tag_sequence: list[tuple[int, int]]) -> bool:
    """Whether the invisible character at ``index`` does a visible job there (see above)."""
    char = text[index]
    if char in (_ZWNJ, _ZWJ) and 0 < index < len(text) - 1:
        before, after = text[index - 1], text[index + 1]
        if any(s.match(before) and s.match(after) for s in _JOINING_SCRIPTS):
            return True
        if char == _ZWJ:
            base = _EMOJI_MODIFIERS.sub("", text[max(0, index - 8) : index])
            return bool(base and _PICTOGRAPH.match(base[-1]) and _PICTOGRAPH.match(after))
        return False
    if "\U000e0000" <= char <= "\U000e007f":
        return any(start < index < end for start, end in in_tag_sequence)
    return False


def _replacements(text: str, one_line: bool) -> list[tuple[int, str]]:
    """(index, stand-in) of every character of ``text`` that is replaced."""
    pattern = _UNSAFE_ONE_LINE if one_line else _UNSAFE
    found = [m.start() for m in pattern.finditer(text)]
    if not found:
        return []
    tag_sequences = [m.span() for m in _TAG_SEQUENCE.finditer(text)]
    return [(i, _stand_in(text[i])) for i in found if not _kept(text, i, tag_sequences)]


def _apply(text: str, replacements: list[tuple[int, str]]) -> str:
    pieces: list[str] = []
    start = 0
    for index, stand_in in replacements:
        pieces.append(text[start:index])
        pieces.append(stand_in)
        start = index + 1
    pieces.append(text[start:])
    return "".join(pieces)


def printable(text: str, *, one_line: bool = False) -> str:
    """``text`` with every control and invisible character replaced by a visible stand-in.

    Tabs and line feeds are kept unless ``one_line`` is set, when they are replaced too.
    """
    replacements = _replacements(text, one_line)
    return _apply(text, replacements) if replacements else text


def printable_spans(
    text: str, spans: list[tuple[int, int]], *, one_line: bool = False
) -> tuple[str, list[tuple[int, int]]]:
    """``printable(text)``, and each (start, end) span of ``text`` moved to where the same
    characters are in it (a replaced character inside a span is covered by its stand-in)."""
    replacements = _replacements(text, one_line)
    if not replacements:
        return text, list(spans)
    indexes = [index for index, _ in replacements]
    grown: list[int] = []  # extra characters added by the stand-ins before and at each index
    total = 0
    for _, stand_in in replacements:
        total += len(stand_in) - 1
        grown.append(total)

    def moved(offset: int) -> int:
        before = bisect_left(indexes, offset)  # replaced characters before ``offset``
        return offset + (grown[before - 1] if before else 0)

    return _apply(text, replacements), [(moved(start), moved(end)) for start, end in spans]
