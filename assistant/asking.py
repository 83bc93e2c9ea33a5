"""The question inside the way it was asked: "Quick question: how many ...", "Can you tell me what did X say
about Y", "According to the articles, who won?", "..., please?", "how many people came" typed in lower case
without a question mark.

``plain_question`` takes the asking words off (a greeting, "quick question:", "I'd like to know", "do you know",
"can you / could you / please" before "tell me", "tell me" before a question in its own word order, "according
to / based on the articles", a trailing "please" / "thanks"), gives the question a capital and, when it opens
with a question word, its question mark. Everything else is left as typed: "Tell me what X said" stays (that
is how a speaker question is asked), and "According to Varga, ..." names a source, not the articles.
"""

from __future__ import annotations

import re

_GREETING = r"(?:(?:hey|hi|hello|ok|okay|so|well|right|um|hmm)\b[,!.]?\s+)*"
_ASKING = (
    r"(?:(?:a\s+|one\s+)?(?:quick|simple|short)\s+question|question)\s*[:,\-–—]\s*"
    r"|(?:i(?:['’]d|\s+would)\s+like\s+to\s+know|i\s+want\s+to\s+know|i(?:['’]m|\s+am)\s+wondering|i\s+wonder(?:ed)?|"
    r"i\s+was\s+wondering)\b\s*[:,\-–—]?\s*"
    r"|(?:do|did|would)\s+you\s+(?:happen\s+to\s+)?know\b\s*[:,]?\s*"
    r"|(?:according\s+to|based\s+on|going\s+by|from)\s+(?:the|these|those|your|my|our)\s+(?:indexed\s+)?"
    r"(?:articles?|sources?|news|documents?|stories|coverage|reports?)\s*[:,]\s*"
)
_PREFIX = re.compile(r"^\s*" + _GREETING + r"(?:" + _ASKING + r")", re.I)
_POLITE_TELL = re.compile(r"^\s*" + _GREETING + r"(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?|please\s+)"
                          r"(?=(?:tell|show|give)\s+me\b)", re.I)
# "tell me" before a question in its own order ("tell me what did X say", "tell me did Y win", "tell me who won",
# "tell me how many ..."), not before "what X said" (a speaker question asked that way)
_AUX = r"(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could|should)\b"
_TELL_DIRECT = re.compile(r"^\s*(?:tell|show)\s+me\s*[:,]?\s+(?=(?:what|how)\s+(?:" + _AUX[3:-3] + r"|many|much|long|"
                          r"old|big|far|often)\b|(?:who|whom|which|when|where|why)\b|" + _AUX + r")", re.I)
_SUFFIX = re.compile(r"[,;\s]+(?:please|thanks|thank\s+you|thx|cheers)\s*[.!]*(?=\s*[?.!]*\s*$)", re.I)
_QUESTION_WORD = re.compile(r"^(?:what|who|whom|whose|which|when|where|why|how|is|are|was|were|did|does|do|has|have|"
                            r"had|can|could|will|would|should)\b", re.I)


def plain_question(question: str) -> str:
    """``question`` without the words that only ask it (see the module docstring); unchanged when there are none."""
    q = question.strip()
    for _ in range(3):  # "Hi, quick question: can you tell me ..."
        q = _PREFIX.sub("", q, count=1)
        q = _POLITE_TELL.sub("", q, count=1)
        q = _TELL_DIRECT.sub("", q, count=1)
    q = _SUFFIX.sub("", q).strip()
    if not q:
        return question
    q = q[:1].upper() + q[1:]
    if _QUESTION_WORD.match(q) and q[-1:] not in "?.!":
        q += "?"
    return q


__all__ = ["plain_question"]
