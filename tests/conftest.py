"""Fixtures for every test: the parse cache lives in the test's own folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_tui.core.library.cache import CACHE_ENV


@pytest.fixture(autouse=True)
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The parse cache goes to the test's own folder, never to the user's cache dir."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(folder))
    return folder
