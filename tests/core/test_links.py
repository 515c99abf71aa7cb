"""``[[id]]`` links in Markdown, and the index of links and backlinks built from items."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing_tui.core.brief.linkindex import build_index
from briefing_tui.core.brief.model import (
    Actor,
    Event,
    Evidence,
    Issue,
    Link,
    Position,
    Question,
    Quote,
)
from briefing_tui.core.brief.wikilinks import wikilinks

# -- finding [[id]] links ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("[[alpha]]", ["alpha"]),
        ("See [[alpha]] and [[beta-2]].", ["alpha", "beta-2"]),
        ("[[alpha]] then [[alpha]] again", ["alpha", "alpha"]),
        ("**[[alpha]]** in bold, _[[beta]]_ in italics", ["alpha", "beta"]),
        ("# Heading [[alpha]]\n\n- item [[beta]]\n- item", ["alpha", "beta"]),
        ("> quoted [[alpha]]", ["alpha"]),
        ("| a | b |\n|---|---|\n| [[alpha]] | x |", ["alpha"]),  # a table is a paragraph
        ("[[ alpha ]]", ["alpha"]),
        ("a [[Not An Id]] b", ["Not An Id"]),
        ("line one\n[[alpha]] on line two", ["alpha"]),
        ("[see [[alpha]]](https://example.com)", ["alpha"]),
    ],
    ids=[
        "alone",
        "two",
        "repeated",
        "emphasis",
        "heading-and-list",
        "blockquote",
        "table",
        "padded",
        "not-an-id-is-still-found",
        "second-line",
        "inside-link-text",
    ],
)
def test_wikilinks_are_found(markdown, expected):
    assert wikilinks(markdown) == expected


@pytest.mark.parametrize(
    "markdown",
    [
        "no links here",
        "`[[alpha]]`",
        "``code with [[alpha]] inside``",
        "```\n[[alpha]]\n```",
        "~~~yaml\nkey: [[alpha]]\n~~~",
        "para\n\n    [[alpha]] in an indented code block",
        "\\[[alpha]]",
        "[[alpha]",
        "[[]]",
        "[[a\nb]]",
    ],
    ids=[
        "plain",
        "code-span",
        "double-backtick-span",
        "fence",
        "tilde-fence",
        "indented-code",
        "escaped",
        "unclosed",
        "empty",
        "across-lines",
    ],
)
def test_text_that_is_not_a_link(markdown):
    assert wikilinks(markdown) == []


def test_links_around_code_are_still_found():
    markdown = "[[alpha]] then `[[beta]]` then [[gamma]]\n\n```\n[[delta]]\n```\n\n[[epsilon]]"
    assert wikilinks(markdown) == ["alpha", "gamma", "epsilon"]


# -- the index --------------------------------------------------------------------------------


@pytest.fixture
def items():
    return [
        Actor(id="alpha", name="Alpha", kind="person", part_of=("gamma",)),
        Actor(id="gamma", name="Gamma", kind="state"),
        Issue(id="trade", title="Trade"),
        Position(
            id="alpha-acts",
            actor="alpha",
            issue="trade",
            stance="Acts.",
            attribution="stated",
            evidence=(Evidence(para=2), Evidence(para=1), Evidence(para=2, quote="x")),
        ),
        Question(id="when", text="When?", bears_on=("alpha-acts", "trade")),
        Quote(id="alpha-says", speaker="alpha", text="x", para=2),
        Event(
            id="summit",
            date=dt.date(2026, 1, 6),
            text="Summit.",
            actors=("alpha", "gamma"),
            evidence=(Evidence(para=3),),
        ),
    ]


def test_outgoing_links_are_in_field_order(items):
    index = build_index(items, {})
    assert index.links_from("alpha-acts") == (
        Link("alpha-acts", "alpha", "actor"),
        Link("alpha-acts", "trade", "issue"),
    )
    assert index.links_from("summit") == (
        Link("summit", "alpha", "actors"),
        Link("summit", "gamma", "actors"),
    )
    assert index.links_from("gamma") == ()
    assert index.links_from("no-such-item") == ()


def test_backlinks(items):
    index = build_index(items, {})
    assert [(link.source, link.field) for link in index.links_to("alpha")] == [
        ("alpha-acts", "actor"),
        ("alpha-says", "speaker"),
        ("summit", "actors"),
    ]
    assert [(link.source, link.field) for link in index.links_to("gamma")] == [
        ("alpha", "part_of"),
        ("summit", "actors"),
    ]
    assert [(link.source, link.field) for link in index.links_to("trade")] == [
        ("alpha-acts", "issue"),
        ("when", "bears_on"),
    ]
    assert index.links_to("alpha-acts") == (Link("when", "alpha-acts", "bears_on"),)
    assert index.links_to("when") == ()


def test_every_outgoing_link_is_someone_elses_backlink(items):
    index = build_index(items, {"summit": [("text", "trade")]})
    outgoing = {link for links in index.outgoing.values() for link in links}
    incoming = {link for links in index.incoming.values() for link in links}
    assert outgoing == incoming
    assert all(link in index.links_to(link.target) for link in outgoing)


def test_mentions_are_links_marked_as_mentions_and_deduplicated(items):
    mentions = {
        "brief-id": [("summary", "alpha"), ("summary", "trade"), ("summary", "alpha")],
        "summit": [("text", "trade")],
    }
    index = build_index(items, mentions)
    assert index.links_from("brief-id") == (
        Link("brief-id", "alpha", "summary", mention=True),
        Link("brief-id", "trade", "summary", mention=True),
    )
    assert Link("summit", "trade", "text", mention=True) in index.links_to("trade")
    # A mention does not replace the reference written in a field.
    assert Link("summit", "alpha", "actors") in index.links_from("summit")


def test_paragraph_citations(items):
    index = build_index(items, {})
    assert index.items_citing(1) == ("alpha-acts",)
    assert index.items_citing(2) == ("alpha-acts", "alpha-says")
    assert index.items_citing(3) == ("summit",)
    assert index.items_citing(4) == ()
    # Cited paragraphs keep the order the item cites them in, each once.
    assert index.paragraphs_of("alpha-acts") == (2, 1)
    assert index.paragraphs_of("alpha-says") == (2,)
    assert index.paragraphs_of("when") == ()
