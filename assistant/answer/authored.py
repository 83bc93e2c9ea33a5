"""The author's own words: "Why does Prisco think the Jaguars will win?" asked of a columnist's article.

A person the question asks about may be the one who wrote a retrieved article (its byline, ``Passage.author``)
rather than someone it quotes. When no retrieved article quotes them on the topic, the sentences of their own
articles (none that carries someone's quotation or report) answer, chosen as fact mode chooses a sentence
(``facts.rank_candidates`` and ``facts.pick``): relevant enough, or a refusal that says they wrote on other
things. Each is shown as the author's writing, "Pete Prisco writes (CBSSports.com): …", cited to its place with
the author as its speaker; it is no quotation, so it carries no quotation marks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.answer.citations import citation, one_line, refuse
from assistant.answer.facts import MAX_SENTENCES, build_pool, pick, rank_candidates
from assistant.answer.question import QuestionInfo, analyse_question
from assistant.answer.quotations import named_after_owner
from assistant.answer.similarity import Embed
from assistant.schema import Answer, Passage
from index.quotations import speaker_matches

_QUOTE_MARKS = re.compile(r"[\"“”„«»]")


def by_author(phrase: str, passages: Sequence[Passage]) -> list[Passage]:
    """The passages of articles whose byline names ``phrase`` (a full name or a surname; "Wired's Eric Ravenscraft":
    him, whatever the outlet is called)."""
    phrase = named_after_owner(phrase) or phrase
    return [p for p in passages if p.author and speaker_matches(phrase, p.author)]


def authored_answer(info: QuestionInfo, question: str, passages: Sequence[Passage], embed: Embed | None,
                    max_citations: int, min_score: float) -> Answer | None:
    """The best sentences on the question from the articles ``info.speaker`` wrote; a refusal when none is relevant
    enough; None when they wrote none of the retrieved articles."""
    mine = by_author(info.speaker, passages) if info.speaker else []
    if not mine:
        return None
    # ranked by what was asked about them (the topic), not by their name, which every sentence of theirs shares
    asked = f"What about {info.topic}?" if info.topic else question
    plain = replace(analyse_question(asked) if info.topic else info, speaker="", topic="", topics=[], who_said=False)
    pool = build_pool(mine)
    # the author's own words: not a sentence that carries someone's quotation or report
    pool.candidates = [c for c in pool.candidates if not c.speaker and not _QUOTE_MARKS.search(c.text)]
    chosen = pick(rank_candidates(plain, asked, pool, embed), min_score, min(MAX_SENTENCES, max_citations))
    if not chosen:
        n = len({p.article_id for p in mine})
        wrote = "one of the retrieved articles" if n == 1 else f"{n} of the retrieved articles"
        return refuse(question, f"{mine[0].author} wrote {wrote}; none of it is about {info.topic or 'this'}.")
    citations, parts = [], []
    for n, c in enumerate(chosen, start=1):
        author = c.passage.author
        citations.append(citation(n, c.passage, c.start, c.end, author))
        where = f" ({c.passage.source})" if c.passage.source else ""
        who = f"{author.split()[-1]} also writes" if n > 1 and chosen[0].passage.author == author else \
            f"{author} writes{where}"
        parts.append(f"{who}: {one_line(c.text)} [{n}]")
    return Answer(question=question, standalone_question=question, answered=True, answer=" ".join(parts),
                  citations=citations)


__all__ = ["authored_answer", "by_author"]
