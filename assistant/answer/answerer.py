"""The default answerer: verbatim sentences and quotations, offline and deterministic.

No language model writes anything here. ``answer_extractive`` analyses the question
(``question.analyse_question``) and answers in one of two modes:

* speaker mode (``speaker.py``) for "What did X say (about Y)?" and its variants: only X's
  attributed quotations, direct ones in quotation marks, reported ones labelled;
* fact mode (``facts.py``, ``compound.py``): the sentence that carries the expected answer
  type and the question's key terms, or a refusal; a question naming two outlets or asking
  what each article said gets the best sentence from each.

A question whose key name no retrieved article holds is refused at once; when other words of it are
missing from every retrieved article the answer needs stronger evidence (``STRICT_MIN_SCORE``). Every refusal
starts with ``schema.REFUSAL`` and says why. Article text is data: it is only ever quoted,
never followed, and nothing is rendered.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant import asking  # the module, read at call time: asking imports this package's question reader
from assistant.answer.authored import authored_answer
from assistant.answer.citations import distinct, joined, refuse
from assistant.answer.compound import compound_answer, outlet_parts
from assistant.answer.facts import DEFAULT_MIN_SCORE, article_names, fact_answer, from_outlets
from assistant.answer.question import DOCUMENTS, QuestionInfo, analyse_question, name_runs
from assistant.answer.quotations import Found, resolve_speaker
from assistant.answer.rivals import team_named
from assistant.answer.similarity import Embed
from assistant.answer.speaker import speaker_answer
from assistant.answer.words import (
    MONTHS,
    WORD_RE,
    name_present,
    ordinal_value,
    run_present,
    specifier_present,
    stem,
    term_present,
    vocabulary,
)
from assistant.schema import Answer, Passage
from index.text.fold import fold

_ELSE = ("else", "other", "more", "also", "again")
STRICT_MIN_SCORE = 0.50
# what a score question asks for, and the verbs that tell the result in other words ("thrashed" for "pumped 40-6")
_TYPE_WORDS = {"score": {"score", "scoreline", "result", "final", "outcome", *(
    "beat beaten defeat defeated thrash thrashed rout routed hammer hammered crush crushed edge edged stun stunned "
    "upset trounce trounced demolish demolished whip whipped outlast outlasted down downed pip pipped humble humbled "
    "overcome overcame win won lose lost").split()}}


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
    runs = name_runs(info.text)
    missing = [n for n in _missing_names(info.key_names, passages, runs) if n.lower() not in outlets]
    if len(runs) >= 3:  # a question spanning several articles: refused only when most of what it names is absent
        lost = [r for r in runs if any(w in missing for w in r)]
        if lost:
            min_score = max(min_score, STRICT_MIN_SCORE)  # and then only strong evidence for the rest will do
        missing = missing if len(lost) * 2 > len(runs) else [n for n in missing if any(ch.isdigit() for ch in n)]
        if len([s for s in info.specifiers if s.split()[0] in MONTHS]) >= 2:
            missing = [n for n in missing if not n.isdigit()]  # the dates of different articles
    if missing:
        return refuse(question, "Not found in the retrieved articles: " + ", ".join(distinct(missing)) + ".")
    if info.speaker and _ONE_WORD_ON.match(info.text) and asking.written_in_lower_case(
            info.speaker, [p.article_text for p in {p.article_id: p for p in passages}.values()]):
        info = replace(info, speaker="", topic="", topics=[])  # "Impact on jobs?": a word the articles write in
        # lower case is no one's name
    voice: list[Found] = []  # the asked person's quotations, when a soft speaker question falls back on facts
    asked_voice = False
    if info.speaker:
        own = [p for p in passages if p.source and stem(p.source) == stem(info.speaker.removeprefix("the "))]
        if own:  # "What did Fortune say about ...": what the outlet's article says
            return fact_answer(info, question, own, embed, max_citations, min_score, outlet=own[0].source)
        words = {w.lower() for w in info.text.split()}
        shown = fold(already_shown).lower() if words & set(_ELSE) else ""
        spoken = speaker_answer(info, question, passages, embed, max_citations, shown)
        if spoken.answered:
            return spoken
        written = authored_answer(info, question, passages, embed, max_citations, min_score)
        if written is not None and (written.answered or not info.soft_speaker):  # a columnist's own article says
            return written
        if not info.soft_speaker:
            return spoken
        voice = resolve_speaker(info.speaker, passages, " ".join([*info.topics, info.context])).found
        asked_voice = True
        info = replace(info, speaker="", topic="", topics=[])  # not quoted on it: the articles' sentences may say
    if info.outlets and from_outlets(info, passages) is passages:
        # it names its sources and none of them is among the retrieved articles
        return refuse(question, f"No retrieved article is from {joined(distinct(info.outlets), 'or')}.")
    if _absent_words(info, passages):  # words of the question no article holds: only strong evidence will do
        min_score = max(min_score, STRICT_MIN_SCORE)
    compound = compound_answer(info, question, passages, embed, max_citations, min_score)
    if compound is not None:
        return compound
    return fact_answer(info, question, passages, embed, max_citations, min_score, voice, one_voice=asked_voice)


_ONE_WORD_ON = re.compile(r"^\s*[\w'’.&-]+\s+on\s")  # the terse "Klopp on ...?" with one word before "on"


def _absent_words(info: QuestionInfo, passages: list[Passage]) -> list[str]:
    """The question's content words (names, -ly adverbs and the kind of piece asked of, "preview", aside)
    that no retrieved article holds, as spelled."""
    vocab = frozenset().union(*(vocabulary(p.article_text + " " + (p.title or ""))
                                for p in {p.article_id: p for p in passages}.values()))
    names = {stem(n) for n in info.key_names}  # and the words of a specifier there in other words ("player two")
    names |= {stem(w) for s in info.specifiers if specifier_present(s, vocab) for w in s.replace("-", " ").split()}
    spelled = {stem(w): w for w in WORD_RE.findall(info.text)}
    asked = {t: spelled.get(t, t) for t in dict.fromkeys(info.terms) if t not in names}
    naming = _TYPE_WORDS.get(info.answer_type, set())  # "the final score": what is asked for, not a topic
    return [w for t, w in asked.items() if not w.lower().endswith("ly") and w.lower() not in DOCUMENTS
            and w.lower() not in naming and not term_present(t, vocab)]


def _missing_names(names: list[str], passages: list[Passage], runs: list[list[str]]) -> list[str]:
    """The key names of a question that no retrieved article (its capitalised words, web addresses, title, outlet,
    publication date) contains; a run of them written as one word ("mlbtraderumors.com") is there."""
    vocab: set[str] = set()
    articles = list({p.article_id: p for p in passages}.values())
    for p in articles:
        vocab |= article_names(p)
    joined = {w for r in runs if len(r) > 1 and run_present(r, vocab) for w in r}
    missing = [n for n in names if n not in joined and not name_present(n, vocab) and not team_named(n, vocab)]
    if any(ordinal_value(n.split("-")[0]) is not None for n in missing):  # "10th-gen" written "tenth generation"
        words = set().union(*(vocabulary(p.article_text) for p in articles))
        missing = [n for n in missing if ordinal_value(n.split("-")[0]) is None or not specifier_present(n, words)]
    return missing


__all__ = ["answer_extractive"]
