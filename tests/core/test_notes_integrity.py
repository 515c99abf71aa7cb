"""The notes store at its edges (issue 11): undo across instances, a file broken while open,
writes that fail, symbolic links, leftovers of a killed writer, folders that cannot be used,
and the background writer's order and durability."""

from __future__ import annotations

import errno
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from fskit import unwritable
from notes_helpers import (
    copy_flagship,
    flagship,
    note_for,
    on_disk,
    version_of,
)
from paths import FLAGSHIP_ID, REPO, TESTS

from briefing_tui.core.load.loader import load_brief
from briefing_tui.core.notes import disk as notes_disk
from briefing_tui.core.notes.edits import set_note, set_tags, toggle_flag, toggle_mark
from briefing_tui.core.notes.folder import notes_path
from briefing_tui.core.notes.store import NotesStore, SaveReport

HELPERS = Path(__file__).resolve().parent


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "notes"


# -- 1. undo across instances ----------------------------------------------------------------


def test_undo_reverts_only_its_own_field_and_keeps_another_instances_note_and_tags(folder):
    a = NotesStore(flagship(), folder)
    b = NotesStore(flagship(), folder)
    a.change("trump", toggle_flag("star"))
    b.change("trump", set_note("B's note"))
    b.change("trump", set_tags(("b-tag",)))

    assert a.undo() == "trump"

    disk = on_disk(a.path)["trump"]
    assert disk.flags == ()
    assert (disk.note, disk.tags) == ("B's note", ("b-tag",))
    assert a.get("trump") == disk  # and A shows what is on disk


def test_undo_leaves_a_field_changed_since_by_another_instance_and_says_so(folder):
    a = NotesStore(flagship(), folder)
    b = NotesStore(flagship(), folder)
    a.change("trump", set_note("A's words"))
    a.change("trump", toggle_mark("agree"))
    b.change("trump", set_note("B rewrote it"))

    a.undo()  # the mark: nobody touched it since, so it goes
    a.undo()  # the note: B changed it since, so it stays B's

    disk = on_disk(a.path)["trump"]
    assert disk.mark is None
    assert disk.note == "B rewrote it"


def test_undo_of_an_added_tag_removes_that_tag_only(folder):
    a = NotesStore(flagship(), folder)
    b = NotesStore(flagship(), folder)
    a.change("trump", set_tags(("mine",)))
    b.change("trump", set_tags(("mine", "theirs")))
    a.undo()
    assert on_disk(a.path)["trump"].tags == ("theirs",)


# -- 3. a file broken by another program while the store is open --------------------------


def break_mark(path: Path) -> bytes:
    """What another program might do: a typo in a mark."""
    text = path.read_text(encoding="utf-8")
    assert "mark: agree" in text
    path.write_text(text.replace("mark: agree", "mark: agre", 1), encoding="utf-8")
    return path.read_bytes()


def ten_marked(store: NotesStore) -> list[str]:
    ids = sorted(store.brief.items)[:10]
    for item_id in ids:
        store.change(item_id, toggle_mark("agree"))
    return ids


def test_a_file_broken_while_the_app_runs_keeps_every_note_shown_until_the_reader_chooses(
    folder,
):
    reports: list[SaveReport] = []
    store = NotesStore(flagship(), folder, background=True, on_report=reports.append)
    ids = ten_marked(store)
    assert store.flush(10)
    broken = break_mark(store.path)

    store.change(ids[0], toggle_mark("disagree"))  # the next `d`
    assert not store.flush(10)  # nothing is written: the reader must choose first

    assert store.broken is not None
    aside = store.broken.path
    assert aside.read_bytes() == broken  # kept, as it was
    assert "agre" in store.broken.reason and re.search(r":\d+:\d+: ", store.broken.reason)
    assert len(store.annotations) == 10  # never an empty state shown as the truth
    assert store.get(ids[0]).mark == "disagree"
    assert any(r.broken is not None for r in reports)

    store.recover(keep_shown=True)
    assert store.flush(10)
    disk = on_disk(store.path)
    assert len(disk) == 10 and disk[ids[0]].mark == "disagree"
    assert all(disk[i].mark == "agree" for i in ids[1:])
    store.close()


def test_recovering_with_only_this_sessions_changes_reapplies_them_in_order(folder):
    earlier = NotesStore(flagship(), folder)
    earlier.change("russia", set_note("from an earlier session"))
    store = NotesStore(flagship(), folder, background=True)
    store.change("trump", toggle_mark("agree"))
    store.change("trump", set_note("this session"))
    assert store.flush(10)
    break_mark(store.path)
    store.change("france", toggle_mark("doubt"))
    store.flush(10)
    assert store.broken is not None

    store.recover(keep_shown=False)
    assert store.flush(10)

    disk = on_disk(store.path)
    assert sorted(disk) == ["france", "trump"]
    assert (disk["trump"].mark, disk["trump"].note) == ("agree", "this session")
    store.close()


# -- 4. a change that could not be written -------------------------------------------------


def test_without_a_writer_thread_a_change_that_cannot_be_written_is_not_shown(folder):
    store = NotesStore(flagship(), folder)
    store.change("trump", toggle_mark("agree"))
    with unwritable(folder), pytest.raises(OSError):
        store.change("russia", toggle_mark("disagree"))
    assert store.get("russia") is None  # moving away and back shows nothing that is not saved
    store.change("france", toggle_mark("doubt"))  # the next save writes only its own change
    assert sorted(on_disk(store.path)) == ["france", "trump"]


def test_with_a_writer_a_failed_change_stays_shown_as_waiting_and_is_written_once_it_can(folder):
    reports: list[SaveReport] = []
    store = NotesStore(
        flagship(), folder, background=True, on_report=reports.append, retry_after=0.05
    )
    store.change("trump", toggle_mark("agree"))
    assert store.flush(10)
    with unwritable(folder):
        store.change("russia", toggle_mark("disagree"), label="Marked.")
        assert not store.flush(10)
        assert store.waiting == 1 and store.error
        assert store.get("russia").mark == "disagree"  # shown, as waiting
        assert "russia" not in on_disk(store.path)
        assert any(r.error for r in reports)
    store.retry()
    assert store.flush(10)
    assert on_disk(store.path)["russia"].mark == "disagree"
    assert any(r.recovered and "Marked." in r.saved for r in reports)  # said, not silent
    store.close()


# -- 6. a notes file that is a symbolic link -------------------------------------------------


def test_a_notes_file_that_is_a_link_is_written_through_and_stays_a_link(tmp_path, folder):
    synced = tmp_path / "synced"
    synced.mkdir()
    folder.mkdir()
    target = synced / "mine.notes.yaml"
    NotesStore(flagship(), synced).change("trump", set_note("in the synced folder"))
    (synced / f"{FLAGSHIP_ID}.notes.yaml").rename(target)
    link = notes_path(folder, FLAGSHIP_ID)
    link.symlink_to(target)

    store = NotesStore(flagship(), folder)
    assert store.get("trump").note == "in the synced folder"
    store.change("russia", toggle_mark("agree"))

    assert link.is_symlink()
    assert set(on_disk(target)) == {"trump", "russia"}


# -- 7. leftovers of a killed writer -----------------------------------------------------------


def test_temporary_files_left_by_a_killed_writer_are_removed_at_the_next_open(folder):
    NotesStore(flagship(), folder).change("trump", set_note("kept"))
    leftovers = [folder / f".{FLAGSHIP_ID}.notes.yaml.{n}abc.tmp" for n in range(3)]
    for leftover in leftovers:
        leftover.write_text("half a fil", encoding="utf-8")
    other = folder / ".another-brief.notes.yaml.1234.tmp"
    other.write_text("not ours to judge", encoding="utf-8")

    store = NotesStore(flagship(), folder)

    assert not any(p.exists() for p in leftovers)
    assert other.exists()
    assert store.get("trump").note == "kept"


KILLED = """
import sys, time
from pathlib import Path
sys.path[:0] = sys.argv[3:]  # the code under test, the helpers, and tests/paths.py
from briefing_tui.core.load.loader import load_brief
from briefing_tui.core.notes.store import NotesStore
from briefing_tui.core.notes.edits import set_note
from notes_helpers import note_for
store = NotesStore(load_brief(sys.argv[1]), Path(sys.argv[2]), background=True)
print("ready", flush=True)
k = 0
while True:  # changes and undos, as fast as the writer takes them
    store.change("trump", set_note(note_for(k)))
    if k % 3 == 0:
        store.undo()
    k += 1
    if store.waiting > 50:
        time.sleep(0.001)
"""


def test_killing_a_writer_that_undoes_leaves_a_whole_file_and_no_leftover_at_reopen(tmp_path):
    brief_path = copy_flagship(tmp_path / "briefs")
    brief = load_brief(brief_path)
    folder = tmp_path / "notes"
    path = notes_path(folder, brief.id)
    seen_notes = set()
    for delay in (0.05, 0.1, 0.2, 0.3, 0.15, 0.25, 0.12, 0.4):
        child = subprocess.Popen(
            [
                sys.executable,
                "-c",
                KILLED,
                str(brief_path),
                str(folder),
                str(REPO),
                str(HELPERS),
                str(TESTS),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert child.stdout is not None and child.stdout.readline() == "ready\n"
            time.sleep(delay)
            os.kill(child.pid, signal.SIGKILL)
        finally:
            child.kill()
            child.wait()
            for stream in (child.stdout, child.stderr):
                if stream:
                    stream.close()
        if not path.exists():
            continue
        notes = on_disk(path)  # parses: never torn
        assert set(notes) <= {"trump"}
        if notes:
            note = notes["trump"].note
            assert note == note_for(version_of(note)), "a note that no change wrote"
            seen_notes.add(note)
        reopened = NotesStore(brief, folder)
        assert reopened.set_aside is None and reopened.problem is None
        assert not list(folder.glob(".*.tmp")), "a leftover survived the next open"
    assert seen_notes, "no child lived long enough to write"


# -- 11. folders and lock files that cannot be used ------------------------------------------


def test_a_notes_folder_that_is_a_file_opens_read_only_and_says_why_changes_fail(tmp_path):
    folder = tmp_path / "notes"
    folder.write_text("not a folder", encoding="utf-8")
    store = NotesStore(flagship(), folder)  # no crash
    assert store.annotations == {}
    assert store.problem and "not a folder" in store.problem
    with pytest.raises(OSError, match="not a folder"):
        store.change("trump", toggle_mark("agree"))
    assert folder.read_text(encoding="utf-8") == "not a folder"


def test_a_lock_path_that_is_a_folder_still_reads_and_a_change_says_why_it_is_not_saved(folder):
    NotesStore(flagship(), folder).change("trump", set_note("readable"))
    lock = notes_path(folder, FLAGSHIP_ID).with_name(f"{FLAGSHIP_ID}.notes.yaml.lock")
    lock.unlink()
    lock.mkdir()
    store = NotesStore(flagship(), folder)
    assert store.get("trump").note == "readable"
    with pytest.raises(OSError, match="cannot lock"):
        store.change("trump", toggle_mark("agree"))
    assert store.get("trump").mark is None
    assert on_disk(store.path)["trump"].mark is None


def test_a_read_only_notes_folder_without_a_lock_file_reads_and_refuses_changes(folder):
    NotesStore(flagship(), folder).change("trump", set_note("read only"))
    notes_path(folder, FLAGSHIP_ID).with_name(f"{FLAGSHIP_ID}.notes.yaml.lock").unlink()
    with unwritable(folder):
        store = NotesStore(flagship(), folder)
        assert store.get("trump").note == "read only"
        with pytest.raises(OSError):
            store.change("trump", toggle_mark("agree"))


@pytest.mark.parametrize("kind", ["fifo", "folder", "too large"])
def test_a_notes_file_that_cannot_be_read_is_never_moved_nor_replaced(folder, kind, monkeypatch):
    folder.mkdir()
    path = notes_path(folder, FLAGSHIP_ID)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        NotesStore(flagship(), folder).change("trump", set_note("x" * 200))
        monkeypatch.setattr(notes_disk, "NOTES_MAX_BYTES", 100)
    before = path.lstat()

    result: list[NotesStore] = []
    opener = threading.Thread(target=lambda: result.append(NotesStore(flagship(), folder)))
    opener.start()
    opener.join(10)
    assert result, "opening the notes hung"
    store = result[0]

    assert store.problem
    with pytest.raises(OSError):
        store.change("russia", toggle_mark("agree"))
    after = path.lstat()
    assert (after.st_ino, after.st_mode, after.st_size) == (
        before.st_ino,
        before.st_mode,
        before.st_size,
    )
    assert not list(folder.glob("*.corrupt-*"))


# -- 20. the writer thread -------------------------------------------------------------------


def test_the_writer_keeps_the_order_of_changes_made_faster_than_it_writes(folder):
    store = NotesStore(flagship(), folder, background=True)
    for k in range(300):
        store.change("trump", set_note(note_for(k)))
        store.change("russia", toggle_mark("agree" if k % 2 else "doubt"))
    assert store.flush(30)
    disk = on_disk(store.path)
    assert disk["trump"].note == note_for(299)
    assert disk["russia"].mark == "agree"
    assert store.annotations == disk
    store.close()


def test_a_change_is_shown_before_it_is_written_and_written_after(folder, monkeypatch):
    release = threading.Event()
    real_write = notes_disk.write_atomic

    def slow_write(path: Path, text: str, **kwargs: object) -> None:
        release.wait(10)
        real_write(path, text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(notes_disk, "write_atomic", slow_write)
    store = NotesStore(flagship(), folder, background=True)
    started = time.perf_counter()
    store.change("trump", toggle_mark("agree"))
    assert time.perf_counter() - started < 0.5  # did not wait for the disk
    assert store.get("trump").mark == "agree" and store.waiting == 1
    assert not notes_path(folder, FLAGSHIP_ID).exists()
    release.set()
    assert store.flush(10)
    assert on_disk(store.path)["trump"].mark == "agree"
    store.close()


def test_a_full_disk_is_reported_with_its_reason(folder, monkeypatch):
    def full(path: Path, text: str, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    store = NotesStore(flagship(), folder, retry_after=0.01)
    monkeypatch.setattr(notes_disk, "write_atomic", full)
    with pytest.raises(OSError, match="No space left"):
        store.change("trump", toggle_mark("agree"))
    assert store.get("trump") is None


def test_the_entry_by_entry_text_is_always_the_whole_file_text():
    from dataclasses import replace

    from notes_helpers import annotation

    from briefing_tui.core.notes.file import NotesText, dump_notes

    rng = __import__("random").Random(11)
    held: dict = {}
    text = NotesText("b")
    for step in range(400):
        item_id = f"item-{rng.randrange(60)}"
        if rng.random() < 0.3:
            held.pop(item_id, None)
            text.update(item_id, None)
        else:
            value = replace(annotation(item_id), note=f"step {step}")
            held[item_id] = value
            text.update(item_id, value)
        assert text.data() == dump_notes("b", held).encode()


def test_a_notes_file_deleted_while_notes_are_shown_is_written_again_not_emptied(folder):
    reports: list[SaveReport] = []
    store = NotesStore(flagship(), folder, background=True, on_report=reports.append)
    store.change("trump", set_note("still mine"))
    assert store.flush(10)
    store.path.unlink()  # a sync tool or a checkout removed it

    assert store.refresh() is False  # not taken as "no notes"
    assert store.get("trump").note == "still mine"
    store.change("russia", toggle_mark("agree"))
    assert store.flush(10)

    assert set(on_disk(store.path)) == {"trump", "russia"}
    assert any(r.restored for r in reports)
    store.close()


def test_an_undo_that_puts_an_annotation_back_exactly_keeps_its_time(folder, monkeypatch):
    from briefing_tui.core.notes import change as change_module

    store = NotesStore(flagship(), folder)
    store.change("trump", set_note("first words"))
    before = store.get("trump")
    later = before.updated.replace(year=before.updated.year + 1)
    monkeypatch.setattr(change_module, "now", lambda: later)  # the next change, a year on
    store.change("trump", set_note("second words"))
    store.undo()
    assert store.get("trump") == before  # the time of the change undone is gone too
    assert on_disk(store.path)["trump"] == before
