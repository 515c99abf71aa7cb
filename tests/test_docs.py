"""The docs checked against the code, so they cannot drift from it.

- docs/keys.md names every binding id a keymap may use, and no id that does not exist;
- every binding id of the reader's screens and widgets can be remapped (``binding_ids()``).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

from paths import REPO

import briefing_tui.tui
from briefing_tui.tui.app import binding_ids

KEYS_DOC = REPO / "docs" / "keys.md"


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
