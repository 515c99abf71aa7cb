"""Measure `briefing-tui draft` against hand-made gold labels.

    python bench/draft_eval.py [-v]

For every article in bench/draft_eval/articles with a gold file in bench/draft_eval/gold (see
bench/draft_eval/GOLD.md), drafts a brief and prints: quote recall and precision (text match
after folding whitespace, quote marks, dashes, case and end punctuation), speaker accuracy on
the quotes found (the drafted speaker is one of the gold speaker's names), actor recall (a gold
actor whose name or an alias is a drafted actor's name or mention), and whether the written
draft passes `briefing-tui validate`. Then the totals, and the time to draft a 10,000-word
article. `-v` lists the misses.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import yaml

from briefing_tui.core.brief.article import fold
from briefing_tui.core.draft import draft_article, write_draft
from briefing_tui.core.load.loader import load_brief
from briefing_tui.core.load.problems import BriefError

HERE = Path(__file__).resolve().parent / "draft_eval"
TARGETS = {
    "quote recall": 0.90,
    "quote precision": 0.90,
    "speaker accuracy": 0.85,
    "actor recall": 0.80,
}


def norm(text: str) -> str:
    """Text as compared: folded, lower case, without punctuation at either end."""
    return re.sub(r"^[\W_]+|[\W_]+$", "", fold(text)).casefold()


def evaluate(article: Path, gold: dict, verbose: bool) -> dict[str, int]:
    draft = draft_article(article.read_text(encoding="utf-8"))
    names_of: dict[str, set[str]] = {}
    for actor in gold.get("actors") or []:
        names = {norm(actor["name"])} | {norm(a) for a in actor.get("aliases") or []}
        names_of[norm(actor["name"])] = names
        for alias in actor.get("aliases") or []:
            names_of.setdefault(norm(alias), names)
    drafted_names = {a.name: {norm(a.name)} | {norm(m) for m in a.mentions} for a in draft.actors}

    gold_quotes = [(norm(q["text"]), q.get("speaker")) for q in gold.get("quotes") or []]
    left = Counter(text for text, _ in gold_quotes)
    found = matched_speaker = judged = 0
    false_positives: list[str] = []
    speaker_misses: list[str] = []
    for quote in draft.quotes:
        key = norm(quote.text)
        if left[key] <= 0:
            false_positives.append(quote.text)
            continue
        left[key] -= 1
        found += 1
        speaker = next(s for t, s in gold_quotes if t == key)
        if speaker is None:
            continue
        judged += 1
        wanted = names_of.get(norm(speaker), {norm(speaker)})
        mine = drafted_names.get(quote.speaker or "", set())
        if wanted & mine:
            matched_speaker += 1
        else:
            speaker_misses.append(f"{quote.text[:60]!r}: {quote.speaker} (gold {speaker})")
    missed_quotes = [t for t, n in left.items() for _ in range(n)]
    all_drafted = set().union(*drafted_names.values()) if drafted_names else set()
    gold_actors = gold.get("actors") or []
    actors_found = [a for a in gold_actors if names_of[norm(a["name"])] & all_drafted]
    missed_actors = [a["name"] for a in gold_actors if a not in actors_found]

    with tempfile.TemporaryDirectory() as folder:
        brief_path = Path(folder) / "draft.yaml"
        write_draft(draft, brief_path, article_name=article.name)
        try:
            load_brief(brief_path)
            valid = 1
        except BriefError as exc:
            valid = 0
            print(f"  INVALID: {exc}")
    if verbose:
        for text in missed_quotes:
            print(f"  missed quote: {text[:90]!r}")
        for text in false_positives:
            print(f"  extra quote:  {text[:90]!r}")
        for line in speaker_misses:
            print(f"  speaker:      {line}")
        if missed_actors:
            print(f"  missed actors: {', '.join(missed_actors)}")
    return {
        "gold quotes": len(gold_quotes),
        "drafted quotes": len(draft.quotes),
        "found": found,
        "speakers judged": judged,
        "speakers right": matched_speaker,
        "gold actors": len(gold_actors),
        "actors found": len(actors_found),
        "valid": valid,
    }


def ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def speed(*, one_paragraph: bool = False) -> tuple[int, float]:
    """Seconds to draft a 10,000-word article made of the evaluation articles, best of 3: in
    paragraphs of about 100 words, or as one paragraph (a transcript with no breaks)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((HERE / "articles").glob("*.txt"))]
    body = "\n\n".join(texts)
    while len(body.split()) < 10_000:
        body += "\n\n" + body
    words = body.split()[:10_000]
    text = " ".join(words)
    if not one_paragraph:
        text = "\n\n".join(text[i : i + 600] for i in range(0, len(text), 600))
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        draft_article(text)
        best = min(best, time.perf_counter() - start)
    return len(text.split()), best


def main() -> int:
    verbose = "-v" in sys.argv
    totals: Counter[str] = Counter()
    header = (
        f"{'article':46} {'quotes':>7} {'recall':>7} {'prec':>6} {'speaker':>8} {'actors':>7} valid"
    )
    print(header)
    for gold_path in sorted((HERE / "gold").glob("*.yaml")):
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        article = HERE / "articles" / gold["article"]
        if verbose:
            print(f"{article.name}:")
        row = evaluate(article, gold, verbose)
        totals.update(row)
        print(
            f"{article.stem[:46]:46} {row['gold quotes']:>7} "
            f"{ratio(row['found'], row['gold quotes']):>7.0%} "
            f"{ratio(row['found'], row['drafted quotes']):>6.0%} "
            f"{ratio(row['speakers right'], row['speakers judged']):>8.0%} "
            f"{ratio(row['actors found'], row['gold actors']):>7.0%} "
            f"{'yes' if row['valid'] else 'NO':>5}"
        )
        totals["articles"] += 1
    figures = {
        "quote recall": ratio(totals["found"], totals["gold quotes"]),
        "quote precision": ratio(totals["found"], totals["drafted quotes"]),
        "speaker accuracy": ratio(totals["speakers right"], totals["speakers judged"]),
        "actor recall": ratio(totals["actors found"], totals["gold actors"]),
    }
    print()
    print(
        f"articles: {totals['articles']}, gold quotes: {totals['gold quotes']},"
        f" gold actors: {totals['gold actors']}"
    )
    for name, value in figures.items():
        verdict = "ok" if value >= TARGETS[name] else "BELOW TARGET"
        print(f"{name:17} {value:6.1%}  (target {TARGETS[name]:.0%}: {verdict})")
    print(f"drafts valid      {totals['valid']}/{totals['articles']}")
    words, seconds = speed()
    print(f"speed             {words:,} words drafted in {seconds * 1000:.0f} ms")
    words, seconds = speed(one_paragraph=True)
    print(f"                  the same as one paragraph: {seconds * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
