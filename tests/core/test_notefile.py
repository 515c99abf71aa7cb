"""The notes file format: what is written comes back exactly, the file reads well in a diff,
and a file that breaks the format is refused with the place and the reason."""

from __future__ import annotations

import datetime as dt
import difflib
import random
import re
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from notes_helpers import STAMP, annotation

from briefing_tui.core.notes.annotations import FLAGS, MARKS, Anchor, Annotation, text_hash
from briefing_tui.core.notes.file import NotesError, dump_notes, parse_notes

PATH = "notes/b.notes.yaml"

# -- strategies ------------------------------------------------------------------------------

# Pieces that are special to YAML, Markdown or line splitting, glued together at random.
TRICKY = [
    "yes", "no", "null", "~", "true", "1e3", "0x1f", ".nan", "- x", "# y", "key: v", "? k",
    "|", ">", "|-", "&a", "*a", "!tag", "!!str", "%YAML", "@", "`", "'", '"', "\\", "\\n",
    "---", "...", "[a, b]", "{a: b}", "\n", "\n\n", " ", "  ", "\t", "\r", "\r\n", "\x00",
    "\x1b[31m", "\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\u00a0", "\u200b", "é", "😀",
    "a", "word",
]  # fmt: skip
tricky_text = st.lists(st.sampled_from(TRICKY), max_size=14).map("".join)
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=80)  # no lone surrogates
texts = st.one_of(any_text, tricky_text)
slugs = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)
stamps = st.datetimes(
    min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1), timezones=st.just(dt.UTC)
).map(lambda d: d.replace(microsecond=0))


@st.composite
def annotations(draw: st.DrawFn, item: str) -> Annotation:
    anchor_text = draw(texts)
    return Annotation(
        item=item,
        anchor=Anchor(anchor_text, text_hash(anchor_text)),
        updated=draw(stamps),
        mark=draw(st.none() | st.sampled_from(MARKS)),
        flags=tuple(draw(st.lists(st.sampled_from(FLAGS), unique=True))),
        tags=tuple(draw(st.lists(texts, max_size=4))),
        note=draw(texts),
        estimate=draw(st.none() | st.floats(min_value=0.0, max_value=1.0)),
    )


note_sets = st.lists(slugs, unique=True, max_size=6).flatmap(
    lambda ids: st.tuples(*(annotations(i) for i in ids)).map(lambda a: {x.item: x for x in a})
)

# -- round trip ----------------------------------------------------------------------------


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(brief_id=slugs, notes=note_sets)
def test_round_trip_keeps_every_character(brief_id: str, notes: dict[str, Annotation]) -> None:
    text = dump_notes(brief_id, notes)
    parsed_id, parsed = parse_notes(text, PATH)
    assert parsed_id == brief_id
    assert parsed == notes
    for item_id, original in notes.items():  # byte-identical, not merely equal after folding
        back = parsed[item_id]
        assert back.note.encode("utf-8") == original.note.encode("utf-8")
        assert back.anchor.text.encode("utf-8") == original.anchor.text.encode("utf-8")
        assert [t.encode("utf-8") for t in back.tags] == [t.encode("utf-8") for t in original.tags]
    assert dump_notes(parsed_id, parsed) == text  # stable: writing again changes nothing


@settings(max_examples=300, deadline=None)
@given(note=texts)
def test_every_line_of_the_file_is_a_line_of_yaml(note: str) -> None:
    # Characters that split lines for some readers (CR, NEL, U+2028) never appear raw, so an
    # editor or a diff sees exactly the lines the YAML has.
    text = dump_notes("b", {"x": annotation("x", note, note=note)})
    assert text.splitlines() == text.split("\n")[:-1]
    assert text.endswith("\n")


@pytest.mark.parametrize(
    "note",
    [
        "yes",
        "null",
        "~",
        "- x",
        "# y",
        "key: v",
        "'single'",
        '"double"',
        " leading space",
        "trailing space ",
        "trailing newline\n",
        "two trailing newlines\n\n",
        "\nleading newline",
        "tab\tinside",
        "line one\nline two",
        "line one\n  indented line two\n",
        "line with trailing space \nnext",
        "para one\n\n\npara two\n\n\n",
        "NEL\x85here",
        "LS\u2028here",
        "CR\rhere",
        "CRLF\r\nhere",
        "nul\x00here",
        "---\n...\n",
        "|\n>\n",
        "  \n  ",
        "",
    ],
)
def test_round_trip_of_awkward_notes(note: str) -> None:
    notes = {"x": annotation("x", anchor_text=note, note=note, tags=(note, "yes", "null"))}
    _brief, parsed = parse_notes(dump_notes("b", notes), PATH)
    assert parsed["x"].note == note
    assert parsed["x"].anchor.text == note
    assert parsed["x"].tags == (note, "yes", "null")


def test_round_trip_of_many_annotations() -> None:
    rng = random.Random(4)
    notes = {}
    for n in range(500):
        item = f"item-{n:03d}"
        notes[item] = annotation(
            item,
            anchor_text=f"Item {n} says something \u201cquoted\u201d.",
            updated=STAMP + dt.timedelta(seconds=n),
            mark=rng.choice([None, *MARKS]),
            flags=tuple(f for f in FLAGS if rng.random() < 0.3),
            tags=tuple(f"tag-{rng.randrange(9)}" for _ in range(rng.randrange(3))),
            note=rng.choice(["", "short", f"# heading {n}\n\n- point\n- point\n"]),
            estimate=rng.choice([None, 0.0, 0.55, 1.0, n / 1000]),
        )
    _brief, parsed = parse_notes(dump_notes("b", notes), PATH)
    assert parsed == notes


def test_estimates_keep_their_exact_value() -> None:
    values = [0.0, 1.0, 0.1 + 0.2, 1e-05, 5e-324, 0.999999999999, 1 / 3]
    notes = {f"q-{i}": annotation(f"q-{i}", estimate=v) for i, v in enumerate(values)}
    _brief, parsed = parse_notes(dump_notes("b", notes), PATH)
    assert [parsed[f"q-{i}"].estimate for i in range(len(values))] == values


def test_item_ids_that_look_like_yaml_values_stay_ids() -> None:
    ids = ["yes", "no", "null", "true", "123", "0x1", "1e3", "on"]
    notes = {i: annotation(i, mark="agree") for i in ids}
    _brief, parsed = parse_notes(dump_notes("null", notes), PATH)
    assert _brief == "null"
    assert sorted(parsed) == sorted(ids)


# -- readable and diff-friendly ------------------------------------------------------------

FULL = annotation(
    "zelensky-no-clear-answer",
    anchor_text="Has asked all partners what guarantees Ukraine has.",
    mark="agree",
    flags=("star", "follow-up"),
    tags=("guarantees", "us"),
    note="Markdown, as written.\n\n- a point\n",
    estimate=0.7,
)


def test_the_file_reads_as_the_documented_yaml() -> None:
    text = dump_notes("zelensky-security-guarantees", {FULL.item: FULL})
    body = text.split("items:\n", 1)[1]
    assert body == (
        "  zelensky-no-clear-answer:\n"
        "    mark: agree\n"
        "    flags:\n"
        '      - "star"\n'
        '      - "follow-up"\n'
        "    tags:\n"
        '      - "guarantees"\n'
        '      - "us"\n'
        "    estimate: 0.7\n"
        "    note: |\n"
        "      Markdown, as written.\n"
        "\n"
        "      - a point\n"
        "    updated: '2026-01-09T12:30:05Z'\n"
        "    anchor:\n"
        '      text: "Has asked all partners what guarantees Ukraine has."\n'
        f'      hash: "{FULL.anchor.hash}"\n'
    )
    assert text.startswith("# Notes of briefing-tui")
    assert 'format: 1\nbrief: "zelensky-security-guarantees"\nitems:\n' in text


def test_an_empty_notes_file_is_still_a_notes_file() -> None:
    text = dump_notes("b", {})
    assert parse_notes(text, PATH) == ("b", {})


def item_keys(text: str) -> list[str]:
    return re.findall(r"^  ([a-z0-9-]+):$", text, flags=re.MULTILINE)


def many_notes(count: int = 40) -> dict[str, Annotation]:
    return {
        f"item-{n:02d}": replace(FULL, item=f"item-{n:02d}", note=f"Note {n}\nsecond line\n")
        for n in range(count)
    }


def test_items_are_sorted_by_id_whatever_the_order_they_were_made_in() -> None:
    notes = many_notes()
    shuffled = list(notes.items())
    random.Random(1).shuffle(shuffled)
    text = dump_notes("b", dict(shuffled))
    assert text == dump_notes("b", notes)
    assert item_keys(text) == sorted(notes)


def test_keys_of_an_item_come_in_a_fixed_order() -> None:
    text = dump_notes("b", {FULL.item: FULL})
    keys = re.findall(r"^    ([a-z]+):", text, flags=re.MULTILINE)
    assert keys == ["mark", "flags", "tags", "estimate", "note", "updated", "anchor"]
    sub_keys = re.findall(r"^      ([a-z]+):", text, flags=re.MULTILINE)
    assert sub_keys == ["text", "hash"]


def block_of(lines: list[str], item_id: str) -> range:
    """The line numbers (0-based) of one item's block in a notes file."""
    start = lines.index(f"  {item_id}:\n")
    end = start + 1
    while end < len(lines) and not re.match(r"  \S", lines[end]):
        end += 1
    return range(start, end)


def changed_lines(old: str, new: str) -> tuple[set[int], set[int]]:
    """The line numbers removed from ``old`` and added in ``new``."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    removed: set[int] = set()
    added: set[int] = set()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            removed.update(range(i1, i2))
            added.update(range(j1, j2))
    return removed, added


@pytest.mark.parametrize(
    "change",
    [
        {"mark": "doubt"},
        {"mark": None},
        {"flags": ("star",)},
        {"tags": ("guarantees", "new-tag", "us")},
        {"note": "Note 17\nsecond line, edited\nthird line\n"},
        {"note": ""},
        {"estimate": 0.2},
        {"updated": STAMP + dt.timedelta(hours=1)},
    ],
)
def test_one_change_touches_only_that_items_lines(change: dict[str, object]) -> None:
    before = many_notes()
    after = dict(before)
    after["item-17"] = replace(before["item-17"], **change)  # type: ignore[arg-type]
    old, new = dump_notes("b", before), dump_notes("b", after)
    removed, added = changed_lines(old, new)
    assert removed or added
    assert removed <= set(block_of(old.splitlines(keepends=True), "item-17"))
    assert added <= set(block_of(new.splitlines(keepends=True), "item-17"))
    diff = list(difflib.unified_diff(old.splitlines(), new.splitlines(), n=0, lineterm=""))
    assert sum(1 for line in diff if line.startswith("@@")) == 1  # one hunk


def test_adding_or_removing_an_item_only_adds_or_removes_its_lines() -> None:
    before = many_notes()
    after = dict(before)
    after["item-17a"] = replace(FULL, item="item-17a", note="A new note.\n")
    old = dump_notes("b", before).splitlines(keepends=True)
    new = dump_notes("b", after).splitlines(keepends=True)
    block = block_of(new, "item-17a")
    assert block.start == block_of(new, "item-17").stop  # in its place by id
    assert new[: block.start] + new[block.stop :] == old  # nothing else differs
    assert len(new) - len(old) == len(block)


def test_a_multi_line_note_is_written_as_its_own_lines() -> None:
    note = "First thought.\n\n> a quote\n\n- point one\n- point two"
    text = dump_notes("b", {"x": annotation("x", note=note)})
    assert "    note: |-\n      First thought.\n\n      > a quote\n" in text


# -- a file that breaks the format ---------------------------------------------------------

GOOD = """\
format: 1
brief: b
items:
  x:
    mark: agree
    updated: '2026-01-01T00:00:00Z'
    anchor:
      text: t
      hash: h
"""


def locate(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column of the first ``needle`` in ``text``."""
    index = text.index(needle)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def edited(old: str, new: str) -> str:
    assert GOOD.count(old) == 1
    return GOOD.replace(old, new)


ITEM_START = "mark: agree"  # where the notes of 'x' start (its first key)
LACKS = "lack 'updated' or 'anchor'"
ANCHOR = "    anchor:\n      text: t\n      hash: h\n"

BAD_FILES = [
    # (id, file text, where the problem is reported (text at that place), message part)
    ("unclosed flow", "format: 1\nbrief: [b\nitems: {}\n", ": {}", "YAML syntax error"),
    ("tab indent", "format: 1\nbrief: b\nitems:\n\tx: 1\n", "\tx", "YAML syntax error"),
    ("bad indent", edited("    updated", "      updated"), "updated", "YAML syntax error"),
    (
        "duplicate key",
        edited("    updated", "    mark: doubt\n    updated"),
        "mark: doubt",
        "duplicate key",
    ),
    ("alias", edited("mark: agree", "mark: &m agree"), "&m", "anchor &m"),
    ("root a list", "- format: 1\n", "- format", "a notes file is a mapping"),
    ("root a scalar", "notes\n", "notes", "a notes file is a mapping"),
    ("empty file", "", "", "empty"),
    ("format 2", edited("format: 1", "format: 2"), "format", "format 1"),
    ("no format", edited("format: 1\n", ""), "brief", "format 1"),
    ("unknown top key", GOOD + "colour: red\n", "colour", "unknown key 'colour'"),
    ("items a list", "format: 1\nbrief: b\nitems: [x]\n", "[x]", "'items' must be a mapping"),
    (
        "item a scalar",
        edited("  x:\n    mark: agree\n", "  x: agree\n  y:\n    mark: agree\n"),
        "agree",
        "must be a mapping",
    ),
    ("item id not a slug", edited("  x:", "  Not An Id:"), "Not An Id", "not an item id"),
    ("unknown item key", edited("mark: agree", "colour: red"), "colour", "unknown key 'colour'"),
    ("mark not a mark", edited("mark: agree", "mark: love"), "mark: love", "mark of 'x'"),
    ("flags a scalar", edited("mark: agree", "flags: star"), "star", "flags of 'x' must be a list"),
    (
        "flags not flags",
        edited("mark: agree", "flags: [star, shine]"),
        "[star",
        "flags of 'x' must be among",
    ),
    ("tags a mapping", edited("mark: agree", "tags: {a: b}"), "{a", "tags of 'x' must be a list"),
    ("tags nested", edited("mark: agree", "tags: [[a]]"), "[[a", "tags of 'x' must be a list"),
    ("estimate above 1", edited("mark: agree", "estimate: 1.5"), "estimate", "from 0 to 1"),
    ("estimate below 0", edited("mark: agree", "estimate: -0.1"), "estimate", "from 0 to 1"),
    ("estimate in words", edited("mark: agree", "estimate: likely"), "estimate", "from 0 to 1"),
    ("estimate percent", edited("mark: agree", "estimate: 70"), "estimate", "from 0 to 1"),
    ("estimate nan", edited("mark: agree", "estimate: nan"), "estimate", "from 0 to 1"),
    ("estimate inf", edited("mark: agree", "estimate: .inf"), "estimate", "from 0 to 1"),
    ("no anchor", edited(ANCHOR, ""), ITEM_START, LACKS),
    ("anchor without hash", edited("      hash: h\n", ""), ITEM_START, LACKS),
    ("anchor a scalar", edited(ANCHOR, "    anchor: t\n"), ITEM_START, LACKS),
    ("no updated", edited("    updated: '2026-01-01T00:00:00Z'\n", ""), ITEM_START, LACKS),
    ("updated not a time", edited("2026-01-01T00:00:00Z", "yesterday"), ITEM_START, LACKS),
]


@pytest.mark.parametrize(
    ("text", "where", "message"), [c[1:] for c in BAD_FILES], ids=[c[0] for c in BAD_FILES]
)
def test_a_bad_file_is_refused_with_file_line_and_column(text, where, message) -> None:
    with pytest.raises(NotesError) as caught:
        parse_notes(text, PATH)
    problems = caught.value.problems
    assert problems, "a NotesError must say where and why"
    first = problems[0]
    assert first.path == PATH
    assert message in first.message
    line, column = locate(text, where) if where else (1, 1)
    assert first.line == line
    if "syntax" not in message:  # the YAML parser's own columns are its business
        assert first.column == column
    assert str(first).startswith(f"{PATH}:{first.line}:{first.column}: ")


def test_every_bad_item_is_reported_in_one_go() -> None:
    text = GOOD + "  y:\n    mark: love\n  z:\n    estimate: 2\n    updated: 'x'\n"
    with pytest.raises(NotesError) as caught:
        parse_notes(text, PATH)
    lines = [p.line for p in caught.value.problems]
    assert locate(text, "mark: love")[0] in lines
    assert locate(text, "estimate: 2")[0] in lines
    assert lines == sorted(lines)


def test_a_hand_edited_file_in_another_valid_style_is_read() -> None:
    text = """\
# my notes, edited by hand
format: 1
brief: b
items:
  x:
    anchor: {hash: h, text: t}   # keys in another order, flow style
    updated: 2026-01-01T00:00:00+00:00
    note: plain words
    tags: [a, "b c", yes]
    flags: [star]
    mark: doubt
    estimate: 0.25
"""
    _brief, parsed = parse_notes(text, PATH)
    assert parsed["x"] == Annotation(
        item="x",
        anchor=Anchor("t", "h"),
        updated=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        mark="doubt",
        flags=("star",),
        tags=("a", "b c", "yes"),
        note="plain words",
        estimate=0.25,
    )


@pytest.mark.parametrize(
    ("key", "value"),
    [("note", "[a, b]"), ("note", "{text: a}"), ("mark", "[agree]"), ("estimate", "{p: 0.5}")],
)
def test_a_value_of_the_wrong_type_is_refused_not_dropped(key: str, value: str) -> None:
    text = edited("mark: agree", f"{key}: {value}")
    with pytest.raises(NotesError) as caught:
        parse_notes(text, PATH)
    assert caught.value.problems[0].line == locate(text, f"{key}:")[0]


def test_an_unknown_key_in_the_anchor_is_refused() -> None:
    text = edited("      hash: h\n", "      hash: h\n      colour: red\n")
    with pytest.raises(NotesError) as caught:
        parse_notes(text, PATH)
    assert "colour" in caught.value.problems[0].message


# -- the fast reader of our own files ----------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(brief_id=slugs, notes=note_sets)
def test_a_file_we_wrote_is_read_fast_and_exactly_as_the_strict_reader_reads_it(
    brief_id: str, notes: dict[str, Annotation]
) -> None:
    from briefing_tui.core.notes.file import parse_notes_strictly, read_own

    text = dump_notes(brief_id, notes)
    fast = read_own(text)
    if notes:
        assert fast is not None, "a file of ours was not recognised"
    if fast is not None:
        assert fast == parse_notes_strictly(text, "n.yaml") == (brief_id, notes)


EDITS = ["", " ", "\n", "  ", '"', "'", "|", "-", ":", "#", "\\", "agre", "x", "0", "\t", "é"]


@settings(max_examples=400, deadline=None)
@given(
    brief_id=slugs,
    notes=note_sets,
    where=st.floats(min_value=0, max_value=1),
    cut=st.integers(min_value=0, max_value=3),
    insert=st.sampled_from(EDITS),
)
def test_an_edited_file_is_never_read_fast_unless_the_strict_reader_reads_it_the_same(
    brief_id: str, notes: dict[str, Annotation], where: float, cut: int, insert: str
) -> None:
    """The fast reader may only ever say what the strict reader says: a hand edit (a typo in a
    mark, a stray quote, a line joined or split) either falls back or reads the same."""
    from briefing_tui.core.notes.file import NotesError, parse_notes_strictly, read_own

    text = dump_notes(brief_id, notes)
    at = int(where * len(text))
    edited = text[:at] + insert + text[at + cut :]
    fast = read_own(edited)
    if fast is None:
        return
    try:
        strict = parse_notes_strictly(edited, "n.yaml")
    except NotesError as error:
        raise AssertionError(f"read fast, but the strict reader refuses it: {error}") from None
    assert fast == strict


def test_a_mark_the_strict_reader_refuses_is_not_read_fast() -> None:
    from briefing_tui.core.notes.file import read_own

    text = dump_notes("b", {"x": annotation("x", mark="agree")})
    assert read_own(text) is not None
    assert read_own(text.replace("mark: agree", "mark: agre")) is None
    assert read_own(text.replace("  x:", "  X:")) is None  # not an id
    doubled = text + text[text.index("  x:") :]
    assert read_own(doubled) is None  # the same item twice
