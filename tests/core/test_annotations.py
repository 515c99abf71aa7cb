"""The annotation model: words of estimative probability, anchors, and how a note stands
against a brief that changed under it (current, stale, orphan)."""

from __future__ import annotations

import pytest
from notes_helpers import (
    REMOVABLE,
    REWORDED,
    REWORDED_TEXT,
    annotation,
    copy_flagship,
    flagship,
    remove_item,
    reword,
)

from briefing_tui.core.load.loader import load_brief
from briefing_tui.core.notes.annotations import (
    Anchor,
    Status,
    blank,
    estimate_words,
    review,
    status,
    text_hash,
)

# ICD 203, typed in independently of the code: (words, low %, high %). A boundary belongs to
# the band above it (55% is "likely"), below 1% is still "almost no chance", 99% and above
# "almost certain".
ICD_203 = [
    ("almost no chance", 1, 5),
    ("very unlikely", 5, 20),
    ("unlikely", 20, 45),
    ("roughly even chance", 45, 55),
    ("likely", 55, 80),
    ("very likely", 80, 95),
    ("almost certain", 95, 99),
]


def expected_words(percent: int) -> str:
    for words, low, high in ICD_203:
        if percent < high:
            return f"{words} ({low}-{high}%)"
    return "almost certain (95-99%)"


# -- words of estimative probability -------------------------------------------------------


@pytest.mark.parametrize(
    ("probability", "words"),
    [
        (0.0, "almost no chance (1-5%)"),
        (0.01, "almost no chance (1-5%)"),
        (0.049, "almost no chance (1-5%)"),
        (0.05, "very unlikely (5-20%)"),
        (0.1, "very unlikely (5-20%)"),
        (0.199, "very unlikely (5-20%)"),
        (0.2, "unlikely (20-45%)"),
        (0.3, "unlikely (20-45%)"),
        (0.4499, "unlikely (20-45%)"),
        (0.45, "roughly even chance (45-55%)"),
        (0.5, "roughly even chance (45-55%)"),
        (0.5499, "roughly even chance (45-55%)"),
        (0.55, "likely (55-80%)"),
        (0.7, "likely (55-80%)"),
        (0.7999, "likely (55-80%)"),
        (0.8, "very likely (80-95%)"),
        (0.9, "very likely (80-95%)"),
        (0.95, "almost certain (95-99%)"),
        (0.99, "almost certain (95-99%)"),
        (1.0, "almost certain (95-99%)"),
        (1, "almost certain (95-99%)"),
    ],
)
def test_estimate_words_follow_icd_203_bands(probability: float, words: str) -> None:
    assert estimate_words(probability) == words


def test_every_whole_percent_lands_in_its_band_despite_float_rounding() -> None:
    # 0.55 * 100 == 55.00000000000001 and 0.57 * 100 == 56.99999999999999 in binary floats;
    # the words must follow the percent a reader typed, however the float was computed.
    wrong = {
        percent: (estimate_words(probability), expected_words(percent))
        for percent in range(101)
        for probability in (percent / 100, percent * 0.01)
        if estimate_words(probability) != expected_words(percent)
    }
    assert wrong == {}


def test_boundaries_reached_by_arithmetic_belong_to_the_band_above() -> None:
    assert estimate_words(0.1 + 0.45) == "likely (55-80%)"
    assert estimate_words(0.25 + 0.2) == "roughly even chance (45-55%)"
    assert estimate_words(0.7 + 0.1) == "very likely (80-95%)"
    assert estimate_words(0.55 - 1e-4) == "roughly even chance (45-55%)"


# -- anchors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "variant",
    [
        "Has not formally signed off on sending US troops.",
        "Has not  formally signed off\non sending US troops.",  # re-wrapped
        "  Has not formally signed off on sending US troops.\n",  # padded
        "Has\tnot formally signed off on sending\u00a0US troops.",  # tab, no-break space
    ],
)
def test_anchor_hash_ignores_whitespace(variant: str) -> None:
    assert text_hash(variant) == text_hash(REWORDED_TEXT)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ('He said "no boots on the ground".', "He said \u201cno boots on the ground\u201d."),
        ("Washington's rhetoric", "Washington\u2019s rhetoric"),
        ("Washington's rhetoric", "Washington`s rhetoric"),
        ("a 'requirement'", "a \u2018requirement\u2019"),
        ('"quoted"', "\u00abquoted\u00bb"),
        ("back-and-forth - nothing", "back\u2010and\u2010forth \u2014 nothing"),
    ],
)
def test_anchor_hash_ignores_quote_mark_and_dash_styles(one: str, other: str) -> None:
    assert text_hash(one) == text_hash(other)


@pytest.mark.parametrize(
    "changed",
    [
        "Has formally signed off on sending US troops.",  # a word removed
        "Has not formally signed off on sending UK troops.",  # a word changed
        "Has not formally signed off on sending US troops yet.",  # a word added
        "Has not signed off formally on sending US troops.",  # words reordered
        "Has not formally signed off on sending US troops!",  # punctuation
        "Hasnot formally signed off on sending US troops.",  # words joined
    ],
)
def test_anchor_hash_changes_when_the_words_change(changed: str) -> None:
    assert text_hash(changed) != text_hash(REWORDED_TEXT)


def test_anchor_hash_is_stable_across_versions() -> None:
    # Notes files written today must still match tomorrow: the hash of a text is pinned.
    assert text_hash(REWORDED_TEXT) == "sha256:b641d4a253846f27"
    assert text_hash("") == "sha256:e3b0c44298fc1c14"


def test_anchor_of_an_item_is_its_text_now() -> None:
    item = flagship().item(REWORDED)
    assert item is not None
    anchor = Anchor.of(item)
    assert anchor.text == REWORDED_TEXT
    assert anchor.hash == text_hash(REWORDED_TEXT)
    assert blank(item).anchor == anchor


# -- status against a brief that changed ---------------------------------------------------


def test_a_note_on_an_unchanged_item_is_current() -> None:
    brief = flagship()
    note = blank(brief.items[REWORDED])
    assert status(note, brief) is Status.CURRENT


def test_rewording_the_item_makes_its_note_stale(tmp_path) -> None:
    path = copy_flagship(tmp_path)
    before = load_brief(path)
    note = blank(before.items[REWORDED])
    after = reword(path, REWORDED_TEXT, "Has now formally signed off on sending US troops.")
    assert status(note, after) is Status.STALE
    # The note still carries the text the reader annotated, to show beside the new one.
    assert note.anchor.text == REWORDED_TEXT
    assert after.items[REWORDED].body != note.anchor.text


def test_rewrapping_or_retyping_quotes_in_the_brief_does_not_make_a_note_stale(tmp_path) -> None:
    path = copy_flagship(tmp_path)
    position_id = "trump-no-boots-promise"
    note = blank(load_brief(path).items[position_id])
    old = (
        'stance: Made a frequent campaign promise of no American "boots on the ground" in Ukraine.'
    )
    new = (
        "stance: Made a frequent campaign   promise of no American"
        " \u201cboots on the ground\u201d in Ukraine."
    )
    after = reword(path, old, new)
    assert after.items[position_id].body != note.anchor.text  # the text did change...
    assert status(note, after) is Status.CURRENT  # ...but not its words


def test_removing_the_item_makes_its_note_an_orphan(tmp_path) -> None:
    path = copy_flagship(tmp_path)
    note = blank(load_brief(path).items[REMOVABLE[0]])
    after = remove_item(path, REMOVABLE[0])
    assert status(note, after) is Status.ORPHAN


def test_review_sorts_every_note_into_current_stale_and_orphans(tmp_path) -> None:
    path = copy_flagship(tmp_path)
    before = load_brief(path)
    current_ids = ["us-sign-off", "zelensky", "witkoff-x-coalition", "security-guarantees"]
    notes = {i: blank(before.items[i]) for i in [*current_ids, REWORDED, REMOVABLE[0]]}
    notes["zz-never-existed"] = annotation("zz-never-existed")
    notes["aa-never-existed"] = annotation("aa-never-existed")
    reword(path, REWORDED_TEXT, "Has now formally signed off on sending US troops.")
    after = remove_item(path, REMOVABLE[0])

    result = review(dict(reversed(notes.items())), after)  # dict order must not matter

    brief_order = [i for i in after.items if i in current_ids]
    assert [a.item for a in result.current] == brief_order
    assert brief_order == ["zelensky", "security-guarantees", "us-sign-off", "witkoff-x-coalition"]
    assert [a.item for a in result.stale] == [REWORDED]
    # Orphans have no place in the brief any more: they come last, by id.
    assert [a.item for a in result.orphans] == [
        "aa-never-existed",
        REMOVABLE[0],
        "zz-never-existed",
    ]
    # Nothing is dropped: every note is in exactly one list.
    listed = [a.item for a in (*result.current, *result.stale, *result.orphans)]
    assert sorted(listed) == sorted(notes)


def test_review_of_no_notes_is_empty() -> None:
    result = review({}, flagship())
    assert (result.current, result.stale, result.orphans) == ([], [], [])
