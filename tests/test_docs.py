"""The docs checked against the code, so they cannot drift from it.

- docs/keys.md names every binding id a keymap may use, and no id that does not exist;
- every binding id of the reader's screens and widgets can be remapped (``binding_ids()``);
- the README's module map ("How it is built") names only files and folders that exist, and
  every package of briefing_tui.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from paths import REPO

import briefing_tui
import briefing_tui.tui
from briefing_tui.tui.app import binding_ids

KEYS_DOC = REPO / "docs" / "keys.md"
README = REPO / "README.md"
PACKAGE = Path(briefing_tui.__file__).resolve().parent


# -- docs/keys.md -------------------------------------------------------------------------------


def documented_ids() -> list[str]:
    """The ids in the id column of the tables of docs/keys.md, in order (``list.*`` as is)."""
    ids: list[str] = []
    in_key_table = False
    for line in KEYS_DOC.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            in_key_table = False
            continue
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if cells[-1] == "id":  # the header of a table of keys
            in_key_table = True
            continue
        if in_key_table:
            ids.extend(re.findall(r"`([^`]+)`", cells[-1]))
    return ids


def test_keys_doc_names_every_binding_id():
    documented = set(documented_ids())
    missing = sorted(binding_ids() - documented)
    assert not missing, f"binding ids missing from the id column of docs/keys.md: {missing}"


def test_keys_doc_names_no_binding_id_that_does_not_exist():
    known = binding_ids()
    unknown = [
        name
        for name in documented_ids()
        if name not in known
        and not (name.endswith(".*") and any(k.startswith(name[:-1]) for k in known))
    ]
    assert not unknown, f"docs/keys.md names binding ids that do not exist: {unknown}"


def declared_binding_ids() -> dict[str, str]:
    """Every binding id declared by a class of briefing_tui.tui, with the class declaring it."""
    declared: dict[str, str] = {}
    prefix = briefing_tui.tui.__name__ + "."
    for module_info in pkgutil.walk_packages(briefing_tui.tui.__path__, prefix):
        module = importlib.import_module(module_info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__:
                continue
            for binding in cls.__dict__.get("BINDINGS", ()):
                binding_id = getattr(binding, "id", None)
                if binding_id:
                    declared[binding_id] = f"{cls.__module__}.{cls.__qualname__}"
    return declared


def test_every_declared_binding_id_can_be_remapped():
    # binding_ids() is what the app checks a config's [keymap] against: an id missing from it
    # is remapped by Textual, yet the reader is warned that no binding has that id.
    declared = declared_binding_ids()
    assert declared, "no binding ids found: the walk over briefing_tui.tui is broken"
    missing = {name: owner for name, owner in declared.items() if name not in binding_ids()}
    assert not missing, f"binding ids binding_ids() does not list: {missing}"


# -- the README's module map ----------------------------------------------------------------------

#: A file named with its extension, or a folder with a trailing slash.
NAME = r"(?:[\w-]+(?:\.[\w-]+)*\.(?:py|tcss|md|json|yaml|txt)|[\w-]+/)"
#: A name in the prose of a description: not part of a longer word, path or URL.
NAME_IN_PROSE = re.compile(rf"(?<![\w./-])({NAME})(?![\w/-])")
#: An entry line: its names, then two spaces or more and its description (if any).
ENTRY = re.compile(rf"^( *)({NAME}(?:, {NAME})*)(?: {{2,}}(.*))?$")


@dataclass(frozen=True)
class Named:
    """A file or folder the map names: its path from the repository, and the map's line."""

    path: Path
    is_folder: bool
    line: str


def module_map() -> list[str]:
    """The lines of the text block under the README's "How it is built"."""
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## How it is built\n", 1)[1]
    block = section.split("```text\n", 1)[1].split("\n```", 1)[0]
    return block.splitlines()


def named_in_map() -> list[Named]:
    """Every file and folder the map names: its entries (the tree, by indentation) and the
    names in their descriptions, each relative to the folder it is described in."""
    named: list[Named] = []
    parents: list[tuple[int, Path]] = []  # (indentation, folder) of the entries above
    folder = Path()  # where the names of the current description live
    deepest = 0  # an entry is indented at most two more than the one above it
    for line in module_map():
        entry = ENTRY.match(line)
        indent = len(line) - len(line.lstrip())
        if entry and indent <= deepest:
            while parents and parents[-1][0] >= indent:
                parents.pop()
            parent = parents[-1][1] if parents else Path()
            names = entry.group(2).split(", ")
            named.extend(Named(parent / name, name.endswith("/"), line) for name in names)
            folder = parent
            if names[-1].endswith("/"):
                folder = parent / names[-1]
                parents.append((indent, folder))
            deepest = indent + 2
            prose = entry.group(3) or ""
        else:
            prose = line
        named.extend(
            Named(folder / name, name.endswith("/"), line) for name in NAME_IN_PROSE.findall(prose)
        )
    return named


def test_module_map_is_read_as_a_tree():
    paths = {str(n.path) for n in named_in_map()}
    # Spot checks of the reading itself: entries nest by indentation, descriptions name
    # files of the folder they describe.
    assert {
        "briefing_tui/core/text",
        "briefing_tui/core/text/printable.py",
        "briefing_tui/tui/app.tcss",
        "briefing_tui/config.py",
        "docs/keys.md",
    } <= paths


def test_module_map_names_only_files_and_folders_that_exist():
    missing = [
        f"{n.path}{'/' if n.is_folder else ''}  (in: {n.line.strip()})"
        for n in named_in_map()
        if not ((REPO / n.path).is_dir() if n.is_folder else (REPO / n.path).is_file())
    ]
    assert not missing, "the README's module map names what does not exist:\n" + "\n".join(missing)


@pytest.mark.parametrize(
    "package",
    sorted(
        str(path.parent.relative_to(REPO))
        for path in PACKAGE.rglob("__init__.py")
        if "__pycache__" not in path.parts
    ),
)
def test_module_map_names_every_package(package):
    folders = {str(n.path) for n in named_in_map() if n.is_folder}
    assert package in folders, f"the README's module map does not name {package}/"
