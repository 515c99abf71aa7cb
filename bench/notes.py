"""Notes at scale: the save latency of one annotation change with 10,000 notes in the file, and
the time to export 10,000 notes to Markdown (target: < 0.5 s).

    python bench/notes.py [--items 10000] [--changes 50] [--repeat 5]

A synthetic brief of ``--items`` items gets one annotation on every item (a mark on most, tags,
estimates on questions, a note of one or two sentences; one note in five uses inline Markdown,
which takes the exporter's slower path). Prints, never asserts:

- opening the store (reading and parsing the notes file), then the first change after opening
  and the median and slowest of ``--changes`` further changes through ``NotesStore.change``
  (each rewrites the whole file atomically, with fsync);
- the export: median of ``--repeat`` runs of ``export_markdown``, the same with Markdown in
  every note, and ``write_export`` (the file written atomically) once.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gc
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import WORDS, write_brief

from briefing_tui.core.annotations import Annotation, accepts_estimate, blank
from briefing_tui.core.export import export_markdown, write_export
from briefing_tui.core.loader import load_brief
from briefing_tui.core.model import Brief
from briefing_tui.core.notefile import dump_notes
from briefing_tui.core.notestore import NotesStore, notes_path, set_note, toggle_mark

MARKS = (None, "agree", "disagree", "doubt")


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def annotations(brief: Brief, rng: random.Random, markup_share: float) -> dict[str, Annotation]:
    """One annotation per item of ``brief``."""
    stamp = dt.datetime(2026, 1, 12, 9, 30, tzinfo=dt.UTC)
    found: dict[str, Annotation] = {}
    for item in brief.items.values():
        note = sentence(rng, rng.randint(6, 18))
        if rng.random() < 0.3:
            note += "\n" + sentence(rng, rng.randint(6, 18))
        if rng.random() < markup_share:
            note = f"**{rng.choice(WORDS)}**: {note} See [source](https://example.com/{item.id})."
        found[item.id] = dataclasses.replace(
            blank(item),
            updated=stamp,
            mark=rng.choice(MARKS),
            flags=("star",) if rng.random() < 0.1 else (),
            tags=tuple(rng.sample(WORDS, rng.randint(0, 2))),
            note=note,
            estimate=round(rng.random(), 2) if accepts_estimate(item) else None,
        )
    return found


def timed(function: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--changes", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        brief = load_brief(write_brief(folder / "brief", args.items))
        notes = annotations(brief, rng, markup_share=0.2)
        path = notes_path(folder / "notes", brief.id)
        path.parent.mkdir()
        path.write_text(dump_notes(brief.id, notes), encoding="utf-8")
        print(
            f"brief: {len(brief.items):,} items; notes file: {len(notes):,} notes,"
            f" {path.stat().st_size / 1e6:.1f} MB"
        )

        # -- saving -------------------------------------------------------------------------
        stores: list[NotesStore] = []
        opening = timed(lambda: stores.append(NotesStore(brief, folder / "notes")))
        store = stores[0]
        ids = sorted(brief.items)
        first = timed(lambda: store.change(rng.choice(ids), toggle_mark("agree")))
        changes = []
        for number in range(args.changes):
            item_id = rng.choice(ids)
            edit = toggle_mark("doubt") if number % 2 else set_note(sentence(rng, 12))
            changes.append(timed(lambda i=item_id, e=edit: store.change(i, e)))
        print(f"open the store (read and parse the file): {ms(opening)}")
        print(f"save, first change after opening:          {ms(first)}")
        median = statistics.median(changes)
        print(
            f"save, per change over {args.changes} changes:          median {ms(median)},"
            f" slowest {ms(max(changes))}"
        )

        # -- exporting ----------------------------------------------------------------------
        exported = dt.datetime(2026, 1, 20, 10, 0, tzinfo=dt.UTC)
        current = dict(store.annotations)
        texts: list[str] = []
        cold = timed(lambda: texts.append(export_markdown(brief, current, exported=exported)))
        runs = [
            timed(lambda: export_markdown(brief, current, exported=exported))
            for _ in range(args.repeat)
        ]
        marked_up = annotations(brief, random.Random(2), markup_share=1.0)
        heavy = [
            timed(lambda: export_markdown(brief, marked_up, exported=exported))
            for _ in range(args.repeat)
        ]
        target = folder / "export.md"
        write = timed(lambda: write_export(target, brief, current, exported=exported))
        rewrite = timed(lambda: write_export(target, brief, current, exported=exported))
        print(
            f"export {len(current):,} notes (1 in 5 with Markdown): median"
            f" {ms(statistics.median(runs))} (first run {ms(cold)}; target < 500 ms),"
            f" {len(texts[0]) / 1e6:.1f} MB of Markdown"
        )
        print(
            f"export {len(marked_up):,} notes, Markdown in every note: median"
            f" {ms(statistics.median(heavy))}"
        )
        print(
            f"write_export to a new file: {ms(write)}; over that export (checked, kept region"
            f" carried): {ms(rewrite)}"
        )


if __name__ == "__main__":
    main()
