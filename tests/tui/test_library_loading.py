"""A large library opens at once and fills in the background; the reader stays responsive.

The library here is a few hundred generated briefs (bench/synthetic.py), loaded through a
parse cache in the test's own folder: cold (nothing cached) and warm (every entry current).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from paths import REPO
from textual.pilot import Pilot
from textual.widgets import ProgressBar

from briefing_tui.core.library.cache import BriefCache
from briefing_tui.core.library.discover import find_briefs
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.screens import library as library_module
from briefing_tui.tui.screens.brief import BriefScreen
from briefing_tui.tui.screens.library import LibraryScreen
from briefing_tui.tui.widgets.row_table import RowTable

from .tuikit import SIZE, screen_text, wait_for

sys.path.insert(0, str(REPO / "bench"))
from synthetic import write_brief

BRIEFS = 300
FIRST_DAY = dt.date(2026, 1, 1)


@pytest.fixture(scope="module")
def big_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 valid briefs of about 20 items, one a day back from 2026-01-01."""
    folder = tmp_path_factory.mktemp("library")
    for index in range(BRIEFS):
        published = (FIRST_DAY - dt.timedelta(days=index)).isoformat()
        write_brief(folder, 20, seed=index, name=f"brief-{index:03d}", published=published)
    return folder


@pytest.fixture
def warm_cache(big_library: Path, tmp_path: Path) -> Path:
    """A parse cache holding every brief of the library, as a first open leaves it."""
    folder = tmp_path / "cache-warm"
    cache = BriefCache(folder)
    for path in find_briefs([big_library]):
        cache.load(path)
    return folder


def library_app(folder: Path, cache_dir: Path, config) -> BriefingApp:
    return BriefingApp(
        library=(str(folder), find_briefs([folder])), config=config, cache=BriefCache(cache_dir)
    )


#: Seconds a whole library may take to load before a test gives up (a few on an idle machine;
#: it only turns a hang into a failure).
LOAD_TIMEOUT = 120.0


async def wait_until_listed(pilot: Pilot, screen: LibraryScreen, *, indexed: bool = False) -> None:
    await wait_for(
        pilot,
        lambda: not screen.listing and not (indexed and screen.indexing),
        "the library to be " + ("indexed" if indexed else "listed"),
        timeout=LOAD_TIMEOUT,
    )


class Gate:
    """Holds the loading thread at a chosen call of a function until released, and counts the
    calls: a test decides when the load ends, instead of betting on how long it takes.

    A ``busy`` gate keeps the thread working meanwhile (it calls the function again and again,
    as a longer load would), so the UI is tested against a thread that competes with it."""

    def __init__(self, function: Callable[..., object], hold_at_call: int, *, busy: bool) -> None:
        self.function = function
        self.hold_at_call = hold_at_call
        self.busy = busy
        self.calls = 0
        self.reached = threading.Event()
        self.released = threading.Event()

    def __call__(self, *args: object, **kwargs: object) -> object:
        if self.calls == self.hold_at_call:
            self.reached.set()
            deadline = time.monotonic() + LOAD_TIMEOUT
            while self.busy and not self.released.is_set() and time.monotonic() < deadline:
                self.function(*args, **kwargs)
            self.released.wait(timeout=LOAD_TIMEOUT)
        self.calls += 1
        return self.function(*args, **kwargs)


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., Gate]]:
    """Put a gate on a function the library screen's loading thread calls (``list_entry``,
    ``load_entry``); every gate is opened when the test ends, so no thread is left waiting."""
    gates: list[Gate] = []

    def put(name: str, hold_at_call: int, *, busy: bool = False) -> Gate:
        held = Gate(getattr(library_module, name), hold_at_call, busy=busy)
        monkeypatch.setattr(library_module, name, held)
        gates.append(held)
        return held

    yield put
    for held in gates:
        held.released.set()


def row_keys(screen: LibraryScreen) -> list[str]:
    return screen.query_one("#library", RowTable).row_keys


async def test_keys_are_handled_while_a_cold_library_loads(big_library, tmp_path, config, gate):
    # The last row is held back, the thread kept busy reading, until the key is handled: the
    # load cannot end first however fast the machine (it did when loading took less than the
    # pilot's first pause), and the key competes with a working thread however slow it is.
    rows = gate("list_entry", BRIEFS - 1, busy=True)
    app = library_app(big_library, tmp_path / "cold", config)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await wait_for(pilot, lambda: "loading" in screen_text(app), "the first frame")
        assert screen.listing
        # The pilot's press returns only when the app is idle, which it is not while rows
        # arrive: send the key, then watch for its effect.
        press = asyncio.create_task(pilot.press("o"))  # sort by title
        deadline = time.monotonic() + LOAD_TIMEOUT
        while screen.sort != "title":
            assert time.monotonic() < deadline, "the key was not handled while rows were read"
            await asyncio.sleep(0.002)
        assert screen.listing, "the key was handled only after loading finished"
        rows.released.set()
        await press
        await wait_until_listed(pilot, screen)
        shown = row_keys(screen)
        assert len(shown) == BRIEFS
        titles = [screen.entries[key].summary.title.lower() for key in shown]
        assert titles == sorted(titles)
        assert "loading" not in screen_text(app)


async def test_the_list_is_newest_first_and_filterable_while_loading(big_library, tmp_path, config):
    app = library_app(big_library, tmp_path / "cold", config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("slash", *"brief-007")  # typed as the rows arrive
        await wait_until_listed(pilot, screen)
        shown = row_keys(screen)
        # brief-007 and brief-0070..0079 do not exist (three digits): one substring match first
        assert shown[0] == str(big_library / "brief-007.yaml")
        await pilot.press("escape")
        rows = row_keys(screen)
        assert len(rows) == BRIEFS
        dates = [screen.entries[key].summary.published for key in rows]
        assert dates == sorted(dates, reverse=True)


async def test_a_warm_library_lists_from_the_cache_then_loads_the_briefs(
    big_library, warm_cache, config
):
    app = library_app(big_library, warm_cache, config)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await wait_until_listed(pilot, screen)
        assert app.brief_cache.stats.misses == 0
        await wait_until_listed(pilot, screen, indexed=True)
        assert len(screen.loaded_entries()) == BRIEFS
        # open the newest brief: its row and its brief agree
        await pilot.press("g", "enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        assert app.screen.brief.id == "brief-000"


async def test_a_brief_known_only_by_its_summary_opens(big_library, tmp_path, config):
    cache_dir = tmp_path / "cache"
    BriefCache(cache_dir).load(big_library / "brief-000.yaml")  # only this one cached
    app = BriefingApp(
        library=(str(big_library), [big_library / "brief-000.yaml"]),
        config=config,
        cache=BriefCache(cache_dir),
    )
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await wait_until_listed(pilot, screen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        assert app.screen.brief.id == "brief-000"
        assert app.screen.brief.items  # the whole brief, not a summary


async def test_a_search_opened_while_briefs_load_covers_them_all_once_loaded(
    big_library, warm_cache, config
):
    from briefing_tui.tui.screens.search import SearchScreen

    app = library_app(big_library, warm_cache, config)
    async with app.run_test(size=SIZE) as pilot:
        library = app.screen
        await wait_until_listed(pilot, library)  # rows from the cache; briefs still to load
        await pilot.press("s")
        search = app.screen
        assert isinstance(search, SearchScreen)
        await wait_until_listed(pilot, library, indexed=True)
        await wait_for(
            pilot,
            lambda: search.index is not None and search.index.brief_count == BRIEFS,
            f"the search to cover all {BRIEFS} briefs",
        )


async def test_the_app_closing_while_briefs_load_drops_the_last_batches(
    big_library, warm_cache, config, gate, monkeypatch
):
    """The thread's batches that arrive while the screen is taken down are dropped quietly:
    until the fix the last one raised NoMatches (no table left), failing about one run in ten
    of whichever test ended while briefs were still loading."""
    briefs = gate("load_entry", 0)  # rows from the cache, then the briefs are held back
    app = library_app(big_library, warm_cache, config)

    async def when_taken_down(bar: ProgressBar) -> None:
        """The app is closing and the table is gone: now let the thread deliver its briefs."""
        screen = bar.screen
        await wait_for_teardown(lambda: not screen.query(RowTable), "the table to be removed")
        briefs.released.set()
        loading = [worker for worker in app.workers if worker.group == "library-load"]
        await app.workers.wait_for_complete(loading)

    monkeypatch.setattr(ProgressBar, "on_unmount", when_taken_down, raising=False)
    async with app.run_test(size=SIZE) as pilot:
        library = app.screen
        await wait_until_listed(pilot, library)
        await wait_for(pilot, briefs.reached.is_set, "the thread to load the briefs")
        assert library.indexing
    assert briefs.calls == BRIEFS  # the thread did deliver every brief to the closing screen


async def wait_for_teardown(condition: Callable[[], object], what: str) -> None:
    """Wait for ``condition`` while the app closes (no pilot any more)."""
    deadline = time.monotonic() + LOAD_TIMEOUT
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.01)
