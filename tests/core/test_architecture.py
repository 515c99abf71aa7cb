"""The core and the command line run without the UI: importing them never loads Textual.

The layers and what may import what are contracts checked by import-linter (`lint-imports`,
`[tool.importlinter]` in pyproject.toml, run by .ci/run); this test checks the same promise at
run time, as a user meets it: in a fresh interpreter, every module of the core and every
command but ``open`` (which starts the reader) is imported, and Textual must not have been.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
import types

import briefing_tui
import briefing_tui.cli
import briefing_tui.core


def _modules(package: types.ModuleType, prefix: str) -> list[str]:
    return sorted(info.name for info in pkgutil.walk_packages(package.__path__, prefix))


def test_the_core_and_every_command_but_open_never_load_textual():
    modules = [
        *_modules(briefing_tui.core, "briefing_tui.core."),
        *(
            m
            for m in _modules(briefing_tui.cli, "briefing_tui.cli.")
            if m != "briefing_tui.cli.open"
        ),
        "briefing_tui",
    ]
    assert {"briefing_tui.core.load.loader", "briefing_tui.cli.validate"} <= set(modules)
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
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


def test_validate_runs_without_textual_installed_in_its_process():
    """`briefing-tui validate` on the bundled briefs, with Textual made unimportable."""
    script = (
        "import sys\n"
        "class NoTextual:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] == 'textual':\n"
        "            raise ImportError('textual is not available here')\n"
        "sys.meta_path.insert(0, NoTextual())\n"
        "from briefing_tui.cli.main import main\n"
        f"sys.exit(main(['validate', {str(briefing_tui.__path__[0] + '/../briefs')!r}]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "all valid" in result.stdout + result.stderr
