"""Who said a quotation: the attribution in the words around it.

:func:`attribute` reads the words around each quoted span (found by :mod:`.quotes`) for the
usual attribution forms: ``"...," X said``, ``"...," said X``, ``X said: "..."``, ``according to
X``, ``X told Y: "..."``, ``"...," the AP quoted him as saying``, an appositive (``X, the Kremlin
spokesman, said``) and a relative clause (``X, who said that "..."``). What it finds is a
:class:`SpeakerPhrase`: a name with its role, a pronoun, or a description ("the official"); the
drafter resolves those against the article's actors.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .names import DEMONYMS, HONORIFICS, ORG_WORDS, OUTLETS, PARTICLES, PERSON_TITLES, STATE_NAMES
from .quotes import Span
from .tokens import Token, sentence_starts, tokenize

SPEECH_VERBS = frozenset(
    """say says said saying tell tells told add adds added write writes wrote stated states
    declare declares declared warn warns warned ask asks asked explain explains explained note
    notes noted insist insists insisted argue argues argued continue continues continued tweet
    tweets tweeted post posts posted recall recalls recalled acknowledge acknowledges
    acknowledged concede concedes conceded claim claims claimed reply replies replied respond
    responds responded answer answers answered remark remarks remarked comment comments
    commented observe observes observed announce announces announced suggest suggests suggested
    predict predicts predicted caution cautions cautioned stress stresses stressed emphasise
    emphasises emphasised emphasize emphasizes emphasized urge urges urged quip quips quipped
    joke jokes joked admit admits admitted complain complains complained vow vows vowed pledge
    pledges pledged promise promises promised maintain maintains maintained counter counters
    countered conclude concludes concluded agree agrees agreed testify testifies testified
    reiterate reiterates reiterated affirm affirms affirmed allege alleges alleged boast boasts
    boasted charge charges charged contend contends contended demand demands demanded lament
    laments lamented muse muses mused object objects objected protest protests protested retort
    retorts retorted shout shouts shouted exclaim exclaims exclaimed whisper whispers whispered
    describe describes described call calls called echo echoes echoed assert asserts asserted
    mention mentions mentioned point points pointed reckon reckons reckoned think thinks
    thought believe believes believed recount recounts recounted""".split()
)
# Speech verbs that do not attribute the quotation next to them: "called" and "described"
# take a phrase as their object ('called it "a disaster"'), "saying" hangs off another verb.
_NOT_ATTRIBUTING = frozenset(("saying", "called", "described"))
_AUXILIARIES = frozenset(
    """has had have also later then again once previously recently further reportedly
    publicly privately earlier would will already simply bluntly flatly repeatedly
    quickly angrily proudly firmly""".split()
)
_PRONOUNS = frozenset("he she it they we i He She It They We I".split())
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they", "us": "we", "me": "i"}
_DETERMINERS = frozenset("the a an another one two some several many The A An Another".split())
_STOP_BACK = frozenset(
    """and but or while when as because although though if that which whom whose where after
    before since until in on at with by from to into for of over under about against between
    among during without within through across""".split()
)


@dataclass
class SpeakerPhrase:
    """Who the words around a quotation say spoke: a name, a pronoun or a description."""

    kind: str  #: "name", "pronoun" or "nominal" (a description)
    text: str
    role: str | None = None
    form: str = ""  #: the attribution form found, for the analyst's comments


@dataclass
class FoundQuote:
    """A direct quotation found in the article, with the phrase naming its speaker."""

    span: Span
    phrase: SpeakerPhrase | None = None
    speaker: str | None = None  #: the resolved actor key, set by the drafter
    notes: list[str] = field(default_factory=list)

    @property
    def para(self) -> int:
        """Paragraph number, from 1."""
        return self.span.para

    @property
    def text(self) -> str:
        """The quoted words, without a trailing comma or space."""
        return self.span.text.strip().rstrip(",;: ").strip()


def attribute(paragraph: str, spans: list[Span]) -> list[SpeakerPhrase | None]:
    """The speaker phrase of each span of one paragraph (None where nothing names one)."""
    masked = _mask(paragraph, spans)
    blank = _blank(paragraph, spans)
    starts = sentence_starts(masked)
    phrases: list[SpeakerPhrase | None] = []
    for index, span in enumerate(spans):
        open_mark = span.start - 1
        previous_end = spans[index - 1].end + 1 if index else 0
        sentence_start = starts[max(0, bisect.bisect_right(starts, open_mark) - 1)]
        pre_from = max(previous_end, sentence_start)
        pre = tokenize(paragraph[pre_from : max(pre_from, open_mark)], pre_from)
        next_start = spans[index + 1].start - 1 if index + 1 < len(spans) else len(paragraph)
        after_close = span.end + 1 if span.closed else len(paragraph)
        # a sentence may end inside the marks ("... Europe.” Nigeria's minister said")
        later = bisect.bisect_left(starts, span.end)
        sentence_end = starts[later] if later < len(starts) else len(paragraph)
        stop = max(after_close, min(next_start, sentence_end))
        post = tokenize(paragraph[after_close:stop], after_close)
        whole = tokenize(blank[sentence_start:open_mark], sentence_start)
        phrase = _from_post(post)
        if phrase is None or _is_outlet_report(phrase):  # "..., Reuters reported": look before
            phrase = _from_pre(pre, whole) or phrase
        phrases.append(phrase)
    return phrases


def _mask(paragraph: str, spans: list[Span]) -> str:
    """The paragraph with quoted words blanked (a final . ! or ? kept), for finding sentences."""
    chars = list(paragraph)
    for span in spans:
        for i in range(span.start, span.end):
            chars[i] = "X"
        inner = span.text.rstrip()
        if span.closed and inner[-1:] in ".!?":
            chars[span.start + len(inner) - 1] = inner[-1]
    return "".join(chars)


def _blank(paragraph: str, spans: list[Span]) -> str:
    """The paragraph with quoted words and marks made spaces: what the reporter wrote."""
    chars = list(paragraph)
    for span in spans:
        for i in range(max(0, span.start - 1), min(len(chars), span.end + 1)):
            chars[i] = " "
    return "".join(chars)


def _is_outlet_report(phrase: SpeakerPhrase) -> bool:
    return phrase.kind == "name" and phrase.text in OUTLETS


def _verb(token: Token) -> bool:
    return token.text.casefold() in SPEECH_VERBS


def _from_post(tokens: list[Token]) -> SpeakerPhrase | None:
    """'," said X', '," X said', '," according to X', '," the AP quoted him as saying'."""
    words = _skip_punctuation(tokens)
    if not words:
        return None
    first = words[0].text.casefold()
    if first == "according" and len(words) > 1 and words[1].text.casefold() == "to":
        return _forward_np(words[2:], "according to X")
    if _verb(words[0]) and words[0].text.casefold() not in _NOT_ATTRIBUTING:
        return _forward_np(words[1:], '"...," said X')
    phrase, rest = _forward_np_with_rest(words)
    if phrase is None:
        return None
    rest = _skip_auxiliaries(rest)
    if rest and rest[0].text == ",":  # an appositive: "X, the Kremlin spokesman, said"
        closing = next((i for i, t in enumerate(rest[1:16], 1) if t.text == ","), None)
        if closing is not None and closing + 1 < len(rest):
            appositive = _words(rest[1:closing])
            phrase.role = phrase.role or appositive or None
            rest = _skip_auxiliaries(rest[closing + 1 :])
    if rest and rest[0].text.casefold() == "quoted" and len(rest) > 1:
        quoted = _forward_np(rest[1:], '"...," X quoted Y as saying')
        return quoted
    if rest and _verb(rest[0]):
        phrase.form = '"...," X said'
        return phrase
    return None


def _from_pre(tokens: list[Token], whole: list[Token]) -> SpeakerPhrase | None:
    """'X said: "..."', 'X told Y: "..."', 'X, who said that "..."', 'according to X, "..."'."""
    if not tokens:
        return None
    found_verb = False
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index]
        lower = token.text.casefold()
        if lower == "according" and index + 1 < len(tokens) and tokens[index + 1].text == "to":
            phrase, _ = _forward_np_with_rest(tokens[index + 2 :])
            if phrase:
                phrase.form = "according to X"
                return phrase
        if not _verb(token) or lower in _NOT_ATTRIBUTING:
            continue
        if index > 0 and tokens[index - 1].text.casefold() in ("when", "if", "was", "were", "been"):
            continue  # "when asked about": a passive, not the speaker's verb
        phrase = _backward_np(tokens[:index])
        if phrase is not None:
            phrase.form = 'X said: "..."'
            return phrase
        phrase, rest = _forward_np_with_rest(tokens[index + 1 :])
        if phrase is not None and phrase.kind == "name" and (not rest or rest[0].text in ",:"):
            phrase.form = 'said X: "..."'
            return phrase
        found_verb = True
    if found_verb:
        phrase = _subject(whole)
        if phrase is not None:
            phrase.form = "sentence subject"
        return phrase
    return None


def _skip_punctuation(tokens: list[Token]) -> list[Token]:
    index = 0
    while index < len(tokens) and tokens[index].text in ",;:—–-":
        index += 1
    return tokens[index:]


def _skip_auxiliaries(tokens: list[Token]) -> list[Token]:
    index = 0
    while index < len(tokens) and tokens[index].text.casefold() in _AUXILIARIES:
        index += 1
    return tokens[index:]


def _words(tokens: list[Token]) -> str:
    text = ""
    for token in tokens:
        if (text and token.is_word) or token.text[:1].isdigit() or token.text in "([":
            text += " "
        text += token.text
    return text.strip(" ,")


def _is_name_word(token: Token) -> bool:
    return token.capitalised and token.is_word and token.text not in ("I",)


def _forward_np(tokens: list[Token], form: str) -> SpeakerPhrase | None:
    phrase, _ = _forward_np_with_rest(tokens)
    if phrase is not None:
        phrase.form = form
    return phrase


def _forward_np_with_rest(tokens: list[Token]) -> tuple[SpeakerPhrase | None, list[Token]]:
    """The noun phrase at the start of ``tokens`` (pronoun, name with role, or description)."""
    if not tokens:
        return None, tokens
    first = tokens[0]
    if first.text in _PRONOUNS:
        return SpeakerPhrase("pronoun", first.text.casefold()), tokens[1:]
    if first.text.casefold() in _OBJECT_PRONOUNS:
        return SpeakerPhrase("pronoun", _OBJECT_PRONOUNS[first.text.casefold()]), tokens[1:]
    taken: list[Token] = []
    for token in tokens[:12]:
        lower = token.text.casefold()
        if token.text in (",", ".", ":", ";", "!", "?", "(", ")", "—", "–") or _verb(token):
            break
        if lower in ("who", "that", "which", "in", "on", "at", "to", "as", "when", "after"):
            break
        if not (token.is_word or token.text in ("’", "'", "-") or token.text[:1].isdigit()):
            break
        taken.append(token)
    rest = tokens[len(taken) :]
    if not taken:
        return None, tokens
    phrase = _split_name(taken)
    if phrase is None:
        return None, tokens
    # "said Dmitry Peskov, the Kremlin spokesman" -> the appositive is the role
    appositive = len(rest) > 1 and rest[0].text == ","
    if (
        phrase.kind == "name"
        and appositive
        and (rest[1].text.casefold() in ("the", "a", "an") or not rest[1].capitalised)
    ):
        end = next(
            (i for i, t in enumerate(rest[1:], 1) if t.text in (",", ".", ";", ":", "—")),
            len(rest),
        )
        if end < 14:
            phrase.role = phrase.role or _words(rest[1:end])
    return phrase, rest


def _backward_np(tokens: list[Token]) -> SpeakerPhrase | None:
    """The noun phrase just before a verb: 'Mr Abbas', 'he', 'X, another senator,', 'X, who'."""
    end = len(tokens)
    while end and tokens[end - 1].text.casefold() in _AUXILIARIES:
        end -= 1
    if not end:
        return None
    last = tokens[end - 1]
    if last.text in _PRONOUNS:
        return SpeakerPhrase("pronoun", last.text.casefold())
    if last.text.casefold() == "who" and end >= 2 and tokens[end - 2].text == ",":
        return _backward_np(tokens[: end - 2])
    role: str | None = None
    if last.text == ",":  # "Alexei Pushkov, another senator, tweeted"
        opening = next(
            (i for i in range(end - 2, max(-1, end - 16), -1) if tokens[i].text == ","), None
        )
        if opening is None or opening == 0:
            return None
        role = _words(tokens[opening + 1 : end - 1]) or None
        end = opening
        phrase = _backward_np(tokens[:end])
        if phrase is not None and phrase.kind == "name":
            phrase.role = phrase.role or role
        return phrase
    start = end
    while start > 0 and end - start < 12:
        token = tokens[start - 1]
        lower = token.text.casefold()
        if not (token.is_word or token.text in ("’", "'", "-")) or _verb(token):
            break
        if lower in _STOP_BACK and not (
            lower == "of" and start - 2 >= 0 and tokens[start - 2].capitalised
        ):
            break
        start -= 1
        if lower in _DETERMINERS:
            break
    if start == end:
        return None
    return _split_name(tokens[start:end])


def _split_name(tokens: list[Token]) -> SpeakerPhrase | None:
    """Split a noun phrase into a name and the role before it, or call it a description."""
    index = len(tokens)
    while index > 0 and (
        (_is_name_word(tokens[index - 1]) and not _is_title(tokens[index - 1].text))
        or (tokens[index - 1].text in PARTICLES and index < len(tokens))
    ):
        index -= 1
    while index < len(tokens) and tokens[index].text in PARTICLES and index > 0:
        if _is_name_word(tokens[index - 1]):
            break
        index += 1
    name_tokens = tokens[index:]
    if len([t for t in name_tokens if t.text not in PARTICLES]) > _MAX_NAME_WORDS:
        # "Reuters Editor-in-Chief Alessandra Galloni": the last words name the person
        keep = len(name_tokens) - 2
        while keep > 0 and name_tokens[keep - 1].text in PARTICLES:
            keep -= 1
        index += keep
        name_tokens = tokens[index:]
    head = tokens[-1].text
    if not name_tokens or not head[:1].isupper():
        text = _words(tokens)
        if not text or all(t.text.casefold() in _DETERMINERS for t in tokens):
            return None  # "said the": the description is cut by a quotation
        return SpeakerPhrase("nominal", text)
    name = _words(name_tokens)
    role_tokens = [t for t in tokens[:index] if t.text not in HONORIFICS]
    if role_tokens and role_tokens[0].text.casefold() in ("the", "a", "an"):
        role_tokens = role_tokens[1:]
    role = _words(role_tokens) or None
    # "the Kremlin spokesman Dmitry Peskov" is a name; "a spokesman for Mr Blair" a description
    described = tokens[:1] and tokens[0].text.casefold() in ("the", "a", "an")
    if (
        role is not None
        and described
        and any(t.text.casefold() in ("for", "of") for t in tokens[:index])
    ):
        return SpeakerPhrase("nominal", _words(tokens))
    return SpeakerPhrase("name", name, role)


_MAX_NAME_WORDS = 3


def _is_title(word: str) -> bool:
    return word in PERSON_TITLES or word in HONORIFICS


def _subject(tokens: list[Token]) -> SpeakerPhrase | None:
    """The first name in a sentence: the subject a 'said' with no subject of its own refers to."""
    for index, token in enumerate(tokens):
        if _is_name_word(token) and (index > 0 or token.text not in _NOT_SUBJECTS):
            if token.text in STATE_NAMES or token.text in DEMONYMS or token.text in ORG_WORDS:
                continue
            end = index
            while end < len(tokens) and (
                _is_name_word(tokens[end]) or tokens[end].text in PARTICLES
            ):
                end += 1
            return _split_name(tokens[index:end])
        if token.text in _PRONOUNS:
            return SpeakerPhrase("pronoun", token.text.casefold())
    return None


_NOT_SUBJECTS = frozenset("The A An But And When While As In On At After Before Still".split())
