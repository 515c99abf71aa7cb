"""Field declarations shared by the model, the loader, the JSON Schema and the presentation.

Each field of a brief record is declared once, on its dataclass, with one of the helpers below.
The helpers store a :class:`FieldSpec` in the dataclass field's metadata, so the loader
(``convert.py``) and the schema generator (``schema.py``) read the same declaration and cannot
disagree about names, types, required fields or reference targets.

The same declaration says how a field is presented (:class:`Presentation`): its label, whether
the detail pane shows it, the library search searches it and the Markdown export writes it, and
where. The detail pane (``views.py``), the search index (``search/index.py``) and the export
(``export/document.py``) walk the declarations, so a new field appears in all three with no
other edit (``tests/core/test_fields.py`` checks every declared field).
"""

from __future__ import annotations

import dataclasses
import enum
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypedDict, Unpack


class Kind(enum.Enum):
    """What kind of YAML value a field holds."""

    TEXT = "text"  # a single string, shown literally
    MARKDOWN = "markdown"  # a string rendered as Markdown; may hold [[id]] links
    SLUG = "slug"  # an id: lowercase letters, digits and single hyphens
    REF = "ref"  # the id of another item of this brief
    REFS = "refs"  # a list of ids of other items
    SLUGS = "slugs"  # a list of ids that are not references into this brief (aliases)
    INT = "int"  # a whole number
    DATE = "date"  # an ISO date, YYYY-MM-DD
    URL = "url"  # an http(s) URL
    ENUM = "enum"  # one of a fixed set of words
    PATH = "path"  # a file path relative to the brief
    RECORD = "record"  # a nested mapping of another record type
    RECORDS = "records"  # a list of nested mappings


class Export(enum.Enum):
    """Where the Markdown export writes a field of an annotated item (``docs/export.md``)."""

    NO = "no"  # left out
    HEADING = "heading"  # the entry's heading names it (an issue's title, a quote's speaker, ...)
    ABOVE = "above"  # a paragraph of its own under the heading, above the reader's mark and tags
    LINE = "line"  # a "- **Label:** value" line among the reader's mark and tags
    BELOW = "below"  # a block quote below the reader's note (a position's evidence)


class Presentation(TypedDict, total=False):
    """How a field is presented, as the helpers below take it (see :class:`FieldSpec`)."""

    label: str
    main: bool
    shown: bool
    searched: bool
    searched_as: str
    exported: Export
    missing: str


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """How one field of a record is written in YAML, what it means and how it is presented.

    The presentation's defaults make a new field appear everywhere: the detail pane shows it,
    the search searches it and the export writes it (a Markdown field as a paragraph, a list of
    records as a block quote, anything else as a ``- **Label:** value`` line).
    """

    kind: Kind
    doc: str
    required: bool
    targets: tuple[str, ...] = ()  # REF/REFS: the sections whose items may be referenced
    choices: tuple[str, ...] = ()  # ENUM: the allowed words
    record: type | None = None  # RECORD/RECORDS: the nested record class
    minimum: int | None = None  # INT: the smallest allowed value
    min_items: int = 0  # REFS/RECORDS: the fewest entries allowed

    #: The field's name in YAML and on its dataclass (filled in by :func:`specs`).
    name: str = ""
    #: What the detail pane and the export call it: by default its name, capitalised, with
    #: spaces for underscores ("part_of": "Part of"). A REF or REFS field's links are listed
    #: under it too.
    label: str = ""
    #: The item's own text: what its label shows and a note on it is anchored to. The search
    #: names it first. One per item class.
    main: bool = False
    #: Whether the detail pane shows it (a Markdown field as a section of its own; a REFS field
    #: only as links, under its label).
    shown: bool = True
    #: Whether the library search finds an item by the words of it.
    searched: bool = True
    #: What a search hit calls the field ("where" the words matched); by default its name.
    searched_as: str = ""
    #: Where the Markdown export writes it.
    exported: Export = Export.LINE
    #: What the detail pane says when the field is empty; "" leaves the field out.
    missing: str = ""
    #: ENUM: what each word means, as the detail pane and the export give it.
    words: Mapping[str, str] = dataclasses.field(default_factory=dict, hash=False)
    #: INT: a paragraph number of the article, shown "¶N" after the item's other fields.
    paragraph: bool = False
    #: TEXT: the name of the paragraph field these words are quoted from; the export writes
    #: the two together ("¶N: “words”"), and the link index counts the paragraph as cited.
    cites: str = ""
    #: REF/REFS: the heading of the links back, on the item referred to ("Members").
    backlink: str = ""

    def word(self, value: str) -> str:
        """An ENUM value in words (the value itself when the field gives no words)."""
        return self.words.get(value, value)


def _field(spec: FieldSpec, default: Any = dataclasses.MISSING) -> Any:
    return dataclasses.field(default=default, metadata={"spec": spec})


def _default_none(required: bool) -> Any:
    return dataclasses.MISSING if required else None


def text(doc: str, *, required: bool = True, cites: str = "", **shown: Unpack[Presentation]) -> Any:
    """A plain text field; ``cites``: the paragraph field its words are quoted from."""
    spec = FieldSpec(Kind.TEXT, doc, required, cites=cites, **shown)
    return _field(spec, _default_none(required))


def markdown(doc: str, *, required: bool = False, **shown: Unpack[Presentation]) -> Any:
    """A Markdown field; ``[[id]]`` inside it links to an item of the brief. The export writes
    it as a paragraph of its own unless told otherwise."""
    spec = FieldSpec(Kind.MARKDOWN, doc, required, **({"exported": Export.ABOVE} | shown))
    return _field(spec, _default_none(required))


def slug(doc: str, **shown: Unpack[Presentation]) -> Any:
    """A required id."""
    return _field(FieldSpec(Kind.SLUG, doc, True, **shown))


def ref(
    doc: str,
    *targets: str,
    required: bool = True,
    backlink: str = "",
    **shown: Unpack[Presentation],
) -> Any:
    """The id of one item in one of the ``targets`` sections; ``backlink``: the heading of the
    links back on that item."""
    spec = FieldSpec(Kind.REF, doc, required, targets=targets, backlink=backlink, **shown)
    return _field(spec, _default_none(required))


def refs(doc: str, *targets: str, backlink: str = "", **shown: Unpack[Presentation]) -> Any:
    """An optional list of item ids, each in one of the ``targets`` sections."""
    spec = FieldSpec(Kind.REFS, doc, False, targets=targets, backlink=backlink, **shown)
    return _field(spec, ())


def slugs(doc: str, **shown: Unpack[Presentation]) -> Any:
    """An optional list of ids, each checked as an id but naming nothing in this brief."""
    return _field(FieldSpec(Kind.SLUGS, doc, False, **shown), ())


def integer(doc: str, *, minimum: int | None = None, **shown: Unpack[Presentation]) -> Any:
    """A required whole number."""
    return _field(FieldSpec(Kind.INT, doc, True, minimum=minimum, **shown))


def paragraph(doc: str, **shown: Unpack[Presentation]) -> Any:
    """A required paragraph number of the article (from 1), shown "¶N". It is not searched,
    and the export writes it with the words that cite it (see ``cites``), not on its own."""
    defaults: Presentation = {"searched": False, "exported": Export.NO}
    return _field(FieldSpec(Kind.INT, doc, True, minimum=1, paragraph=True, **(defaults | shown)))


def date(doc: str, *, required: bool = True, **shown: Unpack[Presentation]) -> Any:
    """An ISO date (``YYYY-MM-DD``); ``null`` allowed when not required."""
    return _field(FieldSpec(Kind.DATE, doc, required, **shown), _default_none(required))


def url(doc: str, **shown: Unpack[Presentation]) -> Any:
    """An optional http(s) URL."""
    return _field(FieldSpec(Kind.URL, doc, False, **shown), None)


def choice(
    doc: str,
    *choices: str,
    words: dict[str, str] | None = None,
    **shown: Unpack[Presentation],
) -> Any:
    """A required word out of ``choices``; ``words``: what each means, for a reader."""
    meanings = dict(words or {})
    return _field(FieldSpec(Kind.ENUM, doc, True, choices=choices, words=meanings, **shown))


def path(doc: str) -> Any:
    """A required path relative to the brief file."""
    return _field(FieldSpec(Kind.PATH, doc, True))


def record(doc: str, cls: type) -> Any:
    """A required nested record."""
    return _field(FieldSpec(Kind.RECORD, doc, True, record=cls))


def records(doc: str, cls: type, *, min_items: int = 0, **shown: Unpack[Presentation]) -> Any:
    """A list of nested records; optional (empty) unless ``min_items`` > 0. The export writes
    it as a block quote below the reader's note unless told otherwise."""
    spec = FieldSpec(
        Kind.RECORDS,
        doc,
        min_items > 0,
        record=cls,
        min_items=min_items,
        **({"exported": Export.BELOW} | shown),
    )
    return _field(spec, () if min_items == 0 else dataclasses.MISSING)


def specs(cls: type) -> dict[str, FieldSpec]:
    """The declared YAML fields of a record class, in declaration order."""
    return _specs(cls)


# Cached behind specs(): a cache's arguments must be Hashable, and mypy takes a dataclass's
# own __hash__ for its class's, so type[Item] passed straight to the cache would not check.
@functools.cache
def _specs(cls: type) -> dict[str, FieldSpec]:
    return {
        f.name: _named(f.metadata["spec"], f.name)
        for f in dataclasses.fields(cls)
        if "spec" in f.metadata
    }


def _named(spec: FieldSpec, name: str) -> FieldSpec:
    """The declaration with its name, and the label and search name it takes from it."""
    return dataclasses.replace(
        spec,
        name=name,
        label=spec.label or name.replace("_", " ").capitalize(),
        searched_as=spec.searched_as or name,
    )
