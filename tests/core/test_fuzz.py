"""Fuzzing the loader: whatever the bytes, it returns a Brief or raises BriefError, never more.

Every problem must be usable by an editor: a line and column that are not negative and lie in
the file, and a message that says something.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from briefkit import ARTICLE, VALID_BRIEF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_tui.core.brief.model import Brief
from briefing_tui.core.load.loader import load_brief
from briefing_tui.core.load.problems import BriefError

FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)

# Pieces of YAML that tend to reach the parser's and the converter's corners.
TOKENS = [
    "&a ", "*a", "&a", "!!", "!!str ", "!!python/object/apply:os.system ", "!foo ", "! ",
    "[", "]", "{", "}", ", ", ": ", ":", "- ", "-", "? ", "<<: ", "---\n", "...\n", "%YAML 1.1\n",
    '"', "'", "\\", "|", ">", "|-\n", "#", " #c", "\n", "\r\n", "\r", "  ", "    ", "\t",
    "~", "null", "no", "yes", "on", "1999", "0x1f", "010", "1.5", ".inf", "2026-02-30",
    "2026-01-09", "[[alpha]]", "[[", "]]", "`", "\x1b", "\x00", "\x7f", "\x85", "\u2028",
    "\ufeff", "\u00e9", "\u201c", "\u2014", "\U0001f600", "id", "format", "title", "para",
    "actors", "quote", "alpha", "trade", "test-brief", "article.txt", "../x", "/etc/passwd",
]  # fmt: skip

_LINES = VALID_BRIEF.splitlines(keepends=True)
_SCALARS = st.one_of(
    st.sampled_from(TOKENS),
    st.text(max_size=12),
    st.integers(-3, 10**6).map(str),
    st.from_regex(r"[a-z]{1,8}(-[a-z0-9]{1,4})?", fullmatch=True),
)


@st.composite
def token_soup(draw: st.DrawFn) -> str:
    return "".join(draw(st.lists(st.sampled_from(TOKENS), max_size=60)))


@st.composite
def mutated_brief(draw: st.DrawFn) -> str:
    """The valid template with a few random edits: lines deleted, moved, duplicated, re-indented,
    values swapped or replaced, junk inserted."""
    lines = list(_LINES)
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        operation = draw(
            st.sampled_from(
                ["delete", "duplicate", "swap", "replace-value", "insert", "indent", "swap-values"]
            )
        )
        line = lines[index]
        if operation == "delete" and len(lines) > 1:
            del lines[index]
        elif operation == "duplicate":
            lines.insert(index, line)
        elif operation == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif operation == "replace-value" and ": " in line:
            key = line.split(": ", 1)[0]
            lines[index] = f"{key}: {draw(_SCALARS)}\n"
        elif operation == "swap-values":
            other = lines[draw(st.integers(0, len(lines) - 1))]
            if ": " in line and ": " in other:
                lines[index] = line.split(": ", 1)[0] + ": " + other.split(": ", 1)[1]
        elif operation == "insert":
            at = draw(st.integers(0, len(line)))
            lines[index] = line[:at] + draw(_SCALARS) + line[at:]
        elif operation == "indent":
            lines[index] = " " * draw(st.integers(0, 6)) + line.lstrip(" ")
    return "".join(lines)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def check_loads_or_reports(path: Path, data: bytes) -> None:
    """The one property: a Brief, or a BriefError whose problems are all well formed."""
    path.write_bytes(data)
    try:
        brief = load_brief(path)
    except BriefError as error:
        assert error.problems, "BriefError without problems"
        text = data.decode("utf-8", errors="replace")
        # Every line end a YAML parser or an editor might count, so no location is beyond them.
        max_line = len(text.splitlines()) + 1
        for problem in error.problems:
            assert problem.line >= 0 and problem.column >= 0, problem
            assert problem.line <= max_line, (problem, max_line)
            assert problem.message.strip(), problem
            assert "\n" not in problem.message and "\x1b" not in problem.message, problem
            assert str(problem).startswith(f"{path}:{problem.line}:{problem.column}: ")
    else:
        assert isinstance(brief, Brief)
        assert brief.links is not None


@FUZZ
@given(st.text(max_size=400))
def test_random_text(folder, text):
    check_loads_or_reports(folder / "text.yaml", text.encode("utf-8", errors="surrogatepass"))


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes(folder, data):
    check_loads_or_reports(folder / "bytes.yaml", data)


@FUZZ
@given(token_soup())
def test_yaml_token_soup(folder, text):
    check_loads_or_reports(folder / "soup.yaml", text.encode("utf-8"))


@FUZZ
@given(mutated_brief())
def test_mutated_valid_brief(folder, text):
    check_loads_or_reports(folder / "mutated.yaml", text.encode("utf-8"))


@FUZZ
@given(st.text(max_size=300), st.sampled_from(["\n", "\r\n", "\r"]))
def test_random_article_beside_a_valid_brief(tmp_path_factory, text, newline):
    folder = tmp_path_factory.mktemp("article")
    (folder / "article.txt").write_bytes(
        text.replace("\n", newline).encode("utf-8", errors="surrogatepass")
    )
    check_loads_or_reports(folder / "brief.yaml", VALID_BRIEF.encode("utf-8"))
