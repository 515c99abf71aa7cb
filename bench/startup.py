"""Time from process start to the first paint of the flagship brief, beside a bare Textual app.

    python bench/startup.py [--runs 7]

Each run is a fresh `python` process that paints once (headless) and exits; the bare app is
a Textual App with one Static, measured alternately in the same run. Prints medians and the
ratio (target: <= 1.25x).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BRIEF_CHILD = """
import sys
from briefing_tui.core.load.loader import load_brief
from briefing_tui.config import Config
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.screens.brief import BriefScreen

mount = BriefScreen.on_mount
def on_mount(self):
    mount(self)
    self.call_after_refresh(self.app.exit)
BriefScreen.on_mount = on_mount
BriefingApp(brief=load_brief(sys.argv[1]), config=Config()).run(headless=True, size=(120, 40))
"""

BARE_CHILD = """
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("hello")
    def on_mount(self):
        self.call_after_refresh(self.exit)

Bare().run(headless=True, size=(120, 40))
"""


def run_once(code: str, *args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, cwd=ROOT)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--brief", default=str(ROOT / "briefs/zelensky-security-guarantees.yaml"))
    args = parser.parse_args()
    run_once(BARE_CHILD)  # warm the file cache and bytecode
    run_once(BRIEF_CHILD, args.brief)
    bare: list[float] = []
    brief: list[float] = []
    for _ in range(args.runs):
        bare.append(run_once(BARE_CHILD))
        brief.append(run_once(BRIEF_CHILD, args.brief))
    bare_s, brief_s = statistics.median(bare), statistics.median(brief)
    print(f"bare Textual app, start to first paint: {bare_s * 1000:7.0f} ms")
    print(f"briefing-tui on {Path(args.brief).name}: {brief_s * 1000:7.0f} ms")
    print(f"ratio: {brief_s / bare_s:.2f}x  (target <= 1.25x)")


if __name__ == "__main__":
    main()
