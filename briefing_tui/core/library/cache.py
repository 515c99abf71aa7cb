"""The parse cache: briefs already loaded and checked, kept as JSON so a library opens fast.

PyYAML reads about 1 MB of brief a second, so a library of a thousand briefs would take many
seconds to parse each time it opens. Each loaded brief (or the problems that kept it from
loading) is written to one JSON file in the user's cache folder, named after a hash of the
brief's absolute path. An entry is used only when all of these match the files as they are now:

- the cache format and the brief model (:data:`CACHE_VERSION`, the model fingerprint) and the
  version of briefing-tui, whose checks may have changed;
- the brief's absolute path, size and modification time;
- a BLAKE2 hash of the brief's bytes and of its article's bytes (an article that cannot be
  read is hashed as the reason: missing, outside the brief's folder, not a regular file, too
  large; so creating it later, or pointing a link elsewhere, is noticed).

Anything else (a changed or moved file, a corrupt or foreign entry, another version) is a miss:
the brief is loaded from its files and the entry rewritten. The cache is derived data: deleting
the folder loses nothing. A cache folder that cannot be written is used read-only, silently;
``--no-cache`` on the command line turns the cache off.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from ... import __version__
from ..load.articlepath import OutsideFolder, real_source_path, source_folder, source_path
from ..load.loader import Loaded, read_brief
from ..load.problems import Problem
from ..load.scalars import is_path_inside
from ..load.strict_yaml import DEFAULT_LIMITS
from ..load.textfile import open_regular, read_regular
from ..text.atomicfile import write_atomic
from ..text.printable import printable
from .briefjson import MAX_LINE, brief_from_data, brief_to_data, model_fingerprint
from .summary import BriefSummary
from .watch import file_stat

CACHE_ENV = "BRIEFING_TUI_CACHE_DIR"
CACHE_VERSION = 1
#: The largest entry read: a brief and an article at the size limit, as ASCII JSON (in which a
#: character may take six bytes), fit.
_MAX_ENTRY_BYTES = 16 * DEFAULT_LIMITS.max_bytes
#: The largest file hashed: the loader reads no larger brief or article (nor do we).
_MAX_BYTES = DEFAULT_LIMITS.max_bytes


def cache_dir(override: Path | None = None) -> Path:
    """The cache folder: ``override``, else ``$BRIEFING_TUI_CACHE_DIR``, else the user cache dir."""
    if override is not None:
        return override
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    return Path(platformdirs.user_cache_dir("briefing-tui")) / "briefs"


@dataclass
class CacheStats:
    """What the cache did in this run: for the benchmark and the tests."""

    hits: int = 0
    misses: int = 0
    write_errors: int = 0


@dataclass(frozen=True, slots=True)
class Head:
    """The first line of a current cache entry: enough for one row of the library."""

    summary: BriefSummary | None  # None when the brief has problems
    problems: tuple[Problem, ...]
    article: Path | None


class BriefCache:
    """Loads briefs through the cache folder ``folder`` (see the module docstring).

    An entry is two lines of JSON: a head (the key, the brief's summary or its problems) and
    the whole brief. The library list needs only heads, which are quick to read.
    """

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = cache_dir(folder)
        self.version = f"{CACHE_VERSION}/{model_fingerprint()}/{__version__}"
        self.stats = CacheStats()
        self._writable = True

    def entry_path(self, path: Path) -> Path:
        """The cache file of the brief at absolute ``path``."""
        digest = hashlib.blake2b(str(path).encode("utf-8", "surrogateescape"), digest_size=16)
        return self.folder / f"{digest.hexdigest()}.json"

    def head(self, path: Path) -> Head | None:
        """The summary (or problems) of the brief at ``path`` when its entry is current,
        else None: then :meth:`load` reads the files and renews the entry."""
        found = self._current(path, head_only=True)
        if found is None:
            return None
        head, _ = found
        try:
            return self._head(head, Path(path))
        except (KeyError, TypeError, ValueError, AttributeError, RecursionError):
            return None

    def load(self, path: Path) -> Loaded:
        """The brief at ``path`` (or its problems), from the cache when the entry is current."""
        found = self._current(path)
        if found is not None:
            loaded = self._loaded(*found, Path(path))
            if loaded is not None:
                self.stats.hits += 1
                return loaded
        self.stats.misses += 1
        absolute = _absolute(path)
        before = file_stat(absolute)
        seen: dict[Path, bytes] = {}
        loaded = read_brief(path, seen=seen)
        # The entry's hash is of the very bytes parsed, so an edit made during the read makes
        # it a miss next time; a brief whose size or mtime moved meanwhile is not kept at all,
        # nor one that was not read (a FIFO, a device, a file over the limit): refusing it
        # again is quick, and hashing it would read what the loader refused to.
        if before is not None and file_stat(absolute) == before and Path(path) in seen:
            self._write_entry(absolute, before, loaded, Path(path), seen)
        return loaded

    # -- reading ------------------------------------------------------------------------------

    def _current(
        self, path: Path, *, head_only: bool = False
    ) -> tuple[dict[str, Any], bytes] | None:
        """The entry's head and undecoded body (empty with ``head_only``), when the entry
        describes the files as they are."""
        absolute = _absolute(path)
        try:
            # An entry is untrusted: a FIFO or a device there must not block or flood us.
            with open_regular(self.entry_path(absolute), _MAX_ENTRY_BYTES) as stream:
                head_line = stream.readline(_MAX_ENTRY_BYTES)
                # Read no more than the file held, nor more than the limit if it grew.
                size = min(os.fstat(stream.fileno()).st_size, _MAX_ENTRY_BYTES)
                body = b"" if head_only else stream.read(max(0, size - len(head_line)))
            head = json.loads(head_line)
        except (OSError, ValueError, RecursionError):
            return None
        if type(head) is not dict or head.get("version") != self.version:
            return None
        if head.get("path") != str(absolute):
            return None
        stat = file_stat(absolute)
        if stat is None or [stat[0], stat[1]] != head.get("stat"):
            return None
        named = head.get("article")
        if named is not None and not (type(named) is str and is_path_inside(named)):
            return None
        digest = _digest(absolute, named or None)
        if digest is None or digest != head.get("digest"):
            return None
        return head, body

    def _head(self, head: dict[str, Any], given: Path) -> Head:
        """The head's summary or problems, every value checked: an entry is untrusted.
        Raises ValueError when it is not a head :meth:`_write_entry` writes."""
        named, summary, problems = head["article"], head["summary"], head["problems"]
        article = source_path(given, named) if named else None
        if type(problems) is not list or (summary is None) != bool(problems):
            raise ValueError("a head has a summary or problems, not both")
        return Head(
            BriefSummary.from_data(summary) if summary is not None else None,
            tuple(_problem_from(p, given, article) for p in problems),
            article,
        )

    def _loaded(self, head: dict[str, Any], body: bytes, given: Path) -> Loaded | None:
        try:
            found = self._head(head, given)
            if found.summary is None:
                return Loaded(None, found.problems, found.article)
            brief = brief_from_data(json.loads(body), given)
            # The head must describe this body: its summary and the article it names.
            if BriefSummary.of(brief) != found.summary or found.article != source_path(
                given, brief.source.text
            ):
                return None
            return Loaded(brief, (), found.article)
        except (KeyError, TypeError, ValueError, AttributeError, RecursionError):
            return None  # a damaged entry: loaded again and rewritten

    # -- writing ------------------------------------------------------------------------------

    def _write_entry(
        self,
        absolute: Path,
        stat: tuple[int, int],
        loaded: Loaded,
        given: Path,
        seen: dict[Path, bytes],
    ) -> None:
        if not self._writable:
            return
        named = _as_named(loaded.article, given) if loaded.article is not None else None
        brief = loaded.brief
        digest = _digest(
            absolute,
            named,
            brief_bytes=seen.get(given),
            article_bytes=seen.get(loaded.article) if loaded.article is not None else None,
        )
        head: dict[str, Any] = {
            "version": self.version,
            "path": str(absolute),
            "stat": list(stat),
            "article": named,  # as the brief names it, relative to the brief's folder
            "digest": digest,
            "summary": BriefSummary.of(brief).to_data() if brief is not None else None,
            "problems": [_problem_to(p, given, loaded.article) for p in loaded.problems],
        }
        # ASCII JSON: a file name that is not valid UTF-8 (kept as surrogates) must not make
        # the write fail, which would turn the cache off.
        lines = [json.dumps(head)]
        if brief is not None:
            lines.append(json.dumps(brief_to_data(brief, loaded.mentions)))
        try:
            write_atomic(self.entry_path(absolute), "\n".join(lines) + "\n", durable=False)
        except (OSError, ValueError):
            # Read-only or full: the app works without the cache; stop trying for this run.
            self._writable = False
            self.stats.write_errors += 1


def read_through(path: Path, cache: BriefCache | None) -> Loaded:
    """The brief at ``path`` (or its problems): through ``cache`` when there is one, else read
    from its files."""
    return cache.load(path) if cache is not None else read_brief(path)


def _absolute(path: Path | str) -> Path:
    """The absolute path of ``path`` *without* resolving ``..``: through a symbolic link,
    ``link/../brief.yaml`` is another file than ``./brief.yaml``, as the loader reads it."""
    return Path(path).absolute()


def _digest(
    brief: Path,
    named: str | None,
    *,
    brief_bytes: bytes | None = None,
    article_bytes: bytes | None = None,
) -> str | None:
    """The hash of the brief's bytes and of the article ``named`` by it (bytes read now unless
    given); None when the brief cannot be read. Files are read as the loader reads them
    (regular files within the size limit, the article only inside the brief's folder), so
    hashing never blocks on a FIFO nor reads a device, a huge file or a file elsewhere."""
    digest = hashlib.blake2b(digest_size=20)
    try:
        digest.update(brief_bytes if brief_bytes is not None else read_regular(brief, _MAX_BYTES))
    except OSError:
        return None
    digest.update(b"\0article\0")
    if named is not None:
        digest.update(_article_state(brief, named, article_bytes))
    return digest.hexdigest()


def _article_state(brief: Path, named: str, data: bytes | None) -> bytes:
    """The article's bytes (``data`` when given, else read now from its real path, as the
    loader reads it), or why it may not be read, outside the brief's folder the first reason."""
    try:
        real = real_source_path(brief, named)
    except OutsideFolder as exc:
        return f"\0outside\0{exc.strerror}\0".encode("utf-8", "surrogateescape")
    return data if data is not None else _file_state(real)


def _file_state(path: Path) -> bytes:
    """The bytes of ``path``, else why it cannot be read (missing, not a regular file, too
    large): a change from one reason to another changes the problem the loader reports."""
    try:
        return read_regular(path, _MAX_BYTES)
    except OSError as exc:
        return f"\0unreadable\0{exc.errno}\0{exc.strerror}\0".encode("utf-8", "replace")


# Problems name the brief or its article by the path the caller gave; the entry keeps which of
# the two it was, so a brief opened by another relative path reports its own path.
_BRIEF, _ARTICLE = "@brief", "@article"


def _problem_to(problem: Problem, given: Path, article: Path | None) -> list[Any]:
    where = problem.path
    if where == str(given):
        where = _BRIEF
    elif article is not None and where == str(article):
        where = _ARTICLE
    return [where, problem.line, problem.column, problem.message]


def _problem_from(data: object, given: Path, article: Path | None) -> Problem:
    """A problem as :func:`_problem_to` wrote it; its message shown as the loader would have
    made it (control characters made visible). Raises ValueError for anything else."""
    if type(data) is not list or len(data) != 4:
        raise ValueError("a problem is [where, line, column, message]")
    where, line, column, message = data
    places = {_BRIEF: given, _ARTICLE: article}
    if type(where) is not str or places.get(where) is None:
        raise ValueError("a problem of the brief or its article")
    if not (_is_place(line) and _is_place(column)):
        raise ValueError("a problem at a line and column")
    if type(message) is not str or not message or printable(message, one_line=True) != message:
        raise ValueError("a problem's message is one line of printable text")
    return Problem(str(places[where]), line, column, message)


def _is_place(value: object) -> bool:
    return type(value) is int and 0 <= value <= MAX_LINE


def _as_named(article: Path, given: Path) -> str:
    """The article path as the brief at ``given`` names it (the loader joined the two)."""
    try:
        return str(article.relative_to(source_folder(given)))
    except ValueError:
        return str(article)
