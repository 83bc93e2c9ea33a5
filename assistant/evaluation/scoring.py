"""Scoring one answered case: every metric, then pass or fail with reasons.

    refusal_correct     1.0 when ``answered`` is the opposite of "unanswerable", else 0.0.
    citation_validity   share of shown citations whose quote == article_text(id)[start:end].
    quote_recall        share of expected ``quotes`` found, folded, inside one shown quote.
    speaker_correct     with an expected ``speaker``: share of shown citations attributed to
                        that speaker (``metrics.speaker_is``).
    answer_contained    1.0 when the normalised expected answer occurs on token boundaries
                        in the normalised answer text (``[n]`` markers removed first).
    answer_f1           SQuAD-style token F1 between the same two normalised strings.
    hit@k, mrr          over the ordered ``Answer.retrieved`` list (k = its length): with
                        ``evidence`` a chunk is a hit when a fact is a substring of the
                        chunk's ``text`` after removing only spaces and newlines from both
                        (skipped when the chunks carry no text); otherwise a chunk is a hit
                        when its article matches a source (id, title case-insensitively, url).
    source_cited        1.0 when a shown citation's article matches a source.
    source_retrieved    1.0 when a retrieved chunk's article matches a source.
    latency_ms          wall-clock time of the ask call.
    Quote, answer and source metrics are defined only for answerable cases.

Pass rules (``PassRules``; defaults in brackets). A case passes when all hold:
    1. refusal is right: answerable cases answered, unanswerable ones refused;
    2. citation_validity >= min_citation_validity [1.0] whenever citations are shown;
    and, for answerable cases,
    3. at least one citation when answered [require_citation = True];
    4. if quotes are expected: quote_recall >= min_quote_recall [0.5] ("any": one fragment
       found is enough; "all": every fragment must be found);
    4b. if a speaker is expected: every shown citation is attributed to that speaker
       (an answer to "what did X say" shows X's words and nobody else's);
    5. if an answer is expected: answer_contained, or answer_f1 >= min_answer_f1 [0.5];
    6. if sources are expected [require_source_hit = True]: source_cited or source_retrieved;
       with evidence but no sources: hit@k.
    A case whose ask call failed with an ``AssistantError`` fails with that error as reason;
    store, encoder and configuration errors abort the whole run instead.

LLM-judged metrics are a hook only: ``run_eval(judge=...)`` merges whatever the
judge returns as ``judge_<name>`` metrics; nothing here calls an LLM.


"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from assistant.evaluation import metrics as m
from assistant.evaluation.cases import Case
from assistant.schema import Answer
from index.errors import AssistantError

SCORED = (
    "refusal_correct",
    "citation_validity",
    "quote_recall",
    "speaker_correct",
    "answer_contained",
    "answer_f1",
    "hit@k",
    "mrr",
    "source_cited",
    "source_retrieved",
)
LABELS = {
    "refusal_correct": "refusal accuracy",
    "citation_validity": "citation validity",
    "quote_recall": "quote recall",
    "speaker_correct": "right speaker",
    "answer_contained": "answer contained",
    "answer_f1": "answer token F1",
    "hit@k": "retrieval hit@k",
    "mrr": "retrieval MRR",
    "source_cited": "source cited",
    "source_retrieved": "source retrieved",
}


@dataclass(frozen=True)
class PassRules:
    min_citation_validity: float = 1.0
    min_quote_recall: float = 0.5
    min_answer_f1: float = 0.5
    require_citation: bool = True
    require_source_hit: bool = True


@dataclass
class CaseResult:
    case: Case
    passed: bool
    reasons: list[str]
    metrics: dict[str, float | None]
    answer: Answer | None = None
    error: str = ""
    invalid_citations: list[int] = field(default_factory=list)  # numbers n of citations failing the check

    def to_dict(self, *, chunk_text: bool = False) -> dict:
        """JSON shape of one case; retrieved chunk texts are dropped unless ``chunk_text`` (size)."""
        result = self.answer.to_dict() if self.answer is not None else None
        if result is not None and not chunk_text:
            result["retrieved"] = [{k: v for k, v in r.items() if k != "text"} for r in result["retrieved"]]
        return {
            "id": self.case.id,
            "passed": self.passed,
            "reasons": list(self.reasons),
            "metrics": dict(self.metrics),
            "result": result,
            "question": self.case.question,
            "history": [list(turn) for turn in self.case.history],
            "tags": list(self.case.tags),
            "expected": self.case.expected(),
            "error": self.error,
            "invalid_citations": list(self.invalid_citations),
        }


def score_case(
    case: Case,
    answer: Answer,
    *,
    article_text: Callable[[str], str],
    article_meta: Callable[[str], Mapping[str, Any]] | None = None,
    latency_ms: float | None = None,
    rules: PassRules = PassRules(),
) -> CaseResult:
    """Compute every metric for one answered case and decide pass/fail with reasons."""
    reasons: list[str] = []
    metric: dict[str, float | None] = {name: None for name in SCORED}
    metric["latency_ms"] = latency_ms
    metric["retrieved_k"] = float(len(answer.retrieved))
    metric["citations"] = float(len(answer.citations))

    metric["refusal_correct"] = 1.0 if answer.answered == case.answerable else 0.0
    if case.answerable and not answer.answered:
        reasons.append("refused an answerable question")
    if not case.answerable and answer.answered:
        reasons.append("answered an unanswerable question")

    cited = [(c.article_id, c.quote, c.start, c.end) for c in answer.citations]
    validity, bad = m.citation_validity(cited, article_text)
    metric["citation_validity"] = validity
    if validity is not None and validity < rules.min_citation_validity:
        shown = ", ".join(f"[{answer.citations[i].n}]" for i in bad)
        reasons.append(f"BUG: citation validity {validity:.2f}: {shown} not the article text at its offsets")

    if case.answerable:
        if rules.require_citation and answer.answered and not answer.citations:
            reasons.append("answered without any citation")
        _score_quotes(case, answer, metric, reasons, rules)
        _score_speaker(case, answer, metric, reasons)
        _score_answer(case, answer, metric, reasons, rules)
        _score_sources(case, answer, metric, reasons, rules, article_meta)

    return CaseResult(
        case=case,
        passed=not reasons,
        reasons=reasons,
        metrics=metric,
        answer=answer,
        invalid_citations=[answer.citations[i].n for i in bad],
    )


def _score_quotes(case: Case, answer: Answer, metric: dict, reasons: list[str], rules: PassRules) -> None:
    shown = [c.quote for c in answer.citations]
    recall = m.quote_recall(case.quotes, shown)
    metric["quote_recall"] = recall
    need = {"any": 1e-9, "all": 1.0}.get(case.quotes_mode, rules.min_quote_recall)
    if recall is not None and recall < need:
        missing = [f for f in case.quotes if not m.fragment_found(f, shown)]
        reasons.append(
            f"quote recall {recall:.2f} ({case.quotes_mode or 'half'} needed): missing {_clip(missing[0])!r}"
            + (f" and {len(missing) - 1} more" if len(missing) > 1 else "")
        )


def _score_speaker(case: Case, answer: Answer, metric: dict, reasons: list[str]) -> None:
    if not case.speaker or not answer.citations:
        return
    wrong = [c for c in answer.citations if not m.speaker_is(case.speaker, c.speaker)]
    metric["speaker_correct"] = 1 - len(wrong) / len(answer.citations)
    if wrong:
        who = ", ".join(f"[{c.n}] {c.speaker or 'no speaker'}" for c in wrong[:3])
        reasons.append(f"shows words not attributed to {case.speaker}: {who}")


def _score_answer(case: Case, answer: Answer, metric: dict, reasons: list[str], rules: PassRules) -> None:
    if case.answer is None:
        return
    given = answer.answer if answer.answered else ""  # a refusal's words are no answer ("No ..." is not "no")
    contained = m.answer_contained(case.answer, given)
    f1 = m.token_f1(case.answer, given) if given else 0.0
    metric["answer_contained"] = 1.0 if contained else 0.0
    metric["answer_f1"] = f1
    if not contained and f1 < rules.min_answer_f1:
        reasons.append(
            f"expected answer {_clip(case.answer)!r} not in the answer (F1 {f1:.2f} < {rules.min_answer_f1})"
        )


def _score_sources(
    case: Case,
    answer: Answer,
    metric: dict,
    reasons: list[str],
    rules: PassRules,
    article_meta: Callable[[str], Mapping[str, Any]] | None,
) -> None:
    def matches(entry: Mapping[str, Any]) -> bool:
        article_id = str(entry.get("article_id") or "")
        title, url = str(entry.get("title") or ""), str(entry.get("url") or "")
        if article_meta is not None and article_id and not (title and url):
            try:
                meta = article_meta(article_id)
            except AssistantError:
                meta = {}
            title, url = title or str(meta.get("title") or ""), url or str(meta.get("url") or "")
        return m.source_matches(case.sources, article_id=article_id, title=title, url=url)

    retrieved = answer.retrieved
    hits: list[bool] | None = None
    if case.evidence:
        if any(isinstance(r.get("text"), str) for r in retrieved) or not retrieved:
            texts = [str(r.get("text") or "") for r in retrieved]
            hits = [any(m.fact_in_chunk(f, t) for f in case.evidence) for t in texts]
    elif case.sources:
        hits = [matches(r) for r in retrieved]
    if hits is not None:
        metric["hit@k"] = m.hit_at_k(hits)
        metric["mrr"] = m.reciprocal_rank(hits)

    if case.sources:
        metric["source_cited"] = 1.0 if any(matches(asdict(c)) for c in answer.citations) else 0.0
        metric["source_retrieved"] = 1.0 if any(matches(r) for r in retrieved) else 0.0
        if rules.require_source_hit and not (metric["source_cited"] or metric["source_retrieved"]):
            reasons.append("no expected source among the citations or the retrieved chunks")
    elif case.evidence and rules.require_source_hit and metric["hit@k"] == 0.0:
        reasons.append("no evidence fact in the retrieved chunks")


def _clip(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


__all__ = ["LABELS", "SCORED", "CaseResult", "PassRules", "score_case"]
