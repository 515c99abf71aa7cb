"""The left pane: the sections of a brief with their counts."""

from __future__ import annotations

from textual.content import Content
from textual.widgets.option_list import Option

from ...core.brief.model import Brief
from ...core.brief.views import SECTION_TITLES, SECTIONS, section_count
from .nav_list import NavList


class SectionList(NavList):
    """Summary, Actors, Issues, ... Source; highlighting a section shows its items."""

    def show_brief(self, brief: Brief, notes: int) -> None:
        """List the sections of ``brief``, and the reader's notes with their count."""
        options = []
        for number, section in enumerate(SECTIONS, start=1):
            count = "" if section == "summary" else f" {section_count(brief, section)}"
            prompt = Content.assemble(
                (f"{number} ", "dim"), SECTION_TITLES[section], (count, "dim")
            )
            options.append(Option(prompt, id=section))
        options.append(Option(_notes_prompt(notes), id="notes"))
        self.set_options(options)

    def update_notes_count(self, notes: int) -> None:
        """Show how many items the reader has annotated."""
        self.replace_option_prompt("notes", _notes_prompt(notes))


def _notes_prompt(count: int) -> Content:
    return Content.assemble(("9 ", "dim"), "Notes", (f" {count}", "dim"))
