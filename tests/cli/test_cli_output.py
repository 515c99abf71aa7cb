"""What every command does with output it cannot write: a reader that closes the pipe early
(``| head -1``) ends it quietly, as ``grep`` is ended; a full disk (``/dev/full``) is told in
one line. Run as a user runs them: a subprocess, its standard output a real pipe or device.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from briefkit import ARTICLE, VALID_BRIEF, edit

CLOSED_PIPE = 141  # 128 + SIGPIPE, as a shell shows a command a closed pipe ended
FULL_DISK = "briefing-tui: cannot write output: No space left on device\n"
NOISE = ("Traceback", "Exception ignored", "BrokenPipeError", "Error")


def command(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "briefing_tui", *map(str, args)]


def into_closed_pipe(tmp_path: Path, *args: str | Path) -> tuple[int, str, bytes]:
    """Run a command whose reader takes one line and closes the pipe; (status, stderr, line)."""
    with open(tmp_path / "stderr", "wb") as stderr:
        process = subprocess.Popen(command(*args), stdout=subprocess.PIPE, stderr=stderr)
        assert process.stdout is not None
        first = process.stdout.readline()
        process.stdout.close()
        status = process.wait(timeout=120)
    return status, (tmp_path / "stderr").read_text(encoding="utf-8"), first


def into_full_disk(tmp_path: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    with open("/dev/full", "w") as full:
        return subprocess.run(
            command(*args),
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            cwd=tmp_path,
            timeout=120,
        )


@pytest.fixture(scope="module")
def crowded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A brief with 3,000 actors named "Crowd member N": a search for "crowd" prints far more
    than a pipe holds (about 200 KB)."""
    folder = tmp_path_factory.mktemp("crowded")
    members = "".join(
        f"  - id: member-{n}\n    name: Crowd member {n}\n    kind: person\n" for n in range(3000)
    )
    text = edit(VALID_BRIEF, "actors:\n", f"actors:\n{members}")
    (folder / "crowded.yaml").write_text(text, encoding="utf-8")
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def broken_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 briefs with two problems each: ``validate --format json`` prints about 200 KB."""
    folder = tmp_path_factory.mktemp("broken")
    text = edit(edit(VALID_BRIEF, "actor: alpha", "actor: alfa"), "kind: state", "kind: stat")
    for n in range(300):
        (folder / f"brief-{n:03}.yaml").write_text(text, encoding="utf-8")
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def test_search_into_a_closed_pipe_ends_quietly(tmp_path, crowded):
    status, stderr, first = into_closed_pipe(
        tmp_path, "search", "crowd", crowded, "--limit", "0", "--no-cache"
    )
    assert first.startswith(str(crowded / "crowded.yaml").encode())
    assert (status, stderr) == (CLOSED_PIPE, "")


def test_validate_json_into_a_closed_pipe_ends_quietly(tmp_path, broken_library):
    status, stderr, first = into_closed_pipe(
        tmp_path, "validate", "--format", "json", "--no-cache", broken_library
    )
    assert first == b"{\n"
    assert (status, stderr) == (CLOSED_PIPE, "")


def test_validate_text_into_a_closed_pipe_ends_quietly(tmp_path, broken_library):
    status, stderr, _ = into_closed_pipe(tmp_path, "validate", "--no-cache", broken_library)
    assert status == CLOSED_PIPE
    assert not any(word in stderr for word in NOISE), stderr


def test_schema_on_a_full_disk_says_so_in_one_line(tmp_path):
    result = into_full_disk(tmp_path, "schema")
    assert (result.returncode, result.stderr) == (1, FULL_DISK)


def test_export_to_standard_output_on_a_full_disk_says_so_in_one_line(tmp_path):
    (tmp_path / "brief.yaml").write_text(VALID_BRIEF, encoding="utf-8")
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    env_free = {k: v for k, v in os.environ.items() if k != "BRIEFING_TUI_NOTES_DIR"}
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            command("export", "brief.yaml", "-o", "-", "--notes-dir", tmp_path),
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            cwd=tmp_path,
            env=env_free,
            timeout=120,
        )
    assert (result.returncode, result.stderr) == (1, FULL_DISK)


def test_validate_on_a_full_disk_says_so_in_one_line(tmp_path, broken_library):
    result = into_full_disk(tmp_path, "validate", "--format", "json", broken_library)
    assert (result.returncode, result.stderr) == (1, FULL_DISK)


def test_help_into_a_closed_pipe_ends_quietly(tmp_path):
    status, stderr, first = into_closed_pipe(tmp_path, "--help")
    assert first.startswith(b"usage: briefing-tui")
    assert status in (0, CLOSED_PIPE)  # the help may fit in the pipe before it closes
    assert stderr == ""


# --- Hostile file names --------------------------------------------------------------------------

#: A file name that sets the terminal's title and reverses the text after it, were it printed.
HOSTILE = "x\x1b]0;FN\x07\u202e"
HOSTILE_SHOWN = "x␛]0;FN␇<U+202E>"
RAW = (b"\x1b", b"\x07", "\u202e".encode())


def run_in(folder: Path, *args: str | Path, env: dict[str, str] | None = None):
    """Run a command in ``folder``, its own notes folder; the result with bytes output."""
    environment = {k: v for k, v in os.environ.items() if k != "BRIEFING_TUI_NOTES_DIR"}
    environment.update({"BRIEFING_TUI_NOTES_DIR": str(folder / "notes"), **(env or {})})
    return subprocess.run(
        command(*args), capture_output=True, cwd=folder, env=environment, timeout=120
    )


def assert_shown_not_raw(result: subprocess.CompletedProcess[bytes], stand_in: str) -> str:
    """Check no control character of the name reached stdout or stderr; both as text."""
    for stream in (result.stdout, result.stderr):
        for raw in RAW:
            assert raw not in stream, stream
    both = (result.stdout + result.stderr).decode("utf-8")
    assert "Traceback" not in both
    assert stand_in in both, both
    return both


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """A folder holding an invalid brief with a hostile name (and its article)."""
    folder = tmp_path / "library"
    folder.mkdir()
    bad = edit(VALID_BRIEF, "actor: alpha", "actor: alfa")
    (folder / f"{HOSTILE}.yaml").write_text(bad, encoding="utf-8")
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def test_validate_shows_a_hostile_file_name_harmlessly(hostile):
    result = run_in(hostile, "validate", ".")
    assert result.returncode == 1
    both = assert_shown_not_raw(result, f"{HOSTILE_SHOWN}.yaml:")
    assert "names 'alfa'" in both


def test_validate_json_escapes_a_hostile_file_name(hostile):
    result = run_in(hostile, "validate", "--format", "json", ".")
    assert result.returncode == 1
    assert_shown_not_raw(result, "x\\u001b]0;FN\\u0007\\u202e.yaml")
    report = json.loads(result.stdout)
    assert report["checked"] == [f"{HOSTILE}.yaml"]  # the JSON holds the name exactly
    assert report["problems"][0]["file"] == f"{HOSTILE}.yaml"


def test_validate_names_a_missing_hostile_path_harmlessly(hostile):
    result = run_in(hostile, "validate", f"{HOSTILE}-missing.yaml")
    assert result.returncode == 2
    assert_shown_not_raw(result, f"{HOSTILE_SHOWN}-missing.yaml")


def test_export_of_a_folder_shows_a_hostile_file_name_harmlessly(hostile):
    result = run_in(hostile, "export", ".", "-o", "exports")
    assert result.returncode == 1
    assert_shown_not_raw(result, f"{HOSTILE_SHOWN}.yaml not exported")


def test_export_to_a_hostile_file_name_shows_it_harmlessly(hostile):
    (hostile / "good.yaml").write_text(VALID_BRIEF, encoding="utf-8")
    result = run_in(hostile, "export", "good.yaml", "-o", f"{HOSTILE}.md")
    assert result.returncode == 0, result.stderr
    assert_shown_not_raw(result, f"{HOSTILE_SHOWN}.md: notes on 0 items")
    assert (hostile / f"{HOSTILE}.md").is_file()


def test_search_shows_a_hostile_file_name_harmlessly(hostile):
    (hostile / f"{HOSTILE}.yaml").write_text(VALID_BRIEF, encoding="utf-8")
    result = run_in(hostile, "search", "trade", ".")
    assert result.returncode == 0, result.stderr
    assert_shown_not_raw(result, f"{HOSTILE_SHOWN}.yaml:")


def test_open_shows_a_hostile_file_name_harmlessly(hostile):
    result = run_in(hostile, "open", f"{HOSTILE}.yaml")
    assert result.returncode == 1
    assert_shown_not_raw(result, f"{HOSTILE_SHOWN}.yaml cannot be opened")


def test_draft_shows_a_hostile_article_name_harmlessly(hostile):
    (hostile / f"{HOSTILE}.txt").write_text("\n", encoding="utf-8")
    result = run_in(hostile, "draft", f"{HOSTILE}.txt", "-o", "draft.yaml")
    assert result.returncode == 1
    assert_shown_not_raw(result, f"{HOSTILE_SHOWN}.txt:1:1: file is empty")


def test_a_file_name_that_is_not_utf8_is_shown_not_a_crash(tmp_path):
    folder = os.fsencode(tmp_path)
    bad = edit(VALID_BRIEF, "actor: alpha", "actor: alfa")
    with open(os.path.join(folder, b"caf\xe9.yaml"), "w", encoding="utf-8") as file:
        file.write(bad)
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    result = run_in(tmp_path, "validate", ".", env={"LC_ALL": "C.UTF-8"})
    assert result.returncode == 1
    assert "caf\\xe9.yaml:" in result.stdout.decode("utf-8")
    assert b"Traceback" not in result.stderr
