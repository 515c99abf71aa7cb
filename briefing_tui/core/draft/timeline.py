"""Timeline candidates: sentences with a date, resolved to a day where the text allows.

An explicit full date ("March 3, 2019", "3 March 2019", "2019-03-03") is taken as written. A
month and day without a year ("Thursday, Jan. 8") and a weekday ("on Friday", "last Friday")
are resolved against the publication date when the article states one: the day on or before
it (news reports what has happened), or after it for "next Friday". Without a publication date
they stay text for the analyst.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..load.scalars import parse_date
from .article import MONTH_PATTERN, day_of, month_number
from .tokens import sentence_starts

if TYPE_CHECKING:
    from .actors import ActorIndex, Mention

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{MONTH_PATTERN})"
    rf"|(?P<m2>{MONTH_PATTERN})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b)"
    rf"(?:,?\s+(?P<year>\d{{4}}))?"
    rf"|\b(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})\b"
    rf"|\b(?P<rel>last|next|this|on|since|until|by)?\s*(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_MAX_TEXT = 300


@dataclass
class DatedEvent:
    """A sentence that dates something: its paragraph, words, the date as written and as a day."""

    para: int
    sentence: str
    written: str
    date: dt.date | None
    actors: list[str] = field(default_factory=list)


def find_events(
    paragraphs: list[str], published: dt.date | None, index: ActorIndex | None = None
) -> list[DatedEvent]:
    """Every dated sentence of the article, in order, one event per sentence."""
    events: list[DatedEvent] = []
    by_para: dict[int, list[Mention]] = {}
    for mention in index.mentions if index is not None else ():
        by_para.setdefault(mention.para, []).append(mention)
    for number, text in enumerate(paragraphs, start=1):
        for begin, end in itertools.pairwise([*sentence_starts(text), len(text)]):
            sentence = text[begin:end].strip()
            match = _DATE.search(sentence)
            if match is None or _inside_quote(sentence, match.start()):
                continue
            date = _resolve(match, published)
            actors: list[str] = []
            for mention in by_para.get(number, ()):
                if begin <= mention.start < end and mention.actor.name not in actors:
                    actors.append(mention.actor.name)
            events.append(
                DatedEvent(number, sentence[:_MAX_TEXT], match.group(0).strip(), date, actors)
            )
    return events


def _inside_quote(sentence: str, index: int) -> bool:
    before = sentence[:index]
    return (before.count('"') % 2 == 1) or before.count("“") > before.count("”")


def _resolve(match: re.Match[str], published: dt.date | None) -> dt.date | None:
    if match.group("iso"):
        return parse_date(match.group("iso"))
    if match.group("wd"):
        if published is None:
            return None
        weekday = _WEEKDAYS.index(match.group("wd").casefold())
        delta = (published.weekday() - weekday) % 7
        if (match.group("rel") or "").casefold() == "next":
            return published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)
        if (match.group("rel") or "").casefold() == "last" and delta == 0:
            delta = 7
        return published - dt.timedelta(days=delta)
    month = month_number(match.group("m1") or match.group("m2"))
    day = int(match.group("d1") or match.group("d2"))
    if month is None:
        return None
    if match.group("year"):
        return day_of(int(match.group("year")), month, day)
    if published is None:
        return None
    year = published.year
    if month > published.month + 1:
        year -= 1  # "Dec. 30" in an article of January 2
    return day_of(year, month, day)
