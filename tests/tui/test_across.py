"""Across briefs: an actor's timeline of stances and an issue's actors, driven by keyboard."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefing_tui.config import Config
from briefing_tui.core.brief.model import Actor, Brief, Evidence, Issue, Position, Source
from briefing_tui.core.library.across import LibraryIndex, build_index
from briefing_tui.core.library.entries import LibraryEntry
from briefing_tui.tui.app import BriefingApp, binding_ids
from briefing_tui.tui.screens.across import AcrossScreen, StanceList

from .tuikit import SIZE, prompts, screen_text

HOSTILE = "[bold]x[/] \x1b[31mred\x1b[0m [@click=app.quit]quit[/]"
LIBRARY = Path("/library")


def brief(
    brief_id: str,
    published: dt.date | None,
    actors: dict[str, str],
    issues: dict[str, str],
    positions: list[tuple[str, str, str, str]],
    aliases: dict[str, tuple[str, ...]] | None = None,
) -> LibraryEntry:
    """A brief in memory: the index reads records, not files."""
    aliases = aliases or {}
    return LibraryEntry(
        path=LIBRARY / f"{brief_id}.yaml",
        brief=Brief(
            format=1,
            id=brief_id,
            title=f"Brief {brief_id}",
            source=Source(title="Article", published=published, url=None, text="a.txt"),
            actors=tuple(
                Actor(id=i, name=n, kind="person", aliases=aliases.get(i, ()))
                for i, n in actors.items()
            ),
            issues=tuple(
                Issue(id=i, title=t, aliases=aliases.get(i, ())) for i, t in issues.items()
            ),
            positions=tuple(
                Position(
                    id=p,
                    actor=a,
                    issue=i,
                    stance=s,
                    attribution="stated",
                    evidence=(Evidence(para=1),),
                )
                for p, a, i, s in positions
            ),
        ),
    )


def library() -> LibraryIndex:
    return build_index(
        [
            brief(
                "late",
                dt.date(2025, 6, 1),
                {"volodymyr-zelensky": "Volodymyr Zelensky"},
                {"guarantees": "Security guarantees"},
                [("z-late", "volodymyr-zelensky", "guarantees", "Still no clear answer.")],
                aliases={"volodymyr-zelensky": ("zelensky",)},
            ),
            brief(
                "early",
                dt.date(2024, 1, 9),
                {"zelensky": "Zelensky", "putin": "Vladimir Putin"},
                {"guarantees": "Guarantees", "ceasefire": "Ceasefire"},
                [
                    ("z-early", "zelensky", "guarantees", "Asks every partner for guarantees."),
                    ("p-early", "putin", "guarantees", "Refuses any Western troops."),
                    ("z-truce", "zelensky", "ceasefire", HOSTILE),
                ],
            ),
            brief(
                "undated",
                None,
                {"zelensky": "Zelenskyy"},
                {"guarantees": "Guarantees"},
                [("z-undated", "zelensky", "guarantees", "Undated stance.")],
            ),
            LibraryEntry(path=LIBRARY / "broken.yaml", brief=None),
        ]
    )


def open_app(config: Config, flagship: Brief) -> BriefingApp:
    return BriefingApp(brief=flagship, config=config)


async def test_an_actor_timeline_in_date_order_and_enter_jumps(config, flagship):
    app = open_app(config, flagship)
    chosen: list[tuple[Path, str] | None] = []
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(AcrossScreen(library(), "actors", "zelensky"), chosen.append)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AcrossScreen)
        text = screen_text(app)
        assert "Volodymyr Zelensky across 3 briefs" in text  # the newest brief's name
        assert "ids: volodymyr-zelensky, zelensky" in text
        rows = prompts(screen.query_one(StanceList))
        dates = [row.split()[0] for row in rows]
        assert dates == ["2024-01-09", "2024-01-09", "2025-06-01", "undated"]
        assert "Brief early" in rows[0] and "Guarantees" in rows[0]
        assert rows[0].endswith("Asks every partner for guarantees.")
        assert "Ceasefire" in rows[1]
        assert "Security guarantees" in rows[2] and rows[2].endswith("Still no clear answer.")
        # The highlighted stance is shown in full below the list.
        assert "Zelensky on Guarantees  ·  stated (the actor's own words)" in screen_text(app)

        await pilot.press("j", "j", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, AcrossScreen)
    assert chosen == [(LIBRARY / "late.yaml", "z-late")]


async def test_an_issue_lists_every_actor_with_their_stances(config, flagship):
    app = open_app(config, flagship)
    chosen: list[tuple[Path, str] | None] = []
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(AcrossScreen(library(), "issues", "guarantees"), chosen.append)
        await pilot.pause()
        screen = app.screen
        assert "Security guarantees across 3 briefs" in screen_text(app)
        rows = prompts(screen.query_one(StanceList))
        assert rows[0].startswith("Vladimir Putin  1 position")
        assert "Refuses any Western troops." in rows[1]
        assert rows[2].startswith("Volodymyr Zelensky  3 positions")
        assert [row.split()[0] for row in rows[3:]] == ["2024-01-09", "2025-06-01", "undated"]
        # Headings cannot be chosen: the first row highlighted is Putin's stance.
        await pilot.press("enter")
        await pilot.pause()
    assert chosen == [(LIBRARY / "early.yaml", "p-early")]


async def test_escape_and_q_close_with_nothing(config, flagship):
    app = open_app(config, flagship)
    chosen: list[tuple[Path, str] | None] = []
    async with app.run_test(size=SIZE) as pilot:
        for key in ("escape", "q"):
            app.push_screen(AcrossScreen(library(), "actors", "putin"), chosen.append)
            await pilot.pause()
            assert "Vladimir Putin across 1 brief" in screen_text(app)
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, AcrossScreen)
        assert app.is_running  # q closed the screen, it did not quit the app
    assert chosen == [None, None]


async def test_hostile_text_is_shown_literally(config, flagship):
    app = open_app(config, flagship)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(AcrossScreen(library(), "issues", "ceasefire"))
        await pilot.pause()
        text = screen_text(app)
        assert "[bold]x[/] ␛[31mred␛[0m [@click=app.quit]quit[/]" in text  # the full stance
        assert "\x1b" not in text
        row = prompts(app.screen.query_one(StanceList))[1]
        assert "[bold]x[/] ␛[31mred" in row
        await pilot.press("escape")
        # A hostile name, in the title line, a heading and the detail.
        index = build_index(
            [brief("h", None, {"evil": HOSTILE}, {"t": "T"}, [("e", "evil", "t", "Fine.")])]
        )
        app.push_screen(AcrossScreen(index, "issues", "t"))
        await pilot.pause()
        text = screen_text(app)
        assert "\x1b" not in text
        assert text.count("[bold]x[/] ␛[31mred␛[0m [@click=app.quit]quit[/]") == 2
        app.push_screen(AcrossScreen(index, "actors", "evil"))
        await pilot.pause()
        lines = screen_text(app).splitlines()
        assert lines[0].startswith(" Actor  [bold]x[/] ␛[31mred␛[0m [@click=app.quit]quit[/]")
        assert app.is_running


async def test_an_item_in_no_brief_says_so(config, flagship):
    app = open_app(config, flagship)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(AcrossScreen(library(), "actors", "nobody"))
        await pilot.pause()
        text = screen_text(app)
        assert "nobody across 0 briefs" in text
        assert "No positions of nobody in the briefs of this library." in text
        await pilot.press("enter", "j")  # nothing to choose; still here
        await pilot.pause()
        assert isinstance(app.screen, AcrossScreen)


def test_its_binding_can_be_remapped():
    assert "across.close" in binding_ids()
