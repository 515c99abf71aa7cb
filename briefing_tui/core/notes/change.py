"""A change to one item's notes, kept as the fields it changes.

The reader changes what they see: the annotation as shown (``old``) becomes a new one
(``new``). Saved, the change sets only the fields that differ between the two, on the notes
file *as it is on disk then*, so what another instance wrote to other fields of the same item
stays. Flags and tags are sets: adding a tag adds that tag, it does not replace the list, and
undoing it removes that tag only.

Undo is the inverse change, *guarded*: a field is put back only while it still holds what the
change set; a field someone changed since (another instance, a later change) is left alone and
reported, never reverted over their work.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from .annotations import FLAGS, Annotation, now

#: The fields a change can set, one per flag; tags are handled as a set.
SIMPLE_FIELDS = ("mark", "note", "estimate", "anchor")
FIELD_NAMES = (*SIMPLE_FIELDS, *(f"flag:{flag}" for flag in FLAGS), "tags")

_WORDS = {
    "mark": "mark",
    "note": "note",
    "estimate": "estimate",
    "anchor": "anchor",
    "flag:star": "star",
    "flag:follow-up": "follow-up",
    "tags": "tags",
}


def field_words(fields: tuple[str, ...]) -> str:
    """Field names in words: ('mark', 'flag:star') -> 'mark, star'."""
    return ", ".join(_WORDS[name] for name in fields) or "nothing"


def _value(annotation: Annotation | None, field: str) -> object:
    """A field of an annotation; no annotation reads as an empty one."""
    if field.startswith("flag:"):
        return annotation is not None and field[5:] in annotation.flags
    if annotation is None:
        return {"mark": None, "note": "", "estimate": None, "anchor": None, "tags": ()}[field]
    if field == "tags":
        return annotation.tags
    return getattr(annotation, field)


@dataclass(frozen=True, slots=True)
class FieldChange:
    """``old`` -> ``new`` on one item: the fields that differ are what the change sets."""

    item_id: str
    old: Annotation | None
    new: Annotation | None
    #: An undo: a field is set only while it still holds ``old``'s value.
    guarded: bool = False

    @property
    def fields(self) -> tuple[str, ...]:
        """The names of the fields this change sets."""
        names = []
        for name in FIELD_NAMES:
            before, after = _value(self.old, name), _value(self.new, name)
            if name == "anchor" and (before is None or after is None):
                continue  # no annotation on one side: the anchor is not what changed
            if name == "tags":
                if set(self.old_tags) != set(self.new_tags):
                    names.append(name)
            elif before != after:
                names.append(name)
        return tuple(names)

    def inverse(self) -> FieldChange:
        """The change that undoes this one, guarded."""
        return FieldChange(self.item_id, self.new, self.old, guarded=True)

    def describe(self) -> str:
        """The fields changed, in words: 'mark, note'."""
        return field_words(self.fields)

    def apply(self, current: Annotation | None) -> tuple[Annotation | None, tuple[str, ...]]:
        """This change made to ``current`` (the item's annotation as it is now, or None).

        Returns the result (None when nothing is left in it) and, for a guarded change, the
        fields it left alone because they changed since.
        """
        fields = self.fields
        if not fields:
            return current, ()
        template = self.new or self.old
        assert template is not None  # a change has an annotation on at least one side
        base = current or Annotation(item=self.item_id, anchor=template.anchor, updated=now())
        skipped: list[str] = []
        changes: dict[str, Any] = {}
        flags = list(base.flags)
        tags = list(base.tags)
        for name in fields:
            if name == "tags":  # a set: only the tags this change added or removed are touched
                removed = set(self.old_tags) - set(self.new_tags)
                tags = [tag for tag in tags if tag not in removed]
                tags.extend(tag for tag in self.new_tags if tag not in tags)
                continue
            if self.guarded and _value(current, name) != _value(self.old, name):
                skipped.append(name)
                continue
            value = _value(self.new, name)
            if name.startswith("flag:"):
                flag = name[5:]
                flags = [f for f in flags if f != flag] + ([flag] if value else [])
            else:
                changes[name] = value
        result = replace(base, flags=tuple(flags), tags=tuple(tags), **changes)
        if result == base:
            return current, tuple(skipped)
        result = replace(result, item=self.item_id, updated=now())
        if (
            self.guarded
            and self.new is not None
            and replace(result, updated=self.new.updated) == (self.new)
        ):
            result = self.new  # an undo that puts the annotation back exactly: its time too
        return (None if result.is_empty else result), tuple(skipped)

    @property
    def old_tags(self) -> tuple[str, ...]:
        """The tags before the change."""
        return self.old.tags if self.old is not None else ()

    @property
    def new_tags(self) -> tuple[str, ...]:
        """The tags after the change."""
        return self.new.tags if self.new is not None else ()
