"""The parse cache, judged by what a user would notice: a stale or wrong brief, wrong problems,
a crash, or files left behind.

Every load through the cache is compared with :func:`read_brief` on the same files, field by
field, including what brief equality leaves out (``loc``, ``path``, paragraphs, items, links).
A new :class:`BriefCache` stands for a new run of the program. The autouse fixture of
``tests/conftest.py`` points the cache at ``tmp_path / "cache"``.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import hypothesis
import pytest
from briefkit import ARTICLE, VALID_BRIEF, edit
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from paths import BRIEFS, REPO

import briefing_tui.core.library.cache as cache_module
from briefing_tui.cli import main as cli
from briefing_tui.config import CONFIG_ENV
from briefing_tui.core.brief.model import SECTIONS
from briefing_tui.core.export.document import export_markdown
from briefing_tui.core.library.cache import BriefCache
from briefing_tui.core.library.entries import (
    LibraryEntry,
    list_entry,
    load_entry,
    load_library,
    sort_key,
)
from briefing_tui.core.library.summary import BriefSummary
from briefing_tui.core.load.loader import Loaded, read_brief
from briefing_tui.core.notes.annotations import now
from briefing_tui.core.notes.folder import NOTES_ENV
from briefing_tui.core.search.index import SearchIndex

sys.path.append(str(REPO / "bench"))  # bench/synthetic.py, as bench/load.py imports it
from synthetic import write_brief as write_synthetic

BUNDLED = sorted(BRIEFS.glob("*.yaml"))
LINKS = ("outgoing", "incoming", "citing", "cited")


@pytest.fixture(autouse=True)
def notes_folder(tmp_path, monkeypatch):
    """Library rows count notes: read them from the test's folder, not the user's."""
    monkeypatch.setenv(NOTES_ENV, str(tmp_path / "notes"))


# -- helpers --------------------------------------------------------------------------------


def write_pair(folder: Path, brief=VALID_BRIEF, article=ARTICLE, name="brief.yaml") -> Path:
    """Write a brief and (unless ``article`` is None) its article.txt into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(brief, encoding="utf-8")
    if article is not None:
        (folder / "article.txt").write_text(article, encoding="utf-8")
    return path


def load(path) -> tuple[Loaded, BriefCache]:
    """Load ``path`` through a new cache object, as a new run of the program would."""
    cache = BriefCache()
    return cache.load(path), cache


def assert_hit(path) -> Loaded:
    loaded, cache = load(path)
    assert (cache.stats.hits, cache.stats.misses) == (1, 0), "expected a cache hit"
    return loaded


def assert_miss(path) -> Loaded:
    loaded, cache = load(path)
    assert (cache.stats.hits, cache.stats.misses) == (0, 1), "expected a cache miss"
    return loaded


def assert_same(got: Loaded, expected: Loaded) -> None:
    """``got`` is what ``read_brief`` gave, down to every location and link."""
    assert got.problems == expected.problems
    assert [str(p) for p in got.problems] == [str(p) for p in expected.problems]
    assert got.article == expected.article
    if expected.brief is None:
        assert got.brief is None
        return
    assert got.brief is not None
    mine, theirs = got.brief, expected.brief
    assert mine == theirs
    assert mine.path == theirs.path
    assert mine.paragraphs == theirs.paragraphs
    assert list(mine.items) == list(theirs.items)
    for key, item in theirs.items.items():
        assert type(mine.items[key]) is type(item)
        assert mine.items[key] == item
        assert mine.items[key].loc == item.loc, key
        ours = getattr(mine.items[key], "evidence", ())
        assert [e.loc for e in ours] == [e.loc for e in getattr(item, "evidence", ())], key
    for section in SECTIONS:
        ours = [(i.id, i.loc) for i in mine.section(section)]
        assert ours == [(i.id, i.loc) for i in theirs.section(section)], section
    assert mine.links is not None and theirs.links is not None
    for name in LINKS:
        assert dict(getattr(mine.links, name)) == dict(getattr(theirs.links, name)), name


def assert_fresh(path) -> Loaded:
    """Load through a new cache and check the result against ``read_brief``."""
    loaded, _ = load(path)
    assert_same(loaded, read_brief(path))
    return loaded


def entries(folder: Path) -> list[Path]:
    """Every file in the cache folder, hidden ones too."""
    return sorted(folder.iterdir()) if folder.is_dir() else []


def only_entry(folder: Path) -> Path:
    found = entries(folder)
    assert len(found) == 1, found
    return found[0]


def assert_json_lines(entry: Path) -> None:
    """An entry is lines of JSON (the head first), never a pickle or half a file."""
    lines = entry.read_bytes().splitlines()
    assert lines
    assert isinstance(json.loads(lines[0]), dict)
    for line in lines[1:]:
        json.loads(line)


def same_size_edit(path: Path, old: bytes, new: bytes) -> None:
    """Replace ``old`` by ``new`` (same length) in place and put the old mtime back."""
    assert len(old) == len(new)
    before = path.stat()
    data = path.read_bytes()
    assert data.count(old) == 1
    path.write_bytes(data.replace(old, new))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)


def mention_links(loaded: Loaded) -> int:
    assert loaded.brief is not None and loaded.brief.links is not None
    return sum(link.mention for links in loaded.brief.links.outgoing.values() for link in links)


def with_aliases(text: str) -> str:
    text = edit(text, "    kind: state\n", "    kind: state\n    aliases: [gamma-state, gam]\n")
    return edit(
        text, "    title: Trade talks\n", "    title: Trade talks\n    aliases: [commerce]\n"
    )


INVALID_BRIEF = edit(VALID_BRIEF, "speaker: gamma\n", "speaker: nobody\n")
CHANGED_ARTICLE = ARTICLE.replace("on Monday", "on Friday")  # same size, still valid


# -- hits -----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_bundled_brief_is_served_from_the_cache_unchanged(path):
    first, cache = load(path)
    assert cache.stats.misses == 1
    got = assert_hit(path)
    assert_same(got, read_brief(path))
    assert_same(first, got)
    assert mention_links(got) > 0


@pytest.mark.parametrize(("items", "seed"), [(30, 1), (600, 7)])
def test_synthetic_brief_is_served_from_the_cache_unchanged(tmp_path, items, seed):
    path = write_synthetic(tmp_path / "lib", items, seed, f"syn-{seed}", "2025-12-31")
    load(path)
    got = assert_hit(path)
    assert_same(got, read_brief(path))
    assert mention_links(got) > 0  # [[id]] in the summary and in notes


def test_template_brief_with_mentions_in_summary_and_text(tmp_path):
    path = write_pair(tmp_path / "lib")
    load(path)
    got = assert_hit(path)
    assert_same(got, read_brief(path))
    assert got.brief is not None
    assert got.brief.links is not None
    fields = {(link.source, link.field) for link in got.brief.links.links_to("alpha")}
    assert ("test-brief", "summary") in fields
    assert ("summit", "text") in fields


def test_aliases_come_back_from_the_cache(tmp_path):
    path = write_pair(tmp_path / "lib", with_aliases(VALID_BRIEF))
    load(path)
    got = assert_hit(path)
    assert_same(got, read_brief(path))
    assert got.brief is not None
    assert got.brief.items["gamma"].aliases == ("gamma-state", "gam")
    assert got.brief.items["trade"].aliases == ("commerce",)


def test_synthetic_brief_with_aliases(tmp_path):
    path = write_synthetic(tmp_path / "lib", 80, 3, "aliased")
    text = path.read_text(encoding="utf-8")
    text = text.replace("    kind: person\n", "    kind: person\n    aliases: [elsewhere-x]\n", 3)
    path.write_text(text, encoding="utf-8")
    expected = read_brief(path)
    assert expected.brief is not None, expected.problems
    load(path)
    got = assert_hit(path)
    assert_same(got, expected)
    assert got.brief is not None
    assert sum(bool(a.aliases) for a in got.brief.actors) == 3


def test_one_cache_object_hits_on_its_second_load(tmp_path):
    path = write_pair(tmp_path / "lib")
    cache = BriefCache()
    first = cache.load(path)
    second = cache.load(path)
    assert (cache.stats.hits, cache.stats.misses) == (1, 1)
    assert_same(second, first)
    assert_same(second, read_brief(path))


def test_head_gives_the_summary_without_the_brief(tmp_path):
    path = write_pair(tmp_path / "lib")
    assert BriefCache().head(path) is None  # nothing cached yet
    load(path)
    head = BriefCache().head(path)
    assert head is not None
    brief = read_brief(path).brief
    assert brief is not None
    assert head.summary == BriefSummary.of(brief)
    assert head.summary.title == "A test brief"
    assert head.summary.outlet == "Example News"
    assert head.summary.published is not None
    assert head.summary.published.isoformat() == "2026-01-09"
    assert (head.summary.actors, head.summary.positions, head.summary.questions) == (2, 1, 1)
    assert head.summary.items == len(brief.items)
    assert head.problems == ()
    assert head.article == path.parent / "article.txt"


def test_head_is_none_once_the_brief_changed(tmp_path):
    path = write_pair(tmp_path / "lib")
    load(path)
    same_size_edit(path, b"A test brief", b"A best brief")
    assert BriefCache().head(path) is None


def test_head_of_an_invalid_brief_gives_its_problems(tmp_path):
    path = write_pair(tmp_path / "lib", INVALID_BRIEF)
    load(path)
    head = BriefCache().head(path)
    assert head is not None
    assert head.summary is None
    assert head.problems == read_brief(path).problems
    assert head.problems


def test_library_rows_from_the_cache_match_a_fresh_load(tmp_path):
    good = write_pair(tmp_path / "lib" / "a")
    bad = write_pair(tmp_path / "lib" / "b", INVALID_BRIEF)
    for path in (good, bad):
        load(path)
    cache = BriefCache()
    row = list_entry(good, cache=cache)
    assert row.brief is None  # the summary alone, from the head
    brief = read_brief(good).brief
    assert brief is not None
    assert row.summary == BriefSummary.of(brief)
    assert list_entry(bad, cache=cache).problems == read_brief(bad).problems
    entry = load_entry(good, cache=cache)
    assert entry == load_entry(good)
    assert_same(Loaded(entry.brief, (), good.parent / "article.txt"), read_brief(good))
    assert cache.stats.hits == 1


# -- misses after a change ------------------------------------------------------------------


def test_same_size_edit_with_the_old_mtime_is_seen(tmp_path):
    path = write_pair(tmp_path / "lib")
    load(path)
    same_size_edit(path, b"title: A test brief", b"title: A best brief")
    got = assert_miss(path)
    assert got.brief is not None
    assert got.brief.title == "A best brief"
    assert_same(got, read_brief(path))
    assert_hit(path)


def test_same_size_article_edit_with_the_old_mtime_is_seen(tmp_path):
    path = write_pair(tmp_path / "lib")
    load(path)
    same_size_edit(path.parent / "article.txt", b"we will act soon", b"we will act SOON")
    got = assert_miss(path)
    assert got.brief is None  # the quotes are no longer in the article
    assert got.problems
    assert_same(got, read_brief(path))
    assert_same(assert_hit(path), read_brief(path))


def test_article_edit_that_keeps_the_brief_valid_gives_the_new_paragraphs(tmp_path):
    path = write_pair(tmp_path / "lib")
    load(path)
    (path.parent / "article.txt").write_text(CHANGED_ARTICLE, encoding="utf-8")
    got = assert_miss(path)
    assert got.brief is not None
    assert "on Friday" in got.brief.paragraphs[0].text
    assert_same(got, read_brief(path))


def test_deleted_article_is_seen(tmp_path):
    path = write_pair(tmp_path / "lib")
    load(path)
    (path.parent / "article.txt").unlink()
    got = assert_miss(path)
    assert got.brief is None
    assert any("article.txt" in p.message for p in got.problems)
    assert_same(got, read_brief(path))
    assert_same(assert_hit(path), read_brief(path))


def test_article_created_later_makes_the_brief_valid(tmp_path):
    path = write_pair(tmp_path / "lib", article=None)
    first, _ = load(path)
    assert first.brief is None
    assert_same(assert_hit(path), first)
    (path.parent / "article.txt").write_text(ARTICLE, encoding="utf-8")
    got = assert_miss(path)
    assert got.brief is not None
    assert_same(got, read_brief(path))


def test_empty_article_created_later_is_not_taken_for_the_missing_one(tmp_path):
    path = write_pair(tmp_path / "lib", article=None)
    missing, _ = load(path)
    (path.parent / "article.txt").write_bytes(b"")
    got = assert_miss(path)
    assert got.brief is None
    assert got.problems != missing.problems
    assert_same(got, read_brief(path))


def test_touch_is_a_miss_then_a_hit(tmp_path):
    path = write_pair(tmp_path / "lib")
    load(path)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert_same(assert_miss(path), read_brief(path))
    assert_same(assert_hit(path), read_brief(path))


# -- invalid briefs -------------------------------------------------------------------------


def test_invalid_brief_problems_are_cached(tmp_path):
    path = write_pair(tmp_path / "lib", INVALID_BRIEF)
    first, _ = load(path)
    assert first.problems
    got = assert_hit(path)
    assert_same(got, read_brief(path))


def test_yaml_syntax_error_is_cached(tmp_path):
    path = write_pair(tmp_path / "lib", VALID_BRIEF + "oops: [unclosed\n")
    load(path)
    got = assert_hit(path)
    assert got.problems
    assert_same(got, read_brief(path))


@pytest.mark.parametrize(
    "article",
    [b"Alpha\0Beta\n", b"caf\xe9 au lait\n", ARTICLE.replace("act soon", "act later").encode()],
    ids=["nul-byte", "latin-1", "quote-not-found"],
)
def test_problems_due_to_the_article_are_cached(tmp_path, monkeypatch, article):
    folder = tmp_path / "lib"
    path = write_pair(folder)
    (folder / "article.txt").write_bytes(article)
    monkeypatch.chdir(tmp_path)
    relative = Path("lib/brief.yaml")
    first, _ = load(relative)
    assert first.problems
    got = assert_hit(relative)
    assert_same(got, read_brief(relative))
    assert_same(assert_hit(path), read_brief(path))


@pytest.mark.parametrize("first", ["relative", "absolute"])
def test_problems_name_the_brief_by_the_path_the_caller_gave(tmp_path, monkeypatch, first):
    path = write_pair(tmp_path / "lib" / "sub", INVALID_BRIEF)
    monkeypatch.chdir(tmp_path / "lib")
    relative = Path("sub/brief.yaml")
    order = [relative, path] if first == "relative" else [path, relative]
    load(order[0])
    for given in [*order[1:], order[0], "./sub/brief.yaml"]:
        got = assert_hit(given)
        assert {p.path for p in got.problems} == {str(Path(given))}
        assert_same(got, read_brief(given))
    monkeypatch.chdir(tmp_path / "lib" / "sub")
    got = assert_hit("brief.yaml")
    assert {p.path for p in got.problems} == {"brief.yaml"}
    assert_same(got, read_brief(Path("brief.yaml")))


def test_valid_brief_by_relative_path_has_that_path(tmp_path, monkeypatch):
    path = write_pair(tmp_path / "lib")
    load(path)
    monkeypatch.chdir(tmp_path)
    got = assert_hit(Path("lib/brief.yaml"))
    assert got.brief is not None
    assert got.brief.path == Path("lib/brief.yaml")
    assert got.article == Path("lib/article.txt")
    assert_same(got, read_brief(Path("lib/brief.yaml")))


# -- moved and renamed briefs ---------------------------------------------------------------


def test_renamed_brief_is_not_served_from_its_old_entry(tmp_path):
    folder = tmp_path / "lib"
    old = write_pair(folder, INVALID_BRIEF)
    load(old)
    new = folder / "renamed.yaml"
    old.rename(new)
    got = assert_miss(new)
    assert {p.path for p in got.problems} == {str(new)}
    assert_same(got, read_brief(new))
    gone = assert_miss(old)  # the old entry must not stand in for a missing file
    assert gone.brief is None
    assert_same(gone, read_brief(old))


def test_brief_moved_beside_another_article(tmp_path):
    first = write_pair(tmp_path / "a")
    load(first)
    second = write_pair(tmp_path / "b", article=CHANGED_ARTICLE)
    first.unlink()
    got = assert_miss(second)
    assert got.brief is not None
    assert "on Friday" in got.brief.paragraphs[0].text
    assert_same(got, read_brief(second))


def test_briefs_swapped_with_the_same_size_and_mtime(tmp_path):
    folder = tmp_path / "lib"
    one = write_pair(folder, edit(VALID_BRIEF, "A test brief", "Brief number one"), name="1.yaml")
    two = write_pair(folder, edit(VALID_BRIEF, "A test brief", "Brief number two"), name="2.yaml")
    for path in (one, two):
        os.utime(path, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
        load(path)
    one.rename(folder / "tmp.yaml")
    two.rename(one)
    (folder / "tmp.yaml").rename(two)
    for path, title in ((one, "Brief number two"), (two, "Brief number one")):
        got = assert_miss(path)
        assert got.brief is not None
        assert got.brief.title == title
        assert_same(got, read_brief(path))


# -- corrupt entries ------------------------------------------------------------------------


def _dump(value) -> bytes:
    return json.dumps(value).encode()


def _split(data: bytes):
    head, _, body = data.partition(b"\n")
    return json.loads(head), (json.loads(body) if body.strip() else None)


def _head_only(head, _body) -> bytes:
    return _dump(head) + b"\n"


def _with_head(**changes):
    def corrupt(head, body) -> bytes:
        return _dump({**head, **changes}) + b"\n" + _dump(body) + b"\n"

    return corrupt


def _with_summary(**changes):
    def corrupt(head, body) -> bytes:
        return _with_head(summary={**head["summary"], **changes})(head, body)

    return corrupt


def _with_body(change):
    def corrupt(head, body) -> bytes:
        return _dump(head) + b"\n" + _dump(change(dict(body))) + b"\n"

    return corrupt


def _without(key):
    def change(body):
        del body[key]
        return body

    return change


def _first_actor_without_name(body):
    body["actors"] = [{k: v for k, v in body["actors"][0].items() if k != "name"}]
    return body


def _bad_date(body):
    body["timeline"] = [{**body["timeline"][0], "date": "soon"}]
    return body


def _bad_loc(body):
    body["actors"] = [{**body["actors"][0], "@loc": [3]}, *body["actors"][1:]]
    return body


def _bad_paragraphs(body):
    body["paragraphs"] = [[1, "text only"]]
    return body


VALID_ENTRY_CORRUPTIONS = {
    "garbage": lambda h, b: b"\x00\xff\x89PNG\r\n\x1a\n garbage \xfe\xfe",
    "empty": lambda h, b: b"",
    "newlines-only": lambda h, b: b"\n\n",
    "truncated": lambda h, b: (_dump(h) + b"\n" + _dump(b))[: len(_dump(h)) + 40],
    "truncated-head": lambda h, b: _dump(h)[:30],
    "a-list": lambda h, b: b"[1, 2, 3]\n[4]\n",
    "a-string": lambda h, b: b'"head"\n"body"\n',
    "head-only": _head_only,
    "version-an-int": _with_head(version=1),
    "stat-a-string": _with_head(stat="big"),
    "article-an-int": _with_head(article=7),
    "digest-null": _with_head(digest=None),
    "summary-a-string": _with_head(summary="A test brief"),
    "summary-a-list": _with_head(summary=["A test brief"]),
    "problems-an-int": _with_head(problems=7),
    "counts-a-string": _with_summary(counts="four"),
    "counts-too-short": _with_summary(counts=[1, 2, 3]),
    "published-an-int": _with_summary(published=20260109),
    "summary-without-title": lambda h, b: _with_head(
        summary={k: v for k, v in h["summary"].items() if k != "title"}
    )(h, b),
    "another-path": _with_head(path="/elsewhere/brief.yaml"),
    "body-null": lambda h, b: _dump(h) + b"\nnull\n",
    "body-a-list": lambda h, b: _dump(h) + b"\n[]\n",
    "body-empty-object": lambda h, b: _dump(h) + b"\n{}\n",
    "body-garbage": lambda h, b: _dump(h) + b"\n\xff\xfe{not json\n",
    "body-without-actors": _with_body(_without("actors")),
    "body-without-source": _with_body(_without("source")),
    "body-without-paragraphs": _with_body(_without("paragraphs")),
    "body-without-mentions": _with_body(_without("mentions")),
    "body-actor-without-name": _with_body(_first_actor_without_name),
    "body-bad-date": _with_body(_bad_date),
    "body-bad-loc": _with_body(_bad_loc),
    "body-bad-paragraphs": _with_body(_bad_paragraphs),
    "body-actors-a-dict": _with_body(lambda b: {**b, "actors": {"alpha": 1}}),
    "body-mentions-a-list": _with_body(lambda b: {**b, "mentions": [["summary", "alpha"]]}),
}


def _expect_miss_and_rewrite(path: Path, entry: Path, corrupt: bytes) -> Loaded:
    got = assert_miss(path)
    assert_same(got, read_brief(path))
    assert entry.read_bytes() != corrupt, "the entry was not rewritten"
    assert_json_lines(entry)
    assert_same(assert_hit(path), read_brief(path))
    return got


@pytest.mark.parametrize("corruption", VALID_ENTRY_CORRUPTIONS)
def test_corrupt_entry_of_a_valid_brief_is_a_miss_and_rewritten(tmp_path, cache_folder, corruption):
    path = write_pair(tmp_path / "lib", edit(VALID_BRIEF, "A test brief", "The real title"))
    load(path)
    entry = only_entry(cache_folder)
    head, body = _split(entry.read_bytes())
    if corruption == "another-path":  # were the head believed, this body would be served
        body["title"] = "Not this one"
    corrupt = VALID_ENTRY_CORRUPTIONS[corruption](head, body)
    entry.write_bytes(corrupt)
    got = _expect_miss_and_rewrite(path, entry, corrupt)
    assert got.brief is not None
    assert got.brief.title == "The real title"


@pytest.mark.parametrize(
    "problems",
    [[["@brief", "one", 1, "m"]], [["@brief", 1, 1]], [None], "oops", {"a": 1}, None],
    ids=["line-a-string", "three-fields", "null", "a-string", "an-object", "problems-null"],
)
def test_corrupt_problems_of_an_invalid_brief_are_a_miss(tmp_path, cache_folder, problems):
    path = write_pair(tmp_path / "lib", INVALID_BRIEF)
    load(path)
    entry = only_entry(cache_folder)
    head, _ = _split(entry.read_bytes())
    corrupt = _dump({**head, "problems": problems}) + b"\n"
    entry.write_bytes(corrupt)
    assert BriefCache().head(path) is None
    got = _expect_miss_and_rewrite(path, entry, corrupt)
    assert got.problems


@pytest.mark.parametrize("kind", ["valid", "invalid"])
def test_entry_cut_anywhere_gives_the_right_result(tmp_path, cache_folder, kind):
    path = write_pair(tmp_path / "lib", VALID_BRIEF if kind == "valid" else INVALID_BRIEF)
    load(path)
    entry = only_entry(cache_folder)
    whole = entry.read_bytes()
    expected = read_brief(path)
    for cut in sorted({*range(0, len(whole), max(1, len(whole) // 40)), len(whole) - 1}):
        entry.write_bytes(whole[:cut])
        assert_same(load(path)[0], expected)
        assert_json_lines(entry)


@pytest.mark.parametrize("where", ["head", "body"])
def test_deeply_nested_entry_is_a_miss(tmp_path, cache_folder, where):
    path = write_pair(tmp_path / "lib")
    load(path)
    entry = only_entry(cache_folder)
    head = entry.read_bytes().partition(b"\n")[0]
    nested = b"[" * 100_000
    entry.write_bytes(nested if where == "head" else head + b"\n" + nested + b"\n")
    _expect_miss_and_rewrite(path, entry, nested)


# -- every value of an entry replaced by a wrong one ----------------------------------------
#
# A cache entry is untrusted input, checked as strictly as a brief. Every value of an entry
# (of the head and of the body, down to list elements) is replaced in turn by values no brief
# can give there: another JSON type, null where a value is required, a huge or negative number,
# empty text, a deep nesting, a bad id, date, word, URL or path; every key is removed, and an
# unknown key added to every record. None may raise; each must be a miss whose result equals a
# fresh load.

DEEP = json.loads("[" * 300 + "]" * 300)
#: Values of another type than the one replaced (same-type ones are left out: "some text" in
#: place of a title is a title).
WRONG_TYPES = {
    "null": None,
    "true": True,
    "float": 1.5,
    "huge": 10**30,
    "negative": -1,
    "empty": "",
    "a-list": ["x"],
    "an-object": {"x": 1},
    "deep": DEEP,
}
#: Fields that may be null (in the body; in the head's summary): null there is no wrong value.
NULLABLE = {"summary", "outlet", "author", "published", "url", "notes", "role", "context", "quote"}
HEAD_NULLABLE = {"outlet", "published"}
#: Wrong strings for the fields (by key, or by the key of the list they are in) that hold them.
WRONG_STRINGS = {
    "id": "Not An Id!",
    "actor": "nobody",
    "issue": "alpha",  # an actor, not an issue
    "speaker": "trade",
    "part_of": "Not An Id!",
    "bears_on": "nobody",
    "aliases": "Not An Id!",
    "kind": "alien",
    "attribution": "rumoured",
    "published": "2026-02-30",
    "date": "soon",
    "url": "javascript:alert(1)",
    "source.text": "../secret.txt",
    "article": "/etc/passwd",
    "version": "0/old/0.0",
    "digest": "0" * 40,
}


def _leaves(value, path=()):
    """Every (path, value) of a JSON value, containers and their contents alike."""
    yield path, value
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _leaves(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _leaves(child, (*path, index))


def _replaced(value, path, new):
    """A deep copy of ``value`` with the value at ``path`` replaced (``_GONE`` deletes it)."""
    if not path:
        return new
    copy = json.loads(json.dumps(value))
    holder = copy
    for step in path[:-1]:
        holder = holder[step]
    if new is _GONE:
        del holder[path[-1]]
    else:
        holder[path[-1]] = new
    return copy


_GONE = object()


def _wrong_values(path, original, *, body: bool):
    """(name, value) of every wrong value for the place ``path`` holding ``original``."""
    key = next((step for step in reversed(path) if isinstance(step, str)), "")
    if path[-2:] == ("source", "text"):
        key = "source.text"
    for name, value in WRONG_TYPES.items():
        same_type = type(value) is type(original) and name not in ("empty", "negative", "huge")
        if same_type or (value == original and type(value) is type(original)):
            continue
        if value is None and key in (NULLABLE if body else HEAD_NULLABLE):
            continue
        if isinstance(original, list | dict) and name == "deep":
            yield name, value
            continue
        if name == "empty" and not isinstance(original, str):
            continue
        if name in ("negative", "huge") and type(original) is not int:
            continue
        yield name, value
    if isinstance(original, str) and key in WRONG_STRINGS and WRONG_STRINGS[key] != original:
        yield "wrong-" + key, WRONG_STRINGS[key]
    if isinstance(original, dict) and path != ("mentions",):  # mentions are keyed by ids
        for name in original:
            yield f"without-{name}", _GONE
        if body:
            yield "unknown-key", {**original, "colour": "blue"}


def _mutations(head, body):
    """(label, entry bytes) of every mutation of the entry ``head`` + ``body``."""
    parts = [("head", head)] + ([("body", body)] if body is not None else [])
    for part, data in parts:
        for path, original in _leaves(data):
            for name, value in _wrong_values(path, original, body=part == "body"):
                if value is _GONE:
                    mutated = _replaced(data, (*path, name.removeprefix("without-")), _GONE)
                else:
                    mutated = _replaced(data, path, value)
                new_head, new_body = (mutated, body) if part == "head" else (head, mutated)
                entry = _dump(new_head) + b"\n"
                if new_body is not None:
                    entry += _dump(new_body) + b"\n"
                yield f"{part}/{'/'.join(map(str, path))}: {name}", entry


@pytest.mark.parametrize("kind", ["valid", "invalid"])
def test_every_wrong_value_in_an_entry_is_a_miss_with_the_fresh_result(
    tmp_path, cache_folder, kind
):
    path = write_pair(
        tmp_path / "lib", with_aliases(VALID_BRIEF) if kind == "valid" else INVALID_BRIEF
    )
    load(path)
    entry = only_entry(cache_folder)
    head, body = _split(entry.read_bytes())
    expected = read_brief(path)
    assert_same(assert_hit(path), expected)  # the entry as written is good
    wrong: list[str] = []
    count = 0
    for label, corrupt in _mutations(head, body):
        count += 1
        entry.write_bytes(corrupt)
        try:
            row = BriefCache().head(path)
            got, cache = load(path)
        except Exception as error:  # every kind of crash is the finding
            wrong.append(f"{label}: raised {error!r}")
            continue
        if row is not None and label.startswith("head"):  # head() reads no body
            wrong.append(f"{label}: head() believed it")
        if (cache.stats.hits, cache.stats.misses) != (0, 1):
            wrong.append(f"{label}: a hit")
            continue
        try:
            assert_same(got, expected)
        except AssertionError as error:
            wrong.append(f"{label}: another result: {error}")
    assert count > (200 if kind == "valid" else 40), count
    assert not wrong, "\n".join(wrong)


def test_search_and_the_library_survive_a_title_that_is_a_list(tmp_path, cache_folder, capsys):
    """The case that was found: a well-formed head over a body with ``"title": [...]``."""
    path = write_pair(tmp_path / "lib")
    load(path)
    entry = only_entry(cache_folder)
    head, body = _split(entry.read_bytes())
    for corrupt in (
        _dump(head) + b"\n" + _dump({**body, "title": ["A test brief"]}) + b"\n",
        _dump({**head, "summary": {**head["summary"], "title": ["A test brief"]}})
        + b"\n"
        + _dump(body)
        + b"\n",
    ):
        entry.write_bytes(corrupt)
        code = cli.main(["search", "--format", "json", "alpha", str(tmp_path / "lib")])
        report = json.loads(capsys.readouterr().out)
        assert code == cli.EXIT_OK
        assert {hit["brief_title"] for hit in report["hits"]} == {"A test brief"}
        entry.write_bytes(corrupt)
        rows = load_library(tmp_path / "lib")
        assert [row.summary for row in rows] == [BriefSummary.of(read_brief(path).brief)]
        entry.write_bytes(corrupt)
        assert list_entry(path, cache=BriefCache()).summary.title == "A test brief"


_ANY_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=12,
)
_ENTRY_FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@_ENTRY_FUZZ
@hypothesis.given(data=st.data())
def test_any_json_anywhere_in_an_entry_never_breaks_what_uses_it(tmp_path, cache_folder, data):
    """Whatever replaces any value of an entry, loading does not raise; a miss gives the fresh
    result; a hit (a value that happens to fit) gives a brief the library and search can use."""
    path = tmp_path / "lib" / "brief.yaml"
    if not path.exists():
        write_pair(path.parent, with_aliases(VALID_BRIEF))
        load(path)
    entry = BriefCache().entry_path(path.absolute())
    pristine = tmp_path / "pristine.json"
    if not pristine.exists():
        pristine.write_bytes(entry.read_bytes())
    head, body = _split(pristine.read_bytes())
    part = data.draw(st.sampled_from(["head", "body"]))
    places = [place for place, _ in _leaves(head if part == "head" else body)]
    place = data.draw(st.sampled_from(places))
    value = data.draw(_ANY_JSON)
    mutated = _replaced(head if part == "head" else body, place, value)
    new_head, new_body = (mutated, body) if part == "head" else (head, mutated)
    entry.write_bytes(_dump(new_head) + b"\n" + _dump(new_body) + b"\n")

    cache = BriefCache()
    cache.head(path)
    got = cache.load(path)
    if cache.stats.misses:
        assert_same(got, read_brief(path))
        return
    assert got.brief is not None
    row = LibraryEntry(path, got.brief)
    sort_key(row)
    assert row.summary == BriefSummary.of(got.brief)
    SearchIndex([row], {}).search("alpha")
    export_markdown(got.brief, {}, exported=now())


# -- versions -------------------------------------------------------------------------------


@pytest.mark.parametrize("attribute", ["CACHE_VERSION", "__version__"])
def test_another_version_is_a_miss(tmp_path, monkeypatch, attribute):
    path = write_pair(tmp_path / "lib")
    load(path)
    assert_hit(path)
    current = getattr(cache_module, attribute)
    monkeypatch.setattr(cache_module, attribute, 99 if attribute == "CACHE_VERSION" else "99.0")
    assert BriefCache().head(path) is None
    assert_same(assert_miss(path), read_brief(path))
    assert_same(assert_hit(path), read_brief(path))
    monkeypatch.setattr(cache_module, attribute, current)
    assert_same(assert_miss(path), read_brief(path))  # and back again


# -- a cache folder that cannot be used -----------------------------------------------------


@pytest.mark.parametrize("blocker", ["folder-is-a-file", "parent-is-a-file"])
def test_unusable_cache_folder_still_loads(tmp_path, cache_folder, monkeypatch, blocker):
    cache_folder.write_text("not a folder\n", encoding="utf-8")
    if blocker == "parent-is-a-file":
        monkeypatch.setenv(cache_module.CACHE_ENV, str(cache_folder / "briefs"))
    good = write_pair(tmp_path / "lib" / "good")
    bad = write_pair(tmp_path / "lib" / "bad", INVALID_BRIEF)
    cache = BriefCache()
    for _ in range(2):
        for path in (good, bad):
            assert cache.head(path) is None
            assert_same(cache.load(path), read_brief(path))
    assert cache.stats.write_errors >= 1
    assert cache.stats.hits == 0
    assert cache_folder.read_text(encoding="utf-8") == "not a folder\n"
    rows = load_library(tmp_path / "lib")
    assert [r.path for r in rows] == [good, bad]
    assert rows[0].valid
    assert not rows[1].valid


def test_entry_path_taken_by_a_folder_leaves_no_temporary_file(tmp_path, cache_folder):
    path = write_pair(tmp_path / "lib")
    load(path)
    entry = only_entry(cache_folder)
    entry.unlink()
    entry.mkdir()
    cache = BriefCache()
    assert_same(cache.load(path), read_brief(path))
    assert cache.stats.write_errors >= 1
    assert entries(cache_folder) == [entry]
    assert list(entry.iterdir()) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores chmod")
def test_read_only_cache_folder(tmp_path, cache_folder):
    cached = write_pair(tmp_path / "lib" / "a")
    load(cached)
    other = write_pair(tmp_path / "lib" / "b", INVALID_BRIEF)
    cache_folder.chmod(0o500)
    try:
        cache = BriefCache()
        assert_same(cache.load(cached), read_brief(cached))
        assert_same(cache.load(other), read_brief(other))
        assert cache.stats.hits == 1
        assert cache.stats.write_errors >= 1
        assert len(entries(cache_folder)) == 1
    finally:
        cache_folder.chmod(0o700)


# -- files in the cache folder --------------------------------------------------------------


def test_many_writes_leave_only_json_entries(tmp_path, cache_folder):
    folder = tmp_path / "lib"
    paths = [
        write_pair(folder / str(n), VALID_BRIEF if n % 3 else INVALID_BRIEF) for n in range(12)
    ]
    paths.append(write_synthetic(folder / "syn", 60, 2, "syn"))
    for round_ in range(3):
        cache = BriefCache()
        for path in paths:
            assert_same(cache.load(path), read_brief(path))
            os.utime(path, ns=(10**18 + round_, 10**18 + round_))  # a miss next round
    found = entries(cache_folder)
    assert len(found) == len(paths)
    for entry in found:
        assert entry.is_file()
        assert entry.suffix == ".json"
        assert not entry.name.startswith(".")
        assert_json_lines(entry)


# -- the command line and the library -------------------------------------------------------


def _library(tmp_path) -> Path:
    folder = tmp_path / "lib"
    write_pair(folder / "good")
    write_pair(folder / "bad", INVALID_BRIEF)
    return folder


def _count_parses(monkeypatch) -> list[Path]:
    calls: list[Path] = []
    real = cache_module.read_brief

    def counting(path, **kwargs):
        calls.append(Path(path))
        return real(path, **kwargs)

    monkeypatch.setattr(cache_module, "read_brief", counting)
    return calls


@pytest.mark.parametrize("output", ["text", "json"])
def test_validate_twice_gives_the_same_report_and_parses_once(
    tmp_path, monkeypatch, capsys, cache_folder, output
):
    _library(tmp_path)
    monkeypatch.chdir(tmp_path)
    calls = _count_parses(monkeypatch)
    runs = []
    for _ in range(2):
        del calls[:]
        code = cli.main(["validate", "lib", "--format", output])
        runs.append((code, capsys.readouterr(), len(calls)))
    (code1, out1, parsed1), (code2, out2, parsed2) = runs
    assert code1 == code2 == cli.EXIT_PROBLEMS
    assert out1 == out2
    assert "lib/bad/brief.yaml" in out1.out
    assert (parsed1, parsed2) == (2, 0)
    code = cli.main(["validate", "--no-cache", "lib", "--format", output])
    assert code == cli.EXIT_PROBLEMS
    assert capsys.readouterr() == out1
    assert len(entries(cache_folder)) == 2


def test_validate_no_cache_writes_no_entry(tmp_path, capsys, cache_folder):
    folder = _library(tmp_path)
    assert cli.main(["validate", "--no-cache", str(folder)]) == cli.EXIT_PROBLEMS
    capsys.readouterr()
    assert entries(cache_folder) == []


def test_load_library_without_cache_writes_nothing(tmp_path, cache_folder):
    folder = _library(tmp_path)
    uncached = load_library(folder, cache=False)
    assert entries(cache_folder) == []
    cached = load_library(folder)
    assert len(entries(cache_folder)) == 2
    again = load_library(folder)
    assert uncached == cached == again
    for one, other in zip(uncached, again, strict=True):
        assert one.summary == other.summary


@pytest.mark.parametrize("no_cache", [True, False])
def test_open_no_cache_writes_no_entry(tmp_path, monkeypatch, cache_folder, no_cache):
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "config.toml"))
    made: list[dict] = []

    class FakeApp:
        """Stands in for the reader: records what it was given, never draws."""

        def __init__(self, **kwargs) -> None:
            made.append(kwargs)

        def run(self) -> None:
            pass

    monkeypatch.setattr("briefing_tui.tui.app.BriefingApp", FakeApp)
    path = write_pair(tmp_path / "lib")
    argv = ["open", str(path), *(["--no-cache"] if no_cache else [])]
    assert cli.main(argv) == cli.EXIT_OK
    assert len(entries(cache_folder)) == (0 if no_cache else 1)
    (app,) = made
    assert (app["cache"] is None) == no_cache
    assert_same(Loaded(app["brief"], (), path.parent / "article.txt"), read_brief(path))


# -- files that change while they are read --------------------------------------------------


def _edit_during_read(monkeypatch, change) -> None:
    real = cache_module.read_brief

    def racing(path, **kwargs):
        loaded = real(path, **kwargs)
        change()
        return loaded

    monkeypatch.setattr(cache_module, "read_brief", racing)


def test_brief_edited_while_read_is_not_cached_under_the_old_key(tmp_path, monkeypatch):
    path = write_pair(tmp_path / "lib")

    def change():
        path.write_text(edit(VALID_BRIEF, "A test brief", "An edited brief"), encoding="utf-8")

    with monkeypatch.context() as patch:
        _edit_during_read(patch, change)
        load(path)
    got = assert_fresh(path)
    assert got.brief is not None
    assert got.brief.title == "An edited brief"


def test_same_size_edit_while_read_is_not_cached(tmp_path, monkeypatch):
    path = write_pair(tmp_path / "lib")
    with monkeypatch.context() as patch:
        _edit_during_read(patch, lambda: same_size_edit(path, b"A test brief", b"A best brief"))
        load(path)
    got = assert_fresh(path)
    assert got.brief is not None
    assert got.brief.title == "A best brief"


def test_article_edited_while_read_is_not_cached(tmp_path, monkeypatch):
    path = write_pair(tmp_path / "lib")
    article = path.parent / "article.txt"
    broken = ARTICLE.replace("we will act soon", "we may act one day")
    with monkeypatch.context() as patch:
        _edit_during_read(patch, lambda: article.write_text(broken, encoding="utf-8"))
        first, _ = load(path)
    assert first.brief is not None  # read before the edit
    got = assert_fresh(path)
    assert got.brief is None  # the quote is no longer in the article


# -- results that must match a fresh load ---------------------------------------------------


def test_backlink_order_of_mentions_survives_the_cache(tmp_path):
    text = edit(
        VALID_BRIEF,
        "    title: Trade talks\n",
        "    title: Trade talks\n    notes: Ask [[gamma]].\n",
    )
    text = edit(
        text,
        "        quote: we will act soon\n",
        "        quote: we will act soon\n    notes: See [[gamma]].\n",
    )
    path = write_pair(tmp_path / "lib", text)
    load(path)
    got = assert_hit(path)
    expected = read_brief(path)
    assert expected.brief is not None
    assert got.brief is not None
    assert got.brief.links is not None
    assert expected.brief.links is not None
    assert got.brief.links.links_to("gamma") == expected.brief.links.links_to("gamma")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_dot_dot_through_a_symlink_is_another_file(tmp_path, monkeypatch):
    here = write_pair(tmp_path / "here", edit(VALID_BRIEF, "A test brief", "Brief here"))
    there = write_pair(tmp_path / "there", edit(VALID_BRIEF, "A test brief", "Brief there"))
    (there.parent / "inner").mkdir()
    (here.parent / "link").symlink_to(there.parent / "inner")
    monkeypatch.chdir(here.parent)
    odd = Path("link/../brief.yaml")
    assert read_brief(odd).brief.title == "Brief there"  # type: ignore[union-attr]
    assert_fresh(odd)
    got = assert_fresh(Path("brief.yaml"))
    assert got.brief is not None
    assert got.brief.title == "Brief here"


def test_a_file_name_that_is_not_utf8_keeps_the_cache_working(tmp_path, write_brief):
    from briefing_tui.core.library.cache import BriefCache

    odd = tmp_path / os.fsdecode(b"caf\xe9.yaml")  # a surrogate in the str path
    normal = write_brief()
    odd.write_bytes(normal.read_bytes())
    first = BriefCache(tmp_path / "odd-cache")
    for path in (odd, normal):
        assert first.load(path).brief is not None
    assert first.stats.write_errors == 0
    second = BriefCache(tmp_path / "odd-cache")
    for path in (odd, normal):
        assert second.load(path).brief is not None
    assert (second.stats.hits, second.stats.misses) == (2, 0)
