"""The left pane: the sections of a brief with their counts."""

from __future__ import annotations

from textual.content import Content
from textual.widgets.option_list import Option

from ...core.model import Brief
from ...core.views import SECTION_TITLES, SECTIONS, section_count
from .nav_list import NavList


class SectionList(NavList):
    """Summary, Actors, Issues, ... Source; highlighting a section shows its items."""

    def show_brief(self, brief: Brief) -> None:
        """List the sections of ``brief``."""
        options = []
        for number, section in enumerate(SECTIONS, start=1):
            count = "" if section == "summary" else f" {section_count(brief, section)}"
            prompt = Content.assemble(
                (f"{number} ", "dim"), SECTION_TITLES[section], (count, "dim")
            )
            options.append(Option(prompt, id=section))
        self.set_options(options)
