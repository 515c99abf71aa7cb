"""Links as rows: [[id]] mentions in Markdown, links to other items, and backlinks."""

from __future__ import annotations

from briefing_tui.core.brief.model import Brief
from briefing_tui.core.brief.wikilinks import wikilinks
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.location import Location
from briefing_tui.tui.widgets.detail import LinkList
from briefing_tui.tui.widgets.items import ItemList

from .tuikit import SIZE, brief_screen, highlighted_link, link_rows, move_to_link, screen_text


def detail_title(app: BriefingApp) -> str:
    return app.screen.query_one("#detail-title").visual.plain


async def test_summary_lists_its_id_mentions_and_enter_follows_one(
    flagship_app: BriefingApp, flagship: Brief
):
    mentioned = list(dict.fromkeys(wikilinks(flagship.summary or "")))
    assert "witkoff-x-post" in mentioned
    async with flagship_app.run_test(size=SIZE) as pilot:
        screen = brief_screen(flagship_app)
        await pilot.press("1", "enter")  # the summary row, then its links
        links = screen.query_one("#links", LinkList)
        assert flagship_app.focused is links
        rows = link_rows(links)
        in_text = [(label, key) for group, label, key in rows if group == "Links in the text"]
        assert [key for _, key in in_text] == [f"item:{m}" for m in mentioned]
        assert ("Volodymyr Zelensky", "item:zelensky") in in_text
        assert "Links in the text" in screen_text(flagship_app)
        # The first row is highlighted, never the heading.
        assert highlighted_link(links) == f"item:{mentioned[0]}"

        await move_to_link(pilot, links, "item:witkoff-x-post")
        await pilot.press("enter")
        assert screen.location == Location("timeline", "item:witkoff-x-post")
        assert detail_title(flagship_app).startswith("event  2026-01-06 Steve Witkoff posts on X")
        assert flagship_app.focused is screen.query_one("#items", ItemList)

        await pilot.press("left_square_bracket")
        assert screen.location == Location("summary", "brief")


async def test_actor_links_include_the_positions_of_this_actor(
    flagship_app: BriefingApp, flagship: Brief
):
    own = [f"item:{p.id}" for p in flagship.positions if p.actor == "zelensky"]
    assert len(own) >= 2
    async with flagship_app.run_test(size=SIZE) as pilot:
        screen = brief_screen(flagship_app)
        await pilot.press("2")
        assert screen.location == Location("actors", "item:zelensky")
        await pilot.press("enter")
        links = screen.query_one("#links", LinkList)
        rows = link_rows(links)
        backlinks = [key for group, _, key in rows if group == "Positions of this actor"]
        assert backlinks == own
        labels = [label for group, label, _ in rows if group == "Positions of this actor"]
        assert all(label.startswith("Volodymyr Zelensky: ") for label in labels)
        groups = list(dict.fromkeys(group for group, _, _ in rows))
        assert groups[0] == "Part of"  # outgoing links first
        assert "Quotes by this actor" in groups
        assert ("Mentioned in", "The brief's summary", "brief") in rows

        # Follow the second of his positions, then its Actor link comes back to him.
        await move_to_link(pilot, links, own[1])
        await pilot.press("enter")
        assert screen.location == Location("positions", own[1])
        await pilot.press("enter")  # to the links of the position
        assert highlighted_link(links) == "item:zelensky"
        await pilot.press("enter")
        assert screen.location == Location("actors", "item:zelensky")
        assert len(screen.history) == 3

        # "Mentioned in: The brief's summary" leads to the summary.
        await pilot.press("enter")
        await move_to_link(pilot, links, "brief")
        await pilot.press("enter")
        assert screen.location == Location("summary", "brief")
        assert detail_title(flagship_app) == f"brief  {flagship.title}"
