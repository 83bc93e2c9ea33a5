"""The kind of answer a question expects (``answer_type_of``), by one declarative table of rules, first match wins:
"score" (the final score), "rank" (what number / position, where does X rank), "number" (how many / old / long,
what record / margin, "how much content"), "amount" (how much, what share / price / cost / rate, what did it
cost / earn), "date" (when, what year / day), "place" (where, which city / country), "name" (who, which player /
company / post). ``UNIT_ASKED``: a question asking in a unit ("What is its battery life in hours?").
"""

from __future__ import annotations

import functools
import re

from index.quotations.wordlists import ROLE_WORDS

_NOT_AUX = r"(?!(?:did|does|do|is|was|were|are|has|have|had|will|would|can|could|should)\b)"
# A question that asks in a unit ("What is its battery life in hours?"): a number of that unit answers it.
_MEASURES = r"hours|minutes|seconds|days|weeks|months|years|inches|feet|miles|kilomet(?:er|re)s|met(?:er|re)s|pounds|" \
    r"kilograms|grams"
UNIT_ASKED = re.compile(r"\bin\s+(" + _MEASURES + r"|percent|dollars|euros)\s*[?.!]*$", re.I)
# "how much content / traffic" asks how many items; "how much money / revenue" stays an amount
_COUNTABLE = r"content|posts?|material|traffic|email|mail|spam|footage|data\s+points|visitors|users"
# up to five words before the noun asked, none a preposition ("the Sabres' power play success rate", not "the
# reason for the rate")
_MODIFIERS = r"(?:(?!(?:of|for|to|in|on|at|by|with|about|behind|from)\b)[\w'’-]+\s+){0,5}?"
# "How far south ...?": a place reached ("as far south as Wiltshire"), which evidence's required form reads too
FAR_ASKED = re.compile(r"\bhow\s+far\s+(north|south|east|west|inland|afield)\b", re.I)
_TYPE_RULES: list[tuple[str, str]] = [
    (r"\b(?:final|aggregate|the|a|what)\s+score\b|\bscoreline\b|\bby\s+what\s+score\b|\bfinal\s+result\b", "score"),
    (r"\b(?:what|which)\s+(?:[\w'’-]+\s+){0,2}?(?:number|rank|ranking|position|place)\b|^where\s+(?:does|did|do|is|"
     r"was|will|would)\s+.+?\s(?:rank|ranks|ranked|place|placed)\b", "rank"),
    (r"\b(?:what|which)\s+(?:[\w'’-]+\s+){0,3}?(?:record|age|margin|era|average|rating)\b|^by\s+what\s+margin\b",
     "number"),
    (r"\bhow\s+much\s+(?:" + _COUNTABLE + r")\b", "number"),  # "how much content did it take down?": a count
    # "How much did England score?", "How much does it weigh?", "How much did they win by?": no sum of money
    (r"\bhow\s+much\s+(?:did|does|do|will|would|has|have|had|can|could)\s+.+?\s(?:score|scored|weigh|weighs|weighed|"
     r"(?:win|won|lose|lost|lead|led|trail|trailed)\s+by)\b", "number"),
    (r"\bhow\s+(?:much|expensive|costly)\b", "amount"),
    (r"\bwhat(?:'s|’s|\s+is|\s+was|\s+are|\s+were)?\s+(?:the\s+)?" + _MODIFIERS + r"(?:share|percentage|percent|"
     r"proportion|portion|fraction|stake|prices?|costs?|fees?|fine|salary|amount|sum|valuation|revenue|profit|loss|budget|"
     r"deficit|debt|funding|bonus|payout|settlement|wages?|compensation|net\s+worth|price\s+tag|value|rate|yield)\b",
     "amount"),
    (r"\bwhat\s+(?:does|did|do|will|would|was|is|were)\b.*\b(?:cost|costs|charg\w*|pay|paid|worth|priced|gross|"
     r"grossed|earn|earned)\b", "amount"),
    # "What's the Apple Watch Series 9 going for?", "What are the earbuds discounted to?": a price
    (r"\bwhat(?:'s|’s|\s+is|\s+are|\s+was|\s+were)\s.+?\s(?:going|selling|retailing|on\s+sale|listed|discounted|"
     r"marked\s+down|available)\s+(?:for|to|at)(?:\s+(?:in|at|on|during|from)\b.*)?\s*[?.!]*$", "amount"),
    (r"^what(?:'s|’s)\s.*\bworth\s*[?.!]*$|\bwhat\s+(?:did|does|do|will|would|has|have|had)\s.+?\s(?:close|closed|"
     r"trade|traded|settle|settled|end|ended|finish|finished|fall|fell|rise|rose|drop|dropped|climb|climbed|jump|"
     r"jumped|slip|slipped|ease|eased|reach|reached|hit)\s+(?:at|to)\s*[?.!]*$|\bwhat\s+level\b", "amount"),
    (r"\bwhat(?:'s|’s|\s+is|\s+was|\s+are|\s+were)?\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:attendance|turnout|"
     r"death\s+toll|toll|population|tally|headcount|length|duration|size|height|width|weight|distance|speed|capacity|"
     r"depth|area|volume)\b", "number"),
    (FAR_ASKED.pattern, "place"),  # "as far south as Wiltshire"
    # "How big a stake does she own?": a share or a sum, not any number
    (r"\bhow\s+(?:big|large|small)\s+(?:a|an|of\s+a)\s+(?:stake|share|cut|portion|slice|discount|raise)\b", "amount"),
    (r"\bhow\s+(?:many|old|long|big|large|tall|far|fast|high|heavy|often)\b|\bin\s+(?:" + _MEASURES + r")\s*[?.!]*$",
     "number"),
    (r"^(?:\w+\s+){0,2}?where\s+(?:did|does|do|will|would|could)\s+(?:[\w'’&-]+\s+){0,5}?(?:yields?|prices?|rates?|"
     r"index|indexes|indices|shares|stocks?|dollar|euro|pound|yen|currency|bitcoin|oil|gold|inflation|unemployment|"
     r"average|benchmark|futures|bonds?|dow|nasdaq|s&p(?:\s+500)?|ftse|nikkei|asx|market)\s+(?:[\w'’-]+\s+){0,6}?(?:end|close|finish|settle|stand|land|trade)\b",
     "amount"),  # "Where did the 10-year Treasury yield end up?": a level, not a place
    (r"^(?:\w+\s+){0,2}?when\b|\b(?:what|which)\s+(?:year|day|date|month|time|season|week|hour)\b", "date"),
    (r"^(?:\w+\s+){0,2}?where\b|\b(?:what|which)\s+(?:city|cities|country|countries|state|town|venue|stadium|"
     r"place|region|hospital|university|school)\b", "place"),
    (r"^(?:\w+\s+){0,3}?(?:who|whom|whose)\b|\b(?:about|on|regarding|as\s+to)\s+(?:who|whom)\b"
     r"|\bwhat(?:'s|’s|\s+is|\s+was|\s+are|\s+were)\s+the\s+names?\s+of\b|^name\s+(?:the|a|an|one)\b", "name"),
    (r"\b(?:which|what)\s+" + _NOT_AUX + r"(?:[\w'’-]+\s+){0,2}?(?:player|players|senator|person|people|company|"
     r"companies|club|team|firm|coach|manager|pitcher|character|actor|director|executive|official|group|outlet|"
     r"magazine|newspaper|brand|band|singer|movie|film|show|song|album|book|gene|journal|app|product|rival|"
     r"opponent|candidate|member|partner|partners|buyer|owner|winner|scorer|" + "|".join(sorted(ROLE_WORDS)) + r")\b",
     "name"),
]


# "Who directed / plays / wrote X?": the work credit asked, and the words a sentence giving it uses ("Directed by
# Shawn Levy", "portrayed by Nanase Nishino", "Director: Fritz Lang"); a sentence naming other people is no answer
_CREDITS = {
    "direct": r"direct\w*|helm(?:s|ed|ing)?", "play": r"play(?:s|ed|ing)?|portray\w*|star(?:s|red|ring)?|cast|role",
    "voic": r"voice[sd]?|voicing", "wr": r"wr[io]te|writ\w+|author\w*|penn?ed|screenplay",
    "compos": r"compos\w+|score[sd]?", "produc": r"produc\w+",
    "publish": r"publish\w*|journal|issue|edition|appear(?:s|ed)?\s+in|documented\s+in|printed",
    "led": r"led|leads|co-led|lead\s+investors?|leading",
}
_CREDIT_ASKED = re.compile(
    r"^(?:and\s+)?who\s+(?:\w+\s+)?(direct|play|voic|wr|compos|produc)(?:ed|es|s|ing|ote|ites)?\b|"
    r"^(?:and\s+)?who\s+(?:is|was)\s+(?:the\s+)?(direct|compos|produc|wr)(?:or|er|iter)\b|"
    r"^(?:and\s+)?(?:where|in\s+which\s+journal)\s+(?:was|were|is|are|has|have)\s+.+?\s(publish)ed\b|"
    r"^(?:and\s+)?who\s+(led)\s+(?:the\s+|its\s+|their\s+|this\s+)?(?:[\w-]+\s+){0,2}(?:round|funding|raise|investment)",
    re.I)
_SCREEN = re.compile(r"\b(?:role|character|part|lead|series|film|movie|show|musical|adaptation|biopic|sitcom|drama|"
                     r"cast|episode|play|stage|remake|sequel)\b", re.I)  # "who played in the final" is no casting


@functools.lru_cache(maxsize=256)
def credit_words(question: str) -> re.Pattern | None:
    """The words a sentence answering "Who directed / plays / wrote ...?" gives the credit in, or None."""
    m = _CREDIT_ASKED.search(question.strip())
    kind = next(g for g in m.groups() if g).lower() if m else ""
    if not kind or kind == "play" and not _SCREEN.search(question[m.end():]):
        return None
    return re.compile(r"\b(?:" + _CREDITS[kind] + r")\b", re.I)


# "Who is Tony Albert?": the person is named; what answers is a sentence saying who they are, not another name
_WHO_IS_NAMED = re.compile(r"(?i:who)\s+(?i:is|was)\s+[A-Z][a-z][\w.-]*(?:\s+[A-Z][a-z][\w.-]*){1,3}\s*[?.!]*")


def answer_type_of(question: str) -> str:
    if _WHO_IS_NAMED.fullmatch(question.strip()):
        return ""
    low = question.lower()
    for rx, kind in _TYPE_RULES:
        if re.search(rx, low):
            return kind
    return ""


__all__ = ["FAR_ASKED", "UNIT_ASKED", "answer_type_of", "credit_words"]
