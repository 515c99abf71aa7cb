"""The annotation keys of the brief screen: marks, flags, notes, tags, estimates, undo.

A change shows at once and is written by the :class:`NotesStore`'s writer thread (atomic,
locked, in order); "Note saved." is said when it is in the file, and a write the disk refuses
is said at once as NOT saved, the change shown as waiting and retried (see tui/app.py).
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable
from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

from ...core.brief.model import Brief
from ...core.brief.views import label_of
from ...core.notes.annotations import Annotation, accepts_estimate, estimate_words
from ...core.notes.display import NOTE_PREFIX
from ...core.notes.edits import (
    Edit,
    delete,
    set_estimate,
    set_note,
    set_tags,
    toggle_flag,
    toggle_mark,
)
from ...core.notes.store import NotesStore
from ..location import Location

#: The filters `m` steps through while triaging (see core/search/filter.py for the query language).
TRIAGE_FILTERS = ("is:unannotated", "is:marked", "is:star", "is:follow-up", "")


class AnnotatingScreen(Screen[None]):
    """A screen showing one brief whose items the reader can annotate by key."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "mark('agree')", "Agree", id="note.agree"),
        Binding("d", "mark('disagree')", "Disagree", id="note.disagree"),
        Binding("u", "mark('doubt')", "Doubt", id="note.doubt"),
        Binding("asterisk", "flag('star')", "Star", show=False, id="note.star"),
        Binding("f", "flag('follow-up')", "Follow up", show=False, id="note.follow_up"),
        Binding("n", "edit_note", "Note", id="note.edit"),
        Binding("t", "edit_tags", "Tags", show=False, id="note.tags"),
        Binding("e", "edit_estimate", "Estimate", show=False, id="note.estimate"),
        Binding("z", "undo", "Undo", show=False, id="note.undo"),
        Binding("m", "triage", "Triage filter", show=False, id="note.triage"),
        Binding("r", "reattach", "Re-attach note", show=False, id="note.reattach"),
        Binding("K", "reanchor", "Keep note for new text", show=False, id="note.keep"),
        Binding("D", "delete_note", "Delete note", show=False, id="note.delete"),
        Binding("E", "export", "Export notes", show=False, id="note.export"),
    ]

    brief: Brief
    notes: NotesStore

    @property
    @abstractmethod
    def location(self) -> Location:
        """Where the reader is now (provided by the screen that shows the brief)."""
        raise NotImplementedError

    def after_annotation(self, *item_ids: str) -> None:
        """Redraw what shows the annotations of ``item_ids``."""
        raise NotImplementedError

    def set_filter(self, query: str) -> None:
        """Show the filter with ``query`` in it."""
        raise NotImplementedError

    # -- the item the keys act on --------------------------------------------------------------

    def _target(self, *, notes_too: bool = False) -> str | None:
        """The id of the selected item, or None (the reader is told why)."""
        key = self.location.key
        if key.startswith("item:"):
            return key[5:]
        if notes_too and key.startswith(NOTE_PREFIX):
            return key[len(NOTE_PREFIX) :]
        if key.startswith(NOTE_PREFIX):
            item_id = key[len(NOTE_PREFIX) :]
            if self.brief.item(item_id) is not None:
                return item_id
            self.notify("This note's item is gone: re-attach it (r) or delete it (D).")
            return None
        self.notify("Select an item to annotate it.", timeout=3)
        return None

    def _apply(self, item_id: str, edit: Edit, done: str = "") -> Annotation | None:
        """Make a change; ``done`` is said once it is in the notes file."""
        try:
            after = self.notes.change(item_id, edit, label=done)
        except OSError as exc:
            self.notify(
                f"NOT saved: {exc.strerror or exc}. Your change is not in the notes file.",
                title="Notes",
                severity="error",
                markup=False,
                timeout=15,
            )
            return None
        self.after_annotation(item_id)
        return after

    # -- actions ------------------------------------------------------------------------------

    def action_mark(self, mark: str) -> None:
        """Mark the selected item (pressing the same mark again clears it)."""
        item_id = self._target()
        if item_id:
            self._apply(item_id, toggle_mark(mark))

    def action_flag(self, flag: str) -> None:
        """Toggle a flag (star, follow-up) on the selected item."""
        item_id = self._target()
        if item_id:
            self._apply(item_id, toggle_flag(flag))

    def action_edit_note(self) -> None:
        """Write or edit the note on the selected item."""
        from .note_editor import NoteEditor

        item_id = self._target()
        if not item_id:
            return
        current = self.notes.get(item_id)
        self._ask(
            NoteEditor(
                self._about(item_id),
                current.note if current else "",
                draft_key=f"{self.brief.path}#{item_id}",
            ),
            lambda text: self._apply(item_id, set_note(text), "Note saved."),
        )

    def action_edit_tags(self) -> None:
        """Set the tags of the selected item."""
        from .prompt import Prompt

        item_id = self._target()
        if not item_id:
            return
        current = self.notes.get(item_id)
        value = " ".join(current.tags) if current else ""

        def save(text: str) -> None:
            if text == value:  # unchanged: a tag of two words (from a shared file) stays whole
                return
            tags = tuple(t.strip().lstrip("#") for t in text.replace(",", " ").split())
            self._apply(item_id, set_tags(tags), "Tags saved.")

        self._ask(
            Prompt("Tags of", self._about(item_id), value, "Words separated by spaces or commas."),
            save,
        )

    def action_edit_estimate(self) -> None:
        """Give a question your estimate, as a percentage."""
        from .prompt import Prompt

        item_id = self._target()
        item = self.brief.item(item_id) if item_id else None
        if item is None or item_id is None:
            return
        if not accepts_estimate(item):
            self.notify("Estimates are for questions (section 5).", timeout=3)
            return
        current = self.notes.get(item_id)
        value = f"{current.estimate * 100:g}" if current and current.estimate is not None else ""

        def save(text: str) -> None:
            text = text.strip().rstrip("%").strip()
            if not text:
                self._apply(item_id, set_estimate(None), "Estimate cleared.")
                return
            try:
                percent = float(text)
            except ValueError:
                percent = -1
            if not 0 <= percent <= 100:
                self.notify("An estimate is a percentage from 0 to 100.", severity="warning")
                return
            self._apply(
                item_id,
                set_estimate(percent / 100),
                f"Estimate: {estimate_words(percent / 100)}.",
            )

        self._ask(
            Prompt("Your estimate for", self._about(item_id), value, "A percentage, 0-100."),
            save,
        )

    def action_undo(self) -> None:
        """Undo the last annotation change."""
        step = self.notes.undo_step()
        try:
            item_id = self.notes.undo()
        except OSError as exc:
            self.notify(f"Undo NOT saved: {exc.strerror or exc}", severity="error", markup=False)
            return
        if item_id is None or not step:
            self.notify("Nothing to undo.", timeout=2)
            return
        self.after_annotation(*(change.item_id for change in step))
        self.notify(
            f"Undone: {step[0].describe()} on {self._about(item_id)}", timeout=2, markup=False
        )

    def action_triage(self) -> None:
        """Step through the triage filters: unannotated, marked, starred, follow-up, all."""
        current = getattr(self, "_triage", -1)
        self._triage = (current + 1) % len(TRIAGE_FILTERS)
        self.set_filter(TRIAGE_FILTERS[self._triage])

    def action_reattach(self) -> None:
        """Move the selected note (stale or orphaned) to another item."""
        from .item_picker import ItemPicker

        old_id = self._target(notes_too=True)
        if not old_id or self.notes.get(old_id) is None:
            self.notify("This item has no note to re-attach.", timeout=3)
            return

        def move(new_id: str) -> None:
            try:
                self.notes.reattach(old_id, new_id)
            except (KeyError, ValueError, OSError) as exc:
                self.notify(str(exc), severity="warning", markup=False)
                return
            self.after_annotation(old_id, new_id)
            self.notify(f"Note moved to {self._about(new_id)}", markup=False)

        self._ask(ItemPicker(self.brief, "Re-attach the note to which item?"), move)

    def action_reanchor(self) -> None:
        """Keep a stale note: it now refers to the item's new text."""
        item_id = self._target(notes_too=True)
        if not item_id or self.notes.get(item_id) is None:
            return
        try:
            self.notes.reanchor(item_id)
        except (KeyError, OSError) as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        self.after_annotation(item_id)
        self.notify("Note kept for the new text.", timeout=2)

    def action_delete_note(self) -> None:
        """Delete the selected item's annotation, after a yes (undo brings it back)."""
        from .confirm import ConfirmScreen

        item_id = self._target(notes_too=True)
        if not item_id or self.notes.get(item_id) is None:
            self.notify("Nothing to delete here.", timeout=2)
            return
        self._ask(
            ConfirmScreen("Delete your notes on this item? (z undoes it)", self._about(item_id)),
            lambda yes: self._apply(item_id, delete(), "Notes deleted.") if yes else None,
        )

    def action_export(self) -> None:
        """Export your notes on this brief to a Markdown file (asks where)."""
        from pathlib import Path

        from .prompt import Prompt

        default = str(Path.cwd() / f"{self.brief.id}.md")

        def write(answer: str, force: bool = False) -> None:
            from ...core.export.file import ExportRefused, write_export
            from ...core.notes.annotations import now

            target = Path(answer.strip() or default).expanduser()
            try:
                written = write_export(
                    target,
                    self.brief,
                    self.notes.annotations,
                    exported=now(),
                    force=force,
                    notes_folder=self.notes.path.parent,
                )
            except ExportRefused as refused:
                from .confirm import ConfirmScreen

                self._ask(
                    ConfirmScreen(f"{refused} Overwrite it anyway?", str(target)),
                    lambda yes: write(str(target), force=True) if yes else None,
                )
                return
            except OSError as exc:
                self.notify(f"NOT exported: {exc}", severity="error", markup=False)
                return
            self.notify(
                f"Exported {written.notes} notes to {written.path}", timeout=6, markup=False
            )

        self._ask(
            Prompt(
                "Export your notes on",
                self.brief.title,
                default,
                "A Markdown file. Text between its keep markers is carried over.",
            ),
            write,
        )

    # -- helpers ------------------------------------------------------------------------------

    def _about(self, item_id: str) -> str:
        if self.brief.item(item_id) is not None:
            return label_of(self.brief, f"item:{item_id}", limit=70)
        note = self.notes.get(item_id)
        return note.anchor.text[:70] if note else item_id

    def _ask(self, screen: Screen[Any], then: Callable[[Any], object]) -> None:
        def answered(result: object) -> None:
            if result is not None:
                then(result)

        self.app.push_screen(screen, answered)
