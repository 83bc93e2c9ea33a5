"""Does a sentence give the value in the form the question asks for it? (Rules of ``eligibility.check``.)

A rate asked ("how much per month") is stated as one ("$9.99 a month"); a unit asked ("in hours") or a
comparison ("how much lighter") is answered in its own dimension ("30 grams less", "15% lighter"); a share asked
("what percentage of") is not given only as a change ("rose 12%"); a sum of money asked ("how much did they
spend") is a sum of money, not a size, a share or a valuation; "in what year" is answered by a year; "how long" by
a span of time or a length, not a date alone; a year asked is also said relative to the article's date ("next
season" in a 2023 article for "in 2024"). Each ``gives_*`` takes the question and the sentence and is True when
the question asks nothing of that kind.
"""

from __future__ import annotations

import re

from assistant.answer.asked_type import UNIT_ASKED
from assistant.answer.types import MONEY_RE, PERCENT, PERCENT_RE, gives_measure

_RATE_UNITS = {
    "year": r"annual(?:ly)?|yearly|per\s+annum|(?:per|a|an|each|every)\s+year|/\s?(?:year|yr)",
    "month": r"monthly|(?:per|a|each|every)\s+month|/\s?(?:month|mo)\b",
    "week": r"weekly|(?:per|a|each|every)\s+week|/\s?(?:week|wk)",
    "day": r"daily|(?:per|a|each|every)\s+day|/\s?day",
    "hour": r"hourly|(?:per|an|each|every)\s+hour|/\s?(?:hour|hr)",
}
_RATE_ASKED = re.compile(
    # not a span: "in less than a day", "within a week", "half a year", "for a month"
    r"(?<!\bthan\s)(?<!\bin\s)(?<!\bwithin\s)(?<!\bhalf\s)(?<!\bfor\s)(?<!\bonce\s)"
    r"\b(?:per|a|an|each|every)\s+(year|month|week|day|hour)\b(?!\s+(?:ago|earlier|later|before|after))|"
    r"(?-i:\b(annual|annually|yearly|monthly|weekly|daily|hourly)\b)|^(annual|annually|yearly|monthly|weekly|daily|hourly)\b",
    re.I,  # in lower case, or opening the question: not "Startups Weekly", "The Daily Mail"
)
_RATE_WORD = {"annual": "year", "annually": "year", "yearly": "year", "monthly": "month", "weekly": "week",
              "daily": "day", "hourly": "hour"}


def gives_rate(question: str, text: str) -> bool:
    """A question asking for a rate ("how much per month", "a year") is answered only by a sentence
    stating that rate ("$9.99 a month", "an annual salary of ..."), not by a one-off sum or a total."""
    m = _RATE_ASKED.search(question)
    if not m:
        return True
    unit = (m.group(1) or _RATE_WORD[(m.group(2) or m.group(3)).lower()]).lower()
    return bool(re.search(r"(?:\b|(?<=\d))(?:" + _RATE_UNITS[unit] + r")\b", text, re.I))


_MASS = r"grams?|g|kg|kilograms?|pounds?|lbs?|ounces?|oz|tonnes?|tons?"
_LENGTH = r"mm|cm|m|km|inch(?:es)?|in|feet|foot|ft|met(?:er|re)s?|miles?|yards?"
_TIME = r"seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|times"
# "how much lighter ...?": a comparison is answered in its own dimension ("30 grams less"), or as a share / multiple
_DIMENSIONS = {
    "lighter heavier": _MASS,
    "longer shorter": f"{_TIME}|{_LENGTH}",
    "taller wider narrower thinner thicker": _LENGTH,
    "faster slower quicker": rf"{_TIME}|mph|km/h|kph|fps|hz|ghz|mhz",
}
_COMPARED = re.compile(r"\bhow\s+(?:much|many\s+\w+)\s+(" + "|".join(" ".join(_DIMENSIONS).split()) + r")\b", re.I)


def gives_unit(question: str, text: str) -> bool:
    """"What is its battery life in hours?" is answered only by a number of hours ("up to 36 hours",
    "a 10-hour battery"); "How much lighter is it?" by a weight or a share ("30 grams less", "15% lighter")."""
    m = UNIT_ASKED.search(question)
    if m:
        return gives_measure(m.group(1), text)
    m = _COMPARED.search(question)
    if not m:
        return True
    units = next(u for words, u in _DIMENSIONS.items() if m.group(1).lower() in words.split())
    share = rf"\d\s?(?:%|percent|per\s+cent|x|times)\s+{m.group(1)}\b"  # "15% lighter", "30 to 50 percent longer"
    return bool(re.search(rf"\d\s?-?(?:{units})\b|{share}", text, re.I))


_SHARE_ASKED = re.compile(r"\b(?:what|which)\s+(?:percentage|percent|share|proportion|fraction)\b", re.I)
_STAKE_ASKED = re.compile(r"\b(?:what|which|how\s+(?:big|large|small)\s+(?:a|an))\s+(?:[\w-]+\s+)?stake\b", re.I)
_STAKE_NAMED = re.compile(r"\b(?:majority|minority|controlling|sole|full)\s+(?:\w+\s+)?(?:stake|owner)", re.I)
_CHANGE = (r"(?:rise|rose|risen|fall|fell|fallen|drop|dropped|jump|jumped|climb|climbed|gain|gained|grow|grew|"
           r"surge|surged|soar|soared|slump|slumped|sink|sank|slid|plunge|plunged|decline|declined|up|down|"
           r"increase|increased|decrease|decreased|cut|lower|higher)")
_CHANGED_BY = re.compile(rf"\b{_CHANGE}\b(?:\s+\w+){{0,2}}?\s+(?:by\s+)?(?:about\s+|nearly\s+|almost\s+)?{PERCENT}|"
                         rf"{PERCENT}\s+(?:{_CHANGE}|more|less|fewer)\b", re.I)


# "What cash back rate does the card earn?", "what's the interest rate": a rate given as one ("1.5%", "25 basis
# points", "3 points", "2x"), not "a flat cash back rate" beside "$0 annual fee"
_RATE_NOUN_ASKED = re.compile(r"\bwhat(?:['’]s|\s+(?:is|was|are|were))?\s+(?:(?:the|its|their|his|her)\s+)?"
                              r"(?:[\w-]+\s+){0,3}rates?\b", re.I)
_RATE_GIVEN = re.compile(rf"{PERCENT}|\d\s?(?:x\b|bps\b|(?:basis\s+)?points?\b|per\b|times\b|fps\b|bpm\b)", re.I)


def gives_share(question: str, text: str) -> bool:
    """"What percentage of searches does Google handle?" asks for a share: a percentage the sentence gives only
    as a change ("searches dropped 27%", "a 2,321% increase", "15% more searches") is not one, unless the question
    asks for a change. A rate asked ("what cash back rate") is given as one (``_RATE_GIVEN``)."""
    if _RATE_NOUN_ASKED.search(question) and not _RATE_GIVEN.search(text):
        return False
    if _STAKE_ASKED.search(question):  # "How big a stake does she own?": a share or a sum, not "a 29-year-old"
        return bool(PERCENT_RE.search(text) or MONEY_RE.search(text) or _STAKE_NAMED.search(text))
    if not _SHARE_ASKED.search(question) or re.search(rf"\b{_CHANGE}", question, re.I):
        return True
    return len(_CHANGED_BY.findall(text)) < len(PERCENT_RE.findall(text))


# "how much did they spend / cost / earn ...?" asks for a sum of money, not "a 14-inch screen" or "15%"
_MONEY_ASKED = re.compile(r"\bhow\s+much\s+(?:money\b|(?:[\w'’$&.,-]+\s+){0,8}?(?:spend|spent|spending|cost|costs|"
                          r"pay|paid|paying|earn|earned|gross|grossed|raise|raised|charge|charged|fetch|fetched|(?:sell|sold)\s+for|"
                          r"worth|invest|invested|owe|owed|bring|brought|fined|"
                          r"(?:make|made|making)(?=.*\b(?:box\s+office|sales|revenue|profit|money)\b))\b)", re.I)
_SUM = re.compile(r"\d\s?(?:thousand|million|billion|trillion|bn|mn)\b|\b(?:one|two|three|four|five|six|seven|eight|"
                  r"nine|ten|hundreds?|thousands?)\s+(?:million|billion|trillion)\b|"
                  r"\b(?:NIS|NOK|SEK|DKK|CHF|EUR|USD|GBP|JPY|CNY|RMB|INR|Rs\.?|AUD|CAD|HKD|ZAR|BRL|KRW|RUB)\s?\d", re.I)


# a company's valuation is no sum it raised, spent or earned: "a seed round at a $100 million valuation"
_SUM_SIGN = r"(?:[$£€]|US\$|A\$|\$(?:US|A))"
_ABOUT = r"(?:(?:more|less)\s+than\s+|over\s+|under\s+|about\s+|around\s+|nearly\s+|almost\s+|roughly\s+|some\s+)?"
_MAGNITUDE = r"[\d.,]+\s?(?:million|billion|trillion|[mb]n?\b)?"
_VALUATION = re.compile(rf"\b(?:at|on)\s+an?\s+(?:[\w-]+\s+)?{_SUM_SIGN}\s?{_MAGNITUDE}\s+(?:[\w-]+\s+)?valuation\b|"
                        rf"\bvalu(?:ed|ing)\s+(?:\w+\s+){{0,2}}?at\s+{_ABOUT}{_SUM_SIGN}\s?{_MAGNITUDE}"
                        r"(?:\s*\([^)]{0,30}\))?", re.I)  # "valued at more than $US80 billion ($A123 billion)"


def gives_money(question: str, text: str) -> bool:
    """"How much did shoppers spend online?" is answered by a sum ("$5.6 billion", "NIS 3.5 billion"), not by
    another amount ("a 14-inch MacBook", "rose 15%") nor by a valuation, unless a value or worth is asked."""
    if not _MONEY_ASKED.search(question):
        return True
    if not re.search(r"\bvalu|\bworth\b", question, re.I):
        text = _VALUATION.sub(" ", text)
    return bool(MONEY_RE.search(text) or _SUM.search(text))


_YEAR_ASKED = re.compile(r"\b(?:what|which)\s+year\b", re.I)
_YEAR = re.compile(r"\b(?:1[0-9]|20)\d\d\b")


def gives_year(question: str, text: str) -> bool:
    """"In what year ...?" is answered by a year ("in 1863"), not by "160 years ago" or a month."""
    if not _YEAR_ASKED.search(question):
        return True
    return bool(set(_YEAR.findall(text)) - set(_YEAR.findall(question)))

_ODDS_ASKED = re.compile(r"\bwhat\s+(?:(?:are|were|is|was)\s+)?(?:the\s+|his\s+|her\s+|their\s+|its\s+)?"
                         r"(?:[\w'’-]+\s+){0,3}?odds\b", re.I)
_ODDS = re.compile(r"(?<![\w.])[+-]\d{3,5}\b|\b\d{1,3}\s?/\s?\d{1,3}\b|\b\d{1,3}(?:\s+|-)to(?:\s+|-)\d{1,3}\b|"
                   r"\b\d{1,3}\.\d{1,2}\s+(?:odds|to\s+win)\b")


def gives_odds(question: str, text: str) -> bool:
    """"What odds were sportsbooks giving X?" is answered by odds ("+350", "7/2", "5-to-1"), not by a sentence about
    where the odds are posted."""
    return not _ODDS_ASKED.search(question) or bool(_ODDS.search(text))


_SPREAD_ASKED = re.compile(r"\b(?:point\s+)?spread\b|\bover\s*/\s*under\b|\bmoneyline\b|\bfavou?red\s+by\b", re.I)
_SPREAD = re.compile(r"(?<![\w.])[+-]\d{1,4}(?:\.5)?\b|\b\d{1,2}(?:\.5)?-point\s+(?:favou?rites?|underdogs?|dogs?)\b|"
                     r"\bfavou?red\s+by\s+\d|\btotal\s+(?:of\s+|at\s+)?\d|\bover\s*/\s*under\s+(?:\w+\s+){0,2}?\d",
                     re.I)


_SIDE = r"((?-i:[A-Z])[\w'’.&-]*(?:\s+(?-i:[A-Z])[\w'’.&-]*)*)"
_SIDES = re.compile(rf"\bbetween\s+(?:the\s+)?{_SIDE}\s+and\s+(?:the\s+)?{_SIDE}|"
                    rf"{_SIDE}\s+(?:vs\.?|v\.?|versus|at)\s+(?:the\s+)?{_SIDE}", re.I)


def line_sides(question: str) -> list[str]:
    """The last word of each side of the game whose betting line (point spread, over/under, moneyline) the question
    asks ("between Alabama and Michigan", "North Texas at SMU"), or [] when it asks none."""
    m = _SIDES.search(question) if _SPREAD_ASKED.search(question) else None
    return [g.split()[-1] for g in m.groups() if g] if m else []


def gives_spread(question: str, text: str) -> bool:
    """"What's the point spread / the over/under?" is answered by a line ("Mustangs -14", "12-point favorites",
    "a total of 71.5"), not by a heading naming the kinds of bet ("Point spread, moneyline, total")."""
    return not _SPREAD_ASKED.search(question) or bool(_SPREAD.search(text))


_LONG_ASKED = re.compile(r"\bhow\s+long\b(?!\s+ago\b)", re.I)
_SPAN = re.compile(
    r"(?:\d[\d.,]*|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|sixty|ninety|hundred|several|few|couple\s+of))(?:\s+|-)(?:\w+\s+)?(?:-?(?:hours?|minutes?|"
    r"seconds?|days?|nights?|weeks?|months?|years?|decades?|seasons?|games?|matches|races|innings|episodes|terms?|"
    r"inch(?:es)?|cm|mm|km|feet|foot|ft|metres?|meters?|miles?|yards?|laps?|pages|words))\b"
    r"(?P<rel>\s+(?:after|before|ago|later|earlier|into|on)\b)?|"
    r"\b(?:the\s+)?(?:past|last|next|whole|entire|full|all|rest\s+of\s+the)\s+(?:\w+\s+)?(?:season|year|month|week|day|"
    r"night|decade|campaign|tournament|game|match)s?\b(?!\s+(?:after|before|ago|later|earlier)\b)|"
    r"\b\d+(?:st|nd|rd|th)\s+(?:straight\s+|consecutive\s+)?(?:season|year|term|week|month|day)\b|"
    r"\b(?:all-day|all-night|full-day|overnight|decades-long|years-long|months-long|weeks-long|lifelong)\b|"
    r"\b(?:until|till|through|throughout|since|for\s+life|life\s+(?:sentence|in\s+prison)|indefinitely|permanently|for\s+good|rest\s+of\s+the)\b|"
    r"\d[\d.,]*\s?(?:h|hrs?|mins?|s|km|mi|m|ft)\b|\b\d{1,2}:\d{2}\b",
    re.I)


_LASTING = re.compile(r"\b(?:take|takes|took|taking|last|lasts|lasted|lasting|for|spend|spent|within|over|up\s+to)"
                      r"(?:\s+\w+){0,3}\s*$", re.I)


def gives_span(question: str, text: str) -> bool:
    """"How long will the ban last?" is answered by a span of time or a length ("two weeks", "a five-year deal",
    "until March", "36 hours", "1,200 metres"), not by a date or a count on its own ("On Oct. 20")."""
    if not _LONG_ASKED.search(question):
        return True
    # "a week after the incident" says when, unless a verb of duration comes first ("can take eight weeks after")
    return any(not m.group("rel") or _LASTING.search(text[max(0, m.start() - 40) : m.start()])
               for m in _SPAN.finditer(text))


_RELATIVE_YEAR = re.compile(r"\b(this|next|last)\s+(?:year|season)\b", re.I)
_YEAR_OFFSET = {"this": 0, "next": 1, "last": -1}


def relative_year(spec: str, text: str, published: str) -> bool:
    """Does ``text`` name the year ``spec`` ("2024") relative to the article's publication date ("next season"
    in an article of 2023)? False when the article has no date."""
    if not re.fullmatch(r"(?:19|20)\d\d", spec) or not re.match(r"(?:19|20)\d\d", published or ""):
        return False
    year = int(published[:4])
    return any(year + _YEAR_OFFSET[m.group(1).lower()] == int(spec) for m in _RELATIVE_YEAR.finditer(text))


__all__ = ["gives_money", "gives_odds", "gives_rate", "gives_share", "gives_span", "gives_spread", "gives_unit",
           "gives_year", "line_sides", "relative_year"]
