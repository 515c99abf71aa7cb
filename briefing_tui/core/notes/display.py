"""Plain-data views of the reader's notes: list marks, detail lines, the Notes section."""

from __future__ import annotations

from collections.abc import Mapping

from ..brief.model import Brief
from ..brief.views import Detail, LinkRow, Row, label_of
from .annotations import (
    MARK_SYMBOLS,
    Annotation,
    Review,
    Status,
    estimate_words,
    review,
    status,
)

NOTE_PREFIX = "note:"
STAR, FOLLOW_UP, NOTE = "★", "⚑", "✎"


def marks_of(annotation: Annotation | None) -> str:
    """Three columns for list rows: mark symbol, star/follow-up, note sign ('   ' if none)."""
    if annotation is None:
        return "   "
    mark = MARK_SYMBOLS.get(annotation.mark or "", " ")
    flag = STAR if "star" in annotation.flags else (FOLLOW_UP if annotation.flags else " ")
    note = NOTE if annotation.note.strip() else " "
    return f"{mark}{flag}{note}"


def annotation_fields(annotation: Annotation | None, brief: Brief) -> list[tuple[str, str]]:
    """The lines of 'Your notes' in the detail pane (empty when there is no annotation)."""
    if annotation is None:
        return []
    fields: list[tuple[str, str]] = []
    state = status(annotation, brief)
    if state is Status.STALE:
        fields.append(
            ("Stale", f"the text changed since you annotated it; it said: {annotation.anchor.text}")
        )
    fields.append(("Your mark", annotation.mark or "none"))
    if annotation.flags:
        fields.append(("Flags", ", ".join(annotation.flags)))
    if annotation.tags:
        fields.append(("Tags", " ".join(f"#{t}" for t in annotation.tags)))
    if annotation.estimate is not None:
        fields.append(
            ("Estimate", f"{estimate_words(annotation.estimate)}, {annotation.estimate:.0%}")
        )
    fields.append(("Updated", annotation.updated.strftime("%Y-%m-%d %H:%M UTC")))
    return fields


def notes_rows(annotations: Mapping[str, Annotation], brief: Brief) -> list[Row]:
    """Rows of the Notes section: every annotation, stale and orphaned ones first."""
    sorted_notes: Review = review(dict(annotations), brief)
    rows: list[Row] = []
    for label, notes in (
        ("orphan", sorted_notes.orphans),
        ("stale", sorted_notes.stale),
        ("", sorted_notes.current),
    ):
        for annotation in notes:
            name = (
                annotation.anchor.text
                if label == "orphan"
                else label_of(brief, f"item:{annotation.item}")
            )
            rows.append(Row(NOTE_PREFIX + annotation.item, name, label, annotation.item))
    return rows


def note_links(annotation: Annotation, brief: Brief) -> list[LinkRow]:
    """The link of a Notes row to its item (none for an orphan)."""
    if brief.item(annotation.item) is None:
        return []
    return [
        LinkRow(
            "Annotated item", f"item:{annotation.item}", label_of(brief, f"item:{annotation.item}")
        )
    ]


def note_detail(annotation: Annotation, brief: Brief) -> Detail:
    """The detail of a Notes row: what was annotated, what the item says now, the link."""
    item = brief.item(annotation.item)
    state = status(annotation, brief)
    fields = [("Annotated", annotation.anchor.text)]
    if state is Status.ORPHAN:
        kind = "orphaned note"
        fields.append(("Now", f"no item '{annotation.item}' in the brief any more"))
        fields.append(("Do", "r re-attach it to another item, D delete it"))
    elif state is Status.STALE:
        kind = "stale note"
        fields.append(("Now", item.body if item else ""))
        fields.append(("Do", "r re-attach, K keep it for the new text, D delete it"))
    else:
        kind = "note"
    title = label_of(brief, f"item:{annotation.item}") if item else annotation.anchor.text
    return Detail(
        NOTE_PREFIX + annotation.item, title, kind, fields, [], note_links(annotation, brief)
    )
