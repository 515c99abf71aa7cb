"""``draft_article``: what the drafter finds in small, clear article snippets.

Each test gives the text a user would paste in and checks what they would see in the draft: the
quotations with their speakers, the actors, the cleaned paragraphs, the metadata, the dated
events. The evaluation script (bench/draft_eval.py) measures the whole on real articles; these
tests pin each attribution form and cleaning rule on its own.
"""

from __future__ import annotations

import datetime as dt

import pytest
from paths import REPO

from briefing_tui.core.draft import Draft, draft_article, skeleton_yaml
from briefing_tui.core.load.loader import load_brief

SEED = REPO / "bench/draft_eval/articles/00-zerohedge-2026-zelensky-security-guarantees.txt"

HEADLINE = "Talks stall in Geneva"


def article(*paragraphs: str, headline: str = HEADLINE) -> str:
    """An article: a headline, then the paragraphs, blank lines between."""
    return "\n\n".join([headline, *paragraphs]) + "\n"


def words(text: str) -> str:
    """Quoted words without the final punctuation the attribution form may or may not keep."""
    return text.strip().rstrip(".,;:!?").strip()


def said(draft: Draft) -> list[tuple[str | None, str]]:
    """(speaker, words) of every quotation found, in order."""
    return [(quote.speaker, words(quote.text)) for quote in draft.quotes]


def actor(draft: Draft, name: str):
    """The one actor whose name contains ``name``."""
    found = [a for a in draft.actors if name in a.name]
    assert len(found) == 1, [a.name for a in draft.actors]
    return found[0]


# --- Attribution forms ---------------------------------------------------------------------------

SIGN = "We will not sign this agreement"


@pytest.mark.parametrize(
    "paragraph",
    [
        '"We will not sign this agreement," Maria Lopez said.',
        '"We will not sign this agreement," Maria Lopez said on Monday.',
        "“We will not sign this agreement,” Maria Lopez said.",
    ],
    ids=["straight", "with-time", "curly"],
)
def test_quote_then_name_said(paragraph):
    draft = draft_article(article(paragraph))
    assert said(draft) == [("Maria Lopez", SIGN)]
    assert draft.quotes[0].para == 1


@pytest.mark.parametrize(
    "paragraph",
    [
        'Maria Lopez said: "We will not sign this agreement."',
        "Maria Lopez said: “We will not sign this agreement.”",
    ],
    ids=["straight", "curly"],
)
def test_name_said_colon_quote(paragraph):
    assert said(draft_article(article(paragraph))) == [("Maria Lopez", SIGN)]


@pytest.mark.parametrize(
    "paragraph",
    [
        '"We will not sign this agreement," said Maria Lopez.',
        "“We will not sign this agreement,” said Maria Lopez.",
    ],
    ids=["straight", "curly"],
)
def test_quote_then_said_name(paragraph):
    assert said(draft_article(article(paragraph))) == [("Maria Lopez", SIGN)]


def test_said_name_with_appositive_gives_the_role():
    draft = draft_article(
        article('"We will not sign this agreement," said Maria Lopez, the foreign minister.')
    )
    assert said(draft) == [("Maria Lopez", SIGN)]
    assert actor(draft, "Lopez").role == "the foreign minister"


@pytest.mark.parametrize(
    "paragraph",
    [
        '"The deal is dead in the water", according to Maria Lopez.',
        "“The deal is dead in the water,” according to Maria Lopez.",
    ],
    ids=["straight", "curly"],
)
def test_quote_according_to_name(paragraph):
    assert said(draft_article(article(paragraph))) == [
        ("Maria Lopez", "The deal is dead in the water")
    ]


@pytest.mark.parametrize(
    "listener",
    ["reporters", "Reuters", "the BBC on Monday", "John Smith"],
)
def test_name_told_listener_quote(listener):
    draft = draft_article(
        article(f'Maria Lopez told {listener}: "We will not sign this agreement."')
    )
    assert said(draft) == [("Maria Lopez", SIGN)]


@pytest.mark.parametrize(
    "paragraph",
    [
        '"We will not sign," Maria Lopez said, "until the troops have left."',
        "“We will not sign,” Maria Lopez said, “until the troops have left.”",
    ],
    ids=["straight", "curly"],
)
def test_quote_split_around_its_attribution(paragraph):
    draft = draft_article(article(paragraph))
    assert said(draft) == [
        ("Maria Lopez", "We will not sign"),
        ("Maria Lopez", "until the troops have left"),
    ]
    assert [q.para for q in draft.quotes] == [1, 1]


def test_quote_continued_into_next_paragraph_takes_the_later_speaker():
    # The last person named before the quotation is John Smith; the speaker is given only in
    # the paragraph that continues it.
    draft = draft_article(
        article(
            "Maria Lopez met John Smith, the envoy, on the sidelines of the summit.",
            '"We came here in good faith and we were ignored.',
            '"Nobody will sign this agreement as it stands," Lopez said.',
        )
    )
    assert said(draft) == [
        ("Maria Lopez", "We came here in good faith and we were ignored"),
        ("Maria Lopez", "Nobody will sign this agreement as it stands"),
    ]
    assert [q.para for q in draft.quotes] == [2, 3]
    assert draft.unbalanced == []  # a continued quotation is not a stray mark


@pytest.mark.parametrize(
    ("name", "pronoun"),
    [("Maria Lopez", "she said"), ("Maria Lopez", "she added"), ("John Smith", "he said")],
)
def test_pronoun_resolves_to_the_last_named_person(name, pronoun):
    draft = draft_article(
        article(
            f"{name} arrived late to the meeting in Geneva.",
            f'"We will not sign this agreement," {pronoun}.',
        )
    )
    assert said(draft) == [(name, SIGN)]


def test_two_pronoun_quotes_in_one_paragraph_share_the_speaker():
    draft = draft_article(
        article(
            "Maria Lopez arrived late to the meeting in Geneva.",
            '"We will not sign this agreement," she said. "Nobody asked us what we wanted,"'
            " she added.",
        )
    )
    assert said(draft) == [("Maria Lopez", SIGN), ("Maria Lopez", "Nobody asked us what we wanted")]


def test_pronoun_after_a_newly_named_person_is_that_person():
    draft = draft_article(
        article(
            '"We will not sign this agreement," John Smith said.',
            'Maria Lopez, the foreign minister, disagreed. "The door remains open to everyone,"'
            " she said.",
        )
    )
    assert said(draft) == [
        ("John Smith", SIGN),
        ("Maria Lopez", "The door remains open to everyone"),
    ]


@pytest.mark.parametrize(
    ("speaker", "name", "role"),
    [
        ("President Trump", "Trump", "President"),
        ("Foreign Minister Maria Lopez", "Maria Lopez", "Foreign Minister"),
        ("Senator Ann Bell", "Ann Bell", "Senator"),
        ("France's President Emmanuel Macron", "Emmanuel Macron", "President"),
    ],
)
def test_title_before_a_name_is_a_role_not_part_of_the_name(speaker, name, role):
    for paragraph in (
        f'"Europe must open its markets to our goods," {speaker} said.',
        f"{speaker} said: “Europe must open its markets to our goods.”",
    ):
        draft = draft_article(article(paragraph))
        assert said(draft) == [(name, "Europe must open its markets to our goods")], paragraph
        person = actor(draft, name)
        assert person.kind == "person"
        assert person.role is not None
        assert role in person.role


def test_a_state_body_as_speaker():
    draft = draft_article(
        article("Russia's foreign ministry said: \"The talks are a waste of everyone's time.\"")
    )
    [quote] = draft.quotes
    assert words(quote.text) == "The talks are a waste of everyone's time"
    assert quote.speaker is not None
    assert "foreign ministry" in quote.speaker.casefold()
    assert actor(draft, "ministry").kind == "organisation"
    assert {a.name: a.kind for a in draft.actors}["Russia"] == "state"


@pytest.mark.parametrize("honorific", ["Mr", "Mr."])
def test_mr_surname_merges_into_the_full_name(honorific):
    draft = draft_article(
        article(
            "Palestinian leader Mahmoud Abbas met militants in Gaza.",
            f'"We will not tolerate any attacks on Israel," {honorific} Abbas said.',
        )
    )
    assert said(draft) == [("Mahmoud Abbas", "We will not tolerate any attacks on Israel")]
    abbas = actor(draft, "Abbas")
    assert abbas.name == "Mahmoud Abbas"
    assert abbas.kind == "person"
    assert abbas.count >= 2


def test_nested_single_quotes_stay_inside_the_quotation():
    draft = draft_article(
        article("Ann Bell said: \"He told me 'never again' and then he did it again.\"")
    )
    assert said(draft) == [("Ann Bell", "He told me 'never again' and then he did it again")]


def test_nested_curly_single_quotes_stay_inside_the_quotation():
    draft = draft_article(
        article("Ann Bell said: “He told me ‘never again’ and then he did it again.”")
    )
    assert said(draft) == [("Ann Bell", "He told me ‘never again’ and then he did it again")]


@pytest.mark.parametrize(
    "paragraph",
    [
        'The minister gave a firm "no" to the plan before leaving.',
        "The minister gave a firm 'no' to the plan before leaving.",
        'The minister called the report "deeply flawed" before leaving.',
        "The minister called the report “deeply flawed” before leaving.",
    ],
    ids=["one-word", "single-marks", "two-words", "two-words-curly"],
)
def test_scare_quotes_are_not_statements(paragraph):
    assert draft_article(article(paragraph)).quotes == []


@pytest.mark.parametrize(
    "paragraph",
    [
        'Ann Bell wrote a memoir titled "The Long Road Home" about the war.',
        'Ann Bell later wrote the book "Winter In The Capital Region" about the siege.',
        "Ann Bell wrote a memoir titled “The Long Road Home” about the war.",
    ],
    ids=["titled", "the-book", "titled-curly"],
)
def test_quoted_titles_of_works_are_not_statements(paragraph):
    assert draft_article(article(paragraph)).quotes == []


def test_a_statement_beside_scare_quotes_is_still_found():
    draft = draft_article(
        article(
            'Maria Lopez called the offer "deeply flawed" on Monday. "We will not sign this'
            ' agreement," she said.'
        )
    )
    assert said(draft) == [("Maria Lopez", SIGN)]


def test_article_without_quotations_gives_none():
    draft = draft_article(
        article(
            "The talks ended without a deal on Monday.",
            "Ministers will meet again next month, officials said.",
        )
    )
    assert draft.quotes == []
    assert draft.unbalanced == []
    assert len(draft.article.paragraphs) == 2


# --- Cleaning ------------------------------------------------------------------------------------


def test_scrape_debris_is_dropped_and_listed():
    debris = [
        "print-icon",
        "ADVERTISEMENT",
        "Image copyright Getty Images",
        "Loading recommendations...",
        "Trade talks resume in Rome | Jane Doe Read more",
    ]
    draft = draft_article(
        article(
            debris[0],
            "The talks ended without a deal on Monday.",
            debris[1],
            debris[2],
            "Ministers will meet again next month.",
            debris[3],
            debris[4],
            "The delegations flew home.",
        )
    )
    assert draft.article.paragraphs == [
        "The talks ended without a deal on Monday.",
        "Ministers will meet again next month.",
        "The delegations flew home.",
    ]
    assert draft.article.dropped == debris


def test_photo_caption_and_repeated_lead_are_dropped():
    lead = "The talks ended without a deal on Monday."
    caption = "President Joe Biden speaks in Washington. (AP Photo/Evan Vucci)"
    draft = draft_article(article(lead, caption, lead, "Ministers will meet again next month."))
    assert draft.article.paragraphs == [lead, "Ministers will meet again next month."]
    assert draft.article.dropped == [caption, lead]


def test_crlf_line_ends():
    text = article(
        "The talks ended without a deal on Monday.",
        '"We will not sign this agreement," John Smith said.',
    ).replace("\n", "\r\n")
    draft = draft_article(text)
    assert draft.article.title == HEADLINE
    assert draft.article.paragraphs == [
        "The talks ended without a deal on Monday.",
        '"We will not sign this agreement," John Smith said.',
    ]
    assert said(draft) == [("John Smith", SIGN)]
    assert all("\r" not in p for p in draft.article.paragraphs)


def test_hard_wrapped_wire_text_splits_at_indents():
    text = (
        "BANKS FEAR NEW RULES\n"
        "\n"
        "    Japanese banks said on Tuesday they\n"
        "feared the new rules would cut their profits sharply this\n"
        "year.\n"
        "    The finance ministry said the rules were needed to\n"
        "protect savers.\n"
        '    "We have no choice but to act now," Kenji Sato\n'
        "said.\n"
    )
    draft = draft_article(text)
    assert draft.article.title == "BANKS FEAR NEW RULES"
    assert draft.article.paragraphs == [
        "Japanese banks said on Tuesday they feared the new rules would cut their profits"
        " sharply this year.",
        "The finance ministry said the rules were needed to protect savers.",
        '"We have no choice but to act now," Kenji Sato said.',
    ]
    assert said(draft) == [("Kenji Sato", "We have no choice but to act now")]
    assert draft.quotes[0].para == 3


def test_non_ascii_names_and_words_survive():
    draft = draft_article(
        article(
            "Ségolène Royal met Jürgen Müller and Łukasz Wałęsa in Paris.",
            '"Nous sommes prêts à signer l\'accord," Ségolène Royal said.',
            'Müller said: "Wir können das nicht akzeptieren, niemals."',
            headline="Élysée talks",
        )
    )
    assert draft.article.title == "Élysée talks"
    assert said(draft) == [
        ("Ségolène Royal", "Nous sommes prêts à signer l'accord"),
        ("Jürgen Müller", "Wir können das nicht akzeptieren, niemals"),
    ]
    names = {a.name for a in draft.actors}
    assert {"Ségolène Royal", "Jürgen Müller", "Łukasz Wałęsa"} <= names


# --- Metadata ------------------------------------------------------------------------------------

BODY = "Russia said on Monday it would not attend the talks."


@pytest.mark.parametrize("byline", ["By Jane Doe", "by Jane Doe"])
def test_byline_gives_the_author(byline):
    draft = draft_article(article(byline, BODY))
    assert draft.article.title == HEADLINE
    assert draft.article.author == "Jane Doe"
    assert draft.article.outlet is None
    assert draft.article.paragraphs == [BODY]


def test_byline_with_agency_gives_author_and_outlet():
    draft = draft_article(article("By Jane Doe, Reuters", BODY))
    assert draft.article.author == "Jane Doe"
    assert draft.article.outlet == "Reuters"
    assert draft.article.paragraphs == [BODY]


@pytest.mark.parametrize(
    ("first", "dateline", "outlet"),
    [
        (
            "MOSCOW (Reuters) - Russia said on Monday it would not attend the talks.",
            "MOSCOW (Reuters)",
            "Reuters",
        ),
        (
            "WASHINGTON (AP) — The Senate passed the bill on Monday.",
            "WASHINGTON (AP)",
            "Associated Press",
        ),
        ("PEKING, March 3 - China called for a better trade deal.", "PEKING, March 3", None),
    ],
    ids=["reuters", "ap", "place-and-date"],
)
def test_dateline_gives_dateline_and_outlet(first, dateline, outlet):
    draft = draft_article(article(first, "The foreign ministry gave no reason."))
    assert draft.article.dateline == dateline
    assert draft.article.outlet == outlet
    assert draft.article.paragraphs[0] == first  # the dateline stays in the text


def test_dateline_place_is_not_an_organisation():
    draft = draft_article(
        article("MOSCOW (Reuters) - Russia said on Monday it would not attend the talks.")
    )
    assert [a.name for a in draft.actors if a.kind == "organisation"] == []


def test_iso_date_line_gives_the_publication_date():
    draft = draft_article(article("By Jane Doe", "2024-03-07", BODY))
    assert draft.article.published == dt.date(2024, 3, 7)
    assert draft.article.paragraphs == [BODY]


def test_missing_metadata_stays_none():
    draft = draft_article(article(BODY, "The foreign ministry gave no reason."))
    meta = draft.article
    assert meta.title == HEADLINE
    assert (meta.author, meta.outlet, meta.published, meta.dateline) == (None, None, None, None)


def test_no_headline_leaves_the_title_none():
    long_first = (
        "Russia said on Thursday it would not attend the talks in Geneva, which were due to"
        " open next week with delegations from twelve countries and the United Nations present."
    )
    draft = draft_article(long_first + "\n")
    assert draft.article.title is None
    assert draft.article.paragraphs == [long_first]


# --- Actors --------------------------------------------------------------------------------------


def test_surname_mentions_merge_into_the_full_name():
    draft = draft_article(
        article(
            "Volodymyr Zelensky met European leaders in Paris on Tuesday.",
            "Zelensky later said the talks had been useful.",
            "Ukraine's Zelensky has asked for guarantees before.",
            '"We need guarantees that work," Zelensky said.',
        )
    )
    zelensky = actor(draft, "Zelensky")
    assert zelensky.name == "Volodymyr Zelensky"
    assert zelensky.kind == "person"
    assert zelensky.count >= 3
    assert said(draft) == [("Volodymyr Zelensky", "We need guarantees that work")]
    assert actor(draft, "Ukraine").kind == "state"


def test_a_state_named_by_its_demonym():
    draft = draft_article(
        article("Russian officials said the talks would not resume. The Russian delegation left.")
    )
    russia = actor(draft, "Russia")
    assert russia.name == "Russia"
    assert russia.kind == "state"
    assert russia.count == 2


def test_speakers_are_always_actors():
    draft = draft_article(
        article('"We will not sign this agreement," said Maria Lopez.', "Smith agreed.")
    )
    assert {q.speaker for q in draft.quotes} <= {a.name for a in draft.actors}


# --- Timeline ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "day"),
    [
        ("on Monday", dt.date(2024, 3, 4)),
        ("on Thursday", dt.date(2024, 3, 7)),
        ("last Friday", dt.date(2024, 3, 1)),
    ],
)
def test_weekday_resolved_against_the_publication_date(phrase, day):
    # 2024-03-07 is a Thursday.
    draft = draft_article(
        article("2024-03-07", f"Russia said {phrase} it would not attend the talks.")
    )
    assert draft.article.published == dt.date(2024, 3, 7)
    [event] = draft.events
    assert event.para == 1
    assert event.written.endswith(phrase.split()[-1])
    assert event.date == day
    assert "Russia" in event.actors


def test_weekday_without_a_publication_date_stays_text():
    draft = draft_article(article(BODY))
    [event] = draft.events
    assert event.written == "on Monday"
    assert event.date is None


# --- The seed article ----------------------------------------------------------------------------


def test_seed_article_finds_the_three_quotes_of_the_issue():
    draft = draft_article(SEED.read_text(encoding="utf-8"))
    found = [(q.speaker or "", words(q.text)) for q in draft.quotes]
    assert len(found) == 3, found
    (zelensky, first), (witkoff_1, second), (witkoff_2, third) = found
    assert "Zelensky" in zelensky
    assert first == (
        "I am asking this very question to all our partners and I have not received a clear,"
        " unambiguous answer yet"
    )
    assert "Witkoff" in witkoff_1
    assert second == (
        "We have made significant progress on several critical workstreams, including our"
        " bilateral security guarantee framework and a prosperity plan"
    )
    assert "Witkoff" in witkoff_2
    assert third.startswith("We agree with the Coalition that durable security guarantees")
    assert third.endswith("we will continue to work together on this effort")


# -- the skeleton's YAML ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["talks\nmonday.txt", "talks # not: a comment.txt", "talks\x1b]0;x\x07.txt", 'say "so".txt'],
    ids=["line-break", "comment-and-colon", "escape", "quotes"],
)
def test_any_file_name_leaves_the_skeleton_valid_yaml(tmp_path, name):
    draft = draft_article(article('"We will not sign this agreement," Maria Lopez said.'))
    (tmp_path / name).write_text(draft.article.source_text(), encoding="utf-8")
    brief = tmp_path / "brief.yaml"
    brief.write_text(skeleton_yaml(draft, name, made_from=name), encoding="utf-8")
    assert load_brief(brief).source.text == name
