"""Adjuncts between a speech verb and what was said: 'said on Tuesday that …', 'said in a statement, …',
'said in October it will …' (``skip_adjuncts``)."""

from __future__ import annotations

import re

from index.quotations.phrases import Token, low
from index.quotations.wordlists import DAYS_MONTHS, DETS, PREPOSITIONS, PRONOUNS, TIME_WORDS

SUBJECT_PRONOUNS = PRONOUNS | {"they", "we", "i", "you", "there"}
# prepositions of the setting of a statement: 'said in a statement that', 'told reporters on Tuesday that'
_THAT_PREPS = frozenset("in on at during via through to over after before from".split())
_ADVERBS = frozenset("also again repeatedly previously once simply even still then now later earlier sometimes often "
                     "usually".split())  # "said sometimes the path is not a straight line"
# where something is said, in "said in a statement she would …"
_SAID_IN = frozenset("statement interview post tweet letter email video podcast briefing call conference".split())


def skip_adjuncts(toks: list[Token], k: int, before_that: bool = False) -> int:
    """Past time words and a short prepositional phrase closed by a comma ('on Tuesday', 'in a statement,') or,
    with ``before_that``, by the "that" of a clause ('said in a statement that', not 'told X about the plans that'),
    or a time or the place of a statement that a pronoun follows ('said in October it will', 'said in a statement
    she would'; not 'said in the end it was')."""
    while k < len(toks):
        w = low(toks[k].text).rstrip(".")
        if w in DAYS_MONTHS or w in TIME_WORDS:
            k += 1
            continue
        if w.endswith("ly") or w in _ADVERBS:
            k += 1
            continue
        if w in PREPOSITIONS:
            j = k + 1
            while j < len(toks) and j - k <= 9 and toks[j].text not in ",.;:" and low(toks[j].text) != "that":
                j += 1
            if j < len(toks) and toks[j].text == "," and j - k <= 9 and before_that:
                k = j + 1
                continue
            if j < len(toks) and low(toks[j].text) == "that" and j - k <= 9 and before_that and w in _THAT_PREPS:
                k = j
                continue
            if j - k <= 4 and all(low(t.text).rstrip(".") in DAYS_MONTHS | TIME_WORDS | DETS or t.text[0].isdigit()
                                  for t in toks[k + 1 : j]):
                k = j
                continue
            # 'said on Monday it will …', 'said in a statement she would …': a time, or where it was said, then
            # a pronoun that opens the clause
            j = k + 1
            while j < len(toks) and j - k <= 4 and (low(toks[j].text).rstrip(".") in DAYS_MONTHS | TIME_WORDS | DETS
                                                     or toks[j].text[0].isdigit()):
                j += 1
            if j < len(toks) and low(toks[j].text) in _SAID_IN and j + 1 < len(toks) and j - k <= 4:
                j += 1
            if j > k + 1 and j < len(toks) and re.split("['’]", low(toks[j].text))[0] in SUBJECT_PRONOUNS - {"there"}:
                k = j
                continue
        break
    return k


__all__ = ["SUBJECT_PRONOUNS", "skip_adjuncts"]
