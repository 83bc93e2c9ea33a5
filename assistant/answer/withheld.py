"""Sentences that say a detail is not given: "Its blog post does not specify which hashtags Meta is blocking",
"Pollard declined to specify a timeframe", "raised an undisclosed amount", "will update this story once I hear back".

``withholds(text)``: the sentence says some detail is not given (it answers nothing itself, ``eligibility.check``).
``withholds_asked(info, text)``: it says that of the very detail the question asks for: the noun of "which
hashtags" ("does not specify which hashtags"), the kind of answer ("declined to say when" for a date, "an
undisclosed sum" for an amount, "did not name the player" for a name). When such a sentence sits in the article an
answer would come from, the answer is that the article says it is not given, not a nearby sentence that looks like
one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.answer.words import stem

if TYPE_CHECKING:
    from assistant.answer.question import QuestionInfo

_NOT = r"(?:does|did|do|would|will|could)(?:\s+not|n['’]t)"
_TELL = r"(?:specify|say|disclose|reveal|detail|confirm|name)"
_WITHHELD = re.compile(
    rf"\b{_NOT}\s+{_TELL}\b|"
    r"\b(?:declined|refused)\s+to\s+(?:say|specify|disclose|reveal|confirm|name)\b|"
    r"\b(?:was|were|is|are|has|have)(?:\s+not|n['’]t)\s+(?:been\s+)?(?:disclosed|specified|revealed|made\s+public)\b|"
    r"\bundisclosed\b|"
    # the question was put and no answer has come: "will update this story once I hear back"
    r"\bwill\s+update\s+(?:this|the)\s+(?:story|article|post|piece)\b|"
    r"\b(?:did|does|has|have)(?:\s+not|n['’]t)\s+(?:yet\s+|immediately\s+)?(?:respond(?:ed)?|replied|reply|explain(?:ed)?)"
    r"\b", re.I)

# what is not given, right after the withholding words
_WHAT = re.compile(
    rf"\b(?:{_NOT}\s+{_TELL}|(?:declined|refused)\s+to\s+{_TELL}|undisclosed|(?:has|have|had)(?:\s+not|n['’]t)\s+"
    r"(?:yet\s+)?(?:disclosed|revealed|specified|said))\s+(?:exactly\s+|publicly\s+)?"
    r"(?P<what>(?:which|what|when|where|who|how\s+much|how\s+many|why)\b(?:\s+[\w-]+)?|"
    r"(?:an?|the|any|its|their|his|her)\s+(?:[\w-]+\s+)?[\w-]+|amount|sum|fee|terms|price)", re.I)
_KIND_WORDS = {
    "amount": {"amount", "sum", "fee", "price", "cost", "figure", "value", "terms", "salary", "valuation", "much"},
    "number": {"number", "figure", "many", "count", "total"},
    "date": {"when", "date", "timeframe", "timeline", "time", "day", "deadline"},
    "place": {"where", "location", "venue", "place"},
    "name": {"who", "name", "identity", "player", "person", "buyer", "investor", "investors", "suitor"},
}


def withholds(text: str) -> bool:
    """Does the sentence say some detail is not given (or not given yet)?"""
    return bool(_WITHHELD.search(text))


def withholds_asked(info: QuestionInfo, text: str) -> bool:
    """Does the sentence say the very detail the question asks for is not given (see the module docstring)?"""
    m = _WHAT.search(text)
    if not m:
        return False
    words = [w.lower() for w in re.findall(r"[\w-]+", m.group("what"))]
    noun = _asked_noun(info.text)
    if noun and any(stem(w) == noun for w in words):
        return True  # "which hashtags" asked, "does not specify which hashtags"
    return bool(info.answer_type) and bool(set(words) & _KIND_WORDS.get(info.answer_type, set()))


def _asked_noun(question: str) -> str:
    """The noun "which X" / "what X" asks for, stemmed ("hashtag"), or ""."""
    m = re.search(r"\b(?:which|what)\s+(?:[\w-]+\s+)?([a-z][\w-]*)\s+(?:is|are|was|were|has|have|had|did|does|do)\b",
                  question, re.I)
    return stem(m.group(1).lower()) if m else ""


__all__ = ["withholds", "withholds_asked"]
