"""Actors and issues across briefs: same id, aliases (also transitive), date order, undated
briefs, invalid entries, the per-issue view; and the located problems of bad aliases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from briefkit import ARTICLE, VALID_BRIEF, edit, locate_in

from briefing_tui.core.library.across import LibraryIndex, actor_groups, build_index
from briefing_tui.core.library.entries import LibraryEntry
from briefing_tui.core.load.loader import load_brief
from briefing_tui.core.load.problems import Problem


def brief_yaml(
    brief_id: str,
    published: str,
    actors: list[tuple[str, str, list[str]]],
    issues: list[tuple[str, str, list[str]]],
    positions: list[tuple[str, str, str, str]],
) -> str:
    """A valid brief: actors and issues as (id, name or title, aliases), positions as
    (id, actor, issue, stance), each citing paragraph 1 of ``ARTICLE``."""
    lines = [
        "format: 1",
        f"id: {brief_id}",
        f"title: Brief {brief_id}",
        "source:",
        f"  title: Article of {brief_id}",
        f"  published: {published}",
        f"  text: {brief_id}.txt",
        "actors:",
    ]
    for actor_id, name, aliases in actors:
        lines += [f"  - id: {actor_id}", f"    name: {name}", "    kind: person"]
        if aliases:
            lines.append(f"    aliases: [{', '.join(aliases)}]")
    lines.append("issues:")
    for issue_id, title, aliases in issues:
        lines += [f"  - id: {issue_id}", f"    title: {title}"]
        if aliases:
            lines.append(f"    aliases: [{', '.join(aliases)}]")
    lines.append("positions:")
    for position_id, actor, issue, stance in positions:
        lines += [
            f"  - id: {position_id}",
            f"    actor: {actor}",
            f"    issue: {issue}",
            f"    stance: {stance}",
            "    attribution: stated",
            "    evidence: [{para: 1}]",
        ]
    return "\n".join(lines) + "\n"


# Four briefs. Zelensky is 'zelensky' in 2023 and 2024, 'volodymyr-zelensky' (aliasing
# 'zelensky') in 2025 and 'president-zelensky' (aliasing 'volodymyr-zelensky': transitive) in
# an undated brief. The guarantees issue is 'guarantees', then 'security-guarantees'. NATO is
# both an actor and an issue: they must stay apart.
BRIEFS = {
    "b2024": brief_yaml(
        "b2024",
        "2024-03-01",
        [("zelensky", "Zelensky", []), ("putin", "Vladimir Putin", [])],
        [("guarantees", "Guarantees", [])],
        [
            ("z-2024", "zelensky", "guarantees", "Wants guarantees."),
            ("p-2024", "putin", "guarantees", "Refuses guarantees."),
        ],
    ),
    "b2025": brief_yaml(
        "b2025",
        "2025-06-01",
        [("volodymyr-zelensky", "Volodymyr Zelensky", ["zelensky"])],
        [("security-guarantees", "Security guarantees", ["guarantees"])],
        [("z-2025", "volodymyr-zelensky", "security-guarantees", "Still wants guarantees.")],
    ),
    "undated": brief_yaml(
        "undated",
        "null",
        [("president-zelensky", "President Zelenskyy", ["volodymyr-zelensky"])],
        [("security-guarantees", "Guarantees for Ukraine", [])],
        [
            ("z-undated-a", "president-zelensky", "security-guarantees", "First stance."),
            ("z-undated-b", "president-zelensky", "security-guarantees", "Second stance."),
        ],
    ),
    "b2023": brief_yaml(
        "b2023",
        "2023-01-01",
        [("zelensky", "Zelenskyy", []), ("nato", "NATO", [])],
        [("ceasefire", "Ceasefire", []), ("nato-membership", "NATO membership", ["nato"])],
        [
            ("z-2023", "zelensky", "ceasefire", "Rejects a ceasefire."),
            ("n-2023", "nato", "nato-membership", "Door stays open."),
        ],
    ),
}


@pytest.fixture
def entries(tmp_path: Path) -> list[LibraryEntry]:
    """The four briefs, loaded, in no particular order, plus an invalid entry."""
    found = []
    for name in ("undated", "b2025", "b2023", "b2024"):
        path = tmp_path / f"{name}.yaml"
        path.write_text(BRIEFS[name], encoding="utf-8")
        (tmp_path / f"{name}.txt").write_text(ARTICLE, encoding="utf-8")
        found.append(LibraryEntry(path=path, brief=load_brief(path)))
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nid: zelensky\n", encoding="utf-8")
    found.insert(
        2, LibraryEntry(path=broken, brief=None, problems=(Problem(str(broken), 2, 1, "x"),))
    )
    return found


@pytest.fixture
def index(entries: list[LibraryEntry]) -> LibraryIndex:
    return build_index(entries)


def test_same_id_and_aliases_join_transitively(index: LibraryIndex):
    keys = {index.actor_key(i) for i in ("zelensky", "volodymyr-zelensky", "president-zelensky")}
    assert keys == {"president-zelensky"}  # the smallest id of the group
    assert index.actor_key("putin") == "putin"
    assert index.actor_key("no-such-actor") == "no-such-actor"
    assert index.issue_key("guarantees") == index.issue_key("security-guarantees")
    entity = index.actor("president-zelensky")
    assert entity is not None
    assert entity.ids == ("president-zelensky", "volodymyr-zelensky", "zelensky")
    assert entity.brief_count == 4


def test_actors_and_issues_are_joined_separately(index: LibraryIndex):
    # The issue 'nato-membership' aliases 'nato', which is an actor id: the actor stays alone.
    assert index.actor_key("nato") == "nato"
    assert index.issue_key("nato-membership") == "nato"
    actor = index.actor("nato")
    assert actor is not None and actor.name == "NATO"
    issue = index.issue("nato")
    assert issue is not None and issue.name == "NATO membership"


def test_stances_are_a_timeline_oldest_first_undated_last(index: LibraryIndex):
    stances = index.stances(index.actor_key("zelensky"))
    assert [s.position.id for s in stances] == [
        "z-2023",
        "z-2024",
        "z-2025",
        "z-undated-a",  # undated, last, in the brief's own order
        "z-undated-b",
    ]
    assert [s.date for s in stances] == [
        dt.date(2023, 1, 1),
        dt.date(2024, 3, 1),
        dt.date(2025, 6, 1),
        None,
        None,
    ]
    first = stances[0]
    assert first.brief_id == "b2023"
    assert first.brief_title == "Brief b2023"
    assert first.path.name == "b2023.yaml"
    assert first.actor_name == "Zelenskyy"  # the name in that brief
    assert first.issue_title == "Ceasefire"
    assert first.issue_key == "ceasefire"
    assert first.actor_key == "president-zelensky"
    # Issue titles as each brief gives them, under one canonical key.
    assert [s.issue_title for s in stances[1:]] == [
        "Guarantees",
        "Security guarantees",
        "Guarantees for Ukraine",
        "Guarantees for Ukraine",
    ]
    assert {s.issue_key for s in stances[1:]} == {"guarantees"}
    assert index.stances("no-such-actor") == []


def test_name_is_the_one_of_the_newest_dated_brief_and_briefs_are_listed(index: LibraryIndex):
    entity = index.actor(index.actor_key("zelensky"))
    assert entity is not None
    assert entity.name == "Volodymyr Zelensky"  # 2025: newer briefs are undated
    assert [(a.brief_id, a.item_id, a.label) for a in entity.appearances] == [
        ("b2023", "zelensky", "Zelenskyy"),
        ("b2024", "zelensky", "Zelensky"),
        ("b2025", "volodymyr-zelensky", "Volodymyr Zelensky"),
        ("undated", "president-zelensky", "President Zelenskyy"),
    ]
    issue = index.issue(index.issue_key("security-guarantees"))
    assert issue is not None and issue.name == "Security guarantees"


def test_only_undated_briefs_give_the_name_of_the_last(tmp_path: Path):
    entries = []
    for name, label in (("a", "Alpha One"), ("b", "Alpha Two")):
        text = brief_yaml(name, "null", [("alpha", label, [])], [("topic", "Topic", [])], [])
        path = tmp_path / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        (tmp_path / f"{name}.txt").write_text(ARTICLE, encoding="utf-8")
        entries.append(LibraryEntry(path=path, brief=load_brief(path)))
    entity = build_index(entries).actor("alpha")
    assert entity is not None and entity.name == "Alpha Two"


def test_invalid_entries_are_skipped(entries: list[LibraryEntry], index: LibraryIndex):
    assert any(e.brief is None for e in entries)
    paths = {s.path.name for s in index.stances("president-zelensky")}
    assert "broken.yaml" not in paths
    assert build_index([e for e in entries if e.brief is None]).actors() == []


def test_positions_on_an_issue_group_every_actor_across_briefs(index: LibraryIndex):
    groups = index.positions_on(index.issue_key("security-guarantees"))
    assert [(g.actor_key, g.name) for g in groups] == [
        ("putin", "Vladimir Putin"),  # by name
        ("president-zelensky", "Volodymyr Zelensky"),
    ]
    assert [s.position.id for s in groups[0].stances] == ["p-2024"]
    assert [s.position.id for s in groups[1].stances] == [
        "z-2024",
        "z-2025",
        "z-undated-a",
        "z-undated-b",
    ]
    assert index.positions_on(index.issue_key("ceasefire"))[0].name == "Volodymyr Zelensky"
    assert index.positions_on("no-such-issue") == []
    # Asking again gives the same answer (it is remembered), and a copy.
    again = index.positions_on(index.issue_key("guarantees"))
    assert again == groups and again is not groups


def test_lists_of_every_actor_and_issue(index: LibraryIndex):
    assert [a.key for a in index.actors()] == ["nato", "putin", "president-zelensky"]  # by name
    assert [i.name for i in index.issues()] == [
        "Ceasefire",
        "NATO membership",
        "Security guarantees",
    ]


def test_the_index_does_not_depend_on_the_order_of_entries(entries: list[LibraryEntry]):
    forward, backward = build_index(entries), build_index(entries[::-1])
    for key in ("president-zelensky", "putin", "nato"):
        assert forward.stances(key) == backward.stances(key)
        assert forward.actor(key) == backward.actor(key)


def test_actor_groups_are_the_groups_of_the_index(entries: list[LibraryEntry], index: LibraryIndex):
    # Just the grouping (what search's actor: follows), by the index's rule: same keys, and
    # every id of a group, the invalid entry skipped as build_index skips it.
    groups = actor_groups(e.brief for e in entries if e.brief is not None)
    zelensky = {"zelensky", "volodymyr-zelensky", "president-zelensky"}
    for actor_id in (*zelensky, "putin", "nato", "no-such-actor"):
        assert groups.key(actor_id) == index.actor_key(actor_id), actor_id
    for actor_id in zelensky:
        assert groups.ids(actor_id) == zelensky
    entity = index.actor("president-zelensky")
    assert entity is not None and set(entity.ids) == zelensky
    assert groups.ids("putin") == {"putin"}
    assert groups.ids("nato") == {"nato"}  # the issue aliasing 'nato' joins no actor
    assert groups.ids("no-such-actor") == {"no-such-actor"}
    assert groups.ids("guarantees") == {"guarantees"}  # issues are not actors


# -- aliases in one brief ---------------------------------------------------------------------


def test_aliases_load_and_name_nothing_in_the_brief(load_valid):
    text = edit(VALID_BRIEF, "    part_of: [gamma]\n", "    part_of: [gamma]\n    aliases: [ab]\n")
    text = edit(
        text, "    title: Trade talks\n", "    title: Trade talks\n    aliases: [trade-war]\n"
    )
    brief = load_valid(text)
    alpha, trade = brief.item("alpha"), brief.item("trade")
    assert alpha.aliases == ("ab",)  # type: ignore[union-attr]
    assert trade.aliases == ("trade-war",)  # type: ignore[union-attr]
    assert brief.item("ab") is None
    assert all(link.target != "ab" for links in brief.links.outgoing.values() for link in links)


def test_bad_aliases_are_located_problems(problems_of):
    aliases = "    aliases: [ab, alpha, Alpha Beta, gamma, ab]\n"
    text = edit(VALID_BRIEF, "    part_of: [gamma]\n", "    part_of: [gamma]\n" + aliases)
    found = problems_of(text)
    gamma_line = text[: text.index("  - id: gamma")].count("\n") + 1
    assert found == [
        (
            *locate_in(text, aliases, "alpha,"),
            "'alpha' in 'aliases' of actor 'alpha' is the actor's own id; aliases are the ids"
            " it has in other briefs",
        ),
        (
            *locate_in(text, aliases, "Alpha Beta"),
            "'Alpha Beta' is not a valid id for 'aliases' of actor 'alpha': use lowercase"
            " letters, digits and single hyphens, at most 80 characters (e.g. 'alpha-beta')",
        ),
        (
            *locate_in(text, aliases, "gamma"),
            f"'gamma' in 'aliases' of actor 'alpha' is another actor of this brief (line"
            f" {gamma_line}); aliases are the ids it has in other briefs, and two items of one"
            " brief are never the same",
        ),
        (*locate_in(text, aliases, "ab]"), "'ab' is listed twice in 'aliases'"),
    ]


def test_an_issue_alias_naming_an_actor_of_the_brief_is_fine(load_valid):
    # Actors and issues are joined separately: an issue may alias an actor's id.
    text = edit(
        VALID_BRIEF, "    title: Trade talks\n", "    title: Trade talks\n    aliases: [gamma]\n"
    )
    assert load_valid(text).item("trade").aliases == ("gamma",)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("aliases", "at", "message"),
    [
        ("aliases: trade-war", "trade-war", "'aliases' of issue 'trade' must be a list of ids"),
        ("aliases: [trade]", "trade]", "'trade' in 'aliases' of issue 'trade' is the issue's own"),
        ("aliases: [[a]]", "[a]", "'aliases' of issue 'trade' must be an id, not a list"),
        ('aliases: ["no"]', "", ""),  # quoted, 'no' is a fine id
        ("aliases: [no]", "no]", "'aliases' of issue 'trade': no is read by YAML as a boolean"),
    ],
)
def test_issue_aliases_are_checked_as_ids(problems_of, load_valid, aliases, at, message):
    line = f"    {aliases}\n"
    text = edit(VALID_BRIEF, "    title: Trade talks\n", "    title: Trade talks\n" + line)
    if not message:
        load_valid(text)
        return
    [(*place, said)] = problems_of(text)
    assert said.startswith(message), said
    assert tuple(place) == locate_in(text, line, at)
