"""Fixtures for the UI tests: a known configuration, the flagship brief, app factories.

Every test runs with ``$BRIEFING_TUI_CONFIG`` pointing at a config file written into its own
``tmp_path``, so a developer's real configuration (theme, remapped keys) never leaks in.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from paths import FLAGSHIP

from briefing_tui.config import CONFIG_ENV, Config, load_config
from briefing_tui.core.brief.model import Brief
from briefing_tui.core.load.loader import load_brief
from briefing_tui.core.notes.folder import NOTES_ENV
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.screens.brief import BriefScreen

DEFAULT_CONFIG = 'theme = "textual-dark"\n\n[keymap]\n'


@pytest.fixture(autouse=True)
def detail_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The detail pane follows every move at once: tests check it after each key, and the
    pilot does not wait for timers. test_detail_delay.py tests the real delay."""
    monkeypatch.setattr(BriefScreen, "DETAIL_DELAY", 0)


@pytest.fixture(autouse=True)
def notes_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Notes go to the test's own folder, never to the user's data dir."""
    folder = tmp_path / "notes"
    monkeypatch.setenv(NOTES_ENV, str(folder))
    return folder


@pytest.fixture(autouse=True)
def config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A config file with the defaults spelled out, named by ``$BRIEFING_TUI_CONFIG``."""
    path = tmp_path / "config" / "config.toml"
    path.parent.mkdir()
    path.write_text(DEFAULT_CONFIG, encoding="utf-8")
    monkeypatch.setenv(CONFIG_ENV, str(path))
    return path


@pytest.fixture
def write_config(config_file: Path) -> Callable[[str], Config]:
    """Replace the test's config file with ``text`` and load it the way the CLI does."""

    def write(text: str) -> Config:
        config_file.write_text(text, encoding="utf-8")
        config = load_config()
        assert not config.problems, config.problems
        return config

    return write


@pytest.fixture
def config(config_file: Path) -> Config:
    """The test configuration, read through ``$BRIEFING_TUI_CONFIG`` like the CLI reads it."""
    loaded = load_config()
    assert loaded == Config(theme="textual-dark", keymap={}, problems=())
    return loaded


@pytest.fixture(scope="session")
def flagship() -> Brief:
    """The bundled flagship brief (loaded once: briefs are immutable)."""
    return load_brief(FLAGSHIP)


@pytest.fixture
def flagship_app(flagship: Brief, config: Config) -> BriefingApp:
    """The reader on the flagship brief, with the test configuration."""
    return BriefingApp(brief=flagship, config=config)
