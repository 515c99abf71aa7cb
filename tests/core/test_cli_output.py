"""What every command does with output it cannot write: a reader that closes the pipe early
(``| head -1``) ends it quietly, as ``grep`` is ended; a full disk (``/dev/full``) is told in
one line. Run as a user runs them: a subprocess, its standard output a real pipe or device.
"""

from __future__ import annotations

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
