"""Helpers for the UI tests: what is on screen, what the lists hold, keyboard moves.

Tests drive the reader by keyboard only (``pilot.press``); the helpers here read back what a
reader would see: the rendered lines of the screen, the rows of a list and the link groups.
``screen_lines`` and ``notifications`` read two private attributes of Textual (the screen's
compositor, the app's notifications); Textual is pinned, so they cannot move under the tests.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import OptionList

from briefing_tui.tui.screens.brief import BriefScreen
from briefing_tui.tui.widgets.detail import LinkList

SIZE = (120, 40)


def screen_lines(app: App) -> list[str]:
    """The text of every line of the active screen as rendered (styles dropped)."""
    strips = app.screen._compositor.render_strips()
    return ["".join(segment.text for segment in strip) for strip in strips]


def screen_text(app: App) -> str:
    """The rendered text of the active screen, one line per terminal row."""
    return "\n".join(screen_lines(app))


def brief_screen(app: App) -> BriefScreen:
    """The active screen, which must be the brief screen."""
    screen = app.screen
    assert isinstance(screen, BriefScreen), f"expected the brief screen, got {screen!r}"
    return screen


def prompts(option_list: OptionList) -> list[str]:
    """The plain text of every row of an option list, in order, without the marks column
    (three signs and a space) that item rows start with; see ``marks`` for it."""
    return [
        option.prompt.plain[4:] if _has_marks(option.id) else option.prompt.plain
        for option in option_list.options
    ]


def marks(option_list: OptionList) -> dict[str, str]:
    """The marks column (mark, flag, note sign) of every item row, by option id."""
    return {
        option.id: option.prompt.plain[:3]
        for option in option_list.options
        if option.id and _has_marks(option.id)
    }


def _has_marks(option_id: str | None) -> bool:
    return bool(option_id) and option_id.startswith(("item:", "note:"))  # type: ignore[union-attr]


def option_ids(option_list: OptionList) -> list[str | None]:
    """The ids of every row of an option list, in order."""
    return [option.id for option in option_list.options]


def highlighted_id(option_list: OptionList) -> str | None:
    """The id of the highlighted row."""
    option = option_list.highlighted_option
    return option.id if option else None


def link_rows(links: LinkList) -> list[tuple[str, str, str]]:
    """(group heading, label, target key) of every link row, headings taken from the list."""
    rows: list[tuple[str, str, str]] = []
    group = ""
    for option in links.options:
        if option.disabled:
            group = option.prompt.plain
            continue
        key = links.key_of(option.id)
        assert key, f"link row {option.id!r} has no target"
        rows.append((group, option.prompt.plain.strip(), key))
    return rows


def highlighted_link(links: LinkList) -> str | None:
    """The target key of the highlighted link."""
    return links.key_of(highlighted_id(links))


async def repeat(pilot: Pilot, key: str, times: int) -> None:
    """Press ``key`` ``times`` times in a burst, then wait until the app has handled them.

    Only for keys that move a highlight (j, k): ``pilot.press`` waits for the app to go idle
    after every key, which costs more than the move itself.
    """
    for _ in range(times):
        pilot.app.post_message(events.Key(key, key if len(key) == 1 else None))
    await typed(pilot)


async def typed(pilot: Pilot) -> None:
    """Wait until the app has handled every key sent so far (it takes them one at a time)."""
    reached = asyncio.Event()  # set once the app has taken every key posted before it
    pilot.app.call_later(reached.set)
    await asyncio.wait_for(reached.wait(), timeout=10)
    type_ahead = getattr(pilot.app, "type_ahead", None)
    if type_ahead is not None:
        await wait_for(pilot, lambda: type_ahead.settled, "the keys sent handled")
    await pilot.pause()


def burst(pilot: Pilot, *keys: str) -> None:
    """Send ``keys`` the way a terminal delivers a burst over a slow link: all at once, not
    waiting for the app to handle any of them (``pilot.press`` waits after every key). Single
    characters are typed as themselves, longer names (``f2``, ``enter``) are keys."""
    from textual.keys import _character_to_key

    for key in keys:
        if len(key) == 1:
            name = key if key.isalnum() else _character_to_key(key)
            pilot.app.post_message(events.Key(name, key))
        else:
            pilot.app.post_message(events.Key(key, "\r" if key == "enter" else None))


async def move_to_row(pilot: Pilot, option_list: OptionList, option_id: str) -> None:
    """Move the highlight of the focused ``option_list`` to ``option_id`` with g then j."""
    assert pilot.app.focused is option_list, f"{option_list!r} is not focused"
    ids = option_ids(option_list)
    assert option_id in ids, f"{option_id!r} is not listed"
    await pilot.press("g")
    start = option_list.highlighted or 0
    await repeat(pilot, "j", ids.index(option_id) - start)
    assert highlighted_id(option_list) == option_id


async def move_to_link(pilot: Pilot, links: LinkList, key: str) -> None:
    """Move the highlight of the focused link list to the first link to ``key``."""
    assert pilot.app.focused is links, "the links list is not focused"
    targets = [k for _, _, k in link_rows(links)]  # headings are skipped by j
    assert key in targets, f"no link to {key!r}"
    await pilot.press("g")
    await repeat(pilot, "j", targets.index(key))
    assert highlighted_link(links) == key


def notifications(app: App) -> list[str]:
    """The messages of the notifications (toasts) currently shown."""
    return [notification.message for notification in app._notifications]


def saved(app: App) -> None:
    """Wait until every change to the notes shown by ``app`` is in its file (the app writes
    them on a thread of its own)."""
    for store in app.notes_keeper.stores:  # type: ignore[attr-defined]
        assert store.flush(10), f"notes not saved: {store.error or store.broken}"


async def wait_for(
    pilot: Pilot, condition: Callable[[], object], what: str, *, timeout: float = 10.0
) -> None:
    """Let the app run until ``condition()`` holds; fail naming ``what`` after ``timeout`` s.

    For end states the pilot's own waits do not cover: a thread worker's result, a timer, rows
    arriving in batches. The timeout is only there to fail instead of hanging: it is never the
    synchronisation, so a slow machine makes the wait longer, not the test red.
    """
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        await pilot.pause(0.01)
