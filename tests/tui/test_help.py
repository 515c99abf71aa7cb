"""Help ("?"): the keys that work where the reader is, with the ids to remap them."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from briefing_tui.config import CONFIG_ENV
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.screens.brief import BriefScreen
from briefing_tui.tui.screens.help import HelpScreen
from briefing_tui.tui.screens.source import SourceScreen

from .tuikit import SIZE, screen_lines, screen_text


def help_rows(app: BriefingApp) -> list[tuple[str, str, str]]:
    table = app.screen.query_one("#help-keys", DataTable)
    return [tuple(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]


def help_where(app: BriefingApp) -> str:
    return app.screen.query_one("#dialog > Static", Static).visual.plain


def help_hint(app: BriefingApp) -> str:
    return app.screen.query_one("#dialog > .hint", Static).visual.plain


def keys_for(rows: list[tuple[str, str, str]], description: str) -> list[str]:
    """Every key shown for ``description``."""
    return [key for row in rows if row[1] == description for key in row[0].split(", ")]


async def test_question_mark_lists_the_keys_of_the_focused_pane_and_screen(
    flagship_app: BriefingApp, config_file: Path
):
    async with flagship_app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "question_mark")
        await pilot.pause()
        assert isinstance(flagship_app.screen, HelpScreen)
        assert help_where(flagship_app) == "Keys here: the list of items"
        rows = help_rows(flagship_app)
        for row in [
            ("j", "Down", "list.down"),
            ("k", "Up", "list.up"),
            ("[, ⌫", "Back", "nav.back"),
            ("]", "Forward", "nav.forward"),
            ("/", "Filter", "nav.filter"),
            ("s", "Source", "nav.source"),
            ("4", "Positions", "nav.section_positions"),
            ("q", "Quit", "app.quit"),
            ("?, f1", "Help", "app.help"),
        ]:
            assert row in rows, row
        # The arrows are listed as what they do here: move between panes.
        assert {"h", "←"} <= set(keys_for(rows, "Pane left"))
        assert {"l", "→"} <= set(keys_for(rows, "Pane right"))
        assert not keys_for(rows, "Scroll Left") and not keys_for(rows, "Scroll Right")
        # The reader's own keys (with ids) come before Textual's (without).
        ids = [binding_id for _, _, binding_id in rows]
        first_without = next(i for i, binding_id in enumerate(ids) if not binding_id)
        assert all(ids[:first_without]) and not any(ids[first_without:])
        # Where to remap them, and how to close: on screen even at 40 lines (until 83118a3
        # the table pushed this hint out of the dialog), with the config file named.
        text = screen_text(flagship_app)
        assert "nav.back" in text
        assert "under [keymap]" in text and "Esc closes." in text
        assert str(config_file) in help_hint(flagship_app)

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(flagship_app.screen, BriefScreen)
        await pilot.press("right")  # → does what help says
        assert flagship_app.focused is flagship_app.screen.query_one("#links")

        # In the source view: its own keys, and none of the brief screen's.
        await pilot.press("s", "question_mark")
        await pilot.pause()
        assert help_where(flagship_app) == "Keys here: the article"
        rows = help_rows(flagship_app)
        assert ("esc, q", "Close", "source.close") in rows
        assert ("tab", "Cited by", "source.switch") in rows
        assert not any(binding_id == "nav.back" for _, _, binding_id in rows)
        await pilot.press("question_mark")  # ? closes help too
        await pilot.pause()
        assert isinstance(flagship_app.screen, SourceScreen)
        # Every key listed as "Pane right" reaches the Cited-by list (until 83118a3 → was
        # listed but did nothing here).
        for key in keys_for(rows, "Pane right"):
            assert key in ("→", "l"), rows
            await pilot.press({"→": "right"}.get(key, key))
            assert flagship_app.focused is flagship_app.screen.query_one("#cited"), key
            await pilot.press("tab")  # back to the article
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(flagship_app.screen, BriefScreen)
        assert flagship_app.is_running


async def test_the_remap_hint_reads_whole_whatever_the_length_of_the_config_path(
    flagship_app: BriefingApp, monkeypatch: pytest.MonkeyPatch
):
    """The config path is on a line of its own, so its length never splits the sentence (until
    the fix a path of some lengths broke "under [keymap]" over two lines, and the help test
    failed when pytest's temporary folder had such a length)."""
    async with flagship_app.run_test(size=SIZE) as pilot:
        # At 120 columns the old hint split its sentence for paths of 29-36, 60-69 and 87-96
        # characters (a macOS config path is about 67); 150 is wider than the dialog.
        for length in (32, 64, 91, 150):
            path = "/" + "p" * (length - len("//config.toml")) + "/config.toml"
            monkeypatch.setenv(CONFIG_ENV, path)
            await pilot.press("question_mark")
            assert isinstance(flagship_app.screen, HelpScreen)
            sentence = [line for line in screen_lines(flagship_app) if "under [keymap]" in line]
            assert len(sentence) == 1, (length, screen_text(flagship_app))
            assert "Esc closes." in sentence[0]
            assert path in help_hint(flagship_app)
            await pilot.press("escape")
