"""A large library opens at once and fills in the background; the reader stays responsive.

The library here is a few hundred generated briefs (bench/synthetic.py), loaded through a
parse cache in the test's own folder: cold (nothing cached) and warm (every entry current).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
from pathlib import Path

import pytest
from textual.pilot import Pilot

from briefing_tui.core.cache import BriefCache
from briefing_tui.core.discover import find_briefs
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.screens.brief import BriefScreen
from briefing_tui.tui.screens.library import LibraryScreen
from briefing_tui.tui.widgets.row_table import RowTable

from .tuikit import SIZE, screen_text

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
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


async def wait_until_listed(pilot: Pilot, screen: LibraryScreen, *, indexed: bool = False) -> None:
    for _ in range(3000):
        if not screen.listing and not (indexed and screen.indexing):
            return
        await pilot.pause(0.01)
    raise AssertionError("the library did not finish loading")


def row_keys(screen: LibraryScreen) -> list[str]:
    return screen.query_one("#library", RowTable).row_keys


async def test_keys_are_handled_while_a_cold_library_loads(big_library, tmp_path, config):
    app = library_app(big_library, tmp_path / "cold", config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert screen.listing, "300 uncached briefs cannot be loaded before the first frame"
        assert "loading" in screen_text(app)
        # The pilot's press returns only when the app is idle, which it is not while rows
        # arrive: send the key, then watch for its effect.
        press = asyncio.create_task(pilot.press("o"))  # sort by title
        for _ in range(500):
            if screen.sort == "title":
                break
            await asyncio.sleep(0.002)
        assert screen.sort == "title", "the key was not handled within a second"
        assert screen.listing, "the key was handled only after loading finished"
        await press
        await wait_until_listed(pilot, screen)
        rows = row_keys(screen)
        assert len(rows) == BRIEFS
        titles = [screen.entries[key].summary.title.lower() for key in rows]
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
        for _ in range(500):
            if search.index is not None and search.index.brief_count == BRIEFS:
                break
            await pilot.pause(0.01)
        assert search.index is not None and search.index.brief_count == BRIEFS
