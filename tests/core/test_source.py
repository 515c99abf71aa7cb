"""The source article: the paragraph rule and loose-where-typography-differs quote matching."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_tui.core.brief.article import find_quote, fold, occurs_in, split_paragraphs

# Copies of /work/shared/articles/: the seed article and a 1987 Reuters wire story.
FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "zelensky-security-guarantees.txt"
REUTERS = FIXTURES / "02-reuters-1987-china-calls-for-better-trade-deal.txt"


def texts(text: str) -> list[str]:
    return [p.text for p in split_paragraphs(text)]


def read_article(path: Path) -> str:
    return path.read_text(encoding="utf-8")


# -- the paragraph rule -----------------------------------------------------------------------


def test_blank_lines_separate_paragraphs():
    assert texts("one\n\ntwo\n\n\n\nthree") == ["one", "two", "three"]


def test_leading_and_trailing_blank_lines_make_no_paragraphs():
    assert texts("\n\n  \none\n\n") == ["one"]
    assert split_paragraphs("") == ()
    assert split_paragraphs("\n \n\t\n") == ()


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_line_ends_are_normalised(newline):
    text = newline.join(["one", "still one", "", "two", "", "three", ""])
    paragraphs = split_paragraphs(text)
    assert [p.text for p in paragraphs] == ["one still one", "two", "three"]
    assert [p.line for p in paragraphs] == [1, 4, 6]


def test_whitespace_only_lines_count_as_blank():
    assert texts("one\n   \ntwo\n\t \t\nthree") == ["one", "two", "three"]


def test_hard_wrapped_lines_are_joined_by_single_spaces():
    text = "The quick brown\nfox jumps   \n   \nover the\nlazy dog.\n"
    assert texts(text) == ["The quick brown fox jumps", "over the lazy dog."]


def test_text_indented_as_a_whole_stays_one_paragraph():
    text = "    an indented block\n    that is hard-wrapped\n    at one indent\n"
    assert texts(text) == ["an indented block that is hard-wrapped at one indent"]


def test_deeper_indent_starts_a_paragraph_without_blank_lines():
    text = "HEADLINE\n    First paragraph starts\nand wraps here.\n    Second one\nwraps too.\n"
    paragraphs = split_paragraphs(text)
    assert [p.text for p in paragraphs] == [
        "HEADLINE",
        "First paragraph starts and wraps here.",
        "Second one wraps too.",
    ]
    assert [p.line for p in paragraphs] == [1, 2, 4]


def test_paragraph_numbers_and_lines():
    text = "\n\nfirst\n\nsecond\nwraps\n\n\nthird\n"
    paragraphs = split_paragraphs(text)
    assert [(p.number, p.line) for p in paragraphs] == [(1, 3), (2, 5), (3, 9)]


def test_reuters_wire_copy_splits_on_first_line_indents():
    paragraphs = split_paragraphs(read_article(REUTERS))
    by_text = {p.text: p for p in paragraphs}

    byline = by_text.get("By Mark O'Neill, Reuters")
    assert byline is not None, [p.text for p in paragraphs[:4]]
    lede = paragraphs[byline.number]  # the paragraph after the byline
    assert lede.text.startswith("PEKING, March 3 - China called on the United States to remove")
    assert lede.text.endswith("ease restrictions on exports of high technology.")
    assert lede.line == byline.line + 1
    # Further first-line-indented paragraphs are separate too.
    assert paragraphs[byline.number + 1].text.startswith("But the U.S. Embassy replied")


def test_seed_article_paragraph_numbers_count_debris():
    paragraphs = split_paragraphs(read_article(SEED))
    assert paragraphs[0].text == "print-icon print-icon"
    assert paragraphs[0].line == 1
    assert "I am asking this very question" in paragraphs[5].text
    assert paragraphs[5].number == 6
    assert occurs_in(paragraphs[5].text, "I have not received a clear, unambiguous answer yet")
    assert not occurs_in(paragraphs[4].text, "I am asking this very question")


# -- quote matching ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "quote"),
    [
        ("we  will\tact\n soon", "we will act soon"),
        ("we will act soon", "we   will\nact soon"),
        ("he said \u201cno\u201d", 'he said "no"'),
        ('he said "no"', "he said \u201cno\u201d"),
        ("it\u2019s done", "it's done"),
        ("it's done", "it\u2018s done"),
        ("Paris \u2013 London", "Paris - London"),
        ("Paris \u2014 London", "Paris - London"),
        ("Paris - London", "Paris \u2014 London"),
        ("minus \u22123", "minus -3"),
        ("ten\u00a0thousand", "ten thousand"),
        ("ten thousand", "ten\u00a0thousand"),
        ("and then\u2026 nothing", "and then... nothing"),
    ],
    ids=[
        "spaces-in-paragraph",
        "spaces-in-quote",
        "curly-double",
        "straight-double",
        "curly-apostrophe",
        "left-single-as-apostrophe",
        "en-dash",
        "em-dash",
        "hyphen-for-em-dash",
        "minus-sign",
        "nbsp-in-paragraph",
        "nbsp-in-quote",
        "ellipsis-char",
    ],
)
def test_typography_is_folded(paragraph, quote):
    assert occurs_in(paragraph, quote)
    assert find_quote(paragraph, quote) is not None


@pytest.mark.parametrize(
    ("paragraph", "quote"),
    [
        ("we will act soon", "We will act soon"),  # case matters
        ("we will act soon", "we will act, soon"),  # punctuation matters
        ("we will act soon", "we shall act soon"),  # words matter
        ("we will act soon", ""),
        ("we will act soon", "   "),
        ("we will act soon", "..."),
    ],
    ids=["case", "punctuation", "words", "empty", "blank", "only-omission"],
)
def test_anything_else_must_match_exactly(paragraph, quote):
    assert not occurs_in(paragraph, quote)
    assert find_quote(paragraph, quote) is None


@pytest.mark.parametrize("mark", ["...", "\u2026", "[...]", "[\u2026]", " ... ", "[ ... ]"])
def test_omissions_skip_words_in_order(mark):
    paragraph = "We will, after long talks with our partners, act very soon."
    quote = f"We will{mark}act very soon"
    assert occurs_in(paragraph, quote)
    spans = find_quote(paragraph, quote)
    assert [paragraph[start:end] for start, end in spans] == ["We will", "act very soon"]


def test_omission_pieces_out_of_order_do_not_match():
    paragraph = "We will, after long talks with our partners, act very soon."
    assert not occurs_in(paragraph, "act very soon ... We will")
    assert find_quote(paragraph, "act very soon ... We will") is None


def test_omission_piece_must_come_after_the_previous_one_not_overlap_it():
    # "soon" occurs only inside the first piece; it may not be reused after the omission.
    assert not occurs_in("act soon now", "act soon ... soon")
    assert occurs_in("act soon now soon", "act soon ... soon")


def test_find_quote_spans_are_the_original_words():
    paragraph = (
        "Gamma\u2019s minister said: \u201cnothing \u2014 nothing  at\u00a0all\u201d, and left."
    )
    spans = find_quote(paragraph, '"nothing - nothing at all"')
    assert spans is not None and len(spans) == 1
    start, end = spans[0]
    assert paragraph[start:end] == "\u201cnothing \u2014 nothing  at\u00a0all\u201d"


def test_find_quote_spans_for_each_piece():
    paragraph = "Alpha said \u201cwe will\u2014eventually\u2014act\u201d on Monday\u2026 in Paris."
    spans = find_quote(paragraph, "we will-eventually ... Monday... in Paris")
    assert [paragraph[start:end] for start, end in spans] == [
        "we will\u2014eventually",
        "Monday",
        "in Paris",
    ]


def test_find_quote_on_a_real_paragraph():
    paragraph = split_paragraphs(read_article(SEED))[5].text
    quote = "I am asking this very question ... I have not received a clear, unambiguous answer"
    spans = find_quote(paragraph, quote)
    assert [paragraph[start:end] for start, end in spans] == [
        "I am asking this very question",
        "I have not received a clear, unambiguous answer",
    ]


def test_fold():
    assert fold("  \u201cA\u201d \u2013\u00a0b\u2026\n\tc  ") == '"A" - b... c'
    assert fold("soft\u00adhyphen and zero\u200bwidth") == "softhyphen and zerowidth"


# -- properties -------------------------------------------------------------------------------

# Letters, spaces of several kinds, the typographic characters folding knows about, and dots.
_CHARS = st.sampled_from(
    [*"abcXYZ019 ,.'\"-\n\t", *"\u00a0\u2018\u2019\u201c\u201d\u2013\u2014\u2212\u00ad"]
)
_PARAGRAPHS = st.text(_CHARS, min_size=1, max_size=60)


@settings(max_examples=200, deadline=None)
@given(_PARAGRAPHS, st.data())
def test_every_verbatim_excerpt_is_found_where_it_was_taken(paragraph, data):
    start = data.draw(st.integers(0, len(paragraph) - 1), label="start")
    end = data.draw(st.integers(start + 1, len(paragraph)), label="end")
    excerpt = paragraph[start:end]
    if "..." in excerpt or not fold(excerpt):  # omission marks and blanks are not words
        return
    assert occurs_in(paragraph, excerpt)
    spans = find_quote(paragraph, excerpt)
    assert spans is not None and len(spans) == 1
    found_start, found_end = spans[0]
    # The span covers text that folds to the same words (it may be an earlier occurrence).
    assert fold(paragraph[found_start:found_end]) == fold(excerpt)
    # ... and starts no later than the excerpt's first word.
    assert found_start <= start + len(excerpt) - len(excerpt.lstrip(" \t\n\u00a0\u00ad"))


@settings(max_examples=200, deadline=None)
@given(_PARAGRAPHS, st.text(_CHARS, max_size=20))
def test_find_quote_and_occurs_in_agree(paragraph, quote):
    spans = find_quote(paragraph, quote)
    assert (spans is not None) == occurs_in(paragraph, quote)
    if spans:
        assert all(0 <= s < e <= len(paragraph) for s, e in spans)
        assert all(e1 <= s2 for (_, e1), (s2, _) in itertools.pairwise(spans))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(st.sampled_from("ab \t"), max_size=12), max_size=12))
def test_splitting_never_loses_words_and_lines_point_at_them(lines):
    text = "\n".join(lines)
    paragraphs = split_paragraphs(text)
    assert [p.number for p in paragraphs] == list(range(1, len(paragraphs) + 1))
    assert " ".join(p.text for p in paragraphs).split() == text.split()
    for p in paragraphs:
        assert p.text == p.text.strip() and p.text
        assert p.text.startswith(lines[p.line - 1].strip())
