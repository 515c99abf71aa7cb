"""The configuration file: defaults, theme, keymap, and located problems."""

from __future__ import annotations

from pathlib import Path

from briefing_tui.config import CONFIG_ENV, Config, config_path, load_config


def test_a_missing_file_gives_the_defaults(tmp_path: Path):
    assert load_config(tmp_path / "none.toml") == Config()


def test_theme_and_keymap_are_read(tmp_path: Path):
    path = tmp_path / "c.toml"
    path.write_text('theme = "nord"\n[keymap]\n"nav.back" = "b,backspace"\n', encoding="utf-8")
    config = load_config(path)
    assert config.theme == "nord"
    assert config.keymap == {"nav.back": "b,backspace"}
    assert config.problems == ()


def test_a_toml_syntax_error_is_located_and_defaults_are_used(tmp_path: Path):
    path = tmp_path / "c.toml"
    path.write_text('theme = "nord"\n[keymap\n', encoding="utf-8")
    config = load_config(path)
    assert config.theme == Config.theme and config.keymap == {}
    (problem,) = config.problems
    assert problem.startswith(f"{path}:2:")


def test_wrong_types_and_unknown_settings_are_reported_not_fatal(tmp_path: Path):
    path = tmp_path / "c.toml"
    path.write_text('theme = 3\ncolour = "red"\n[keymap]\n"nav.back" = 5\n', encoding="utf-8")
    config = load_config(path)
    assert config.theme == Config.theme
    assert config.keymap == {}
    text = "\n".join(config.problems)
    assert "'theme' must be a string" in text
    assert "unknown setting 'colour'" in text
    assert "'nav.back' must be a non-empty string" in text


def test_the_environment_variable_names_another_file(tmp_path: Path, monkeypatch):
    path = tmp_path / "elsewhere.toml"
    monkeypatch.setenv(CONFIG_ENV, str(path))
    assert config_path() == path
    monkeypatch.delenv(CONFIG_ENV)
    assert config_path().name == "config.toml" and "briefing-tui" in str(config_path())


def test_the_editor_setting_is_read_and_a_wrong_type_reported(tmp_path: Path):
    path = tmp_path / "c.toml"
    path.write_text('editor = "code --wait"\n', encoding="utf-8")
    assert load_config(path) == Config(editor="code --wait")
    path.write_text("editor = 1\n", encoding="utf-8")
    config = load_config(path)
    assert config.editor == ""
    assert any("'editor' must be a string" in problem for problem in config.problems)
