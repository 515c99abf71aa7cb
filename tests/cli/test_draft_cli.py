"""``briefing-tui draft``, run in-process through ``briefing_tui.cli.main.main``.

What a user sees: the files written (a brief and the cleaned article text beside it), the exit
status, and the messages on standard error. Every refusal names the file (with line:col where
there is one) and never shows a traceback; nothing is overwritten without ``--force``, and the
article itself never is.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_tui.cli import draft as drafting
from briefing_tui.cli.main import main
from briefing_tui.core.load.loader import load_brief

ARTICLE = (
    "Talks stall in Geneva\n"
    "\n"
    "By Jane Doe\n"
    "\n"
    "The talks ended without a deal on Monday, officials said.\n"
    "\n"
    '"We will not sign this agreement," Maria Lopez said.\n'
    "\n"
    'John Smith, the envoy, told reporters: "The door remains open to everyone."\n'
)
PROBLEM = r"(?P<line>\d+):(?P<column>\d+): (?P<message>\S.*)$"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def run(capsys, *args: str | Path) -> tuple[int, str, str]:
    """Run the command line; (exit status, stdout, stderr)."""
    status = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


def problem_lines(err: str, path: Path) -> list[re.Match[str]]:
    """The lines of ``err`` that are ``path:line:col: message``."""
    pattern = re.compile(re.escape(str(path)) + ":" + PROBLEM)
    return [m for m in map(pattern.match, err.splitlines()) if m]


# --- Writing a draft -----------------------------------------------------------------------------


def test_draft_writes_brief_and_cleaned_text_that_validate(tmp_path, capsys):
    source = write(tmp_path, "article.txt", ARTICLE)
    brief = tmp_path / "out" / "talks.yaml"
    status, out, err = run(capsys, "draft", source, "-o", brief)
    assert status == 0, err
    assert out == ""
    text = tmp_path / "out" / "talks.txt"
    assert brief.is_file()
    assert text.is_file()
    assert str(brief) in err
    assert "Traceback" not in err
    assert source.read_text(encoding="utf-8") == ARTICLE  # the article is left alone

    cleaned = text.read_text(encoding="utf-8")
    assert "By Jane Doe" not in cleaned  # header lines are metadata, not body paragraphs
    assert '"We will not sign this agreement," Maria Lopez said.' in cleaned

    status, out, err = run(capsys, "validate", brief)
    assert status == 0, out + err
    assert "all valid" in err

    loaded = load_brief(brief)
    assert loaded.source.text == "talks.txt"
    assert loaded.source.author == "Jane Doe"
    speakers = {a.id: a.name for a in loaded.actors}
    quotes = sorted((speakers[q.speaker], q.text.rstrip(".,")) for q in loaded.quotes)
    assert quotes == [
        ("John Smith", "The door remains open to everyone"),
        ("Maria Lopez", "We will not sign this agreement"),
    ]
    paragraphs = cleaned.split("\n\n")
    for quote in loaded.quotes:
        assert quote.text.rstrip(".,") in paragraphs[quote.para - 1]


def test_default_output_is_the_article_name_in_the_current_folder(tmp_path, capsys, monkeypatch):
    source = write(tmp_path, "article.txt", ARTICLE)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    status, _, err = run(capsys, "draft", source)
    assert status == 0, err
    assert (work / "article.yaml").is_file()
    assert (work / "article.txt").is_file()
    assert run(capsys, "validate", work / "article.yaml")[0] == 0


def test_validate_strict_lists_the_todos_with_file_line_col(tmp_path, capsys):
    source = write(tmp_path, "article.txt", ARTICLE)
    brief = tmp_path / "talks.yaml"
    assert run(capsys, "draft", source, "-o", brief)[0] == 0
    status, out, err = run(capsys, "validate", "--strict", brief)
    assert status == 1
    todos = problem_lines(out, brief)
    assert todos, out
    assert len(todos) == len(out.splitlines())
    lines = brief.read_text(encoding="utf-8").splitlines()
    for todo in todos:
        assert "TODO" in todo["message"]
        line, column = int(todo["line"]), int(todo["column"])
        assert lines[line - 1][column - 1 :].lstrip("\"'").startswith("TODO")
    assert "with problems" in err


def test_an_existing_brief_is_not_overwritten_without_force(tmp_path, capsys):
    source = write(tmp_path, "article.txt", ARTICLE)
    brief = write(tmp_path, "talks.yaml", "# the analyst's work\n")
    status, _, err = run(capsys, "draft", source, "-o", brief)
    assert status == 1
    assert str(brief) in err
    assert "--force" in err
    assert "Traceback" not in err
    assert brief.read_text(encoding="utf-8") == "# the analyst's work\n"
    assert not (tmp_path / "talks.txt").exists()


def test_an_existing_text_file_is_not_overwritten_without_force(tmp_path, capsys):
    source = write(tmp_path, "article.txt", ARTICLE)
    text = write(tmp_path, "talks.txt", "the analyst's own text\n")
    status, _, err = run(capsys, "draft", source, "-o", tmp_path / "talks.yaml")
    assert status == 1
    assert str(text) in err
    assert text.read_text(encoding="utf-8") == "the analyst's own text\n"
    assert not (tmp_path / "talks.yaml").exists()


def test_force_overwrites_an_existing_brief(tmp_path, capsys):
    source = write(tmp_path, "article.txt", ARTICLE)
    brief = write(tmp_path, "talks.yaml", "# the analyst's work\n")
    status, _, err = run(capsys, "draft", source, "-o", brief, "--force")
    assert status == 0, err
    assert "Maria Lopez" in brief.read_text(encoding="utf-8")
    assert run(capsys, "validate", brief)[0] == 0


@pytest.mark.parametrize("force", [False, True])
def test_the_article_itself_is_never_overwritten(tmp_path, capsys, force):
    # -o talks.yaml beside talks.txt: the cleaned text would land on the article.
    source = write(tmp_path, "talks.txt", ARTICLE)
    brief = tmp_path / "talks.yaml"
    status, _, err = run(capsys, "draft", source, "-o", brief, *(["--force"] if force else []))
    assert status == 0, err
    assert source.read_text(encoding="utf-8") == ARTICLE
    cleaned = tmp_path / "talks.source.txt"
    assert cleaned.is_file()
    assert "talks.source.txt" in brief.read_text(encoding="utf-8")
    assert run(capsys, "validate", brief)[0] == 0


def test_a_brief_path_on_the_article_is_refused(tmp_path, capsys):
    source = write(tmp_path, "article.yaml", ARTICLE)
    status, _, err = run(capsys, "draft", source, "-o", source, "--force")
    assert status == 1
    assert str(source) in err
    assert "Traceback" not in err
    assert source.read_text(encoding="utf-8") == ARTICLE


# --- Bad input -----------------------------------------------------------------------------------


def refused(capsys, tmp_path: Path, source: Path) -> tuple[str, list[re.Match[str]]]:
    """Draft ``source``; check it is refused cleanly; its stderr and located problem lines."""
    brief = tmp_path / "out.yaml"
    status, out, err = run(capsys, "draft", source, "-o", brief)
    assert status == 1
    assert out == ""
    assert "Traceback" not in err
    assert not brief.exists()
    assert not (tmp_path / "out.txt").exists()
    problems = problem_lines(err, source)
    assert problems, err
    return err, problems


@pytest.mark.parametrize(
    "content", ["", "   \n\n \t \n", "\r\n\r\n"], ids=["empty", "blank", "crlf"]
)
def test_empty_file(tmp_path, capsys, content):
    source = write(tmp_path, "article.txt", content)
    _, [problem] = refused(capsys, tmp_path, source)
    assert "empty" in problem["message"]


def test_binary_file(tmp_path, capsys):
    data = b"\x89PNG\r\n\x1a\nsome\x00bytes"
    source = write(tmp_path, "article.txt", data)
    _, [problem] = refused(capsys, tmp_path, source)
    assert "NUL" in problem["message"] or "binary" in problem["message"]
    nul = data.index(b"\x00")
    assert int(problem["line"]) == data[:nul].count(b"\n") + 1


def test_file_over_the_size_limit(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(drafting, "MAX_ARTICLE_BYTES", 200)
    source = write(tmp_path, "article.txt", ARTICLE * 3)
    _, [problem] = refused(capsys, tmp_path, source)
    assert "limit" in problem["message"]
    assert "200" in problem["message"]


def test_invalid_utf8(tmp_path, capsys):
    prefix = "Talks stall\n\nThe café was "
    source = write(tmp_path, "article.txt", prefix.encode("utf-8") + b"\xff closed.\n")
    _, [problem] = refused(capsys, tmp_path, source)
    assert "UTF-8" in problem["message"]
    assert (int(problem["line"]), int(problem["column"])) == (3, len("The café was ") + 1)


def test_a_folder_instead_of_a_file(tmp_path, capsys):
    folder = tmp_path / "article.txt"
    folder.mkdir()
    _, [problem] = refused(capsys, tmp_path, folder)
    assert "folder" in problem["message"]


def test_only_scrape_debris(tmp_path, capsys):
    source = write(tmp_path, "article.txt", "print-icon\n\nADVERTISEMENT\n\nLoading...\n")
    _, [problem] = refused(capsys, tmp_path, source)
    assert "no article text" in problem["message"]


def test_missing_file(tmp_path, capsys):
    source = tmp_path / "no-such-article.txt"
    _, [problem] = refused(capsys, tmp_path, source)
    assert "cannot read" in problem["message"]


def test_text_without_quotes_drafts_and_says_so(tmp_path, capsys):
    source = write(
        tmp_path,
        "article.txt",
        "Talks stall\n\nThe talks ended without a deal on Monday.\n\nMinisters will meet again.\n",
    )
    brief = tmp_path / "talks.yaml"
    status, _, err = run(capsys, "draft", source, "-o", brief)
    assert status == 0, err
    assert "Traceback" not in err
    assert str(brief) in err
    assert "no direct quotations" in err
    assert "No direct quotations" in brief.read_text(encoding="utf-8")
    assert run(capsys, "validate", brief)[0] == 0
    assert load_brief(brief).quotes == ()


def test_unbalanced_quote_marks_draft_with_a_warning(tmp_path, capsys):
    source = write(
        tmp_path,
        "article.txt",
        "Talks stall\n\n"
        "The talks ended without a deal on Monday.\n\n"
        'Maria Lopez said: "We will not sign this agreement, not now.\n\n'
        "Ministers will meet again next month.\n",
    )
    brief = tmp_path / "talks.yaml"
    status, _, err = run(capsys, "draft", source, "-o", brief)
    assert status == 0, err
    assert "Traceback" not in err
    [warning] = [line for line in err.splitlines() if "do not pair" in line]
    assert "2" in warning  # the paragraph, numbered as in the cleaned text
    assert "paragraph(s) 2" in brief.read_text(encoding="utf-8")
    assert run(capsys, "validate", brief)[0] == 0


def test_unbalanced_quote_marks_warning_names_the_file(tmp_path, capsys):
    source = write(
        tmp_path,
        "article.txt",
        'Talks stall\n\nMaria Lopez said: "We will not sign this agreement, not now.\n',
    )
    brief = tmp_path / "talks.yaml"
    status, _, err = run(capsys, "draft", source, "-o", brief)
    assert status == 0, err
    [warning] = [line for line in err.splitlines() if "do not pair" in line]
    assert str(source) in warning or "talks.txt" in warning


# --- Hostile text --------------------------------------------------------------------------------

HOSTILE = (
    "Title: with # hash \x1b[31mred\x1b[0m and 'quotes' [[x]] {\n"
    "\n"
    "---\n"
    "\n"
    "Ann Bell said: \"Key: value # not a comment, [[x]] {braces} and 'single' words"
    ' \x1b[2Jstay here."\n'
    "\n"
    '"Bell\x07 rang the bell\x1b]0;pwned\x07 here: yes # no," John Smith said.\n'
    "\n"
    "---\n"
    "\n"
    "- item: { a: [b] } &anchor *alias !tag % @ ` | > \x00\n"
)


def test_hostile_text_drafts_to_a_brief_that_validates(tmp_path, capsys):
    source = write(tmp_path, "article.txt", HOSTILE.replace("\x00", ""))
    brief = tmp_path / "talks.yaml"
    status, out, err = run(capsys, "draft", source, "-o", brief)
    assert status == 0, err
    assert "\x1b" not in out + err
    assert "Traceback" not in err

    written = brief.read_text(encoding="utf-8")
    cleaned = (tmp_path / "talks.txt").read_text(encoding="utf-8")
    for name, content in (("brief", written), ("text", cleaned)):
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", content), name

    status, out, err = run(capsys, "validate", "--quiet", brief)
    assert status == 0, out + err

    loaded = load_brief(brief)
    speakers = {a.id: a.name for a in loaded.actors}
    by_speaker = {speakers[q.speaker]: q.text for q in loaded.quotes}
    assert set(by_speaker) == {"Ann Bell", "John Smith"}
    bell = by_speaker["Ann Bell"]
    assert "Key: value # not a comment, [[x]] {braces} and 'single' words" in bell
    assert "stay here" in bell
    smith = by_speaker["John Smith"]
    assert "rang the bell" in smith
    assert "here: yes # no" in smith
    for quote in loaded.quotes:
        assert quote.text in cleaned.split("\n\n")[quote.para - 1]


def test_hostile_text_with_a_nul_byte_is_refused(tmp_path, capsys):
    source = write(tmp_path, "article.txt", HOSTILE)
    _, [problem] = refused(capsys, tmp_path, source)
    assert "NUL" in problem["message"]


# --- File names, failures and modes --------------------------------------------------------------


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_a_line_break_in_the_article_name_still_drafts_a_valid_brief(tmp_path, capsys):
    source = write(tmp_path, "talks\nmonday.txt", ARTICLE)
    brief = tmp_path / "talks.yaml"
    status, _, err = run(capsys, "draft", source, "-o", brief)
    assert status == 0, err
    assert "\n" not in err.splitlines()[0]
    first = brief.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# Draft brief written by `briefing-tui draft` from talks monday.txt."
    assert load_brief(brief).source.text == "talks.txt"


@pytest.mark.parametrize("named", ["by -o", "after the article"])
def test_a_control_character_in_the_brief_name_is_refused(tmp_path, capsys, monkeypatch, named):
    source = write(tmp_path, "talks\nmonday.txt", ARTICLE)
    monkeypatch.chdir(tmp_path)
    before = listing(tmp_path)
    output = ["-o", tmp_path / "talks\x1b[2J.yaml"] if named == "by -o" else []
    status, out, err = run(capsys, "draft", source, *output)
    assert (status, out) == (2, "")
    shown = "talks␛[2J.yaml" if named == "by -o" else "talks␊monday.yaml"
    assert err == (
        f"briefing-tui draft: the brief's name {shown} holds a line break or another control"
        " character; name the brief with -o\n"
    )
    assert listing(tmp_path) == before


@pytest.mark.parametrize("force", [False, True], ids=["plain", "forced"])
@pytest.mark.parametrize("folder", ["talks.yaml", "talks.txt"])
def test_a_folder_where_a_draft_file_goes_is_refused_and_nothing_written(
    tmp_path, capsys, force, folder
):
    source = write(tmp_path, "article.txt", ARTICLE)
    (tmp_path / folder).mkdir()
    before = listing(tmp_path)
    flags = ["--force"] if force else []
    status, _, err = run(capsys, "draft", source, "-o", tmp_path / "talks.yaml", *flags)
    assert status == 1
    if force:
        assert f"{tmp_path / folder} is not a file (a folder?)" in err
    assert "Traceback" not in err
    assert listing(tmp_path) == before


def test_a_draft_that_does_not_validate_leaves_no_file_behind(tmp_path, capsys, monkeypatch):
    from briefing_tui.core.draft import skeleton

    def broken(*args: object, **kwargs: object) -> str:
        return "format: 1\nid: [broken\n"

    monkeypatch.setattr(skeleton, "skeleton_yaml", broken)
    monkeypatch.setattr(drafting, "skeleton_yaml", broken, raising=False)
    source = write(tmp_path, "article.txt", ARTICLE)
    brief = tmp_path / "out" / "talks.yaml"
    status, _, err = run(capsys, "draft", source, "-o", brief)
    assert status == 1
    assert "the draft does not validate (a bug: please report it)" in err
    assert problem_lines(err, brief), err  # named where the brief was to go
    assert listing(tmp_path) == ["article.txt"]


def test_a_write_error_removes_the_files_and_folders_the_draft_created(
    tmp_path, capsys, monkeypatch
):
    from briefing_tui.core.draft import skeleton
    from briefing_tui.core.text import atomicfile

    brief = tmp_path / "out" / "new" / "talks.yaml"

    def full_disk_at_the_brief(path: Path, text: str, **kwargs: object) -> None:
        if path == brief:
            raise OSError(28, "No space left on device")
        atomicfile.write_atomic(path, text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(skeleton, "write_atomic", full_disk_at_the_brief)
    monkeypatch.setattr(drafting, "write_atomic", full_disk_at_the_brief, raising=False)
    source = write(tmp_path, "article.txt", ARTICLE)
    status, _, err = run(capsys, "draft", source, "-o", brief)
    assert status == 1
    assert err == f"briefing-tui draft: cannot write {brief}: No space left on device\n"
    assert listing(tmp_path) == ["article.txt"]


_DRAFT_UNDER_UMASK = """
import sys
from briefing_tui.cli.main import main
sys.exit(main(["draft", sys.argv[1], "-o", sys.argv[2]]))
"""


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640)])
def test_drafted_files_get_the_mode_the_umask_gives(tmp_path, umask, mode):
    source = write(tmp_path, "article.txt", ARTICLE)
    brief = tmp_path / "talks.yaml"
    result = subprocess.run(
        [sys.executable, "-c", _DRAFT_UNDER_UMASK, str(source), str(brief)],
        capture_output=True,
        text=True,
        umask=umask,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    for path in (brief, tmp_path / "talks.txt"):
        assert path.stat().st_mode & 0o777 == mode, path
