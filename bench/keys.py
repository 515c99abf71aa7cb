"""CPU time per cursor key in a 5,000-item list, beside a bare OptionList in the same run.

    python bench/keys.py [--items 5000] [--keys 300] [--rate 30]

Both apps run headless; the list is focused and the down key is held: key events are posted
``--rate`` times a second (a terminal's key repeat), as a terminal driver posts them, without
waiting for each to be handled. CPU time is counted until every key has been handled and the
screen has settled, so the reader's detail pane (rendered when the cursor rests) is included.
Also prints the cost of one single key press with its full detail pane. Target: <= 1.2x.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import OptionList

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_brief

from briefing_tui.config import Config
from briefing_tui.core.brief.views import section_rows
from briefing_tui.core.load.loader import load_brief
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.widgets.items import ItemList


class BareList(App[None]):
    """An OptionList of the same rows, nothing else."""

    def __init__(self, labels: list[str]) -> None:
        super().__init__()
        self.labels = labels

    def compose(self) -> ComposeResult:
        yield OptionList(*self.labels, id="bare")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()


async def cpu_per_key(app: App[None], keys: int, focus: str, rate: float) -> tuple[float, float]:
    """(CPU seconds per held key, CPU seconds for one single press)."""
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        if focus:
            await pilot.press(focus)
        await pilot.pause(0.3)
        start = time.process_time()
        await pilot.press("down")
        await pilot.pause(0.3)  # the single press's detail pane is rendered by now
        single = time.process_time() - start
        start = time.process_time()
        for _ in range(keys):
            app.simulate_key("down")
            await asyncio.sleep(1 / rate)
        await pilot.pause(0.3)  # let every key be handled and the detail pane catch up
        return (time.process_time() - start) / keys, single


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--keys", type=int, default=300)
    parser.add_argument("--rate", type=float, default=30.0, help="keys per second")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        # write_brief makes 42.5% of its items positions (the rest actors, issues, quotes...).
        brief = load_brief(write_brief(Path(tmp), items=int(args.items / 0.425) + 1))
    rows = section_rows(brief, "positions")
    print(f"{len(rows):,} positions in the list")
    labels = [f"{row.aside}  {row.label}" for row in rows]
    bare, bare_single = asyncio.run(cpu_per_key(BareList(labels), args.keys, "", args.rate))
    reader_app = BriefingApp(brief=brief, config=Config())
    reader, reader_single = asyncio.run(cpu_per_key(reader_app, args.keys, "4", args.rate))
    print(f"held key at {args.rate:.0f}/s, CPU per key:")
    print(f"  bare OptionList: {bare * 1000:6.2f} ms")
    print(f"  briefing-tui:    {reader * 1000:6.2f} ms ({ItemList.__name__} + detail pane)")
    print(f"  ratio: {reader / bare:.2f}x  (target <= 1.2x)")
    print("one single key press, CPU until the screen settles:")
    print(f"  bare OptionList: {bare_single * 1000:6.1f} ms")
    print(f"  briefing-tui:    {reader_single * 1000:6.1f} ms (includes rendering the detail pane)")


if __name__ == "__main__":
    main()
