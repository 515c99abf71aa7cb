"""The value of one field of a brief by its declared kind, one problem per mistake.

Text (refused when YAML 1.1 tools would read it as a boolean, number, date or null, with the
hint to quote it), ids, paths inside the brief's folder, whole numbers, dates, URLs, one of a
field's choices, and lists of ids. Each reader returns the value, or :data:`BAD` once it has
logged the problem; the records these values fill are built in ``convert.py``.
"""

from __future__ import annotations

import difflib
from typing import Any

from ..brief.fields import FieldSpec
from ..brief.model import Loc
from .problems import ProblemLog
from .scalars import (
    MAX_SLUG,
    SLUG,
    URL,
    WHOLE_NUMBER,
    describe,
    is_null,
    is_path_inside,
    parse_date,
    slugify,
    yaml_reading,
)
from .strict_yaml import Node, Scalar, Sequence

BAD = object()  # a value that was wrong and already reported


class ValueReader:
    """Reads the values of single fields, logging a problem for each mistake."""

    def __init__(self, log: ProblemLog) -> None:
        self.log = log

    def _expected(self, node: Node, name: str, what: str, expected: str) -> None:
        self.log.add(
            node.line, node.column, f"'{name}' of {what} must be {expected}, not {describe(node)}"
        )

    def _text(self, node: Scalar, name: str, what: str) -> Any:
        reading = yaml_reading(node)
        if reading is not None:
            if reading.startswith("null"):
                self.log.add(node.line, node.column, f"'{name}' of {what} is required")
            else:
                self.log.add(
                    node.line,
                    node.column,
                    f"'{name}' of {what}: {node.value} is read by YAML as {reading};"
                    f' write "{node.value}" in quotes to mean the text',
                )
            return BAD
        if not node.value.strip():
            self.log.add(node.line, node.column, f"'{name}' of {what} is empty")
            return BAD
        return node.value

    def _slug(self, node: Node, name: str, what: str) -> Any:
        if type(node) is not Scalar:
            self._expected(node, name, what, "an id")
            return BAD
        value = node.value
        if SLUG.match(value) and len(value) <= MAX_SLUG:
            reading = yaml_reading(node)
            if reading is not None:
                self.log.add(
                    node.line,
                    node.column,
                    f"'{name}' of {what}: {value} is read by YAML as {reading};"
                    f' write "{value}" in quotes',
                )
                return BAD
            return value
        if not value:
            self.log.add(node.line, node.column, f"'{name}' of {what} is empty; it needs an id")
            return BAD
        suggestion = slugify(value)
        hint = f" (e.g. '{suggestion}')" if suggestion and suggestion != value else ""
        self.log.add(
            node.line,
            node.column,
            f"'{value[:60]}' is not a valid id for '{name}' of {what}: use lowercase letters,"
            f" digits and single hyphens, at most {MAX_SLUG} characters{hint}",
        )
        return BAD

    def _path(self, node: Scalar, text: str, name: str, what: str) -> Any:
        if not is_path_inside(text):
            self.log.add(
                node.line,
                node.column,
                f"'{name}' of {what} must be a path inside the brief's folder"
                f" (relative, without '..'), not '{text}'",
            )
            return BAD
        return text

    def _int(self, node: Scalar, spec: FieldSpec, name: str, what: str) -> Any:
        if not (node.plain and WHOLE_NUMBER.match(node.value)):
            expected = "a whole number"
            if node.plain and node.value.isdigit():
                expected += " written without leading zeros (YAML reads 010 as octal 8)"
            self._expected(node, name, what, expected)
            return BAD
        number = int(node.value)
        if spec.minimum is not None and number < spec.minimum:
            self.log.add(
                node.line, node.column, f"'{name}' of {what} must be {spec.minimum} or more"
            )
            return BAD
        return number

    def _date(self, node: Scalar, name: str, what: str) -> Any:
        date = parse_date(node.value)
        if date is not None:
            return date
        self.log.add(
            node.line,
            node.column,
            f"'{name}' of {what} must be a date written YYYY-MM-DD, not {describe(node)}",
        )
        return BAD

    def _url(self, node: Scalar, name: str, what: str) -> Any:
        if URL.match(node.value):
            return node.value
        self.log.add(
            node.line,
            node.column,
            f"'{name}' of {what} must be an http:// or https:// URL or null, not {describe(node)}",
        )
        return BAD

    def _enum(self, node: Scalar, spec: FieldSpec, name: str, what: str) -> Any:
        if node.value in spec.choices:
            return node.value
        close = difflib.get_close_matches(node.value, spec.choices, n=1, cutoff=0.5)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        self.log.add(
            node.line,
            node.column,
            f"'{name}' of {what} must be one of {', '.join(spec.choices)}, not"
            f" {describe(node)}{hint}",
        )
        return BAD

    def _ids(self, node: Node, name: str, what: str) -> tuple[list[tuple[str, Loc]], bool]:
        """The valid ids of a list of ids, each with its place, and whether the whole list was
        valid (bad and repeated entries are reported and left out)."""
        if is_null(node):
            return [], True
        if type(node) is not Sequence:
            self._expected(node, name, what, "a list of ids, like [a, b]")
            return [], False
        result: list[tuple[str, Loc]] = []
        seen: set[str] = set()
        ok = True
        for element in node.items:
            target = self._slug(element, name, what)
            if target is BAD:
                ok = False
                continue
            if target in seen:
                self.log.add(
                    element.line, element.column, f"'{target}' is listed twice in '{name}'"
                )
                ok = False
                continue
            seen.add(target)
            result.append((target, Loc(element.line, element.column)))
        return result, ok
