"""Helpers for the notes tests: copies of the flagship brief to edit, and annotation builders.

Stale and orphaned notes come from editing a brief under existing notes, so tests copy the
flagship brief and its article into ``tmp_path``, change the copy (``reword``, ``remove_item``)
and load it again.
"""

from __future__ import annotations

import datetime as dt
import functools
import shutil
from pathlib import Path

from paths import FLAGSHIP

from briefing_tui.core.brief.model import Brief
from briefing_tui.core.load.loader import load_brief
from briefing_tui.core.notes.annotations import Anchor, Annotation, text_hash
from briefing_tui.core.notes.file import parse_notes

#: Items of the flagship brief that nothing else refers to, so a copy without them still loads.
REMOVABLE = ("witkoff-claims-progress", "europeans-hawkish-bluster", "tyler-durden")
#: A position whose stance a test rewords, with its text in the flagship file.
REWORDED = "trump-not-signed-off"
REWORDED_TEXT = "Has not formally signed off on sending US troops."
#: A question (the only kind of item that takes an estimate).
QUESTION = "us-sign-off"

STAMP = dt.datetime(2026, 1, 9, 12, 30, 5, tzinfo=dt.UTC)


@functools.cache
def flagship() -> Brief:
    """The flagship brief as shipped (loaded once; briefs are immutable)."""
    return load_brief(FLAGSHIP)


def copy_flagship(folder: Path) -> Path:
    """Copy the flagship brief and its article into ``folder``; return the brief's path."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(FLAGSHIP, folder / FLAGSHIP.name)
    shutil.copy(FLAGSHIP.with_suffix(".txt"), folder / FLAGSHIP.with_suffix(".txt").name)
    return folder / FLAGSHIP.name


def reword(brief_path: Path, old: str, new: str) -> Brief:
    """Replace ``old`` (which must occur once) by ``new`` in a brief file; return it reloaded."""
    text = brief_path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    brief_path.write_text(text.replace(old, new), encoding="utf-8")
    return load_brief(brief_path)


def remove_item(brief_path: Path, item_id: str) -> Brief:
    """Delete one item (its ``- id:`` line and the lines indented under it); return it reloaded."""
    lines = brief_path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index(f"  - id: {item_id}\n")
    end = start + 1
    while end < len(lines) and lines[end].startswith("    "):
        end += 1
    brief_path.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")
    brief = load_brief(brief_path)
    assert brief.item(item_id) is None
    return brief


def annotation(item: str, anchor_text: str = "anchored text", **fields: object) -> Annotation:
    """An annotation with a fixed timestamp, for format tests."""
    return Annotation(
        item=item,
        anchor=Anchor(anchor_text, text_hash(anchor_text)),
        updated=fields.pop("updated", STAMP),  # type: ignore[arg-type]
        **fields,  # type: ignore[arg-type]
    )


def on_disk(path: Path) -> dict[str, Annotation]:
    """The annotations in a notes file, read with the strict parser (raises on a bad file)."""
    _brief_id, annotations = parse_notes(path.read_text(encoding="utf-8"), str(path))
    return annotations


# -- a change sequence whose every prefix is recognisable (atomicity tests) ------------------


def note_for(version: int) -> str:
    """The note written by change number ``version``: its number, then a varying number of
    lines, so the file grows and shrinks and a torn write cannot pass for a whole one."""
    lines = "".join(f"line {n} of change {version}\n" for n in range(version % 37))
    return f"change {version}\n{lines}"


def version_of(note: str) -> int:
    """The change number written in a note by :func:`note_for`."""
    first = note.split("\n", 1)[0]
    assert first.startswith("change "), f"not a note of the change sequence: {note!r}"
    return int(first.removeprefix("change "))


def state_after(count: int, item_ids: list[str]) -> dict[str, str]:
    """Notes by item after the first ``count`` changes (change k sets item k % len)."""
    state: dict[str, str] = {}
    for version in range(max(0, count - len(item_ids)), count):
        state[item_ids[version % len(item_ids)]] = note_for(version)
    return state
