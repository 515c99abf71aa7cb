"""A generator of large, valid synthetic briefs for the benchmarks."""

from __future__ import annotations

import random
from pathlib import Path

WORDS = [
    "ceasefire",
    "security",
    "guarantees",
    "troops",
    "coalition",
    "envoy",
    "progress",
    "framework",
    "prosperity",
    "plan",
    "elections",
    "parliament",
    "commission",
    "proposal",
    "border",
    "forces",
    "threat",
    "conference",
    "leaders",
    "partners",
    "answer",
    "question",
    "agreement",
    "statement",
    "resolution",
    "war",
    "peace",
    "talks",
    "sanctions",
    "trade",
    "deficit",
]


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def write_brief(
    folder: Path,
    items: int = 10_000,
    seed: int = 1,
    name: str = "synthetic",
    published: str = "2026-01-09",
) -> Path:
    """Write a valid brief of about ``items`` items and its article into ``folder``.

    Roughly 500 bytes of YAML per item: 10,000 items make a brief of about 5 MB. Ids repeat
    from brief to brief (actor-0, issue-0, ...), as the same actors recur across a library.
    """
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    n_actors = max(2, items // 10)
    n_issues = max(1, items // 20)
    n_paragraphs = max(10, items // 4)
    rest = items - n_actors - n_issues
    n_positions, n_quotes = rest // 2, rest // 4
    n_questions = rest // 8
    n_events = rest - n_positions - n_quotes - n_questions
    paragraphs = [
        " ".join(_sentence(rng, rng.randint(8, 20)) for _ in range(rng.randint(2, 5)))
        for _ in range(n_paragraphs)
    ]
    article = folder / f"{name}.txt"
    article.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")

    def evidence(indent: str) -> str:
        number = rng.randrange(n_paragraphs)
        words = paragraphs[number].split()
        start = rng.randrange(max(1, len(words) - 6))
        quote = " ".join(words[start : start + 6])
        return f"{indent}- para: {number + 1}\n{indent}  quote: {quote}\n"

    out = [
        "# yaml-language-server: $schema=../briefing_tui/schema/brief.schema.json\n",
        f"format: 1\nid: {name}\ntitle: {_sentence(rng, 6)[:-1]} ({name})\n",
        "summary: |\n  A generated brief for benchmarks; see [[actor-0]] and [[issue-0]].\n",
        f"source:\n  title: Synthetic article\n  outlet: Bench\n  author: null\n"
        f"  published: {published}\n  url: null\n  text: {article.name}\n",
        "actors:\n",
    ]
    for i in range(n_actors):
        out.append(
            f"  - id: actor-{i}\n    name: Actor Number {i}\n    kind: person\n"
            f"    role: {_sentence(rng, 4)}\n"
            f"    notes: |\n      Works with [[actor-{(i + 1) % n_actors}]]. {_sentence(rng, 12)}\n"
        )
    out.append("issues:\n")
    for i in range(n_issues):
        out.append(f"  - id: issue-{i}\n    title: {_sentence(rng, 5)}\n")
    out.append("positions:\n")
    for i in range(n_positions):
        out.append(
            f"  - id: position-{i}\n    actor: actor-{rng.randrange(n_actors)}\n"
            f"    issue: issue-{rng.randrange(n_issues)}\n    stance: {_sentence(rng, 30)}\n"
            f"    attribution: reported\n    evidence:\n"
            + evidence("      ")
            + evidence("      ")
            + f"    notes: |\n      {_sentence(rng, 25)}\n      See [[issue-{i % n_issues}]].\n"
        )
    out.append("questions:\n")
    for i in range(n_questions):
        bears = ", ".join(f"position-{rng.randrange(n_positions)}" for _ in range(2))
        out.append(
            f"  - id: question-{i}\n    text: {_sentence(rng, 10)[:-1]}?\n"
            f"    bears_on: [{', '.join(dict.fromkeys(bears.split(', ')))}]\n"
        )
    out.append("quotes:\n")
    for i in range(n_quotes):
        number = rng.randrange(n_paragraphs)
        words = paragraphs[number].split()
        start = rng.randrange(max(1, len(words) - 20))
        out.append(
            f"  - id: quote-{i}\n    speaker: actor-{rng.randrange(n_actors)}\n"
            f"    text: {' '.join(words[start : start + 20])}\n    para: {number + 1}\n"
            f"    context: {_sentence(rng, 12)}\n"
        )
    out.append("timeline:\n")
    for i in range(n_events):
        out.append(
            f"  - id: event-{i}\n    date: 2026-01-{1 + i % 28:02d}\n"
            f"    text: {_sentence(rng, 25)}\n    actors: [actor-{rng.randrange(n_actors)}]\n"
            f"    evidence:\n" + evidence("      ")
        )
    brief = folder / f"{name}.yaml"
    brief.write_text("".join(out), encoding="utf-8")
    return brief
