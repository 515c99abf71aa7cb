"""Writing a :class:`Draft` as a skeleton brief: valid YAML, commented, with TODO placeholders.

Placeholders are ordinary text that begins with ``TODO``: the brief validates as written, the
reader shows the TODOs where they stand, and ``briefing-tui validate --strict`` lists every one
left (see docs/draft.md).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..load.scalars import MAX_SLUG, slugify
from ..text.atomicfile import write_atomic
from ..text.markdown_escape import literal
from ..text.yamlstring import yaml_string
from .actors import Actor
from .drafter import Draft

TODO = "TODO"
_ISSUE_ID = "todo-issue"
_STOPWORDS = frozenset(
    "a an the and or but of to in on at for with we i it is are was were be have has had"
    " that this there not no our their his her its they he she you".split()
)


def skeleton_yaml(draft: Draft, text_name: str, *, made_from: str = "") -> str:
    """The brief of ``draft`` as YAML text; ``text_name`` is the cleaned source file's name."""
    article = draft.article
    ids = _Ids()
    actor_ids = {actor.name: ids.take(_actor_slug(actor)) for actor in draft.actors}
    out: list[str] = []
    add = out.append
    # File names may hold anything, a line break too: in a comment they go through _comment.
    add(
        "# Draft brief written by `briefing-tui draft`"
        + (f" from {_comment(made_from)}" if made_from else "")
        + "."
    )
    add("# It validates as written. Every text starting with TODO is for you to write;")
    add("# `briefing-tui validate --strict` lists the TODOs left. Check each proposal against")
    add(f"# the article ({_comment(text_name)}: the cleaned text, one paragraph per block;")
    add("# paragraph numbers below refer to it).")
    if article.dateline:
        add(f"# Dateline: {_comment(article.dateline)}")
    if draft.unbalanced:
        numbers = ", ".join(map(str, draft.unbalanced))
        add(f"# Quote marks do not pair up in paragraph(s) {numbers}: check the quotes there.")
    if not draft.quotes:
        add("# No direct quotations were found in the article.")
    if article.dropped:
        add("# Left out of the source text as scrape debris:")
        for line in article.dropped[:20]:
            add(f"#   {_comment(line, 100)}")
        if len(article.dropped) > 20:
            add(f"#   ... and {len(article.dropped) - 20} more")
    title = article.title or f"{TODO}: title of the article"
    add("format: 1")
    add(f"id: {ids.take(slugify(title) or 'draft')}")
    add(f"title: {yaml_string(title)}")
    summary = f"{TODO}: summarise the article in a few sentences, linking items by id in [[...]]."
    add(f"summary: {yaml_string(summary.replace('[[...]]', 'double brackets'))}")
    add("")
    add("source:")
    add(f"  title: {yaml_string(article.title or TODO + ': headline')}")
    add(f"  outlet: {_maybe(article.outlet)}")
    add(f"  author: {_maybe(article.author)}")
    add(f"  published: {article.published.isoformat() if article.published else 'null'}")
    add("  url: null")
    add(f"  text: {yaml_string(text_name)}")
    add("")
    add("# Actors named in the article, speakers of quotes first. Kinds and merges are guesses:")
    add("# fix them, delete the ones that play no part, add `part_of` links.")
    add("actors:")
    for actor in draft.actors:
        forms = ", ".join(f'"{_comment(m, 40)}"' for m in list(actor.mentions)[:6])
        add(f"  # {actor.count} mention{'s' if actor.count != 1 else ''}: {forms}")
        if actor.guess:
            add(f"  # guess: {_comment(actor.guess)}")
        add(f"  - id: {actor_ids[actor.name]}")
        add(f"    name: {yaml_string(actor.name)}")
        add(f"    kind: {actor.kind}")
        if actor.role:
            add(f"    role: {yaml_string(actor.role)}")
        parts = [actor_ids[p] for p in actor.part_of if p in actor_ids and p != actor.name]
        if parts:
            add(f"    part_of: [{', '.join(parts)}]")
    if not draft.actors:
        add("  []")
    add("")
    add("# The matters the actors take positions on: name them, and point each position at one.")
    add("issues:")
    add(f"  - id: {ids.take(_ISSUE_ID)}")
    add(f"    title: {yaml_string(TODO + ': the issue in a few words')}")
    add("")
    add("# One position per quoted speaker, seeded from their first quote: write the stance.")
    add("positions:")
    seeded: set[str] = set()
    for quote in draft.quotes:
        if quote.speaker is None or quote.speaker in seeded or quote.speaker not in actor_ids:
            continue
        seeded.add(quote.speaker)
        actor_id = actor_ids[quote.speaker]
        add(f"  - id: {ids.take(actor_id + '-position')}")
        add(f"    actor: {actor_id}")
        add(f"    issue: {_ISSUE_ID}")
        add(f"    stance: {yaml_string(f'{TODO}: what {quote.speaker} holds, in one sentence')}")
        add("    attribution: stated")
        add("    evidence:")
        add(f"      - para: {quote.para}")
        add(f"        quote: {yaml_string(quote.text)}")
    if not seeded:
        add("  []")
    add("")
    add("# What the article leaves open.")
    add("questions:")
    add(f"  - id: {ids.take('todo-question')}")
    add(f"    text: {yaml_string(TODO + ': a question the article raises')}")
    add(f"    bears_on: [{_ISSUE_ID}]")
    add("")
    add("# Direct quotations, verbatim, with the paragraph that holds each.")
    add("quotes:")
    written = 0
    for quote in draft.quotes:
        if quote.speaker is None or quote.speaker not in actor_ids:
            add(f"  # no speaker found for paragraph {quote.para}: {_comment(quote.text, 80)}")
            continue
        actor_id = actor_ids[quote.speaker]
        add(f"  - id: {ids.take(_slug_of(actor_id, quote.text))}")
        add(f"    speaker: {actor_id}")
        add(f"    text: {yaml_string(quote.text)}")
        add(f"    para: {quote.para}")
        form = quote.phrase.form if quote.phrase is not None else ""
        notes = [n for n in ([form] if form else []) + quote.notes if n]
        if notes:
            add(f"    # found as: {_comment('; '.join(notes))}")
        written += 1
    if not written:
        add("  []")
    add("")
    add("# Dated events. Dates resolved from weekdays are guesses against the publication date.")
    add("timeline:")
    undated: list[str] = []
    events = 0
    for event in draft.events:
        if event.date is None:
            undated.append(f"paragraph {event.para}: {event.written!r}: {event.sentence}")
            continue
        add(f"  - id: {ids.take(_slug_of(event.date.isoformat(), event.sentence))}")
        add(f"    date: {event.date.isoformat()}")
        add(f"    text: {yaml_string(literal(event.sentence))}")
        refs = [actor_ids[name] for name in event.actors if name in actor_ids]
        if refs:
            add(f"    actors: [{', '.join(refs)}]")
        add("    evidence:")
        add(f"      - para: {event.para}")
        add(f"    # written: {_comment(event.written)}")
        events += 1
    if not events:
        add("  []")
    if undated:
        add("# Dated in words only (no publication date or year to resolve them against):")
        for line in undated[:30]:
            add(f"#   {_comment(line, 110)}")
    return "\n".join(out) + "\n"


def write_draft(
    draft: Draft, brief_path: Path, *, article_name: str = "", text_name: str = ""
) -> Path:
    """Write the cleaned source text and the skeleton brief beside it; returns the text path.

    Both files are written atomically. Callers check for existing files first.
    """
    text_name = text_name or brief_path.with_suffix(".txt").name
    text_path = brief_path.parent / text_name
    write_atomic(text_path, draft.article.source_text())
    write_atomic(brief_path, skeleton_yaml(draft, text_name, made_from=article_name))
    return text_path


class _Ids:
    """Unique ids: a second "zelensky" becomes "zelensky-2"."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def take(self, wanted: str) -> str:
        base = (wanted or "item")[:MAX_SLUG].strip("-") or "item"
        candidate, number = base, 2
        while candidate in self.taken:
            suffix = f"-{number}"
            candidate = base[: MAX_SLUG - len(suffix)].strip("-") + suffix
            number += 1
        self.taken.add(candidate)
        return candidate


def _actor_slug(actor: Actor) -> str:
    if actor.kind == "person" and len(actor.name.split()) > 1 and not actor.guess:
        return slugify(actor.name.split()[-1]) or slugify(actor.name)
    return slugify(actor.name) or "actor"


def _slug_of(prefix: str, text: str) -> str:
    """An id from ``prefix`` and the first three telling words of ``text``."""
    words = [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOPWORDS]
    return slugify(f"{prefix} {' '.join(words[:3])}")


def _maybe(value: str | None) -> str:
    return yaml_string(value) if value else "null"


def _comment(text: str, limit: int = 200) -> str:
    """Text safe inside a YAML comment: one line, no control characters, cut to ``limit``."""
    line = re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+", " ", text).strip()
    return line if len(line) <= limit else line[: limit - 3] + "..."
