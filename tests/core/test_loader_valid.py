"""A valid brief loads into typed records, with its paragraphs, items by id and link index."""

from __future__ import annotations

import datetime as dt

from briefkit import VALID_BRIEF, edit, locate

from briefing_tui.core.brief.model import Actor, Event, Issue, Link, Position, Question, Quote
from briefing_tui.core.load.loader import load_brief


def test_fields_have_their_declared_types(load_valid):
    brief = load_valid()

    assert brief.format == 1
    assert brief.id == "test-brief"
    assert brief.title == "A test brief"
    assert brief.source.published == dt.date(2026, 1, 9)
    assert type(brief.source.published) is dt.date
    assert brief.source.url == "https://example.com/a"
    assert brief.source.text == "article.txt"
    (summit,) = brief.timeline
    assert type(summit.date) is dt.date and summit.date == dt.date(2026, 1, 6)
    assert summit.actors == ("alpha", "gamma")
    assert isinstance(summit.evidence, tuple) and summit.evidence[0].para == 3
    position = brief.positions[0]
    assert isinstance(position.evidence, tuple)
    assert type(position.evidence[0].para) is int and position.evidence[0].para == 1
    assert position.evidence[0].quote == "we will act soon"
    assert type(brief.quotes[1].para) is int and brief.quotes[1].para == 2
    assert brief.actors[0].part_of == ("gamma",)
    assert brief.actors[1].part_of == ()  # omitted list fields are empty tuples
    assert brief.actors[1].role is None  # omitted optional text is None
    assert brief.questions[0].bears_on == ("alpha-will-act", "trade")
    for section in ("actors", "issues", "positions", "questions", "quotes", "timeline"):
        assert isinstance(brief.section(section), tuple)


def test_block_scalar_keeps_its_markdown(load_valid):
    brief = load_valid()
    assert brief.summary is not None
    assert brief.summary.startswith("[[alpha]] spoke about [[trade]].\n\nThe `[[not-a-link]]`")
    assert not brief.summary.endswith("\n")


def test_items_are_indexed_by_id_with_their_class_and_location(load_valid):
    brief = load_valid()

    expected = {
        "alpha": Actor,
        "gamma": Actor,
        "trade": Issue,
        "alpha-will-act": Position,
        "when-act": Question,
        "alpha-quote": Quote,
        "gamma-quote": Quote,
        "summit": Event,
    }
    assert {key: type(item) for key, item in brief.items.items()} == expected
    assert brief.item("gamma") is brief.actors[1]
    assert brief.item("no-such-item") is None
    # Each item remembers where it was written (the line of its '- id:' entry).
    line, column = locate(VALID_BRIEF, "id: summit")
    assert (brief.item("summit").loc.line, brief.item("summit").loc.column) == (line, column)


def test_paragraphs_are_numbered_from_one(load_valid):
    brief = load_valid()

    assert [p.number for p in brief.paragraphs] == [1, 2, 3]
    assert [p.line for p in brief.paragraphs] == [1, 3, 6]
    assert brief.paragraph(2).text == (
        "The ministry of Gamma replied that \u201cnothing \u2014 nothing at all\u201d had changed,"
        " and that the trade talks would go on."
    )
    assert brief.paragraph(0) is None
    assert brief.paragraph(4) is None


def test_typographic_quote_in_article_matches_plain_quote_in_brief(load_valid):
    # gamma-quote is written with straight quotes and a hyphen; the article has curly quotes
    # and an em dash. The brief loading at all is the assertion; check the quote is there.
    brief = load_valid()
    assert brief.item("gamma-quote").text == '"nothing - nothing at all" had changed'


def test_outgoing_links_follow_reference_fields(load_valid):
    links = load_valid().links

    assert links.links_from("alpha-will-act") == (
        Link("alpha-will-act", "alpha", "actor"),
        Link("alpha-will-act", "trade", "issue"),
    )
    assert links.links_from("alpha") == (Link("alpha", "gamma", "part_of"),)
    assert links.links_from("when-act") == (
        Link("when-act", "alpha-will-act", "bears_on"),
        Link("when-act", "trade", "bears_on"),
    )
    assert links.links_from("gamma") == ()


def test_wikilink_mentions_are_outgoing_links_and_code_spans_are_not(load_valid):
    links = load_valid().links

    # The summary's links belong to the brief itself (its id).
    assert links.links_from("test-brief") == (
        Link("test-brief", "alpha", "summary", mention=True),
        Link("test-brief", "trade", "summary", mention=True),
    )
    assert Link("summit", "alpha", "text", mention=True) in links.links_from("summit")
    assert all(link.target != "not-a-link" for link in links.links_from("test-brief"))


def test_actor_backlinks_are_its_positions_quotes_events_and_mentions(load_valid):
    incoming = load_valid().links.links_to("alpha")

    assert Link("alpha-will-act", "alpha", "actor") in incoming
    assert Link("alpha-quote", "alpha", "speaker") in incoming
    assert Link("summit", "alpha", "actors") in incoming
    assert Link("summit", "alpha", "text", mention=True) in incoming
    assert Link("test-brief", "alpha", "summary", mention=True) in incoming
    assert len(incoming) == 5


def test_part_of_is_a_backlink_of_the_containing_actor(load_valid):
    incoming = load_valid().links.links_to("gamma")
    assert {(link.source, link.field) for link in incoming} == {
        ("alpha", "part_of"),
        ("gamma-quote", "speaker"),
        ("summit", "actors"),
    }


def test_issue_backlinks_are_its_positions(load_valid):
    incoming = load_valid().links.links_to("trade")
    assert [link.source for link in incoming if link.field == "issue"] == ["alpha-will-act"]


def test_position_backlinks_are_the_questions_bearing_on_it(load_valid):
    assert load_valid().links.links_to("alpha-will-act") == (
        Link("when-act", "alpha-will-act", "bears_on"),
    )


def test_paragraphs_know_the_items_citing_them(load_valid):
    links = load_valid().links

    assert links.items_citing(1) == ("alpha-will-act", "alpha-quote")
    assert links.items_citing(2) == ("gamma-quote",)
    assert links.items_citing(3) == ("summit",)
    assert links.items_citing(99) == ()
    assert links.paragraphs_of("alpha-will-act") == (1,)
    assert links.paragraphs_of("alpha") == ()


def test_a_paragraph_cited_twice_by_one_item_is_listed_once(load_valid):
    text = edit(
        VALID_BRIEF,
        "      - para: 1\n        quote: we will act soon\n",
        "      - para: 1\n        quote: we will act soon\n      - para: 1\n",
    )
    links = load_valid(text).links
    assert links.items_citing(1) == ("alpha-will-act", "alpha-quote")
    assert links.paragraphs_of("alpha-will-act") == (1,)


def test_quoted_yaml_words_stay_strings(load_valid):
    text = edit(VALID_BRIEF, "title: A test brief", 'title: "no"')
    text = edit(text, "name: Gamma", "name: 'yes'")
    text = edit(text, "title: Trade talks", 'title: "on"')
    text = edit(text, "role: Minister", 'role: "1999"')
    brief = load_valid(text)
    assert brief.title == "no"
    assert brief.item("gamma").name == "yes"
    assert brief.item("trade").title == "on"
    assert brief.item("alpha").role == "1999"


def test_quoted_id_that_yaml_would_read_as_a_boolean_is_an_id(load_valid):
    text = edit(VALID_BRIEF, "  - id: trade\n", '  - id: "no"\n')
    text = edit(text, "issue: trade", "issue: 'no'")
    text = edit(text, "bears_on: [alpha-will-act, trade]", 'bears_on: [alpha-will-act, "no"]')
    text = edit(text, "about [[trade]]", "about [[no]]")
    brief = load_valid(text)
    assert isinstance(brief.item("no"), Issue)
    assert brief.positions[0].issue == "no"


def test_optional_values_may_be_null(load_valid):
    text = edit(VALID_BRIEF, "published: 2026-01-09", "published: null")
    text = edit(text, "url: https://example.com/a", "url: ~")
    text = edit(text, "author: A. Writer", "author:")
    brief = load_valid(text)
    assert brief.source.published is None
    assert brief.source.url is None
    assert brief.source.author is None


def test_utf8_bom_crlf_and_unicode_text_are_accepted(write_brief):
    text = edit(VALID_BRIEF, "title: A test brief", "title: Zürich — «Gespräche» 会谈")
    data = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    brief = load_brief(write_brief(data))
    assert brief.title == "Zürich — «Gespräche» 会谈"
    assert len(brief.items) == 8


def test_brief_loads_from_a_string_path_and_records_it(write_brief, valid_brief):
    path = write_brief(valid_brief)
    brief = load_brief(str(path))
    assert brief.path == path
