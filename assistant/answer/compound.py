"""Compound fact questions: one best evidence sentence from each outlet or article asked about.

A question that names two or more outlets of the retrieved passages ("What did TechCrunch and
Fortune each report ...?") gets the best eligible sentence from each outlet's passages; one that
asks what each article or both reports said ("each leg", "its preview and its match report")
gets the best from each of the best two articles. Otherwise ``compound_answer`` returns None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer.citations import refuse, sentence_answer
from assistant.answer.facts import build_pool, pick, rank_candidates, speaker_at, why_refused
from assistant.answer.question import QuestionInfo
from assistant.answer.similarity import Embed
from assistant.schema import Answer, Passage

_EACH = re.compile(r"\b(?:each|both)\b|\b(?:preview|report|review|piece|article)s?\s+and\s+(?:its\s+|the\s+)?\w+", re.I)


def outlets_named(question: str, passages: Sequence[Passage]) -> list[str]:
    """Outlets of the retrieved passages that the question names, in the question's order."""
    low = " " + re.sub(r"[^\w\s]", " ", question.lower()) + " "
    found = []
    for source in dict.fromkeys(p.source for p in passages if p.source):
        key = re.sub(r"[^\w\s]", " ", source.lower()).split()
        if key and key[0] == "the":
            key = key[1:]
        at = low.find(" " + " ".join(key) + " ") if key else -1
        if at >= 0:
            found.append((at, source))
    return [s for _, s in sorted(found)]


def compound_answer(
    info: QuestionInfo,
    question: str,
    passages: Sequence[Passage],
    embed: Embed | None,
    max_citations: int,
    min_score: float,
) -> Answer | None:
    outlets = outlets_named(info.text, passages)
    if len(outlets) >= 2:
        groups = [[p for p in passages if p.source == o] for o in outlets]
    elif _EACH.search(info.text):
        by_article: dict[str, list[Passage]] = {}
        for p in [p for p in passages if not outlets or p.source in outlets]:
            by_article.setdefault(p.article_id, []).append(p)
        groups = list(by_article.values())
    else:
        return None
    picked = []
    refused = ""
    for group in groups:
        pool = build_pool(group)
        best = pick(rank_candidates(info, question, pool, embed), min_score, 1)
        if best:
            picked.append(best[0])
        else:
            refused = refused or why_refused(info, pool)
    if len(outlets) < 2:
        picked = sorted(picked, key=lambda c: -c.score)[:2]
    if not picked:
        return refuse(question, refused)
    picked = picked[:max_citations]
    return sentence_answer(question, [c.span for c in picked], lambda s: speaker_at(s.passage, s.start, s.end))


__all__ = ["compound_answer", "outlets_named"]
