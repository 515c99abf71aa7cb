"""Fields drive presentation: every declared field of every item class reaches the detail pane,
the library search and the Markdown export exactly as its declaration says, and a field added
to a model class reaches all three with no other edit.

The brief under test is generated from the declarations alone (:func:`marked_brief`): one item
of every class to look at (``<noun>-a``) and one for it to refer to (``<noun>-b``), every field
holding a word found nowhere else in the brief (a *marker*). A new field of any kind gets a
marker and is checked; a field of a kind the generator does not know fails here, by name.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import string
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from briefing_tui.core.brief import fields as f
from briefing_tui.core.brief.fields import Export, FieldSpec, Kind, specs
from briefing_tui.core.brief.linkindex import build_index
from briefing_tui.core.brief.model import SECTIONS, Actor, Brief, Item
from briefing_tui.core.brief.views import detail, item_key
from briefing_tui.core.export.document import export_markdown
from briefing_tui.core.library.entries import LibraryEntry
from briefing_tui.core.load.loader import load_brief
from briefing_tui.core.notes.annotations import blank
from briefing_tui.core.search.index import SearchIndex

EXPORTED = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)
NOUNS = {section: cls.noun for section, cls in SECTIONS.items()}


@dataclass(frozen=True)
class Want:
    """What a field's value looks like wherever it is shown: ``word`` occurs in the text, and
    when ``unique``, nowhere else in the brief (so its absence can be checked too)."""

    word: str
    unique: bool = True


class _Markers:
    """Marker words ("qzaaaq", "qzaabq", ...: none holds another), dates, numbers, and the
    article's paragraphs, each holding the words a field quotes from it."""

    def __init__(self) -> None:
        self.count = 0
        self.paragraphs = ["An opening paragraph that no field quotes."]

    def word(self) -> str:
        n = self.count
        self.count += 1
        letters = string.ascii_lowercase
        return "qz" + "".join(letters[n // 26**i % 26] for i in (2, 1, 0)) + "q"

    def date(self) -> dt.date:
        self.count += 1
        return dt.date(2026, 2, 1) + dt.timedelta(days=self.count)

    def paragraph(self, words: str) -> int:
        self.paragraphs.append(f"The article says {words} in this paragraph.")
        return len(self.paragraphs)


@dataclass
class Marked:
    """The generated brief, loaded, and what each field of its ``-a`` items should show."""

    brief: Brief
    wants: dict[tuple[str, str], Want]  # (item id, field name) -> what it shows


def _target(section: str, source: str) -> str:
    """The item a reference of ``source`` names: the ``-b`` item of the section (the ``-a``
    one when that is ``source`` itself)."""
    target = f"{NOUNS[section]}-b"
    return f"{NOUNS[section]}-a" if target == source else target


def field_values(
    cls: type, markers: _Markers, item_id: str | None, *, refer: bool = True
) -> tuple[dict[str, Any], dict[str, Want | str]]:
    """YAML values for every declared field of ``cls``, and what each should show (for a
    reference: the id of the item it names, whose main text is resolved once loaded)."""
    values: dict[str, Any] = {}
    wants: dict[str, Want | str] = {}
    for name, spec in specs(cls).items():
        if name in values:  # a paragraph, set with the words that cite it
            continue
        kind = spec.kind
        if spec.cites:
            words = markers.word()
            number = markers.paragraph(words)
            values[name], values[spec.cites] = words, number
            wants[name], wants[spec.cites] = Want(words), Want(f"¶{number}", unique=False)
        elif kind is Kind.SLUG:
            assert name == "id" and item_id is not None, f"{cls.__name__}.{name}: a new id field"
            values[name], wants[name] = item_id, Want(item_id, unique=False)
        elif kind in (Kind.TEXT, Kind.MARKDOWN):
            values[name] = markers.word()
            wants[name] = Want(values[name])
        elif kind is Kind.SLUGS:
            values[name] = [markers.word()]
            wants[name] = Want(values[name][0])
        elif kind in (Kind.REF, Kind.REFS):
            if kind is Kind.REFS and not refer:
                continue
            target = _target(spec.targets[0], item_id or "")
            values[name] = target if kind is Kind.REF else [target]
            wants[name] = target
        elif kind is Kind.INT:
            number = markers.paragraph(markers.word()) if spec.paragraph else 9000 + markers.count
            markers.count += 1
            values[name] = number
            wants[name] = Want(f"¶{number}" if spec.paragraph else str(number), unique=False)
        elif kind is Kind.DATE:
            values[name] = markers.date()
            wants[name] = Want(values[name].isoformat())
        elif kind is Kind.ENUM:
            values[name] = spec.choices[0]
            wants[name] = Want(spec.word(spec.choices[0]), unique=False)
        elif kind is Kind.URL:
            word = markers.word()
            values[name], wants[name] = f"https://example.com/{word}", Want(word)
        elif kind in (Kind.RECORD, Kind.RECORDS):
            assert spec.record is not None
            if kind is Kind.RECORDS and not (refer or spec.min_items):
                continue
            entry, entry_wants = field_values(spec.record, markers, None)
            values[name] = entry if kind is Kind.RECORD else [entry]
            unique = [w for w in entry_wants.values() if isinstance(w, Want) and w.unique]
            assert unique, f"{cls.__name__}.{name}: no field of its records can be told apart"
            wants[name] = unique[0]
        else:
            raise AssertionError(f"{cls.__name__}.{name}: no marker for a {kind} field; add one")
    return values, wants


def marked_brief(folder: Path) -> Marked:
    """Write and load a brief with two items of every class, every field marked."""
    markers = _Markers()
    data: dict[str, Any] = {
        "format": 1,
        "id": "marked",
        "title": "A marked brief",
        "source": {"title": "A headline", "text": "article.txt"},
    }
    pending: dict[tuple[str, str], Want | str] = {}
    for section, cls in SECTIONS.items():
        entries = []
        for suffix in ("a", "b"):
            item_id = f"{cls.noun}-{suffix}"
            values, wants = field_values(cls, markers, item_id, refer=suffix == "a")
            entries.append(values)
            if suffix == "a":
                pending.update({(item_id, name): want for name, want in wants.items()})
        data[section] = entries
    path = folder / "marked.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    (folder / "article.txt").write_text("\n\n".join(markers.paragraphs) + "\n", encoding="utf-8")
    brief = load_brief(path)
    return Marked(brief, {key: _resolved(brief, want) for key, want in pending.items()})


def _resolved(brief: Brief, want: Want | str) -> Want:
    """A reference shows the item it names by that item's main text."""
    if isinstance(want, Want):
        return want
    target = brief.item(want)
    assert target is not None
    (main,) = (s for s in specs(type(target)).values() if s.main)
    return Want(getattr(target, main.name))


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> Marked:
    return marked_brief(tmp_path_factory.mktemp("marked"))


# -- the checks, for one field of one item --------------------------------------------------------


def cited_by_exported(cls: type, name: str) -> bool:
    """Whether ``name`` is a paragraph that a field the export writes quotes from."""
    return any(s.cites == name and s.exported is not Export.NO for s in specs(cls).values())


def check_detail(brief: Brief, item: Item, spec: FieldSpec, want: Want) -> None:
    shown = detail(brief, item_key(item.id))
    assert shown is not None
    if spec.kind in (Kind.REF, Kind.REFS):  # a link under the field's label
        seen = any(row.group == spec.label and want.word in row.label for row in shown.links)
    elif spec.kind is Kind.MARKDOWN:  # a section headed by the label
        seen = any(head == spec.label and want.word in text for head, text in shown.markdown)
    else:
        seen = any(label == spec.label and want.word in text for label, text in shown.fields)
    assert seen == spec.shown, f"detail of {item.id} {'lacks' if spec.shown else 'shows'} it"
    if not spec.shown and want.unique:
        texts = [text for _, text in (*shown.fields, *shown.markdown)]
        assert not any(want.word in text for text in texts)


def check_search(brief: Brief, item: Item, spec: FieldSpec, want: Want) -> None:
    index = SearchIndex([LibraryEntry(brief.path, brief)])
    hits = [hit for hit in index.search(want.word, limit=None).hits if hit.item_id == item.id]
    if spec.searched:
        assert [hit.where for hit in hits] == [spec.searched_as], f"{want.word} finds {hits}"
    elif want.unique:
        assert not hits, f"{want.word} finds {item.id}, whose {spec.name} is not searched"


def check_export(brief: Brief, item: Item, spec: FieldSpec, want: Want) -> None:
    text = export_markdown(brief, {item.id: blank(item)}, exported=EXPORTED)
    if spec.exported is Export.LINE:
        lines = text.splitlines()
        assert any(ln.startswith(f"- **{spec.label}:** ") and want.word in ln for ln in lines)
    elif spec.exported is not Export.NO or cited_by_exported(type(item), spec.name):
        assert want.word in text
    elif want.unique:
        assert want.word not in text


CHECKS: dict[str, Callable[[Brief, Item, FieldSpec, Want], None]] = {
    "detail": check_detail,
    "search": check_search,
    "export": check_export,
}
DECLARED = [
    pytest.param(cls, name, check, id=f"{cls.__name__}.{name}-{check}")
    for cls in SECTIONS.values()
    for name in specs(cls)
    for check in CHECKS
]


@pytest.mark.parametrize(("cls", "name", "check"), DECLARED)
def test_every_declared_field_is_presented_as_declared(
    marked: Marked, cls: type, name: str, check: str
) -> None:
    item = marked.brief.item(f"{cls.__dict__['noun']}-a")
    assert item is not None and type(item) is cls
    CHECKS[check](marked.brief, item, specs(cls)[name], marked.wants[(item.id, name)])


@pytest.mark.parametrize("cls", SECTIONS.values(), ids=lambda cls: cls.__name__)
def test_one_main_field_holds_what_a_note_is_anchored_to(marked: Marked, cls: type) -> None:
    (main,) = (spec for spec in specs(cls).values() if spec.main)
    item = marked.brief.item(f"{cls.__dict__['noun']}-a")
    assert item is not None and item.body == getattr(item, main.name)


# -- a field added to a model class --------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorWithMore(Actor):
    """An actor with four fields more, declared with nothing but their kind and help text."""

    motto: str | None = f.text("What it says of itself.", required=False)
    founded: dt.date | None = f.date("When it was founded.", required=False)  # noqa: RUF009
    history: str | None = f.markdown("Its history (Markdown).")
    allies: tuple[str, ...] = f.refs("Actors it sides with.", "actors")


NEW_FIELDS = ("motto", "founded", "history", "allies")


@pytest.fixture(scope="module")
def grown(marked: Marked) -> tuple[Brief, dict[str, Want]]:
    """The marked brief with its ``actor-a`` made an :class:`ActorWithMore`, the index of links
    rebuilt as the loader builds it."""
    brief = marked.brief
    old = brief.item("actor-a")
    assert isinstance(old, Actor)
    markers = _Markers()
    markers.count = 26**3 // 2  # clear of the brief's own markers
    values, wants = field_values(ActorWithMore, markers, "actor-a")
    new = ActorWithMore(
        **{x.name: getattr(old, x.name) for x in dataclasses.fields(Actor) if x.init},
        **{name: values[name] for name in NEW_FIELDS[:3]},
        allies=tuple(values["allies"]),
    )
    items = {key: new if key == new.id else item for key, item in brief.items.items()}
    assert brief.links is not None
    mentions: dict[str, list[tuple[str, str]]] = {}
    for links in brief.links.outgoing.values():
        for link in links:
            if link.mention:
                mentions.setdefault(link.source, []).append((link.field, link.target))
    grown = dataclasses.replace(
        brief,
        actors=tuple(new if actor.id == new.id else actor for actor in brief.actors),
        items=items,
        links=build_index(items.values(), mentions),
    )
    return grown, {name: _resolved(grown, wants[name]) for name in NEW_FIELDS}


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize("name", NEW_FIELDS)
def test_a_new_field_is_shown_searched_and_exported_with_no_other_edit(
    grown: tuple[Brief, dict[str, Want]], name: str, check: str
) -> None:
    brief, wants = grown
    item = brief.item("actor-a")
    assert isinstance(item, ActorWithMore)
    spec = specs(ActorWithMore)[name]
    assert spec.shown and spec.searched and spec.exported is not Export.NO  # the defaults
    CHECKS[check](brief, item, spec, wants[name])
