"""Notes at scale: the save latency of one annotation change with 10,000 notes in the file, the
time to export 10,000 notes to Markdown (target: < 0.5 s), and in the app, what a mark costs the
UI thread with 1,000, 10,000 and 50,000 notes (target: one frame, ~16 ms, whatever the size).

    python bench/notes.py [--items 10000] [--changes 50] [--repeat 5]
    python bench/notes.py --ui [--positions 20000] [--notes 1000,10000,50000] [--marks 20]

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

from briefing_tui.core.brief.model import Brief
from briefing_tui.core.export.document import export_markdown
from briefing_tui.core.export.file import write_export
from briefing_tui.core.load.loader import load_brief
from briefing_tui.core.notes.annotations import Annotation, accepts_estimate, blank
from briefing_tui.core.notes.edits import set_note, toggle_mark
from briefing_tui.core.notes.file import dump_notes
from briefing_tui.core.notes.folder import notes_path
from briefing_tui.core.notes.store import NotesStore

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


UI_CHILD = r"""
import asyncio, json, sys, time
from pathlib import Path
from textual import events
from briefing_tui.core.load.loader import load_brief
from briefing_tui.core.load.strict_yaml import Limits
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.screens.annotating import AnnotatingScreen
from briefing_tui.tui.widgets.items import ItemList

brief_path, notes_folder, marks = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
brief = load_brief(brief_path, limits=Limits(max_bytes=1 << 30, max_nodes=50_000_000))
ui_wall: list[float] = []
ui_cpu: list[float] = []
real_mark = AnnotatingScreen.action_mark
real_highlighted = ItemList.watch_highlighted
moved: list[float] = []

def timed_mark(self, mark):
    wall, cpu = time.perf_counter(), time.thread_time()
    real_mark(self, mark)
    ui_wall.append(time.perf_counter() - wall)
    ui_cpu.append(time.thread_time() - cpu)

def timed_highlighted(self, highlighted):
    real_highlighted(self, highlighted)
    moved.append(time.perf_counter())

AnnotatingScreen.action_mark = timed_mark
ItemList.watch_highlighted = timed_highlighted

async def next_key(pilot, first: str) -> float:
    # ``first`` then j in one burst, as a terminal delivers typed-ahead keys: how long until
    # j moved the cursor, with the writer at work after a mark (first = a) or not (first = j).
    await pilot.pause()
    moved.clear()
    start = time.perf_counter()
    for key in (first, "j"):
        pilot.app.post_message(events.Key(key, key))
    while len(moved) < (2 if first == "j" else 1):
        await asyncio.sleep(0.0005)
    return moved[-1] - start

async def run() -> dict:
    app = BriefingApp(brief=brief, notes_dir=notes_folder)
    opened = time.perf_counter()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        opening = time.perf_counter() - opened
        await pilot.press("4")
        store = app.screen.notes
        after_mark, after_move, durable = [], [], []
        for number in range(marks):
            after_move.append(await next_key(pilot, "j"))
            start = time.perf_counter()
            after_mark.append(await next_key(pilot, "a"))
            assert store.flush(60), store.error
            durable.append(time.perf_counter() - start)
        return {
            "open": opening,
            "ui_wall_ms": [t * 1000 for t in ui_wall],
            "ui_cpu_ms": [t * 1000 for t in ui_cpu],
            "after_mark_ms": [t * 1000 for t in after_mark],
            "after_move_ms": [t * 1000 for t in after_move],
            "durable_ms": [t * 1000 for t in durable],
        }

print(json.dumps(asyncio.run(run())))
"""


def ui_figures(args: argparse.Namespace) -> None:
    """What a mark costs the app's UI thread, and how long until it is in the file."""
    import json
    import subprocess

    from briefing_tui.core.load.strict_yaml import Limits

    counts = [int(n) for n in args.notes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        items = int(args.positions * 2.2)  # synthetic briefs: about 45% of items are positions
        brief_path = write_brief(folder / "brief", items)
        limits = Limits(max_bytes=1 << 30, max_nodes=50_000_000)
        brief = load_brief(brief_path, limits=limits)
        print(
            f"brief: {len(brief.items):,} items, {len(brief.positions):,} positions,"
            f" {brief_path.stat().st_size / 1e6:.0f} MB"
        )
        every = annotations(brief, random.Random(3), markup_share=0.2)
        ids = list(every)
        print(
            "notes    file     open   mark on the UI thread      next key handled after:"
            " mark / move   until durable"
        )
        for count in counts:
            chosen = {i: every[i] for i in ids[:count]}
            missing = count - len(chosen)  # more notes than items: the rest are orphans
            for n in range(missing):
                orphan = dataclasses.replace(every[ids[n % len(ids)]], item=f"gone-{n}")
                chosen[orphan.item] = orphan
            notes_folder = folder / f"notes-{count}"
            path = notes_path(notes_folder, brief.id)
            path.parent.mkdir()
            path.write_text(dump_notes(brief.id, chosen), encoding="utf-8")
            done = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    UI_CHILD,
                    str(brief_path),
                    str(notes_folder),
                    str(args.marks),
                ],
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode != 0:
                print(done.stderr[-2000:])
                continue
            got = json.loads(done.stdout.strip().splitlines()[-1])
            median = statistics.median
            wall, cpu = got["ui_wall_ms"], got["ui_cpu_ms"]
            mark, move = median(got["after_mark_ms"]), median(got["after_move_ms"])
            print(
                f"{count:>6,}  {path.stat().st_size / 1e6:>5.1f} MB  {got['open']:>5.1f} s"
                f"   {median(wall):5.1f} ms (CPU {median(cpu):4.1f}, max {max(wall):5.1f})"
                f"   {mark:6.1f} / {move:6.1f} ms ({mark / move:4.2f}x)"
                f"   {median(got['durable_ms']):7.1f} ms"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--changes", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--ui", action="store_true", help="time marks in the app instead")
    parser.add_argument("--positions", type=int, default=20_000)
    parser.add_argument("--notes", default="1000,10000,50000")
    parser.add_argument("--marks", type=int, default=20)
    args = parser.parse_args()
    if args.ui:
        ui_figures(args)
        return
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
