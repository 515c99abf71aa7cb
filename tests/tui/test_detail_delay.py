"""The detail pane follows the cursor once it rests: a held key does not render every row."""

from __future__ import annotations

import pytest

from briefing_tui.core.brief.model import Brief
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.screens.brief import BriefScreen

from .tuikit import SIZE, brief_screen, repeat


@pytest.fixture(autouse=True)
def real_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(BriefScreen, "DETAIL_DELAY", 0.05)


async def test_a_burst_of_moves_renders_the_detail_of_the_row_where_the_cursor_rests(
    flagship_app: BriefingApp, flagship: Brief
):
    async with flagship_app.run_test(size=SIZE) as pilot:
        screen = brief_screen(flagship_app)
        await pilot.press("4")
        await pilot.pause(0.2)
        await repeat(pilot, "j", 5)  # keys arriving faster than the delay
        target = flagship.positions[5]
        assert screen.location.key == f"item:{target.id}"
        await pilot.pause(0.2)  # the cursor rests: the detail catches up
        title = screen.query_one("#detail-title").render().plain  # type: ignore[union-attr]
        assert flagship.item(target.actor).label in title
        # Enter acts on the row under the cursor even before the detail has caught up.
        await repeat(pilot, "j", 1)
        await pilot.press("enter")
        links = screen.query_one("#links")
        assert flagship_app.focused is links
        assert flagship.item(flagship.positions[6].actor).label in str(
            screen.query_one("#detail-title").render()
        )
