"""The JSON Schema: shipped copy up to date, a valid draft 2020-12 schema, agreeing with the loader.

Editors check briefs with the schema while the user types; ``briefing-tui validate`` checks them
with the loader. Both must accept the bundled briefs and refuse the structural mistakes JSON
Schema can express, or the editor and the validator contradict each other.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from briefkit import ARTICLE, VALID_BRIEF, edit
from jsonschema import Draft202012Validator
from paths import BRIEFS, REPO

from briefing_tui.core.load.loader import load_brief
from briefing_tui.core.load.problems import BriefError
from briefing_tui.core.load.schema import schema_json

SHIPPED = REPO / "briefing_tui" / "schema" / "brief.schema.json"
MODELINE = "# yaml-language-server: $schema=../briefing_tui/schema/brief.schema.json"


@cache
def validator() -> Draft202012Validator:
    schema = json.loads(SHIPPED.read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def as_json_data(value: Any) -> Any:
    """YAML data as an editor's schema check sees it: dates as their ISO text."""
    if isinstance(value, dict):
        return {key: as_json_data(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json_data(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def schema_errors(yaml_text: str) -> list[str]:
    data = as_json_data(yaml.safe_load(yaml_text))
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator().iter_errors(data)
    ]


def loader_problems(path: Path) -> list[str]:
    try:
        load_brief(path)
    except BriefError as error:
        return [str(problem) for problem in error.problems]
    return []


def bundled_briefs() -> list[Path]:
    return sorted(BRIEFS.glob("*.yaml"))


def require_bundled_briefs() -> list[Path]:
    found = bundled_briefs()
    if not found:
        pytest.skip(f"no bundled briefs yet in {BRIEFS} (they are being written)")
    return found


# -- (a) and (b): the shipped file ------------------------------------------------------------


def test_shipped_schema_is_up_to_date():
    assert SHIPPED.read_text(encoding="utf-8") == schema_json(), (
        "briefing_tui/schema/brief.schema.json is out of date; regenerate it with"
        " `briefing-tui schema > briefing_tui/schema/brief.schema.json`"
    )


def test_schema_is_a_valid_draft_2020_12_schema():
    schema = json.loads(schema_json())
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_schema_forbids_unknown_keys_in_every_record():
    schema = json.loads(schema_json())
    records = [schema, *schema["$defs"].values()]
    assert len(records) >= 9  # the brief, its source, evidence and six kinds of item
    assert all(record.get("additionalProperties") is False for record in records)


# -- (c) agreement with the loader ------------------------------------------------------------


def test_template_is_valid_for_both(write_brief):
    assert loader_problems(write_brief(VALID_BRIEF)) == []
    assert schema_errors(VALID_BRIEF) == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("published: 2026-01-09", "published: null"),
        ("url: https://example.com/a", "url:"),
        ("  - id: trade\n", '  - id: "no"\n'),
        ("title: A test brief", 'title: "1999"'),
        ("date: 2026-01-06", 'date: "2026-01-06"'),
        ("    part_of: [gamma]\n", "    part_of: []\n"),
        ("    role: Minister\n", "    role: ~\n"),
        ("    part_of: [gamma]\n", "    part_of: [gamma]\n    aliases: [alpha-beta, a-b]\n"),
        ("    title: Trade talks\n", "    title: Trade talks\n    aliases:\n"),
    ],
    ids=["null-date", "empty-url", "quoted-no-id", "quoted-number", "quoted-date", "empty-refs",
         "tilde-role", "aliases", "empty-aliases"],
)  # fmt: skip
def test_valid_variants_are_valid_for_both(write_brief, old, new):
    text = edit(VALID_BRIEF, old, new)
    if 'id: "no"' in text:
        text = text.replace("issue: trade", 'issue: "no"').replace("[[trade]]", "[[no]]")
        text = text.replace("[alpha-will-act, trade]", '[alpha-will-act, "no"]')
    assert loader_problems(write_brief(text)) == []
    assert schema_errors(text) == []


STRUCTURAL_MISTAKES = {
    "unknown-key": ("title: A test brief", "titel: A test brief"),
    "unknown-nested-key": ("role: Minister", "rol: Minister"),
    "missing-required": ("    stance: Will act soon.\n", ""),
    "missing-source": (
        "source:\n  title: A headline\n  outlet: Example News\n  author: A. Writer\n"
        "  published: 2026-01-09\n  url: https://example.com/a\n  text: article.txt\n",
        "",
    ),
    "list-for-text": ("title: A test brief", "title: [a, b]"),
    "mapping-for-list": ("part_of: [gamma]", "part_of: {gamma: 1}"),
    "text-for-number": ("    para: 2\n", '    para: "2"\n'),
    "bad-slug": ("  - id: gamma\n", '  - id: "Gamma State"\n'),
    "bad-slug-ref": ("speaker: gamma", "speaker: Gamma"),
    "bad-date": ("date: 2026-01-06", "date: 26-1-9"),
    "impossible-date": ("published: 2026-01-09", 'published: "2026-02-30"'),
    "bad-enum-word": ("kind: person", "kind: persn"),
    "bad-attribution": ("attribution: stated", "attribution: said"),
    "empty-evidence": (
        "    evidence:\n      - para: 1\n        quote: we will act soon\n",
        "    evidence: []\n",
    ),
    "id-no-boolean": ("id: test-brief", "id: no"),
    "title-number": ("title: A test brief", "title: 1999"),
    "para-zero": ("    para: 2\n", "    para: 0\n"),
    "format-2": ("format: 1", "format: 2"),
    "blank-text": ("name: Gamma", 'name: "  "'),
    "ftp-url": ("url: https://example.com/a", "url: ftp://example.com/a"),
    "escaping-path": ("text: article.txt", "text: ../article.txt"),
    "absolute-path": ("text: article.txt", "text: /etc/passwd"),
    "refs-twice": ("actors: [alpha, gamma]", "actors: [alpha, alpha]"),
    "null-required": ("name: Gamma", "name: null"),
    "bad-alias": ("    part_of: [gamma]\n", "    part_of: [gamma]\n    aliases: [Alpha Beta]\n"),
    "alias-twice": ("title: Trade talks", "title: Trade talks\n    aliases: [tr, tr]"),
    "alias-not-list": ("title: Trade talks", "title: Trade talks\n    aliases: tr"),
}


@pytest.mark.parametrize(
    ("old", "new"), list(STRUCTURAL_MISTAKES.values()), ids=list(STRUCTURAL_MISTAKES)
)
def test_structural_mistakes_are_refused_by_both(write_brief, old, new):
    text = edit(VALID_BRIEF, old, new)
    assert loader_problems(write_brief(text)), "the loader accepted it"
    assert schema_errors(text), "the schema accepted it"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("evidence: [{para: 3}]", "evidence: [{para: 08}]"),  # YAML 1.1: the text '08'
        ("    para: 2\n", "    para: !!str 2\n"),  # the text '2'
        ("title: A test brief", "title: !!str 1999"),  # the text '1999': valid
        ("evidence: [{para: 3}]", "evidence: [{para: 10}]"),  # a plain number: valid
    ],
    ids=["leading-zero", "str-tagged-number", "str-tagged-title", "plain"],
)
def test_loader_and_schema_agree_on_how_a_number_is_written(write_brief, old, new):
    # Ten paragraphs, so that whichever number a tool reads, the paragraph exists. (Numbers
    # such as 010 or 0x2 are refused by the loader only: JSON Schema sees the number YAML made
    # of them, not how it was written.)
    text = edit(VALID_BRIEF, old, new)
    long_article = ARTICLE + "".join(f"\nParagraph {n}.\n" for n in range(4, 11))
    loader = loader_problems(write_brief(text, long_article))
    schema = schema_errors(text)
    assert bool(loader) == bool(schema), f"loader: {loader}\nschema: {schema}"


def test_bundled_briefs_are_valid_for_loader_and_schema():
    for path in require_bundled_briefs():
        assert loader_problems(path) == [], f"{path.name} does not load"
        errors = schema_errors(path.read_text(encoding="utf-8"))
        assert errors == [], f"{path.name} fails the schema: {errors}"


# -- (d) the modeline -------------------------------------------------------------------------


def test_bundled_briefs_start_with_the_schema_modeline():
    for path in require_bundled_briefs():
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        assert first_line == MODELINE, f"{path.name} starts with {first_line!r}"
        relative = re.sub(r"^# yaml-language-server: \$schema=", "", first_line)
        assert (path.parent / relative).resolve() == SHIPPED.resolve()


def test_article_of_every_bundled_brief_is_beside_it():
    for path in require_bundled_briefs():
        source = yaml.safe_load(path.read_text(encoding="utf-8"))["source"]["text"]
        assert (path.parent / source).is_file(), f"{path.name}: {source} is missing"
