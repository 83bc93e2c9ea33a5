"""Whose words a fact answer's sentences are, when the question asks a voice rather than a speaker's quotes: an
outlet asked as a voice ("Who does WIRED think should buy ...?", "according to Polygon") speaks its article's own
sentences; a source asked as a voice ("What does MLB Trade Rumors project ...?") is the speaker of the best sentence
when its name is that source's ("mlbtraderumors.com")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer.question import name_runs
from assistant.answer.words import proper_vocabulary, run_present, vocabulary
from assistant.schema import Passage

_VOICE = (r"(?:think|thinks|say|says|said|recommend|recommends|recommended|suggest|suggests|suggested|project|projects|"
          r"projected|predict|predicts|predicted|expect|expects|rate|rates|rated|rank|ranks|ranked|pick|picks|picked|"
          r"call|calls|called|describe|describes|described|prefer|prefers|consider|considers|argue|argues|believe|"
          r"believes|reckon|reckons|note|notes|noted|verdict|take)")


def _voiced(question: str, name: str) -> bool:
    o = re.escape(name.removeprefix("The ").removeprefix("the "))
    return bool(re.search(rf"(?i)\baccording\s+to\s+(?:the\s+)?{o}\b|\b{o}(?:['’]s?)?\s+(?:[\w-]+\s+)?{_VOICE}\b",
                          question))


def outlet_voice(question: str, passages: Sequence[Passage]) -> str:
    """The outlet of ``passages`` that the question asks about as a voice ("Who does WIRED think should buy ...?",
    "Sporting News' models project", "according to Polygon"): its articles' own sentences are its words; else "".
    An article whose outlet is not known is that outlet's when it names it ("7/10, WIRED Review")."""
    for source in dict.fromkeys(p.source for p in passages if p.source):
        if _voiced(question, source):
            return source
    names = [n for n in (" ".join(r).removesuffix("'s").removesuffix("’s") for r in name_runs(question))
             if _voiced(question, n)]
    return next((n for p in passages if not p.source for n in names if speaks_for(n, p)), "")


def speaks_for(outlet: str, p: Passage) -> bool:
    """Are the article's own sentences ``outlet``'s: it is the article's outlet, or the article has none and names
    it?"""
    return p.source == outlet or not p.source and bool(re.search(rf"(?i)\b{re.escape(outlet)}\b", p.article_text))


def voice_asked(question: str, speaker: str) -> bool:
    """Does the question ask ``speaker``'s view ("What does MLB Trade Rumors project ...?" of mlbtraderumors.com)?"""
    known = vocabulary(speaker) | proper_vocabulary(speaker)
    return any(run_present(r, known) and re.search(rf"\b{re.escape(r[-1])}(?:['’]s?)?\s+(?:[\w-]+\s+)?{_VOICE}\b",
                                                  question) for r in name_runs(question))


__all__ = ["outlet_voice", "speaks_for", "voice_asked"]
