"""``briefing-tui draft``: from an article's text file to a skeleton brief and its cleaned text.

Reads the article with the same checks as every text the app reads (size, UTF-8, NUL bytes),
refuses to overwrite files without ``--force`` (and folders or other non-files at all), and
refuses a brief name with a line break or another control character. The draft is loaded from
a scratch folder before anything is written, so one that does not validate is reported, never
left behind; then both files are written atomically, and when one cannot be written the files
and folders the draft created are removed.
"""

from __future__ import annotations

import contextlib
import tempfile
from dataclasses import replace
from pathlib import Path

from ..core.draft import draft_article, skeleton_yaml
from ..core.load.loader import read_brief
from ..core.load.problems import Problem, ProblemLog
from ..core.load.textfile import read_text
from ..core.text.atomicfile import write_atomic
from ..core.text.printable import printable
from . import console
from .shared import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE

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
    if printable(brief_path.name, one_line=True) != brief_path.name:
        console.err(
            f"briefing-tui draft: the brief's name {brief_path.name} holds a line break or"
            " another control character; name the brief with -o"
        )
        return EXIT_USAGE
    text_path = brief_path.with_suffix(".txt")
    if _same_file(text_path, article):
        text_path = brief_path.with_suffix(".source.txt")
    if _same_file(brief_path, article):
        log.add(1, 1, "the brief would overwrite the article; choose another -o")
        return _fail(log)
    for path in (brief_path, text_path):
        if path.exists() and not path.is_file():
            console.err(f"briefing-tui draft: {path} is not a file (a folder?); choose another -o")
            return EXIT_PROBLEMS
    existing = [p for p in (brief_path, text_path) if p.exists()]
    if existing and not force:
        names = " and ".join(str(p) for p in existing)
        console.err(f"briefing-tui draft: {names} already exists; use --force to overwrite")
        return EXIT_PROBLEMS

    draft = draft_article(text)
    if not draft.article.paragraphs:
        log.add(1, 1, "no article text found: every line is a header or scrape debris")
        return _fail(log)
    files = {
        text_path: draft.article.source_text(),
        brief_path: skeleton_yaml(draft, text_path.name, made_from=article.name),
    }
    problems = _problems_of(files, brief_path)
    if problems:  # a bug of the drafter: say so, never hide it, and write nothing
        for problem in problems:
            console.err(problem)
        console.err("briefing-tui draft: the draft does not validate (a bug: please report it)")
        return EXIT_PROBLEMS
    try:
        _write_all(brief_path.parent, files)
    except OSError as exc:
        console.err(f"briefing-tui draft: cannot write {brief_path}: {exc.strerror or exc}")
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


def _problems_of(files: dict[Path, str], brief_path: Path) -> tuple[Problem, ...]:
    """The problems of the draft, loaded from a scratch folder before anything is written
    where it goes (named as where it goes)."""
    with tempfile.TemporaryDirectory(prefix="briefing-tui-draft-") as scratch:
        for path, text in files.items():
            write_atomic(Path(scratch) / path.name, text, durable=False)
        staged = Path(scratch) / brief_path.name
        problems = read_brief(staged).problems
        return tuple(
            replace(p, path=str(brief_path.parent / Path(p.path).name))
            if Path(p.path).parent == staged.parent
            else p
            for p in problems
        )


def _write_all(folder: Path, files: dict[Path, str]) -> None:
    """Write the files of ``folder`` atomically, in order; when one cannot be written, remove
    the files and folders written before it that were not there before, and raise. (A file
    replaced with ``--force`` stays replaced.)"""
    missing = [f for f in (folder, *folder.parents) if not f.exists()]
    created: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        created.extend(reversed(missing))
        for path, text in files.items():
            new = not path.exists()
            write_atomic(path, text)
            if new:
                created.append(path)
    except OSError:
        for path in reversed(created):
            with contextlib.suppress(OSError):
                if path.is_dir():
                    path.rmdir()
                else:
                    path.unlink()
        raise


def _same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` are one file: one path through links and ``..``, or one inode
    (a hard link)."""
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def _fail(log: ProblemLog) -> int:
    for problem in log.problems:
        console.err(problem)
    return EXIT_PROBLEMS
