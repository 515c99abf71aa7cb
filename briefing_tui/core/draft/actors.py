"""Actors named in an article: people, states and organisations, with their mentions merged.

Names are runs of capitalised words. Each run is read with the lists of :mod:`.names`: a
state, its demonym ("Russian officials") or its capital acting ("Moscow said", a guess), an
organisation (by its words: "Ministry", "Council"; acronyms), an outlet, or a person (a title,
or two or more name words). Mentions merge: "Mr Abbas" and "Abbas" join "Mahmoud Abbas";
"Ukraine's Zelensky" is Zelensky, part of Ukraine.

Kept whole (about 480 lines): reading and merging are one pass over the text. Each name read is
looked up among the actors found so far (a surname joins its person, a capital its state, a
single word counts as a person once it recurs), and :class:`ActorIndex` holds both the reading
and that state; split apart, each half would reach into the other's.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .names import (
    CAPITALS,
    COMMON_WORDS,
    DEMONYMS,
    HONORIFICS,
    KNOWN_ORGS,
    ORG_WORDS,
    OUTLETS,
    PARTICLES,
    PERSON_TITLES,
    PLACES,
    STATE_NAMES,
)
from .tokens import Token, sentence_starts, tokenize

_CONNECTORS = frozenset("of for".split())
_PREFIXED = re.compile(r"^(?:al|el|ad|as|ash|at|bin|ibn|abu|de|van|von)-[A-Z]")
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z]{2,6}s?$")
_NOT_ACRONYMS = frozenset("TV CEO CFO GDP GSP OK AM PM USD EUR II III IV LNG CW A.M. P.M.".split())
_LOCATIVE = frozenset("in at from to into near across through around inside outside".split())
_VERBISH = re.compile(r"^(?:[a-z]+(?:ed|es|s)|has|had|have|is|was|will|would|could|can|must)$")


@dataclass
class Actor:
    """An actor the draft proposes."""

    name: str
    kind: str
    role: str | None = None
    mentions: dict[str, int] = field(default_factory=dict)
    part_of: list[str] = field(default_factory=list)  #: names of states it belongs to
    guess: str | None = None  #: why a reading is a guess, for the analyst
    first_para: int = 0
    speaker: bool = False

    @property
    def count(self) -> int:
        """How often the article names it."""
        return sum(self.mentions.values())

    def mention(self, text: str, para: int) -> None:
        """Count one mention as written."""
        self.mentions[text] = self.mentions.get(text, 0) + 1
        if not self.first_para or para < self.first_para:
            self.first_para = para

    @property
    def surname(self) -> str:
        """The last word of a person's name (what "Mr X" and a bare "X" refer to)."""
        return self.name.split()[-1]


@dataclass
class Mention:
    """One name in the text: where, as what, and whether it lies inside a quotation."""

    para: int
    start: int
    text: str
    actor: Actor
    in_quote: bool


class ActorIndex:
    """The actors of one article and every mention of them, in text order."""

    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        self.mentions: list[Mention] = []
        self._places: set[str] = set()  #: single words seen after "in", "at", "from"...
        self._in_order = True  #: whether :attr:`mentions` is sorted by place in the text

    # --- reading ----------------------------------------------------------------------------

    def read(self, paragraphs: list[str], quoted: list[list[tuple[int, int]]]) -> None:
        """Find the names of every paragraph (``quoted``: each paragraph's quotation spans)."""
        lowercase = _lowercase_words(paragraphs)
        singles: list[tuple[int, int, str, bool, str | None, bool]] = []
        for number, text in enumerate(paragraphs, start=1):
            starts = set(sentence_starts(text))
            tokens = tokenize(text)
            spans = quoted[number - 1]  # in text order, not overlapping
            span_starts = [s for s, _ in spans]
            for run, before, after in _runs(tokens):
                inside = bisect.bisect_right(span_starts, run[0].start) - 1
                in_quote = inside >= 0 and run[0].start < spans[inside][1]
                sentence_initial = run[0].start in starts or (
                    before is not None and before.text in "\"“‘'(—–:"
                )
                self._read_run(
                    number, run, before, after, in_quote, sentence_initial, lowercase, singles
                )
        unknown: dict[str, int] = {}
        for _, _, word, _, _, _ in singles:
            unknown[word] = unknown.get(word, 0) + 1
        for number, start, word, in_quote, verb_after, possessive in singles:
            self._read_single(number, start, word, in_quote, verb_after, possessive, unknown[word])
        self._sort()

    def _sort(self) -> None:
        if not self._in_order:
            self.mentions.sort(key=_place)
            self._in_order = True

    def _read_run(
        self,
        para: int,
        run: list[Token],
        before: Token | None,
        after: Token | None,
        in_quote: bool,
        sentence_initial: bool,
        lowercase: set[str],
        singles: list[tuple[int, int, str, bool, str | None, bool]],
    ) -> None:
        words = [t.text for t in run]
        if sentence_initial and (words[0] in COMMON_WORDS or words[0].casefold() in lowercase):
            run, words = run[1:], words[1:]
            before = None
        while run and (words[0] in COMMON_WORDS and words[0] not in HONORIFICS):
            run, words = run[1:], words[1:]
        while run and words[-1] in _CONNECTORS | PARTICLES:
            run, words = run[:-1], words[:-1]
        if not run:
            return
        possessive = bool(_POSSESSIVE.search(words[-1]))
        if possessive:
            words[-1] = _POSSESSIVE.sub("", words[-1])
        text = " ".join(words)
        start = run[0].start
        # A state or demonym heading a longer run: "Turkish Foreign Minister X", "Russia's Lavrov"
        if len(words) > 1 and (words[0] in DEMONYMS or _strip_pos(words[0]) in STATE_NAMES):
            state = DEMONYMS.get(words[0]) or STATE_NAMES[_strip_pos(words[0])]
            rest_tokens = run[1:]
            if _strip_pos(words[0]) != words[0] or words[1] in PERSON_TITLES or len(words) > 2:
                self._add_state(state, para, start, words[0], in_quote)
                rest = " ".join(words[1:])
                person = self._read_phrase(
                    para, rest_tokens[0].start, rest, words[1:], in_quote, possessive, after
                )
                if person is not None and person.kind == "person":
                    if state not in person.part_of:
                        person.part_of.append(state)
                    if _strip_pos(words[0]) == words[0] and person.role is not None:
                        person.role = f"{words[0]} {person.role}"
                return
        if after is not None and after.text.casefold() in _OUTLET_HEADS and len(words) <= 4:
            self._add(text, "outlet", para, start, text, in_quote)
            return
        if len(words) == 1:
            verb_after = after.text if after is not None else None
            if before is not None and before.text.casefold() in _LOCATIVE:
                self._places.add(words[0])
            singles.append((para, start, words[0], in_quote, verb_after, possessive))
            return
        self._read_phrase(para, start, text, words, in_quote, possessive, after)

    def _read_phrase(
        self,
        para: int,
        start: int,
        text: str,
        words: list[str],
        in_quote: bool,
        possessive: bool,
        after: Token | None,
    ) -> Actor | None:
        if text in PLACES or (text in CAPITALS and not (possessive or _acts(after))):
            return None
        listed = self._add_listed(text, para, start, in_quote)
        if listed is not None:
            return listed
        if text in CAPITALS:
            return self._add_capital(text, para, start, in_quote)
        titles = 0
        while titles < len(words) - 1 and (
            words[titles] in PERSON_TITLES or words[titles].rstrip(".") in ("Sen", "Rep", "Gov")
        ):
            titles += 1
        name_words = words[titles:]
        if any(w in ORG_WORDS for w in name_words) or (
            titles == 0 and any(w in ORG_WORDS for w in words)
        ):
            kind = "outlet" if any(w in _OUTLET_WORDS for w in words) else "organisation"
            return self._add(text, kind, para, start, text, in_quote)
        if len(name_words) == 1 and _ACRONYM.match(name_words[0]):
            if name_words[0] in _NOT_ACRONYMS:
                return None
            return self._add(name_words[0], "organisation", para, start, text, in_quote)
        if titles == 0 and any(
            w in _NOT_NAME_WORDS or ("-" in w and w.split("-")[-1] in DEMONYMS) for w in words
        ):
            return None
        if len(name_words) == 1 and titles == 0:
            return None
        if len(name_words) > 3:  # "Reuters Editor-in-Chief Alessandra Galloni"
            titles += len(name_words) - 2
            name_words = name_words[-2:]
        role_words = [w for w in words[:titles] if w not in HONORIFICS]
        actor = self._add_person(" ".join(name_words), para, start, text, in_quote)
        if role_words and actor.role is None:
            actor.role = " ".join(role_words)
        return actor

    def _read_single(
        self,
        para: int,
        start: int,
        word: str,
        in_quote: bool,
        verb_after: str | None,
        possessive: bool,
        times: int = 1,
    ) -> None:
        if (
            word.isupper()
            and len(word) > 3
            and (word.title() in CAPITALS or word.title() in PLACES or word.title() in STATE_NAMES)
        ):
            word = word.title()  # a dateline's "MOSCOW" is the place, not an acronym
        if self._add_listed(word, para, start, in_quote) is not None:
            return
        if word in CAPITALS:
            if possessive or (verb_after is not None and _VERBISH.match(verb_after)):
                self._add_capital(word, para, start, in_quote)
        elif word in PLACES or word in COMMON_WORDS or word in PERSON_TITLES:
            return
        elif (_ACRONYM.match(word) and word not in _NOT_ACRONYMS) or (
            word in ORG_WORDS and word not in _GENERIC_ORG_WORDS
        ):
            self._add(word, "organisation", para, start, word, in_quote)
        else:
            person = self._person_by_surname(word)
            speaks = (verb_after or "") in _SPEECH
            if person is None and (speaks or (times >= 2 and word not in self._places)):
                person = self._add(word, "person", para, start, word, in_quote)
                person.guess = "named by one word only: check it is a person"
                return
            if person is not None:
                self._count(person, para, start, word, in_quote)

    # --- adding -----------------------------------------------------------------------------

    def _count(self, actor: Actor, para: int, start: int, text: str, in_quote: bool) -> None:
        """Record one mention of ``actor`` as ``text``."""
        actor.mention(text, para)
        self.mentions.append(Mention(para, start, text, actor, in_quote))
        self._in_order = False

    def _add(self, name: str, kind: str, para: int, start: int, text: str, in_quote: bool) -> Actor:
        actor = self.actors.get(name)
        if actor is None:
            actor = self.actors[name] = Actor(name, kind)
        self._count(actor, para, start, text, in_quote)
        return actor

    def _add_listed(self, text: str, para: int, start: int, in_quote: bool) -> Actor | None:
        """The actor of a name on the word lists (an organisation, a state by its name or
        demonym, an outlet), counted; None for a name on none of them."""
        if text in KNOWN_ORGS:
            return self._add(KNOWN_ORGS[text], "organisation", para, start, text, in_quote)
        if text in STATE_NAMES:
            return self._add_state(STATE_NAMES[text], para, start, text, in_quote)
        if text in DEMONYMS:
            return self._add_state(DEMONYMS[text], para, start, text, in_quote)
        if text in OUTLETS:
            return self._add(text.removeprefix("The "), "outlet", para, start, text, in_quote)
        return None

    def _add_capital(self, text: str, para: int, start: int, in_quote: bool) -> Actor:
        """A capital acting ("Moscow said"): its state, marked as a guess."""
        actor = self._add_state(CAPITALS[text], para, start, text, in_quote)
        actor.guess = actor.guess or f'"{text}" read as the government of {actor.name}'
        return actor

    def _add_state(self, name: str, para: int, start: int, text: str, in_quote: bool) -> Actor:
        return self._add(name, "state", para, start, _strip_pos(text), in_quote)

    def _add_person(self, name: str, para: int, start: int, text: str, in_quote: bool) -> Actor:
        existing = self._person_by_name(name)
        if existing is not None:
            if len(name.split()) > len(existing.name.split()):
                self._rename(existing, name)
            self._count(existing, para, start, text, in_quote)
            return existing
        return self._add(name, "person", para, start, text, in_quote)

    def _rename(self, actor: Actor, name: str) -> None:
        del self.actors[actor.name]
        actor.name = name
        self.actors[name] = actor

    def _person_by_name(self, name: str) -> Actor | None:
        words = name.split()
        for actor in self.actors.values():
            if actor.kind != "person":
                continue
            theirs = actor.name.split()
            if theirs == words:
                return actor
            shorter, longer = sorted((words, theirs), key=len)
            if longer[-len(shorter) :] == shorter and len(shorter) < len(longer):
                return actor
            if _bare(theirs[-1]) == _bare(words[-1]) and (
                len(shorter) == 1 or theirs[0] == words[0]
            ):
                return actor
        return None

    def _person_by_surname(self, word: str) -> Actor | None:
        bare = _bare(word)
        for actor in self.actors.values():
            if actor.kind == "person" and _bare(actor.surname) == bare:
                return actor
        return None

    def person_for(self, name: str, para: int, start: int = 0) -> Actor:
        """The person actor for a speaker's name, added (as a speaker) if not yet known."""
        words = [w for w in name.split() if w not in HONORIFICS]
        clean = " ".join(words) or name
        if clean not in DEMONYMS:  # a speaker named "Russian" is not the state
            listed = self._add_listed(clean, para, start, False)
            if listed is not None:
                return listed
        for actor in self.actors.values():
            if actor.name == clean or clean in actor.mentions:
                return actor
        existing = self._person_by_name(clean)
        if existing is not None:
            return existing
        kind = "organisation" if any(w in ORG_WORDS for w in words) else "person"
        if len(words) == 1 and _ACRONYM.match(clean):
            kind = "organisation"
        return self._add(clean, kind, para, start, name, False)

    def described(self, text: str, para: int) -> Actor:
        """An actor named by a description ("a senior Taiwanese trade official")."""
        words = text.split()
        if words and words[0].casefold() in ("the", "a", "an", "another"):
            words = words[1:]
        name = " ".join(words) or text
        name = name[:1].upper() + name[1:]
        head = words[-1].casefold() if words else ""
        kind = "group" if head.endswith("s") and not head.endswith("ss") else "person"
        if any(w in ORG_WORDS or w.casefold() in _ORG_HEADS for w in words[-1:]):
            kind = "organisation"
        actor = self.actors.get(name)
        if actor is None:
            actor = self.actors[name] = Actor(name, kind)
            actor.guess = "an unnamed speaker: name them if the article does elsewhere"
        actor.mention(text, para)
        return actor

    def latest_mention(self, para: int, start: int, kinds: tuple[str, ...]) -> Mention | None:
        """The last mention, outside quotations and before ``para``:``start``, of an actor of
        one of ``kinds``."""
        self._sort()  # speakers found by their attribution are added after the reading
        before = bisect.bisect_left(self.mentions, (para, start), key=_place)
        for mention in reversed(self.mentions[:before]):
            if not mention.in_quote and mention.actor.kind in kinds:
                return mention
        return None

    def latest(self, para: int, start: int, kinds: tuple[str, ...]) -> Actor | None:
        """The actor of :meth:`latest_mention`."""
        mention = self.latest_mention(para, start, kinds)
        return mention.actor if mention is not None else None


_OUTLET_HEADS = frozenset("newspaper daily paper magazine weekly agency broadcaster".split())
_SPEECH = frozenset("said says told added wrote argued warned tweeted".split())
_OUTLET_WORDS = frozenset("Times Post Journal News Herald Tribune Telegraph Gazette Daily".split())
_GENERIC_ORG_WORDS = frozenset(
    """House Office Court Party Union Group Force Forces Service Government Administration
    Cabinet Regime Front Movement Board Mission Command Society Church Center Centre Network
    Radio Television Channel Watch Trust Press Post News Daily Times""".split()
)
_ORG_HEADS = frozenset(
    "ministry government embassy paper newspaper editorial statement agency office committee"
    " council army police company firm report".split()
)
_NOT_NAME_WORDS = frozenset(
    """Act Law Bill Treaty Accord Accords Agreement Plan Report Day War Street Avenue Road Square
    Province Region Sea Ocean River Island Islands Mountains Valley Airport Station Hotel Summit
    Conference Olympics Cup Prize Award Games Week Month Year Program Programme Initiative
    System Doctrine Protocol Convention Declaration Charter Constitution Amendment""".split()
)


def _place(mention: Mention) -> tuple[int, int]:
    return mention.para, mention.start


def _acts(after: Token | None) -> bool:
    return after is not None and bool(_VERBISH.match(after.text))


def _bare(word: str) -> str:
    return re.sub(r"^(?:al|el|ad|as|ash|at|bin|ibn|abu)-", "", word).casefold()


def _strip_pos(word: str) -> str:
    return _POSSESSIVE.sub("", word)


def _lowercase_words(paragraphs: list[str]) -> set[str]:
    words: set[str] = set()
    for text in paragraphs:
        words.update(w for w in re.findall(r"\b[a-z][a-z’']+\b", text))
    return words


def is_name_token(token: Token) -> bool:
    """A word that can be part of a name: capitalised, or 'al-Assad'."""
    return token.is_word and (token.capitalised or bool(_PREFIXED.match(token.text)))


def _runs(tokens: list[Token]) -> list[tuple[list[Token], Token | None, Token | None]]:
    """Runs of name words (with particles and 'of' between name words), each with the tokens
    just before and after it."""
    runs: list[tuple[list[Token], Token | None, Token | None]] = []
    index = 0
    while index < len(tokens):
        if not is_name_token(tokens[index]) or tokens[index].text == "I":
            index += 1
            continue
        start = index
        index += 1
        while index < len(tokens):
            token = tokens[index]
            if is_name_token(token) and token.text != "I":
                if _POSSESSIVE.search(tokens[index - 1].text) or token.text in _BREAKS:
                    break  # "Ukraine's Zelensky": two names
                index += 1
                continue
            nxt = tokens[index + 1] if index + 1 < len(tokens) else None
            if (
                token.text in PARTICLES | _CONNECTORS
                and nxt is not None
                and is_name_token(nxt)
                and not _POSSESSIVE.search(tokens[index - 1].text)
                and (token.text in PARTICLES or _org_like(tokens[start:index]))
            ):
                index += 1
                continue
            break
        before = tokens[start - 1] if start else None
        after = tokens[index] if index < len(tokens) else None
        runs.append((tokens[start:index], before, after))
    return runs


_BREAKS = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    June July August September October November December""".split()
)


def _org_like(run: list[Token]) -> bool:
    return any(t.text in ORG_WORDS or t.text in PERSON_TITLES for t in run)
