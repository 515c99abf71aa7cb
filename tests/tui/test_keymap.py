"""Remapping keys in the config file: ``[keymap]`` binding id = keys."""

from __future__ import annotations

from textual.widgets import DataTable

from briefing_tui.config import load_config
from briefing_tui.core.brief.model import Brief
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.location import Location
from briefing_tui.tui.screens.brief import BriefScreen
from briefing_tui.tui.screens.help import HelpScreen

from .tuikit import SIZE, brief_screen, notifications


async def test_nav_back_remapped_to_b(write_config, flagship: Brief):
    config = write_config('theme = "textual-dark"\n\n[keymap]\n"nav.back" = "b"\n')
    assert config.keymap == {"nav.back": "b"}
    assert load_config() == config  # what the CLI reads through $BRIEFING_TUI_CONFIG
    app = BriefingApp(brief=flagship, config=config)
    async with app.run_test(size=SIZE) as pilot:
        screen = brief_screen(app)
        await pilot.press("2", "enter", "enter")  # Zelensky, his links, follow "Part of"
        assert screen.location == Location("actors", "item:ukraine")

        await pilot.press("left_square_bracket")  # the old key does nothing now
        assert screen.location == Location("actors", "item:ukraine")
        await pilot.press("backspace")  # nor its other default key
        assert screen.location == Location("actors", "item:ukraine")

        await pilot.press("b")
        assert screen.location == Location("actors", "item:zelensky")

        # Help shows the new key for the id.
        await pilot.press("question_mark")
        await pilot.pause()
        table = app.screen.query_one("#help-keys", DataTable)
        rows = [tuple(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]
        assert ("b", "Back", "nav.back") in rows


async def test_a_bad_keymap_entry_is_reported_not_fatal(config_file, flagship: Brief):
    config_file.write_text('[keymap]\n"nav.back" = ""\n"app.help" = "f2"\n', encoding="utf-8")
    config = load_config()
    assert config.keymap == {"app.help": "f2"}
    assert len(config.problems) == 1 and "nav.back" in config.problems[0]
    app = BriefingApp(brief=flagship, config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert any("nav.back" in message for message in notifications(app))
        await pilot.press("2", "enter", "enter", "left_square_bracket")  # default Back kept
        assert brief_screen(app).location == Location("actors", "item:zelensky")
        await pilot.press("question_mark")  # help moved to f2: ? does nothing now
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_a_keymap_entry_naming_no_binding_is_reported(config_file, flagship: Brief):
    config_file.write_text('[keymap]\n"nav.bakc" = "b"\n', encoding="utf-8")
    config = load_config()
    app = BriefingApp(brief=flagship, config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = [*config.problems, *notifications(app)]
        assert any("nav.bakc" in message for message in shown), shown
