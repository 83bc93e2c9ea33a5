"""Dates and date phrases in a question, resolved to day ranges.

``find_dates(text, reference)`` returns every date a reader wrote, as a ``DateSpan``
(where in the text) holding a ``DateRange`` (first and last day, either open):

- full and partial calendar dates: "October 6, 2023", "Oct. 6", "6 October 2023", "Nov 3rd",
  "2023-10-06", "in October 2023", "in September" (a bare month only after a preposition or a
  part-of-month word, so "May" the verb and "March" the walk are not dates);
- parts of a month: "early/mid/late October", "the end/start/beginning of November",
  "the first/second/last week of December";
- relative phrases, resolved against ``reference`` (the collection's "today"): "today",
  "yesterday", "last Tuesday", "on Tuesday", "last/this week", "last/this month",
  "last/this year", "3 days ago", "two weeks ago";
- a year alone after a preposition: "in 2023";
- open ranges: "since/after D" (D onwards), "before/until D" (up to D), and
  "between D1 and D2" (one range when the two dates are joined directly).

A date without a year takes the latest year that does not put it after ``reference``
(news is about the past). Nothing here is keyed to a data set: the rules are English
calendar phrasing.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_VERBS = frozenset({"may", "march"})  # month names that are also common lower-case words
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10}
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

# Most specific first; a later pattern never claims text an earlier one matched.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("month_day", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?", re.IGNORECASE)),
    ("day_month", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b(?:,?\s+{_YEAR}\b)?", re.IGNORECASE)),
    ("part_month", re.compile(
        rf"\b(?P<part>early|mid|middle of|late|(?:the\s+)?(?:end|start|beginning|close)\s+of|"
        rf"(?:the\s+)?(?P<week>first|second|third|fourth|last)\s+week\s+of)[\s-]+{_MONTH}\b(?:,?\s+{_YEAR}\b)?",
        re.IGNORECASE)),
    ("month_year", re.compile(rf"\b{_MONTH}\s+{_YEAR}\b", re.IGNORECASE)),
    ("bare_month", re.compile(rf"\b(?:in|during|since|before|after|until|by|through|of|from)\s+(?P<m>{_MONTH})",
                              re.IGNORECASE)),
    ("relative_day", re.compile(r"\b(?P<word>today|yesterday)\b", re.IGNORECASE)),
    ("weekday", re.compile(r"\b(?:(?P<last>last|this past|past)\s+|on\s+)(?P<weekday>monday|tuesday|wednesday|"
                           r"thursday|friday|saturday|sunday)\b", re.IGNORECASE)),
    ("this_last", re.compile(r"\b(?P<which>last|this|past|previous)\s+(?P<unit>week|month|year)\b", re.IGNORECASE)),
    ("ago", re.compile(r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                       r"(?P<unit>day|week|month)s?\s+ago\b", re.IGNORECASE)),
    ("year", re.compile(rf"\b(?:in|during|since|before|after|until|through)\s+(?P<m>{_YEAR})\b", re.IGNORECASE)),
]
_STATED_YEAR = re.compile(
    rf"\b{_MONTH}\s+(?:[0-3]?\d(?:st|nd|rd|th)?,?\s+)?{_YEAR}\b|\b(?P<iso>(?:19|20)\d\d)-[01]\d-[0-3]\d\b",
    re.IGNORECASE)
_RELATIVE = frozenset({"relative_day", "weekday", "this_last", "ago"})
_OPENERS = re.compile(r"\b(?P<word>since|after|from|before|until|till|by|prior to)\s+(?:the\s+)?$", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class DateRange:
    """Days from ``start`` to ``end``, both included; ``None`` leaves that side open."""

    start: date | None
    end: date | None

    def distance(self, day: date) -> int:
        """0 when ``day`` is in the range, else how many days it lies outside."""
        if self.start is not None and day < self.start:
            return (self.start - day).days
        if self.end is not None and day > self.end:
            return (day - self.end).days
        return 0


@dataclass(frozen=True)
class DateSpan:
    """A date phrase found in a text: its character span and the days it means."""

    start: int
    end: int
    text: str
    range: DateRange


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _pick_year(month: int, day: int, reference: date) -> int:
    """The latest year that does not put month/day after the reference day."""
    year = reference.year
    day = min(day, calendar.monthrange(year, month)[1])
    return year if date(year, month, day) <= reference else year - 1


def _day(year: str | None, month: int, day: int, reference: date) -> DateRange | None:
    y = int(year) if year else _pick_year(month, day, reference)
    try:
        d = date(y, month, day)
    except ValueError:
        return None
    return DateRange(d, d)


def _month_range(year: str | None, month: int, reference: date) -> DateRange:
    y = int(year) if year else _pick_year(month, 1, reference)
    return DateRange(date(y, month, 1), _month_end(y, month))


def _part_of_month(part: str, week: str | None, whole: DateRange) -> DateRange:
    first, last = whole.start, whole.end
    assert first is not None and last is not None
    part = part.lower()
    if week:
        index = {"first": 0, "second": 1, "third": 2, "fourth": 3}.get(week.lower())
        if index is None:  # the last week
            return DateRange(last - timedelta(days=6), last)
        lo = first + timedelta(days=7 * index)
        return DateRange(lo, min(lo + timedelta(days=6), last))
    if part.startswith("early") or "start" in part or "beginning" in part:
        return DateRange(first, first + timedelta(days=9))
    if part.startswith("mid") or part.startswith("middle"):
        return DateRange(first + timedelta(days=10), first + timedelta(days=19))
    return DateRange(first + timedelta(days=20), last)  # late, end of, close of


def _relative(kind: str, m: re.Match[str], reference: date) -> DateRange | None:
    if kind == "relative_day":
        d = reference if m["word"].lower() == "today" else reference - timedelta(days=1)
        return DateRange(d, d)
    if kind == "weekday":
        back = (reference.weekday() - _WEEKDAYS[m["weekday"].lower()]) % 7
        if m["last"] and back == 0:
            back = 7
        d = reference - timedelta(days=back)
        return DateRange(d, d)
    if kind == "this_last":
        unit, this = m["unit"].lower(), m["which"].lower() == "this"
        if unit == "week":
            monday = reference - timedelta(days=reference.weekday())
            lo = monday if this else monday - timedelta(days=7)
            return DateRange(lo, lo + timedelta(days=6))
        if unit == "month":
            y, mo = reference.year, reference.month
            if not this:
                y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
            return DateRange(date(y, mo, 1), _month_end(y, mo))
        y = reference.year if this else reference.year - 1
        return DateRange(date(y, 1, 1), date(y, 12, 31))
    if kind == "ago":
        raw = m["n"].lower()
        n = int(raw) if raw.isdigit() else _NUMBERS[raw]
        days = {"day": 1, "week": 7, "month": 30}[m["unit"].lower()] * n
        d = reference - timedelta(days=days)
        slack = 0 if m["unit"].lower() == "day" else 3
        return DateRange(d - timedelta(days=slack), d + timedelta(days=slack))
    return None


def _resolve(kind: str, m: re.Match[str], reference: date) -> DateRange | None:
    if "month" in m.re.groupindex and kind != "iso" and m["month"] and m["month"].rstrip(".") in _VERBS:
        return None  # "may 5", "march 3" in lower case are words, not dates
    if kind == "iso":
        return _day(m["year"], int(m["month"]), int(m["day"]), reference)
    if kind in ("month_day", "day_month"):
        return _day(m["year"], _MONTHS[m["month"].lower()], int(m["day"]), reference)
    if kind == "part_month":
        whole = _month_range(m["year"], _MONTHS[m["month"].lower()], reference)
        return _part_of_month(m["part"], m["week"], whole)
    if kind == "month_year":
        return _month_range(m["year"], _MONTHS[m["month"].lower()], reference)
    if kind == "bare_month":
        word = m["m"].rstrip(".")
        if not word[0].isupper():  # "in may" is not a date; "in May" is
            return None
        return _month_range(None, _MONTHS[word.lower()], reference)
    if kind == "year":
        y = int(m["year"])
        return DateRange(date(y, 1, 1), date(y, 12, 31))
    return _relative(kind, m, reference)


def _open(text: str, span: DateSpan) -> DateSpan:
    """Widen a date preceded by since/after (onwards) or before/until (up to it)."""
    opener = _OPENERS.search(text[max(0, span.start - 20) : span.start])
    if not opener:
        return span
    word = opener["word"].lower()
    r = span.range
    rng = DateRange(r.start, None) if word in ("since", "after", "from") else DateRange(None, r.end)
    return DateSpan(span.start, span.end, span.text, rng)


def find_dates(text: str, reference: date) -> list[DateSpan]:
    """Every date phrase in ``text``, in order, resolved against ``reference``.

    A calendar date without a year takes the year the text states for another date
    ("Dec 12 ... Dec 21, 2023"); failing that, the latest year not after ``reference``.
    """
    stated = _STATED_YEAR.search(text)
    calendar_ref = date(int(stated["year"] or stated["iso"]), 12, 31) if stated else reference
    taken: list[tuple[int, int]] = []
    found: list[DateSpan] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            lo, hi = m.span("m") if "m" in m.re.groupindex else m.span()
            if any(lo < b and a < hi for a, b in taken):
                continue
            rng = _resolve(kind, m, reference if kind in _RELATIVE else calendar_ref)
            if rng is None:
                continue
            taken.append((lo, hi))
            found.append(DateSpan(lo, hi, text[lo:hi], rng))
    found.sort(key=lambda s: s.start)
    return _join_between(text, [_open(text, s) for s in found])


def _join_between(text: str, spans: list[DateSpan]) -> list[DateSpan]:
    """"between D1 and D2" is one range from D1 to D2."""
    out: list[DateSpan] = []
    i = 0
    while i < len(spans):
        s = spans[i]
        if (i + 1 < len(spans) and _BETWEEN.search(text[max(0, s.start - 12) : s.start])
                and re.fullmatch(r"\s+and\s+", text[s.end : spans[i + 1].start])):
            t = spans[i + 1]
            out.append(DateSpan(s.start, t.end, text[s.start : t.end], DateRange(s.range.start, t.range.end)))
            i += 2
            continue
        out.append(s)
        i += 1
    return out


__all__ = ["DateRange", "DateSpan", "find_dates"]
