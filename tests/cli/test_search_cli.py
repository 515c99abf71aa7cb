"""``briefing-tui search QUERY PATH``, run in-process through ``briefing_tui.cli.main.main``
(and once as a user runs it, in a subprocess).

What a user sees: one ``path:line:col: [section] label`` line per hit that an editor can jump
to, a summary on standard error, the exit status (0 hits, 1 none, 2 usage errors), never a
traceback, and never a control character of a brief reaching the terminal.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from paths import FLAGSHIP, UNDATED
from searchkit import (
    HOSTILE,
    MARKUP,
    NAME,
    RAW_CONTROLS,
    STANCE,
    TITLE,
    write_library,
)

from briefing_tui.cli.main import main
from briefing_tui.core.load.loader import load_brief
from briefing_tui.core.notes.edits import set_note, set_tags, toggle_mark
from briefing_tui.core.notes.folder import NOTES_ENV
from briefing_tui.core.notes.store import NotesStore

HIT = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): \[(?P<section>[a-z]+)\] (?P<rest>.*)$"
)


@pytest.fixture(autouse=True)
def notes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The default notes folder is the test's own (and is not created by searching)."""
    folder = tmp_path / "notes"
    monkeypatch.setenv(NOTES_ENV, str(folder))
    return folder


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return write_library(tmp_path / "library")


def run(capsys, *args: str | Path) -> tuple[int, str, str]:
    """Run the command line; (exit status, stdout, stderr)."""
    status = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


def hits(out: str) -> list[re.Match[str]]:
    """The hit lines of ``out``, each checked to be a hit line."""
    matches = [HIT.match(line) for line in out.splitlines()]
    assert all(matches), out
    return matches  # type: ignore[return-value]


def text_at(path: Path, line: int, column: int) -> str:
    """The brief file's text from ``line``:``column`` to the end of that line."""
    return path.read_text(encoding="utf-8").splitlines()[line - 1][column - 1 :]


# --- Hits ----------------------------------------------------------------------------------------


def test_hits_are_lines_an_editor_can_jump_to(library, capsys):
    status, out, err = run(capsys, "search", "guarantees", library)
    assert status == 0, err
    found = hits(out)
    assert len(found) == 10
    flagship = load_brief(library / FLAGSHIP.name)
    assert found[0]["path"] == str(library / FLAGSHIP.name)
    assert (found[0]["line"], found[0]["column"], found[0]["section"]) == ("1", "1", "brief")
    assert found[0]["rest"] == flagship.title
    for match in found[1:]:
        item_id = text_at(Path(match["path"]), int(match["line"]), int(match["column"]))
        assert item_id.startswith("id: "), item_id
        item = flagship.item(item_id[4:].strip())
        assert item is not None
        assert match["section"] == item.section
        assert (int(match["line"]), int(match["column"])) == (item.loc.line, item.loc.column)
    assert "10 hits in 1 brief of 3 briefs" in err


def test_labels_name_the_actor_of_a_position(library, capsys):
    _, out, _ = run(capsys, "search", "actor:witkoff progress", library)
    sections = {m["section"] for m in hits(out)}
    assert sections <= {"actors", "positions", "quotes", "timeline"}
    assert any(m["rest"].startswith("Steve Witkoff: ") for m in hits(out))


def test_every_filter_reaches_the_core(library, capsys):
    assert run(capsys, "search", "after:2026-01-01 before:2026-12-31 abbas", library)[0] == 1
    status, out, _ = run(capsys, "search", "actor:abbas before:2030", library)
    assert status == 1  # the Abbas brief is undated and has no timeline
    status, out, _ = run(capsys, "search", "actor:abbas", library)
    assert status == 0
    assert {m["path"] for m in hits(out)} == {str(library / UNDATED.name)}


def test_notes_and_tags_are_searched_in_the_notes_folder(library, tmp_path, capsys):
    folder = tmp_path / "elsewhere"
    brief = load_brief(library / FLAGSHIP.name)
    store = NotesStore(brief, folder)
    item = brief.positions[0]
    store.change(item.id, toggle_mark("doubt"))
    store.change(item.id, set_tags(("check-later",)))
    store.change(item.id, set_note("Ask the ministry about the timeline of this."))
    status, out, _ = run(capsys, "search", "#check-later is:doubt", library, "--notes-dir", folder)
    assert status == 0
    assert [(m["line"], m["column"]) for m in hits(out)] == [
        (str(item.loc.line), str(item.loc.column))
    ]
    _, out, _ = run(capsys, "search", "ministry", library, "--notes-dir", folder)
    assert out.splitlines()[0].endswith("(note: Ask the ministry about the timeline of this.)")
    # Without --notes-dir the default (empty) folder is read: no notes, no hits.
    assert run(capsys, "search", "#check-later", library)[0] == 1


def test_searching_creates_no_notes_folder(library, notes, capsys):
    run(capsys, "search", "is:annotated", library)
    run(capsys, "search", "guarantees", library, "--notes-dir", notes / "other")
    assert not notes.exists()


def test_no_hits_exit_1_with_the_count_searched(library, capsys):
    status, out, err = run(capsys, "search", "xylophone", library)
    assert (status, out) == (1, "")
    assert "no hits in 3 briefs" in err


def test_the_limit_caps_the_lines_and_says_so(library, capsys):
    status, out, err = run(capsys, "search", "guarantees", library, "--limit", "3")
    assert status == 0
    assert len(hits(out)) == 3
    assert "3 of 10 hits shown (--limit 3; 0 shows all)" in err
    _, out, _ = run(capsys, "search", "the", library, "--limit", "0")
    assert len(hits(out)) > 50  # all of them
    _, out, _ = run(capsys, "search", "the", library)
    assert len(hits(out)) == 50  # the default


def test_a_single_brief_file_can_be_searched(library, capsys):
    status, _, err = run(capsys, "search", "guarantees", library / FLAGSHIP.name)
    assert status == 0
    assert "of 1 brief" in err


def test_briefs_that_do_not_load_are_told_not_silently_skipped(library, capsys):
    (library / "broken.yaml").write_text("format: 1\nid: Not A Slug\n", encoding="utf-8")
    status, _, err = run(capsys, "search", "guarantees", library)
    assert status == 0
    assert "1 brief could not be loaded and was not searched" in err
    assert f"briefing-tui validate {library}" in err


# --- JSON ----------------------------------------------------------------------------------------


def test_json_output_holds_every_hit_and_the_counts(library, capsys):
    _, text, _ = run(capsys, "search", "guarantees", library, "--limit", "4")
    status, out, err = run(
        capsys, "search", "guarantees", library, "--limit", "4", "--format", "json"
    )
    assert status == 0
    assert err == ""
    report = json.loads(out)
    assert (report["total"], report["briefs"], report["searched"]) == (10, 1, 3)
    assert report["skipped"] == []
    assert len(report["hits"]) == 4
    first = report["hits"][0]
    assert first["file"] == str(library / FLAGSHIP.name)
    assert first["published"] == "2026-01-09"
    assert (first["item"], first["section"]) == (None, "brief")
    lines = [
        f"{h['file']}:{h['line']}:{h['column']}: [{h['section']}] {h['label']}"
        for h in report["hits"]
    ]
    assert lines == [line.split("  (")[0] for line in text.splitlines()]


def test_json_with_no_hits_exits_1(library, capsys):
    status, out, _ = run(capsys, "search", "xylophone", library, "--format", "json")
    assert status == 1
    assert json.loads(out)["hits"] == []


# --- Bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("before:soon", "bad query: before: needs YYYY-MM-DD, not 'soon'"),
        ("is:happy", "bad query: is:happy is not a state"),
        ("speaker:abbas", "bad query: unknown filter 'speaker:'"),
        ("actor:", "bad query: actor: needs an actor's id or name"),
        ("", "the query is empty"),
        ("   ", "the query is empty"),
    ],
)
def test_a_bad_query_is_a_usage_error_that_says_why(library, capsys, query, message):
    status, out, err = run(capsys, "search", query, library)
    assert (status, out) == (2, "")
    assert err.startswith(f"briefing-tui search: {message}")
    assert "Traceback" not in err


def test_every_problem_of_a_query_is_told(library, capsys):
    status, _, err = run(capsys, "search", "is:x before:y", library)
    assert status == 2
    assert len(err.splitlines()) == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("guarantees", "no-such-folder"), "no such file or folder: "),
        (("guarantees", "{library}", "--limit", "-1"), "--limit must be 0 (all hits) or more"),
        (("guarantees", "{empty}"), "no briefs (*.yaml, *.yml) in "),
    ],
)
def test_usage_errors_exit_2_without_a_traceback(library, tmp_path, capsys, args, message):
    (tmp_path / "empty").mkdir()
    args = [a.format(library=library, empty=tmp_path / "empty") for a in args]
    status, out, err = run(capsys, "search", *args)
    assert (status, out) == (2, "")
    assert message in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "args", [("search",), ("search", "x"), ("search", "x", "p", "--limit", "many")]
)
def test_argument_errors_exit_2(capsys, args):
    with pytest.raises(SystemExit) as exited:
        main(list(args))
    assert exited.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


# --- Untrusted text ------------------------------------------------------------------------------


def test_control_characters_of_a_brief_never_reach_the_terminal(library, capsys):
    status, out, err = run(capsys, "search", "sneaky", library)
    assert status == 0
    for raw in RAW_CONTROLS:
        assert raw not in out and raw not in err
    found = hits(out)
    assert [m["section"] for m in found] == ["brief", "actors", "positions"]
    assert all(m["path"] == str(library / HOSTILE) for m in found)
    assert "␛]52;c;aGk=␇ ␛[2J <U+202E>" in found[0]["rest"]
    assert MARKUP in found[0]["rest"]  # shown as written
    assert found[2]["rest"].startswith("Sneaky villain [@click=app.quit]")


def test_control_characters_in_the_query_are_made_visible_in_messages(library, capsys):
    status, _, err = run(capsys, "search", "before:\x1b[2J", library)
    assert status == 2
    assert "\x1b" not in err and "␛[2J" in err


def test_json_escapes_control_characters_and_keeps_the_text_exact(library, capsys):
    status, out, _ = run(capsys, "search", "sneaky", library, "--format", "json")
    assert status == 0
    for raw in RAW_CONTROLS:
        assert raw not in out
    labels = [hit["label"] for hit in json.loads(out)["hits"]]
    assert labels == [TITLE, NAME, f"{NAME.strip()}: {STANCE}"]


# --- As a user runs it ---------------------------------------------------------------------------


def test_the_installed_command_searches(library, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "briefing_tui", "search", "guarantees", str(library)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 10
    assert "Traceback" not in result.stderr
