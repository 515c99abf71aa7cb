"""Turning the located YAML tree into model records, one problem per mistake.

The conversion is driven by the field declarations on the model classes (see ``fields.py``),
so every record type is checked the same way: unknown keys (with a "did you mean"), missing
required keys, wrong types, bad ids, dates, numbers and URLs. Scalars get their type from the
field they fill, never from YAML's guessing; a plain scalar that YAML 1.1 tools would read as a
boolean, number, date or null is refused in a text field, with the hint to quote it, so the file
means the same thing in every YAML tool. The values of single fields are read in ``values.py``;
the records they fill, and the lists of records, are built here.

References between items and paragraph numbers are not resolved here: they are collected and
checked by ``validate.py`` once every id of the brief is known. Aliases (ids an actor or issue
has in other briefs) name nothing in this brief; once the brief is built they are checked not
to be the item's own id nor the id of another item of its section.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
from dataclasses import dataclass
from typing import Any

from ..brief.fields import FieldSpec, Kind, specs
from ..brief.model import FORMAT_VERSION, SECTIONS, Brief, Item, Loc
from .problems import ProblemLog
from .scalars import SLUG, WHOLE_NUMBER, describe, is_null
from .strict_yaml import Mapping, Node, Scalar, Sequence
from .values import BAD, ValueReader


@dataclass(frozen=True, slots=True)
class PendingRef:
    """A reference to check once all ids are known."""

    source: str  # id of the item holding the reference
    field: str
    target: str
    targets: tuple[str, ...]  # sections the target may be in
    loc: Loc


@dataclass(frozen=True, slots=True)
class PendingAlias:
    """An alias to check once the brief's items are known."""

    owner: str  # id of the item holding the alias ('' when its own id is unusable)
    what: str  # the item as messages name it: "actor 'zelensky'"
    section: str  # the section of the item holding it
    alias: str
    loc: Loc


@dataclass(frozen=True, slots=True)
class MarkdownField:
    """A Markdown value, kept with its place so ``[[id]]`` links in it can be located."""

    owner: str  # id of the item (or of the brief, for its summary)
    field: str
    scalar: Scalar


class Converter(ValueReader):
    """Builds model records from a located tree, logging problems and collecting references.

    The values of single fields (text, ids, numbers, dates, ...) are read by the methods it
    inherits from :class:`~.values.ValueReader`."""

    def __init__(self, log: ProblemLog) -> None:
        super().__init__(log)
        self.refs: list[PendingRef] = []
        self.markdown: list[MarkdownField] = []
        self.aliases: list[PendingAlias] = []
        #: The mapping each record was built from, by id(record), to locate its fields later.
        self.nodes: dict[int, Mapping] = {}
        #: Ids of items left out because they had problems: references to them are not
        #: reported again as dangling.
        self.broken_ids: set[str] = set()
        #: Fields of the brief given placeholders because they had problems.
        self.salvaged: set[str] = set()

    # -- records ----------------------------------------------------------------------------

    def brief(self, root: Node) -> Brief | None:
        """The brief at the root of the file, or None when it could not be built."""
        if type(root) is not Mapping:
            self.log.add(
                root.line,
                root.column,
                f"a brief must be a mapping of keys (format, id, title, ...), not {describe(root)}",
            )
            return None
        for key, value in root.pairs:
            # A brief of another format version would only yield noise about keys: say so alone.
            if (
                key.value == "format"
                and type(value) is Scalar
                and WHOLE_NUMBER.match(value.value)
                and int(value.value) != FORMAT_VERSION
            ):
                self.log.add(
                    value.line,
                    value.column,
                    f"format {value.value} is not supported; this version of briefing-tui"
                    f" reads format {FORMAT_VERSION}",
                )
                return None
        brief = self.record(root, Brief, "brief", salvage=True)
        if not isinstance(brief, Brief):
            return None
        self._check_aliases(brief)
        return brief

    def _check_aliases(self, brief: Brief) -> None:
        """An alias is neither the item's own id nor the id of another item of its section:
        two items of one brief are never the same actor or issue."""
        ids: dict[str, dict[str, Item]] = {}
        for pending in self.aliases:
            noun = SECTIONS[pending.section].noun if pending.section in SECTIONS else "item"
            if pending.alias == pending.owner:
                self.log.add(
                    pending.loc.line,
                    pending.loc.column,
                    f"'{pending.alias}' in 'aliases' of {pending.what} is the {noun}'s own id;"
                    f" aliases are the ids it has in other briefs",
                )
                continue
            if pending.section not in ids:
                items = brief.section(pending.section) if pending.section in SECTIONS else ()
                ids[pending.section] = {item.id: item for item in items}
            other = ids[pending.section].get(pending.alias)
            if other is not None:
                self.log.add(
                    pending.loc.line,
                    pending.loc.column,
                    f"'{pending.alias}' in 'aliases' of {pending.what} is another {noun} of"
                    f" this brief (line {other.loc.line}); aliases are the ids it has in other"
                    " briefs, and two items of one brief are never the same",
                )

    def record(self, node: Node, cls: type, what: str, *, salvage: bool = False) -> Any:
        """One record of class ``cls`` from a mapping node; ``BAD`` when it cannot be built.

        With ``salvage`` a record with problems is still built, with placeholders for its bad
        or missing fields (listed in :attr:`salvaged`), so the checks that follow can run and
        report the file's other mistakes. Such a record is never handed to a caller: its
        problems are already logged.
        """
        if type(node) is not Mapping:
            self.log.add(node.line, node.column, f"{what} must be a mapping, not {describe(node)}")
            return BAD
        fields = specs(cls)
        values: dict[str, Any] = {}
        pending_refs: list[tuple[str, str, tuple[str, ...], Loc]] = []
        pending_md: list[tuple[str, Scalar]] = []
        pending_aliases: list[tuple[str, Loc]] = []
        # Name the item by its id in messages about its other fields, when the id is usable.
        item_id = None
        for key, value in node.pairs:
            if key.value == "id" and type(value) is Scalar and SLUG.match(value.value):
                item_id = value.value
                head, _, tail = what.partition("#")
                if tail:
                    what = f"{head}'{item_id}'{tail[len(tail.split(' ', 1)[0]) :]}"
        failed = False
        misspelt: set[str] = set()  # known keys suggested for unknown ones
        for key, value in node.pairs:
            name = key.value
            spec = fields.get(name)
            if spec is None:
                if not key.reported:  # a merge key or a non-text key: said already
                    misspelt.add(self._unknown_key(key, fields, what))
                failed = True
                continue
            converted = self.value(
                value, spec, name, what, pending_refs, pending_md, pending_aliases
            )
            if converted is BAD:
                failed = True
            else:
                values[name] = converted
        if len(values) < len(fields):
            present = {key.value for key, _ in node.pairs}
            for name in _required(cls):
                if name not in present:
                    failed = True
                    if name not in misspelt:  # "did you mean" already said it
                        self.log.add(
                            node.line, node.column, f"{what} lacks the required key '{name}'"
                        )
        # References are checked even in a record with problems: they are mistakes of their own.
        owner = item_id or what
        for field_name, target, targets, loc in pending_refs:
            self.refs.append(PendingRef(owner, field_name, target, targets, loc))
        for field_name, scalar in pending_md:
            self.markdown.append(MarkdownField(owner, field_name, scalar))
        section = getattr(cls, "section", "")
        for alias, loc in pending_aliases:
            self.aliases.append(PendingAlias(item_id or "", what, section, alias, loc))
        if failed and salvage:
            for name, spec in fields.items():
                if name not in values:
                    values[name] = _PLACEHOLDERS.get(spec.kind)
                    self.salvaged.add(name)
        elif failed:
            if item_id is not None:
                self.broken_ids.add(item_id)
            return BAD
        if _has_loc(cls):
            values["loc"] = Loc(node.line, node.column)
        obj = cls(**values)
        self.nodes[id(obj)] = node
        return obj

    def loc_of(self, record: object, name: str) -> Loc | None:
        """Where field ``name`` of a record built by this converter was written."""
        node = self.nodes.get(id(record))
        if node is not None:
            for key, value in node.pairs:
                if key.value == name:
                    return Loc(value.line, value.column)
        return None

    def _unknown_key(self, key: Scalar, fields: dict[str, FieldSpec], what: str) -> str:
        """Report an unknown key; returns the known key it probably meant ('' if none)."""
        close = difflib.get_close_matches(key.value, list(fields), n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else f"; known keys: {', '.join(fields)}"
        self.log.add(key.line, key.column, f"unknown key '{key.value}' in {what}{hint}")
        return close[0] if close else ""

    # -- values -----------------------------------------------------------------------------

    def value(
        self,
        node: Node,
        spec: FieldSpec,
        name: str,
        what: str,
        pending_refs: list[tuple[str, str, tuple[str, ...], Loc]],
        pending_md: list[tuple[str, Scalar]],
        pending_aliases: list[tuple[str, Loc]],
    ) -> Any:
        """Convert one field value by its declared kind; ``BAD`` after reporting a problem."""
        kind = spec.kind
        if type(node) is Scalar and node.reported:  # an alias's stand-in: said already
            return BAD
        if kind is Kind.RECORDS:
            return self._records(node, spec, name, what)
        if kind is Kind.RECORD:
            assert spec.record is not None
            return self.record(node, spec.record, name if what == "brief" else f"{name} of {what}")
        if kind is Kind.REFS or kind is Kind.SLUGS:
            ids, ok = self._ids(node, name, what)
            if kind is Kind.REFS:
                pending_refs.extend((name, target, spec.targets, loc) for target, loc in ids)
            else:
                pending_aliases.extend(ids)
            return tuple(target for target, _ in ids) if ok else BAD
        if is_null(node) and not spec.required:
            return None
        if type(node) is not Scalar:
            self._expected(node, name, what, _KIND_WORDS[kind])
            return BAD
        if kind is Kind.TEXT or kind is Kind.MARKDOWN or kind is Kind.PATH:
            text = self._text(node, name, what)
            if text is BAD:
                return BAD
            if kind is Kind.MARKDOWN:
                pending_md.append((name, node))
                return text.rstrip()
            text = text.strip()
            if kind is Kind.PATH:
                return self._path(node, text, name, what)
            return text
        if kind is Kind.SLUG:
            return self._slug(node, name, what)
        if kind is Kind.REF:
            target = self._slug(node, name, what)
            if target is not BAD:
                pending_refs.append((name, target, spec.targets, Loc(node.line, node.column)))
            return target
        if kind is Kind.INT:
            return self._int(node, spec, name, what)
        if kind is Kind.DATE:
            return self._date(node, name, what)
        if kind is Kind.URL:
            return self._url(node, name, what)
        if kind is Kind.ENUM:
            return self._enum(node, spec, name, what)
        raise AssertionError(f"unhandled field kind {kind}")  # pragma: no cover

    def _records(self, node: Node, spec: FieldSpec, name: str, what: str) -> Any:
        if is_null(node):
            if spec.min_items:
                self.log.add(node.line, node.column, f"'{name}' of {what} needs at least one entry")
                return BAD
            return ()
        if type(node) is not Sequence:
            self._expected(node, name, what, "a list of entries, each starting with '- '")
            return BAD
        assert spec.record is not None
        item_class = SECTIONS.get(name)
        noun = item_class.noun if item_class else name
        suffix = "" if what == "brief" else f" of {what}"
        built = [
            self.record(element, spec.record, f"{noun} #{number}{suffix}")
            for number, element in enumerate(node.items, start=1)
        ]
        if len(built) < spec.min_items:
            self.log.add(
                node.line, node.column, f"'{name}' of {what} needs at least {spec.min_items} entry"
            )
            return BAD
        # Entries with problems (already reported) are left out, so the rest of the brief can
        # still be checked and every mistake of the file is reported in one run.
        return tuple(b for b in built if b is not BAD)


@functools.cache
def _required(cls: type) -> tuple[str, ...]:
    return tuple(name for name, spec in specs(cls).items() if spec.required)


@functools.cache
def _has_loc(cls: type) -> bool:
    return any(field.name == "loc" for field in dataclasses.fields(cls))


_PLACEHOLDERS: dict[Kind, Any] = {
    Kind.TEXT: "",
    Kind.MARKDOWN: None,
    Kind.SLUG: "",
    Kind.INT: 0,
    Kind.RECORDS: (),
    Kind.REFS: (),
    Kind.SLUGS: (),
}

_KIND_WORDS = {
    Kind.TEXT: "text",
    Kind.MARKDOWN: "Markdown text",
    Kind.PATH: "a file path",
    Kind.SLUG: "an id",
    Kind.REF: "an id",
    Kind.INT: "a whole number",
    Kind.DATE: "a date written YYYY-MM-DD",
    Kind.URL: "a URL",
    Kind.ENUM: "one word",
}
