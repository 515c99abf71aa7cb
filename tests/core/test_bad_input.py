"""Every kind of bad brief is refused with located problems that say what is wrong.

Each test starts from the valid template (``briefkit.VALID_BRIEF``), breaks one thing, and checks
the problem's line and column (computed from the text written) and the words of its message.
A mistake that makes exactly one problem is a row of ``ONE_MISTAKE`` (its id names the case),
all checked by one test; the others need more than that recipe and have tests of their own.
"""

from __future__ import annotations

import codecs
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass

import pytest
from briefkit import ARTICLE, VALID_BRIEF, edit, locate, locate_in, problems, value_of

from briefing_tui.core.load.loader import Limits, load_brief


def one(found: list[tuple[int, int, str]]) -> tuple[int, int, str]:
    """The single problem of a list, failing with the whole list when there are more."""
    assert len(found) == 1, f"expected one problem, got {found}"
    return found[0]


def at(found: list[tuple[int, int, str]], line: int, column: int) -> str:
    """The messages of the problems at ``line``:``column``, one per line (at least one)."""
    messages = [m for (ln, col, m) in found if (ln, col) == (line, column)]
    assert messages, f"expected a problem at {line}:{column}, got {found}"
    return "\n".join(messages)


# -- one mistake, one located problem ---------------------------------------------------------


@dataclass(frozen=True)
class Bad:
    """A brief with one mistake: the edits that make it from the template, where its one
    problem is located (computed from the text written) and what the message says."""

    edits: tuple[tuple[str, str], ...] = ()  # (old, new), applied to VALID_BRIEF in order
    at: str = ""  # the problem is at this text ...
    nth: int = 1  # ... at its nth occurrence
    within: str = ""  # ... or at ``at`` inside this unique text
    value: str = ""  # ... or at the value of this unique ``key: value`` line
    says: tuple[str, ...] = ()  # words the message holds
    exactly: str = ""  # the whole message
    starts: str = ""  # how the message starts
    not_says: tuple[str, ...] = ()  # words the message does not hold
    line_ends: str = "\n"  # the line ends of the file written
    article: str | bytes = ARTICLE

    def text(self) -> str:
        """The brief as edited, with ``\\n`` line ends."""
        text = VALID_BRIEF
        for old, new in self.edits:
            text = edit(text, old, new)
        return text

    def where(self, text: str) -> tuple[int, int]:
        """The (line, column) the problem must be at, in ``text``."""
        if self.value:
            return value_of(text, self.value)
        if self.within:
            return locate_in(text, self.within, self.at)
        return locate(text, self.at, self.nth)


ONE_MISTAKE = {
    # keys
    "unknown-nested-key-names-its-item-and-suggests": Bad(
        edits=(("role: Minister", "rol: Minister"),),
        at="rol:",
        exactly="unknown key 'rol' in actor 'alpha'; did you mean 'role'?",
    ),
    "unknown-key-far-from-any-lists-the-known-keys": Bad(
        edits=(("title: Trade talks\n", "title: Trade talks\n    zzz: 1\n"),),
        at="zzz",
        exactly="unknown key 'zzz' in issue 'trade'; known keys: id, title, aliases, notes",
    ),
    "duplicate-key-quoted-and-plain-is-still-a-duplicate": Bad(
        edits=(("    kind: state\n", '    kind: state\n    "kind": person\n'),),
        at='"kind"',
        says=("duplicate key 'kind'",),
    ),
    # ids and references
    "dangling-reference-without-close-id-has-no-suggestion": Bad(
        edits=(("actor: alpha", "actor: zebra"),),
        at="zebra",
        says=("names 'zebra', but there is no such id among the actors",),
        not_says=("did you mean",),
    ),
    "reference-to-an-item-of-the-wrong-section": Bad(
        edits=(("speaker: alpha", "speaker: trade"),),
        at="trade\n    text: we will",
        exactly=(
            "'speaker' of 'alpha-quote' names 'trade', which is an issue; it must name an actor"
        ),
    ),
    "position-naming-an-actor-as-its-issue": Bad(
        edits=(("issue: trade", "issue: gamma"),),
        value="issue: gamma",
        says=("names 'gamma', which is an actor; it must name an issue",),
    ),
    "same-id-listed-twice-in-a-list": Bad(
        edits=(("actors: [alpha, gamma]", "actors: [alpha, gamma, alpha]"),),
        within="[alpha, gamma, alpha]",
        at="alpha]",
        says=("'alpha' is listed twice in 'actors'",),
    ),
    # [[id]] links in Markdown
    "wikilink-to-nothing-is-located-inside-a-block-scalar": Bad(
        edits=(
            (
                "  The `[[not-a-link]]` in a code span is text.",
                "  The `[[not-a-link]]` in a code span is text, unlike [[nobody]].",
            ),
        ),
        at="[[nobody]]",
        exactly="[[nobody]] in 'summary' of 'test-brief' links to no item",
    ),
    "wikilink-typo-suggests-the-close-id": Bad(
        edits=(("Summit in Paris with [[alpha]].", "Summit in Paris with [[alpah]]."),),
        at="[[alpah]]",
        exactly="[[alpah]] in 'text' of 'summit' links to no item; did you mean 'alpha'?",
    ),
    "wikilink-in-item-notes-is-checked": Bad(
        edits=(
            ("    title: Trade talks\n", "    title: Trade talks\n    notes: |\n"),
            ("    notes: |\n", "    notes: |\n      See **[[gama]]** on this.\n"),
        ),
        at="[[gama]]",
        exactly="[[gama]] in 'notes' of 'trade' links to no item; did you mean 'gamma'?",
    ),
    "wikilink-that-is-not-an-id-says-so": Bad(
        edits=(("[[alpha]] spoke", "[[Alpha Beta]] spoke"),),
        at="[[Alpha Beta]]",
        says=("[[Alpha Beta]] in 'summary' of 'test-brief' is not an id",),
    ),
    "wikilink-after-the-same-text-in-a-code-span-is-located-at-the-link": Bad(
        edits=(("[[alpha]] spoke about", "`[[nobody]]` and [[nobody]] spoke about"),),
        at="[[nobody]]",
        nth=2,
    ),
    "wikilink-location-in-a-file-with-cr-line-ends": Bad(
        edits=(("[[alpha]] spoke", "[[alfa]] spoke"),),
        at="[[alfa]]",
        line_ends="\r",
    ),
    "wikilink-to-nothing-is-located-inside-a-folded-block-scalar": Bad(
        edits=(
            (
                "summary: |\n  [[alpha]] spoke about [[trade]].",
                "summary: >\n  [[alpha]] spoke about\n  the [[nobody]] issue.",
            ),
        ),
        at="[[nobody]]",
        exactly="[[nobody]] in 'summary' of 'test-brief' links to no item",
    ),
    "other-problems-in-a-file-with-cr-line-ends-are-located": Bad(
        edits=(("actor: alpha", "actor: alfa"),),
        at="alfa",
        line_ends="\r",
    ),
    # paragraphs and quotes
    "paragraph-out-of-range": Bad(
        edits=(("evidence: [{para: 3}]", "evidence: [{para: 7}]"),),
        at="7}]",
        exactly="paragraph 7 does not exist: article.txt has 3 paragraphs",
    ),
    "paragraph-out-of-range-says-where-the-quote-is": Bad(
        edits=(("    para: 2\n", "    para: 9\n"),),
        value="para: 9",
        says=("paragraph 9 does not exist", "the quoted words are in paragraph 2"),
    ),
    # The quote's text is what is wrong (or the number): located at the text.
    "quote-in-another-paragraph-names-that-paragraph": Bad(
        edits=(
            (
                "    text: we will act soon\n    para: 1\n",
                "    text: we will act soon\n    para: 3\n",
            ),
        ),
        at="we will act soon\n    para: 3",
        exactly="these words are not in paragraph 3 but in paragraph 1",
    ),
    "evidence-quote-in-another-paragraph": Bad(
        edits=(
            (
                "      - para: 1\n        quote: we will act soon\n",
                "      - para: 2\n        quote: we will act soon\n",
            ),
        ),
        at="we will act soon",
        exactly="these words are not in paragraph 2 but in paragraph 1",
    ),
    "quote-found-in-no-paragraph": Bad(
        edits=(("quote: we will act soon", "quote: we will act later"),),
        at="we will act later",
        says=("these words are not in paragraph 1, nor anywhere in article.txt", "verbatim"),
    ),
    "quote-of-only-an-omission-mark-is-not-a-quote": Bad(
        edits=(("quote: we will act soon", 'quote: "..."'),),
        at='"..."',
        says=("not in paragraph 1",),
    ),
    "paragraph-number-with-leading-zero-is-refused": Bad(
        edits=(("evidence: [{para: 3}]", "evidence: [{para: 010}]"),),
        article=ARTICLE + "".join(f"\nParagraph {n}.\n" for n in range(4, 11)),  # 10 of them
        at="010",
        says=("'010'", "leading zeros"),
    ),
    # size and encoding: the file is written as the edited text's bytes, so a lone surrogate
    # (\udcff) stands for the byte it escapes (0xff)
    "invalid-utf8-is-located-at-the-bad-byte": Bad(
        edits=(("title: A test brief", "title: Café \udcff brief"),),
        at="\udcff",  # columns count characters, not bytes
        says=("invalid UTF-8 (byte 0xff)",),
    ),
    "truncated-multibyte-sequence-is-invalid-utf8": Bad(
        edits=(("title: A test brief", "title: A test \udce2\udc80 brief"),),
        at="\udce2",
        says=("invalid UTF-8 (byte 0xe2)",),
    ),
    "nul-byte-is-refused-at-its-place": Bad(
        edits=(("name: Gamma", "name: Gam\0ma"),),
        at="\0",
        says=("NUL byte",),
    ),
    "control-character-in-yaml-is-located": Bad(
        edits=(("title: A test brief", "title: A \x1b[31mtest brief"),),
        at="\x1b",
        says=("control character U+001B is not allowed",),
    ),
    # values of the wrong type or form
    "null-in-a-required-text-field": Bad(
        edits=(("name: Gamma", "name: null"),),
        value="name: null",
        exactly="'name' of actor 'gamma' is required",
    ),
    "whitespace-only-text-is-empty": Bad(
        edits=(("name: Gamma", 'name: "   "'),),
        value='name: "   "',
        exactly="'name' of actor 'gamma' is empty",
    ),
    "empty-id-is-refused": Bad(
        edits=(("id: test-brief", 'id: ""'),),
        value='id: ""',
        exactly="'id' of brief is empty; it needs an id",
    ),
    "bad-enum-word-suggests-the-close-one": Bad(
        edits=(("attribution: stated", "attribution: state"),),
        value="attribution: state",
        says=(
            "must be one of stated, reported, inferred-by-author, not 'state'",
            "did you mean 'stated'?",
        ),
    ),
    "position-without-evidence-is-refused": Bad(
        edits=(
            ("    evidence:\n      - para: 1\n        quote: we will act soon\n", ""),
            ("    attribution: stated\n", "    attribution: stated\n    evidence: []\n"),
        ),
        value="evidence: []",
        says=("'evidence' of position 'alpha-will-act' needs at least 1 entry",),
    ),
    "unreadable-section-is-reported-once": Bad(
        edits=(
            (
                "actors:\n  - id: alpha\n    name: Alpha Beta\n    kind: person\n"
                "    role: Minister\n    part_of: [gamma]\n  - id: gamma\n    name: Gamma\n"
                "    kind: state\n",
                "actors:\n  alpha:\n    name: Alpha Beta\n    kind: person\n"
                "  gamma:\n    name: Gamma\n    kind: state\n",
            ),
        ),
        at="alpha:",
        says=("'actors' of brief must be a list of entries",),
    ),
    # the source article
    "missing-source-text-is-located-at-its-name": Bad(
        edits=(("text: article.txt", "text: missing.txt"),),
        value="text: missing.txt",
        starts="source text missing.txt: cannot read file",
    ),
    "article-that-is-not-utf8": Bad(
        article=ARTICLE.encode("utf-8").replace(b"Paris.", b"Par\xeds.", 1),
        value="text: article.txt",
        starts="source text article.txt: invalid UTF-8 (byte 0xed)",
    ),
    "article-with-nul-bytes": Bad(
        article=ARTICLE.encode() + b"\0\0",
        value="text: article.txt",
        says=("NUL byte",),
    ),
    "unsupported-format-version": Bad(
        edits=(("format: 1", "format: 2"),),
        value="format: 2",
        exactly="format 2 is not supported; this version of briefing-tui reads format 1",
    ),
}


@pytest.mark.parametrize("case", list(ONE_MISTAKE.values()), ids=list(ONE_MISTAKE))
def test_one_mistake_is_one_located_problem(problems_of, case: Bad):
    text = case.text()
    written = text.replace("\n", case.line_ends).encode("utf-8", errors="surrogateescape")
    line, column, message = one(problems_of(written, case.article))
    assert (line, column) == case.where(text)
    if case.exactly:
        assert message == case.exactly
    if case.starts:
        assert message.startswith(case.starts)
    for words in case.says:
        assert words in message
    for words in case.not_says:
        assert words not in message


# -- YAML syntax and the shape of the file ----------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "needle", "offset", "words"),
    [
        # "mapping values are not allowed": the second ':' on the title line.
        ("title: A test brief", "title: A test: brief", ": brief", 0, "mapping values"),
        # A tab used for indentation, at the tab itself.
        ("  outlet: Example News", "\toutlet: Example News", "\toutlet", 0, "tab"),
        # An unclosed flow list is found where the next key starts.
        ("part_of: [gamma]", "part_of: [gamma\n    notes: x", "notes: x", 5, "flow sequence"),
    ],
    ids=["colon-in-plain-scalar", "tab-indent", "unclosed-flow-list"],
)
def test_yaml_syntax_error_is_located(problems_of, old, new, needle, offset, words):
    text = edit(VALID_BRIEF, old, new)
    line, column, message = one(problems_of(text))
    expected_line, expected_column = locate(text, needle)
    assert (line, column) == (expected_line, expected_column + offset)
    assert message.startswith("YAML syntax error")
    assert words in message


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "- format: 1\n- id: x\n",
            "must be a mapping of keys (format, id, title, ...), not a list",
        ),
        ("just some words\n", "must be a mapping of keys (format, id, title, ...), not 'just"),
        ("", "the file is empty"),
        ("# a comment\n\n   # and another\n", "the file is empty"),
        ("\n\n\n", "the file is empty"),
    ],
    ids=["list", "scalar", "empty", "comment-only", "blank-lines"],
)
def test_file_that_is_not_a_mapping(problems_of, text, words):
    line, column, message = one(problems_of(text))
    assert (line, column) == (1, 1)
    assert words in message


def test_scalar_on_a_later_line_is_located_there(problems_of):
    line, column, message = one(problems_of("# a brief\n\n  42\n"))
    assert (line, column) == (3, 3)
    assert "not '42'" in message


# -- keys -------------------------------------------------------------------------------------


def test_unknown_top_level_key_suggests_the_right_one(problems_of):
    text = edit(VALID_BRIEF, "title: A test brief", "titel: A test brief")
    found = problems_of(text)
    message = at(found, *locate(text, "titel"))
    assert "unknown key 'titel'" in message
    assert "did you mean 'title'?" in message
    # The real key is then missing; if that is said too, it is said once and about 'title'.
    others = [m for line, column, m in found if (line, column) != locate(text, "titel")]
    assert len(others) <= 1 and all("'title'" in m for m in others)


def test_duplicate_key_names_the_first_line(problems_of):
    text = edit(VALID_BRIEF, "title: A test brief\n", "title: A test brief\ntitle: Again\n")
    line, column, message = one(problems_of(text))
    assert (line, column) == locate(text, "title: Again")
    first_line, _ = locate(text, "title: A test brief")
    assert f"duplicate key 'title' (first at line {first_line})" in message


def test_key_that_is_a_list_is_refused(problems_of):
    text = edit(VALID_BRIEF, "    kind: state\n", "    kind: state\n    ? [a, b]\n    : x\n")
    found = problems_of(text)
    assert "a key must be plain text" in at(found, *locate(text, "[a, b]"))


# -- ids and references -----------------------------------------------------------------------


def test_duplicate_id_in_one_section(problems_of):
    text = edit(VALID_BRIEF, "  - id: gamma\n", "  - id: alpha\n")
    text = text.replace("[gamma]", "[]").replace("[alpha, gamma]", "[alpha]")
    text = text.replace("speaker: gamma", "speaker: alpha")
    line, column, message = one(problems_of(text))
    assert (line, column) == locate(text, "id: alpha\n", nth=2)
    first_line, _ = locate(text, "id: alpha")
    assert f"id 'alpha' is used twice (first by an actor at line {first_line})" in message


def test_duplicate_id_across_sections(problems_of):
    text = edit(VALID_BRIEF, "  - id: gamma-quote", "  - id: trade")
    line, column, message = one(problems_of(text))
    assert (line, column) == locate(text, "id: trade", nth=2)
    first_line, _ = locate(text, "id: trade")
    assert f"id 'trade' is used twice (first by an issue at line {first_line})" in message
    assert "unique across the whole brief" in message


def test_item_with_the_briefs_own_id(problems_of):
    text = edit(VALID_BRIEF, "  - id: trade\n", "  - id: test-brief\n")
    text = text.replace("issue: trade", "issue: test-brief").replace("[[trade]]", "trade")
    text = text.replace("[alpha-will-act, trade]", "[alpha-will-act]")
    line, column, message = one(problems_of(text))
    assert (line, column) == locate(text, "id: test-brief", nth=2)
    assert "the brief's own id" in message


@pytest.mark.parametrize(
    ("old", "new", "field", "owner", "wrong", "right"),
    [
        ("actor: alpha", "actor: alfa", "actor", "alpha-will-act", "alfa", "alpha"),
        ("issue: trade", "issue: trades", "issue", "alpha-will-act", "trades", "trade"),
        ("speaker: gamma", "speaker: gama", "speaker", "gamma-quote", "gama", "gamma"),
        ("part_of: [gamma]", "part_of: [gama]", "part_of", "alpha", "gama", "gamma"),
        (
            "bears_on: [alpha-will-act, trade]",
            "bears_on: [alpha-will-akt, trade]",
            "bears_on",
            "when-act",
            "alpha-will-akt",
            "alpha-will-act",
        ),
        ("actors: [alpha, gamma]", "actors: [alpha, gamm]", "actors", "summit", "gamm", "gamma"),
    ],
    ids=["actor", "issue", "speaker", "part_of", "bears_on", "actors"],
)
def test_dangling_reference_suggests_the_close_id(
    problems_of, old, new, field, owner, wrong, right
):
    text = edit(VALID_BRIEF, old, new)
    line, column, message = one(problems_of(text))
    assert (line, column) == locate_in(text, new, wrong)
    assert f"'{field}' of '{owner}' names '{wrong}', but there is no such id" in message
    assert f"did you mean '{right}'?" in message


# -- [[id]] links in Markdown -----------------------------------------------------------------


def test_wikilinks_in_code_are_not_links(load_valid):
    summary = textwrap.indent(
        textwrap.dedent(
            """\
            Inline `[[missing]]` and ``[[also-missing]]`` are code.

            ```
            [[in-a-fence]]
            ```

                [[indented-code]]

            Escaped \\[[escaped]] is text too; [[alpha]] is a link.
            """
        ),
        "  ",
    )
    text = edit(
        VALID_BRIEF,
        "  [[alpha]] spoke about [[trade]].\n\n  The `[[not-a-link]]` in a code span is text.\n",
        summary,
    )
    brief = load_valid(text)
    targets = [link.target for link in brief.links.links_from("test-brief")]
    assert targets == ["alpha"]


def test_wikilink_to_nothing_in_a_multi_line_plain_scalar(problems_of):
    text = edit(
        VALID_BRIEF,
        "text: Summit in Paris with [[alpha]].",
        "text: Summit in Paris with [[nobody]]\n      and then [[nobody]] again.",
    )
    found = problems_of(text)
    assert [(line, column) for line, column, _ in found] == [
        locate(text, "[[nobody]]"),
        locate(text, "[[nobody]]", nth=2),
    ]


def test_two_wikilinks_to_nothing_on_one_line_are_each_located(problems_of):
    text = edit(VALID_BRIEF, "[[alpha]] spoke about", "[[nobody]] and [[nobody]] spoke about")
    found = problems_of(text)
    assert [(line, column) for line, column, _ in found] == [
        locate(text, "[[nobody]]"),
        locate(text, "[[nobody]]", nth=2),
    ]


def test_locations_in_a_file_with_crlf_line_ends(problems_of):
    text = edit(VALID_BRIEF, "[[alpha]] spoke", "[[alfa]] spoke")
    text = edit(text, "actor: alpha", "actor: alfa")
    found = problems_of(text.replace("\n", "\r\n"))
    assert [(line, column) for line, column, _ in found] == [
        locate(text, "[[alfa]]"),
        locate(text, "alfa\n"),
    ]


# -- anchors, aliases, tags, merge keys, documents ----------------------------------------------


def test_anchor_and_alias_are_refused(problems_of):
    text = edit(VALID_BRIEF, "name: Gamma", "name: &g Gamma")
    text = edit(text, "title: Trade talks", "title: *g")
    found = problems_of(text)
    assert "anchor &g is not allowed" in at(found, *locate(text, "&g"))
    assert "alias *g is not allowed" in at(found, *locate(text, "*g"))


def test_billion_laughs_fails_fast_on_its_anchors(problems_of):
    lines = ["format: 1", 'lol0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"lol{level}: &a{level} [{refs}]")
    text = "\n".join(lines) + "\n"
    started = time.perf_counter()
    found = problems_of(text)
    elapsed = time.perf_counter() - started
    for level in range(10):
        assert f"anchor &a{level} is not allowed" in at(found, *locate(text, f"&a{level} "))
    assert "alias *a0 is not allowed" in at(found, *locate(text, "*a0"))
    # Nothing was expanded: one problem per anchor, alias and stray key, not 9**9 of anything.
    assert len(found) < 200
    assert elapsed < 5


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("!!python/object:os.system {}", "!!python/object:os.system"),
        ("!!python/name:os.system", "!!python/name:os.system"),
        ("!foo bar", "!foo"),
        ("!<tag:example.com,2000:x> bar", "tag:example.com,2000:x"),
        ("!!binary aGVsbG8=", "!!binary"),
    ],
    ids=["python-object", "python-name", "custom", "verbatim", "binary"],
)
def test_tags_are_refused(problems_of, value, shown):
    text = edit(VALID_BRIEF, "title: A test brief", f"title: {value}")
    found = problems_of(text)
    message = at(found, *value_of(text, f"title: {value}"))
    assert f"tag {shown} is not allowed" in message


def test_python_apply_tag_is_refused_and_not_executed(problems_of, tmp_path):
    marker = tmp_path / "executed"
    text = edit(
        VALID_BRIEF,
        "title: A test brief",
        f'title: !!python/object/apply:os.system ["touch {marker}"]',
    )
    found = problems_of(text)
    message = at(found, *value_of(text, "title: !!python"))
    assert "tag !!python/object/apply:os.system is not allowed" in message
    assert not marker.exists()


def test_explicit_str_tag_is_allowed(load_valid):
    text = edit(VALID_BRIEF, "title: A test brief", "title: !!str A test brief")
    assert load_valid(text).title == "A test brief"


def test_explicit_str_tag_makes_a_number_text(load_valid):
    text = edit(VALID_BRIEF, "title: A test brief", "title: !!str 1999")
    assert load_valid(text).title == "1999"


def test_merge_key_is_refused(problems_of):
    text = edit(VALID_BRIEF, "  - id: gamma\n", "  - <<: {role: Ruler}\n    id: gamma\n")
    found = problems_of(text)
    here = [message for line, column, message in found if (line, column) == locate(text, "<<")]
    assert any("merge keys (<<) are not allowed" in message for message in here)
    # The merged key is not applied: nothing else of the brief changed.
    assert {(line, column) for line, column, _ in found} == {locate(text, "<<")}


def test_second_document_is_refused(problems_of):
    text = VALID_BRIEF + "---\nformat: 1\n"
    line, column, message = one(problems_of(text))
    assert (line, column) == locate(text, "---")
    assert "a second YAML document starts here" in message


def test_document_start_marker_on_a_single_document_is_fine(load_valid):
    assert load_valid("---\n" + VALID_BRIEF + "...\n").id == "test-brief"


# -- deep nesting: run in a subprocess, since a crash (stack overflow) would kill pytest -------

_LOAD_IN_CHILD = """
import sys
from briefing_tui.core.load.problems import BriefError
from briefing_tui.core.load.loader import load_brief
try:
    load_brief(sys.argv[1])
except BriefError as error:
    for p in error.problems:
        print(f"{p.line}\\t{p.column}\\t{p.message}")
    sys.exit(0)
print("loaded")
sys.exit(3)
"""


@pytest.mark.parametrize(
    "text",
    [
        "[" * 10_000 + "]" * 10_000,
        "[" * 10_000,
        "- " * 10_000 + "x",
        "{a: " * 10_000 + "1" + "}" * 10_000,
        "format: 1\ntitle: " + "[" * 10_000,
    ],
    ids=["flow-lists", "unclosed-flow-lists", "block-lists", "flow-mappings", "under-a-key"],
)
def test_ten_thousand_levels_of_nesting_fail_cleanly(write_brief, text):
    path = write_brief(text)
    child = subprocess.run(
        [sys.executable, "-c", _LOAD_IN_CHILD, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == 0, f"the loader crashed: {child.stderr[-2000:]}"
    rows = [row.split("\t") for row in child.stdout.splitlines()]
    assert len(rows) == 1, child.stdout
    line, column, message = int(rows[0][0]), int(rows[0][1]), rows[0][2]
    error_line = text.splitlines()[line - 1]
    assert "nesting" in message
    assert 1 < column <= len(error_line)
    assert error_line[column - 1] in "[{-"


def test_nesting_limit_is_located_on_its_line(problems_of):
    # 100 nested block mappings, one per line, each indented one space deeper.
    text = "".join(" " * depth + "k:\n" for depth in range(100)) + " " * 100 + "v\n"
    line, column, message = one(problems_of(text))
    # The 65th mapping is the first too deep: it starts on line 65 at column 65.
    assert (line, column) == (65, 65)
    assert "nesting deeper than 64 levels" in message


def test_custom_depth_limit(write_brief):
    path = write_brief()
    assert load_brief(path, limits=Limits(max_depth=5)).id == "test-brief"
    found = problems(path, Limits(max_depth=4))
    line, column, message = one(found)
    # The first thing 5 levels deep: the first evidence entry's mapping (brief, positions,
    # position, evidence, entry).
    assert (line, column) == locate(VALID_BRIEF, "para: 1\n        quote")
    assert "nesting deeper than 4 levels" in message


def test_custom_node_limit(write_brief):
    path = write_brief()
    line, column, message = one(problems(path, Limits(max_nodes=10)))
    assert "more than 10 YAML nodes" in message
    assert line >= 1 and column >= 1


# -- size and encoding ------------------------------------------------------------------------


def test_fifty_megabyte_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:  # sparse: no 50 MB written to disk
        handle.seek(50 * 1024 * 1024 - 1)
        handle.write(b"\n")
    started = time.perf_counter()
    line, column, message = one(problems(path))
    assert time.perf_counter() - started < 2
    assert (line, column) == (1, 1)  # a problem of the whole file
    assert "52,428,800 bytes, over the limit" in message


def test_custom_size_limit_boundary(write_brief):
    path = write_brief()
    size = path.stat().st_size
    assert load_brief(path, limits=Limits(max_bytes=size)).id == "test-brief"
    line, column, message = one(problems(path, Limits(max_bytes=size - 1)))
    assert (line, column) == (1, 1)
    assert f"file is {size:,} bytes, over the limit of {size - 1:,} bytes" in message


def test_size_limit_applies_to_the_article(write_brief):
    article = ARTICLE + "\n" + "More words. " * 1000
    path = write_brief(VALID_BRIEF, article)
    limit = path.stat().st_size + 10
    line, column, message = one(problems(path, Limits(max_bytes=limit)))
    assert (line, column) == value_of(VALID_BRIEF, "text: article.txt")
    assert message.startswith("source text article.txt: file is")
    assert "over the limit" in message


@pytest.mark.parametrize(
    ("encoding", "bom", "name"),
    [
        ("utf-16-le", codecs.BOM_UTF16_LE, "UTF-16"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "UTF-16"),
        ("utf-32-le", codecs.BOM_UTF32_LE, "UTF-32"),
    ],
)
def test_utf16_and_utf32_files_are_refused(problems_of, encoding, bom, name):
    line, column, message = one(problems_of(bom + VALID_BRIEF.encode(encoding)))
    assert (line, column) == (1, 1)
    assert message == f"file is {name}; save it as UTF-8"


def test_utf8_bom_is_accepted_and_does_not_shift_columns(problems_of):
    text = edit(VALID_BRIEF, "format: 1", "format: 2")
    line, column, message = one(problems_of(codecs.BOM_UTF8 + text.encode()))
    assert (line, column) == (1, 9)
    assert "format 2 is not supported" in message


def test_every_control_character_is_reported(problems_of):
    text = edit(VALID_BRIEF, "title: A test brief", "title: A\x07 test\x08 brief")
    text = edit(text, "name: Gamma", "name: Gam\x7fma")
    found = problems_of(text)
    assert [(line, column) for line, column, _ in found] == [
        locate(text, "\x07"),
        locate(text, "\x08"),
        locate(text, "\x7f"),
    ]
    assert [m.split(" is ")[0] for _, _, m in found] == [
        "control character U+0007",
        "control character U+0008",
        "control character U+007F",
    ]


# -- values of the wrong type or form ---------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "value", "reading"),
    [
        ("id: test-brief", "id: no", "no", "a boolean"),
        ("name: Gamma", "name: yes", "yes", "a boolean"),
        ("title: A test brief", "title: 1999", "1999", "a number"),
        ("title: Trade talks", "title: on", "on", "a boolean"),
        ("role: Minister", "role: 3.14", "3.14", "a number"),
        ("  - id: trade\n", "  - id: 2026-01-09\n", "2026-01-09", "a date"),
        ("stance: Will act soon.", "stance: off", "off", "a boolean"),
    ],
    ids=["id-no", "name-yes", "title-1999", "title-on", "role-float", "id-date", "stance-off"],
)
def test_yaml_11_words_in_text_fields_need_quotes(problems_of, old, new, value, reading):
    text = edit(VALID_BRIEF, old, new)
    found = problems_of(text)
    key = new.strip().removeprefix("- ").split(":")[0]
    message = at(found, *value_of(text, new.strip().removeprefix("- ")))
    assert f"'{key}' of " in message
    assert f"{value} is read by YAML as {reading}" in message
    assert f'write "{value}" in quotes' in message


@pytest.mark.parametrize(
    ("bad", "suggestion"),
    [
        ("Gamma State", "gamma-state"),
        ("gamma_state", "gamma-state"),
        ("gamma--state", "gamma-state"),
        ("-gamma", "gamma"),
        ("Gamma", "gamma"),
        ("gämma", "g-mma"),
    ],
)
def test_bad_slug_suggests_a_valid_one(problems_of, bad, suggestion):
    text = edit(VALID_BRIEF, "  - id: gamma\n", f'  - id: "{bad}"\n')
    found = problems_of(text)
    message = at(found, *locate(text, f'"{bad}"'))
    assert f"'{bad}' is not a valid id for 'id' of actor #2" in message
    assert "lowercase letters, digits and single hyphens" in message
    assert f"(e.g. '{suggestion}')" in message


def test_overlong_slug_is_refused(problems_of):
    long_id = "-".join(["word"] * 20)  # 99 characters
    text = edit(VALID_BRIEF, "  - id: trade\n", f"  - id: {long_id}\n")
    found = problems_of(text)
    message = at(found, *locate(text, long_id))
    assert "at most 80 characters" in message


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("published: 2026-01-09", "published: 2026-02-30"),
        ("date: 2026-01-06", "date: 26-1-9"),
        ("date: 2026-01-06", "date: 2026-1-6"),
        ("date: 2026-01-06", "date: 6 January 2026"),
        ("date: 2026-01-06", "date: 2026-01-06T10:00:00"),
        ("published: 2026-01-09", "published: 2026-13-01"),
    ],
)
def test_bad_dates_are_refused(problems_of, old, new):
    text = edit(VALID_BRIEF, old, new)
    line, column, message = one(problems_of(text))
    assert (line, column) == value_of(text, new)
    bad = new.split(": ", 1)[1]
    assert f"must be a date written YYYY-MM-DD, not '{bad}'" in message


@pytest.mark.parametrize(
    ("new", "words"),
    [
        ("para: 0", "'para' of quote 'gamma-quote' must be 1 or more"),
        ("para: six", "'para' of quote 'gamma-quote' must be a whole number, not 'six'"),
        ("para: -1", "must be a whole number, not '-1'"),
        ("para: 2.5", "must be a whole number, not '2.5'"),
        ('para: "2"', "must be a whole number, not '2'"),
        ("para: [2]", "must be a whole number, not a list"),
        ("para:", "must be a whole number, not nothing"),
    ],
)
def test_bad_paragraph_numbers(problems_of, new, words):
    text = edit(VALID_BRIEF, "    para: 2\n", f"    {new}\n")
    line, column, message = one(problems_of(text))
    if new == "para:":  # an empty value is located where the key's line ends
        assert line == locate(text, "    para:\n")[0]
    else:
        assert (line, column) == value_of(text, new)
    assert words in message


@pytest.mark.parametrize(
    ("new", "words"),
    [
        ("url: example.com/a", "must be an http:// or https:// URL or null"),
        ("url: ftp://example.com/a", "must be an http:// or https:// URL or null"),
        ("url: https://exa mple.com", "must be an http:// or https:// URL or null"),
    ],
)
def test_bad_urls(problems_of, new, words):
    text = edit(VALID_BRIEF, "url: https://example.com/a", new)
    line, column, message = one(problems_of(text))
    assert (line, column) == value_of(text, new)
    assert words in message


@pytest.mark.parametrize(
    ("remove", "holder", "key"),
    [
        ("    stance: Will act soon.\n", "position 'alpha-will-act'", "stance"),
        ("    kind: state\n", "actor 'gamma'", "kind"),
        ("    speaker: alpha\n", "quote 'alpha-quote'", "speaker"),
        ("    date: 2026-01-06\n", "event 'summit'", "date"),
    ],
    ids=["stance", "kind", "speaker", "date"],
)
def test_missing_required_keys(problems_of, remove, holder, key):
    text = edit(VALID_BRIEF, remove, "")
    line, column, message = one(problems_of(text))
    item_id = holder.split("'")[1]
    assert (line, column) == locate(text, f"id: {item_id}\n")
    assert message == f"{holder} lacks the required key '{key}'"


def test_optional_keys_may_be_left_out(load_valid):
    text = edit(VALID_BRIEF, "  outlet: Example News\n  author: A. Writer\n", "")
    text = edit(text, "  published: 2026-01-09\n  url: https://example.com/a\n", "")
    text = edit(text, "    role: Minister\n    part_of: [gamma]\n", "")
    brief = load_valid(text)
    assert (brief.source.outlet, brief.source.published, brief.source.url) == (None, None, None)
    assert brief.item("alpha").part_of == ()


def test_missing_required_keys_of_the_brief_are_all_named(problems_of):
    found = problems_of("format: 1\n")
    assert found == [
        (1, 1, "brief lacks the required key 'id'"),
        (1, 1, "brief lacks the required key 'source'"),
        (1, 1, "brief lacks the required key 'title'"),
    ]


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("title: A test brief", "title: [a, b]", "'title' of brief must be text, not a list"),
        ("name: Gamma", "name: {first: G}", "'name' of actor 'gamma' must be text, not a mapping"),
        (
            "part_of: [gamma]",
            "part_of: {gamma: 1}",
            "'part_of' of actor 'alpha' must be a list of ids, like [a, b], not a mapping",
        ),
        ("part_of: [gamma]", "part_of: gamma", "must be a list of ids, like [a, b], not 'gamma'"),
        (
            "evidence: [{para: 3}]",
            "evidence: {para: 3}",
            "'evidence' of event 'summit' must be a list of entries, each starting with '- ',"
            " not a mapping",
        ),
        ("evidence: [{para: 3}]", "evidence: [3]", "evidence #1 of event 'summit' must be a"),
        ("url: https://example.com/a", "url: [x]", "must be a URL, not a list"),
        ("format: 1", "format: {v: 1}", "'format' of brief must be a whole number, not a mapping"),
    ],
    ids=[
        "list-for-text",
        "mapping-for-text",
        "mapping-for-refs",
        "scalar-for-refs",
        "mapping-for-records",
        "scalar-for-record",
        "list-for-url",
        "mapping-for-int",
    ],
)
def test_wrong_types(problems_of, old, new, words):
    text = edit(VALID_BRIEF, old, new)
    found = problems_of(text)
    value = new.split(": ", 1)[1]
    column_offset = 1 if value.startswith("[3") else 0  # the record is the list's element
    line, column = locate(text, value)
    assert words in at(found, line, column + column_offset)


def test_source_that_is_not_a_mapping(problems_of):
    text = edit(
        VALID_BRIEF,
        "source:\n  title: A headline\n  outlet: Example News\n  author: A. Writer\n"
        "  published: 2026-01-09\n  url: https://example.com/a\n  text: article.txt\n",
        "source: article.txt\n",
    )
    found = problems_of(text)
    assert "source must be a mapping, not 'article.txt'" in at(
        found, *value_of(text, "source: article.txt")
    )


# -- the source article -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "bad", ["../article.txt", "/etc/passwd", "sub/../../article.txt", "C:/article.txt", "\\\\x"]
)
def test_source_path_must_stay_beside_the_brief(problems_of, bad):
    text = edit(VALID_BRIEF, "text: article.txt", f"text: '{bad}'")
    line, column, message = one(problems_of(text))
    assert (line, column) == locate(text, f"'{bad}'")
    assert "must be a path inside the brief's folder (relative, without '..')" in message


def test_source_in_a_subfolder_is_fine(write_brief):
    text = edit(VALID_BRIEF, "text: article.txt", "text: texts/article.txt")
    path = write_brief(text, article_name="texts/article.txt")
    assert load_brief(path).paragraph(3) is not None


def test_article_with_utf8_bom_is_read(load_valid):
    brief = load_valid(VALID_BRIEF, codecs.BOM_UTF8 + ARTICLE.encode())
    assert brief.paragraph(1).text.startswith("Alpha Beta said")


# -- all the mistakes of a file in one run ----------------------------------------------------


def test_all_independent_mistakes_are_reported_in_one_run(problems_of):
    text = VALID_BRIEF
    mistakes = [
        ("kind: person", "kind: persn", "persn"),  # bad enum word, actor alpha
        ("title: Trade talks\n", "title: Trade talks\n    titel: x\n", "titel"),  # unknown key
        ("issue: trade", "issue: trad", "trad"),  # dangling reference
        ("    para: 2\n", "    para: 5\n", "5"),  # paragraph out of range
        ("Summit in Paris with [[alpha]]", "Summit in Paris with [[nobody]]", "[[nobody]]"),
    ]
    for old, new, _ in mistakes:
        text = edit(text, old, new)
    found = problems_of(text)
    expected = sorted(locate_in(text, new, part) for _, new, part in mistakes)
    assert [(line, column) for line, column, _ in found] == expected
    assert len({line for line, _, _ in found}) == 5


def test_top_level_mistake_does_not_hide_the_others(problems_of):
    text = edit(VALID_BRIEF, "title: A test brief", "title: 1999")
    text = edit(text, "actor: alpha", "actor: alfa")
    text = edit(text, "    para: 2\n", "    para: 5\n")
    found = problems_of(text)
    assert [(line, column) for line, column, _ in found] == [
        value_of(text, "title: 1999"),
        value_of(text, "actor: alfa"),
        value_of(text, "para: 5"),
    ]


def test_mistakes_in_several_top_level_fields_are_all_reported(problems_of):
    text = edit(VALID_BRIEF, "id: test-brief", "id: Test Brief")
    text = edit(text, "url: https://example.com/a", "url: nope")
    text = edit(text, "speaker: gamma", "speaker: gama")
    found = problems_of(text)
    assert [(line, column) for line, column, _ in found] == [
        value_of(text, "id: Test Brief"),
        value_of(text, "url: nope"),
        value_of(text, "speaker: gama"),
    ]


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85"])
def test_yaml_line_separators_are_refused_where_editors_show_them(problems_of, char):
    # YAML counts NEL, LS and PS as line ends and editors do not: one of them would shift
    # every later line number, so it is refused, located as an editor shows it.
    text = edit(VALID_BRIEF, "title: A test brief", f'title: "A test{char}brief"')
    line, column, message = one(problems_of(text))
    editor_lines = text.split("\n")
    assert editor_lines[line - 1][column - 1] == char
    assert f"U+{ord(char):04X}" in message and "not allowed" in message


def test_problems_come_in_file_order(problems_of):
    text = edit(VALID_BRIEF, "speaker: gamma", "speaker: nobody")
    text = edit(text, "title: A test brief", "titel: A test brief")
    text = edit(text, "[[alpha]] spoke", "[[nobody]] spoke")
    found = problems_of(text)
    assert found == sorted(found)
