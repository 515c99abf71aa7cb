"""``briefing-tui validate`` and ``briefing-tui schema``, run as a user runs them: a subprocess."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from briefkit import ARTICLE, VALID_BRIEF, edit, locate, value_of

from briefing_tui.cli.open import bundled_briefs
from briefing_tui.core.load.schema import schema_json

PROBLEM_LINE = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<column>\d+): (?P<message>\S.*)$")


def cli(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefing_tui", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=120,
    )


def write(folder: Path, name: str, text: str = VALID_BRIEF) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    (path.parent / "article.txt").write_text(ARTICLE, encoding="utf-8")
    return path


def test_valid_brief_exits_0(tmp_path):
    path = write(tmp_path, "good.yaml")
    result = cli("validate", path, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert "1 brief checked: all valid" in result.stderr


def test_invalid_brief_exits_1_with_compiler_style_lines(tmp_path):
    text = edit(VALID_BRIEF, "actor: alpha", "actor: alfa")
    text = edit(text, "kind: state", "kind: stat")
    path = write(tmp_path, "bad.yaml", text)
    result = cli("validate", path, cwd=tmp_path)
    assert result.returncode == 1
    matches = [PROBLEM_LINE.match(line) for line in result.stdout.splitlines()]
    assert all(matches), result.stdout
    assert [m["file"] for m in matches] == [str(path), str(path)]
    assert [(int(m["line"]), int(m["column"])) for m in matches] == [
        value_of(text, "kind: stat"),
        value_of(text, "actor: alfa"),
    ]
    assert "did you mean 'state'?" in matches[0]["message"]
    assert "names 'alfa'" in matches[1]["message"]
    assert "1 brief checked: 1 with problems (2 problems)" in result.stderr


def test_quiet_prints_only_problems(tmp_path):
    good = write(tmp_path, "good.yaml")
    assert cli("validate", "-q", good, cwd=tmp_path).stderr == ""


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "no-such-file.yaml"],
        ["validate"],
        ["validate", "--format", "xml", "good.yaml"],
        ["frobnicate", "--now"],
    ],
    ids=["missing-path", "no-path", "bad-format", "unknown-option"],
)
def test_usage_errors_exit_2(tmp_path, args):
    write(tmp_path, "good.yaml")
    result = cli(*args, cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.strip()


def test_missing_path_is_named(tmp_path):
    result = cli("validate", "gone.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert "no such file or folder: gone.yaml" in result.stderr


def test_folder_is_searched_recursively(tmp_path):
    write(tmp_path / "lib", "a/b/good.yaml")
    write(tmp_path / "lib", "c/also-good.yml")
    bad = write(tmp_path / "lib", "c/bad.yaml", edit(VALID_BRIEF, "format: 1", "format: 9"))
    write(tmp_path / "lib", ".hidden/ignored.yaml", "not: a brief\n")
    write(tmp_path / "lib", "a/b/good.notes.yaml", "notes: are not briefs\n")
    (tmp_path / "lib" / "readme.txt").write_text("not a brief", encoding="utf-8")

    result = cli("validate", "--format", "json", "lib", cwd=tmp_path)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert sorted(report["checked"]) == sorted(
        str(Path("lib") / p) for p in ("a/b/good.yaml", "c/also-good.yml", "c/bad.yaml")
    )
    assert report["valid"] is False
    assert [p["file"] for p in report["problems"]] == [str(bad.relative_to(tmp_path))]


def test_json_output_carries_file_line_column_message(tmp_path):
    text = edit(VALID_BRIEF, "[[alpha]] spoke", "[[alfa]] spoke")
    bad = write(tmp_path / "one", "bad.yaml", text)
    good = write(tmp_path / "two", "good.yaml")
    result = cli("validate", "--format", "json", bad, good, cwd=tmp_path)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["checked"] == [str(bad), str(good)]
    assert report["valid"] is False
    line, column = locate(text, "[[alfa]]")
    assert report["problems"] == [
        {
            "file": str(bad),
            "line": line,
            "column": column,
            "message": "[[alfa]] in 'summary' of 'test-brief' links to no item;"
            " did you mean 'alpha'?",
        }
    ]


def test_json_output_when_all_valid(tmp_path):
    good = write(tmp_path, "good.yaml")
    result = cli("validate", "--format", "json", good, cwd=tmp_path)
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"checked": [str(good)], "valid": True, "problems": []}


def test_control_characters_from_the_file_never_reach_the_terminal(tmp_path):
    text = edit(VALID_BRIEF, "kind: state", 'kind: "\\e]2;owned\\a\\e[2J"')
    text = edit(text, "    role: Minister\n", '    "\\e[31mrole": Minister\n')
    path = write(tmp_path, "evil.yaml", text)
    result = cli("validate", path, cwd=tmp_path)
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) >= 2
    for line in result.stdout.splitlines():
        assert PROBLEM_LINE.match(line), line
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", line), repr(line)


def test_schema_prints_the_json_schema(tmp_path):
    result = cli("schema", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout == schema_json()
    assert json.loads(result.stdout)["$schema"].endswith("/2020-12/schema")


_NO_TEXTUAL = """
import sys
from briefing_tui.cli.main import main
status = main(["validate", "-q", sys.argv[1], sys.argv[2]])
assert status == 1, status
assert main(["schema"]) == 0
textual = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
assert not textual, textual
print("OK")
"""


def test_validate_and_schema_never_import_textual(tmp_path):
    good = write(tmp_path / "one", "good.yaml")
    bad = write(tmp_path / "two", "bad.yaml", edit(VALID_BRIEF, "kind: state", "kind: x"))
    result = subprocess.run(
        [sys.executable, "-c", _NO_TEXTUAL, str(good), str(bad)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "OK"


_SWAPPED_FOR_A_FIFO = """
import os, sys
from briefing_tui.cli import main as cli
from briefing_tui.cli import validate as validating
from briefing_tui.core.load.loader import read_brief
brief, fifo = sys.argv[1], sys.argv[2]
os.mkfifo(fifo)
# The brief loads, then a FIFO takes its place before the TODOs are read.
validating.read_through = lambda path, cache: read_brief(brief)
sys.exit(cli.main(["validate", "--strict", fifo]))
"""


def test_strict_refuses_a_brief_replaced_by_a_fifo_at_once(tmp_path):
    good = write(tmp_path, "good.yaml")
    fifo = tmp_path / "swapped.yaml"
    result = subprocess.run(
        [sys.executable, "-c", _SWAPPED_FOR_A_FIFO, str(good), str(fifo)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=30,
    )
    assert result.returncode == 1
    [problem] = result.stdout.splitlines()
    assert problem.startswith(f"{fifo}:1:1: ") and "not a regular file (a FIFO)" in problem
    assert "Traceback" not in result.stderr


def test_the_reader_without_a_path_finds_the_bundled_briefs():
    """``briefing-tui`` with no PATH and no ./briefs opens the example briefs: the wheel's
    briefing_tui/examples, else the checkout's briefs/ (not a folder beside cli/)."""
    found = bundled_briefs()
    assert found.is_dir(), found
    assert sorted(found.glob("*.yaml"))
