"""Loading a brief: the one entry point, :func:`load_brief`.

Steps, each adding located problems to one report so a file's mistakes come out in one run:
read the bytes (size limit, encoding), read YAML strictly (``yamlsafe``), build the records
(``convert``), read and split the source article (``source``), then check ids, references,
``[[id]]`` links, paragraph numbers and quotes (``validate``). Only a brief without problems is
returned; it carries its paragraphs, its items by id and its link index.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..brief.article import split_paragraphs
from ..brief.linkindex import build_index
from ..brief.model import SECTIONS, Brief, Paragraph
from .articlepath import OutsideFolder, real_source_path, source_path
from .convert import Converter
from .problems import BriefError, Problem, ProblemLog
from .strict_yaml import DEFAULT_LIMITS, Limits, read_yaml
from .textfile import read_text
from .validate import check_evidence, check_refs, check_wikilinks, index_items

__all__ = ["BriefError", "Limits", "Loaded", "load_brief", "read_brief", "source_path"]


@dataclass(frozen=True, slots=True)
class Loaded:
    """What reading one brief file gave: the brief, or every problem found; and the article
    file the brief names (None when it could not be read that far), which a parse cache must
    watch as well."""

    brief: Brief | None
    problems: tuple[Problem, ...] = ()
    article: Path | None = None
    #: The ``[[id]]`` mentions found in Markdown, by source id, in the order found (the order
    #: of backlinks depends on it).
    mentions: Mapping[str, list[tuple[str, str]]] = field(default_factory=dict)


def load_brief(path: Path | str, *, limits: Limits = DEFAULT_LIMITS) -> Brief:
    """Load, check and index the brief at ``path``.

    Raises :class:`BriefError` carrying every problem found, each with file, line and column.
    """
    loaded = read_brief(path, limits=limits)
    if loaded.brief is None:
        raise BriefError(loaded.problems)
    return loaded.brief


def read_brief(
    path: Path | str, *, limits: Limits = DEFAULT_LIMITS, seen: dict[Path, bytes] | None = None
) -> Loaded:
    """Like :func:`load_brief`, but problems are returned, with the article file read; the
    bytes of the files read are recorded in ``seen`` when given."""
    path = Path(path)
    log = ProblemLog(path)
    text = read_text(path, log, max_bytes=limits.max_bytes, yaml=True, seen=seen)
    root = read_yaml(text, log, limits) if text is not None else None
    converter = Converter(log)
    brief = converter.brief(root) if root is not None else None
    if brief is None or text is None:
        return Loaded(None, BriefError(log.problems).problems)

    items = index_items(brief, log)
    unread = converter.salvaged & set(SECTIONS)
    check_refs(converter.refs, items, converter.broken_ids, log, unread)
    mentions = check_wikilinks(converter.markdown, items, converter.broken_ids, text, log, unread)

    paragraphs: tuple[Paragraph, ...] = ()
    if "source" in converter.salvaged:  # no article to check against; problems are logged
        return Loaded(None, BriefError(log.problems).problems)
    article = source_path(path, brief.source.text)
    article_log = ProblemLog(article)
    article_text = _read_article(path, brief.source.text, article_log, limits, seen)
    if article_text is None:
        loc = converter.loc_of(brief.source, "text")
        line, column = (loc.line, loc.column) if loc else (1, 1)
        reasons = "; ".join(p.message for p in article_log.problems)
        log.add(line, column, f"source text {brief.source.text}: {reasons}")
    else:
        paragraphs = split_paragraphs(article_text)
        check_evidence(brief, paragraphs, converter, brief.source.text, log)
    if log:
        return Loaded(None, BriefError(log.problems).problems, article)
    indexed = dataclasses.replace(
        brief,
        path=path,
        paragraphs=paragraphs,
        items=items,
        links=build_index(items.values(), mentions),
    )
    return Loaded(indexed, (), article, mentions)


def _read_article(
    brief_path: Path, text: str, log: ProblemLog, limits: Limits, seen: dict[Path, bytes] | None
) -> str | None:
    """The article's text, read from its real path when that lies inside the brief's folder
    (see :mod:`articlepath`); its bytes are recorded in ``seen`` under its path as named."""
    try:
        real = real_source_path(brief_path, text)
    except OutsideFolder as exc:
        log.add(1, 1, f"{exc.strerror}; not read")
        return None
    read: dict[Path, bytes] = {}
    article_text = read_text(real, log, max_bytes=limits.max_bytes, seen=read)
    if seen is not None and real in read:
        seen[source_path(brief_path, text)] = read[real]
    return article_text
