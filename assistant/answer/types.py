"""Does a sentence carry a value of the expected answer type that the question did not already give?

``carries(answer_type, sentence, question)``: "amount" -> a money sum, a percentage, a figure with a magnitude
or unit ("$1.7 billion", "43%", "30 grams");
"score" -> a result such as 28-24 or "49ers 42, Cowboys 10"; "number" -> a figure or number word (for "how
many", a count: not a sum of money or a year);
"rank" -> also an ordinal; "date" -> a month, weekday, year, clock time, relative time or a time in a game ("the
55th minute"); "name"/"place" -> a capitalised name beyond the sentence's first word (not an all-capital abbreviation).
Values that also appear in the question do not count: "How many goals did he score in 2023?" is
not answered by "2023".
"""

from __future__ import annotations

import re

from assistant.answer.words import MONTHS, WORD_RE, stem
from index.text.terms import FUNCTION_WORDS

_CURRENCY_CODES = "INR USD EUR GBP CHF AUD CAD NZD HKD SGD JPY CNY RMB NIS ILS SEK NOK DKK ZAR KRW BRL MXN".split()
_CODES = "|".join(_CURRENCY_CODES)
_CURRENCY = rf"[$£€¥₹]|\$[A-Z]{{1,2}}(?=\s?\d)|\b(?:US\$|A\$|C\$|HK\$|Rs\.?|(?-i:{_CODES}))"
_MONEY_WORDS = r"(?:dollars|euros|pounds|yen|yuan|rupees|francs|pesos|riyals|dirhams|cents|pence)\b"
_MAGNITUDE = r"(?:thousand|million|billion|trillion|bn|m|k|mn)\b"
_NUM = r"\d[\d,]*(?:\.\d+)?"
_UNIT = (
    r"(?:inch(?:es)?|cm|mm|km|feet|foot|ft|metres?|meters?|miles?|kg|kilograms?|grams?|g|lbs?|ounces|oz|"
    r"gb|tb|mb|kb|pb|zb|(?:kilo|mega|giga|tera|peta|exa|zetta)bytes?|hours?|minutes?|seconds?|days?|weeks?|months?|years?|times|x)\b"
)
_NUMBER_WORD = (
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|"
    r"dozen|dozens|thousands|millions|billions)\b"
)
_ORDINAL = r"\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b"
# "$69bn", "Rs 500 crore", "10 million euros", "500 USD", "20 cents", "half a million dollars"
MONEY_RE = re.compile(
    rf"(?:{_CURRENCY})\s?\d|\d\s?(?:{_MAGNITUDE}\s?)?{_MONEY_WORDS}|\d\s?¢|\d\s?(?-i:{_CODES})\b|"
    rf"(?:{_NUMBER_WORD}|\ba|\ban|\bhalf\s+a)(?:\s+(?:of\s+)?(?:hundred|thousand|million|billion|trillion)s?)*"
    rf"(?:\s+of)?\s+{_MONEY_WORDS}",
    re.I,
)
PERCENT = rf"(?:\d[\d.,]*|{_NUMBER_WORD})\s?(?:%|percent\b|per\s+cent\b)"  # "43%", "Twenty-two percent"
PERCENT_RE = re.compile(PERCENT, re.I)
MEASURE_RE = re.compile(rf"\d[\d.,]*\s?-?(?:{_UNIT}|%|percent\b)", re.I)
_AMOUNT_RE = re.compile(
    rf"(?:{_CURRENCY})\s?{_NUM}|{_NUM}\s?(?:%|percent\b|per\s+cent\b|percentage\s+points?\b)|"
    rf"{_NUM}\s?{_MAGNITUDE}|{_NUM}\s?(?:{_MONEY_WORDS}|p\b|¢|US\s+cents)|"
    rf"{_NUM}\s?-?{_UNIT}|{_NUMBER_WORD}\s+(?:percent|per\s+cent|million|billion|dollars|euros|pounds)|"
    r"\d\s?(?:\^|\*\*)\s?\d+|\d\s?[x×]\s?10\s?[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d(?:\.\d+)?e\d+\b",  # "10^25 FLOPs", "1e25"
    re.I,
)
_NUMBER_RE = re.compile(rf"{_NUM}|{_NUMBER_WORD}", re.I)
_RANK_RE = re.compile(rf"{_NUM}|{_NUMBER_WORD}|{_ORDINAL}", re.I)
_DATE_RE = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    + "|".join(m.lower() for m in MONTHS)
    + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?|"
    r"\b(?:1[89]|20)\d\d\b|\b(?:in|since|from|circa|around|until)\s+1[0-7]\d\d\b|"  # "built back in 1787"
    r"\b\d{1,2}(?::\d\d)?\s?(?:a\.?m\.?|p\.?m\.?)|\b\d{1,2}:\d\d\b|"
    r"\b(?:yesterday|today|tomorrow|tonight|last\s+(?:week|month|year|season|night)|next\s+(?:week|month|year|season)|"
    r"(?:in|within|after)\s+(?:\w+\s+){0,3}(?:days?|weeks?|months?|years?)|(?:days?|weeks?|months?|years?)\s+(?:ago|later))\b|"
    r"\b(?:\d{1,3}(?:st|nd|rd|th)|\d{2,3}\+\d)[- ]minute\b|\bminute\s+\d{1,3}\b|\b(?:stoppage|injury|added)[- ]time\b|"
    r"\b(?:first|second)[- ]half\b|\bhalf[- ]?time\b|\bovertime\b",  # in a game: "sent off in the 55th minute"
    re.I,
)
_NOT_COUNTS_RE = re.compile(rf"(?:{_CURRENCY})\s?{_NUM}(?:\s?{_MAGNITUDE})?|\b(?:1[89]|20)\d\d\b(?!\s?[a-z]+s\b)", re.I)
_NOT_NAME = {m.lower() for m in MONTHS} | {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "i", "mr", "mrs", "ms", "dr",
}


def gives_measure(unit: str, text: str) -> bool:
    """Does ``text`` give a number of ``unit`` ("36 hours", "a 10-hour battery", "four hours")?"""
    one = unit[:-1] if unit.lower().endswith("s") else unit
    return bool(re.search(rf"(?:{_NUM}|{_NUMBER_WORD})\s?-?\s?{re.escape(one)}s?\b", text, re.I))


def _values(rx: re.Pattern, text: str) -> set[str]:
    return {" ".join(m.group().lower().split()) for m in rx.finditer(text)}


def _new_values(rx: re.Pattern, sentence: str, question: str) -> bool:
    asked = _values(rx, question)
    return any(v not in asked for v in _values(rx, sentence))


def names_in(sentence: str, acronyms: bool = True) -> set[str]:
    """Stems of capitalised words that are not the sentence's first word (nor stopwords, months, days;
    nor all-capital abbreviations unless ``acronyms``)."""
    words = WORD_RE.findall(sentence)
    out = set()
    for k, w in enumerate(words):
        if not w[:1].isupper() or w.lower() in FUNCTION_WORDS or w.lower().rstrip(".") in _NOT_NAME:
            continue
        if not acronyms and len(w) > 1 and w.isupper():
            continue
        if k == 0 and not (len(words) > 1 and words[1][:1].isupper()):
            continue
        out.add(stem(w))
    return out


_TEAM = r"[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)?"
SCORE = r"\d{1,3}\s?[-–]\s?\d{1,3}"  # "16-13", "2 – 1"
_TEAM_SCORES = rf"\b{_TEAM}\s\d{{1,3}},?\s{_TEAM}\s\d{{1,3}}\b"  # "Bears 16, Panthers 13", "USF 45 Syracuse 0"
_SCORE_RE = re.compile(rf"\b{SCORE}\b|{_TEAM_SCORES}")


def names_scores(sentence: str) -> bool:
    """The sentence gives each side with its score ("Boca Raton Bowl: USF 45 Syracuse 0"): a result as it stands."""
    return re.search(_TEAM_SCORES, sentence) is not None


def carries(answer_type: str, sentence: str, question: str) -> bool:
    """Does ``sentence`` hold a value of ``answer_type`` that ``question`` does not already hold?"""
    if answer_type == "amount":
        return _new_values(_AMOUNT_RE, sentence, question)
    if answer_type == "score":
        return _new_values(_SCORE_RE, sentence, question)
    if answer_type == "number":  # "how many" asks for a count: no sum of money or year ("€9.99 a month", "in 2017")
        counted = re.search(r"\bhow\s+many\b", question, re.I)
        return _new_values(_NUMBER_RE, _NOT_COUNTS_RE.sub(" ", sentence) if counted else sentence, question)
    if answer_type == "rank":
        return _new_values(_RANK_RE, sentence, question)
    if answer_type == "date":
        return _new_values(_DATE_RE, sentence, question)
    if answer_type in ("name", "place"):
        asked = {stem(w) for w in WORD_RE.findall(question)}
        return bool(names_in(sentence, acronyms=False) - asked)
    return True


__all__ = [
    "MEASURE_RE", "MONEY_RE", "PERCENT", "PERCENT_RE", "SCORE", "carries", "gives_measure", "names_in", "names_scores",
]
