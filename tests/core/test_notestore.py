"""The notes store: a change reaches the disk at once and whole, two instances do not clobber
each other, a corrupt file is set aside and never overwritten, undo, and re-attaching orphans."""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import platformdirs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from notes_helpers import (
    QUESTION,
    REMOVABLE,
    REWORDED,
    REWORDED_TEXT,
    copy_flagship,
    flagship,
    on_disk,
    remove_item,
    reword,
    state_after,
    version_of,
)
from paths import FLAGSHIP_ID, REPO, TESTS

from briefing_tui.core.load.loader import load_brief
from briefing_tui.core.notes.annotations import Anchor, Annotation, Status, now, review, status
from briefing_tui.core.notes.edits import (
    delete,
    set_estimate,
    set_note,
    set_tags,
    toggle_flag,
    toggle_mark,
)
from briefing_tui.core.notes.file import dump_notes, parse_notes
from briefing_tui.core.notes.folder import NOTES_ENV, notes_dir, notes_path
from briefing_tui.core.notes.store import NotesStore

HELPERS = Path(__file__).resolve().parent
NOTES_NAME = f"{FLAGSHIP_ID}.notes.yaml"
CORRUPT_NAME = re.compile(rf"{re.escape(NOTES_NAME)}\.corrupt-\d{{8}}T\d{{6}}Z(-\d+)?")
LOCATED = re.compile(r":(\d+):(\d+): ")  # path:line:column: message


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "notes"


@pytest.fixture
def store(folder: Path) -> NotesStore:
    return NotesStore(flagship(), folder)


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- round trip ----------------------------------------------------------------------------


def test_every_kind_of_change_is_found_again_after_reopening(store: NotesStore, folder) -> None:
    store.change("zelensky-no-clear-answer", toggle_mark("doubt"))
    store.change("zelensky-no-clear-answer", toggle_flag("star"))
    store.change("zelensky-no-clear-answer", toggle_flag("follow-up"))
    store.change("zelensky-no-clear-answer", set_tags(("guarantees", "", "us", "guarantees")))
    store.change("zelensky-no-clear-answer", set_note("# My view\n\nHe *is* asking.\n"))
    store.change(QUESTION, set_estimate(0.55))
    store.change("trump", toggle_mark("disagree"))

    reopened = NotesStore(load_brief(flagship().path), folder)
    assert reopened.annotations == store.annotations
    assert on_disk(store.path) == store.annotations
    note = reopened.get("zelensky-no-clear-answer")
    assert note is not None
    assert (note.mark, note.flags, note.tags) == (
        "doubt",
        ("star", "follow-up"),
        ("guarantees", "us"),
    )
    assert note.note == "# My view\n\nHe *is* asking.\n"
    assert note.anchor == Anchor.of(flagship().items["zelensky-no-clear-answer"])
    assert note.updated.tzinfo is not None
    assert abs(note.updated - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)
    question = reopened.get(QUESTION)
    assert question is not None and question.estimate == 0.55
    assert store.path == folder / NOTES_NAME


def test_change_returns_what_is_stored(store: NotesStore) -> None:
    stored = store.change("trump", toggle_mark("agree"))
    assert stored == store.get("trump") == on_disk(store.path)["trump"]
    assert stored is not None and stored.mark == "agree"


def test_toggling_a_mark_twice_clears_it(store: NotesStore) -> None:
    store.change("trump", toggle_mark("agree"))
    assert on_disk(store.path)["trump"].mark == "agree"
    store.change("trump", toggle_mark("disagree"))  # another mark replaces it
    assert on_disk(store.path)["trump"].mark == "disagree"
    store.change("trump", toggle_mark("disagree"))
    assert store.get("trump") is None
    assert "trump" not in on_disk(store.path)


def test_toggling_a_flag_twice_clears_it_and_keeps_the_others(store: NotesStore) -> None:
    store.change("trump", toggle_flag("star"))
    store.change("trump", toggle_flag("follow-up"))
    store.change("trump", toggle_flag("star"))
    assert on_disk(store.path)["trump"].flags == ("follow-up",)


def test_an_annotation_emptied_of_everything_is_removed_from_the_file(store: NotesStore) -> None:
    store.change("russia", toggle_mark("agree"))  # a neighbour that stays
    store.change(QUESTION, toggle_mark("doubt"))
    store.change(QUESTION, toggle_flag("star"))
    store.change(QUESTION, set_tags(("a",)))
    store.change(QUESTION, set_note("text"))
    store.change(QUESTION, set_estimate(0.3))
    for edit in (toggle_mark("doubt"), toggle_flag("star"), set_tags(()), set_note("")):
        store.change(QUESTION, edit)
        assert QUESTION in on_disk(store.path)  # the estimate still holds it
    store.change(QUESTION, set_estimate(None))
    assert store.get(QUESTION) is None
    assert sorted(on_disk(store.path)) == ["russia"]
    store.change("russia", delete())
    assert on_disk(store.path) == {}
    assert parse_notes(store.path.read_text(encoding="utf-8"), "x") == (FLAGSHIP_ID, {})


def test_an_estimate_outside_0_to_1_is_refused() -> None:
    for bad in (-0.01, 1.01, float("nan"), float("inf")):
        with pytest.raises(ValueError):
            set_estimate(bad)


def test_a_change_to_an_unknown_item_is_refused_and_writes_nothing(store: NotesStore) -> None:
    with pytest.raises(KeyError):
        store.change("no-such-item", toggle_mark("agree"))
    assert not store.path.exists()


def test_a_file_edited_on_disk_while_the_store_is_open_is_not_overwritten(store) -> None:
    store.change("trump", set_note("from the app"))
    by_hand = dict(on_disk(store.path))
    by_hand["russia"] = replace(by_hand["trump"], item="russia", note="added by hand")
    store.path.write_text(dump_notes(FLAGSHIP_ID, by_hand), encoding="utf-8")
    store.change("france", toggle_mark("agree"))
    disk = on_disk(store.path)
    assert disk["russia"].note == "added by hand"
    assert disk["trump"].note == "from the app"
    assert disk["france"].mark == "agree"


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    text=st.one_of(
        st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=60),
        st.lists(
            st.sampled_from(["yes", "- x", "# y", "key: v", "\r\n", "\x85", "\u2028", " ", "\n"]),
            max_size=8,
        ).map("".join),
    )
)
def test_a_note_comes_back_from_disk_byte_identical(folder: Path, text: str) -> None:
    NotesStore(flagship(), folder).change("trump", set_note(text))
    back = NotesStore(flagship(), folder).get("trump")
    if text.strip():
        assert back is not None
        assert back.note.encode("utf-8") == text.encode("utf-8")
    else:  # nothing but whitespace: nothing was recorded
        assert back is None


# -- atomicity: SIGKILL while saving -------------------------------------------------------

WRITER = """
import sys
from pathlib import Path
sys.path[:0] = sys.argv[4:]
from briefing_tui.core.load.loader import load_brief
from briefing_tui.core.notes.store import NotesStore
from briefing_tui.core.notes.edits import set_note
from notes_helpers import note_for, version_of
store = NotesStore(load_brief(sys.argv[1]), Path(sys.argv[2]))
ids = sys.argv[3].split(",")
k = 1 + max((version_of(a.note) for a in store.annotations.values()), default=-1)
print("ready", flush=True)
while True:
    store.change(ids[k % len(ids)], set_note(note_for(k)))
    k += 1
"""


def test_a_save_killed_at_any_moment_leaves_a_whole_earlier_or_later_file(tmp_path) -> None:
    brief_path = copy_flagship(tmp_path / "briefs")
    brief = load_brief(brief_path)
    folder = tmp_path / "notes"
    ids = sorted(brief.items)[:25]
    path = notes_path(folder, brief.id)
    rng = random.Random(203)
    # The child imports the code under test, and the helpers (which import tests/paths.py).
    paths = [str(REPO), str(HELPERS), str(TESTS)]
    done = 0  # changes known to be in the file
    kills_mid_stream = 0
    deadline = time.monotonic() + 25
    for _round in range(30):
        if time.monotonic() > deadline:
            break
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(brief_path), str(folder), ",".join(ids), *paths],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert child.stdout is not None
            ready = child.stdout.readline()
            assert ready == "ready\n", child.stderr.read() if child.stderr else ""
            time.sleep(rng.uniform(0.005, 0.08))
            os.kill(child.pid, signal.SIGKILL)
        finally:
            child.kill()
            child.wait()
            if child.stdout:
                child.stdout.close()
            if child.stderr:
                child.stderr.close()
        assert child.returncode == -signal.SIGKILL

        if not path.exists():  # killed before its first save
            assert done == 0
            continue
        annotations = on_disk(path)  # always parses: never a torn file
        notes = {item: a.note for item, a in annotations.items()}
        count = 1 + max((version_of(n) for n in notes.values()), default=-1)
        assert notes == state_after(count, ids), "not the state after any one change"
        assert count >= done, "the file went back to an older state"
        kills_mid_stream += count > done
        done = count

        reopened = NotesStore(brief, folder)  # what the app would see next
        assert reopened.set_aside is None
        assert {i: a.note for i, a in reopened.annotations.items()} == notes
        others = [n for n in files_in(folder) if n not in (path.name, path.name + ".lock")]
        # A SIGKILL may leave a temporary file; it is hidden, never named like a notes file,
        # and never read as one.
        assert all(re.fullmatch(rf"\.{re.escape(path.name)}\..+\.tmp", n) for n in others)
    assert kills_mid_stream >= 5, "the children were killed before they wrote anything"
    assert done > 30


# -- two instances -------------------------------------------------------------------------


def test_two_stores_on_one_folder_keep_each_others_changes(folder: Path) -> None:
    first = NotesStore(flagship(), folder)
    second = NotesStore(flagship(), folder)  # opened before the first changed anything
    first.change("trump", set_note("first's note"))
    second.change("russia", set_note("second's note"))
    first.change("france", toggle_mark("agree"))
    second.change("trump", toggle_flag("star"))  # on top of first's note, not instead of it
    disk = on_disk(notes_path(folder, FLAGSHIP_ID))
    assert disk["trump"].note == "first's note"
    assert disk["trump"].flags == ("star",)
    assert disk["russia"].note == "second's note"
    assert disk["france"].mark == "agree"
    assert second.annotations == disk  # a change also brings the other's changes in
    first.reload()
    assert first.annotations == disk


def test_when_both_change_the_same_field_the_later_change_wins(folder: Path) -> None:
    first = NotesStore(flagship(), folder)
    second = NotesStore(flagship(), folder)
    first.change("trump", set_note("first"))
    second.change("trump", set_note("second"))
    assert on_disk(first.path)["trump"].note == "second"
    first.change("trump", toggle_mark("doubt"))  # another field: the note stays "second"
    disk = on_disk(first.path)["trump"]
    assert (disk.note, disk.mark) == ("second", "doubt")
    first.change("trump", set_note("first again"))
    disk = on_disk(first.path)["trump"]
    assert (disk.note, disk.mark) == ("first again", "doubt")


def test_a_rewrite_with_the_same_size_inode_and_time_is_still_seen(store: NotesStore) -> None:
    store.change("trump", set_note("note A"))
    seen = store.path.stat()
    # Another writer (a second instance whose atomic rewrite got the freed inode back, as
    # ext4 does, or an editor saving in place) changes the note, same length...
    edited = store.path.read_text(encoding="utf-8").replace("note A", "note B")
    with open(store.path, "r+", encoding="utf-8") as stream:
        stream.write(edited)
    # ...within the same timestamp tick (what a coarse clock records):
    os.utime(store.path, ns=(seen.st_atime_ns, seen.st_mtime_ns))
    assert store.path.stat().st_ino == seen.st_ino and store.path.stat().st_size == seen.st_size
    store.change("russia", toggle_mark("agree"))
    assert on_disk(store.path)["trump"].note == "note B"


ADDER = """
import sys
from dataclasses import replace
from pathlib import Path
sys.path[:0] = [sys.argv[4]]
from briefing_tui.core.notes.annotations import now
from briefing_tui.core.load.loader import load_brief
from briefing_tui.core.notes.store import NotesStore
store = NotesStore(load_brief(sys.argv[1]), Path(sys.argv[2]))
name, ids = sys.argv[3], sys.argv[5].split(",")
print("ready", flush=True)
sys.stdin.readline()
def add(tag):
    return lambda a: replace(a, tags=(*a.tags, tag), updated=now())
for n in range(50):
    store.change(ids[n % len(ids)], add(f"{name}{n}"))
"""


def test_two_processes_saving_at_once_lose_no_change(tmp_path: Path) -> None:
    brief_path = copy_flagship(tmp_path / "briefs")
    brief = load_brief(brief_path)
    folder = tmp_path / "notes"
    items = sorted(brief.items)
    # Each has items of its own, and one item both change (the last of each list).
    own = {"a": [*items[0:9], "zelensky"], "b": [*items[10:19], "zelensky"]}
    paths = [str(REPO)]
    children = {
        name: subprocess.Popen(
            [
                sys.executable,
                "-c",
                ADDER,
                str(brief_path),
                str(folder),
                name,
                *paths,
                ",".join(ids),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for name, ids in own.items()
    }
    try:
        for child in children.values():
            assert child.stdout is not None and child.stdout.readline() == "ready\n"
        for child in children.values():  # go, both at once
            assert child.stdin is not None
            child.stdin.write("go\n")
            child.stdin.flush()
        for child in children.values():
            assert child.wait(timeout=60) == 0
    finally:
        for child in children.values():
            child.kill()
            child.wait()
            for stream in (child.stdin, child.stdout):
                if stream:
                    stream.close()
    disk = on_disk(notes_path(folder, brief.id))
    expected: dict[str, set[str]] = {}
    for name, ids in own.items():
        for n in range(50):
            expected.setdefault(ids[n % len(ids)], set()).add(f"{name}{n}")
    assert {item: set(a.tags) for item, a in disk.items()} == expected
    assert sum(len(a.tags) for a in disk.values()) == 100
    # Each process's own changes kept their order on the shared item.
    shared = disk["zelensky"].tags
    for name in own:
        mine = [t for t in shared if t.startswith(name)]
        assert mine == sorted(mine, key=lambda t: int(t[1:]))


# -- a corrupt notes file ------------------------------------------------------------------


GARBAGE = b"format: 1\nbrief: zelensky-security-guarantees\nitems:\n  trump: [unclosed\n"


def set_aside_of(store: NotesStore) -> tuple[Path, str]:
    assert store.set_aside is not None, "the unreadable file was not set aside"
    return store.set_aside


def test_a_corrupt_file_is_set_aside_reported_and_never_overwritten(folder: Path) -> None:
    path = notes_path(folder, FLAGSHIP_ID)
    folder.mkdir()
    path.write_bytes(GARBAGE)

    store = NotesStore(flagship(), folder)
    aside, reason = set_aside_of(store)
    assert aside.parent == folder
    assert CORRUPT_NAME.fullmatch(aside.name), aside.name
    assert aside.read_bytes() == GARBAGE
    assert str(path) in reason
    assert LOCATED.search(reason), f"no line and column in {reason!r}"
    assert store.annotations == {}
    assert not path.exists()
    before = aside.stat()

    store.change("trump", set_note("a fresh start"))
    assert on_disk(path) == store.annotations
    assert aside.read_bytes() == GARBAGE  # untouched
    after = aside.stat()
    assert (after.st_ino, after.st_mtime_ns, after.st_size) == (
        before.st_ino,
        before.st_mtime_ns,
        before.st_size,
    )
    assert NotesStore(flagship(), folder).set_aside is None  # the fresh file reads fine


@pytest.mark.parametrize(
    ("content", "reason_part"),
    [
        (b"\xff\xfe not UTF-8 \x80", "cannot be read"),
        (b"", "empty"),
        (b"- a list\n", "mapping"),
        (
            b"format: 1\nbrief: zelensky-security-guarantees\nitems:\n  trump:\n    estimate: 7\n",
            "estimate",
        ),
    ],
    ids=["not utf-8", "empty", "not a mapping", "breaks the format"],
)
def test_any_unreadable_file_is_set_aside_with_the_reason(folder, content, reason_part) -> None:
    folder.mkdir()
    notes_path(folder, FLAGSHIP_ID).write_bytes(content)
    store = NotesStore(flagship(), folder)
    aside, reason = set_aside_of(store)
    assert aside.read_bytes() == content
    assert reason_part in reason
    assert store.annotations == {}


def test_the_notes_of_another_brief_are_set_aside_not_overwritten(folder: Path) -> None:
    folder.mkdir()
    other = {"trump": replace(flagship_note("trump"), note="about another brief")}
    text = dump_notes("another-brief", other)
    notes_path(folder, FLAGSHIP_ID).write_text(text, encoding="utf-8")
    store = NotesStore(flagship(), folder)
    aside, reason = set_aside_of(store)
    assert "another-brief" in reason and FLAGSHIP_ID in reason
    assert store.annotations == {}
    store.change("trump", toggle_mark("agree"))
    assert aside.read_text(encoding="utf-8") == text
    assert on_disk(notes_path(folder, FLAGSHIP_ID))["trump"].note == ""


def flagship_note(item_id: str) -> Annotation:
    item = flagship().items[item_id]
    return Annotation(item=item_id, anchor=Anchor.of(item), updated=now(), mark="agree")


def test_files_set_aside_in_the_same_second_do_not_overwrite_each_other(folder: Path) -> None:
    folder.mkdir()
    path = notes_path(folder, FLAGSHIP_ID)
    contents = [GARBAGE + f"# {n}\n".encode() for n in range(3)]
    asides = []
    for content in contents:
        path.write_bytes(content)
        asides.append(set_aside_of(NotesStore(flagship(), folder))[0])
    assert len(set(asides)) == 3
    assert [a.read_bytes() for a in asides] == contents
    assert all(CORRUPT_NAME.fullmatch(a.name) for a in asides)


def test_a_file_corrupted_while_the_store_is_open_is_set_aside_at_the_next_change(store) -> None:
    store.change("trump", set_note("kept"))
    kept = store.path.read_bytes()
    store.path.write_bytes(kept[: len(kept) // 2] + b"\n  - [")  # torn by some other program
    broken = store.path.read_bytes()
    store.change("russia", toggle_mark("agree"))
    aside, _reason = set_aside_of(store)
    assert aside.read_bytes() == broken
    assert on_disk(store.path)["russia"].mark == "agree"


# -- undo ----------------------------------------------------------------------------------


def test_undo_reverts_the_last_change(store: NotesStore) -> None:
    store.change("trump", set_note("first words"))
    store.change("trump", set_note("second words"))
    assert store.undo() == "trump"
    assert store.get("trump") is not None and store.get("trump").note == "first words"
    assert on_disk(store.path)["trump"].note == "first words"


def test_undo_of_a_new_annotation_removes_it(store: NotesStore) -> None:
    store.change("russia", toggle_mark("agree"))
    store.change("trump", toggle_mark("doubt"))
    assert store.undo() == "trump"
    assert store.get("trump") is None
    assert sorted(on_disk(store.path)) == ["russia"]


def test_undo_of_a_delete_restores_the_note_exactly(store: NotesStore) -> None:
    store.change("trump", set_note("a long thought\n\nthat matters"))
    store.change("trump", set_tags(("keep",)))
    kept = store.get("trump")
    store.change("trump", delete())
    assert "trump" not in on_disk(store.path)
    assert store.undo() == "trump"
    assert store.get("trump") == kept
    assert on_disk(store.path)["trump"] == kept


def test_several_undos_walk_back_in_order_then_stop(store: NotesStore) -> None:
    store.change("trump", toggle_mark("agree"))
    store.change("russia", set_note("r"))
    store.change("trump", set_note("t"))
    store.change("russia", delete())
    assert store.undo() == "russia"
    assert on_disk(store.path)["russia"].note == "r"
    assert store.undo() == "trump"
    assert on_disk(store.path)["trump"].note == ""
    assert on_disk(store.path)["trump"].mark == "agree"
    assert store.undo() == "russia"
    assert "russia" not in on_disk(store.path)
    assert store.undo() == "trump"
    assert on_disk(store.path) == {}
    assert store.undo() is None
    assert store.undo() is None


def test_undo_with_nothing_to_undo_changes_nothing(store: NotesStore, folder: Path) -> None:
    assert store.undo() is None
    assert not store.path.exists()
    store.change("trump", toggle_mark("agree"))
    other = NotesStore(flagship(), folder)
    assert other.undo() is None  # undo is of the changes made here, not another instance's
    assert on_disk(store.path)["trump"].mark == "agree"


def test_undo_keeps_only_the_last_changes(folder: Path) -> None:
    store = NotesStore(flagship(), folder, undo_depth=2)
    for text in ("1", "2", "3", "4"):
        store.change("trump", set_note(text))
    assert store.undo() == "trump"
    assert store.undo() == "trump"
    assert store.undo() is None
    assert on_disk(store.path)["trump"].note == "2"


# -- stale and orphaned notes, re-attaching ------------------------------------------------


@pytest.fixture
def brief_path(tmp_path: Path) -> Path:
    return copy_flagship(tmp_path / "briefs")


def test_notes_survive_their_item_being_reworded_or_removed(brief_path, folder) -> None:
    store = NotesStore(load_brief(brief_path), folder)
    store.change(REWORDED, set_note("on the old wording"))
    store.change(REMOVABLE[0], set_note("on a removed quote"))
    reword(brief_path, REWORDED_TEXT, "Has now formally signed off on sending US troops.")
    changed = remove_item(brief_path, REMOVABLE[0])

    reopened = NotesStore(changed, folder)
    result = review(reopened.annotations, changed)
    assert [a.item for a in result.stale] == [REWORDED]
    assert [a.item for a in result.orphans] == [REMOVABLE[0]]
    assert result.stale[0].anchor.text == REWORDED_TEXT  # the old text, to show
    # Changing a stale note keeps it stale: only the reader's explicit choice re-anchors it.
    reopened.change(REWORDED, toggle_mark("agree"))
    assert status(reopened.annotations[REWORDED], changed) is Status.STALE
    # An orphan can still be changed, and deleted by explicit choice.
    reopened.change(REMOVABLE[0], toggle_flag("star"))
    assert on_disk(reopened.path)[REMOVABLE[0]].note == "on a removed quote"
    reopened.change(REMOVABLE[0], delete())
    assert REMOVABLE[0] not in on_disk(reopened.path)


def orphaned(brief_path: Path, folder: Path) -> NotesStore:
    """A store whose note on the quote REMOVABLE[0] lost its item."""
    store = NotesStore(load_brief(brief_path), folder)
    store.change(REMOVABLE[0], set_note("what I thought of it"))
    store.change(REMOVABLE[0], toggle_mark("doubt"))
    store.change(REMOVABLE[0], set_tags(("progress",)))
    return NotesStore(remove_item(brief_path, REMOVABLE[0]), folder)


def test_an_orphan_can_be_reattached_to_another_item(brief_path, folder) -> None:
    store = orphaned(brief_path, folder)
    target = "witkoff-x-progress"
    moved = store.reattach(REMOVABLE[0], target)
    assert moved is not None
    assert (moved.note, moved.mark, moved.tags) == ("what I thought of it", "doubt", ("progress",))
    assert moved.item == target
    assert moved.anchor == Anchor.of(store.brief.items[target])
    assert status(moved, store.brief) is Status.CURRENT
    assert store.get(REMOVABLE[0]) is None
    disk = on_disk(store.path)
    assert sorted(disk) == [target]
    assert disk[target] == moved
    assert NotesStore(store.brief, folder).annotations == {target: moved}


def test_reattaching_onto_an_item_with_notes_of_its_own_is_refused(brief_path, folder) -> None:
    store = orphaned(brief_path, folder)
    store.change("witkoff-x-progress", set_note("my own note here"))
    before_file = store.path.read_bytes()
    before = dict(store.annotations)
    with pytest.raises(ValueError):
        store.reattach(REMOVABLE[0], "witkoff-x-progress")
    assert store.path.read_bytes() == before_file
    assert store.annotations == before


def test_reattaching_to_an_unknown_item_is_refused(brief_path, folder) -> None:
    store = orphaned(brief_path, folder)
    before_file = store.path.read_bytes()
    with pytest.raises(KeyError):
        store.reattach(REMOVABLE[0], "no-such-item")
    with pytest.raises(KeyError):
        store.reattach("no-note-here", "witkoff-x-progress")
    assert store.path.read_bytes() == before_file


def test_undo_restores_a_deleted_orphan(brief_path, folder) -> None:
    store = orphaned(brief_path, folder)
    kept = store.get(REMOVABLE[0])
    store.change(REMOVABLE[0], delete())
    assert store.undo() == REMOVABLE[0]
    assert store.get(REMOVABLE[0]) == kept
    assert on_disk(store.path)[REMOVABLE[0]] == kept


def test_undo_walks_back_a_reattach(brief_path, folder) -> None:
    store = orphaned(brief_path, folder)
    before = dict(store.annotations)
    store.reattach(REMOVABLE[0], "witkoff-x-progress")
    while store.undo() is not None:
        pass
    assert store.annotations == before
    assert on_disk(store.path) == before


# -- where the notes live ------------------------------------------------------------------


def test_notes_dir_prefers_the_explicit_folder(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(NOTES_ENV, str(tmp_path / "from-env"))
    assert notes_dir(tmp_path / "explicit") == tmp_path / "explicit"
    store = NotesStore(flagship(), tmp_path / "explicit")
    store.change("trump", toggle_mark("agree"))
    assert (tmp_path / "explicit" / NOTES_NAME).exists()
    assert not (tmp_path / "from-env").exists()


def test_notes_dir_then_the_environment_variable(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(NOTES_ENV, str(tmp_path / "from-env"))
    assert notes_dir() == tmp_path / "from-env"
    NotesStore(flagship()).change("trump", toggle_mark("agree"))
    assert on_disk(tmp_path / "from-env" / NOTES_NAME)["trump"].mark == "agree"


@pytest.mark.parametrize("env_value", [None, ""])
def test_notes_dir_else_the_user_data_dir(tmp_path, monkeypatch, env_value) -> None:
    if env_value is None:
        monkeypatch.delenv(NOTES_ENV, raising=False)
    else:
        monkeypatch.setenv(NOTES_ENV, env_value)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    expected = Path(platformdirs.user_data_dir("briefing-tui")) / "notes"
    assert notes_dir() == expected
    if sys.platform.startswith("linux"):
        assert expected == tmp_path / "data" / "briefing-tui" / "notes"
        store = NotesStore(flagship())
        assert store.path == expected / NOTES_NAME


def test_refresh_takes_what_another_store_wrote_and_says_so(store: NotesStore, folder) -> None:
    other = NotesStore(flagship(), folder)  # another screen, or another app, on the brief
    assert store.refresh() is False  # nothing new
    other.change("trump", toggle_flag("star"))
    assert store.get("trump") is None  # not seen until refreshed
    assert store.refresh() is True
    assert store.get("trump").flags == ("star",)
    store.change("trump", toggle_flag("star"))  # acting on what is on disk: the star goes
    assert other.refresh() is True
    assert other.get("trump") is None
