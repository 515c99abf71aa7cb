"""Strict brief loading beside PyYAML's raw C loader on the same file, in the same run.

    python bench/load.py [--items 10000] [--repeat 5]

Prints the median of each, the ratio (target: strict <= 1.15x raw) and peak RSS.
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_brief

from briefing_tui.core.load.loader import load_brief


def interleaved_medians(first, second, repeat: int) -> tuple[float, float]:
    """Median seconds of two functions run alternately, so drifting machine load hits both."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for function, sink in ((first, times[0]), (second, times[1])):
            gc.collect()
            start = time.perf_counter()
            function()
            sink.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = write_brief(Path(tmp), args.items)
        size = path.stat().st_size
        text = path.read_text(encoding="utf-8")

        def raw() -> object:
            return yaml.load(text, Loader=yaml.CSafeLoader)

        def strict() -> object:
            return load_brief(path)

        brief = load_brief(path)  # warm up, and prove the synthetic brief is valid
        raw_s, strict_s = interleaved_medians(raw, strict, args.repeat)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"brief: {len(brief.items):,} items, {size / 1e6:.1f} MB, libyaml={yaml.__with_libyaml__}"
    )
    print(f"raw yaml.load(CSafeLoader): {raw_s * 1000:8.1f} ms")
    print(f"strict load_brief:          {strict_s * 1000:8.1f} ms")
    print(f"ratio strict/raw:           {strict_s / raw_s:8.2f}x  (target <= 1.15x)")
    print(f"peak RSS:                   {rss_mb:8.0f} MB")


if __name__ == "__main__":
    main()
