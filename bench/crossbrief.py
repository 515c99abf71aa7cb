"""Actors and issues across a library: the time to build the cross-brief index (target: well
under 0.5 s for 1,000 briefs of about 50 items).

    python bench/crossbrief.py [--briefs 1000] [--repeat 5]

Briefs are built in memory (the index reads records, not files): each has 10 actors and 5
issues drawn from a pool shared by the library (so the same ids recur across briefs), one actor
in ten with an alias to another id of the pool, and 35 positions. Prints, never asserts: the
median and slowest of ``--repeat`` builds, and one query of each kind.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time
from pathlib import Path

from briefing_tui.core.brief.model import Actor, Brief, Evidence, Issue, Position, Source
from briefing_tui.core.library.across import build_index
from briefing_tui.core.library.entries import LibraryEntry

ACTOR_POOL, ISSUE_POOL = 2_000, 400


def library(count: int, seed: int = 1) -> list[LibraryEntry]:
    """``count`` briefs of 50 items each, with ids shared across briefs and some aliases."""
    rng = random.Random(seed)
    entries = []
    for number in range(count):
        actor_ids = rng.sample(range(ACTOR_POOL), 10)
        actors = tuple(
            Actor(
                id=f"actor-{a}",
                name=f"Actor {a}",
                kind="person",
                aliases=(f"actor-{rng.randrange(ACTOR_POOL)}",) if rng.random() < 0.1 else (),
            )
            for a in actor_ids
        )
        issues = tuple(
            Issue(id=f"issue-{i}", title=f"Issue {i}") for i in rng.sample(range(ISSUE_POOL), 5)
        )
        positions = tuple(
            Position(
                id=f"position-{p}",
                actor=rng.choice(actors).id,
                issue=rng.choice(issues).id,
                stance=f"Stance {p} of brief {number}.",
                attribution="stated",
                evidence=(Evidence(para=1),),
            )
            for p in range(35)
        )
        published = None if number % 10 == 0 else dt.date(2020, 1, 1) + dt.timedelta(number)
        brief = Brief(
            format=1,
            id=f"brief-{number}",
            title=f"Brief {number}",
            source=Source(title="Article", published=published, url=None, text="a.txt"),
            actors=actors,
            issues=issues,
            positions=positions,
        )
        entries.append(LibraryEntry(Path(f"brief-{number}.yaml"), brief))
    return entries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    entries = library(args.briefs)
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        index = build_index(entries)
        times.append(time.perf_counter() - start)
    print(
        f"build_index, {args.briefs:,} briefs of 50 items: median"
        f" {statistics.median(times) * 1000:.0f} ms, slowest {max(times) * 1000:.0f} ms"
    )
    actor = index.actor_key("actor-7")
    issue = index.issue_key("issue-7")
    start = time.perf_counter()
    stances = index.stances(actor)
    groups = index.positions_on(issue)
    took = (time.perf_counter() - start) * 1000
    print(
        f"queries: {len(stances)} stances of one actor, {len(groups)} actors on one issue:"
        f" {took:.2f} ms"
    )


if __name__ == "__main__":
    main()
