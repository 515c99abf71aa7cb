"""Searching a library: every field searched, every filter, their combinations, bad filters,
the order of hits, the limit, and reading notes without writing anything.

The fixture library has three valid briefs made from ``VALID_BRIEF`` (the same actors ``alpha``
and ``gamma`` in each, as a library of one story would) and one that does not load:

- ``test-brief``, published 2026-01-09, its event dated 2026-01-06;
- ``ceasefire-brief``, published 2025-06-01: a curly apostrophe in its stance, an event of
  2025-05-30, and the outlet "Wire Service";
- ``undated-brief``, no publication date, Alpha's role "Envoy".
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from briefkit import ARTICLE, VALID_BRIEF, edit, locate

from briefing_tui.core.library.across import build_index
from briefing_tui.core.library.entries import LibraryEntry, load_library
from briefing_tui.core.load.loader import load_brief
from briefing_tui.core.notes.edits import set_note, set_tags, toggle_flag, toggle_mark
from briefing_tui.core.notes.folder import count_notes, notes_path, read_notes
from briefing_tui.core.notes.store import NotesStore
from briefing_tui.core.search.filter import STATES
from briefing_tui.core.search.index import Hit, SearchIndex
from briefing_tui.core.search.query import LibraryQuery, parse_library_query

CEASEFIRE = (
    edit(
        edit(
            edit(
                edit(
                    edit(VALID_BRIEF, "id: test-brief", "id: ceasefire-brief"),
                    "title: A test brief",
                    "title: The ceasefire holds",
                ),
                "published: 2026-01-09",
                "published: 2025-06-01",
            ),
            "stance: Will act soon.",
            "stance: Won\u2019t accept the ceasefire terms without monitors.",
        ),
        "date: 2026-01-06",
        "date: 2025-05-30",
    )
    .replace("outlet: Example News", "outlet: Wire Service")
    .replace("text: When will Alpha act?", "text: Who monitors the ceasefire?")
)
UNDATED = edit(
    edit(
        edit(
            edit(VALID_BRIEF, "id: test-brief", "id: undated-brief"),
            "title: A test brief",
            "title: Undated talks",
        ),
        "published: 2026-01-09",
        "published: null",
    ),
    "role: Minister",
    "role: Envoy",
)
BRIEFS = {"a/test.yaml": VALID_BRIEF, "b/ceasefire.yaml": CEASEFIRE, "c/undated.yaml": UNDATED}
BROKEN = "format: 1\nid: Not A Slug\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The library folder: three valid briefs (each beside its article) and a broken one."""
    root = tmp_path / "library"
    for name, text in BRIEFS.items():
        path = root / name
        path.parent.mkdir(parents=True)
        path.write_text(text, encoding="utf-8")
        (path.parent / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    return root


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    """A notes folder (not created: annotating creates it)."""
    return tmp_path / "notes"


@pytest.fixture
def entries(folder: Path, notes: Path) -> list[LibraryEntry]:
    return load_library(folder, notes)


def annotate(folder: Path, notes: Path) -> None:
    """The reader's notes: on test-brief and ceasefire-brief, none on undated-brief."""
    test = NotesStore(load_brief(folder / "a/test.yaml"), notes)
    test.change("alpha-will-act", toggle_mark("agree"))
    test.change("alpha-will-act", set_tags(("Guarantees", "watch")))
    test.change("alpha-will-act", set_note("Compare with the Monday briefing of the ministry."))
    test.change("when-act", toggle_mark("doubt"))
    test.change("when-act", toggle_flag("follow-up"))
    test.change("gamma", toggle_flag("star"))
    ceasefire = NotesStore(load_brief(folder / "b/ceasefire.yaml"), notes)
    ceasefire.change("alpha-will-act", toggle_mark("disagree"))
    ceasefire.change("alpha-will-act", set_tags(("watch",)))
    ceasefire.change("summit", set_note("The summit date is disputed."))


@pytest.fixture
def index(folder: Path, notes: Path, entries: list[LibraryEntry]) -> SearchIndex:
    annotate(folder, notes)
    return SearchIndex.from_library(entries, notes)


def found(index: SearchIndex, query: str, limit: int | None = None) -> list[tuple[str, str]]:
    """(brief id, item id or "-" for the brief's title) of every hit, in order."""
    results = index.search(query, limit=limit)
    assert not results.problems, results.problems
    return [(hit.brief_id, hit.item_id or "-") for hit in results.hits]


def items(index: SearchIndex, query: str) -> set[tuple[str, str]]:
    return set(found(index, query))


# --- Parsing -----------------------------------------------------------------------------------


def test_a_query_splits_into_folded_words_and_filters() -> None:
    query = parse_library_query(
        "Won\u2019t  CEASEFIRE #Watch is:agree actor:Alpha-Beta after:2025 before:2026-01"
    )
    assert query.words == ("won't", "ceasefire")
    assert query.filters.tags == ("watch",)
    assert query.filters.states == ("agree",)
    assert query.actors == ("alpha-beta",)
    assert query.after == dt.date(2025, 1, 1)
    assert query.before == dt.date(2026, 1, 31)
    assert query.problems == ()
    assert query.selects_items


@pytest.mark.parametrize(
    ("term", "after", "before"),
    [
        ("after:2024-02-29", dt.date(2024, 2, 29), None),
        ("before:2024-02-29", None, dt.date(2024, 2, 29)),
        ("after:2024-02", dt.date(2024, 2, 1), None),
        ("before:2024-02", None, dt.date(2024, 2, 29)),
        ("before:2023-12", None, dt.date(2023, 12, 31)),
        ("after:2023", dt.date(2023, 1, 1), None),
        ("before:2023", None, dt.date(2023, 12, 31)),
        ("after:2020 after:2022-03-04", dt.date(2022, 3, 4), None),
        ("before:2020 before:2022", None, dt.date(2020, 12, 31)),
    ],
)
def test_dates_may_be_a_day_a_month_or_a_year(term, after, before) -> None:
    query = parse_library_query(term)
    assert (query.after, query.before, query.problems) == (after, before, ())


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("before:", "before: needs YYYY-MM-DD"),
        ("after:2026-13-01", "after: needs YYYY-MM-DD, not '2026-13-01'"),
        ("after:2026-02-30", "after: needs YYYY-MM-DD, not '2026-02-30'"),
        ("before:yesterday", "before: needs YYYY-MM-DD, not 'yesterday'"),
        ("after:26-01-01", "after: needs YYYY-MM-DD, not '26-01-01'"),
        ("actor:", "actor: needs an actor's id or name"),
        ("actor:!!", "actor: needs an actor's id or name"),
        ("is:", "is: needs a state"),
        ("is:happy", "is:happy is not a state; use one of agree, disagree"),
        ("speaker:alpha", "unknown filter 'speaker:'"),
        ("Tag:x", "unknown filter 'Tag:'"),
        ("after:2026 before:2025", "after:2026-01-01 is later than before:2025-12-31"),
    ],
)
def test_bad_filters_are_problems_and_match_nothing(index, text, problem) -> None:
    query = parse_library_query(f"ceasefire {text}")
    assert len(query.problems) == 1
    assert query.problems[0].startswith(problem)
    results = index.search(f"ceasefire {text}")
    assert results.problems == query.problems
    assert (results.hits, results.total) == ((), 0)


def test_every_problem_of_a_query_is_reported() -> None:
    query = parse_library_query("is:x before:soon foo:bar actor:")
    assert len(query.problems) == 4


@pytest.mark.parametrize("word", ["https://example.com/a", "10:30", "note:", "ceasefire:"])
def test_words_with_a_colon_that_are_not_filters_are_words(word) -> None:
    query = parse_library_query(word)
    assert query.problems == ()
    assert query.words == (word.lower(),)


def test_every_state_of_the_brief_filter_is_understood() -> None:
    for state in STATES:
        assert parse_library_query(f"is:{state}").filters.states == (state,)


def test_an_empty_query_finds_nothing_and_says_nothing(index) -> None:
    for text in ("", "   "):
        assert parse_library_query(text).is_empty
        assert index.search(text).hits == ()
        assert index.search(text).problems == ()
    assert index.search(LibraryQuery()).total == 0


# --- Each field searched -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "hit", "where"),
    [
        ("test brief", ("test-brief", "-"), "title"),  # the brief's title
        ("headline", ("test-brief", "-"), "headline"),  # the article's headline
        ("wire service", ("ceasefire-brief", "-"), "outlet"),
        ("alpha beta", ("test-brief", "alpha"), "name"),  # an actor's name
        ("minister", ("test-brief", "alpha"), "role"),  # an actor's role
        ("envoy", ("undated-brief", "alpha"), "role"),
        ("trade talks", ("test-brief", "trade"), "title"),  # an issue
        ("will act soon.", ("test-brief", "alpha-will-act"), "stance"),  # a position
        ("monitors the", ("ceasefire-brief", "when-act"), "text"),  # a question
        ("nothing at all", ("test-brief", "gamma-quote"), "text"),  # a quote's words
        ("paris summit", ("test-brief", "summit"), "text"),  # an event
        ("monday briefing", ("test-brief", "alpha-will-act"), "note"),  # the reader's note
        ("guarantees", ("test-brief", "alpha-will-act"), "tags"),  # the reader's tags
    ],
)
def test_each_field_is_searched(index, query, hit, where) -> None:
    results = index.search(query, limit=None)
    hits = {(h.brief_id, h.item_id or "-"): h for h in results.hits}
    assert hit in hits, sorted(hits)
    assert hits[hit].where == where


def test_a_quote_is_found_by_its_speakers_name(index) -> None:
    hits = index.search("gamma nothing").hits
    assert [(h.item_id, h.where, h.snippet) for h in hits] == [
        ("gamma-quote", "speaker", "Gamma")
    ] * 3


def test_an_events_links_read_as_the_names_they_point_at(index) -> None:
    # "Summit in Paris with [[alpha]]." reads "Summit in Paris with Alpha Beta."
    assert items(index, "with alpha beta") == {
        ("test-brief", "summit"),
        ("ceasefire-brief", "summit"),
        ("undated-brief", "summit"),
    }
    assert items(index, "[[alpha]]") == set()


def test_words_match_whatever_their_case_quote_marks_and_spacing(index) -> None:
    expected = [("ceasefire-brief", "alpha-will-act")]
    assert found(index, "won't") == expected  # the brief has a curly apostrophe
    assert found(index, "WON\u2019T MONITORS") == expected
    assert found(index, '"nothing') == found(index, "\u201cnothing")


def test_every_word_must_match_within_one_item(index) -> None:
    # "Alpha Beta" is an actor and "Trade talks" an issue of each brief: no item has both.
    assert found(index, "beta trade") == []
    assert found(index, "beta minister") == [("test-brief", "alpha"), ("ceasefire-brief", "alpha")]


def test_words_do_not_match_across_two_fields(index) -> None:
    # The actor's name ends "Beta" and its role starts "Minister": no word spans them.
    assert found(index, "betaminister") == []
    assert found(index, "beta\nminister") == found(index, "beta minister")


def test_a_hit_locates_its_item_in_the_brief_file(index, folder) -> None:
    hit = index.search("who monitors").hits[0]
    assert hit == Hit(
        path=folder / "b/ceasefire.yaml",
        brief_id="ceasefire-brief",
        brief_title="The ceasefire holds",
        published=dt.date(2025, 6, 1),
        item_id="when-act",
        section="questions",
        label="Who monitors the ceasefire?",
        where="text",
        snippet="Who monitors the ceasefire?",
        line=locate(CEASEFIRE, "- id: when-act")[0],
        column=locate(CEASEFIRE, "- id: when-act")[1] + 2,
    )
    assert hit.in_label


def test_a_titles_hit_points_at_the_start_of_the_file(index) -> None:
    hit = index.search("undated talks").hits[0]
    assert (hit.item_id, hit.section, hit.label, hit.line, hit.column) == (
        None,
        "brief",
        "Undated talks",
        1,
        1,
    )


def test_labels_name_the_actor_of_a_position_and_the_speaker_of_a_quote(index) -> None:
    labels = {h.item_id: h.label for h in index.search("actor:gamma", limit=None).hits}
    assert labels["gamma-quote"] == 'Gamma: \u201c"nothing - nothing at all" had changed\u201d'
    assert labels["summit"] == "2026-01-06 Summit in Paris with Alpha Beta."


def test_a_match_outside_the_label_shows_a_snippet_of_its_field(index) -> None:
    hit = index.search("monday").hits[0]
    assert (hit.where, hit.snippet, hit.in_label) == (
        "note",
        "Compare with the Monday briefing of the ministry.",
        False,
    )


def test_a_long_field_is_cut_around_the_match(folder, notes, entries) -> None:
    store = NotesStore(load_brief(folder / "a/test.yaml"), notes)
    words = [f"word{i}" for i in range(40)]
    store.change("trade", set_note(" ".join(words)))
    hit = SearchIndex.from_library(entries, notes).search("word20").hits[0]
    assert hit.where == "note"
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert "word20" in hit.snippet
    assert len(hit.snippet) <= 82


# --- Filters -------------------------------------------------------------------------------------


def test_tags_keep_items_the_reader_tagged_so(index) -> None:
    assert found(index, "#watch") == [
        ("test-brief", "alpha-will-act"),
        ("ceasefire-brief", "alpha-will-act"),
    ]
    assert found(index, "#GUARANTEES") == [("test-brief", "alpha-will-act")]
    assert found(index, "#watch #guarantees") == [("test-brief", "alpha-will-act")]
    assert found(index, "#nothing") == []


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ("agree", {("test-brief", "alpha-will-act")}),
        ("disagree", {("ceasefire-brief", "alpha-will-act")}),
        ("doubt", {("test-brief", "when-act")}),
        (
            "marked",
            {
                ("test-brief", "alpha-will-act"),
                ("ceasefire-brief", "alpha-will-act"),
                ("test-brief", "when-act"),
            },
        ),
        ("star", {("test-brief", "gamma")}),
        ("follow-up", {("test-brief", "when-act")}),
        ("note", {("test-brief", "alpha-will-act"), ("ceasefire-brief", "summit")}),
        (
            "annotated",
            {
                ("test-brief", "alpha-will-act"),
                ("test-brief", "when-act"),
                ("test-brief", "gamma"),
                ("ceasefire-brief", "alpha-will-act"),
                ("ceasefire-brief", "summit"),
            },
        ),
    ],
)
def test_is_filters_keep_items_by_annotation(index, state, expected) -> None:
    assert items(index, f"is:{state}") == expected


def test_is_unannotated_keeps_the_rest_of_the_items_and_no_titles(index) -> None:
    everything = index.search("is:unannotated", limit=None)
    assert everything.total == index.item_count - 3 - 5  # three titles, five annotated items
    assert all(hit.item_id for hit in everything.hits)
    assert ("test-brief", "gamma") not in items(index, "is:unannotated")


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("actor:gamma", {"gamma", "gamma-quote", "summit"}),  # by id
        ("actor:alpha", {"alpha", "alpha-will-act", "alpha-quote", "summit"}),
        ("actor:beta", {"alpha", "alpha-will-act", "alpha-quote", "summit"}),  # a name word
        ("actor:BET", {"alpha", "alpha-will-act", "alpha-quote", "summit"}),  # its start
        ("actor:alpha-beta", {"alpha", "alpha-will-act", "alpha-quote", "summit"}),  # all words
        ("actor:al-be", {"alpha", "alpha-will-act", "alpha-quote", "summit"}),
        ("actor:beta-alpha", {"alpha", "alpha-will-act", "alpha-quote", "summit"}),
        ("actor:alpha-gamma", set()),  # no one actor is called both
        ("actor:alpha actor:gamma", {"summit"}),  # items involving both
        ("actor:delta", set()),
    ],
)
def test_actor_keeps_the_actor_its_positions_its_quotes_and_its_events(
    index, term, expected
) -> None:
    hits = found(index, term)
    assert {item for _, item in hits} == expected
    assert {brief for brief, _ in hits} == (
        {"test-brief", "ceasefire-brief", "undated-brief"} if expected else set()
    )


def test_questions_and_issues_involve_no_actor(index) -> None:
    assert not {"when-act", "trade"} & {item for _, item in found(index, "actor:alpha")}


def test_after_and_before_keep_briefs_by_publication_date_and_events_by_their_own(index) -> None:
    newest = {item for brief, item in found(index, "after:2026-01-09") if brief == "test-brief"}
    assert "alpha" in newest and "-" in newest
    assert "summit" not in newest  # the event is of 2026-01-06
    assert {b for b, _ in found(index, "after:2026-01-09")} == {"test-brief"}
    assert found(index, "after:2026-01-07 before:2026-01-08") == []
    assert found(index, "after:2026-01-06 before:2026-01-06") == [
        ("test-brief", "summit"),
        ("undated-brief", "summit"),  # an event of an undated brief has a date of its own
    ]
    assert found(index, "before:2025-05-31") == [("ceasefire-brief", "summit")]
    older = found(index, "before:2025-06-01")
    assert ("ceasefire-brief", "-") in older and ("ceasefire-brief", "alpha") in older
    assert {b for b, _ in older} == {"ceasefire-brief"}


def test_only_the_events_of_an_undated_brief_match_a_date_filter(index) -> None:
    for query in ("after:1900", "before:2999", "after:1900 before:2999"):
        assert [i for b, i in found(index, query) if b == "undated-brief"] == ["summit"]


# --- Combinations --------------------------------------------------------------------------------


def test_filters_and_words_combine(index) -> None:
    assert found(index, "#watch is:disagree") == [("ceasefire-brief", "alpha-will-act")]
    assert found(index, "#watch after:2026") == [("test-brief", "alpha-will-act")]
    assert found(index, "actor:alpha is:note") == [
        ("test-brief", "alpha-will-act"),
        ("ceasefire-brief", "summit"),
    ]
    assert found(index, "actor:alpha is:note #watch") == [("test-brief", "alpha-will-act")]
    assert found(index, "actor:alpha paris") == [
        ("test-brief", "summit"),
        ("ceasefire-brief", "summit"),
        ("undated-brief", "summit"),
    ]
    assert found(index, "actor:alpha paris before:2025-12") == [("ceasefire-brief", "summit")]
    assert found(index, "summit disputed is:note actor:gamma") == [("ceasefire-brief", "summit")]
    assert found(index, "ceasefire is:star") == []


def test_filters_on_items_leave_out_titles(index) -> None:
    assert ("ceasefire-brief", "-") in found(index, "ceasefire")
    assert ("ceasefire-brief", "-") not in found(index, "ceasefire actor:alpha")
    assert ("ceasefire-brief", "-") not in found(index, "ceasefire is:unannotated")
    assert ("ceasefire-brief", "-") in found(index, "ceasefire after:2025")


# --- Order, limit, counts ------------------------------------------------------------------------


def test_hits_come_newest_brief_first_undated_last_then_in_brief_order(index) -> None:
    hits = found(index, "alpha")
    assert [b for b, _ in hits] == sorted(
        (b for b, _ in hits),
        key=["test-brief", "ceasefire-brief", "undated-brief"].index,
    )
    # "Alpha" is an actor's name, in a question (not in ceasefire-brief), a quote's speaker and
    # an event's [[alpha]] link: hits in the order of the sections.
    assert hits == [
        ("test-brief", "alpha"),
        ("test-brief", "when-act"),
        ("test-brief", "alpha-quote"),
        ("test-brief", "summit"),
        ("ceasefire-brief", "alpha"),
        ("ceasefire-brief", "alpha-quote"),
        ("ceasefire-brief", "summit"),
        ("undated-brief", "alpha"),
        ("undated-brief", "when-act"),
        ("undated-brief", "alpha-quote"),
        ("undated-brief", "summit"),
    ]
    titles_first = found(index, "test")
    assert titles_first[0] == ("test-brief", "-")


def test_briefs_of_the_same_day_come_by_title(tmp_path) -> None:
    root = tmp_path / "same-day"
    for name, title in (("x", "Zulu brief"), ("y", "Alpha brief"), ("z", "mike brief")):
        text = edit(edit(VALID_BRIEF, "id: test-brief", f"id: {name}"), "A test brief", title)
        (root / name).mkdir(parents=True)
        (root / name / "b.yaml").write_text(text, encoding="utf-8")
        (root / name / "article.txt").write_text(ARTICLE, encoding="utf-8")
    index = SearchIndex(load_library(root, tmp_path / "notes"))
    assert [b for b, _ in found(index, "brief")] == ["y", "z", "x"]


def test_the_limit_caps_the_hits_but_not_the_total(index) -> None:
    everything = index.search("alpha", limit=None)
    assert everything.total == len(everything.hits) == 11
    assert everything.briefs == 3
    capped = index.search("alpha", limit=4)
    assert capped.hits == everything.hits[:4]
    assert (capped.total, capped.briefs) == (everything.total, 3)
    counted = index.search("alpha", limit=0)
    assert (counted.hits, counted.total) == ((), everything.total)
    assert len(index.search("alpha").hits) == everything.total  # the default limit is 50


def test_briefs_that_did_not_load_are_skipped_and_told(index, folder) -> None:
    assert index.skipped == (folder / "broken.yaml",)
    assert index.brief_count == 3
    assert found(index, "slug") == []


def test_an_index_can_be_given_its_annotations(folder, notes, entries) -> None:
    annotate(folder, notes)
    by_id = {e.brief.id: read_notes(e.brief.id, notes) for e in entries if e.brief}
    from_mapping = SearchIndex(entries, by_id)
    assert found(from_mapping, "#watch") == found(
        SearchIndex.from_library(entries, notes), "#watch"
    )
    assert found(SearchIndex(entries), "#watch") == []
    assert found(SearchIndex(entries), "monday") == []


# --- Reading notes changes nothing ---------------------------------------------------------------


def test_indexing_creates_no_notes_folder_or_lock_file(entries, notes, tmp_path) -> None:
    SearchIndex.from_library(entries, notes).search("is:annotated")
    assert not notes.exists()
    assert read_notes("test-brief", notes) == {}
    assert count_notes("test-brief", notes) == 0
    assert not notes.exists()


def test_read_notes_reads_what_the_store_wrote_and_leaves_no_lock(folder, notes) -> None:
    annotate(folder, notes)
    for lock in notes.glob("*.lock"):
        lock.unlink()
    before = sorted(p.name for p in notes.iterdir())
    read = read_notes("test-brief", notes)
    assert set(read) == {"alpha-will-act", "when-act", "gamma"}
    assert read["alpha-will-act"].tags == ("Guarantees", "watch")
    assert count_notes("test-brief", notes) == 3
    assert sorted(p.name for p in notes.iterdir()) == before


def test_read_notes_of_a_corrupt_or_foreign_file_is_empty_and_leaves_it(folder, notes) -> None:
    annotate(folder, notes)
    corrupt = notes_path(notes, "test-brief")
    corrupt.write_text("format: 1\nbrief: [\n", encoding="utf-8")
    assert read_notes("test-brief", notes) == {}
    assert corrupt.read_text(encoding="utf-8") == "format: 1\nbrief: [\n"  # not set aside
    foreign = notes_path(notes, "undated-brief")
    foreign.write_bytes(notes_path(notes, "ceasefire-brief").read_bytes())
    assert read_notes("undated-brief", notes) == {}  # it holds another brief's notes
    notes_path(notes, "ceasefire-brief").write_bytes(b"\xff\xfe not utf-8")
    assert read_notes("ceasefire-brief", notes) == {}


def test_actor_finds_an_actor_by_an_alias_its_id_in_other_briefs(tmp_path) -> None:
    root = tmp_path / "aliases"
    root.mkdir()
    aliased = edit(
        edit(VALID_BRIEF, "id: test-brief", "id: aliased"),
        "    name: Gamma\n",
        "    name: Gamma\n    aliases: [republic-of-gamma]\n",
    )
    (root / "b.yaml").write_text(aliased, encoding="utf-8")
    (root / "article.txt").write_text(ARTICLE, encoding="utf-8")
    index = SearchIndex(load_library(root, tmp_path / "notes"))
    assert {item for _, item in found(index, "actor:republic-of-gamma")} == {
        "gamma",
        "gamma-quote",
        "summit",
    }
    assert found(index, "actor:republic") == []  # an alias is matched whole, not by its start


def test_actor_follows_aliases_across_briefs_and_through_chains(tmp_path) -> None:
    # "gamma" (brief one) is joined to "gamma-state" (brief two) by an alias there, and that to
    # "g-republic" (brief three) by an alias in brief three: the three are one actor. Their
    # names differ, so only the aliases can join them.
    root = tmp_path / "chain"
    texts = {
        "one": VALID_BRIEF,
        "two": VALID_BRIEF.replace("gamma", "gamma-state").replace(
            "    name: Gamma\n", "    name: Republic of G\n    aliases: [gamma]\n"
        ),
        "three": VALID_BRIEF.replace("gamma", "g-republic").replace(
            "    name: Gamma\n", "    name: The G Republic\n    aliases: [gamma-state]\n"
        ),
    }
    for name, text in texts.items():
        (root / name).mkdir(parents=True)
        text = text.replace("id: test-brief", f"id: brief-{name}")
        (root / name / "b.yaml").write_text(text, encoding="utf-8")
        (root / name / "article.txt").write_text(ARTICLE, encoding="utf-8")
    index = SearchIndex(load_library(root, tmp_path / "notes"))
    expected = {
        ("brief-one", "gamma"),
        ("brief-two", "gamma-state"),
        ("brief-three", "g-republic"),
    }
    for term in ("gamma", "gamma-state", "g-republic"):
        actors = {hit for hit in items(index, f"actor:{term}") if "quote" not in hit[1]}
        assert actors - {(b, "summit") for b, _ in expected} == expected, term
    assert items(index, "actor:republic-of") == {
        ("brief-two", "gamma-state"),
        ("brief-two", "gamma-state-quote"),
        ("brief-two", "summit"),
    }  # a name is of one brief: names join nothing


def test_actor_follows_the_same_groups_as_the_across_briefs_index(tmp_path) -> None:
    # Where two ways of joining could disagree: the alias gamma -> gamma-state is declared only
    # in the oldest brief, and none in the middle one; the newest joins g-republic to
    # gamma-state and to old-g-state, an id no brief uses; an issue's alias names the actor
    # gamma (issues and actors stay apart); and one brief does not load.
    root = tmp_path / "groups"
    texts = {
        "old": VALID_BRIEF.replace("published: 2026-01-09", "published: 2024-01-01")
        .replace("    name: Gamma\n", "    name: Gamma\n    aliases: [gamma-state]\n")
        .replace("    title: Trade talks\n", "    title: Trade talks\n    aliases: [gamma]\n"),
        "mid": VALID_BRIEF.replace("published: 2026-01-09", "published: 2025-01-01")
        .replace("gamma", "gamma-state")
        .replace("    name: Gamma\n", "    name: Republic of G\n"),
        "new": VALID_BRIEF.replace("gamma", "g-republic").replace(
            "    name: Gamma\n",
            "    name: The G Republic\n    aliases: [gamma-state, old-g-state]\n",
        ),
    }
    for name, text in texts.items():
        (root / name).mkdir(parents=True)
        text = text.replace("id: test-brief", f"id: brief-{name}")
        (root / name / "b.yaml").write_text(text, encoding="utf-8")
        (root / name / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    entries = load_library(root, tmp_path / "notes")
    assert sum(e.brief is None for e in entries) == 1
    search, across = SearchIndex(entries), build_index(entries)
    g_keys = set()
    for term in ("gamma", "gamma-state", "g-republic", "old-g-state", "alpha"):
        hits = search.search(f"actor:{term}", limit=None).hits
        searched = {(h.brief_id, h.item_id) for h in hits if h.section == "actors"}
        entity = across.actor(across.actor_key(term))
        assert entity is not None, term
        assert searched == {(a.brief_id, a.item_id) for a in entity.appearances}, term
        if term != "alpha":
            g_keys.add(across.actor_key(term))
    assert g_keys == {"g-republic"}  # one actor, keyed by its smallest id
    assert len(across.actor("g-republic").appearances) == 3  # type: ignore[union-attr]


def test_the_brief_authors_notes_on_an_item_are_searched() -> None:
    flagship = Path(__file__).resolve().parents[2] / "briefs" / "zelensky-security-guarantees.yaml"
    index = SearchIndex([LibraryEntry(flagship, load_brief(flagship))])
    hits = index.search(parse_library_query("Kyiv"), limit=None).hits
    ukraine = [hit for hit in hits if hit.item_id == "ukraine"]
    assert len(ukraine) == 1  # "Also referred to as Kyiv." is in the actor's notes only
    assert ukraine[0].where == "author's notes"
