"""Rule-based condensing of follow-up questions (the extractive answerer's way).

"What else did he say?" after "What did Peskov say?" becomes "What else did
Peskov say?": third-person pronouns are replaced by the person the previous
turn was about (named in the user's last question, else the first speaker
named in the last answer). Questions without such pronouns pass unchanged.
"""

from __future__ import annotations

import re

_PRONOUN = re.compile(r"\b(he|she|him|her|his|hers|they|them|their)\b", re.IGNORECASE)
_POSSESSIVE = {"his", "her", "hers", "their"}
_NAME = re.compile(r"\b([A-Z][\w'’-]+(?:\s+(?:de|van|von|da|al|bin|[A-Z][\w'’-]+))*)")
_NOT_NAMES = frozenset(
    """What Who Whom Whose When Where Why How Which Did Does Do Is Are Was Were Has Have Had Can Could Will Would
    Should Tell Quote Show List Give The A An In On At And But Or If It He She They His Her Their I We You
    Said Says According""".split()
)


def names_in(text: str) -> list[str]:
    out = []
    for m in _NAME.finditer(text or ""):
        words = m.group(1).split()
        while words and words[0] in _NOT_NAMES:
            words.pop(0)
        if words:
            out.append(" ".join(words))
    return out


def last_subject(history: list[tuple[str, str]] | None) -> str:
    for user, assistant in reversed(history or []):
        names = names_in(user)
        if names:
            return names[-1]
        names = names_in((assistant or "").split(":")[0])
        if names:
            return names[0]
    return ""


def condense(question: str, history: list[tuple[str, str]] | None) -> str:
    if not history or not _PRONOUN.search(question):
        return question
    subject = last_subject(history)
    if not subject or subject.lower() in question.lower():
        return question

    def swap(m: re.Match) -> str:
        word = m.group(1).lower()
        return subject + "'s" if word in _POSSESSIVE else subject

    return _PRONOUN.sub(swap, question, count=1)


__all__ = ["condense", "last_subject", "names_in"]
