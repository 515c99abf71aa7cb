"""Direct quotations in an article: quote marks paired, continued quotations, scare quotes.

:func:`find_spans` pairs quote marks in each paragraph (straight, curly and guillemets, mixed as
scraped text mixes them) and marks quotations continued into the next paragraph.
:func:`is_statement` tells a quoted statement from scare quotes (spans of one or two words) and
from quoted titles of works, which are left out. Who said a quotation is for :mod:`.speakers`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .tokens import tokenize

OPENING = '"“„«'
CLOSING = '"”»'
MIN_WORDS = 3

_TITLE_CUES = frozenset(
    """book film movie song album novel play show series poem article essay headline headlined
    titled entitled dubbed nicknamed called slogan motto hashtag campaign operation""".split()
)


@dataclass
class Span:
    """A quoted span: paragraph number (from 1) and the offsets of the words inside the marks."""

    para: int
    start: int
    end: int
    text: str
    closed: bool = True
    continues: bool = False  #: unclosed, and the next paragraph opens a quotation
    continued: bool = False  #: the paragraph before ended inside this quotation


def find_spans(paragraphs: list[str]) -> tuple[list[Span], list[int]]:
    """Every quoted span of every paragraph, and the paragraphs whose marks do not pair up."""
    spans: list[Span] = []
    unbalanced: list[int] = []
    previous_open = False
    for number, text in enumerate(paragraphs, start=1):
        found, dangling, stray = _pair_marks(text)
        first = len(spans)  # this paragraph's first span, if it has any
        for start, end in found:
            spans.append(Span(number, start, end, text[start:end]))
        if dangling is not None:
            next_text = paragraphs[number].lstrip() if number < len(paragraphs) else ""
            continues = bool(next_text) and next_text[0] in OPENING
            spans.append(Span(number, dangling, len(text), text[dangling:], False, continues))
            if not continues:
                unbalanced.append(number)
        if stray:
            unbalanced.append(number)
        if previous_open and len(spans) > first:
            spans[first].continued = True
        previous_open = dangling is not None and spans[-1].continues
    return spans, sorted(set(unbalanced))


def _pair_marks(text: str) -> tuple[list[tuple[int, int]], int | None, bool]:
    """(start, end) of closed spans, the start of an unclosed one, and whether a closing mark
    had nothing to close."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    stray = False
    for index, char in enumerate(text):
        if opened is None:
            if char in OPENING and _opens(text, index):
                opened = index + 1
            elif char in "”»":
                stray = True
        elif char in CLOSING and _closes(text, index):
            spans.append((opened, index))
            opened = None
    return spans, opened, stray


def _opens(text: str, index: int) -> bool:
    """A straight quote opens a quotation where a word follows it (not after a letter: 12")."""
    if text[index] != '"':
        return True
    after = text[index + 1 : index + 2]
    before = text[index - 1 : index] if index else " "
    return bool(after) and not after.isspace() and not before.isalnum()


def _closes(text: str, index: int) -> bool:
    if text[index] != '"':
        return True
    before = text[index - 1 : index] if index else ""
    return bool(before) and not before.isspace()


def word_count(text: str) -> int:
    """Words in ``text``, for telling statements from scare quotes."""
    return sum(1 for token in tokenize(text) if token.is_word or token.text[:1].isdigit())


def is_statement(span: Span, paragraph: str) -> bool:
    """Whether a span is a quoted statement: three words or more, not a quoted title."""
    words = word_count(span.text)
    if words < MIN_WORDS and not (span.continued or span.continues):
        return False
    if words <= _TITLE_MAX_WORDS and _title_case(span.text) and not span.continues:
        return False  # "Face the Nation", "State of the Union": a title, not a statement
    before = tokenize(paragraph[max(0, span.start - 40) : span.start - 1])
    cues = [t.text.casefold() for t in before if t.is_word]
    return not (cues and cues[-1] in _TITLE_CUES and _title_case(span.text))


_TITLE_MAX_WORDS = 6


def _title_case(text: str) -> bool:
    """Every longer word capitalised, and not shouted in capitals throughout."""
    words = [t for t in tokenize(text) if t.is_word and len(t.text) > 3]
    return (
        bool(words)
        and all(t.capitalised for t in words)
        and not all(t.text.isupper() for t in words)
        and not any(t.text in ("I", "We", "You") for t in tokenize(text)[1:])
    )
