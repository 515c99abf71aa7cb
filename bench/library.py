"""Opening a library of many briefs: cold (parse cache empty) against warm (cache filled).

    python bench/library.py [--briefs 1000] [--items 50] [--repeat 3]

Generates the library in a temporary folder, then times, each in a fresh process:

- *core*: finding and loading every brief, as `briefing-tui search` and the library worker do;
- *app*: the reader started headless on the folder until its list is complete.

Prints cold and warm medians, their ratio (target for warm app: under 1 s) and the peak RSS of
the measured processes, and the figure without any cache for reference.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_brief

CHILD = r"""
import asyncio, json, resource, sys, time
start = time.perf_counter()
from pathlib import Path
from briefing_tui.core.library.cache import BriefCache
from briefing_tui.core.library.discover import find_briefs
mode, folder, cache_dir = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
cache = BriefCache(Path(cache_dir)) if cache_dir != "-" else None
if mode == "core":
    from briefing_tui.core.library.entries import iter_library
    entries = list(iter_library(find_briefs([folder]), cache=cache))
    count = len(entries)
else:
    from briefing_tui.tui.app import BriefingApp
    from briefing_tui.tui.screens.library import LibraryScreen
    async def run() -> int:
        app = BriefingApp(library=(str(folder), find_briefs([folder])), cache=cache)
        async with app.run_test(size=(120, 40)) as pilot:
            while not isinstance(app.screen, LibraryScreen) or app.screen.listing:
                await pilot.pause(0.01)
            return len(app.screen.entries)
    count = asyncio.run(run())
elapsed = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": elapsed, "count": count, "rss_kb": rss}))
"""


def measure(mode: str, folder: Path, cache: Path | None) -> dict[str, float]:
    """One fresh process opening ``folder``; the cache folder is left as the run leaves it."""
    result = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(folder), str(cache) if cache else "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", type=int, default=1000)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "library"
        day = dt.date(2026, 1, 1)
        for index in range(args.briefs):
            published = (day - dt.timedelta(days=index % 700)).isoformat()
            write_brief(
                folder, args.items, seed=index, name=f"brief-{index:04d}", published=published
            )
        size = sum(p.stat().st_size for p in folder.iterdir())
        print(
            f"library: {args.briefs} briefs of ~{args.items} items,"
            f" {size / 1e6:.1f} MB of YAML and text"
        )
        cache = Path(temp) / "cache"
        for mode in ("core", "app"):
            cold: list[float] = []
            warm: list[float] = []
            rss: list[float] = []
            for _ in range(args.repeat):
                shutil.rmtree(cache, ignore_errors=True)
                first = measure(mode, folder, cache)
                second = measure(mode, folder, cache)
                assert first["count"] == second["count"] == args.briefs, (first, second)
                cold.append(first["seconds"])
                warm.append(second["seconds"])
                rss += [first["rss_kb"], second["rss_kb"]]
            bare = measure(mode, folder, None)["seconds"]
            c, w = statistics.median(cold), statistics.median(warm)
            print(
                f"{mode:>4}: cold {c:6.2f} s   warm {w:6.2f} s   cold/warm {c / w:5.1f}x"
                f"   no cache {bare:6.2f} s   peak RSS {max(rss) / 1024:5.0f} MB"
            )
        print("target: warm app open to a complete list < 1 s")


if __name__ == "__main__":
    main()
