"""Moving through the flagship brief by keyboard: sections, rows, links, back and forward.

(Tests are few and long on purpose: every app start and every focus change costs time.)
"""

from __future__ import annotations

from textual.widgets import Input

from briefing_tui.core.brief.model import Brief, Position
from briefing_tui.core.brief.views import SECTION_TITLES, SECTIONS
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.location import Location
from briefing_tui.tui.widgets.detail import LinkList
from briefing_tui.tui.widgets.items import ItemList
from briefing_tui.tui.widgets.sections import SectionList

from .tuikit import (
    SIZE,
    brief_screen,
    highlighted_id,
    highlighted_link,
    link_rows,
    move_to_link,
    move_to_row,
    notifications,
    option_ids,
    prompts,
    screen_text,
)

POSITION = "item:zelensky-no-clear-answer"


def detail_title(app: BriefingApp) -> str:
    return app.screen.query_one("#detail-title").visual.plain


async def test_opens_on_the_summary_and_the_sections_list_shows_sections(
    flagship_app: BriefingApp, flagship: Brief
):
    async with flagship_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = brief_screen(flagship_app)
        assert isinstance(flagship_app.focused, SectionList)
        assert screen.location == Location("summary", "brief")
        assert detail_title(flagship_app) == f"brief  {flagship.title}"
        assert f"briefing-tui  {flagship.title}" in screen_text(flagship_app)

        await pilot.press("j")  # Summary -> Actors; the focus stays in the sections
        assert screen.section == "actors"
        assert isinstance(flagship_app.focused, SectionList)
        assert screen.location == Location("actors", "item:zelensky")
        await pilot.press("enter")  # into the list of actors
        assert isinstance(flagship_app.focused, ItemList)

        await pilot.press("q")
        await pilot.pause()
        assert not flagship_app.is_running


async def test_positions_are_listed_with_their_count_and_j_k_move(
    flagship_app: BriefingApp, flagship: Brief
):
    positions = flagship.positions
    count = len(positions)
    assert count == 30  # the flagship brief as written; a user sees "4 Positions 30"
    async with flagship_app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        screen = brief_screen(flagship_app)
        items = screen.query_one("#items", ItemList)
        assert screen.section == "positions"
        assert items.border_title == "Positions"
        assert items.option_count == count
        assert option_ids(items) == [f"item:{p.id}" for p in positions]
        assert isinstance(flagship_app.focused, ItemList)
        assert f"4 Positions {count}" in screen_text(flagship_app)
        first = positions[0]
        assert prompts(items)[0] == f"{flagship.item(first.actor).label}  {first.stance}"

        assert items.highlighted == 0
        await pilot.press("j", "j")
        assert items.highlighted == 2
        assert screen.location == Location("positions", f"item:{positions[2].id}")
        await pilot.press("k")
        assert items.highlighted == 1
        second = positions[1]
        assert isinstance(second, Position)
        actor, issue = flagship.item(second.actor).label, flagship.item(second.issue).label
        assert detail_title(flagship_app) == f"position  {actor} on {issue}"
        fields = screen.query_one("#detail-fields").visual.plain
        assert f"Stance       {second.stance}" in fields
        await pilot.press("down")
        assert items.highlighted == 2
        await pilot.press("G")
        assert items.highlighted == count - 1
        await pilot.press("g")
        assert items.highlighted == 0


async def test_follow_a_link_back_forward_and_a_new_jump_drops_forward(
    flagship_app: BriefingApp,
):
    async with flagship_app.run_test(size=SIZE) as pilot:
        screen = brief_screen(flagship_app)
        items = screen.query_one("#items", ItemList)
        links = screen.query_one("#links", LinkList)
        await pilot.press("4")
        await move_to_row(pilot, items, POSITION)

        # Enter: from the item to its links; the first is its actor, under "Actor".
        await pilot.press("enter")
        assert flagship_app.focused is links
        assert link_rows(links)[0] == ("Actor", "Volodymyr Zelensky", "item:zelensky")
        assert highlighted_link(links) == "item:zelensky"

        # Enter on the link: the Actors section, the actor selected and shown.
        await pilot.press("enter")
        assert screen.location == Location("actors", "item:zelensky")
        assert highlighted_id(screen.query_one("#sections", SectionList)) == "actors"
        assert items.border_title == "Actors"
        assert highlighted_id(items) == "item:zelensky"
        assert detail_title(flagship_app) == "actor  Volodymyr Zelensky"
        assert screen.query_one("#detail").border_title == "Volodymyr Zelensky"
        assert flagship_app.focused is items

        # [ goes back to the position, ] forward again, backspace is Back too.
        await pilot.press("left_square_bracket")
        assert screen.location == Location("positions", POSITION)
        assert detail_title(flagship_app).startswith("position  Volodymyr Zelensky on ")
        assert screen.history.can_go_forward
        await pilot.press("right_square_bracket")
        assert screen.location == Location("actors", "item:zelensky")
        await pilot.press("j")  # moving after a jump is no jump, but Back/Forward keep it
        moved_to = screen.location
        assert moved_to != Location("actors", "item:zelensky")
        await pilot.press("backspace")
        assert screen.location == Location("positions", POSITION)
        await pilot.press("right_square_bracket")
        assert screen.location == moved_to
        await pilot.press("left_square_bracket")

        # A new jump from the position (its Issue link) drops the forward entries.
        await pilot.press("enter")
        await move_to_link(pilot, links, "item:security-guarantees")
        await pilot.press("enter")
        assert screen.location == Location("issues", "item:security-guarantees")
        assert not screen.history.can_go_forward
        await pilot.press("right_square_bracket")  # nothing to go forward to: stays
        assert screen.location == Location("issues", "item:security-guarantees")
        assert "Nothing to go forward to." in notifications(flagship_app)
        await pilot.press("left_square_bracket")
        assert screen.location == Location("positions", POSITION)
        await pilot.press("left_square_bracket")  # the first place: nothing before it
        assert screen.location == Location("positions", POSITION)
        assert "Nothing to go back to." in notifications(flagship_app)


async def test_number_keys_switch_sections_from_any_pane_and_remember_the_row(
    flagship_app: BriefingApp, flagship: Brief
):
    async with flagship_app.run_test(size=SIZE) as pilot:
        screen = brief_screen(flagship_app)
        sections = screen.query_one("#sections", SectionList)
        items = screen.query_one("#items", ItemList)
        for number, section in enumerate(SECTIONS, start=1):
            await pilot.press(str(number))
            assert screen.section == section
            assert highlighted_id(sections) == section
            assert items.border_title == SECTION_TITLES[section]
            assert flagship_app.focused is items
            if section == "summary":
                expected = 1
            elif section == "source":
                expected = len(flagship.paragraphs)
            else:
                expected = len(flagship.section(section))
            assert items.option_count == expected, section
        assert highlighted_id(items) == "para:1"  # the Source section lists paragraphs

        await pilot.press("4", "j", "j", "j")
        third = screen.location
        await pilot.press("enter")  # from the links pane too
        assert isinstance(flagship_app.focused, LinkList)
        await pilot.press("2")
        assert screen.section == "actors"
        assert flagship_app.focused is items
        await pilot.press("4")
        assert screen.location == third  # coming back to a section keeps its row


async def test_panes_h_l_arrows_tab_escape_and_focus_is_always_somewhere(
    flagship_app: BriefingApp,
):
    """A walk through every kind of move; after each key some visible widget has focus."""
    steps = [
        # h/l and the arrows move between the panes, and stop at the ends.
        ("l", ItemList),
        ("l", LinkList),
        ("l", LinkList),
        ("h", ItemList),
        ("h", SectionList),
        ("h", SectionList),
        ("right", ItemList),
        ("right", LinkList),
        ("left", ItemList),
        # Tab and shift+tab cycle through them; the hidden filter field is never a stop.
        ("tab", LinkList),
        ("tab", SectionList),
        ("shift+tab", LinkList),
        # Escape backs out one pane at a time.
        ("escape", ItemList),
        ("escape", SectionList),
        ("escape", SectionList),  # a single brief: nothing further out, the app stays
        ("4", ItemList),
        ("enter", LinkList),
        ("enter", ItemList),  # followed a link
        ("slash", Input),
        ("z", Input),
        ("q", Input),  # a filter nothing matches: no rows, the detail pane hides
        ("enter", ItemList),
        ("l", ItemList),  # no links pane to move to
        ("escape", ItemList),  # clears the filter
        ("s", None),  # the source view: its article has the focus
        ("escape", ItemList),
        ("question_mark", None),
        ("escape", ItemList),
    ]
    async with flagship_app.run_test(size=SIZE) as pilot:
        for key, expected in steps:
            await pilot.press(key)
            focused = flagship_app.focused
            assert focused is not None, f"nothing focused after {key!r}"
            assert focused.display, f"a hidden widget is focused after {key!r}"
            if expected is not None:
                assert isinstance(focused, expected), f"{focused!r} focused after {key!r}"
        assert flagship_app.is_running
