"""Compound fact questions: one best evidence sentence for each part the question names.

* Two or more outlets ("What did TechCrunch and Fortune each report ...?", "according to
  Engadget's review and Polygon"): the best eligible sentence from each outlet's passages,
  labelled with the outlet; an outlet with no retrieved article is named as missing.
* Two subjects after a repeated preposition ("ticket prices for the Eras Tour film and for
  Beyoncé's film"): each subject is asked on its own.
* "each" / "both" / "its preview and its match report": the best sentence from each of the
  two best articles.

Otherwise ``compound_answer`` returns None and the question is answered as one.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from assistant.answer.citations import citation, distinct, joined, one_line, refuse
from assistant.answer.facts import Candidate, build_pool, from_outlets, pick, rank_candidates, speaker_at, why_refused
from assistant.answer.question import QuestionInfo, analyse_question
from assistant.answer.similarity import Embed
from assistant.answer.words import WORD_RE
from assistant.schema import Answer, Passage

_EACH = re.compile(r"\b(?:each|both)\b|\b(?:preview|report|review|piece|article)s?\s+and\s+(?:its\s+|the\s+)?\w+", re.I)
_OUTLET_PAIR = re.compile(
    r"\b(?:did|do|does|according\s+to|per|in|what|how)\s+(?P<a>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3})(?:['’]s\s+\w+)?"
    r"\s+and\s+(?:the\s+)?(?P<b>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3})",
)
_REPEATED = re.compile(
    r"\b(?P<prep>for|about|on|in|at)\s+(?P<a>.+?),?\s+and\s+(?P=prep)\s+(?P<b>.+?)(?P<end>[?.!]*)$", re.I
)


@dataclasses.dataclass
class Part:
    label: str  # the outlet asked about, or ""
    info: QuestionInfo
    passages: list[Passage]


def _words(text: str) -> list[str]:
    return [w.lower().removesuffix("'s").removesuffix("’s") for w in WORD_RE.findall(text)]


def outlet_parts(info: QuestionInfo, passages: Sequence[Passage]) -> list[Part]:
    """One part per outlet the question names ("X and Y each report"), or [] when it names fewer than two."""
    m = _OUTLET_PAIR.search(info.text)
    named = [m.group("a"), m.group("b")] if m else _sources_named(info.text, passages)
    if len(named) < 2:
        return []
    outlet_words = {w for n in named for w in _words(n)}
    rest = dataclasses.replace(
        info, key_names=[n for n in info.key_names if _words(n) and _words(n)[0] not in outlet_words],
        one_of_parts=True,
    )
    parts = []
    for name in named:
        want = [w for w in _words(name) if w != "the"]
        mine = [p for p in passages if p.source and all(w in _words(p.source) for w in want)]
        parts.append(Part(name, rest, mine))
    if not any(part.passages for part in parts):
        return []  # neither is the outlet of a retrieved article: people or places ("according to X and Y")
    return parts


def _sources_named(question: str, passages: Sequence[Passage]) -> list[str]:
    """The outlets of retrieved articles the question names, in its order ("Does 'The Sydney Morning Herald'
    suggest ..., in contrast to 'The Age' ..."): an outlet name whose words all stand together in it."""
    asked = " ".join(_words(question))
    found: dict[str, int] = {}
    for p in passages:
        want = [w for w in _words(p.source or "") if w != "the"]
        at = asked.find(" ".join(want)) if want else -1
        if at >= 0 and re.search(r"(?<!\w)" + re.escape(" ".join(want)) + r"(?!\w)", asked):
            found.setdefault(p.source, at)
    return sorted(found, key=found.__getitem__)


def subject_parts(info: QuestionInfo, passages: Sequence[Passage]) -> list[Part]:
    """"... for A and for B?" asked as "... for A?" and "... for B?"."""
    m = _REPEATED.search(info.text)
    if not m:
        return []
    head = info.text[: m.start()]
    questions = [f"{head}{m.group('prep')} {m.group(x)}{m.group('end') or '?'}" for x in ("a", "b")]
    return [Part("", analyse_question(q), list(passages)) for q in questions]


def article_parts(info: QuestionInfo, passages: Sequence[Passage]) -> list[Part]:
    """"each" / "both": one part per retrieved article, in retrieval order; only the articles of the outlets the
    question names, when any of them was retrieved (as for a question asked as one)."""
    if not _EACH.search(info.text):
        return []
    by_article: dict[str, list[Passage]] = {}
    for p in from_outlets(info, passages):
        by_article.setdefault(p.article_id, []).append(p)
    return [Part("", info, group) for group in by_article.values()]


def compound_answer(
    info: QuestionInfo,
    question: str,
    passages: Sequence[Passage],
    embed: Embed | None,
    max_citations: int,
    min_score: float,
) -> Answer | None:
    parts = outlet_parts(info, passages) or subject_parts(info, passages) or article_parts(info, passages)
    if len(parts) < 2:
        return None
    by_article = not parts[0].label and all(p.info is info for p in parts)
    per = max(1, max_citations // len(parts))  # two outlets, four citations: the best two of each
    picked: list[tuple[Part, Candidate]] = []
    missing, refused = [], ""
    for part in parts:
        if not part.passages:
            missing.append(part.label)
            continue
        pool = build_pool(part.passages)
        best = pick(rank_candidates(part.info, question, pool, embed), min_score, 1 if by_article else per)
        if best:
            picked.extend((part, c) for c in best)
        else:
            refused = refused or why_refused(part.info, pool)
    if by_article:
        picked = sorted(picked, key=lambda x: -x[1].score)[:2]
    if not picked:
        return refuse(question, refused or f"No retrieved article is from {joined(distinct(missing), 'or')}.")
    citations, prose = [], []
    for n, (part, c) in enumerate(picked[:max_citations], start=1):
        citations.append(citation(n, c.passage, c.start, c.end, speaker_at(c.passage, c.start, c.end)))
        label = f"{part.label}: " if part.label and (n == 1 or picked[n - 2][0] is not part) else ""
        prose.append(f"{label}{one_line(c.text)} [{n}]")
    if missing:
        prose.append(f"No retrieved article is from {joined(distinct(missing), 'or')}.")
    return Answer(
        question=question, standalone_question=question, answered=True, answer=" ".join(prose), citations=citations
    )


__all__ = ["Part", "article_parts", "compound_answer", "outlet_parts", "subject_parts"]
