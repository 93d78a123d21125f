"""Dates: normalise metadata dates, and resolve dates written in a sentence.

Two jobs, both pure functions with no heavy imports:

- ``parse_date(value)`` turns a date as feeds, pages and CSV files write it
  (ISO 8601, RFC 822, "28 September 2015", ...) into the ISO form the graph
  stores: ``YYYY-MM-DD`` (``xsd:date``) or ``YYYY-MM-DDTHH:MM:SS[+HH:MM]``
  (``xsd:dateTime``).
- ``resolve(expression, article_date)`` turns a date expression from the text
  ("on Monday", "yesterday", "in September 2015", "on 28 September") into an
  ISO value, using the article's publication date for the relative ones.
  ``find_dates(sentence, article_date)`` finds every such expression in a
  sentence; ``event_date(sentence, article_date)`` returns the first one.

The precision of a resolved value is its length: ``YYYY-MM-DD`` is a day,
``YYYY-MM`` a month (``xsd:gYearMonth``), ``YYYY`` a year (``xsd:gYear``).
Expressions that cannot be pinned down (a weekday with no article date,
"last week") resolve to ``None``.

    >>> resolve("on Monday", "2015-09-30")      # a Wednesday: the Monday before
    '2015-09-28'
    >>> resolve("in September 2015", None)
    '2015-09'
    >>> resolve("yesterday", "2015-09-30T08:00:00+03:00")
    '2015-09-29'
    >>> event_date("Putin told the UN General Assembly on Monday that ...", "2015-09-30")
    '2015-09-28'
    >>> parse_date("Mon, 28 Sep 2015 14:30:00 +0300")
    '2015-09-28T14:30:00+03:00'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

__all__ = ["parse_date", "resolve", "find_dates", "event_date", "DateMention"]

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10}

_MONTH = (r"(?P<{0}>January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{0}>(?:19|20)\d\d)"
_WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = r"(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)"

# Alternatives are tried left to right at each position, so longer forms come first.
_PATTERN = re.compile(
    "|".join(
        [
            rf"(?P<iso>\b{_YEAR.format('iy')}-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b)",
            rf"(?P<mdy>\b{_MONTH.format('m1')} {_DAY.format('d1')},? {_YEAR.format('y1')}\b)",
            rf"(?P<dmy>\b{_DAY.format('d2')} (?:of )?{_MONTH.format('m2')},? {_YEAR.format('y2')}\b)",
            rf"(?P<md>\b{_MONTH.format('m3')} {_DAY.format('d3')}\b(?!,? ?\d))",
            rf"(?P<dm>\b{_DAY.format('d4')} (?:of )?{_MONTH.format('m4')}(?![\w.]* ?,? ?\d))",
            rf"(?P<my>\b{_MONTH.format('m5')},? {_YEAR.format('y5')}\b)",
            rf"(?P<pm>\b(?:in|since|during|until|till|through|by|from|early|late|mid-?|last|next|this)"
            rf" (?:early |late |mid-?)?{_MONTH.format('m6')}(?![\w.]* ?,? ?\d))",
            rf"(?P<py>\b(?:in|since|during|until|till|through|by|from) (?:early |late |mid-?)?{_YEAR.format('y7')}\b)",
            rf"(?P<rel_wd>\b(?:(?P<wdq>last|this|next|on|this coming|this past) )?{_WEEKDAY}\b)",
            r"(?P<day0>\b(?:today|tonight|this (?:morning|afternoon|evening))\b)",
            r"(?P<daym2>\bthe day before yesterday\b)",
            r"(?P<daym1>\b(?:yesterday|last night)\b)",
            r"(?P<dayp1>\btomorrow\b)",
            rf"(?P<ago>\b{_NUM} (?P<unit>days?|weeks?) ago\b)",
            r"(?P<relm>\b(?P<mq>last|this|next) month\b)",
            r"(?P<rely>\b(?P<yq>last|this|next) year\b)",
        ]
    ),
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a sentence, with its resolved ISO value."""

    start: int
    end: int
    text: str
    value: str


def _anchor(article_date: str | None) -> date | None:
    if not article_date:
        return None
    try:
        return date.fromisoformat(article_date[:10])
    except ValueError:
        return None


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _closest_year(anchor: date | None, month: int, day: int | None = None) -> int | None:
    """The year that puts ``month`` (and ``day``) closest to the article date."""
    if anchor is None:
        return None
    best = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            d = date(year, month, day or 15)
        except ValueError:
            continue
        dist = abs((d - anchor).days)
        if best is None or dist < best[0]:
            best = (dist, year)
    return best[1] if best else None


def _ymd(year: int | None, month: int, day: int) -> str | None:
    if year is None:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _resolve_match(m: re.Match, anchor: date | None) -> str | None:
    g = m.groupdict()
    if g["iso"]:
        return _ymd(int(g["iy"]), int(g["im"]), int(g["id"]))
    if g["mdy"]:
        return _ymd(int(g["y1"]), _month(g["m1"]), int(g["d1"]))
    if g["dmy"]:
        return _ymd(int(g["y2"]), _month(g["m2"]), int(g["d2"]))
    if g["md"] or g["dm"]:
        month, day = (_month(g["m3"]), int(g["d3"])) if g["md"] else (_month(g["m4"]), int(g["d4"]))
        return _ymd(_closest_year(anchor, month, day), month, day)
    if g["my"]:
        return f"{int(g['y5']):04d}-{_month(g['m5']):02d}"
    if g["pm"]:
        month = _month(g["m6"])
        lead = g["pm"].split()[0].lower()
        year = _closest_year(anchor, month)
        if year is None:
            return None
        if anchor is not None and lead == "last" and date(year, month, 1) > anchor:
            year -= 1
        elif anchor is not None and lead == "next" and date(year, month, 28) < anchor:
            year += 1
        return f"{year:04d}-{month:02d}"
    if g["py"]:
        return g["y7"]
    if anchor is None:
        return None
    if g["rel_wd"]:
        wd = _WEEKDAYS[g["wd"].lower()]
        q = (g["wdq"] or "on").lower()
        back = (anchor.weekday() - wd) % 7
        if q in ("next", "this coming"):
            return (anchor + timedelta(days=(wd - anchor.weekday()) % 7 or 7)).isoformat()
        if q in ("last", "this past"):
            back = back or 7
        return (anchor - timedelta(days=back)).isoformat()
    if g["day0"]:
        return anchor.isoformat()
    if g["daym2"]:
        return (anchor - timedelta(days=2)).isoformat()
    if g["daym1"]:
        return (anchor - timedelta(days=1)).isoformat()
    if g["dayp1"]:
        return (anchor + timedelta(days=1)).isoformat()
    if g["ago"]:
        n = _NUMBERS.get(g["n"].lower()) or int(g["n"])
        days = n * (7 if g["unit"].lower().startswith("week") else 1)
        return (anchor - timedelta(days=days)).isoformat()
    if g["relm"]:
        shift = {"last": -1, "this": 0, "next": 1}[g["mq"].lower()]
        index = anchor.year * 12 + anchor.month - 1 + shift
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if g["rely"]:
        return str(anchor.year + {"last": -1, "this": 0, "next": 1}[g["yq"].lower()])
    return None  # pragma: no cover - every alternative is handled above


def find_dates(sentence: str, article_date: str | None = None, *, day_only: bool = False) -> list[DateMention]:
    """Every date expression in ``sentence`` that resolves, in text order.

    With ``day_only``, month and year values ("in September 2015") are left out.

    >>> [(d.text, d.value) for d in find_dates("Talks began on 3 March and ended last Friday.", "2016-03-20")]
    [('3 March', '2016-03-03'), ('last Friday', '2016-03-18')]
    """
    anchor = _anchor(article_date)
    out = []
    for m in _PATTERN.finditer(sentence):
        # Month names must be capitalised ("may" is a verb, "march" a walk).
        if any(m.group(k) and not m.group(k)[0].isupper() for k in ("m1", "m2", "m3", "m4", "m5", "m6", "wd")):
            continue
        value = _resolve_match(m, anchor)
        if value and not (day_only and len(value) != 10):
            out.append(DateMention(m.start(), m.end(), m.group(0), value))
    return out


def resolve(expression: str, article_date: str | None = None) -> str | None:
    """The ISO value of one date expression, relative ones against ``article_date``.

    >>> resolve("last Monday", "2015-09-28")      # a Monday: a week before
    '2015-09-21'
    >>> resolve("on 28 September", "2016-01-04")  # the closest 28 September
    '2015-09-28'
    >>> resolve("on Monday", None) is None         # relative, and nothing to anchor it
    True
    """
    found = find_dates(expression.strip(), article_date)
    return found[0].value if found else None


def event_date(sentence: str, article_date: str | None = None, *, day_only: bool = False) -> str | None:
    """The first date the sentence gives for its event, if any (see ``find_dates``).

    >>> event_date("The Kremlin said in September 2015 that it sent advisers.", "2015-09-30")
    '2015-09'
    >>> event_date("The Kremlin said in September 2015 that it sent advisers.", "2015-09-30", day_only=True) is None
    True
    """
    found = find_dates(sentence, article_date, day_only=day_only)
    return found[0].value if found else None


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(value) -> str | None:
    """A metadata date as ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SS[+HH:MM|Z]``; None if unreadable.

    >>> parse_date("2015-09-28T14:30:00+03:00")
    '2015-09-28T14:30:00+03:00'
    >>> parse_date("2015-09-28 14:30")
    '2015-09-28T14:30:00'
    >>> parse_date("28 September 2015"), parse_date("Sept. 28, 2015"), parse_date("2015/09/28")
    ('2015-09-28', '2015-09-28', '2015-09-28')
    >>> parse_date("not a date") is None
    True
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return _fmt_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    if _ISO_DATE.match(text):
        return text if _ymd(int(text[:4]), int(text[5:7]), int(text[8:10])) else None
    if re.match(r"^\d{4}/\d{1,2}/\d{1,2}$", text):
        y, m, d = (int(x) for x in text.split("/"))
        return _ymd(y, m, d)
    utc_z = text.endswith(("Z", "z"))
    try:
        return _fmt_datetime(datetime.fromisoformat(text[:-1] + "+00:00" if utc_z else text), utc_z=utc_z)
    except ValueError:
        pass
    try:
        from email.utils import parsedate_to_datetime

        return _fmt_datetime(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        pass
    m = _PATTERN.fullmatch(text.rstrip("."))
    if m and (m.group("mdy") or m.group("dmy") or m.group("iso")):
        return _resolve_match(m, None)
    return None


def _fmt_datetime(dt: datetime, *, utc_z: bool = False) -> str:
    dt = dt.replace(microsecond=0)
    if utc_z and dt.utcoffset() == timedelta(0):
        return dt.replace(tzinfo=None).isoformat() + "Z"
    return dt.isoformat()
