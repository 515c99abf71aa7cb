"""Live reload's question, "did the brief's files change?", answered by their stat."""

from __future__ import annotations

import os

from briefing_tui.core.library.watch import brief_files, signature
from briefing_tui.core.load.loader import load_brief


def test_an_edit_a_removal_and_a_touch_change_the_signature(write_brief):
    path = write_brief()
    brief = load_brief(path)
    files = brief_files(brief)
    assert files == (path, path.parent / brief.source.text)
    before = signature(files)
    assert signature(files) == before  # nothing changed

    article = files[1]
    article.write_text(article.read_text(encoding="utf-8") + "\n\nMore.\n", encoding="utf-8")
    edited = signature(files)
    assert edited != before

    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # a touch
    assert signature(files) != edited

    article.unlink()
    assert signature(files)[1] is None
