"""The source article: splitting it into numbered paragraphs and finding quoted words in them.

The paragraph rule (documented in docs/format.md):

1. Line ends are normalised: CRLF and lone CR count as LF.
2. A blank line (empty, or only whitespace) ends a paragraph.
3. Inside a run of non-blank lines, a line indented deeper than the run's least-indented line
   starts a new paragraph. This splits wire copy whose paragraphs are marked only by a first-line
   indent, and leaves ordinary hard-wrapped text (all lines at the same indent) as one paragraph.
4. A paragraph's text is its lines, stripped, joined by single spaces.

Paragraphs are numbered from 1 in file order; debris blocks ("print-icon") count like any other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .model import Paragraph

_LINE_END = re.compile(r"\r\n?")


def split_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Split article text into numbered paragraphs by the rule in this module's docstring."""
    lines = _LINE_END.sub("\n", text).split("\n")
    paragraphs: list[Paragraph] = []
    run: list[tuple[int, str]] = []  # (1-based line number, raw line) of the current block

    def flush() -> None:
        if not run:
            return
        least = min(_indent(raw) for _, raw in run)
        current: list[str] = []
        start = run[0][0]
        for number, raw in run:
            if current and _indent(raw) > least:
                paragraphs.append(Paragraph(len(paragraphs) + 1, " ".join(current), start))
                current, start = [], number
            current.append(raw.strip())
        paragraphs.append(Paragraph(len(paragraphs) + 1, " ".join(current), start))
        run.clear()

    for number, raw in enumerate(lines, start=1):
        if raw.strip():
            run.append((number, raw))
        else:
            flush()
    flush()
    return tuple(paragraphs)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


# --- Matching quoted words -------------------------------------------------------------------

_FOLD = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark / apostrophe
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",  # prime
        "\u00b4": "'",  # acute accent used as an apostrophe
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',  # guillemets
        "\u00bb": '"',
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2015": "-",  # horizontal bar
        "\u2212": "-",  # minus sign
        "\u2026": "...",  # ellipsis
        "\u00ad": None,  # soft hyphen: invisible
        "\u200b": None,  # zero-width space
    }
)
_SPACE = re.compile(r"\s+")
# An omission inside a quotation: "...", "…" or "[...]".
_ELLIPSIS = re.compile(r"\s*(?:\[\s*\.\.\.\s*\]|\.\.\.)\s*")


def fold(text: str) -> str:
    """Text with whitespace folded and quote marks and dashes made plain, for comparing."""
    return _SPACE.sub(" ", text.translate(_FOLD)).strip()


def _fold_with_map(text: str) -> tuple[str, list[int]]:
    """:func:`fold`, plus for each folded character the index it came from in ``text``."""
    out: list[str] = []
    origin: list[int] = []
    pending_space = False
    for index, char in enumerate(text):
        if char.isspace():
            pending_space = bool(out)
            continue
        mapped = char.translate(_FOLD)
        if not mapped:
            continue
        if pending_space:
            out.append(" ")
            origin.append(index)
            pending_space = False
        for piece in mapped:
            out.append(piece)
            origin.append(index)
    return "".join(out), origin


def quote_pieces(quote: str) -> list[str]:
    """The folded pieces of a quotation, split where '...' marks an omission."""
    return [piece for piece in _ELLIPSIS.split(fold(quote)) if piece]


def find_quote(paragraph: str, quote: str) -> list[tuple[int, int]] | None:
    """Where ``quote`` occurs in ``paragraph``, as (start, end) spans of the original text.

    Comparison folds whitespace, quote marks and dashes; '...' in the quote skips words.
    Returns None when the quote does not occur (or is empty).
    """
    pieces = quote_pieces(quote)
    if not pieces:
        return None
    folded, origin = _fold_with_map(paragraph)
    spans: list[tuple[int, int]] = []
    position = 0
    for piece in pieces:
        found = folded.find(piece, position)
        if found < 0:
            return None
        end = found + len(piece)
        spans.append((origin[found], origin[end - 1] + 1))
        position = end
    return spans


def _pieces_occur(folded: str, pieces: list[str]) -> bool:
    position = 0
    for piece in pieces:
        found = folded.find(piece, position)
        if found < 0:
            return False
        position = found + len(piece)
    return True


def occurs_in(paragraph: str, quote: str) -> bool:
    """Whether ``quote`` occurs in ``paragraph`` by the rules of :func:`find_quote`."""
    pieces = quote_pieces(quote)
    return bool(pieces) and _pieces_occur(fold(paragraph), pieces)


class QuoteChecker:
    """Checks many quotes against one article, folding each paragraph only once."""

    def __init__(self, paragraphs: Sequence[Paragraph]) -> None:
        self.paragraphs = paragraphs
        self._folded = [fold(p.text) for p in paragraphs]

    def occurs_in(self, number: int, quote: str) -> bool:
        """Whether ``quote`` occurs in paragraph ``number`` (from 1)."""
        pieces = quote_pieces(quote)
        return bool(pieces) and _pieces_occur(self._folded[number - 1], pieces)

    def paragraphs_holding(self, quote: str) -> list[int]:
        """Numbers of the paragraphs in which ``quote`` occurs."""
        pieces = quote_pieces(quote)
        if not pieces:
            return []
        return [n for n, text in enumerate(self._folded, start=1) if _pieces_occur(text, pieces)]
