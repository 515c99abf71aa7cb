"""User configuration: a TOML file in the platform's config folder.

``$BRIEFING_TUI_CONFIG`` names another file (tests use it to get a known configuration).
The file is optional; everything has a default. Example::

    theme = "textual-light"
    editor = "code --wait"  # for ctrl+e in the note editor; default $VISUAL, then $EDITOR

    [keymap]            # binding id = keys (comma-separated); see `?` in the app for ids
    "nav.back" = "b,backspace"
    "app.help" = "f1"

This module never imports Textual: the keymap is plain data applied by the app.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

APP_NAME = "briefing-tui"
CONFIG_ENV = "BRIEFING_TUI_CONFIG"


def config_path() -> Path:
    """Where the configuration file is read from."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


@dataclass(frozen=True)
class Config:
    """Settings read from the configuration file."""

    #: Name of a Textual theme (the palette's "Change theme" lists them).
    theme: str = "textual-dark"
    #: Binding id -> keys, overriding the default keys of that binding.
    keymap: dict[str, str] = field(default_factory=dict)
    #: The command that edits a note in the reader's own editor, with its arguments (the
    #: note's file is added last); empty means $VISUAL, then $EDITOR.
    editor: str = ""
    #: Problems found while reading the file, for the app to show: never fatal.
    problems: tuple[str, ...] = ()


def load_config(path: Path | None = None) -> Config:
    """Read the configuration; a missing file gives the defaults, a bad one says why."""
    path = path or config_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as exc:
        return Config(problems=(f"{path}: cannot read config: {exc}",))
    except tomllib.TOMLDecodeError as exc:
        return Config(problems=(_toml_problem(path, exc),))
    problems: list[str] = []
    theme = data.pop("theme", Config.theme)
    if not isinstance(theme, str):
        problems.append(f"{path}: 'theme' must be a string")
        theme = Config.theme
    editor = data.pop("editor", Config.editor)
    if not isinstance(editor, str):
        problems.append(f'{path}: \'editor\' must be a string, such as "vim" or "code --wait"')
        editor = Config.editor
    keymap_raw = data.pop("keymap", {})
    keymap: dict[str, str] = {}
    if isinstance(keymap_raw, dict):
        for binding_id, keys in keymap_raw.items():
            if isinstance(keys, str) and keys.strip():
                keymap[binding_id] = keys
            else:
                problems.append(f"{path}: keymap entry '{binding_id}' must be a non-empty string")
    else:
        problems.append(f"{path}: [keymap] must be a table of binding id = keys")
    problems.extend(f"{path}: unknown setting '{key}'" for key in data)
    return Config(theme=theme, keymap=keymap, editor=editor, problems=tuple(problems))


def _toml_problem(path: Path, exc: tomllib.TOMLDecodeError) -> str:
    # tomllib's message ends with "(at line L, column C)": turn it into file:line:col.
    match = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
    if match:
        message = str(exc)[: match.start()].strip()
        return f"{path}:{match.group(1)}:{match.group(2)}: {message}"
    return f"{path}: {exc}"
