"""Words of a paragraph with their offsets, and the sentences between quotations.

The drafter's heuristics look at words next to each other ("said", then a name); tokens keep
each word's place in the paragraph so a name found in a token list is also a span of text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations whose full stop does not end a sentence or a word.
ABBREVIATIONS = frozenset(
    """Mr Mrs Ms Dr St Gen Sen Rep Gov Lt Col Capt Sgt Jr Sr Prof Rev Hon Adm Maj Cmdr Gens
    Sens Reps Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec No Vol Inc Corp Co Ltd vs
    etc Ft Mt""".split()
)
_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S., U.N., U.S.A.
    r"|[^\W\d_](?:[\w’'\-]*\w)?\.?"  # words (a full stop is kept only for abbreviations, below)
    r"|\d[\d,.%:/-]*\w*"
    r"|[^\w\s]",
    re.UNICODE,
)


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark at ``start``..``end`` of its text."""

    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        """Whether the token is a word (letters first), not punctuation or a number."""
        return self.text[:1].isalpha()

    @property
    def capitalised(self) -> bool:
        """Whether the word starts with a capital letter."""
        return self.text[:1].isupper()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """The words and punctuation of ``text``; word-final full stops split off unless the word
    is an abbreviation ("Mr.") or an initial ("C.")."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        start = match.start() + offset
        if (
            word.endswith(".")
            and len(word) > 1
            and word[-2] != "."
            and not (word[:-1] in ABBREVIATIONS or (len(word) == 2 and word[0].isupper()))
        ):
            tokens.append(Token(word[:-1], start, start + len(word) - 1))
            tokens.append(Token(".", start + len(word) - 1, start + len(word)))
        else:
            tokens.append(Token(word, start, start + len(word)))
    return tokens


_SENTENCE_END = re.compile(r"[.!?](?=[\s\"“”'’)]*(?:\s|$))")
_WORD_BEFORE_STOP = re.compile(r"([\w.]+)\.$")
# How far back from a full stop the word before it is looked for: far longer than any
# abbreviation, and a bound that keeps a huge one-paragraph text linear.
_WORD_REACH = 64
# The first character after a full stop and any closing marks (matched in place, not copied).
_NEXT_LETTER = re.compile(r"[ \"“”'’)]*(.)", re.DOTALL)


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences start in ``text`` (which should have quotations masked)."""
    starts = [0]
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        word = _WORD_BEFORE_STOP.search(text[max(0, end - _WORD_REACH) : end])
        if match.group() == "." and word:
            stem = word.group(1)
            if stem in ABBREVIATIONS or (len(stem) == 1 and stem.isupper()) or "." in stem:
                continue  # "Mr. Abbas", "Frederic C. Hof", "the U.S. embassy"
        after = _NEXT_LETTER.match(text, end)
        if after is not None and after.group(1).islower():
            continue
        starts.append(end)
    return starts
