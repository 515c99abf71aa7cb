"""``briefing-tui draft``: from an article's text file to a skeleton brief and its cleaned text.

Reads the article with the same checks as every text the app reads (size, UTF-8, NUL bytes),
refuses to overwrite files without ``--force``, writes both files atomically, then loads the
brief it wrote, so a draft that does not validate is reported, never left silently.
"""

from __future__ import annotations

from pathlib import Path

from . import console
from .core.draft import draft_article, write_draft
from .core.errors import BriefError, ProblemLog
from .core.loader import load_brief
from .core.textfile import read_text

EXIT_OK, EXIT_PROBLEMS = 0, 1
#: Largest article read: far above any news article (about 300,000 words).
MAX_ARTICLE_BYTES = 2_000_000


def draft_command(article: Path, output: Path | None, *, force: bool = False) -> int:
    """Draft a brief from ``article`` into ``output``; returns the exit status."""
    log = ProblemLog(article)
    if article.is_dir():
        log.add(1, 1, "is a folder; give the article's text file")
        return _fail(log)
    text = read_text(article, log, max_bytes=MAX_ARTICLE_BYTES)
    if text is None:
        return _fail(log)
    if not text.strip():
        log.add(1, 1, "file is empty: there is no article to draft from")
        return _fail(log)
    brief_path = output if output is not None else Path.cwd() / f"{article.stem}.yaml"
    if brief_path.suffix not in (".yaml", ".yml"):
        log.add(1, 1, f"the brief must be a .yaml file, not {brief_path.name}")
        return _fail(log)
    text_path = brief_path.with_suffix(".txt")
    if _same_file(text_path, article):
        text_path = brief_path.with_suffix(".source.txt")
    if _same_file(brief_path, article):
        log.add(1, 1, "the brief would overwrite the article; choose another -o")
        return _fail(log)
    existing = [p for p in (brief_path, text_path) if p.exists()]
    if existing and not force:
        names = " and ".join(str(p) for p in existing)
        console.err(f"briefing-tui draft: {names} already exists; use --force to overwrite")
        return EXIT_PROBLEMS

    draft = draft_article(text)
    if not draft.article.paragraphs:
        log.add(1, 1, "no article text found: every line is a header or scrape debris")
        return _fail(log)
    try:
        brief_path.parent.mkdir(parents=True, exist_ok=True)
        write_draft(draft, brief_path, article_name=article.name, text_name=text_path.name)
    except OSError as exc:
        console.err(f"briefing-tui draft: cannot write {brief_path}: {exc.strerror or exc}")
        return EXIT_PROBLEMS
    try:
        load_brief(brief_path)
    except BriefError as error:  # a bug of the drafter: say so, never hide it
        for problem in error.problems:
            console.err(problem)
        console.err("briefing-tui draft: the draft does not validate (a bug: please report it)")
        return EXIT_PROBLEMS
    speakers = {q.speaker for q in draft.quotes if q.speaker}
    console.err(
        f"wrote {brief_path} and {text_path.name}: {len(draft.article.paragraphs)} paragraphs,"
        f" {len(draft.actors)} actors, {len(draft.quotes)} quotes from {len(speakers)} speakers,"
        f" {sum(1 for e in draft.events if e.date)} dated events"
    )
    if not draft.quotes:
        console.err("no direct quotations found in the article")
    if draft.unbalanced:
        numbers = ", ".join(map(str, draft.unbalanced))
        console.err(
            f"{text_path}: quote marks do not pair up in paragraph(s) {numbers}: check them"
        )
    console.err(f"next: fill the TODOs, then run: briefing-tui validate --strict {brief_path}")
    return EXIT_OK


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _fail(log: ProblemLog) -> int:
    for problem in log.problems:
        console.err(problem)
    return EXIT_PROBLEMS
