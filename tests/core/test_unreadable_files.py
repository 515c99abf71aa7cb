"""Files the app must not read: FIFOs, devices, huge files, and articles outside the brief's
folder. Each is refused at once with a located reason, by every command and by the library.

Whatever could hang on a regression (a FIFO waits for a writer forever, ``/dev/zero`` never
ends) runs in a subprocess with a timeout, so a regression fails the test instead of hanging the
suite. The autouse fixture of ``tests/conftest.py`` points the parse cache at the test's folder
(the environment is inherited by the subprocesses), so the cache is on unless a test says not.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from briefkit import ARTICLE, VALID_BRIEF, value_of

from briefing_tui.core.notes.folder import NOTES_ENV

pytestmark = pytest.mark.skipif(
    not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(),
    reason="needs FIFOs and /dev/zero",
)

#: Long enough for a loaded machine, short enough that a hang fails the test soon.
TIMEOUT = 60
#: Address space of the commands run: a regression reading /dev/zero fails, not the machine.
MEMORY_CAP = 2 << 30
GIGABYTE = 1 << 30
TEXT_FIELD = value_of(VALID_BRIEF, "text: article.txt")


@pytest.fixture(autouse=True)
def notes_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Notes go to the test's folder, for this process and the commands it runs."""
    folder = tmp_path / "notes"
    monkeypatch.setenv(NOTES_ENV, str(folder))
    return folder


def _cap_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``briefing-tui ARGS`` as a user would; a hang raises TimeoutExpired."""
    return subprocess.run(
        [sys.executable, "-m", "briefing_tui", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=TIMEOUT,
        preexec_fn=_cap_memory,
    )


def run_measured(*args: str | Path, cwd: Path) -> tuple[subprocess.CompletedProcess[str], int]:
    """:func:`run`, plus the command's peak resident memory in bytes."""
    child = (
        "import resource, sys\n"
        "from briefing_tui.cli.main import main\n"
        "try:\n"
        "    code = main(sys.argv[1:])\n"
        "finally:\n"
        "    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "    print(f'peak-rss-kb={peak}', file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", child, *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=TIMEOUT,
        preexec_fn=_cap_memory,
    )
    lines = result.stderr.splitlines()
    assert lines and lines[-1].startswith("peak-rss-kb="), result.stderr[-2000:]
    peak = int(lines[-1].partition("=")[2]) * 1024  # Linux reports kilobytes
    result.stderr = "\n".join(lines[:-1]) + ("\n" if len(lines) > 1 else "")
    return result, peak


def write_pair(folder: Path, brief: str = VALID_BRIEF, article: str | None = ARTICLE) -> Path:
    """A brief (and its article.txt unless None) in ``folder``; returns the brief's path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "brief.yaml"
    path.write_text(brief, encoding="utf-8")
    if article is not None:
        (folder / "article.txt").write_text(article, encoding="utf-8")
    return path


def sparse(path: Path, size: int = GIGABYTE) -> Path:
    """A file of ``size`` bytes that takes no room on disk (and no time to write)."""
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert "Traceback" not in result.stdout, result.stdout[-3000:]


def assert_refused(
    result: subprocess.CompletedProcess[str], where: str, reason: str, *, exit_code: int = 1
) -> None:
    """The command exited ``exit_code`` and said ``where: reason`` on one line of its output."""
    no_traceback(result)
    assert result.returncode == exit_code, result.stdout + result.stderr
    lines = (result.stdout + result.stderr).splitlines()
    assert any(line.startswith(f"{where}: ") and reason in line for line in lines), lines


# -- a brief that is not a regular file -------------------------------------------------------


@pytest.mark.parametrize("cache", ["cache", "no-cache"])
def test_validate_dev_zero_is_refused_at_once(tmp_path, cache):
    flags = ["--no-cache"] if cache == "no-cache" else []
    result = run("validate", *flags, "/dev/zero", cwd=tmp_path)
    assert_refused(result, "/dev/zero:1:1", "not a regular file (a character device); not read")


@pytest.mark.parametrize("cache", ["cache", "no-cache"])
def test_validate_a_fifo_is_refused_at_once(tmp_path, cache):
    os.mkfifo(tmp_path / "x.yaml")
    flags = ["--no-cache"] if cache == "no-cache" else []
    result = run("validate", *flags, "x.yaml", cwd=tmp_path)
    assert_refused(result, "x.yaml:1:1", "not a regular file (a FIFO); not read")


def test_validate_a_link_to_dev_zero_is_refused_at_once(tmp_path):
    (tmp_path / "x.yaml").symlink_to("/dev/zero")
    result = run("validate", "x.yaml", cwd=tmp_path)
    assert_refused(result, "x.yaml:1:1", "not a regular file (a character device); not read")


def test_a_fifo_is_refused_again_on_the_next_run(tmp_path, cache_folder):
    """Nothing is cached for a file that was not read: the next run refuses it afresh."""
    os.mkfifo(tmp_path / "x.yaml")
    for _ in range(2):
        result = run("validate", "x.yaml", cwd=tmp_path)
        assert_refused(result, "x.yaml:1:1", "a FIFO")
    assert not cache_folder.exists() or not list(cache_folder.iterdir())


def test_gigabyte_brief_is_refused_by_its_size_without_being_read(tmp_path):
    sparse(tmp_path / "huge.yaml")
    result, peak = run_measured("validate", "huge.yaml", cwd=tmp_path)
    assert_refused(result, "huge.yaml:1:1", "file is 1,073,741,824 bytes, over the limit")
    assert peak < 150 * 1024 * 1024, f"peak memory {peak:,} bytes: the file was read"


def test_open_on_a_fifo_says_why_and_exits(tmp_path):
    os.mkfifo(tmp_path / "x.yaml")
    result = run("x.yaml", cwd=tmp_path)
    assert_refused(result, "x.yaml:1:1", "not a regular file (a FIFO); not read")
    assert "cannot be opened" in result.stderr


def test_export_of_a_fifo_says_why_and_exits(tmp_path):
    os.mkfifo(tmp_path / "x.yaml")
    result = run("export", "x.yaml", "-o", "-", cwd=tmp_path)
    assert_refused(result, "x.yaml:1:1", "not a regular file (a FIFO); not read")
    assert result.stdout == ""


# -- an article that is not a regular file ----------------------------------------------------


@pytest.mark.parametrize("kind", ["fifo", "dev-zero-link", "sparse-gigabyte"])
@pytest.mark.parametrize("command", ["validate", "export", "open"])
def test_article_that_must_not_be_read_is_refused_at_the_text_field(tmp_path, kind, command):
    path = write_pair(tmp_path / "lib", article=None)
    article = path.parent / "article.txt"
    if kind == "fifo":
        os.mkfifo(article)
        reason = "not a regular file (a FIFO); not read"
    elif kind == "dev-zero-link":  # outside the brief's folder, which is said first
        article.symlink_to("/dev/zero")
        reason = "its real path /dev/zero is outside the brief's folder"
    else:
        sparse(article)
        reason = "file is 1,073,741,824 bytes, over the limit"
    args = {"validate": ["validate"], "export": ["export", "-o", "-"], "open": []}[command]
    result, peak = run_measured(*args, "lib/brief.yaml", cwd=tmp_path)
    line, column = TEXT_FIELD
    assert_refused(result, f"lib/brief.yaml:{line}:{column}", f"source text article.txt: {reason}")
    assert peak < 150 * 1024 * 1024, f"peak memory {peak:,} bytes: the article was read"


# -- draft input ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["fifo", "dev-zero-link", "sparse-gigabyte"])
def test_draft_refuses_an_article_that_must_not_be_read(tmp_path, kind):
    article = tmp_path / "article.txt"
    if kind == "fifo":
        os.mkfifo(article)
        reason = "not a regular file (a FIFO); not read"
    elif kind == "dev-zero-link":
        article.symlink_to("/dev/zero")
        reason = "not a regular file (a character device); not read"
    else:
        sparse(article)
        reason = "over the limit"
    result, peak = run_measured("draft", "article.txt", cwd=tmp_path)
    assert_refused(result, "article.txt:1:1", reason)
    assert not (tmp_path / "article.yaml").exists()
    assert peak < 150 * 1024 * 1024, f"peak memory {peak:,} bytes: the article was read"


# -- a library holding such files -------------------------------------------------------------


def hostile_library(folder: Path) -> Path:
    """A library of one valid brief, a FIFO and a link to /dev/zero named like briefs."""
    write_pair(folder / "good")
    os.mkfifo(folder / "fifo.yaml")
    (folder / "zero.yaml").symlink_to("/dev/zero")
    return folder


@pytest.mark.parametrize("cache", ["cache", "no-cache"])
def test_validate_a_library_lists_the_fifo_and_the_device_as_invalid(tmp_path, cache):
    hostile_library(tmp_path / "lib")
    flags = ["--no-cache"] if cache == "no-cache" else []
    result = run("validate", *flags, "lib", cwd=tmp_path)
    assert_refused(result, "lib/fifo.yaml:1:1", "not a regular file (a FIFO); not read")
    assert_refused(result, "lib/zero.yaml:1:1", "not a regular file (a character device)")
    assert "3 briefs checked: 2 with problems" in result.stderr


def test_search_a_library_tells_of_the_fifo_and_the_device(tmp_path):
    hostile_library(tmp_path / "lib")
    result = run("search", "alpha", "lib", "--format", "json", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert {hit["file"] for hit in report["hits"]} == {"lib/good/brief.yaml"}
    assert sorted(report["skipped"]) == ["lib/fifo.yaml", "lib/zero.yaml"]


_LIST_LIBRARY_IN_THE_APP = """
import asyncio, json, sys
from pathlib import Path
from briefing_tui.config import Config
from briefing_tui.core.library.discover import find_briefs
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.widgets.row_table import RowTable

async def main(folder):
    app = BriefingApp(library=(str(folder), find_briefs([folder])), config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        while app.screen.listing:
            await pilot.pause(0.02)
        table = app.screen.query_one("#library", RowTable)
        rows = {key: table.cells(key)[0].plain for key in table.row_keys}
    print(json.dumps(rows))

asyncio.run(main(Path(sys.argv[1])))
"""


def test_the_app_lists_the_fifo_and_the_device_as_failed_briefs(tmp_path):
    folder = hostile_library(tmp_path / "lib")
    child = subprocess.run(
        [sys.executable, "-c", _LIST_LIBRARY_IN_THE_APP, str(folder)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        timeout=TIMEOUT,
    )
    assert child.returncode == 0, child.stderr[-3000:]
    rows = json.loads(child.stdout.splitlines()[-1])
    assert rows[str(folder / "good" / "brief.yaml")] == "A test brief"
    assert rows[str(folder / "fifo.yaml")] == (
        "fifo.yaml  1:1: not a regular file (a FIFO); not read"
    )
    assert rows[str(folder / "zero.yaml")] == (
        "zero.yaml  1:1: not a regular file (a character device); not read"
    )


# -- an article outside the brief's folder ----------------------------------------------------

#: The article with one more sentence: what a link outside the folder must never leak.
SECRET = "The secret password is swordfish-42."
ELSEWHERE = ARTICLE.replace("the talks in Paris.\n", f"the talks in Paris. {SECRET}\n", 1)


def secret_elsewhere(tmp_path: Path) -> Path:
    """A file outside every brief's folder that would pass for the test brief's article."""
    folder = tmp_path / "private"
    folder.mkdir(exist_ok=True)
    path = folder / "article.txt"
    path.write_text(ELSEWHERE, encoding="utf-8")
    return path


def assert_outside(result: subprocess.CompletedProcess[str], brief: str, real: Path) -> None:
    """Refused at the brief's ``text`` field, naming the real path; nothing of it shown."""
    line, column = TEXT_FIELD
    assert_refused(
        result, f"{brief}:{line}:{column}", f"its real path {real} is outside the brief's folder"
    )
    assert SECRET not in result.stdout + result.stderr


@pytest.mark.parametrize("command", ["validate", "open"])
def test_article_linked_to_a_file_elsewhere_is_refused(tmp_path, command):
    secret = secret_elsewhere(tmp_path)
    write_pair(tmp_path / "lib", article=None)
    (tmp_path / "lib" / "article.txt").symlink_to(secret)
    result = run(*(["validate"] if command == "validate" else []), "lib/brief.yaml", cwd=tmp_path)
    assert_outside(result, "lib/brief.yaml", secret)


def test_article_reached_through_a_linked_subfolder_is_refused(tmp_path):
    secret = secret_elsewhere(tmp_path)
    brief = VALID_BRIEF.replace("text: article.txt", "text: sub/article.txt")
    write_pair(tmp_path / "lib", brief, article=None)
    (tmp_path / "lib" / "sub").symlink_to(secret.parent, target_is_directory=True)
    result = run("validate", "lib/brief.yaml", cwd=tmp_path)
    line, column = value_of(brief, "text: sub/article.txt")
    assert_refused(result, f"lib/brief.yaml:{line}:{column}", f"its real path {secret} is outside")


def test_article_linked_to_etc_passwd_is_refused(tmp_path):
    brief = (
        "format: 1\nid: leak\ntitle: Leak\nsource:\n  title: T\n  text: article.txt\n"
        "actors:\n  - id: a\n    name: A\n    kind: person\n"
        "issues:\n  - id: i\n    title: I\n"
        "positions:\n  - id: p\n    actor: a\n    issue: i\n    stance: S.\n"
        "    attribution: stated\n    evidence:\n      - para: 1\n"
    )
    write_pair(tmp_path / "lib", brief, article=None)
    (tmp_path / "lib" / "article.txt").symlink_to("/etc/passwd")
    result = run("validate", "lib/brief.yaml", cwd=tmp_path)
    line, column = value_of(brief, "text: article.txt")
    real = Path(os.path.realpath("/etc/passwd"))
    assert_refused(result, f"lib/brief.yaml:{line}:{column}", f"its real path {real} is outside")
    assert "root:" not in result.stdout + result.stderr


def test_export_never_writes_a_file_from_elsewhere_into_the_markdown(tmp_path, notes_folder):
    from briefing_tui.core.load.loader import load_brief
    from briefing_tui.core.notes.edits import set_note
    from briefing_tui.core.notes.store import NotesStore

    path = write_pair(tmp_path / "lib")
    NotesStore(load_brief(path), notes_folder).change("alpha-will-act", set_note("Checked."))
    secret = secret_elsewhere(tmp_path)
    (path.parent / "article.txt").unlink()
    (path.parent / "article.txt").symlink_to(secret)
    result = run("export", "lib/brief.yaml", "-o", "out.md", cwd=tmp_path)
    assert_outside(result, "lib/brief.yaml", secret)
    assert not (tmp_path / "out.md").exists()


def test_a_cached_brief_notices_its_article_became_a_link_elsewhere(tmp_path):
    """Same bytes, another real file: the cache must not serve the brief it knew."""
    path = write_pair(tmp_path / "lib")
    assert run("validate", "lib/brief.yaml", cwd=tmp_path).returncode == 0
    secret = secret_elsewhere(tmp_path)
    secret.write_text(ARTICLE, encoding="utf-8")  # the very bytes that were cached
    (path.parent / "article.txt").unlink()
    (path.parent / "article.txt").symlink_to(secret)
    line, column = TEXT_FIELD
    for _ in range(2):  # the refusal is cached, and stays right
        result = run("validate", "lib/brief.yaml", cwd=tmp_path)
        assert_refused(result, f"lib/brief.yaml:{line}:{column}", "outside the brief's folder")


def test_a_link_inside_the_folder_to_a_file_inside_it_is_fine(tmp_path):
    path = write_pair(tmp_path / "lib", article=None)
    (path.parent / "texts").mkdir()
    (path.parent / "texts" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (path.parent / "article.txt").symlink_to("texts/a.txt")
    (path.parent / "sub").symlink_to("texts", target_is_directory=True)
    linked = VALID_BRIEF.replace("text: article.txt", "text: sub/a.txt")
    (path.parent / "linked.yaml").write_text(linked, encoding="utf-8")
    result = run("validate", "lib", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_brief_linked_into_a_library_reads_the_article_beside_its_real_file(tmp_path):
    from briefing_tui.core.library.watch import brief_files
    from briefing_tui.core.load.loader import read_brief

    real = write_pair(tmp_path / "work")
    library = tmp_path / "lib"
    library.mkdir()
    (library / "brief.yaml").symlink_to(real)
    # An article beside the link is not the brief's: the one beside the real file is.
    (library / "article.txt").write_text("Another article.\n", encoding="utf-8")
    result = run("validate", "lib", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 0, result.stdout + result.stderr
    loaded = read_brief(library / "brief.yaml")
    assert loaded.brief is not None
    assert loaded.article == real.parent / "article.txt"
    assert brief_files(loaded.brief) == (library / "brief.yaml", real.parent / "article.txt")


def test_a_linked_brief_whose_article_links_elsewhere_is_refused(tmp_path):
    secret = secret_elsewhere(tmp_path)
    real = write_pair(tmp_path / "work", article=None)
    (real.parent / "article.txt").symlink_to(secret)
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "brief.yaml").symlink_to(real)
    result = run("validate", "lib/brief.yaml", cwd=tmp_path)
    assert_outside(result, "lib/brief.yaml", secret)


# -- a parse cache entry that is not a regular file -------------------------------------------


@pytest.mark.parametrize("kind", ["fifo", "dev-zero-link", "sparse-gigabyte"])
def test_a_cache_entry_that_must_not_be_read_is_a_miss(tmp_path, cache_folder, kind):
    """Cache entries are untrusted too: one that is a FIFO, a device or huge is not read."""
    from briefing_tui.core.library.cache import BriefCache

    path = write_pair(tmp_path / "lib")
    entry = BriefCache(cache_folder).entry_path(path.absolute())
    entry.parent.mkdir(parents=True)
    if kind == "fifo":
        os.mkfifo(entry)
    elif kind == "dev-zero-link":
        entry.symlink_to("/dev/zero")
    else:
        with entry.open("wb") as handle:  # a valid head, then a gigabyte of nothing
            handle.write(b'{"version": "x"}\n')
            handle.truncate(GIGABYTE)
    result, peak = run_measured("validate", "lib/brief.yaml", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 brief checked: all valid" in result.stderr
    assert peak < 150 * 1024 * 1024, f"peak memory {peak:,} bytes: the entry was read"
