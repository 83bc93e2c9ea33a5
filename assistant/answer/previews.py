"""Previews: sentences written before the event, which report no result.

A sentence looks ahead when it says so ("will", "set to", "odds", "favourites"), unless it tells a result with its
margin ("the final won by Australia beating India by six wickets"). Every sentence of an article titled as a preview
("... odds, props, predictions", "how to watch") looks ahead, whatever its tense, except a line giving each side with
its score ("Boca Raton Bowl: USF 45 Syracuse 0", a results list in an odds article) and a game already played ("The
Chargers are coming off a brutal 63-21 rout") that is not between the two sides the title sets up when the question
names both ("Ridgeback beat Harlow by scores of 48-10" in "Ridgeback vs. Harlow odds" answers no "Who won the
Ridgeback vs. Harlow game?"); nothing under a "Prediction:" line is a result.
"""

from __future__ import annotations

import re

from assistant.answer.types import SCORE, names_scores
from assistant.answer.words import name_present, vocabulary

# words of a sentence that looks ahead ("Will" before a capitalised word is a name: "Will Smith", "Will Levis")
_PREVIEW = re.compile(
    r"\b(?:(?-i:will|Will(?!\s+[A-Z])|WILL)|would|could|set\s+to|ahead\s+of|preview|favou?rites?|"
    r"(?<!\bhis\s)(?<!\bher\s)(?<!\btheir\s)(?<!\bits\s)(?<!\bthe\s)(?<!\ba\s)(?<!\bmy\s)(?<!\bour\s)"
    r"(?:face|faces|facing)|hope|hopes|dream\s+of|bid\s+to|"
    r"looking\s+to|looks?\s+to|aim|aims|must|odds|predictions?|picks|point\s+spread|moneyline|what\s+to\s+expect|"
    r"closing\s+in\s+on|on\s+the\s+verge\s+of|in\s+(?:advanced\s+)?talks|"
    r"carr(?:y|ies)\s+(?:a\s+)?(?:maximum\s+|possible\s+)?(?:sentence|penalty|prison\s+term)|"
    r"(?:plan|plans|planning|expected|likely|poised|seeks?|trying|wants?|scheduled|due)\s+to|(?:scheduled|set)\s+for)\b",
    re.I
)

# a game played, told in a preview: "coming off a brutal 63-21 rout", "beat the Jets 31-10"
_PAST_RESULT = re.compile(rf"\b(?:coming\s+off|beat|won|lost|fell|defeated|routed|edged)\b[^.;]{{0,40}}?\b{SCORE}\b|"
                          rf"\b{SCORE}\s+(?:\w+\s+){{0,4}}?(?:win|victory|loss|defeat|rout)\b", re.I)
# a result told with its margin, which no preview gives: "won by Australia beating India by six wickets"
_MARGIN_RESULT = re.compile(r"\b(?:won|beat|beating|defeated|defeating)\b[^.;]{0,60}?\bby\s+(?:\d+|one|two|three|four|"
                            r"five|six|seven|eight|nine|ten)\s+(?:wickets?|runs?|points?|goals?|strokes?)\b", re.I)
_MATCHUP = re.compile(r"^(?P<a>[^:,]+?)\s+(?:vs?\.?|at)\s+(?P<b>[^:,]+?)(?:\s+(?:odds|live|prediction|preview|picks|"
                      r"betting)\b|[:,]|$)", re.I)


def _asks_previewed(question: str, title: str) -> bool:
    """The question names both sides of the game a preview's title sets up ("Bills vs. Chargers odds ..."): a past
    result between them ("beat Harlow by scores of 48-10") is not the previewed game's."""
    m = _MATCHUP.match(title or "")
    asked = vocabulary(question)
    return m is not None and all(name_present(side.split()[-1], asked) for side in (m["a"], m["b"]))


# an article written before the event: its sentences report no result, whatever their tense
_PREVIEW_TITLE = re.compile(r"\b(?:odds|predictions?|preview|picks|how\s+to\s+watch|where\s+to\s+watch|what\s+to\s+"
                            r"(?:expect|know|watch\s+for)|start\s+time|betting|best\s+bets?|prop\s+bets?)\b", re.I)


def looks_ahead(question: str, sentence: str, title: str, lead: str = "") -> bool:
    """Does ``sentence`` (of an article titled ``title``, under the list line ``lead``) report no result (see the
    module docstring)?"""
    if _PREVIEW.search(sentence):
        return not _MARGIN_RESULT.search(sentence)  # "the final won by Australia beating India by six wickets"
    if not _PREVIEW_TITLE.search(title):
        return False
    if _PREVIEW.search(lead):
        return True  # under "Prediction:"
    return not (names_scores(sentence) or _PAST_RESULT.search(sentence) and not _asks_previewed(question, title))


__all__ = ["looks_ahead"]
