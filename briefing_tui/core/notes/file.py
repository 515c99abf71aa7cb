"""The notes file format: one YAML file per brief, written for people and diffs.

    # Notes of briefing-tui on the brief 'zelensky-security-guarantees'. ...
    format: 1
    brief: zelensky-security-guarantees
    items:
      zelensky-no-clear-answer:       # items sorted by id, keys in a fixed order
        mark: agree
        flags: [star]
        tags: [guarantees]
        note: |
          Markdown, as written.
        updated: '2026-11-26T14:53:40Z'
        anchor:
          text: Has asked all partners ...
          hash: sha256:0f3c...

Reading is strict (the same strict YAML reader as briefs): a file that does not follow the
format raises :class:`NotesError`, and the store then sets it aside instead of guessing.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import json
import re
from collections.abc import Mapping
from typing import Any

from ..load.problems import BriefError, ProblemLog
from ..load.scalars import SLUG
from ..load.strict_yaml import Mapping as YamlMapping
from ..load.strict_yaml import Node, Scalar, Sequence, read_yaml
from ..text.yamlstring import NEEDS_ESCAPE, yaml_string
from .annotations import FLAGS, MARKS, Anchor, Annotation

NOTES_FORMAT = 1
_FIELD_ORDER = ("mark", "flags", "tags", "estimate", "note", "updated", "anchor")


class NotesError(BriefError):
    """A notes file that cannot be read; ``problems`` says where and why."""


def dump_notes(brief_id: str, annotations: Mapping[str, Annotation]) -> str:
    """The text of a notes file holding ``annotations`` (items sorted by id)."""
    entries = [dump_entry(annotations[item_id]) for item_id in sorted(annotations)]
    return _file_text(brief_id, entries)


def _file_text(brief_id: str, entries: list[str]) -> str:
    header = (
        f"# Notes of briefing-tui on the brief {yaml_string(brief_id)}. briefing-tui rewrites this"
        " file on\n# every change; edit it only while the app is closed.\n"
        f"format: {NOTES_FORMAT}\nbrief: {yaml_string(brief_id)}\n"
    )
    if not entries:
        return header + "items: {}\n"
    return header + "items:\n" + "".join(entries)


class NotesText:
    """The bytes of one brief's notes file, kept up to date entry by entry.

    A change re-renders its own item only, and the entries stay sorted as they are inserted,
    so saving one mark costs the same Python work with 50 notes or 50,000: what is left is
    joining the entries' bytes, a copy in C. ``data()`` is always ``dump_notes`` of what it
    holds, encoded as UTF-8.
    """

    def __init__(self, brief_id: str, annotations: Mapping[str, Annotation] | None = None) -> None:
        self._brief_id = brief_id
        self._ids: list[str] = []
        self._entries: list[bytes] = []
        if annotations:
            self.reset(annotations)

    def reset(self, annotations: Mapping[str, Annotation]) -> None:
        """Hold ``annotations`` (all of them rendered again)."""
        self._ids = sorted(annotations)
        self._entries = [dump_entry(annotations[item_id]).encode() for item_id in self._ids]

    def update(self, item_id: str, annotation: Annotation | None) -> None:
        """Hold ``annotation`` for ``item_id`` (None removes the item)."""
        index = bisect.bisect_left(self._ids, item_id)
        present = index < len(self._ids) and self._ids[index] == item_id
        if annotation is None:
            if present:
                del self._ids[index]
                del self._entries[index]
            return
        entry = dump_entry(annotation).encode()
        if present:
            self._entries[index] = entry
        else:
            self._ids.insert(index, item_id)
            self._entries.insert(index, entry)

    def data(self) -> bytes:
        """The whole file, as UTF-8."""
        head = _file_text(self._brief_id, []).encode()
        if not self._entries:
            return head
        return b"".join([head.removesuffix(b"items: {}\n") + b"items:\n", *self._entries])


@functools.lru_cache(maxsize=65536)
def dump_entry(annotation: Annotation) -> str:
    """The lines of one item in the notes file (cached: a change re-emits only its item)."""
    lines = [f"  {annotation.item}:"]
    if annotation.mark:
        lines.append(f"    mark: {annotation.mark}")
    for name, words in (("flags", annotation.flags), ("tags", annotation.tags)):
        if words:
            lines.append(f"    {name}:")
            lines.extend(f"      - {yaml_string(word)}" for word in words)
    if annotation.estimate is not None:
        lines.append(f"    estimate: {annotation.estimate!r}")
    if annotation.note:
        lines.append("    note: " + _text(annotation.note, "      "))
    lines.append(f"    updated: '{annotation.updated.strftime('%Y-%m-%dT%H:%M:%SZ')}'")
    lines.append("    anchor:")
    lines.append("      text: " + _text(annotation.anchor.text, "        "))
    lines.append(f"      hash: {yaml_string(annotation.anchor.hash)}")
    return "\n".join(lines) + "\n"


def _text(text: str, indent: str) -> str:
    """Text as a literal block when that keeps it exactly and readably, else double-quoted."""
    if (
        "\n" in text
        and not NEEDS_ESCAPE.search(text)
        and "\t" not in text
        and text == text.strip(" ")
        and not text.startswith(("\n", " "))
        and not any(line != line.rstrip(" ") for line in text.split("\n"))
    ):
        chomp = "+" if text.endswith("\n\n") else ("" if text.endswith("\n") else "-")
        body = text[:-1] if text.endswith("\n") and chomp == "" else text
        if chomp == "+":
            body = text[:-1]
        block = "\n".join(indent + line if line else "" for line in body.split("\n"))
        return f"|{chomp}\n{block}"
    return yaml_string(text)


def parse_notes(text: str, path: str) -> tuple[str, dict[str, Annotation]]:
    """(brief id, annotations by item id) of a notes file's text; raises :class:`NotesError`.

    A file as briefing-tui writes it is read by :func:`read_own` (about eight times faster);
    any other goes through the strict YAML reader, which says where it is wrong.
    """
    own = read_own(text)
    if own is not None:
        return own
    return parse_notes_strictly(text, path)


def read_own(text: str) -> tuple[str, dict[str, Annotation]] | None:
    """A notes file exactly as :func:`dump_notes` writes it, read by its known shape; None for
    anything else (a file edited by hand, an older writer, a mistake).

    Exactness is proved, not assumed: every value is checked as the strict reader checks it,
    and the text of each entry must be what :func:`dump_entry` writes for the annotation read
    from it, so the result is the one :func:`parse_notes_strictly` would give.
    """
    head, found, body = text.partition("\nitems:\n")
    match = _OWN_HEAD.fullmatch(head + "\n")
    if not found or match is None:
        return None
    try:
        brief_id = _unquote(match.group(1))
    except ValueError:
        return None
    if _file_text(brief_id, ["x"]) != head + "\nitems:\nx":
        return None
    annotations: dict[str, Annotation] = {}
    before, *entries = _OWN_ENTRY_START.split(body)
    if before:  # text before the first entry
        return None
    for entry in entries:
        annotation = _own_entry(entry)
        if annotation is None or annotation.item in annotations or dump_entry(annotation) != entry:
            return None
        annotations[annotation.item] = annotation
    if not annotations:
        return None
    return brief_id, annotations


# json.decoder.scanstring is public in CPython but missing from the typeshed stubs.
_scan = json.decoder.scanstring  # type: ignore[attr-defined]


def _unquote(quoted: str) -> str:
    """A JSON-style double-quoted string, read whole (ValueError when it is not one)."""
    if not quoted.startswith('"'):
        raise ValueError("not a quoted string")
    value, end = _scan(quoted, 1)
    if end != len(quoted):
        raise ValueError("text after the quoted string")
    return str(value)


_OWN_HEAD = re.compile(
    r'# Notes of briefing-tui on the brief (".*")\. [^\n]*\n[^\n]*\nformat: 1\nbrief: ".*"\n'
)
_OWN_ENTRY_START = re.compile(r"^(?=  [^ ])", re.MULTILINE)


def _own_entry(entry: str) -> Annotation | None:
    """One entry of :func:`read_own`, or None when it is not in dump_entry's exact shape."""
    lines = entry.split("\n")
    if not (lines[0].startswith("  ") and lines[0].endswith(":") and lines[-1] == ""):
        return None
    item_id = lines[0][2:-1]
    if not SLUG.match(item_id):
        return None
    values: dict[str, Any] = {}
    anchor_text = anchor_hash = updated = None
    index = 1
    try:
        while index < len(lines) - 1:
            line = lines[index]
            index += 1
            if line.startswith("    mark: "):
                values["mark"] = line[10:]
                if values["mark"] not in MARKS:
                    return None
            elif line in ("    flags:", "    tags:"):
                words = []
                while lines[index].startswith("      - "):
                    words.append(_unquote(lines[index][8:]))
                    index += 1
                values[line.strip()[:-1]] = tuple(words)
            elif line.startswith("    estimate: "):
                values["estimate"] = float(line[14:])
                if not 0.0 <= values["estimate"] <= 1.0:
                    return None
            elif line.startswith("    note: "):
                values["note"], index = _own_text(line[10:], lines, index, "      ")
            elif line.startswith("    updated: '") and line.endswith("'"):
                updated = _timestamp(line[14:-1])
            elif line == "    anchor:" and lines[index].startswith("      text: "):
                anchor_text, index = _own_text(lines[index][12:], lines, index + 1, "        ")
                if not lines[index].startswith("      hash: "):
                    return None
                anchor_hash = _unquote(lines[index][12:])
                index += 1
            else:
                return None
    except (ValueError, IndexError):
        return None
    if not set(values.get("flags", ())) <= set(FLAGS):
        return None
    if updated is None or not isinstance(anchor_text, str) or not isinstance(anchor_hash, str):
        return None
    if not anchor_hash or not all(
        isinstance(word, str) for word in (*values.get("flags", ()), *values.get("tags", ()))
    ):
        return None
    return Annotation(
        item=item_id, anchor=Anchor(anchor_text, anchor_hash), updated=updated, **values
    )


def _own_text(first: str, lines: list[str], index: int, indent: str) -> tuple[str, int]:
    """A text written by :func:`_text`: a JSON-style quoted string, or a literal block whose
    lines follow; the text and the index of the line after it."""
    if first.startswith('"'):
        return _unquote(first), index
    if first not in ("|", "|-", "|+"):
        raise ValueError("not a text")
    block = []
    while index < len(lines) - 1 and (lines[index].startswith(indent) or lines[index] == ""):
        block.append(lines[index][len(indent) :])
        index += 1
    if first == "|+":  # trailing empty lines belong to the text
        return "\n".join(block) + "\n", index
    while block and block[-1] == "":  # the others end at the last line with text
        block.pop()
        index -= 1
    body = "\n".join(block)
    return (body if first == "|-" else body + "\n"), index


def parse_notes_strictly(text: str, path: str) -> tuple[str, dict[str, Annotation]]:
    """:func:`parse_notes` through the strict YAML reader, whatever the file's shape."""
    log = ProblemLog(path)
    root = read_yaml(text, log)
    if log or root is None:
        raise NotesError(log.problems or [])
    if type(root) is not YamlMapping:
        log.add(root.line, root.column, "a notes file is a mapping (format, brief, items)")
        raise NotesError(log.problems)
    top = {key.value: value for key, value in root.pairs}
    unknown = set(top) - {"format", "brief", "items"}
    for key, _ in root.pairs:
        if key.value in unknown:
            log.add(key.line, key.column, f"unknown key '{key.value}' in a notes file")
    if _scalar(top.get("format")) != str(NOTES_FORMAT):
        log.add(root.line, root.column, f"not a notes file of format {NOTES_FORMAT}")
    brief_id = _scalar(top.get("brief")) or ""
    annotations: dict[str, Annotation] = {}
    items = top.get("items")
    if type(items) is YamlMapping:
        for key, value in items.pairs:
            annotation = _annotation(key, value, log)
            if annotation is not None:
                annotations[annotation.item] = annotation
    elif items is not None and not (type(items) is Scalar and items.value in ("", "~", "null")):
        log.add(items.line, items.column, "'items' must be a mapping of item id to notes")
    if log:
        raise NotesError(log.problems)
    return brief_id, annotations


def _scalar(node: Node | None) -> str | None:
    return node.value if type(node) is Scalar else None


def _annotation(key: Scalar, node: Node, log: ProblemLog) -> Annotation | None:
    item_id = key.value
    if not SLUG.match(item_id):
        log.add(key.line, key.column, f"'{item_id}' is not an item id")
        return None
    if type(node) is not YamlMapping:
        log.add(node.line, node.column, f"the notes of '{item_id}' must be a mapping")
        return None
    fields = {k.value: v for k, v in node.pairs}
    for k, _ in node.pairs:
        if k.value not in _FIELD_ORDER:
            log.add(k.line, k.column, f"unknown key '{k.value}' in the notes of '{item_id}'")
    values: dict[str, Any] = {}
    for name in ("mark", "estimate", "note", "updated"):
        value = fields.get(name)
        if value is not None and type(value) is not Scalar:
            log.add(value.line, value.column, f"{name} of '{item_id}' must be text, not a list")
    mark = _scalar(fields.get("mark"))
    if mark is not None:
        if mark not in MARKS:
            log.add(node.line, node.column, f"mark of '{item_id}' must be one of {MARKS}")
        values["mark"] = mark
    for name, allowed in (("flags", FLAGS), ("tags", None)):
        words = fields.get(name)
        if words is None:
            continue
        if type(words) is not Sequence or any(type(w) is not Scalar for w in words.items):
            log.add(words.line, words.column, f"{name} of '{item_id}' must be a list of words")
            continue
        listed = tuple(w.value for w in words.items if type(w) is Scalar)  # all are, see above
        if allowed is not None and not set(listed) <= set(allowed):
            log.add(words.line, words.column, f"flags of '{item_id}' must be among {allowed}")
        values[name] = listed
    estimate = _scalar(fields.get("estimate"))
    if estimate is not None:
        try:
            probability = float(estimate)
        except ValueError:
            probability = -1.0
        if not 0.0 <= probability <= 1.0:
            log.add(node.line, node.column, f"estimate of '{item_id}' must be from 0 to 1")
        values["estimate"] = probability
    note = fields.get("note")
    if note is not None:
        values["note"] = _scalar(note) or ""
    updated = _timestamp(_scalar(fields.get("updated")))
    anchor_node = fields.get("anchor")
    anchor = None
    if type(anchor_node) is YamlMapping:
        parts = {k.value: _scalar(v) for k, v in anchor_node.pairs}
        for k, _ in anchor_node.pairs:
            if k.value not in ("text", "hash"):
                log.add(k.line, k.column, f"unknown key '{k.value}' in the anchor of '{item_id}'")
        if parts.get("text") is not None and parts.get("hash"):
            anchor = Anchor(parts["text"] or "", parts["hash"] or "")
    if updated is None or anchor is None:
        log.add(node.line, node.column, f"the notes of '{item_id}' lack 'updated' or 'anchor'")
        return None
    return Annotation(item=item_id, anchor=anchor, updated=updated, **values)


def _timestamp(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        stamp = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)
