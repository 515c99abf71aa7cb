"""read_regular: only regular files, the size limit checked on the open file, never a hang."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing_tui.core.load.textfile import FileTooLarge, NotARegularFile, read_regular


def test_a_regular_file_is_read_whole(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 100)
    assert read_regular(path, 100) == b"x" * 100


def test_a_fifo_is_refused_at_once_without_waiting_for_a_writer(tmp_path: Path):
    fifo = tmp_path / "brief.yaml"
    os.mkfifo(fifo)
    with pytest.raises(NotARegularFile, match="FIFO"):
        read_regular(fifo, 1000)


def test_a_device_and_a_link_to_it_are_refused_without_reading(tmp_path: Path):
    link = tmp_path / "article.txt"
    link.symlink_to("/dev/zero")
    for path in (Path("/dev/zero"), link):
        with pytest.raises(NotARegularFile, match="character device"):
            read_regular(path, 1000)


def test_a_folder_is_refused(tmp_path: Path):
    with pytest.raises(NotARegularFile, match="folder"):
        read_regular(tmp_path, 1000)


def test_a_file_over_the_limit_is_refused_by_its_size(tmp_path: Path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"x" * 101)
    with pytest.raises(FileTooLarge, match="101 bytes, over the limit of 100"):
        read_regular(path, 100)
