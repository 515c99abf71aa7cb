"""Filtering the rows of a section as you type ("/")."""

from __future__ import annotations

from textual.widgets import Input

from briefing_tui.core.brief.model import Brief
from briefing_tui.core.brief.views import section_rows
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.location import Location
from briefing_tui.tui.widgets.items import ItemList

from .tuikit import SIZE, brief_screen, highlighted_id, option_ids, prompts, screen_text


def in_order(query: str, text: str) -> bool:
    """The letters of ``query`` occur in ``text`` in order (what "fuzzy" means here)."""
    rest = iter(text.lower())
    return all(char in rest for char in query.lower())


async def test_slash_filters_the_current_section_substring_matches_first(
    flagship_app: BriefingApp, flagship: Brief
):
    rows = section_rows(flagship, "positions")
    text_of = {row.key: f"{row.label} {row.aside} {row.search}".lower() for row in rows}
    substring = [row.key for row in rows if "witk" in text_of[row.key]]
    # Witkoff's own positions, and the Coalition's "as Witkoff describes it".
    assert "item:witkoff-significant-progress" in substring
    assert "item:coalition-guarantees-essential" in substring
    async with flagship_app.run_test(size=SIZE) as pilot:
        screen = brief_screen(flagship_app)
        field = screen.query_one("#filter", Input)
        items = screen.query_one("#items", ItemList)
        await pilot.press("4")
        assert not field.display
        await pilot.press("slash")
        assert field.display
        assert flagship_app.focused is field
        await pilot.press(*"witk")
        assert field.value == "witk"

        shown = option_ids(items)
        assert shown[: len(substring)] == substring  # substring matches first, in brief order
        fuzzy = shown[len(substring) :]
        assert all(in_order("witk", text_of[key]) for key in fuzzy)  # then fuzzy ones
        hidden = [row.key for row in rows if row.key not in shown]
        assert hidden, "the filter hid nothing"
        assert not any(in_order("witk", text_of[key]) for key in hidden)
        count = len(shown)
        assert items.border_subtitle == f"{count} match" + ("" if count == 1 else "es")
        # The best match is selected as the query narrows the list, so Enter takes it.
        assert highlighted_id(items) == substring[0]
        assert screen.location == Location("positions", substring[0])
        assert "Steve Witkoff" in screen_text(flagship_app)

        await pilot.press("enter")  # back to the list, the filter stays
        assert flagship_app.focused is items
        assert field.display and field.value == "witk"
        assert option_ids(items) == shown
        await pilot.press("g", "j")  # the second match
        chosen = highlighted_id(items)
        assert chosen == shown[1]
        assert "Steve Witkoff" in screen.query_one("#detail-title").visual.plain

        await pilot.press("escape")  # clears and hides the filter
        assert not field.display
        assert field.value == ""
        assert items.option_count == len(rows)
        assert items.border_subtitle == ""
        assert highlighted_id(items) == chosen  # the chosen row stays selected
        assert flagship_app.focused is items


async def test_escape_no_match_and_section_switch_clear_the_filter(
    flagship_app: BriefingApp, flagship: Brief
):
    async with flagship_app.run_test(size=SIZE) as pilot:
        screen = brief_screen(flagship_app)
        field = screen.query_one("#filter", Input)
        items = screen.query_one("#items", ItemList)
        detail = screen.query_one("#detail")

        # Escape in the field clears and hides it.
        await pilot.press("2", "slash", *"rus")
        assert option_ids(items)[0] == "item:russia"
        assert screen.location == Location("actors", "item:russia")
        await pilot.press("escape")
        assert not field.display
        assert field.value == ""
        assert flagship_app.focused is items
        assert items.option_count == len(flagship.actors)

        # Nothing matches: the list says so, no detail; deleting the letters brings all back.
        await pilot.press("4", "slash", *"qx")
        assert items.shown_count == 0
        assert prompts(items) == ["(no match)"]
        assert items.border_subtitle == "0 matches"
        assert not detail.display
        await pilot.press("backspace", "backspace")
        assert items.option_count == len(flagship.positions)
        assert detail.display

        # Switching section clears the filter.
        await pilot.press(*"wi", "enter", "2")
        assert screen.section == "actors"
        assert not field.display and field.value == ""
        assert items.option_count == len(flagship.actors)
