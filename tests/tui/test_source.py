"""The source view: the article by paragraph, the evidence highlighted, who cites what."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from briefing_tui.core.brief.model import Brief
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.location import Location
from briefing_tui.tui.screens.source import ParagraphList, SourceScreen
from briefing_tui.tui.widgets.detail import LinkList
from briefing_tui.tui.widgets.items import ItemList

from .tuikit import (
    SIZE,
    brief_screen,
    highlighted_id,
    link_rows,
    move_to_link,
    move_to_row,
    screen_text,
)

POSITION = "item:zelensky-no-clear-answer"
EVIDENCE = (
    "I am asking this very question to all our partners and I have not received a clear,"
    " unambiguous answer yet."
)


def styled_words(prompt: Content, style: str) -> list[str]:
    """The text of every span of ``prompt`` carrying ``style``."""
    return [prompt.plain[span.start : span.end] for span in prompt.spans if span.style == style]


async def open_source_at_position(pilot, app: BriefingApp) -> SourceScreen:
    screen = brief_screen(app)
    await pilot.press("4")
    await move_to_row(pilot, screen.query_one("#items", ItemList), POSITION)
    await pilot.press("s")
    await pilot.pause()
    source = app.screen
    assert isinstance(source, SourceScreen)
    return source


async def test_s_opens_the_article_at_the_evidence_and_cited_by_leads_back(
    flagship_app: BriefingApp, flagship: Brief
):
    citing = [f"item:{item_id}" for item_id in flagship.links.items_citing(6)]
    assert POSITION in citing and "item:guarantee-against-attack" in citing
    async with flagship_app.run_test(size=SIZE) as pilot:
        source = await open_source_at_position(pilot, flagship_app)
        paragraphs = source.query_one("#paragraphs", ParagraphList)
        assert flagship_app.focused is paragraphs
        assert paragraphs.option_count == len(flagship.paragraphs)
        assert highlighted_id(paragraphs) == "para:6"

        title = source.query_one("#title-bar", Static).visual.plain
        stance = flagship.item("zelensky-no-clear-answer").label
        assert title == f"Source  {flagship.source.title}  ·  evidence of {stance}"

        prompt = paragraphs.get_option("para:6").prompt
        assert prompt.plain.startswith("▶¶6")  # the cited paragraph is marked
        assert styled_words(prompt, "bold reverse") == [EVIDENCE]
        for option in paragraphs.options:  # nothing else is marked or highlighted
            if option.id != "para:6":
                assert not option.prompt.plain.startswith("▶"), option.id
                assert styled_words(option.prompt, "bold reverse") == [], option.id

        text = screen_text(flagship_app)
        assert "Source  " in text
        assert "▶¶6" in text  # scrolled into view
        assert f"Cited by ({len(citing)})" in text

        # Cited by: the items citing ¶6, by name.
        cited = source.query_one("#cited", LinkList)
        rows = link_rows(cited)
        assert [key for _, _, key in rows] == citing
        assert {group for group, _, _ in rows} == {""}  # one list, titled by the heading above
        labels = [label for _, label, _ in rows]
        assert labels[0] == f"Volodymyr Zelensky: {stance}"
        assert labels[1] == flagship.item("guarantee-against-attack").label

        # Moving to another paragraph shows who cites that one.
        await pilot.press("j")
        assert highlighted_id(paragraphs) == "para:7"
        citing_7 = [f"item:{item_id}" for item_id in flagship.links.items_citing(7)]
        assert [key for _, _, key in link_rows(cited)] == citing_7
        heading = source.query_one("#cited-heading", Static).visual.plain
        assert heading == f"Cited by ({len(citing_7)})"

        # Tab moves between the article and the items citing it.
        await pilot.press("tab")
        assert flagship_app.focused is cited
        await pilot.press("tab")
        assert flagship_app.focused is paragraphs

        # Enter on the paragraph goes to the items citing it; Enter on one returns to the
        # brief at that item, and Back to the position the source view was opened from.
        await pilot.press("k", "enter")
        assert flagship_app.focused is cited
        await move_to_link(pilot, cited, "item:guarantee-against-attack")
        await pilot.press("enter")
        await pilot.pause()
        screen = brief_screen(flagship_app)
        assert screen.location == Location("questions", "item:guarantee-against-attack")
        assert isinstance(flagship_app.focused, ItemList)
        await pilot.press("left_square_bracket")
        assert screen.location == Location("positions", POSITION)


async def test_s_on_a_paragraph_row_and_escape_or_q_close_the_source_view(
    flagship_app: BriefingApp,
):
    async with flagship_app.run_test(size=SIZE) as pilot:
        await pilot.press("8", "j", "j", "j")  # the Source section: paragraph 4
        screen = brief_screen(flagship_app)
        assert screen.location == Location("source", "para:4")
        await pilot.press("s")
        await pilot.pause()
        source = flagship_app.screen
        assert isinstance(source, SourceScreen)
        assert highlighted_id(source.query_one("#paragraphs", ParagraphList)) == "para:4"
        await pilot.press("j", "j", "escape")
        await pilot.pause()
        assert flagship_app.screen is screen
        assert screen.location == Location("source", "para:4")  # reading moved nothing
        assert isinstance(flagship_app.focused, ItemList)
        await pilot.press("s", "q")  # q closes the source view, it does not quit
        await pilot.pause()
        assert flagship_app.screen is screen
        assert flagship_app.is_running
