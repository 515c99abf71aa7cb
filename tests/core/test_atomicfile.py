"""write_atomic: through symbolic links, with the user's umask, refusing what is not a file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from briefing_tui.core.text.atomicfile import remove_stale_temporaries, write_atomic


def test_a_symbolic_link_is_written_through_to_its_target_and_stays_a_link(tmp_path: Path):
    synced = tmp_path / "synced"
    synced.mkdir()
    target = synced / "brief.notes.yaml"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "notes" / "brief.notes.yaml"
    link.parent.mkdir()
    link.symlink_to(target)

    write_atomic(link, "new\n")

    assert link.is_symlink(), "the link was replaced by a regular file"
    assert target.read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in synced.iterdir()) == ["brief.notes.yaml"]


def test_a_chain_of_links_and_a_dangling_link_reach_the_final_file(tmp_path: Path):
    final = tmp_path / "final.yaml"
    middle = tmp_path / "middle.yaml"
    first = tmp_path / "first.yaml"
    middle.symlink_to(final)
    first.symlink_to(middle)

    write_atomic(first, "text\n")  # final does not exist yet: it is created, links stay

    assert first.is_symlink() and middle.is_symlink()
    assert final.read_text(encoding="utf-8") == "text\n"


def test_a_new_file_gets_the_umask_mode_and_a_replaced_file_keeps_its_own(tmp_path: Path):
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "new.txt", "x")
        private = tmp_path / "private.txt"
        private.write_text("x", encoding="utf-8")
        private.chmod(0o600)
        write_atomic(private, "y")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o640
    assert stat.S_IMODE(private.stat().st_mode) == 0o600


def test_a_fifo_or_folder_at_the_path_is_refused_and_left_alone(tmp_path: Path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="not a regular file"):
        write_atomic(fifo, "x")
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    with pytest.raises(OSError, match="not a regular file"):
        write_atomic(folder, "x")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_stale_temporaries_of_the_file_are_removed_and_nothing_else(tmp_path: Path):
    path = tmp_path / "b.notes.yaml"
    path.write_text("notes\n", encoding="utf-8")
    stale = [tmp_path / ".b.notes.yaml.abcd1234.tmp", tmp_path / ".b.notes.yaml.x_y.tmp"]
    for leftover in stale:
        leftover.write_text("half", encoding="utf-8")
    others = [tmp_path / ".other.notes.yaml.abcd.tmp", tmp_path / "b.notes.yaml.corrupt-1"]
    for keep in others:
        keep.write_text("keep", encoding="utf-8")

    removed = remove_stale_temporaries(path)

    assert sorted(removed) == sorted(stale)
    assert all(not p.exists() for p in stale)
    assert all(p.exists() for p in [path, *others])
