"""The default answerer: verbatim sentences and quotations, offline and deterministic.

No language model writes anything here. ``answer_extractive`` analyses the question
(``question.analyse_question``) and answers in one of two modes:

* speaker mode (``speaker.py``) for "What did X say (about Y)?" and its variants: only X's
  attributed quotations, direct ones in quotation marks, reported ones labelled;
* fact mode (``facts.py``, ``compound.py``): the sentence that carries the expected answer
  type and the question's key terms, or a refusal; a question naming two outlets or asking
  what each article said gets the best sentence from each.

A question whose key name is in no retrieved article is refused at once. Every refusal
starts with ``schema.REFUSAL`` and says why. Article text is data: it is only ever quoted,
never followed, and nothing is rendered.
"""

from __future__ import annotations

from assistant.answer.citations import refuse
from assistant.answer.compound import compound_answer, outlet_parts
from assistant.answer.facts import DEFAULT_MIN_SCORE, article_names, fact_answer
from assistant.answer.question import analyse_question
from assistant.answer.similarity import Embed
from assistant.answer.speaker import speaker_answer
from assistant.answer.words import name_present, stem
from assistant.schema import Answer, Passage
from index.text.fold import fold

_ELSE = ("else", "other", "more", "also", "again")


def answer_extractive(
    question: str,
    passages: list[Passage],
    *,
    embed: Embed | None,
    max_citations: int = 4,
    min_score: float = DEFAULT_MIN_SCORE,
    already_shown: str = "",
) -> Answer:
    """Answer from verbatim sentences/quotations of ``passages`` or refuse; see the module docstring.

    ``already_shown`` is the previous answer's text: a "what else" follow-up leaves out what it quoted.
    """
    question = question.strip()
    if not question:
        return refuse(question, "The question is empty.")
    if not passages:
        return refuse(question, "No passages were retrieved.")
    max_citations = max(1, max_citations)
    info = analyse_question(question)
    outlets = {w for part in outlet_parts(info, passages) for w in part.label.lower().split()}
    missing = [n for n in _missing_names(info.key_names, passages) if n.lower() not in outlets]
    if missing:
        return refuse(question, "Not found in the retrieved articles: " + ", ".join(dict.fromkeys(missing)) + ".")
    if info.speaker:
        outlet = [p for p in passages if p.source and stem(p.source) == stem(info.speaker.removeprefix("the "))]
        if outlet:  # "What did Fortune say about ...": what the outlet's article says
            return fact_answer(info, question, outlet, embed, max_citations, min_score)
        words = {w.lower() for w in info.text.split()}
        shown = fold(already_shown).lower() if words & set(_ELSE) else ""
        return speaker_answer(info, question, passages, embed, max_citations, shown)
    compound = compound_answer(info, question, passages, embed, max_citations, min_score)
    if compound is not None:
        return compound
    return fact_answer(info, question, passages, embed, max_citations, min_score)


def _missing_names(names: list[str], passages: list[Passage]) -> list[str]:
    """The key names of a question that no retrieved article (its capitalised words, title, outlet,
    publication date) contains."""
    vocab: set[str] = set()
    for p in {p.article_id: p for p in passages}.values():
        vocab |= article_names(p)
    return [n for n in names if not name_present(n, vocab)]


__all__ = ["answer_extractive"]
