"""``briefing-tui search QUERY PATH``: search a library from the command line, grep-like.

One line per hit, ``path:line:col: [section] label``, so that editors and terminals can jump to
the item; a summary on standard error. The query is the search screen's (``core/search/index.py``):
words, ``#tag``, ``is:``, ``actor:``, ``after:`` and ``before:``. Brief text reaches the terminal
only with its control characters made visible, and JSON output escapes them.
"""

from __future__ import annotations

from pathlib import Path

from ..core.library.entries import load_library
from ..core.search.index import Hit, Results, SearchIndex
from ..core.search.query import parse_library_query
from . import console
from .shared import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE

#: No hits: 1, as grep's.
EXIT_NONE = EXIT_PROBLEMS


def search_command(
    query: str,
    path: Path,
    *,
    notes_dir: Path | None = None,
    limit: int = 50,
    output: str = "text",
    use_cache: bool = True,
) -> int:
    """Search the briefs under ``path`` (read through the parse cache unless not
    ``use_cache``); exit 0 with hits, 1 with none, 2 on usage errors."""
    parsed = parse_library_query(query)
    if parsed.problems:
        for problem in parsed.problems:
            _say(f"bad query: {problem}")
        return EXIT_USAGE
    if parsed.is_empty:
        _say("the query is empty: give words or filters (#tag, is:, actor:, after:, before:)")
        return EXIT_USAGE
    if limit < 0:
        _say(f"--limit must be 0 (all hits) or more, not {limit}")
        return EXIT_USAGE
    if not path.exists():
        _say(f"no such file or folder: {path}")
        return EXIT_USAGE
    try:
        entries = load_library(path, notes_dir, cache=use_cache)
    except OSError as error:
        _say(f"cannot read {path}: {error.strerror or error}")
        return EXIT_USAGE
    if not entries:
        _say(f"no briefs (*.yaml, *.yml) in {path}")
        return EXIT_USAGE
    index = SearchIndex.from_library(entries, notes_dir)
    results = index.search(parsed, limit=limit or None)
    if output == "json":
        _print_json(query, results, index)
    else:
        for hit in results.hits:
            console.out(hit_line(hit))
        _print_summary(results, index, path, limit)
    return EXIT_OK if results.total else EXIT_NONE


def hit_line(hit: Hit) -> str:
    """``path:line:col: [section] label``, and where the words matched when the label does not
    show it; control characters made visible."""
    line = f"{hit.path}:{hit.line}:{hit.column}: [{hit.section}] {hit.label}"
    if hit.where and not hit.in_label:
        line += f"  ({hit.where}: {hit.snippet})"
    return console.shown(line)


def _print_summary(results: Results, index: SearchIndex, path: Path, limit: int) -> None:
    searched = _count(index.brief_count, "brief")
    if not results.total:
        _summary(f"no hits in {searched}")
    elif len(results.hits) < results.total:
        _summary(
            f"{len(results.hits)} of {_count(results.total, 'hit')} shown (--limit {limit};"
            f" 0 shows all), in {_count(results.briefs, 'brief')} of {searched}"
        )
    else:
        _summary(
            f"{_count(results.total, 'hit')} in {_count(results.briefs, 'brief')} of {searched}"
        )
    if index.skipped:
        skipped = len(index.skipped)
        verb = "was" if skipped == 1 else "were"
        _summary(
            f"{_count(skipped, 'brief')} could not be loaded and {verb} not searched:"
            f" see briefing-tui validate {path}"
        )


def _print_json(query: str, results: Results, index: SearchIndex) -> None:
    report = {
        "query": query,
        "total": results.total,
        "briefs": results.briefs,
        "searched": index.brief_count,
        "skipped": [str(p) for p in index.skipped],
        "hits": [_hit_dict(hit) for hit in results.hits],
    }
    console.out_text(console.json_text(report) + "\n")


def _hit_dict(hit: Hit) -> dict[str, object]:
    return {
        "file": str(hit.path),
        "line": hit.line,
        "column": hit.column,
        "brief": hit.brief_id,
        "brief_title": hit.brief_title,
        "published": hit.published.isoformat() if hit.published else None,
        "item": hit.item_id,
        "section": hit.section,
        "label": hit.label,
        "where": hit.where,
        "snippet": hit.snippet,
    }


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _say(message: str) -> None:
    console.err(f"briefing-tui search: {message}")


def _summary(message: str) -> None:
    console.err(message)
