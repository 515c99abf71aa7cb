"""Cleaning a scraped article: body paragraphs apart from headline, byline, date and debris.

The input is plain text as scraped: share-icon lines, photo credits, "Read more" links,
wire-service headers, hard wraps whose paragraphs are marked only by an indent, CRLF. The
output is an :class:`Article`: metadata found in the header (nothing invented: a field that is
not stated stays None) and the body as clean paragraphs, numbered in the order the cleaned
source file will hold them, plus the lines dropped as debris (the drafted brief lists them, so
nothing is removed silently).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..brief.article import split_paragraphs
from ..load.scalars import parse_date

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u200b\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
#: A month name as news writes it: "March", "Mar.", "Sept".
MONTH_PATTERN = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"  # noqa: E501

# A paragraph that is only scrape debris (matched against the whole paragraph, case-insensitive).
_DEBRIS = re.compile(
    r"""^(?:
        (?:print|share|email|mail|facebook|twitter|whatsapp|linkedin|pinterest|reddit|comment)s?
            (?:[-\s](?:icon|this|article|story|button|link))*
        | copy\s+link | close | menu | skip\s+to\s+(?:main\s+)?content
        | loading(?:\s+recommendations)?\.*(?:\s*please\s+wait\.*)?
        | advertisement | sponsored(?:\s+content)?
        | story\s+continue[sd](?:\s+below)?(?:\s+advertisement)?
        | continue\s+reading.* | read\s+more:?.* | related(?:\s+(?:articles?|stories|coverage))?:.*
        | (?:image|photo|picture|video|media)\s+(?:copyright|caption|source|credit)\b.*
        | media\s+playback\s+is\s+(?:un)?supported.* | play\s+video\b.*
        | (?:photo|image|picture|credit|photograph)s?\s*(?::|by\b).*
        | getty\s+images | (?:\w+\s+)?via\s+getty\s+images.*
        | (?:sign\s+up|subscribe)\b.{0,120} | follow\s+(?:us|@\w+).{0,80}
        | click\s+here\b.{0,120} | all\s+rights\s+reserved\.?
        | (?:copyright|\(c\)|©)\s*\d{4}.{0,120}
        | authored(?:\s+by)?\.{0,3} | reuters? | ap | afp
        | get\s+the\s+.{0,80}\bdelivered\b.{0,200} | .{0,200}\bby\s+signing\s+up\b.{0,200}
        | [\w.' -]{1,60}['’]s\s+(?:photo|avatar|picture)
        | watch(?:\s+now)?:.{0,120} | listen(?:\s+now)?:.{0,120}
        | this\s+(?:article|story)\s+(?:was\s+)?(?:originally\s+)?(?:published|appeared)\b.{0,160}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# A photo credit anywhere in a short paragraph: "(AP Photo/Evan Vucci)", "REUTERS/Jane Doe".
_CREDIT = re.compile(
    r"\((?:AP|AFP|Reuters)?\s*Photo\b|\b(?:AP|AFP)\s+Photo/|\bREUTERS/|\bGetty Images\b"
    r"|\bPhotograph:|\bPhoto(?:graph)?:\s|\bvia Reuters\b|\bImage(?: copyright)?:|\bCredit:"
    r"|\b[A-Z][\w.-]+(?: [A-Z][\w.-]+)*/(?:AP|AFP|Reuters|Staff|Getty|EPA|Bloomberg)\b",
    re.IGNORECASE,
)
_CREDIT_MAX_WORDS = 40

_BYLINE = re.compile(r"^(?:by|from)\s+(?P<rest>.+)$", re.IGNORECASE)
_AGENCIES = {
    "reuters": "Reuters",
    "ap": "Associated Press",
    "associated press": "Associated Press",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "upi": "UPI",
    "bloomberg": "Bloomberg",
    "dpa": "dpa",
}
_AGENCY = r"(?:Reuters|AP|AFP|UPI|Bloomberg|dpa|Associated Press|Agence France-Presse)"
_NAME_WORD = r"[A-Z][\w'’.-]*"
_PERSON = rf"{_NAME_WORD}(?:\s+(?:(?:de|da|van|von|der|al|bin|le|la|du)\s+)?{_NAME_WORD}){{0,3}}"
_AUTHOR_LIST = re.compile(rf"^{_PERSON}(?:\s*(?:,|and|&)\s*{_PERSON})*$")
# "MOSCOW (Reuters) -", "WASHINGTON (AP) —", "PEKING, March 3 -", "KYIV, Ukraine —".
_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z.'’ -]{{1,40}}[A-Z.])"
    rf"(?:,\s*(?P<region>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?))?"
    rf"(?:,\s*(?P<date>{MONTH_PATTERN}\s+\d{{1,2}}(?:,\s*\d{{4}})?))?"
    rf"\s*(?:\((?P<agency>{_AGENCY})\))?\s*[-–—]+\s+"
)
_REPORTING_BY = re.compile(
    r"^\(?\s*(?:Reporting|Writing|Additional reporting)\s+by\s+(?P<names>[^;)]+)", re.IGNORECASE
)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_WIRE_STAMP = re.compile(rf"^\s*(\d{{1,2}})-({MONTH_PATTERN})-(\d{{4}})\b", re.IGNORECASE)
_WRITTEN_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{MONTH_PATTERN})|(?P<m2>{MONTH_PATTERN})\s+(?P<d2>\d{{1,2}}),?)"
    rf"\s+(?P<year>\d{{4}})\b"
)
_DATE_LINE = re.compile(
    r"^(?:(?:published|updated|posted|first published)\s*:?\s*(?:on\s+)?)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?[\w ,.:-]{0,40}$",
    re.IGNORECASE,
)
_HEADER_MAX_WORDS = 25


@dataclass
class Article:
    """A cleaned article: header metadata and body paragraphs (numbered from 1)."""

    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    dateline: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    def source_text(self) -> str:
        """The cleaned source file: one paragraph per line, blank lines between."""
        return "\n\n".join(self.paragraphs) + "\n"


def clean_text(text: str) -> str:
    """Line ends made LF, control and zero-width characters and odd spaces made plain spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(" ", text.replace("\t", "    "))
    return "\n".join(
        _SPACES.sub(" ", line).rstrip() if line.strip() else "" for line in text.split("\n")
    )


_HEADER_LINES = 12


def _split_header_lines(text: str) -> str:
    """Blank lines around the header lines at the top of the file (wire stamp, capitals
    headline, byline, date, author names) and around any line of debris, so each is its own
    paragraph even where the file has no blank line between them."""
    out: list[str] = []
    for index, line in enumerate(text.split("\n")):
        stripped = line.strip()
        if stripped and (
            (index < _HEADER_LINES and _is_header_line(stripped)) or _DEBRIS.match(stripped)
        ):
            out.extend(("", line, ""))
        else:
            out.append(line)
    return "\n".join(out)


def _is_header_line(line: str) -> bool:
    words = len(line.split())
    return bool(
        _WIRE_STAMP.match(line)
        or _is_caps_headline(line)
        or (words <= 12 and _BYLINE.match(line))
        or (words <= 6 and _ISO_DATE.fullmatch(line.strip()))
        or (words <= 8 and _DATE_LINE.match(line) and parse_date_text(line))
        or (words <= 12 and _looks_like_author_list(line))
    )


def _is_caps_headline(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 8 and all(c.isupper() for c in letters) and len(line.split()) <= 20


def is_debris(paragraph: str) -> bool:
    """Whether a whole paragraph is scrape debris rather than article text."""
    text = paragraph.strip()
    if not text:
        return True
    if _DEBRIS.match(text):
        return True
    words = len(text.split())
    if words <= _CREDIT_MAX_WORDS and _CREDIT.search(text) and not _has_quote_mark(text):
        return True
    # a "Related headline | Writer Read more" link
    return text.endswith("Read more") and words <= 25 and not text[:-9].rstrip().endswith(".")


def _has_quote_mark(text: str) -> bool:
    return any(mark in text for mark in '"“”«»')


def _fold(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


def parse_date_text(text: str) -> dt.date | None:
    """A full date written in ``text`` (ISO, "March 3, 2019", "3 March 2019", "3-MAR-1987")."""
    match = _ISO_DATE.search(text)
    if match:
        return parse_date(match.group())
    match = _WIRE_STAMP.match(text)
    if match:
        return day_of(int(match.group(3)), match.group(2), int(match.group(1)))
    match = _WRITTEN_DATE.search(text)
    if match:
        day = match.group("d1") or match.group("d2")
        month = match.group("m1") or match.group("m2")
        return day_of(int(match.group("year")), month, int(day))
    return None


def month_number(name: str) -> int | None:
    """1-12 for a month name matched by :data:`MONTH_PATTERN` ("Sept." -> 9)."""
    return MONTHS.get(name.rstrip(".").casefold())


def day_of(year: int, month: str | int, day: int) -> dt.date | None:
    """The day, or None when there is no such day (or no such month name)."""
    number = month_number(month) if isinstance(month, str) else month
    if number is None:
        return None
    try:
        return dt.date(year, number, day)
    except ValueError:
        return None


def read_article(text: str) -> Article:
    """Clean ``text`` and split it into header metadata and body paragraphs."""
    text = _split_header_lines(clean_text(text))
    blocks = [p.text for p in split_paragraphs(text)]
    article = Article()
    body_start = _read_header(blocks, article)
    seen: set[str] = set()
    title_key = _fold(article.title or "")
    for index, block in enumerate(blocks[body_start:], start=body_start):
        if is_debris(block):
            article.dropped.append(block)
            continue
        if index >= len(blocks) - 3 and _read_tail(block, article):
            article.dropped.append(block)
            continue
        key = _fold(block)
        if key in seen or (key == title_key and article.paragraphs == []):
            article.dropped.append(block)  # a repeated lead, or the headline again
            continue
        seen.add(key)
        article.paragraphs.append(block)
    if article.paragraphs:
        _read_dateline(article)
    return article


def _read_header(blocks: list[str], article: Article) -> int:
    """Read title, byline and date from the leading blocks; the index where the body starts."""
    index = 0
    header_end = min(len(blocks), 10)
    while index < header_end:
        block = blocks[index]
        words = len(block.split())
        if is_debris(block):
            article.dropped.append(block)
            index += 1
            continue
        stamp = _WIRE_STAMP.match(block)
        if stamp and words <= 3:
            article.published = article.published or parse_date_text(block)
            index += 1
            continue
        if article.title is None:
            if words > _HEADER_MAX_WORDS or _DATELINE.match(block):
                break  # no headline: the article starts with its body
            article.title = block
            index += 1
            continue
        byline = _BYLINE.match(block)
        if byline and words <= 12:
            _read_byline(byline.group("rest"), article)
            index += 1
            continue
        if (words <= 12 and _ISO_DATE.search(block)) or (
            words <= 8 and _DATE_LINE.match(block) and parse_date_text(block)
        ):
            article.published = article.published or parse_date_text(block)
            index += 1
            continue
        if article.author is None and words <= 12 and _looks_like_author_list(block):
            article.author = block
            index += 1
            continue
        break
    return index


def _looks_like_author_list(block: str) -> bool:
    if not _AUTHOR_LIST.match(block) or block.endswith("."):
        return False
    names = re.split(r"\s*(?:,|\band\b|&)\s*", block)
    return all(1 < len(name.split()) <= 4 for name in names if name)


def _read_byline(rest: str, article: Article) -> None:
    """'Mark O'Neill, Reuters' -> author and outlet; 'Tyler Durden' -> author."""
    rest = rest.strip()
    parts = [part.strip() for part in rest.split(",")]
    if len(parts) > 1 and parts[-1].casefold() in _AGENCIES:
        article.outlet = article.outlet or _AGENCIES[parts[-1].casefold()]
        rest = ", ".join(parts[:-1])
    article.author = article.author or rest


def _read_tail(block: str, article: Article) -> bool:
    """Whether a closing block is a credit line ("Reporting by X; Editing by Y"), read as byline."""
    match = _REPORTING_BY.match(block)
    if not match or len(block.split()) > 30:
        return False
    if article.author is None:
        article.author = match.group("names").strip().rstrip(".")
    return True


def _read_dateline(article: Article) -> None:
    """A dateline opening the first body paragraph: place, date, agency (the text stays)."""
    match = _DATELINE.match(article.paragraphs[0])
    if not match:
        return
    article.dateline = match.group(0).rstrip(" -–—")
    agency = match.group("agency")
    if agency and article.outlet is None:
        article.outlet = _AGENCIES.get(agency.casefold(), agency)
