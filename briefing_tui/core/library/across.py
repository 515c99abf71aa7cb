"""Actors and issues across the briefs of a library: who said what, on what, when.

Items with the same id in different briefs are the same actor (or issue); a brief's
``aliases`` join other ids to an item, transitively across the library (``a`` aliasing ``b`` in
one brief and ``b`` aliasing ``c`` in another make one actor). The canonical key of a group is
its smallest id, so it does not depend on the order briefs were read in. Actors and issues are
joined separately.

:func:`build_index` turns the entries of a library into a :class:`LibraryIndex`, which answers
two questions: an actor's stances in every brief over time (:meth:`LibraryIndex.stances`) and
every actor's stances on an issue (:meth:`LibraryIndex.positions_on`). Everything is sorted by
the brief's publication date, undated briefs last.

:func:`actor_groups` gives just the grouping of actor ids (:class:`AliasGroups`), by the same
rule and without the stances: what the library search's ``actor:`` filter follows.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..brief.model import Actor, Brief, Issue, Position

if TYPE_CHECKING:
    from .entries import LibraryEntry


# Appearances and stances are named tuples: a library makes tens of thousands of them, and a
# frozen dataclass takes four times as long to build (object.__setattr__ for every field).


class Appearance(NamedTuple):
    """One brief an actor or issue appears in, with its id and name there."""

    brief_id: str
    brief_title: str
    path: Path
    date: dt.date | None  # the brief's publication date
    item_id: str  # the actor's or issue's id in that brief
    label: str  # its name (actor) or title (issue) in that brief


class Stance(NamedTuple):
    """One position of an actor in one brief of the library."""

    brief_id: str
    brief_title: str
    path: Path
    date: dt.date | None  # the brief's publication date
    position: Position
    actor_key: str  # canonical key of the actor
    actor_name: str  # the actor's name in that brief
    issue_key: str  # canonical key of the issue
    issue_title: str  # the issue's title in that brief


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical actor or issue: every brief it appears in, oldest first (undated last)."""

    key: str
    name: str  # the name (actor) or title (issue) in its newest brief
    ids: tuple[str, ...]  # every id it has in the library's briefs, sorted
    appearances: tuple[Appearance, ...]

    @property
    def brief_count(self) -> int:
        """How many briefs it appears in."""
        return len({a.path for a in self.appearances})


@dataclass(frozen=True, slots=True)
class ActorStances:
    """An actor's stances on one issue across briefs, oldest first."""

    actor_key: str
    name: str  # the actor's name in its newest brief
    stances: tuple[Stance, ...]


class _Keys:
    """Union-find over ids; the root of each group is its smallest id."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}  # ids absent are roots of their own

    def flatten(self) -> None:
        """Point every id straight at its root, once the last union is done: then the key
        of an id is ``parent.get(id, id)``."""
        for item_id in list(self.parent):
            self.parent[item_id] = self.find(item_id)

    def key(self, item_id: str) -> str:
        """The root of ``item_id``, once flattened (without changing anything)."""
        return self.parent.get(item_id, item_id)

    def find(self, item_id: str) -> str:
        parent = self.parent
        root = item_id
        while (up := parent.get(root, root)) != root:
            root = up
        while item_id != root:  # path compression
            up = parent[item_id]
            parent[item_id] = root
            item_id = up
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


def _join(items: Iterable[Actor | Issue]) -> _Keys:
    """The ids of ``items`` joined by their aliases, flattened: the one rule of "Across briefs"
    (docs/format.md), for actors and for issues alike."""
    keys = _Keys()
    for item in items:
        for alias in item.aliases:
            keys.union(item.id, alias)
    keys.flatten()
    return keys


class AliasGroups:
    """Actor ids joined by aliases across a library, grouped as :func:`build_index` groups
    them. Build it with :func:`actor_groups`."""

    def __init__(self, keys: _Keys) -> None:
        self._keys = keys
        members: dict[str, set[str]] = defaultdict(set)
        for item_id, root in keys.parent.items():  # flattened: every joined id but the roots
            members[root].update((item_id, root))
        self._members = {root: frozenset(ids) for root, ids in members.items()}

    def key(self, actor_id: str) -> str:
        """The canonical key of the actor with this id: the smallest id of its group, as
        :meth:`LibraryIndex.actor_key` gives it."""
        return self._keys.key(actor_id)

    def ids(self, actor_id: str) -> frozenset[str]:
        """Every id of the actor with this id: ``actor_id`` and every id aliases join to it,
        directly or through a chain, in any brief (ids that are only aliases included); just
        ``actor_id`` when nothing joins it."""
        return self._members.get(self._keys.key(actor_id), frozenset((actor_id,)))


def actor_groups(briefs: Iterable[Brief]) -> AliasGroups:
    """The actor ids of ``briefs`` grouped by their aliases, as :func:`build_index` groups
    them, without building the stances. Pass only loaded briefs (``e.brief`` of the entries
    whose ``brief`` is not None), as :func:`build_index` skips the others."""
    return AliasGroups(_join(actor for brief in briefs for actor in brief.actors))


class LibraryIndex:
    """Actors and issues of a library grouped across briefs. Build it with :func:`build_index`."""

    def __init__(
        self,
        actor_keys: _Keys,
        issue_keys: _Keys,
        actors: dict[str, Entity],
        issues: dict[str, Entity],
        stances: dict[str, list[Stance]],
        on_issue: dict[str, list[Stance]],
    ) -> None:
        self._actor_keys = actor_keys
        self._issue_keys = issue_keys
        self._actors = actors
        self._issues = issues
        self._stances = stances
        self._on_issue = on_issue  # every stance on an issue, in date order
        self._grouped: dict[str, list[ActorStances]] = {}  # positions_on's answers

    def actor_key(self, actor_id: str) -> str:
        """The canonical key of the actor with this id (in any brief of the library)."""
        return self._actor_keys.key(actor_id)

    def issue_key(self, issue_id: str) -> str:
        """The canonical key of the issue with this id (in any brief of the library)."""
        return self._issue_keys.key(issue_id)

    def actor(self, key: str) -> Entity | None:
        """The actor with this canonical key, or None when no brief has it."""
        return self._actors.get(key)

    def issue(self, key: str) -> Entity | None:
        """The issue with this canonical key, or None when no brief has it."""
        return self._issues.get(key)

    def stances(self, actor_key: str) -> list[Stance]:
        """Every position of the actor in every brief: a timeline of stances, oldest first,
        undated briefs last; within a brief in the brief's order."""
        return list(self._stances.get(actor_key, ()))

    def positions_on(self, issue_key: str) -> list[ActorStances]:
        """Every actor with positions on the issue, by name, each with their stances on it
        across briefs, oldest first."""
        grouped = self._grouped.get(issue_key)
        if grouped is None:
            per_actor: dict[str, list[Stance]] = defaultdict(list)
            for stance in self._on_issue.get(issue_key, ()):
                per_actor[stance.actor_key].append(stance)
            grouped = [
                ActorStances(key, self._actor_name(key, timeline), tuple(timeline))
                for key, timeline in per_actor.items()
            ]
            grouped.sort(key=lambda g: (g.name.casefold(), g.actor_key))
            self._grouped[issue_key] = grouped
        return list(grouped)

    def _actor_name(self, key: str, timeline: list[Stance]) -> str:
        entity = self._actors.get(key)
        if entity is not None:
            return entity.name
        return timeline[-1].actor_name  # a position naming no actor: never in a valid brief

    def actors(self) -> list[Entity]:
        """Every actor of the library, by name."""
        return sorted(self._actors.values(), key=_by_name)

    def issues(self) -> list[Entity]:
        """Every issue of the library, by title."""
        return sorted(self._issues.values(), key=_by_name)


def build_index(entries: Iterable[LibraryEntry]) -> LibraryIndex:
    """Group the actors and issues of a library's briefs.

    Entries without a brief (invalid ones, and any not loaded yet) are skipped: build the
    index again once they are loaded.
    """
    briefs: list[tuple[Path, Brief]] = [(e.path, e.brief) for e in entries if e.brief is not None]
    # Oldest first, undated last; then by title and path, so the order never depends on input.
    briefs.sort(key=lambda pb: (_date_key(pb[1]), pb[1].title.casefold(), str(pb[0])))

    actor_keys = _join(actor for _, brief in briefs for actor in brief.actors)
    issue_keys = _join(issue for _, brief in briefs for issue in brief.issues)
    actor_seen: dict[str, list[Appearance]] = defaultdict(list)
    issue_seen: dict[str, list[Appearance]] = defaultdict(list)
    stances: dict[str, list[Stance]] = defaultdict(list)
    on_issue: dict[str, list[Stance]] = defaultdict(list)
    actor_parent, issue_parent = actor_keys.parent, issue_keys.parent
    for path, brief in briefs:
        date = brief.source.published
        names: dict[str, str] = {}
        for actor in brief.actors:
            names[actor.id] = actor.name
            actor_seen[actor_parent.get(actor.id, actor.id)].append(
                Appearance(brief.id, brief.title, path, date, actor.id, actor.name)
            )
        titles: dict[str, str] = {}
        for issue in brief.issues:
            titles[issue.id] = issue.title
            issue_seen[issue_parent.get(issue.id, issue.id)].append(
                Appearance(brief.id, brief.title, path, date, issue.id, issue.title)
            )
        for position in brief.positions:
            actor_key = actor_parent.get(position.actor, position.actor)
            issue_key = issue_parent.get(position.issue, position.issue)
            stance = Stance(
                brief.id,
                brief.title,
                path,
                date,
                position,
                actor_key,
                names.get(position.actor, position.actor),
                issue_key,
                titles.get(position.issue, position.issue),
            )
            stances[actor_key].append(stance)
            on_issue[issue_key].append(stance)

    actors = {key: _entity(key, seen) for key, seen in actor_seen.items()}
    issues = {key: _entity(key, seen) for key, seen in issue_seen.items()}
    return LibraryIndex(actor_keys, issue_keys, actors, issues, stances, on_issue)


def _date_key(brief: Brief) -> tuple[bool, int]:
    published = brief.source.published
    return (published is None, published.toordinal() if published else 0)


def _entity(key: str, seen: list[Appearance]) -> Entity:
    """The canonical item of appearances already in date order (undated last)."""
    dated = [a for a in seen if a.date is not None]
    newest = dated[-1] if dated else seen[-1]
    return Entity(key, newest.label, tuple(sorted({a.item_id for a in seen})), tuple(seen))


def _by_name(entity: Entity) -> tuple[str, str]:
    return (entity.name.casefold(), entity.key)
