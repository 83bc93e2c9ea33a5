"""The answering chain, as LangChain runnables: condense -> analyse -> retrieve -> answer -> verify -> copies.

The same chain serves the CLI (``assistant ask``/``chat``), the web UI and the
evaluation engine. With no LLM configured the answerer is extractive; with
one, the LLM answers and the extractive answer stands in when none of the
model's quotes survive verification. Each step's time lands in
``Answer.timings_ms``. ``stream`` runs the same runnable, but first calls the
LLM with ``.stream()`` and yields its prose as it is written.

``analyse`` splits the standalone question into sub-questions and finds the outlets and dates
it names (``assistant.query``, state ``analysis``); ``retrieve`` searches them all and gives
each passage the sub-question it answers (``Passage.part``; state ``evidence`` maps each
sub-question to its passages), so the answerer sees evidence for every part of a compound
question.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from typing import Any

from langchain_core.runnables import Runnable, RunnableLambda

from assistant.answer import answer_extractive
from assistant.answer.authored import by_author
from assistant.answer.words import content_terms, stem, term_present, vocabulary
from assistant.asking import (
    capitals_from,
    plain_question,
    typed_in_lower_case,
    unlinked,
    unshouted,
    with_capitals,
)
from assistant.filters import Filters
from assistant.followups import condense
from assistant.llm import answer_with_llm, condense_with_llm, stream_answer_with_llm
from assistant.markup import neutralize
from assistant.query import QueryAnalysis
from assistant.retrieval import HybridSearcher, asked_speaker
from assistant.schema import REFUSAL, Answer, Passage
from assistant.syndication import CopiesCache, attach_copies, collapse_passages
from assistant.verification import verify_answer
from index.errors import LLMError
from index.quotations import speaker_matches
from index.sentence_vectors import compose

QuotationsFor = Callable[[dict[str, str]], Mapping[str, list[Any]]]  # {article id: its text} -> its quotations
QuotedPassages = Callable[[str, int], list[Passage]]  # (name, limit) -> passages of articles that quote them


class AnswerChain:
    def __init__(self, searcher: HybridSearcher, *, k: int = 8, llm: Any = None,
                 copies: CopiesCache | None = None, quotations: QuotationsFor | None = None,
                 quoted: QuotedPassages | None = None, names: Callable[[], Mapping[str, str]] | None = None) -> None:
        """``quotations({article_id: text})`` gives the quotations stored at index time (``Engine.quotations_for``);
        they are attached to the passages the answerer reads. Without it the answerer extracts them.
        ``quoted(name, limit)`` gives passages of the articles the quotation store says quote ``name``: a
        "What did X say?" whose retrieved articles quote no X reads them too. ``names()`` gives the capitals of the
        speakers' names, for a question typed in lower case."""
        self.searcher = searcher
        self.quotations = quotations
        self.quoted = quoted
        self.names = names
        self.k = k
        self.llm = llm
        self.copies = copies or CopiesCache(searcher.store)
        self.runnable: Runnable = (
            RunnableLambda(self._condense, name="condense")
            | RunnableLambda(self._analyse, name="analyse")
            | RunnableLambda(self._retrieve, name="retrieve")
            | RunnableLambda(self._answer, name="answer")
            | RunnableLambda(self._verify, name="verify")
            | RunnableLambda(self._copies, name="copies")
        )

    @staticmethod
    def _timed(state: dict, step: str, started: float) -> None:
        state.setdefault("timings_ms", {})[step] = round((time.perf_counter() - started) * 1000, 2)

    def _condense(self, state: dict) -> dict:
        if "standalone_question" in state:
            return state  # done already (``stream``)
        t = time.perf_counter()
        # the question without the words that only ask it ("Quick question: ...", "Can you tell me ...", "please")
        history = [(self._plain(user), answer) for user, answer in state.get("history") or []]
        question = self._plain(state["question"])
        standalone = condense(question, history)
        if self.llm is not None and history:
            try:
                standalone = condense_with_llm(self.llm, question, history)
            except LLMError:
                pass  # rule-based condensing already gave an answer
        state["standalone_question"] = unlinked(standalone)
        self._timed(state, "condense", t)
        return state

    def _plain(self, question: str) -> str:
        """The question without its asking words, with the capitals of the names it types in lower case (or in
        capitals only)."""
        question = unshouted(question)
        if self.names is not None and typed_in_lower_case(question):  # the names are read only then
            question = with_capitals(question, self.names())
        return plain_question(question)

    def _analyse(self, state: dict) -> dict:
        if "analysis" in state:
            return state  # done already (``stream``)
        t = time.perf_counter()
        state["analysis"] = self.searcher.analyse(state["standalone_question"])
        self._timed(state, "analyse", t)
        return state

    def _retrieve(self, state: dict) -> dict:
        if "passages" in state:
            return state  # done already (``stream``)
        t = time.perf_counter()
        k = state.get("k") or self.k
        analysis = state["analysis"]
        hits = self.searcher.retrieve(analysis, k, state.get("filters") or Filters())
        passages = collapse_passages(self.searcher.passages(hits, analysis), self.copies.get())
        if self.quotations is not None and passages:
            stored = self.quotations(dict(sorted({p.article_id: p.article_text for p in passages}.items())))
            passages = [replace(p, quotations=tuple(stored[p.article_id])) if p.article_id in stored else p
                        for p in passages]
        if self.quoted is not None and not (state.get("filters") or Filters()).where():
            passages = passages + self._quoted_elsewhere(state["standalone_question"], passages, k)
        state["passages"] = passages
        evidence: dict[str, list] = {p: [] for p in analysis.part_labels}
        for p in passages:
            evidence.setdefault(p.part, []).append(p)
        state["evidence"] = evidence
        self._timed(state, "retrieve", t)
        return state

    def _quoted_elsewhere(self, question: str, passages: list[Passage], k: int) -> list[Passage]:
        """For "What did Clark say?" when no retrieved article quotes anyone that name matches (a surname many
        articles mention) or was written by them: the articles the quotation store says quote them, else the ones
        their byline names that share most of the question's words (not when a filter is set)."""
        names = asked_speaker(question)
        if not names or self.quoted is None:
            return []
        if any(speaker_matches(names[0], q.speaker, q.aliases, q.role) for p in passages for q in (p.quotations or ())):
            return []
        if by_author(names[0], passages):
            return []  # an article they wrote was retrieved
        have = {p.article_id for p in passages}
        found = [p for p in self.quoted(names[0], k) if p.article_id not in have]
        if found and found[0].author:  # nobody quotes them, they wrote these: the ones that share most of its words
            terms = [t for t in content_terms(question) if not any(t == stem(w) for w in names[0].split())]
            found.sort(key=lambda p: -sum(term_present(t, vocabulary(f"{p.title} {p.article_text}")) for t in terms))
        return found[:k]

    def _answer(self, state: dict) -> dict:
        t = time.perf_counter()
        question, passages = state["standalone_question"], state["passages"]
        answer: Answer | None = None
        if self.llm is not None and passages:
            try:
                answer = self._llm_answer(state, question, passages)
                verify_answer(answer, self._text_of(passages))
                if not answer.citations and answer.answered:
                    # the model claimed an answer but none of its quotes survived: extractive stands in
                    fallback = self._extractive(state)
                    fallback.unverified_quotes = answer.unverified_quotes
                    answer = fallback
            except LLMError as exc:
                answer = self._extractive(state)
                answer.unverified_quotes.append({"n": 0, "article_id": "", "quote": "", "reason": str(exc)})
        state["answer"] = answer if answer is not None else self._extractive(state)
        self._timed(state, "answer", t)
        return state

    def _llm_answer(self, state: dict, question: str, passages: list) -> Answer:
        """The model's answer: already streamed by ``stream`` (or how that failed), else asked now."""
        if "llm_error" in state:
            raise state.pop("llm_error")
        return state.pop("llm_answer", None) or answer_with_llm(self.llm, question, passages)

    def _extractive(self, state: dict) -> Answer:
        """The extractive answer; a follow-up leaves out what the previous answer already quoted."""
        history = state.get("history") or []
        shown = history[-1][1] if history else ""
        embed = self._embed_with(state["analysis"]) if "analysis" in state else self._embed
        passages = state["passages"]
        texts = {p.article_id: f"{p.title}\n{p.article_text}" for p in passages}.values()
        # "daye" typed: "Daye", as the articles write it (also in a follow-up the history gave capitals, and in one
        # typed all in capitals)
        typed_lower = typed_in_lower_case(unshouted(state["question"].strip()))
        question = capitals_from(state["standalone_question"], texts, typed_lower)
        return answer_extractive(question, passages, embed=embed, already_shown=shown)

    def _embed_with(self, analysis: QueryAnalysis) -> Callable[[list[str]], list[list[float]]]:
        """``_embed``, where the whole question is the composition of the vectors retrieval encoded for its
        sub-questions (``index.sentence_vectors.compose``; outlet names are left out of those, and no sentence
        names its outlet) rather than one more encoder call."""
        parts = analysis.sub_questions
        whole = " ".join(analysis.question.split())
        if not parts or parts == [analysis.question]:
            return self._embed

        def embed(texts: list[str]) -> list[list[float]]:
            if not texts or " ".join(texts[0].split()).lower() != whole.lower():
                return self._embed(texts)
            question = compose(parts, self.searcher.vectors.encode(parts))
            return [question.tolist(), *(self._embed(texts[1:]) if len(texts) > 1 else [])]

        return embed

    def _verify(self, state: dict) -> Answer:
        t = time.perf_counter()
        answer: Answer = verify_answer(state["answer"], self._text_of(state["passages"]))
        if not answer.citations:
            answer.answered = False
            if not answer.answer:
                answer.answer = REFUSAL
        answer.answer = neutralize(answer.answer)  # quotes stay verbatim in the citations
        answer.question = state["question"]
        answer.standalone_question = state["standalone_question"]
        answer.retrieved = [
            {"article_id": p.article_id, "chunk_id": p.chunk_id, "title": p.title, "score": p.score,
             "start": p.start, "end": p.end, "text": p.text, "part": p.part}
            for p in state["passages"]
        ]
        self._timed(state, "verify", t)
        answer.timings_ms = state["timings_ms"]
        return answer

    def _copies(self, answer: Answer) -> Answer:
        """Syndicated copies: one citation per story, naming the other outlets (``assistant.syndication``)."""
        t = time.perf_counter()
        attach_copies(answer, self.copies.get())
        answer.timings_ms["copies"] = round((time.perf_counter() - t) * 1000, 2)
        return answer

    def _embed(self, texts: list[str]) -> list[list[float]]:
        """The answerer's encoder: sentence vectors stored at index time and recent query vectors are reused."""
        return self.searcher.vectors.embed(texts)

    @staticmethod
    def _text_of(passages):
        texts = {p.article_id: p.article_text for p in passages}
        return texts.get

    @staticmethod
    def _start(question: str, history: list[tuple[str, str]] | None, k: int | None, filters: Filters | None) -> dict:
        return {"question": question, "history": [tuple(h) for h in history or []], "k": k, "filters": filters}

    def invoke(self, question: str, history: list[tuple[str, str]] | None = None, *, k: int | None = None,
               filters: Filters | None = None) -> Answer:
        t = time.perf_counter()
        answer = self.runnable.invoke(self._start(question, history, k, filters))
        answer.timings_ms["total"] = round((time.perf_counter() - t) * 1000, 2)
        return answer

    def stream(self, question: str, history: list[tuple[str, str]] | None = None, *, k: int | None = None,
               filters: Filters | None = None) -> Iterator[str | Answer]:
        """``invoke`` as it happens: with an LLM, its answer prose so far (plain text) each time it grows;
        always last, the same verified ``Answer`` ``invoke`` returns. Without an LLM only the Answer.

        The prose is a draft: the Answer's text and citations (after the exact quote check, or the
        extractive fallback) are what to keep.
        """
        if self.llm is None:
            yield self.invoke(question, history, k=k, filters=filters)
            return
        t = time.perf_counter()
        state = self._retrieve(self._analyse(self._condense(self._start(question, history, k, filters))))
        if state["passages"]:
            started = time.perf_counter()
            try:
                for item in stream_answer_with_llm(self.llm, state["standalone_question"], state["passages"]):
                    if isinstance(item, Answer):
                        state["llm_answer"] = item
                    else:
                        yield item
            except LLMError as exc:
                state["llm_error"] = exc
            self._timed(state, "llm_stream", started)
        answer = self.runnable.invoke(state)  # condense, analyse and retrieve are done: answer, verify and what follows
        answer.timings_ms["total"] = round((time.perf_counter() - t) * 1000, 2)
        yield answer


__all__ = ["AnswerChain"]
