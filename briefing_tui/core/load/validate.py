"""Checks that need the whole brief: unique ids, references, ``[[id]]`` links, paragraphs, quotes.

The converter has already checked each value on its own; here every id is known, so references
can be resolved (with "did you mean" hints) and every claim can be checked against the
paragraph of the source article it points at.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Sequence

from ..brief.article import QuoteChecker
from ..brief.model import SECTIONS, Brief, Evidence, Item, Paragraph, Quote, with_article
from ..brief.wikilinks import WikilinkPlace, wikilink_places
from .convert import Converter, MarkdownField, PendingRef
from .problems import ProblemLog
from .scalars import SLUG
from .strict_yaml import Scalar


def _one(section: str) -> str:
    """'an actor', 'a timeline event': one item of a section, for messages."""
    noun = SECTIONS[section].noun
    return with_article("timeline event" if noun == "event" else noun)


def index_items(brief: Brief, log: ProblemLog) -> dict[str, Item]:
    """All items by id, reporting ids used twice (one namespace for the whole brief)."""
    items: dict[str, Item] = {}
    for section in SECTIONS:
        for item in brief.section(section):
            first = items.get(item.id)
            if first is not None:
                log.add(
                    item.loc.line,
                    item.loc.column,
                    f"id '{item.id}' is used twice (first by {_one(first.section)} at line"
                    f" {first.loc.line}); ids are unique across the whole brief",
                )
                continue
            if item.id == brief.id:
                log.add(
                    item.loc.line,
                    item.loc.column,
                    f"id '{item.id}' is the brief's own id; give the item another",
                )
            items[item.id] = item
    return items


def check_refs(
    refs: Sequence[PendingRef],
    items: dict[str, Item],
    broken: set[str],
    log: ProblemLog,
    unread: Collection[str] = (),
) -> None:
    """Every reference names an existing item of an allowed section.

    References to ``broken`` ids (items left out for their own problems) and references
    into ``unread`` sections (sections that could not be read at all) are not reported.
    """
    for ref in refs:
        target = items.get(ref.target)
        if target is None and (ref.target in broken or any(s in unread for s in ref.targets)):
            continue
        allowed = " or ".join(_one(s) for s in ref.targets)
        if target is None:
            candidates = [i for i, item in items.items() if item.section in ref.targets]
            log.add(
                ref.loc.line,
                ref.loc.column,
                f"'{ref.field}' of '{ref.source}' names '{ref.target}', but there is no such"
                f" id among the {_plural(ref.targets)}{_did_you_mean(ref.target, candidates)}",
            )
        elif target.section not in ref.targets:
            log.add(
                ref.loc.line,
                ref.loc.column,
                f"'{ref.field}' of '{ref.source}' names '{ref.target}', which is"
                f" {_one(target.section)}; it must name {allowed}",
            )


def check_wikilinks(
    fields: Sequence[MarkdownField],
    items: dict[str, Item],
    broken: set[str],
    text: str,
    log: ProblemLog,
    unread: Collection[str] = (),
) -> dict[str, list[tuple[str, str]]]:
    """Every ``[[id]]`` names an item; returns the valid mentions by source id for the index.

    When a section could not be read (``unread``), a link to no known item may point into
    it, so such links are not reported.
    """
    mentions: dict[str, list[tuple[str, str]]] = {}
    lines: list[str] | None = None
    for md in fields:
        for place in wikilink_places(md.scalar.value):
            target = place.target
            if target in items:
                mentions.setdefault(md.owner, []).append((md.field, target))
                continue
            if target in broken or unread:
                continue
            if lines is None:
                lines = text.split("\n")
            line, column = _locate_link(lines, md.scalar, place)
            if SLUG.match(target):
                message = (
                    f"[[{target}]] in '{md.field}' of '{md.owner}' links to no item"
                    f"{_did_you_mean(target, items)}"
                )
            else:
                message = f"[[{target}]] in '{md.field}' of '{md.owner}' is not an id"
            log.add(line, column, message)
    return mentions


def _locate_link(lines: list[str], scalar: Scalar, place: WikilinkPlace) -> tuple[int, int]:
    """Line and column of a ``[[id]]`` link in the file.

    In a literal block scalar (``|``) Markdown line N is file line ``scalar.line + 1 + N``;
    in any other scalar lines may be folded, so the file is searched from the scalar's start
    for the same occurrence. Falls back to the scalar's own place.
    """
    needle = "[[" + place.target
    if scalar.literal:
        number = scalar.line + place.line  # 0-based index of the file line
        if number < len(lines):
            column = _nth(lines[number], needle, place.nth)
            if column >= 0:
                return number + 1, column + 1
        return scalar.line, scalar.column
    seen = 0
    for number in range(scalar.line - 1, len(lines)):
        start = scalar.column - 1 if number == scalar.line - 1 else 0
        column = lines[number].find(needle, start)
        while column >= 0:
            if seen == place.nth_in_text:
                return number + 1, column + 1
            seen += 1
            column = lines[number].find(needle, column + 1)
    return scalar.line, scalar.column


def _nth(line: str, needle: str, nth: int) -> int:
    column = line.find(needle)
    for _ in range(nth):
        if column < 0:
            break
        column = line.find(needle, column + 1)
    return column


def check_evidence(
    brief: Brief,
    paragraphs: Sequence[Paragraph],
    converter: Converter,
    source_name: str,
    log: ProblemLog,
) -> None:
    """Every paragraph number exists and every quoted text occurs in its paragraph."""
    checker = QuoteChecker(paragraphs)
    for section in ("positions", "questions", "quotes", "timeline"):
        for item in brief.section(section):
            if isinstance(item, Quote):
                _check_para(
                    item, item.para, item.text, "text", checker, converter, source_name, log
                )
                continue
            evidence: tuple[Evidence, ...] = getattr(item, "evidence", ())
            for entry in evidence:
                _check_para(
                    entry, entry.para, entry.quote, "quote", checker, converter, source_name, log
                )


def _check_para(
    holder: Item | Evidence,
    para: int,
    quote: str | None,
    quote_field: str,
    checker: QuoteChecker,
    converter: Converter,
    source_name: str,
    log: ProblemLog,
) -> None:
    count = len(checker.paragraphs)
    if para > count:
        para_loc = converter.loc_of(holder, "para") or holder.loc
        where = checker.paragraphs_holding(quote) if quote else []
        hint = f"; the quoted words are in paragraph {where[0]}" if where else ""
        log.add(
            para_loc.line,
            para_loc.column,
            f"paragraph {para} does not exist: {source_name} has {count} paragraphs{hint}",
        )
        return
    if quote is None or checker.occurs_in(para, quote):
        return
    quote_loc = converter.loc_of(holder, quote_field) or holder.loc
    where = checker.paragraphs_holding(quote)
    if where:
        places = ", ".join(str(n) for n in where[:5])
        noun = "paragraph" if len(where) == 1 else "paragraphs"
        message = f"these words are not in paragraph {para} but in {noun} {places}"
    else:
        message = (
            f"these words are not in paragraph {para}, nor anywhere in {source_name};"
            " quotes must be verbatim ('...' may mark an omission)"
        )
    log.add(quote_loc.line, quote_loc.column, message)


def _plural(sections: Sequence[str]) -> str:
    return " or ".join("timeline events" if s == "timeline" else s for s in sections)


def _did_you_mean(word: str, candidates: Sequence[str] | dict[str, Item]) -> str:
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""
