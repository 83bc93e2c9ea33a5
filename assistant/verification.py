"""The last step of every answer: keep only quotes the stored article contains.

Each citation's quote is checked as ``article_text[start:end] == quote``; if
the offsets are off, the quote is located again under the documented
normalisation (``index.text.fold.locate``) and the citation is rewritten to
the exact stored span. A quote found nowhere is removed, listed in
``unverified_quotes``, and its ``[n]`` marker disappears from the answer;
the surviving citations are renumbered 1..n in order of appearance.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.schema import Answer, Citation
from index.text.fold import locate, verify

_MARKER = re.compile(r"\[(\d+)\]")


def verify_answer(answer: Answer, article_text: Callable[[str], str | None]) -> Answer:
    kept: dict[int, Citation] = {}
    for c in answer.citations:
        text = article_text(c.article_id)
        if text is None:
            answer.unverified_quotes.append({"n": c.n, "article_id": c.article_id, "quote": c.quote,
                                             "reason": "article not in the index"})
            continue
        if not (c.start < c.end and verify(c.quote, text, c.start, c.end)):
            span = locate(c.quote, text, hint=c.start)
            if span is None:
                answer.unverified_quotes.append({"n": c.n, "article_id": c.article_id, "quote": c.quote,
                                                 "reason": "not found verbatim in the article"})
                continue
            c.start, c.end = span
            c.quote = text[c.start : c.end]
        c.verified = True
        kept[c.n] = c
    renumber: dict[int, int] = {}

    def swap(m: re.Match) -> str:
        old = int(m.group(1))
        if old not in kept:
            return ""
        if old not in renumber:
            renumber[old] = len(renumber) + 1
        return f"[{renumber[old]}]"

    text = _MARKER.sub(swap, answer.answer)
    for old in kept:  # citations never referenced in the prose still count, after the others
        renumber.setdefault(old, len(renumber) + 1)
    citations = []
    for old, new in sorted(renumber.items(), key=lambda kv: kv[1]):
        c = kept[old]
        c.n = new
        citations.append(c)
    answer.answer = re.sub(r"[ \t]+([.,;:])", r"\1", re.sub(r"[ \t]{2,}", " ", text)).strip()
    answer.citations = citations
    return answer


__all__ = ["verify_answer"]
