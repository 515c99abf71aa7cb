"""printable(): control and invisible characters become visible stand-ins, nothing else changes."""

from __future__ import annotations

import pytest

from briefing_tui.core.text.printable import printable, printable_spans

INVISIBLE = {
    "\u200b": "ZERO WIDTH SPACE",
    "\u200c": "ZERO WIDTH NON-JOINER",
    "\u200d": "ZERO WIDTH JOINER",
    "\u2060": "WORD JOINER",
    "\u180e": "MONGOLIAN VOWEL SEPARATOR",
    "\u200e": "LEFT-TO-RIGHT MARK",
    "\u200f": "RIGHT-TO-LEFT MARK",
    "\u061c": "ARABIC LETTER MARK",
    "\ufeff": "BYTE ORDER MARK",
    "\u2028": "LINE SEPARATOR",
    "\u2029": "PARAGRAPH SEPARATOR",
    "\U000e0041": "TAG LATIN CAPITAL LETTER A",
}


@pytest.mark.parametrize("char", INVISIBLE, ids=INVISIBLE.values())
def test_an_invisible_character_between_latin_letters_is_shown_by_its_code_point(char: str):
    assert printable(f"pay{char}pal") == f"pay<U+{ord(char):04X}>pal"
    assert printable(f"pay{char}pal", one_line=True) == f"pay<U+{ord(char):04X}>pal"


def test_line_and_paragraph_separators_no_longer_glue_words_together():
    assert printable("line\u2028sep\u2029para") == "line<U+2028>sep<U+2029>para"


def test_controls_keep_their_pictures_and_tabs_and_newlines_stay():
    assert printable("a\x1b]0;x\x07b\tc\nd\x7f") == "a␛]0;x␇b\tc\nd␡"
    assert printable("a\tb\nc", one_line=True) == "a␉b␊c"
    assert printable("\x9b2J \u202e") == "<U+009B>2J <U+202E>"


@pytest.mark.parametrize(
    "emoji",
    [
        "👨\u200d👩\u200d👧",  # family
        "👩🏽\u200d💻",  # a technologist with a skin tone
        "🏳\ufe0f\u200d🌈",  # rainbow flag: U+FE0F before the joiner
        "❤\ufe0f\u200d🔥",  # heart on fire: a pictograph from the symbols block
        "🧑\u200d⚕\ufe0f",  # health worker
        "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",  # Scotland's flag
    ],
)
def test_joiners_and_tags_that_build_one_emoji_are_kept(emoji: str):
    assert printable(f"ok {emoji} ok") == f"ok {emoji} ok"


def test_joiners_are_kept_where_a_script_spells_with_them():
    persian = "می\u200cخواهم"  # "I want": ZWNJ between two Arabic-script letters
    hindi = "क्\u200dष"  # a half form chosen with ZWJ
    assert printable(persian) == persian
    assert printable(hindi) == hindi


def test_joiners_elsewhere_and_lone_tags_are_replaced():
    assert printable("a\u200d👩") == "a<U+200D>👩"  # not between two pictographs
    assert printable("👩\u200d ") == "👩<U+200D> "
    assert printable("\u200dstart") == "<U+200D>start"
    assert printable("end\u200c") == "end<U+200C>"
    assert printable("می\u200bخواهم") == "می<U+200B>خواهم"  # ZWSP is never spelling
    smuggled = "hi\U000e0069\U000e0067\U000e006e\U000e006f\U000e0072\U000e0065"
    assert printable(smuggled) == "hi<U+E0069><U+E0067><U+E006E><U+E006F><U+E0072><U+E0065>"


def test_spans_follow_their_characters_past_stand_ins():
    text = "a\x1bb\u200bthe quote\u200bc"
    shown, spans = printable_spans(text, [(4, 13), (0, 1), (1, 2)])
    assert shown == "a␛b<U+200B>the quote<U+200B>c"
    assert shown[spans[0][0] : spans[0][1]] == "the quote"
    assert shown[spans[1][0] : spans[1][1]] == "a"
    assert shown[spans[2][0] : spans[2][1]] == "␛"  # a replaced character: its stand-in
    quoted = "x\u200by"
    shown, spans = printable_spans(quoted, [(0, 3)])
    assert shown[slice(*spans[0])] == "x<U+200B>y"  # a stand-in inside a span is covered


def test_text_without_anything_to_replace_is_returned_as_is():
    text = "Plain text, “quotes”, émigré, 東京, 👍"
    assert printable(text) is text
    assert printable_spans(text, [(1, 3)]) == (text, [(1, 3)])
