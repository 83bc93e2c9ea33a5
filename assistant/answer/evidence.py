"""How strongly a sentence answers a question, before and besides the encoder.

``Lexical`` scores the share of the question's words a sentence holds, each word weighted by
its rarity among the candidate sentences (idf): full credit in the sentence itself (a speaker
and role resolved for it count as its words), half credit in the neighbouring sentences,
title or publication date; a multi-word name counts as present when its initials are ("NAR"
for "National Association of Realtors"). A follow-up's carried-over words count at a third.

``preference`` adds small bonuses for the answer's usual form: a currency sum for "how much
did X sell/cost/pay", a percentage for "how much did X rise/fall" and "what share" (and a small
penalty for a figure pinned to a place the question does not name, "sales in China", or stated as a
forecast, "is expected to gross $1.4 billion", when the question asks no forecast; for "how much
revenue" and "what ticket prices" a further bonus when the sentence ties a figure to that noun, a penalty
when it never names it),
"<number> goals" for "how many goals", an age for "how old", a measure for "how big/long" (a weight
for "how much lighter", a length or time for "how much longer": not a price or a storage size),
a first-and-last name for "who", a year for "what year", a clock time for "what time".
For "who scored" the form demanded is a sentence crediting a goal to a name the question does not
hold ("Kingsley Coman's winning goal", "GOAL - Jamaica 1-2 Canada (Stephen Eustaquio)").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from assistant.answer.asked_type import FAR_ASKED
from assistant.answer.question import QuestionInfo
from assistant.answer.types import MEASURE_RE, MONEY_RE, PERCENT_RE
from assistant.answer.words import WORD_RE, by_prefix, stem, term_present

NEIGHBOUR_CREDIT = 0.5
CONTEXT_WEIGHT = 0.33
BONUS = 0.08
# words of a question only a sum of money answers ("cost", "pay", "worth"; not the noun "spending", which
# rises and falls), and those a sum answers best
_MONEY_ONLY_WORDS = (r"cost|costs|costing|pay|paid|pays|paying|price|prices|priced|spend|spent|fine|"
                     r"fined|salary|worth|valued|valuation|budget|fee|fees|funding|charg(?:e|es|ed|ing)")
_MONEY_Q = re.compile(
    rf"\b(?:{_MONEY_ONLY_WORDS}|sell|sold|sales|revenue|earn|earned|raise|raised|bring\s+in|make|made|making|gross|"
    r"grossed|grossing|lose|lost|income|earnings|profit|money|bookings?|get)\b", re.I
)
# "How much does X cost / is X paying / did X spend?": only a sum of money answers (units sold or a time spent
# could answer "how much did X sell", "how much time did X spend"; those are not asked this way)
_MONEY_ONLY_Q = re.compile(
    r"\bhow\s+much\s+(?:money\s+|cash\s+)?(?:is|was|are|were|did|does|do|will|would|has|have|had|could|can|might)\b"
    rf".*\b(?:{_MONEY_ONLY_WORDS})\b"
    # "How much is the Apple Studio Display during Prime Day?": a thing's price, no verb after it
    r"|^\W*how\s+much\s+(?:is|are)\s+(?:the|a|an|this|that|these|those)\s+(?:(?-i:[A-Z0-9])[\w'’.&+-]*\s*)+"
    r"(?:(?:on\s+sale|during|at|in|for|right\s+now|now|today|this\s+\w+)\b[^?]*)?\?*\s*$", re.I
)
_SHARE_Q = re.compile(
    r"\b(?:(?<!per\s)(?<!a\s)share(?!\s+price)|percentage|percent|proportion|rates?|rise|rose|climb|climbed|fell|drop|dropped|gain|gained|"
    r"fall(?!\s+(?-i:[A-Z])|\s+(?:season|semester|sales?|lineup|schedule|release|event)\b)|"  # not "the fall Prime Day"
    r"grow|grew|increase|increased|decline|declined|jump|jumped|slump|slumped|(?<!-)(?<!end\s)(?<!ends\s)(?<!ended\s)"
    r"(?<!wind\s)(?<!set\s)(?<!sign\s)(?<!signed\s)(?<!pick\s)(?<!picked\s)(?:up|down)(?!-))\b", re.I
)  # "how much did shares go up": a change; "how much will it end up costing": no change asked; "the fall
#  Prime Day sales", "the fall season": the season
_SHARE_OF = re.compile(r"\d\s?(?:%|percent\b|per\s+cent\b)\s+of\s+(?:its\s+|their\s+|the\s+)?(?:\w+\s+){0,2}?"
                       r"(?:turnover|revenues?|sales|income|profits?|earnings|salary|budget|value)\b", re.I)
_COMPARATIVE = re.compile(r"\bhow\s+much\s+\w+er\b|\bhow\s+much\s+(?:more|less)\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_CLOCK = re.compile(r"\b\d{1,2}(?:[:.]\d\d)?\s?(?:a\.?m\.?|p\.?m\.?)|\b\d{1,2}:\d\d\b", re.I)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
_DAY = re.compile(rf"\b{_MONTH}[a-z]*\.?\s+\d{{1,2}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}", re.I)
_AGE = re.compile(r"[A-Z][\w'’-]+,\s\d{1,3},|\baged?\s\d{1,3}\b|\b\d{1,3}-year-old\b|\b\d{1,3}\syears?\sold\b")
_NUM_TOKEN = re.compile(r"^(?:\d[\d,.]*\+?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                        r"twenty|thirty|forty|fifty|hundred|dozen|dozens|hundreds|thousands)$", re.I)


def name_phrases(question: str) -> list[tuple[list[str], str]]:
    """(stems, initials) of each run of two or more capitalised words past the first word."""
    out = []
    words = WORD_RE.findall(question)
    run: list[str] = []
    for w in [*words[1:], ""]:
        if w[:1].isupper():
            run.append(w)
            continue
        if len(run) >= 2:
            out.append(([stem(x) for x in run], "".join(x[0] for x in run).lower()))
        run = []
    return out


class Lexical:
    """Idf-weighted share of the question's words in a sentence (see the module docstring)."""

    def __init__(self, info: QuestionInfo, sentences: Iterable[set[str]]):
        sentences = list(sentences)
        df: dict[str, int] = {}
        for terms in sentences:
            for t in terms:
                df[t] = df.get(t, 0) + 1
        n = len(sentences)

        def idf(t: str) -> float:
            return 1.0 + math.log((n + 1) / (df.get(t, 0) + 1))

        self.weights = {t: idf(t) for t in info.terms}
        self.weights.update({t: CONTEXT_WEIGHT * idf(t) for t in info.context_terms if t not in self.weights})
        self.phrases = name_phrases(info.text)
        self.total = sum(self.weights.values())
        self.prefixes = {t[:5] for t in self.weights if len(t) >= 5}

    def score(self, terms: set[str], near: set[str]) -> float:
        if not self.total:
            return 0.0
        by_initials = {s for stems, initials in self.phrases if initials in terms for s in stems}
        in_terms, in_near = by_prefix(terms, self.prefixes), by_prefix(near, self.prefixes)
        got = 0.0
        for t, w in self.weights.items():
            if t in by_initials or term_present(t, terms, in_terms):
                got += w
            elif term_present(t, near, in_near):
                got += NEIGHBOUR_CREDIT * w
        return got / self.total


_SEAT_WORDS = r"based|headquartered|headquarters|HQ|located"
_SEAT = re.compile(rf"\b(?:{_SEAT_WORDS})\b", re.I)
_SEAT_IN = re.compile(rf"\b(?i:{_SEAT_WORDS})\s+(?:is\s+|are\s+)?in\s+(?:the\s+)?[A-Z]")


def form_is_required(info: QuestionInfo) -> bool:
    """Must the answer come in the question's form, or not at all: a sum of money for "how much does X cost / is X
    paying"? (Elsewhere a sentence in the form is preferred, and another one may answer when none is.)"""
    return info.answer_type == "amount" and not _COMPARATIVE.search(info.text) and not _SHARE_Q.search(info.text) \
        and bool(_MONEY_ONLY_Q.search(info.text))


def required_form(info: QuestionInfo, sentence: str) -> bool | None:
    """Does ``sentence`` give the answer in the form the question demands: a currency sum (or a share of a sum:
    "6% of annual turnover") for "how much did X sell/cost/pay", a percentage for "what share" and "how much did
    X rise", an age for "how old" ("Smith, 44,"), a year for "what year", a clock time for "what time", a day
    for "what day", a goal credited to someone for "who scored", a source ("will come from") for "where does X
    come from"? None when the question demands none.
    Fact mode keeps only such sentences when there are any."""
    q, low = info.text, info.text.lower()
    if info.answer_type == "amount" and not _COMPARATIVE.search(q):
        if _SHARE_Q.search(q):
            return bool(PERCENT_RE.search(sentence))
        if _MONEY_Q.search(q) or _MONEY_ONLY_Q.search(q):
            return bool(MONEY_RE.search(sentence) or _SHARE_OF.search(sentence))
    if info.answer_type == "number" and re.search(r"\bhow\s+old\b", low):
        return bool(_AGE.search(sentence))
    if info.answer_type == "name" and _SCORED_Q.search(q):
        return _names_scorer(q, sentence)
    if info.wh == "where" and re.search(r"\b(?:come|comes|came)\s+from\b", low):  # "Where does X come from?"
        return bool(re.search(r"\b(?:come|comes|came|coming|sourced|drawn|supplied|provided)\s+(?:\w+\s+){0,2}?"
                              r"(?:from|by)\b", sentence, re.I))
    if info.answer_type == "place" and _SEAT.search(q):  # "Where is Hikvision headquartered?": "Based in Hangzhou"
        return bool(_SEAT_IN.search(sentence))
    far = FAR_ASKED.search(low)
    if far:  # "How far south were the lights seen?": "as far south as Wiltshire"
        return bool(re.search(r"\bas\s+far\s+" + far.group(1) + r"\s+as\s+[A-Z]", sentence))
    if info.answer_type == "date":
        if "what year" in low or "which year" in low:
            return bool(_YEAR.search(sentence))
        if "what time" in low:
            return bool(_CLOCK.search(sentence))
        if re.search(r"\b(?:what|which)\s+(?:day|date)\b", low):
            return bool(_DAY.search(sentence))
    return None


_SCORED_Q = re.compile(
    r"\bwho\s+(?:scored|netted|found\s+the\s+net|hit\s+the\s+net|got\s+on\s+the\s+scoresheet)\b|"
    r"\bwho\s+(?:got|grabbed|hit)\b.*\b(?:goal|winner|equali[sz]er|opener)", re.I
)
_NAME = r"[A-Z][\w'’.-]+(?:\s(?:de\s|van\s|da\s)?[A-Z][\w'’.-]+)*"
_GOAL = r"(?:goal|strike|header|winner|effort|finish|penalty|volley|shot|equali[sz]er|opener|brace|hat-trick)"
_SCORER = re.compile(
    rf"(?P<a>{_NAME})['’]s\s(?:[\w-]+\s){{0,3}}?{_GOAL}s?\b|"
    rf"(?P<b>{_NAME})\s(?:scored|scores|netted|nets|struck|headed|fired|slotted|converted|volleyed|tapped|curled|"
    rf"grabbed|bagged|rifled|drilled|smashed|lashed|blasted|thumped|powered|poked|prodded|nodded|swept|stabbed|"
    rf"bundled|flicked|chipped|lobbed|has\s+a\s+winner|got\s+the\s+winner)\b|"
    rf"\b(?i:goal|scored\s+by|{_GOAL}\s+(?:from|by))\b[^.()]{{0,40}}?(?:\(|\bby\s)(?P<c>{_NAME})"
)


def _names_scorer(question: str, sentence: str) -> bool:
    """"Who scored ...": the sentence credits a goal to a name the question does not hold ("Stephen Eustaquio's
    85th-minute strike", "Coman headed in", "GOAL – Jamaica 1-2 Canada (Stephen Eustaquio)")."""
    def words(text: str) -> set[str]:
        return {stem(re.sub(r"['’]s$", "", w)) for w in WORD_RE.findall(text)}

    asked = words(question)
    for m in _SCORER.finditer(sentence):
        if not words(m.group("a") or m.group("b") or m.group("c")) <= asked:
            return True
    return False


def preference(info: QuestionInfo, sentence: str) -> float:
    """A bonus for the answer's usual form (see the module docstring)."""
    q = info.text
    if info.answer_type == "amount" and _elsewhere(q, sentence):
        return -BONUS / 2  # "Sales in North America rose to $5.4 billion": a part, when no place was asked
    if info.answer_type == "amount" and _FORECAST.search(sentence) and not _FUTURE_Q.search(q):
        return -BONUS / 2  # "is expected to gross some $1.4 billion": a forecast, when the figure itself was asked
    if required_form(info, sentence):
        return BONUS + {True: BONUS, False: -BONUS / 2, None: 0.0}[_measured_noun_valued(q, sentence)]
    if info.answer_type == "amount" and _COMPARATIVE.search(q):
        return BONUS if _measures_difference(q, sentence) else 0.0
    if info.answer_type == "number":
        unit = re.search(r"\bhow\s+many\s+(?:[a-z-]+\s+){0,1}?([a-z-]+)\b", q, re.I)
        if unit and counts(stem(unit.group(1)), sentence):
            return BONUS
        if re.search(r"\bhow\s+(?:big|large|tall|long|far|heavy|wide|high)\b", q, re.I) and MEASURE_RE.search(sentence):
            return BONUS
    if info.answer_type == "name" and info.wh == "who" and _new_full_name(q, sentence):
        return BONUS
    return 0.0



_DIFFERENCE = {  # what "how much lighter/longer/faster" measures (a share or a multiple fits each)
    "weight": (r"lighter|heavier", r"g|grams?|kg|kilos?|kilograms?|lbs?|pounds|ounces|oz|tons?|tonnes?"),
    "length": (r"longer|shorter|taller|wider|higher|further|farther|deeper",
               r"mm|cm|m|km|inch(?:es)?|ft|feet|foot|yards?|metres?|meters?|miles?|hours?|minutes?|seconds?|days?|"
               r"weeks?|months?|years?"),
    "speed": (r"faster|slower|quicker", r"mph|km/h|kph|hours?|minutes?|seconds?|ms|milliseconds?"),
}


def _measures_difference(question: str, sentence: str) -> bool:
    """"How much lighter ...": a weight ("30 grams less"), a share or a multiple; "how much longer": a length
    or a time; any measure for other comparatives ("how much bigger")."""
    for words, units in _DIFFERENCE.values():
        if re.search(rf"\bhow\s+much\s+(?:{words})\b", question, re.I):
            return bool(re.search(rf"\d[\d.,]*\s?-?(?:{units}|percent|times|x)\b|\d\s?%", sentence, re.I)
                        or re.search(r"\b(?:twice|double|half)\b", sentence, re.I))
    return bool(MEASURE_RE.search(sentence))


_NAME_WORD = r"[A-Z][a-z]+(?:[-'’][A-Za-z]+)?"
_FULL_NAME = re.compile(rf"\b{_NAME_WORD}\s+(?:(?:de|van|von|da|ten|al)\s+)?{_NAME_WORD}")


def _new_full_name(question: str, sentence: str) -> bool:
    """A first-and-last name in the sentence that the question does not hold ("Jorgen Juve")."""
    asked = set(WORD_RE.findall(question))
    return any(not set(m.group().split()) <= asked for m in _FULL_NAME.finditer(sentence) if m.start() > 0)


_FORECAST = re.compile(r"\b(?:is|are|was|were)\s+(?:\w+\s+){0,2}?(?:expected|projected|forecast(?:ed)?|poised|"
                       r"set|likely|on\s+track)\s+(?:by\s+(?:[\w.’'-]+\s+){1,4}?)?to\b", re.I)
_FUTURE_Q = re.compile(r"\b(?:will|would|going\s+to|set\s+to|expect\w*|forecast\w*|project\w*|predict\w*|"
                       r"estimat\w*|anticipat\w*)\b", re.I)
_LOCATIVE = re.compile(r"\b(?:in|across|outside)\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)")


def _elsewhere(question: str, sentence: str) -> bool:
    """The sentence pins its figure to a place the question does not name ("in China")."""
    asked = set(WORD_RE.findall(question))
    return any(not set(m.group(1).split()) & asked for m in _LOCATIVE.finditer(sentence))


_MEASURED = re.compile(r"\bhow\s+much\s+([a-z]+)\b|\bwhat\s+([a-z]+)\s+(?:prices?|fees?|costs?)\b", re.I)
_NOT_NOUN = {"did", "does", "do", "will", "would", "could", "can", "is", "was", "are", "were", "has", "have", "had",
             "more", "less", "money", "of", "the", "a", "an", "it", "he", "she", "they", "we", "you", "should"}


def _measured_noun_valued(question: str, sentence: str) -> bool | None:
    """"How much revenue did X ...": True when the sentence ties a figure to that very noun ("revenue of
    $9.3 billion", "$9.3 billion in revenue"), False when it never names it (its figure measures something
    else: "net income of $221 million"); None when the question names no measured noun."""
    m = _MEASURED.search(question)
    word = m and (m.group(1) or m.group(2)).lower()
    if not word or word in _NOT_NOUN or word.endswith("er"):
        return None
    noun = stem(word)
    words = WORD_RE.findall(sentence)
    if not any(stem(w) == noun for w in words):
        return False
    return any(stem(w) == noun and any(x[:1].isdigit() for x in words[max(0, k - 4) : k + 7])
               for k, w in enumerate(words))


# a unit's symbol after its number counts the unit: "12MP" for "how many megapixels"
_UNIT_SYMBOLS = {"megapixel": "mp", "gigabyt": "gb", "terabyt": "tb", "megabyt": "mb", "watt": "w", "kilowatt": "kw",
                 "hertz": "hz", "kilometr": "km", "kilometer": "km", "kilogram": "kg", "horsepower": "hp"}


# a group's size counts its members: "a bloated 36-man squad" for "how many players did he call up"
_MEMBERS = frozenset(stem(w) for w in "player member athlete footballer cricketer man woman".split())
_SIZED_GROUP = re.compile(r"\b(?:\d+|[a-z]+(?:-[a-z]+)?)-(?:man|woman|person|member|player|strong)\s+(?:[\w-]+\s+)?"
                          r"(?:squad|roster|team|side|group|panel|crew|delegation|lineup|field|list)\b", re.I)


def counts(unit: str, sentence: str, symbols_only: bool = False) -> bool:
    """Does the sentence count ``unit`` ("six goals", "1,180 days", "a 10-point deduction", "12MP", "a 36-man
    squad" of players)?"""
    symbol = _UNIT_SYMBOLS.get(unit)
    if symbol and re.search(rf"\b\d[\d.,]*\s?{symbol}\b", sentence, re.I):
        return True
    if unit in _MEMBERS and _SIZED_GROUP.search(sentence):
        return True
    if symbols_only:
        return False
    words = WORD_RE.findall(sentence)
    for k, w in enumerate(words):
        parts = w.split("-")
        if len(parts) == 2 and _NUM_TOKEN.match(parts[0]) and stem(parts[1]) == unit:
            return True
        if _NUM_TOKEN.match(w) or w[:1].isdigit():
            if any(stem(x) == unit for x in words[k + 1 : k + 3]):
                return True
    return False


__all__ = ["BONUS", "Lexical", "counts", "form_is_required", "name_phrases", "preference", "required_form"]
