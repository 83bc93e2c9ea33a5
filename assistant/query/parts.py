"""Splitting a compound question into the sub-questions it asks.

Readers join questions with conjunctions and punctuation: "What did X say, and how did Y
react?", "What did A expect before the trial? And what did the jury decide?", "X said this
while Y said that", "A versus B". ``split_parts`` cuts at those joints:

- between sentences (``?``, ``!``, ``;``, ``.``, or a colon or dash followed by a question);
- at a comma followed by a question word or an auxiliary ("..., how did"), and at ", and",
  ", but", ", while", ", then" (not the ", and" that closes a list: "Apple, Google, and Microsoft");
- at "and"/"but"/"or" followed by a question word ("... and who did he sign with");
- at "while"/"whereas" inside a sentence, and at "compared with/to", "in contrast to",
  "as opposed to", "unlike", "versus", "vs";
- a leading subordinate clause ("Before the trial opened, ...", "While X was ..., ...")
  stays with the question it introduces.

A piece with fewer than ``MIN_WORDS`` content words ("per the Guardian", "October 10")
is not a question on its own: it joins its neighbour. Each part keeps its character span
in the question, so the outlets and dates written inside it can be told apart from those
written elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_QWORDS = r"what|how|why|who|whom|whose|which|where|when|did|does|do|is|are|was|were|has|have|had|can|could|will|would"
_AND_JOINT = re.compile(r",\s*(?:and|but|while|whereas|then)\s+", re.IGNORECASE)
_JOINTS = [
    re.compile(r"(?<=[?!;])\s+(?=\S)"),
    re.compile(r"(?<=[a-z0-9)'’\"”]{3})\.\s+(?=[A-Z])"),  # not after "v." or "Mr."
    re.compile(rf"\s*[:—–]\s+(?=(?:and\s+|but\s+)?(?:{_QWORDS})\b)", re.IGNORECASE),
    re.compile(rf"\s+-\s+(?=(?:and\s+|but\s+)?(?:{_QWORDS})\b)", re.IGNORECASE),
    _AND_JOINT,
    re.compile(rf",\s*(?=(?:{_QWORDS})\b)", re.IGNORECASE),
    re.compile(r"\s+(?:and|but|or)\s+(?=(?:what|how|why|who|whom|whose|which|where|when)\b)", re.IGNORECASE),
    re.compile(r"\s+(?:while|whereas)\s+", re.IGNORECASE),
    re.compile(r",?\s+(?:compared\s+(?:with|to)|in\s+contrast\s+(?:to|with)|as\s+opposed\s+to|unlike|versus|vs\.?)\s+",
               re.IGNORECASE),
]
_AUX = r"did|does|do|is|are|was|were|has|have|had|will|would|can|could"
# "When did X ..." asks; "When X turned one, ..." sets the scene.
_QUESTION_START = re.compile(rf"^\W*(?:and\s+|but\s+)?(?:when\s+(?:{_AUX})\b|(?!when\b)(?:{_QWORDS})\b)",
                             re.IGNORECASE)
_SCENE = re.compile(r"^\W*(?:before|after|once|when|as|until|since|heading|going|in|during|following|by)\b",
                    re.IGNORECASE)
_OPENING = re.compile(r"^\s*(?:and|but|or|then|also|so)\s+", re.IGNORECASE)
_CONTENT = re.compile(r"[A-Za-z0-9][\w'’-]*")
_FUNCTION = frozenset(
    """a an the and or but of in on at to for by with from as per about into over than then that this these those it
    its he she they them his her their there what how why who whom whose which where when did does do is are was
    were be been has have had can could will would say said according also so""".split()
)
MIN_WORDS = 3
LIST_ITEM_WORDS = 3


@dataclass(frozen=True)
class PartSpan:
    """A sub-question: its text and its character span in the question."""

    start: int
    end: int
    text: str


def content_words(text: str) -> int:
    return sum(1 for w in _CONTENT.findall(text) if w.lower() not in _FUNCTION)


def _in_list(question: str, at: int) -> bool:
    """", and" closing a list ("Apple, Google, and Microsoft"; "cost, range, and jobs"): the two items
    before it, between commas, are a few words each (a clause before a comma is longer)."""
    items = question[:at].split(",")
    return len(items) >= 2 and all(len(item.split()) <= LIST_ITEM_WORDS for item in items[-2:])


def _cuts(question: str) -> list[tuple[int, int]]:
    """Character ranges removed between parts (the joint and its conjunction)."""
    cuts: list[tuple[int, int]] = []
    for pattern in _JOINTS:
        for m in pattern.finditer(question):
            if m.end() >= len(question.rstrip(" ?!.")):
                continue
            if pattern is _AND_JOINT and _in_list(question, m.start()):
                continue
            if not any(m.start() < b and a < m.end() for a, b in cuts):
                cuts.append((m.start(), m.end()))
    return sorted(cuts)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def split_parts(question: str, ignore: list[tuple[int, int]] | None = None) -> list[PartSpan]:
    """The sub-questions of ``question`` in order; one part (the question) when it is simple.

    Words inside the ``ignore`` spans (the outlets and dates the question names) do not count
    towards a piece's content: "according to The Independent on Nov 25" asks nothing by itself.
    """
    counted = _blank(question, ignore or [])
    pieces: list[tuple[int, int]] = []
    pos = 0
    for a, b in _cuts(question):
        pieces.append((pos, a))
        pos = b
    pieces.append((pos, len(question)))
    pieces = [(a, b) for a, b in pieces if question[a:b].strip()]

    def asks(a: int, b: int) -> bool:
        return bool(_QUESTION_START.match(question[a:b])) or content_words(counted[a:b]) >= MIN_WORDS

    merged: list[tuple[int, int]] = []
    pending: tuple[int, int] | None = None  # a lead-in waiting for the question it introduces
    for i, (a, b) in enumerate(pieces):
        is_lead = not _QUESTION_START.match(question[a:b]) and bool(
            _SCENE.match(question[a:b]) or content_words(counted[a:b]) < MIN_WORDS)
        if pending is not None:
            a, pending = pending[0], None
        elif is_lead and i + 1 < len(pieces):
            pending = (a, b)  # "Before the trial opened", "According to Fortune": joins what follows
            continue
        elif merged and not asks(a, b):
            merged[-1] = (merged[-1][0], b)  # "per the Guardian", "October 10": joins what precedes
            continue
        merged.append((a, b))
    if pending is not None:
        merged.append(pending)
    parts = []
    for a, b in merged:
        opening = _OPENING.match(question[a:b])
        if opening:
            a += opening.end()
        text = question[a:b].strip().rstrip(",;:—–-").strip()
        parts.append(PartSpan(a, a + len(text), text))
    return parts if len(parts) > 1 else [PartSpan(0, len(question), question.strip())]


__all__ = ["MIN_WORDS", "PartSpan", "content_words", "split_parts"]
