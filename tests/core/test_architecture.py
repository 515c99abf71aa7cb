"""The core knows nothing of the UI: nothing outside ``briefing_tui/tui/`` imports Textual.

The one exception is the CLI's ``open`` command, which imports the reader lazily, inside a
function; module-level imports of Textual (or of the ``tui`` package) are what this forbids.
"""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import briefing_tui
import briefing_tui.core

PACKAGE = Path(briefing_tui.__file__).resolve().parent
UI_PACKAGES = ("textual", "briefing_tui.tui")


def _imports(tree: ast.Module, *, top_level_only: bool) -> list[tuple[int, int, str]]:
    """(line, level, module) of a module's imports (``from a import b`` gives ``a`` and
    ``a.b``); with ``top_level_only``, only those that run on import (module body, also under
    ``if``/``try``), not those inside functions."""
    found: list[tuple[int, int, str]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if not (top_level_only and in_function):
                if isinstance(child, ast.Import):
                    found.extend((child.lineno, 0, alias.name) for alias in child.names)
                elif isinstance(child, ast.ImportFrom):
                    module = child.module or ""
                    found.append((child.lineno, child.level, module))
                    found.extend(
                        (child.lineno, child.level, f"{module}.{alias.name}".lstrip("."))
                        for alias in child.names
                    )
            is_function = isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            visit(child, in_function or is_function)

    visit(tree, False)
    return found


def ui_imports(source: str, relative: Path) -> list[str]:
    """The UI imports of the module at ``relative`` (a path inside briefing_tui/).

    The core may not import the UI anywhere, not even lazily; other modules (the CLI) only
    lazily, inside the function that opens the reader.
    """
    strict = relative.parts[0] == "core"
    package = ["briefing_tui", *relative.parts[:-1]]
    offenders = []
    for line, level, module in _imports(ast.parse(source), top_level_only=not strict):
        if level:  # relative import: resolve against the module's package
            base = package[: len(package) - level + 1]
            module = ".".join([*base, module]) if module else ".".join(base)
        if any(module == ui or module.startswith(ui + ".") for ui in UI_PACKAGES):
            offenders.append(f"{relative}:{line}: imports {module}")
    return list(dict.fromkeys(offenders))


def non_ui_sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "tui" not in p.relative_to(PACKAGE).parts)


@pytest.mark.parametrize(
    ("source", "where", "flagged"),
    [
        ("import textual", "core/x.py", True),
        ("import textual.app as a", "cli/main.py", True),
        ("from textual.widgets import Static", "core/x.py", True),
        ("from ..tui.app import App", "core/x.py", True),
        ("from ..tui import app", "cli/main.py", True),
        ("from .. import tui", "cli/main.py", True),
        ("from .. import tui", "core/x.py", True),
        ("try:\n    import textual\nexcept ImportError:\n    pass", "cli/main.py", True),
        ("def f():\n    import textual", "core/x.py", True),
        ("def f():\n    from ..tui.app import App", "cli/main.py", False),
        ("import textwrap\nfrom ..core import loader", "cli/main.py", False),
        ("from . import tuit", "core/x.py", False),
    ],
)
def test_the_scan_would_catch_a_ui_import(source, where, flagged):
    assert bool(ui_imports(source, Path(where))) is flagged


def test_the_scan_finds_the_core():
    names = {p.relative_to(PACKAGE).as_posix() for p in non_ui_sources()}
    assert {
        "cli/main.py",
        "core/load/loader.py",
        "core/load/strict_yaml.py",
        "core/brief/wikilinks.py",
    } <= names


def test_core_and_cli_never_import_textual_statically():
    offenders = []
    for path in non_ui_sources():
        source = path.read_text(encoding="utf-8")
        offenders.extend(ui_imports(source, path.relative_to(PACKAGE)))
    assert offenders == []


def test_core_modules_never_import_textual_when_imported():
    modules = sorted(
        info.name
        for info in pkgutil.walk_packages(briefing_tui.core.__path__, "briefing_tui.core.")
    )
    assert "briefing_tui.core.load.loader" in modules
    script = (
        "import importlib, sys\n"
        f"for name in {[*modules, 'briefing_tui.cli.main', 'briefing_tui']!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'textual'"
        " or m.startswith('briefing_tui.tui'))\n"
        "print('IMPORTED', bad)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "IMPORTED []"
