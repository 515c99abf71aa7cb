"""The command palette (ctrl+p): jump to any item by name, run the reader's commands."""

from __future__ import annotations

from textual.command import CommandPalette

from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.location import Location

from .tuikit import SIZE, brief_screen, screen_text


async def wait_for_hits(pilot, text: str) -> str:
    """Pause until the palette shows ``text`` (its search runs in the background)."""
    for _ in range(40):
        await pilot.pause(0.05)
        shown = screen_text(pilot.app)
        if text in shown:
            return shown
    raise AssertionError(f"the palette never showed {text!r}:\n{screen_text(pilot.app)}")


async def test_ctrl_p_then_a_name_jumps_to_that_item(flagship_app: BriefingApp):
    async with flagship_app.run_test(size=SIZE) as pilot:
        screen = brief_screen(flagship_app)
        await pilot.press("4", "ctrl+p", *"macr")
        assert isinstance(flagship_app.screen, CommandPalette)
        await wait_for_hits(pilot, "actor · macron")
        await pilot.press("escape")  # closes the palette; nothing moves
        await pilot.pause()
        assert screen.location == Location("positions", "item:france-troops")

        await pilot.press("ctrl+p", *"Witkoff")
        shown = await wait_for_hits(pilot, "actor · witkoff")
        assert "position · witkoff-significant-progress" in shown  # his positions are hits too
        await pilot.press("enter")
        await pilot.pause()
        assert flagship_app.screen is screen
        assert screen.location == Location("actors", "item:witkoff")
        assert screen.query_one("#detail-title").visual.plain == "actor  Steve Witkoff"
        # The jump is remembered: Back returns to where the palette was opened.
        await pilot.press("left_square_bracket")
        assert screen.location == Location("positions", "item:france-troops")
