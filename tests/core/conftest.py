"""Fixtures for the core tests; the brief template and text helpers are in ``briefkit.py``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from briefkit import ARTICLE, VALID_BRIEF, Problems, problems

from briefing_tui.core.brief.model import Brief
from briefing_tui.core.load.loader import load_brief
from briefing_tui.core.load.problems import BriefError


@pytest.fixture
def valid_brief() -> str:
    """The text of a minimal brief that loads without problems beside ``ARTICLE``."""
    return VALID_BRIEF


def _write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


@pytest.fixture
def write_brief(tmp_path: Path) -> Callable[..., Path]:
    """Write a brief (text or bytes) and its article into ``tmp_path``; return the brief path."""

    def write(
        yaml_text: str | bytes = VALID_BRIEF,
        article_text: str | bytes | None = ARTICLE,
        *,
        name: str = "brief.yaml",
        article_name: str = "article.txt",
    ) -> Path:
        path = tmp_path / name
        _write(path, yaml_text)
        if article_text is not None:
            _write(path.parent / article_name, article_text)
        return path

    return write


@pytest.fixture
def problems_of(write_brief: Callable[..., Path]) -> Callable[..., Problems]:
    """Write a brief and return its problems: ``problems_of(yaml_text, article_text=...)``."""

    def run(yaml_text: str | bytes, article_text: str | bytes | None = ARTICLE, **kw) -> Problems:
        limits = kw.pop("limits", None)
        return problems(write_brief(yaml_text, article_text, **kw), limits)

    return run


@pytest.fixture
def load_valid(write_brief: Callable[..., Path]) -> Callable[..., Brief]:
    """Write a brief and load it, failing the test with the problems when it does not load."""

    def run(yaml_text: str = VALID_BRIEF, article_text: str | bytes = ARTICLE) -> Brief:
        path = write_brief(yaml_text, article_text)
        try:
            return load_brief(path)
        except BriefError as error:
            pytest.fail(f"expected a valid brief, got:\n{error}")

    return run
