"""A strict, flat YAML reader: events in, a small located tree out.

PyYAML's loaders build Python objects with too much freedom for untrusted briefs (aliases,
tags, merge keys, duplicate keys silently overwritten) and can crash on deep nesting (the C
composer recurses in C; the pure one raises RecursionError). So we read only the *event
stream*, which both parsers produce without recursion, and build our own tree in one loop
with an explicit stack, checking depth, node count, anchors, aliases, tags, merge keys and
duplicate keys as we go. Scalars stay strings: their type is decided later by the field
they fill (see ``values.py``), so ``id: no`` can never silently become ``False``.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from typing import Any

import yaml

from .problems import ProblemLog

try:  # libyaml is 3-4x faster; fall back to the pure parser when PyYAML was built without it.
    from yaml import CSafeLoader as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    # The pure-Python loader where libyaml is missing: the same interface, another class.
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

#: Explicit tags a brief may use: ``!!str`` forces a string, which is always harmless.
ALLOWED_TAGS = frozenset({"tag:yaml.org,2002:str"})


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds that keep hostile input from exhausting memory or time."""

    max_bytes: int = 16 * 1024 * 1024
    max_depth: int = 64
    max_nodes: int = 2_000_000


DEFAULT_LIMITS = Limits()


class Scalar:
    """A scalar as written: its text, whether it was plain (unquoted), and where it starts."""

    __slots__ = ("column", "line", "literal", "plain", "reported", "value")

    def __init__(self, value: str, plain: bool, literal: bool, line: int, column: int) -> None:
        self.value = value
        self.plain = plain  # plain scalars are the ones YAML would resolve to bool/int/null
        self.literal = literal  # "|" style: line N of the value is file line N+1 after the "|"
        self.line = line
        self.column = column
        self.reported = False  # a stand-in for something already reported (an alias)


class Mapping:
    """A mapping with scalar keys, in file order."""

    __slots__ = ("column", "line", "pairs")

    def __init__(self, line: int, column: int) -> None:
        self.pairs: list[tuple[Scalar, Node]] = []
        self.line = line
        self.column = column


class Sequence:
    """A sequence of nodes."""

    __slots__ = ("column", "items", "line")

    def __init__(self, line: int, column: int) -> None:
        self.items: list[Node] = []
        self.line = line
        self.column = column


Node = Scalar | Mapping | Sequence


class _Abort(Exception):
    """Stop reading: the rest of the stream cannot be trusted or is too big."""


def read_yaml(text: str, log: ProblemLog, limits: Limits = DEFAULT_LIMITS) -> Node | None:
    """Parse one YAML document into a located tree, logging every problem found.

    Returns None when nothing usable could be read (empty file, syntax error, limit hit).
    """
    parser = _Parser(text)
    # The tree holds no reference cycles, and the events are freed by reference counting, so
    # the cycle collector has nothing to find here; left on, it walks the growing tree again
    # and again and takes over half the time of reading a large file (50,000 notes: 4.8 s with
    # it, 2.0 s without). It is turned back on at once; other threads only miss a collection.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _build(parser, log, limits)
    except _Abort:
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = _syntax_message(exc)
        if mark is None:
            log.add(1, 1, message)
        else:
            log.add(mark.line + 1, mark.column + 1, message)
        return None
    except yaml.YAMLError as exc:  # a ReaderError; textfile.decode rules these out first
        log.add(1, 1, f"YAML error: {exc}")
        return None
    finally:
        if collecting:
            gc.enable()
        parser.dispose()


def _syntax_message(exc: yaml.MarkedYAMLError) -> str:
    parts = [p for p in (exc.context, exc.problem) if p]
    text = "; ".join(parts) if parts else "invalid YAML"
    return f"YAML syntax error: {text}"


def _build(parser: _Parser, log: ProblemLog, limits: Limits) -> Node | None:
    get_event = parser.get_event
    max_depth, max_nodes = limits.max_depth, limits.max_nodes
    # Each stack entry is the open collection plus, for mappings, the pending key
    # and the keys seen so far (for duplicate detection).
    stack: list[list[Any]] = []
    root: Node | None = None
    documents = 0
    nodes = 0
    scalar_event, mapping_start, sequence_start = (
        yaml.ScalarEvent,
        yaml.MappingStartEvent,
        yaml.SequenceStartEvent,
    )
    while True:
        # Dispatched on its exact class below (fast), which a type checker cannot narrow:
        # each branch reads only the attributes of the class it tested.
        event: Any = get_event()
        kind = type(event)
        if kind is scalar_event:
            mark = event.start_mark
            style = event.style
            # Only an untagged plain scalar is "plain": !!str or ! make it text, as in YAML.
            node: Node = Scalar(
                event.value,
                not style and event.tag is None,
                style == "|",
                mark.line + 1,
                mark.column + 1,
            )
            if event.anchor is not None or event.tag is not None:
                _check_props(event, log, mark)
        elif kind is mapping_start or kind is sequence_start:
            mark = event.start_mark
            if len(stack) >= max_depth:
                log.add(
                    mark.line + 1,
                    mark.column + 1,
                    f"nesting deeper than {max_depth} levels; a brief never needs this",
                )
                raise _Abort
            if event.anchor is not None or event.tag is not None:
                _check_props(event, log, mark)
            node = (
                Mapping(mark.line + 1, mark.column + 1)
                if kind is mapping_start
                else Sequence(mark.line + 1, mark.column + 1)
            )
            nodes += 1
            _attach(stack, node, log)
            stack.append([node, None, {} if kind is mapping_start else None])
            if root is None:
                root = node
            continue
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            stack.pop()
            continue
        elif kind is yaml.AliasEvent:
            mark = event.start_mark
            log.add(
                mark.line + 1,
                mark.column + 1,
                f"alias *{event.anchor} is not allowed; write the value out in full",
            )
            node = Scalar("", True, False, mark.line + 1, mark.column + 1)
            node.reported = True
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                mark = event.start_mark
                log.add(
                    mark.line + 1,
                    mark.column + 1,
                    "a second YAML document starts here; a brief is one document"
                    " (remove the '---' line)",
                )
                raise _Abort
            continue
        elif kind is yaml.StreamEndEvent:
            break
        else:  # StreamStart, DocumentEnd
            continue
        nodes += 1
        if nodes > max_nodes:
            log.add(node.line, node.column, f"more than {max_nodes:,} YAML nodes; file too big")
            raise _Abort
        if stack:
            # The common cases inline (a value after its key; a list element); keys go
            # through _attach, which checks them.
            top = stack[-1]
            key = top[1]
            if key is not None:
                top[0].pairs.append((key, node))
                top[1] = None
            elif top[2] is None:
                top[0].items.append(node)
            else:
                _attach(stack, node, log)
        elif root is None:
            root = node
    if documents == 0:
        log.add(1, 1, "the file is empty; a brief is a YAML mapping starting with 'format: 1'")
    return root


def _attach(stack: list[list[Any]], node: Node, log: ProblemLog) -> None:
    """Put ``node`` into the collection on top of the stack (as a key or a value)."""
    if not stack:
        return
    top = stack[-1]
    parent = top[0]
    if type(parent) is Sequence:
        parent.items.append(node)
        return
    key = top[1]
    if key is None:  # this node is a key
        if type(node) is not Scalar:
            log.add(node.line, node.column, "a key must be plain text, not a list or mapping")
            node = Scalar("?", False, False, node.line, node.column)
            node.reported = True
        elif node.plain and node.value == "<<":
            log.add(node.line, node.column, "merge keys (<<) are not allowed; write keys out")
            node.reported = True
        seen = top[2]
        first = seen.get(node.value)
        if first is not None:
            log.add(
                node.line,
                node.column,
                f"duplicate key '{node.value}' (first at line {first}); the second would"
                " silently replace the first",
            )
        else:
            seen[node.value] = node.line
        top[1] = node
    else:
        parent.pairs.append((key, node))
        top[1] = None


def _check_props(event: yaml.NodeEvent, log: ProblemLog, mark: yaml.Mark) -> None:
    if event.anchor is not None:
        log.add(
            mark.line + 1,
            mark.column + 1,
            f"anchor &{event.anchor} is not allowed; briefs do not use anchors or aliases",
        )
    tag = getattr(event, "tag", None)
    if tag is not None and tag not in ALLOWED_TAGS and tag != "!":
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        log.add(
            mark.line + 1,
            mark.column + 1,
            f"tag {shown} is not allowed; briefs are plain YAML (quote the value instead)",
        )
