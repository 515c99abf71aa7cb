"""An actor or issue across the briefs of a library: the stances, brief by brief, over time.

For an actor: its timeline of stances, one row per position (date · brief · issue · stance).
For an issue: every actor holding a position on it, each with their stances across briefs.
The highlighted stance is shown in full under the list. Enter dismisses the screen with the
position to jump to, ``(brief path, position id)``; escape or ``q`` with None.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ...core.brief.views import ATTRIBUTION_WORDS
from ...core.library.across import Entity, LibraryIndex, Stance
from ..text import literal
from ..widgets.nav_list import NavList

BRIEF_WIDTH = 30  # the widest the brief title column gets
ISSUE_WIDTH = 28  # the widest the issue column gets


class StanceList(NavList):
    """The stances, one per row; actor headings (in the issue view) cannot be selected."""


class AcrossScreen(Screen[tuple[Path, str | None] | None]):
    """One actor's or issue's stances across a library.

    Dismisses with ``(path of the brief, id of the position)`` to jump to, or None.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", id="across.close"),
    ]

    def __init__(
        self, index: LibraryIndex, section: Literal["actors", "issues"], item_id: str
    ) -> None:
        """Show the actor (``section`` "actors") or issue ("issues") whose id in the brief
        being read is ``item_id``."""
        super().__init__()
        if section not in ("actors", "issues"):
            raise ValueError(f"an actor or an issue, not an item of {section!r}")
        self.index = index
        self.section = section
        self.key = index.actor_key(item_id) if section == "actors" else index.issue_key(item_id)
        self.entity: Entity | None = (
            index.actor(self.key) if section == "actors" else index.issue(self.key)
        )
        #: What the screen is about: the actor's name or the issue's title in its newest brief.
        self.subject = self.entity.name if self.entity else item_id
        #: The stance of each selectable row, by option id.
        self.stances: dict[str, Stance] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        yield Static(id="across-columns")
        yield StanceList(id="across-list")
        yield Static(id="across-detail")
        yield Footer()

    def on_mount(self) -> None:
        count = self.entity.brief_count if self.entity else 0
        ids = self.entity.ids if self.entity else ()
        self.query_one("#title-bar", Static).update(
            Content.assemble(
                ("Actor  " if self.section == "actors" else "Issue  ", "bold $accent"),
                literal(self.subject, "bold", one_line=True),
                f" across {count} brief{'' if count == 1 else 's'}",
                literal(f"  ·  ids: {', '.join(ids)}", "dim", one_line=True)
                if len(ids) > 1
                else "",
            )
        )
        stances = self.query_one(StanceList)
        stances.set_options(self._actor_rows() if self.section == "actors" else self._issue_rows())
        if not self.stances:
            where = "of" if self.section == "actors" else "on"
            stances.add_option(
                Option(
                    literal(f"No positions {where} {self.subject} in the briefs of this library."),
                    disabled=True,
                )
            )
        stances.focus()
        first = next((i for i, o in enumerate(stances.options) if not o.disabled), None)
        if first is not None:
            stances.highlighted = first
        self._show_detail(None if first is None else stances.options[first].id)

    def _actor_rows(self) -> list[Option]:
        timeline = self.index.stances(self.key)
        brief_width = _width((s.brief_title for s in timeline), BRIEF_WIDTH)
        issue_width = _width((s.issue_title for s in timeline), ISSUE_WIDTH)
        self.query_one("#across-columns", Static).update(
            Content.styled(
                f"{'date':<10}  {'brief':<{brief_width}}  {'issue':<{issue_width}}  stance", "dim"
            )
        )
        return [
            self._option(
                stance,
                Content.assemble(
                    _date(stance),
                    _cell(stance.brief_title, brief_width),
                    _cell(stance.issue_title, issue_width, "$text-accent"),
                    literal(stance.position.stance, one_line=True),
                ),
            )
            for stance in timeline
        ]

    def _issue_rows(self) -> list[Option]:
        groups = self.index.positions_on(self.key)
        brief_width = _width((s.brief_title for g in groups for s in g.stances), BRIEF_WIDTH)
        self.query_one("#across-columns", Static).update(
            Content.styled(f"  {'date':<10}  {'brief':<{brief_width}}  stance", "dim")
        )
        options: list[Option] = []
        for group in groups:
            count = len(group.stances)
            options.append(
                Option(
                    Content.assemble(
                        literal(group.name, "bold $text-accent", one_line=True),
                        (f"  {count} position{'' if count == 1 else 's'}", "dim"),
                    ),
                    disabled=True,
                )
            )
            options.extend(
                self._option(
                    stance,
                    Content.assemble(
                        "  ",
                        _date(stance),
                        _cell(stance.brief_title, brief_width),
                        literal(stance.position.stance, one_line=True),
                    ),
                )
                for stance in group.stances
            )
        return options

    def _option(self, stance: Stance, prompt: Content) -> Option:
        option_id = f"stance:{len(self.stances)}"
        self.stances[option_id] = stance
        return Option(prompt, id=option_id)

    def _show_detail(self, option_id: str | None) -> None:
        detail = self.query_one("#across-detail", Static)
        stance = self.stances.get(option_id or "")
        if stance is None:
            detail.update("")
            return
        position = stance.position
        attribution = ATTRIBUTION_WORDS.get(position.attribution, position.attribution)
        date = stance.date.isoformat() if stance.date else "undated"
        detail.update(
            Content("\n").join(
                [
                    Content.assemble(
                        literal(stance.brief_title, "bold", one_line=True),
                        (f"  {date}  ", "dim"),
                        literal(stance.path.name, "dim", one_line=True),
                    ),
                    Content.assemble(
                        literal(stance.actor_name, "bold", one_line=True),
                        " on ",
                        literal(stance.issue_title, "$text-accent", one_line=True),
                        (f"  ·  {attribution}", "dim"),
                    ),
                    literal(position.stance),
                    Content.styled("Enter opens this position in its brief; Esc closes.", "dim"),
                ]
            )
        )

    @on(OptionList.OptionHighlighted, "#across-list")
    def stance_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_detail(event.option.id)

    @on(OptionList.OptionSelected, "#across-list")
    def stance_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        stance = self.stances.get(event.option.id or "")
        if stance is not None:
            self.dismiss((stance.path, stance.position.id))

    def action_close(self) -> None:
        """Back to the brief, jumping nowhere."""
        self.dismiss(None)


def _width(texts: Iterable[str], cap: int) -> int:
    """The width of a column: its longest text, at most ``cap``."""
    return min(cap, max((len(t) for t in texts), default=0))


def _date(stance: Stance) -> Content:
    return Content.styled(f"{stance.date.isoformat() if stance.date else 'undated':<10}  ", "dim")


def _cell(text: str, width: int, style: str = "") -> Content:
    """``text`` literally, cut with an ellipsis or padded to ``width`` cells, then a gap."""
    cell = literal(text, style, one_line=True).truncate(width, ellipsis=True, pad=True)
    return Content.assemble(cell, "  ")
