"""Searching a library: building the index of N briefs, then the time of each kind of query.

    python bench/search.py [--briefs 1000] [--items 50] [--repeat 5]

Generates ``--briefs`` synthetic briefs of about ``--items`` items (bench/synthetic.py: every
brief uses the same 31 words, so no brief can be skipped for lacking a word: a worst case), with
publication dates spread over three years and notes on one item in five of one brief in four.
Prints, never asserts: the index build (reading every notes file read-only), then the median of
``--repeat`` runs of each query with its hit count. Target: every query well under 0.3 s.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import WORDS, write_brief

from briefing_tui.core.library.entries import LibraryEntry
from briefing_tui.core.load.loader import load_brief
from briefing_tui.core.notes.annotations import blank
from briefing_tui.core.notes.file import dump_notes
from briefing_tui.core.notes.folder import notes_path
from briefing_tui.core.search.index import SearchIndex

QUERIES = (
    "ceasefire",
    "security guarantees",
    "ceasefire troops border sanctions",
    "nosuchword",
    "actor:actor-3",
    "actor:actor-number-3 peace",
    "#follow",
    "is:agree",
    "is:note peace",
    "after:2025-06-01 before:2025-12-31",
    "after:2025-06 is:marked trade",
)


def build_library(folder: Path, notes: Path, briefs: int, items: int) -> list[LibraryEntry]:
    """Write and load ``briefs`` briefs, with notes on some of their items."""
    rng = random.Random(7)
    start = dt.date(2023, 1, 1)
    entries = []
    for number in range(briefs):
        path = write_brief(folder, items=items, seed=number, name=f"brief-{number:05d}")
        published = start + dt.timedelta(days=rng.randrange(3 * 365))
        text = path.read_text(encoding="utf-8").replace(
            "published: 2026-01-09", f"published: {published.isoformat()}"
        )
        path.write_text(text, encoding="utf-8")
        brief = load_brief(path)
        if number % 4 == 0:
            chosen = [item for item in brief.items.values() if rng.random() < 0.2]
            annotations = {
                item.id: dataclasses.replace(
                    blank(item),
                    mark=rng.choice(("agree", "disagree", "doubt", None)),
                    tags=(rng.choice(("follow", "check", "key")),),
                    note=" ".join(rng.choice(WORDS) for _ in range(12)),
                )
                for item in chosen
            }
            notes_path(notes, brief.id).write_text(
                dump_notes(brief.id, annotations), encoding="utf-8"
            )
        entries.append(LibraryEntry(path, brief))
    return entries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", type=int, default=1000)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder, notes = Path(tmp) / "library", Path(tmp) / "notes"
        notes.mkdir()
        began = time.perf_counter()
        entries = build_library(folder, notes, args.briefs, args.items)
        print(f"generated and loaded {len(entries)} briefs in {time.perf_counter() - began:.1f} s")
        began = time.perf_counter()
        index = SearchIndex.from_library(entries, notes)
        built = time.perf_counter() - began
        print(
            f"index of {index.brief_count} briefs, {index.item_count} items and titles:"
            f" built in {built * 1000:.0f} ms (notes read too)"
        )
        for query in QUERIES:
            times = []
            for _ in range(args.repeat):
                began = time.perf_counter()
                results = index.search(query, limit=50)
                times.append(time.perf_counter() - began)
            print(
                f"  {query!r:40} {statistics.median(times) * 1000:7.1f} ms median,"
                f" {max(times) * 1000:7.1f} ms slowest: {results.total} hits"
                f" in {results.briefs} briefs"
            )


if __name__ == "__main__":
    main()
