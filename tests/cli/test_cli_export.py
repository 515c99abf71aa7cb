"""``briefing-tui export``, run as a user runs it: a subprocess, with its own notes folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest
from briefkit import ARTICLE, VALID_BRIEF, edit
from paths import FLAGSHIP

from briefing_tui.cli import main as cli
from briefing_tui.core.export.document import KEEP_END, KEEP_START
from briefing_tui.core.export.file import read_export
from briefing_tui.core.load.loader import load_brief
from briefing_tui.core.notes.edits import set_note, toggle_mark
from briefing_tui.core.notes.folder import notes_path
from briefing_tui.core.notes.store import NotesStore

PROBLEM = "test-brief.yaml:"


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None, timeout: float = 120):
    environment = {k: v for k, v in os.environ.items() if k != "BRIEFING_TUI_NOTES_DIR"}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "briefing_tui", "export", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=environment,
        timeout=timeout,
    )


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A folder with the flagship brief and the small test brief, each beside its article."""
    folder = tmp_path / "briefs"
    folder.mkdir()
    shutil.copy(FLAGSHIP, folder)
    shutil.copy(FLAGSHIP.with_suffix(".txt"), folder)
    (folder / "small").mkdir()
    (folder / "small" / "test-brief.yaml").write_text(VALID_BRIEF, encoding="utf-8")
    (folder / "small" / "article.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


@pytest.fixture
def notes(tmp_path: Path, library: Path) -> Path:
    """A notes folder holding a note and a mark on the flagship brief."""
    folder = tmp_path / "notes"
    store = NotesStore(load_brief(library / FLAGSHIP.name), folder)
    store.change("zelensky-no-clear-answer", set_note("# Not a heading <script>"))
    store.change("zelensky-no-clear-answer", toggle_mark("agree"))
    return folder


def test_a_brief_is_exported_to_its_id_in_the_current_folder(tmp_path, library, notes):
    result = run(library / FLAGSHIP.name, "--notes-dir", notes, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    out = tmp_path / "zelensky-security-guarantees.md"
    assert result.stderr == f"{out.name}: notes on 1 item\n"
    text = out.read_text(encoding="utf-8")
    assert text.startswith('---\ntitle: "Zelensky says Western security guarantees remain unclear"')
    assert "- **Mark:** You agree" in text
    assert "> \\# Not a heading &lt;script>" in text
    assert read_export(text).ours and not read_export(text).edited


def test_output_file_folder_and_standard_output(tmp_path, library, notes):
    brief = library / FLAGSHIP.name
    assert run(brief, "-o", "mine.md", "--notes-dir", notes, cwd=tmp_path).returncode == 0
    assert "You agree" in (tmp_path / "mine.md").read_text(encoding="utf-8")
    (tmp_path / "out").mkdir()
    assert run(brief, "-o", "out", "--notes-dir", notes, cwd=tmp_path).returncode == 0
    assert (tmp_path / "out" / "zelensky-security-guarantees.md").is_file()
    piped = run(brief, "-o", "-", "--notes-dir", notes, cwd=tmp_path)
    assert piped.returncode == 0 and piped.stderr == ""
    assert piped.stdout.startswith("---\n") and "You agree" in piped.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefs", "mine.md", "notes", "out"]


def test_notes_dir_from_the_environment(tmp_path, library, notes):
    result = run(library / FLAGSHIP.name, cwd=tmp_path, env={"BRIEFING_TUI_NOTES_DIR": str(notes)})
    assert result.returncode == 0, result.stderr
    assert "You agree" in (tmp_path / "zelensky-security-guarantees.md").read_text("utf-8")


def test_a_brief_without_notes_creates_nothing_in_the_notes_folder(tmp_path, library):
    (tmp_path / "no-notes").mkdir()
    result = run(library / FLAGSHIP.name, "--notes-dir", tmp_path / "no-notes", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "zelensky-security-guarantees.md").read_text("utf-8")
    assert "No notes on this brief yet." in text
    assert list((tmp_path / "no-notes").iterdir()) == []


@pytest.mark.parametrize(
    ("make", "why"),
    [(None, "does not exist"), ("file", "is not a folder")],
    ids=["missing", "a-file"],
)
def test_a_notes_dir_that_is_not_a_folder_is_an_error_not_no_notes(tmp_path, library, make, why):
    given = tmp_path / "my-notes"
    if make == "file":
        given.write_text("not a folder\n", "utf-8")
    for args in ([library / FLAGSHIP.name], [library, "-o", "exports"]):
        result = run(*args, "--notes-dir", given, cwd=tmp_path)
        assert result.returncode == 1
        assert result.stderr == f"briefing-tui export: the notes folder {given} {why}\n"
    assert list(tmp_path.glob("*.md")) == [] and not (tmp_path / "exports").exists()


def test_a_folder_is_exported_one_file_per_brief(tmp_path, library, notes):
    result = run(library, "-o", "exports", "--notes-dir", notes, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "exports").iterdir()) == [
        "test-brief.md",
        "zelensky-security-guarantees.md",
    ]
    assert result.stderr.count("notes on") == 2


def test_re_export_carries_the_keep_region_over(tmp_path, library, notes):
    brief = library / FLAGSHIP.name
    out = tmp_path / "zelensky-security-guarantees.md"
    assert run(brief, "--notes-dir", notes, cwd=tmp_path).returncode == 0
    mine = "My own conclusions.\n\n- keep this\n"
    out.write_text(
        out.read_text("utf-8").replace(f"{KEEP_START}\n", f"{KEEP_START}\n{mine}"), "utf-8"
    )
    NotesStore(load_brief(brief), notes).change("us-sign-off", set_note("A new note"))
    result = run(brief, "--notes-dir", notes, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "3 kept lines carried over" in result.stderr
    text = out.read_text("utf-8")
    assert f"{KEEP_START}\n{mine}{KEEP_END}\n" in text
    assert "A new note" in text


def test_an_edited_export_is_not_overwritten_without_force(tmp_path, library, notes):
    brief = library / FLAGSHIP.name
    out = tmp_path / "zelensky-security-guarantees.md"
    assert run(brief, "--notes-dir", notes, cwd=tmp_path).returncode == 0
    edited = out.read_text("utf-8").replace("You agree", "I agree, strongly")
    edited = edited.replace(f"{KEEP_START}\n", f"{KEEP_START}\nkept\n")
    out.write_text(edited, "utf-8")
    refused = run(brief, "--notes-dir", notes, cwd=tmp_path)
    assert refused.returncode == 1
    assert "was edited outside its keep region" in refused.stderr
    assert "--force" in refused.stderr
    assert out.read_text("utf-8") == edited
    forced = run(brief, "--notes-dir", notes, "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    text = out.read_text("utf-8")
    assert "I agree, strongly" not in text and "You agree" in text
    assert f"{KEEP_START}\nkept\n{KEEP_END}" in text


def test_a_file_not_written_by_export_is_not_overwritten(tmp_path, library):
    (tmp_path / "notes.md").write_text("# My notes\n", "utf-8")
    result = run(library / FLAGSHIP.name, "-o", "notes.md", cwd=tmp_path)
    assert result.returncode == 1
    assert "is not an export of briefing-tui" in result.stderr
    assert (tmp_path / "notes.md").read_text("utf-8") == "# My notes\n"


def test_an_input_is_never_overwritten(tmp_path, library):
    brief = library / FLAGSHIP.name
    before = brief.read_bytes()
    result = run(brief, "-o", brief, "--force", cwd=tmp_path)
    assert result.returncode == 2
    assert brief.read_bytes() == before


@pytest.mark.parametrize("force", [False, True], ids=["plain", "forced"])
def test_a_notes_file_is_never_overwritten(tmp_path, library, notes, force):
    target = notes_path(notes, "zelensky-security-guarantees")
    before = target.read_bytes()
    copy = tmp_path / "copy-of-my-notes.yaml"
    copy.write_bytes(before)
    for output in (target, copy):
        result = run(
            library / FLAGSHIP.name, "-o", output, "--notes-dir", notes,
            *(["--force"] if force else []), cwd=tmp_path,
        )  # fmt: skip
        assert result.returncode == 2
        assert result.stderr == (
            f"briefing-tui export: {output} is a notes file; an export never replaces it\n"
        )
    assert target.read_bytes() == before and copy.read_bytes() == before


@pytest.mark.parametrize("force", [False, True], ids=["plain", "forced"])
def test_a_fifo_as_output_is_refused_at_once(tmp_path, library, force):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    result = run(
        library / FLAGSHIP.name, "-o", fifo, *(["--force"] if force else []),
        cwd=tmp_path, timeout=30,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr == (
        f"briefing-tui export: cannot write {fifo}: not a regular file (a FIFO)\n"
    )


def test_an_invalid_brief_exits_1_with_its_problems(tmp_path, library):
    bad = library / "small" / "test-brief.yaml"
    bad.write_text(edit(VALID_BRIEF, "actor: alpha", "actor: alfa"), "utf-8")
    result = run(bad, cwd=tmp_path)
    assert result.returncode == 1
    assert PROBLEM in result.stderr and "names 'alfa'" in result.stderr
    assert list(tmp_path.glob("*.md")) == []
    folder = run(library, "-o", "exports", cwd=tmp_path)  # the valid one is still exported
    assert folder.returncode == 1
    assert [p.name for p in (tmp_path / "exports").iterdir()] == ["zelensky-security-guarantees.md"]


def test_two_briefs_with_one_id_do_not_overwrite_each_other(tmp_path, library):
    shutil.copytree(library / "small", library / "copy")
    result = run(library, "-o", "exports", cwd=tmp_path)
    assert result.returncode == 1
    assert "has the same brief id 'test-brief'" in result.stderr
    assert len(list((tmp_path / "exports").iterdir())) == 2


def test_unreadable_notes_are_set_aside_and_the_brief_not_exported(tmp_path, library, notes):
    path = notes_path(notes, "zelensky-security-guarantees")
    path.write_text("format: [broken\n", "utf-8")
    result = run(library / FLAGSHIP.name, "--notes-dir", notes, cwd=tmp_path)
    assert result.returncode == 1
    assert "could not be read" in result.stderr and ".corrupt-" in result.stderr
    assert list(notes.glob("*.corrupt-*"))
    assert list(tmp_path.glob("*.md")) == []


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["missing.yaml"],
        ["briefs", "-o", "a-file"],
        ["briefs", "-o", "-"],
        ["empty"],
        ["briefs", "--frobnicate"],
    ],
    ids=["no-path", "missing-path", "output-not-a-folder", "folder-to-stdout", "no-briefs", "bad"],
)
def test_usage_errors_exit_2(tmp_path, library, args):
    (tmp_path / "a-file").write_text("x", "utf-8")
    (tmp_path / "empty").mkdir()
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip()


def test_export_never_imports_textual(tmp_path, library):
    script = (
        "import sys\n"
        "from briefing_tui.cli.main import main\n"
        f"status = main(['export', {str(library)!r}, '-o', {str(tmp_path / 'x')!r}])\n"
        "print(status, sorted(m for m in sys.modules if m.split('.')[0] == 'textual'"
        " or m.startswith('briefing_tui.tui')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert result.stdout.strip() == "0 []", result.stderr


def test_open_passes_the_notes_dir_to_the_reader(tmp_path, monkeypatch):
    seen: dict[str, object] = {}

    class FakeApp:
        def __init__(self, **kwargs: object) -> None:
            seen.update(kwargs)

        def run(self) -> None:
            seen["ran"] = True

    fake = types.ModuleType("briefing_tui.tui.app")
    fake.BriefingApp = FakeApp  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "briefing_tui.tui", types.ModuleType("briefing_tui.tui"))
    monkeypatch.setitem(sys.modules, "briefing_tui.tui.app", fake)  # no Textual here
    monkeypatch.setattr("briefing_tui.config.load_config", lambda: None)
    assert cli.main(["open", str(FLAGSHIP), "--notes-dir", str(tmp_path)]) == 0
    assert seen["notes_dir"] == tmp_path and seen["ran"] is True
    seen.clear()
    assert cli.main(["open", str(FLAGSHIP.parent)]) == 0
    assert seen["notes_dir"] is None and "library" in seen
