"""A small library for the search tests of the command line and the reader.

``write_library`` copies the bundled briefs (a dated one, an undated one) into a folder and adds
a brief whose text is hostile: Textual markup and control characters (an OSC 52 clipboard
write, a screen clear, a bidi override) in its title, an actor's name and a stance. Searching
for "sneaky" finds all three; nothing of them may reach a terminal as a command.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from paths import BRIEFS

HOSTILE = "hostile.yaml"

MARKUP = "[@click=app.quit]click[/] [b]bold[/b]"
CONTROLS = "\x1b]52;c;aGk=\x07 \x1b[2J \u202e"
RAW_CONTROLS = ("\x1b", "\x07", "\u202e")

TITLE = f"Sneaky title {MARKUP} {CONTROLS}"
NAME = f"Sneaky villain {MARKUP} {CONTROLS}"
STANCE = f"Sneaky stance {MARKUP} {CONTROLS}"

HOSTILE_BRIEF = """\
format: 1
id: hostile-brief
title: {title}
source:
  title: A headline
  published: 2024-03-03
  url: null
  text: hostile.txt
actors:
  - id: villain
    name: {name}
    kind: person
issues:
  - id: mischief
    title: Mischief
positions:
  - id: villain-stance
    actor: villain
    issue: mischief
    stance: {stance}
    attribution: stated
    evidence: [{{para: 1}}]
"""


def yaml_quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar, control characters written as escapes."""
    escapes = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\x1b": "\\e", "\x07": "\\a"}
    out = []
    for char in text:
        if char in escapes:
            out.append(escapes[char])
        elif ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F or 0x2000 <= ord(char) <= 0x206F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def write_library(folder: Path) -> Path:
    """The bundled briefs and the hostile one, in ``folder``; returns ``folder``."""
    shutil.copytree(BRIEFS, folder)
    (folder / HOSTILE).write_text(
        HOSTILE_BRIEF.format(
            title=yaml_quoted(TITLE), name=yaml_quoted(NAME), stance=yaml_quoted(STANCE)
        ),
        encoding="utf-8",
    )
    (folder / "hostile.txt").write_text("One paragraph.\n", encoding="utf-8")
    return folder
