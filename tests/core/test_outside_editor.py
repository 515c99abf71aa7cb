"""Editing a note in the reader's own editor: which command, the private file, what comes back."""

from __future__ import annotations

import shlex
import sys
import tempfile
from pathlib import Path

import pytest
from editorkit import fake_editor, seen_by_editor

from briefing_tui.core.notes import outside_editor
from briefing_tui.core.notes.outside_editor import EditorFailed, edit_in_editor, editor_command


def test_the_setting_comes_first_then_visual_then_editor_split_like_a_shell():
    both = {"VISUAL": "vim -u 'my vimrc'", "EDITOR": "nano"}
    assert editor_command("code --wait", both) == ["code", "--wait"]
    assert editor_command("", both) == ["vim", "-u", "my vimrc"]
    assert editor_command("  ", {"EDITOR": "nano"}) == ["nano"]


def test_no_editor_or_an_unreadable_command_says_what_to_do():
    with pytest.raises(EditorFailed, match="No editor is set: set 'editor' in the config"):
        editor_command("", {})
    with pytest.raises(EditorFailed, match="The 'editor' setting is not a command"):
        editor_command("vim 'unclosed", {})
    with pytest.raises(EditorFailed, match=r"\$VISUAL is not a command .*␛"):
        editor_command("", {"VISUAL": "vim '\x1b"})


def test_the_text_goes_through_a_private_file_that_is_removed_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    command = shlex.split(fake_editor(tmp_path / "bin"))
    assert edit_in_editor(command, "My note") == "My note edited outside"
    seen = seen_by_editor(tmp_path / "bin")
    assert seen["args"][0] == "--wait"  # the command's own argument, then the file
    assert seen["args"][1].endswith(".md") and seen["args"][1].startswith(str(tmp_path / "tmp"))
    assert seen["mode"] == 0o600
    assert seen["text"] == "My note"
    assert list((tmp_path / "tmp").iterdir()) == []  # removed


def test_a_line_feed_added_at_the_end_is_dropped_unless_the_text_had_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    command = shlex.split(fake_editor(tmp_path))
    monkeypatch.setenv("FAKE_EDITOR_ADDS", "\n")
    assert edit_in_editor(command, "one line") == "one line"
    assert edit_in_editor(command, "two lines\n") == "two lines\n\n"


def test_a_failing_editor_raises_and_removes_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("FAKE_EDITOR_EXIT", "3")
    command = shlex.split(fake_editor(tmp_path))
    with pytest.raises(EditorFailed, match=r"failed \(exit status 3\)"):
        edit_in_editor(command, "kept")
    assert not Path(str(seen_by_editor(tmp_path)["args"][-1])).exists()


def test_a_note_saved_in_another_encoding_is_refused(tmp_path: Path):
    latin = tmp_path / "latin.py"
    latin.write_text("import sys\nopen(sys.argv[1], 'wb').write('café'.encode('latin-1'))\n")
    with pytest.raises(EditorFailed, match="not UTF-8"):
        edit_in_editor([sys.executable, str(latin)], "kept")


def test_a_missing_editor_or_one_that_replaces_the_file_by_a_fifo_is_refused(tmp_path: Path):
    with pytest.raises(EditorFailed, match="'no-such-editor-here' was not found"):
        edit_in_editor(["no-such-editor-here"], "kept")
    swap = tmp_path / "swap.py"
    swap.write_text("import os, sys\nos.remove(sys.argv[1])\nos.mkfifo(sys.argv[1])\n")
    with pytest.raises(EditorFailed, match="not a regular file"):
        edit_in_editor([sys.executable, str(swap)], "kept")  # must not wait for a writer
    gone = tmp_path / "gone.py"
    gone.write_text("import os, sys\nos.remove(sys.argv[1])\n")
    with pytest.raises(EditorFailed, match="removed the note's file"):
        edit_in_editor([sys.executable, str(gone)], "kept")


def test_an_edited_note_over_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(outside_editor, "MAX_BYTES", 100)
    monkeypatch.setenv("FAKE_EDITOR_ADDS", "x" * 200)
    with pytest.raises(EditorFailed, match="over the limit"):
        edit_in_editor(shlex.split(fake_editor(tmp_path)), "kept")
