"""Files an export never replaces, forced or not: the brief and its article, the reader's notes
files, and the parse cache, however the target reaches them (a symbolic link, ``..``, a hard
link), and any file whose text reads as a notes file.

The refusal is a PermissionError (``protected.ProtectedFile``), so the reader's ``E`` shows it
as "NOT exported" and never offers to overwrite. Each test exports with ``force=True`` (what
``E`` does after "Overwrite it anyway?") and checks that the file is refused and left byte for
byte as it was.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from notes_helpers import copy_flagship

from briefing_tui.core.brief.model import Brief
from briefing_tui.core.export.file import write_export
from briefing_tui.core.library.cache import BriefCache
from briefing_tui.core.load.loader import load_brief
from briefing_tui.core.notes.edits import set_note
from briefing_tui.core.notes.folder import notes_path
from briefing_tui.core.notes.store import NotesStore

EXPORTED = dt.datetime(2026, 1, 20, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def brief(tmp_path: Path) -> Brief:
    """A copy of the flagship brief beside its article, in the test's folder."""
    return load_brief(copy_flagship(tmp_path / "briefs"))


@pytest.fixture
def notes(tmp_path: Path, brief: Brief, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app's notes folder, holding a note on the brief; returns the folder."""
    folder = tmp_path / "notes"
    monkeypatch.setenv("BRIEFING_TUI_NOTES_DIR", str(folder))
    NotesStore(brief, folder).change("us-sign-off", set_note("Mine, not to be lost"))
    return folder


def refused(target: Path, brief: Brief, notes: Path, *, what: str) -> None:
    """Export with force to ``target``: refused, naming ``what``, nothing changed."""
    before = _files(brief.path.parents[1])
    with pytest.raises(PermissionError, match=f"is {what}; an export never replaces it"):
        write_export(target, brief, {}, exported=EXPORTED, force=True)
    assert _files(brief.path.parents[1]) == before


def _files(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_the_notes_file_of_the_brief(brief, notes):
    refused(notes_path(notes, brief.id), brief, notes, what="a notes file")


def test_a_notes_file_not_there_yet(brief, notes):
    target = notes_path(notes, "another-brief")
    refused(target, brief, notes, what="a notes file")
    assert not target.exists()


@pytest.mark.parametrize("kind", ["lock", "set aside"])
def test_the_files_kept_beside_a_notes_file(brief, notes, kind):
    path = notes_path(notes, brief.id)
    beside = path.with_name(path.name + (".lock" if kind == "lock" else ".corrupt-20260101"))
    beside.write_text("format: [broken\n", "utf-8")
    refused(beside, brief, notes, what="a notes file")


REACHES: dict[str, Callable[[Path, Path], Path]] = {
    "symbolic link": lambda file, elsewhere: _symlink(elsewhere / "mine.md", file),
    "dot-dot": lambda file, elsewhere: elsewhere / ".." / file.parent.name / file.name,
    "hard link": lambda file, elsewhere: _hardlink(elsewhere / "mine.md", file),
}


def _symlink(link: Path, to: Path) -> Path:
    link.symlink_to(to)
    return link


def _hardlink(link: Path, to: Path) -> Path:
    os.link(to, link)
    return link


@pytest.mark.parametrize("how", REACHES)
def test_a_notes_file_reached_another_way(tmp_path, brief, notes, how):
    # A notes file that does not parse: only its place, not its text, tells what it is.
    path = notes_path(notes, brief.id)
    path.write_text("format: [broken\n", "utf-8")
    (tmp_path / "elsewhere").mkdir()
    refused(REACHES[how](path, tmp_path / "elsewhere"), brief, notes, what="a notes file")


def test_the_notes_file_where_a_link_in_the_notes_folder_keeps_it(tmp_path, brief, notes):
    synced = tmp_path / "synced" / "my-notes.yaml"
    synced.parent.mkdir()
    synced.write_text("format: [broken\n", "utf-8")  # only its place tells what it is
    path = notes_path(notes, brief.id)
    path.unlink()
    path.symlink_to(synced)
    refused(synced, brief, notes, what="a notes file")


@pytest.mark.parametrize("which", ["brief", "article"])
@pytest.mark.parametrize("how", REACHES)
def test_the_brief_or_its_article_reached_another_way(tmp_path, brief, notes, which, how):
    file = brief.path if which == "brief" else brief.path.with_suffix(".txt")
    (tmp_path / "elsewhere").mkdir()
    target = REACHES[how](file, tmp_path / "elsewhere")
    what = "the brief" if which == "brief" else "the brief's article"
    refused(target, brief, notes, what=what)


def test_any_file_that_reads_as_a_notes_file(tmp_path, brief, notes):
    copy = tmp_path / "backup" / "my-notes.md"
    copy.parent.mkdir()
    copy.write_bytes(notes_path(notes, brief.id).read_bytes())
    refused(copy, brief, notes, what="a notes file")


def test_the_notes_folder_given(tmp_path, brief, notes, monkeypatch):
    monkeypatch.setenv("BRIEFING_TUI_NOTES_DIR", str(tmp_path / "elsewhere"))
    target = notes_path(notes, "another-brief")
    with pytest.raises(PermissionError, match="is a notes file"):
        write_export(target, brief, {}, exported=EXPORTED, force=True, notes_folder=notes)
    assert not target.exists()


@pytest.mark.parametrize("how", ["entry", "new file", "hard link"])
def test_the_parse_cache(tmp_path, brief, notes, cache_folder, how):
    cache = BriefCache()
    cache.load(brief.path)
    [entry] = cache_folder.iterdir()
    if how == "entry":
        target = entry
    elif how == "new file":
        target = cache_folder / "export.md"
    else:
        (tmp_path / "elsewhere").mkdir()
        target = _hardlink(tmp_path / "elsewhere" / "mine.md", entry)
    before = entry.read_bytes()
    with pytest.raises(PermissionError, match="is in the parse cache"):
        write_export(target, brief, {}, exported=EXPORTED, force=True)
    assert entry.read_bytes() == before
    assert sorted(cache_folder.iterdir()) == [entry]


def test_an_ordinary_export_beside_the_notes_folder_is_written(tmp_path, brief, notes):
    target = tmp_path / "exports" / f"{brief.id}.md"
    written = write_export(target, brief, {}, exported=EXPORTED)
    assert written.path == target and target.is_file()
