"""From article text to a :class:`Draft`: cleaned paragraphs, metadata, quotes with speakers,
actors and timeline candidates, ready to be written out as a skeleton brief."""

from __future__ import annotations

from dataclasses import dataclass, field

from .actors import Actor, ActorIndex
from .article import Article, read_article
from .quotes import Span, find_spans, is_statement
from .speakers import FoundQuote, SpeakerPhrase, attribute
from .timeline import DatedEvent, find_events

_PERSON = ("person",)
_NOT_PERSON = ("organisation", "outlet", "state", "group")
_PRONOUN_REACH = 3
_OFFICES = (
    "president",
    "minister",
    "leader",
    "premier",
    "chancellor",
)  # paragraphs back that "he said" may reach for the last speaker


@dataclass
class Draft:
    """Everything the drafter found in one article."""

    article: Article
    quotes: list[FoundQuote]
    actors: list[Actor]
    events: list[DatedEvent]
    unbalanced: list[int] = field(default_factory=list)  #: paragraphs whose marks do not pair


def draft_article(text: str) -> Draft:
    """Read ``text`` (a scraped article) into a :class:`Draft`."""
    article = read_article(text)
    paragraphs = article.paragraphs
    spans, unbalanced = find_spans(paragraphs)
    by_para: list[list[Span]] = [[] for _ in paragraphs]
    for span in spans:
        by_para[span.para - 1].append(span)
    index = ActorIndex()
    index.read(paragraphs, [[(s.start, s.end) for s in group] for group in by_para])

    quotes: list[FoundQuote] = []
    for number, group in enumerate(by_para, start=1):
        if not group:
            continue
        phrases = attribute(paragraphs[number - 1], group)
        for span, phrase in zip(group, phrases, strict=True):
            if is_statement(span, paragraphs[number - 1]):
                quotes.append(FoundQuote(span, phrase))
    _resolve_speakers(quotes, index)
    actors = _ordered_actors(index)
    events = find_events(paragraphs, article.published, index)
    return Draft(article, quotes, actors, events, unbalanced)


def _resolve_speakers(quotes: list[FoundQuote], index: ActorIndex) -> None:
    """Give every quote an actor: named, pronoun, description, or the speaker before it."""
    last: FoundQuote | None = None
    ahead: dict[int, Actor | None] = {}  # quotes already resolved for a neighbour before them
    for position, quote in enumerate(quotes):
        if position in ahead:
            actor = ahead.pop(position)
        else:
            actor = _resolve(quote, quote.phrase, index, last)
        if actor is None and quote.span.continued and last is not None and last.speaker:
            actor = index.actors.get(last.speaker)
            quote.notes.append("continues the quotation of the paragraph before")
        if actor is None:
            actor = _from_neighbours(quote, quotes, position, index, last, ahead)
        if actor is not None:
            quote.speaker = actor.name
            actor.speaker = True
        last = quote if quote.speaker else last
    # a quotation continued into the next paragraph: the whole chain has one speaker
    for position in range(len(quotes) - 1, 0, -1):
        quote, before = quotes[position], quotes[position - 1]
        unattributed = before.phrase is None or before.speaker is None
        if quote.span.continued and before.span.continues and quote.speaker and unattributed:
            before.speaker = quote.speaker


def _resolve(
    quote: FoundQuote, phrase: SpeakerPhrase | None, index: ActorIndex, last: FoundQuote | None
) -> Actor | None:
    if phrase is None:
        return None
    para, start = quote.para, quote.span.start
    if phrase.kind == "name":
        actor = index.person_for(phrase.text, para, start)
        if phrase.role and actor.role is None and actor.kind == "person":
            actor.role = phrase.role.strip(", ")
        return actor
    if phrase.kind == "pronoun":
        wanted = _PERSON if phrase.text in ("he", "she", "i") else _NOT_PERSON
        mention = index.latest_mention(para, start, wanted)
        named = mention.actor if mention is not None else None
        if mention is not None and mention.para == para:
            return mention.actor  # the person named last in this paragraph
        if last is not None and last.speaker and para - last.para <= _PRONOUN_REACH:
            speaker = index.actors.get(last.speaker)
            if speaker is not None and speaker.kind in wanted:
                return speaker
        found = named
        if found is None and phrase.text in ("they", "we"):
            found = index.latest(para, start, ("group", "state", "organisation"))
        return found
    if phrase.kind == "nominal":
        head = phrase.text.split()[-1].casefold() if phrase.text.split() else ""
        if head in ("editorial", "paper", "newspaper", "daily"):
            outlet = index.latest(para, start, ("outlet", "organisation"))
            if outlet is not None:
                return outlet
        if head in _OFFICES and last is not None and last.speaker:
            return index.actors.get(last.speaker)  # "the president said": the one just quoted
        return index.described(phrase.text, para)
    return None


def _from_neighbours(
    quote: FoundQuote,
    quotes: list[FoundQuote],
    position: int,
    index: ActorIndex,
    last: FoundQuote | None,
    ahead: dict[int, Actor | None],
) -> Actor | None:
    """No attribution of its own: the speaker of the quotation before it in the paragraph,
    else of the next one in the paragraph, else the last speaker if the paragraph before
    quoted them (a speech going on), else the last person named. A later quotation resolved
    here is kept in ``ahead``, so it is not resolved (and its speaker counted) twice."""
    if last is not None and last.para == quote.para and last.speaker:
        quote.notes.append("speaker taken from the quotation before it")
        return index.actors.get(last.speaker)
    for offset, later in enumerate(quotes[position + 1 :], start=position + 1):
        if later.para != quote.para:
            break
        if later.phrase is not None:
            if offset not in ahead:
                ahead[offset] = _resolve(later, later.phrase, index, last)
            actor = ahead[offset]
            if actor is not None:
                quote.notes.append("speaker taken from the quotation after it")
                return actor
    if last is not None and last.speaker and quote.para - last.para <= 1:
        quote.notes.append("speaker guessed: the last one quoted")
        return index.actors.get(last.speaker)
    person = index.latest(quote.para, quote.span.start, _PERSON)
    if person is not None:
        quote.notes.append("speaker guessed: the last person named")
    return person


def _ordered_actors(index: ActorIndex) -> list[Actor]:
    """Actors worth proposing, speakers first, then by mentions."""
    actors = [a for a in index.actors.values() if a.count or a.speaker]
    return sorted(actors, key=lambda a: (not a.speaker, -a.count, a.first_para, a.name))
