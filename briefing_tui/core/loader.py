"""Loading a brief: the one entry point, :func:`load_brief`.

Steps, each adding located problems to one report so a file's mistakes come out in one run:
read the bytes (size limit, encoding), read YAML strictly (``yamlsafe``), build the records
(``convert``), read and split the source article (``source``), then check ids, references,
``[[id]]`` links, paragraph numbers and quotes (``validate``). Only a brief without problems is
returned; it carries its paragraphs, its items by id and its link index.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from .convert import Converter
from .errors import BriefError, ProblemLog
from .links import build_index
from .model import SECTIONS, Brief, Paragraph
from .source import split_paragraphs
from .textfile import read_text
from .validate import check_evidence, check_refs, check_wikilinks, index_items
from .yamlsafe import DEFAULT_LIMITS, Limits, read_yaml

__all__ = ["BriefError", "Limits", "load_brief", "source_path"]


def source_path(brief_path: Path, text: str) -> Path:
    """Where the source text named by ``source.text`` lives, beside the brief file."""
    return brief_path.parent / text


def load_brief(path: Path | str, *, limits: Limits = DEFAULT_LIMITS) -> Brief:
    """Load, check and index the brief at ``path``.

    Raises :class:`BriefError` carrying every problem found, each with file, line and column.
    """
    path = Path(path)
    log = ProblemLog(path)
    text = read_text(path, log, max_bytes=limits.max_bytes, yaml=True)
    root = read_yaml(text, log, limits) if text is not None else None
    converter = Converter(log)
    brief = converter.brief(root) if root is not None else None
    if brief is None or text is None:
        raise BriefError(log.problems)

    items = index_items(brief, log)
    unread = converter.salvaged & set(SECTIONS)
    check_refs(converter.refs, items, converter.broken_ids, log, unread)
    mentions = check_wikilinks(converter.markdown, items, converter.broken_ids, text, log, unread)

    paragraphs: tuple[Paragraph, ...] = ()
    if "source" in converter.salvaged:  # no article to check against; problems are logged
        raise BriefError(log.problems)
    article = source_path(path, brief.source.text)
    article_log = ProblemLog(article)
    article_text = read_text(article, article_log, max_bytes=limits.max_bytes)
    if article_text is None:
        loc = converter.loc_of(brief.source, "text")
        line, column = (loc.line, loc.column) if loc else (1, 1)
        reasons = "; ".join(p.message for p in article_log.problems)
        log.add(line, column, f"source text {brief.source.text}: {reasons}")
    else:
        paragraphs = split_paragraphs(article_text)
        check_evidence(brief, paragraphs, converter, brief.source.text, log)
    log.raise_if_any()

    return dataclasses.replace(
        brief,
        path=path,
        paragraphs=paragraphs,
        items=items,
        links=build_index(items.values(), mentions),
    )
