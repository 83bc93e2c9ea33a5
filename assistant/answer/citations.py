"""Shared pieces of every extractive answer: refusals, checked citations and honest prose.

Direct speech is shown in quotation marks; reported speech is the article's account and is
labelled so, never put in quotation marks; a plain sentence is shown as it stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.schema import REFUSAL, Answer, Citation, Passage
from index.text.fold import verify


def refuse(question: str, reason: str) -> Answer:
    """A refusal: ``answered`` false, no citations, the reason in plain words after ``REFUSAL``."""
    return Answer(
        question=question,
        standalone_question=question,
        answered=False,
        answer=f"{REFUSAL} {reason}".strip(),
        citations=[],
    )


_POSSESSIVE = re.compile(r"['’]s?$")


def distinct(names: list[str]) -> list[str]:
    """``names`` once each, for a refusal to list: "Mastercard's" is "Mastercard", case aside, and a name all of whose
    words a longer one listed has is left out ("Horwood" beside "Craig Revel Horwood")."""
    plain = list(dict.fromkeys(_POSSESSIVE.sub("", n.strip()) for n in names if n.strip()))
    seen: dict[str, str] = {}
    for n in plain:
        seen.setdefault(n.lower(), n)
    kept = list(seen.values())
    words = [set(n.lower().split()) for n in kept]
    return [n for n, w in zip(kept, words, strict=True)
            if not any(w < other for other in words)]


def joined(names: list[str], last: str = "and") -> str:
    """"A", "A and B", "A, B and C" (``last`` "or" for alternatives)."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {last} {names[-1]}" if names else ""


def citation(n: int, p: Passage, start: int, end: int, speaker: str = "", kind: str = "") -> Citation:
    """Citation ``n`` of ``p.article_text[start:end]``; raises ValueError when the span is not there."""
    quote = p.article_text[start:end]
    if not (start < end and verify(quote, p.article_text, start, end)):  # survives python -O, unlike assert
        raise ValueError(f"citation offsets {start}-{end} are outside article {p.article_id}")
    return Citation(
        n=n,
        article_id=p.article_id,
        title=p.title,
        source=p.source,
        url=p.url,
        published=p.published,
        quote=quote,
        start=start,
        end=end,
        speaker=speaker,
        verified=True,
        kind=kind,
    )


def one_line(s: str) -> str:
    return " ".join(s.split())


def said(who: str, quote: str, kind: str, n: int, again: bool = False, named: bool = False) -> str:
    """One statement in the answer prose: a direct quote in quotation marks; reported speech is the article's own
    sentence (its verb kept: "confirmed that", "continues to maintain"), labelled as the article's report, with the
    speaker put before it when the sentence names them only by a pronoun or a role (``named`` false)."""
    also = " also" if again else ""
    if kind == "direct":
        return f"{who}{also} said: \u201c{one_line(quote)}\u201d [{n}]"
    sentence = one_line(quote)
    if named:
        return f"Reported by the article (not a direct quote): {sentence} [{n}]"
    return f"Reported by the article (not a direct quote), of {who}: {sentence} [{n}]"


@dataclass
class Span:
    """A sentence (or any span) of an article chosen as evidence."""

    passage: Passage
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.passage.article_text[self.start : self.end]


def sentence_answer(question: str, spans: list[Span], speaker_at=None, name_speakers: bool = False) -> Answer:
    """An answer made of whole sentences, each cited ([1], [2], ...). With ``name_speakers`` ("Who said ...?"), a
    sentence whose quotation's speaker it does not name is labelled with them ("Pep Guardiola: “…” [1]")."""
    citations, parts = [], []
    for n, s in enumerate(spans, start=1):
        who = speaker_at(s) if speaker_at else ""
        citations.append(citation(n, s.passage, s.start, s.end, who))
        label = f"{who}: " if name_speakers and who and who.split()[-1] not in s.text else ""
        parts.append(f"{label}{one_line(s.text)} [{n}]")
    return Answer(
        question=question, standalone_question=question, answered=True, answer=" ".join(parts), citations=citations
    )


__all__ = ["Span", "citation", "distinct", "joined", "one_line", "refuse", "said", "sentence_answer"]
