"""What the reader shows, computed without a terminal: rows, details and link groups."""

from __future__ import annotations

import pytest
from paths import FLAGSHIP

from briefing_tui.core.brief.model import Brief
from briefing_tui.core.brief.views import (
    SECTIONS,
    detail,
    label_of,
    section_count,
    section_of,
    section_rows,
)
from briefing_tui.core.brief.wikilinks import plain_text
from briefing_tui.core.load.loader import load_brief
from briefing_tui.core.search.filter import filter_rows, fuzzy_match


@pytest.fixture(scope="module")
def brief() -> Brief:
    return load_brief(FLAGSHIP)


def groups(brief: Brief, key: str) -> dict[str, list[str]]:
    found = detail(brief, key)
    assert found is not None
    result: dict[str, list[str]] = {}
    for row in found.links:
        result.setdefault(row.group, []).append(row.key)
    return result


def test_every_section_lists_its_items_in_brief_order(brief: Brief):
    assert [section_count(brief, s) for s in SECTIONS] == [
        1,
        len(brief.actors),
        len(brief.issues),
        len(brief.positions),
        len(brief.questions),
        len(brief.quotes),
        len(brief.timeline),
        len(brief.paragraphs),
    ]
    rows = section_rows(brief, "positions")
    assert [r.key for r in rows] == [f"item:{p.id}" for p in brief.positions]
    assert rows[0].aside == brief.item(brief.positions[0].actor).label  # the actor's name


def test_an_actor_lists_its_positions_quotes_and_mentions_as_backlinks(brief: Brief):
    links = groups(brief, "item:zelensky")
    assert links["Part of"] == ["item:ukraine"]
    own = [f"item:{p.id}" for p in brief.positions if p.actor == "zelensky"]
    assert links["Positions of this actor"] == own
    assert links["Quotes by this actor"] == [
        f"item:{q.id}" for q in brief.quotes if q.speaker == "zelensky"
    ]
    assert "brief" in links["Mentioned in"]  # the summary's [[zelensky]]


def test_a_position_links_to_actor_issue_evidence_and_questions(brief: Brief):
    links = groups(brief, "item:zelensky-no-clear-answer")
    assert links["Actor"] == ["item:zelensky"]
    assert links["Issue"] == ["item:security-guarantees"]
    assert links["Evidence in the source"] == ["para:6"]
    bearing = [f"item:{q.id}" for q in brief.questions if "zelensky-no-clear-answer" in q.bears_on]
    assert links["Questions bearing on this"] == bearing


def test_a_paragraph_lists_the_items_citing_it(brief: Brief):
    links = groups(brief, "para:6")
    assert "item:zelensky-asking" in links["Cited by"]
    assert section_of(brief, "para:6") == "source"
    assert detail(brief, "para:999") is None


def test_labels_are_plain_text_and_can_be_cut(brief: Brief):
    event = brief.timeline[0]
    label = label_of(brief, f"item:{event.id}")
    assert "[[" not in label  # [[id]] in an event's Markdown becomes the item's name
    assert len(label_of(brief, "item:zelensky-asking", limit=20)) == 20
    assert plain_text("See [[a]] and **b** `c`", {"a": "Alpha"}.get) == "See Alpha and b c"


def test_filter_puts_substring_matches_before_fuzzy_ones(brief: Brief):
    rows = section_rows(brief, "actors")
    found = filter_rows(rows, "trump")
    assert found[0].label == "Donald Trump"
    assert fuzzy_match("dtr", "donald trump")
    assert not fuzzy_match("trd", "donald trump")
    assert filter_rows(rows, "  ") == rows
