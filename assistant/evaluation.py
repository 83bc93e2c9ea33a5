"""Evaluate answers with test sets: read cases, ask each one, score it, summarise.

Test sets
    JSON lines, one case per line (blank lines skipped)::

        {"id": "q1", "question": "...", "history": [["user turn", "assistant turn"], ...],
         "answer": "short expected answer", "quotes": ["expected verbatim fragment", ...],
         "sources": ["article id, title or url", ...], "evidence": ["fact sentence", ...],
         "answerable": true, "tags": ["..."]}

    Only ``question`` is required; ``id`` defaults to the line number. A JSON
    list of such objects is read too, and so is MultiHop-RAG's ``queries.json``
    (items with ``query``/``query_id``): ``null_query`` becomes
    ``answerable: false``, the evidence facts become ``evidence``, the evidence
    titles and urls become ``sources`` and ``tags`` is ``[question_type]``.

Per-case metrics (None = not defined for this case, left out of the means)
    refusal_correct     1.0 when ``answered`` is the opposite of "unanswerable", else 0.0.
    citation_validity   share of shown citations whose quote == article_text(id)[start:end].
    quote_recall        share of expected ``quotes`` found, folded, inside one shown quote.
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
    4. if quotes are expected: quote_recall >= min_quote_recall [0.5];
    5. if an answer is expected: answer_contained, or answer_f1 >= min_answer_f1 [0.5];
    6. if sources are expected [require_source_hit = True]: source_cited or source_retrieved;
       with evidence but no sources: hit@k.
    A case whose ask call failed with an ``AssistantError`` fails with that error as reason;
    store, encoder and configuration errors abort the whole run instead.

LLM-judged metrics are a hook only: ``run_eval(judge=...)`` merges whatever the
judge returns as ``judge_<name>`` metrics; nothing here calls an LLM.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from assistant import metrics as m
from assistant.schema import Answer
from index.errors import (
    AssistantError,
    ConfigError,
    EncoderError,
    EvaluationError,
    StoreError,
    UsageError,
)

AskFn = Callable[[str, list[tuple[str, str]]], Answer]
JudgeFn = Callable[["Case", Answer], Mapping[str, float]]

SCORED = (
    "refusal_correct",
    "citation_validity",
    "quote_recall",
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
    "answer_contained": "answer contained",
    "answer_f1": "answer token F1",
    "hit@k": "retrieval hit@k",
    "mrr": "retrieval MRR",
    "source_cited": "source cited",
    "source_retrieved": "source retrieved",
}
_FATAL = (StoreError, EncoderError, ConfigError, UsageError)


@dataclass(frozen=True)
class Case:
    id: str
    question: str
    history: tuple[tuple[str, str], ...] = ()
    answer: str | None = None
    quotes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    answerable: bool = True
    tags: tuple[str, ...] = ()

    def expected(self) -> dict:
        return {
            "answer": self.answer,
            "quotes": list(self.quotes),
            "sources": list(self.sources),
            "evidence": list(self.evidence),
            "answerable": self.answerable,
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


@dataclass
class EvalReport:
    summary: dict
    cases: list[CaseResult]
    meta: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        data: dict[str, Any] = {"summary": self.summary, "cases": [c.to_dict() for c in self.cases]}
        if self.meta:
            data["meta"] = self.meta
        return data

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def failures_first(self) -> list[CaseResult]:
        return sorted(self.cases, key=lambda c: c.passed)


# --- reading test sets -----------------------------------------------------


def read_cases(path: str | Path) -> list[Case]:
    """Read a JSONL test set, a JSON list of cases, or MultiHop-RAG ``queries.json``."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise EvaluationError(f"{path}: test set not found") from exc
    except UnicodeDecodeError as exc:
        raise EvaluationError(f"{path}: not UTF-8 text") from exc
    except OSError as exc:
        raise EvaluationError(f"{path}: cannot read test set ({exc.strerror or exc})") from exc
    items: list[tuple[str, str, Any]] = []  # (where, default id, parsed object)
    if raw.lstrip().startswith("["):
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise EvaluationError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from exc
        items = [(f"{path}: item {i}", str(i), obj) for i, obj in enumerate(data, start=1)]
    else:
        for lineno, line in enumerate(raw.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvaluationError(f"{path}:{lineno}: not valid JSON ({exc.msg})") from exc
            items.append((f"{path}:{lineno}", str(lineno), obj))
    cases: list[Case] = []
    seen: dict[str, str] = {}
    for where, default_id, obj in items:
        if not isinstance(obj, dict):
            raise EvaluationError(f"{where}: a case must be a JSON object, not {type(obj).__name__}")
        case = (
            multihop_case(obj, where)
            if "query" in obj and "question" not in obj
            else parse_case(obj, where, default_id)
        )
        if case.id in seen:
            raise EvaluationError(f"{where}: duplicate id {case.id!r} (first at {seen[case.id]})")
        seen[case.id] = where
        cases.append(case)
    if not cases:
        raise EvaluationError(f"{path}: the test set has no cases")
    return cases


_FIELDS = {"id", "question", "history", "answer", "quotes", "sources", "evidence", "answerable", "tags"}


def parse_case(obj: Mapping[str, Any], where: str, default_id: str) -> Case:
    """One case in our format; ``where`` names the line in error messages."""
    unknown = sorted(set(obj) - _FIELDS)
    if unknown:
        raise EvaluationError(f"{where}: unknown field {unknown[0]!r} (known: {', '.join(sorted(_FIELDS))})")
    question = obj.get("question")
    if not isinstance(question, str) or not question.strip():
        raise EvaluationError(f"{where}: 'question' must be a non-empty string")
    case_id = obj.get("id", default_id)
    if isinstance(case_id, bool) or not isinstance(case_id, (str, int)) or str(case_id) == "":
        raise EvaluationError(f"{where}: 'id' must be a non-empty string or an integer")
    answer = obj.get("answer")
    if answer is not None and not isinstance(answer, str):
        raise EvaluationError(f"{where}: 'answer' must be a string")
    answerable = obj.get("answerable", True)
    if not isinstance(answerable, bool):
        raise EvaluationError(f"{where}: 'answerable' must be true or false")
    return Case(
        id=str(case_id),
        question=question,
        history=_history(obj.get("history"), where),
        answer=answer if answer and answer.strip() else None,
        quotes=_strings(obj, "quotes", where),
        sources=_strings(obj, "sources", where),
        evidence=_strings(obj, "evidence", where),
        answerable=answerable,
        tags=_strings(obj, "tags", where),
    )


def multihop_case(obj: Mapping[str, Any], where: str) -> Case:
    """One MultiHop-RAG query: evidence facts for retrieval, evidence titles/urls as sources."""
    query = obj.get("query")
    if not isinstance(query, str) or not query.strip():
        raise EvaluationError(f"{where}: 'query' must be a non-empty string")
    if "query_id" not in obj:
        raise EvaluationError(f"{where}: MultiHop-RAG query without 'query_id'")
    qtype = obj.get("question_type") or ""
    evidence = obj.get("evidence_list") or []
    if not isinstance(evidence, list) or not all(isinstance(e, dict) for e in evidence):
        raise EvaluationError(f"{where}: 'evidence_list' must be a list of objects")
    answerable = qtype != "null_query"
    facts = tuple(e["fact"] for e in evidence if isinstance(e.get("fact"), str) and e["fact"].strip())
    sources: list[str] = []
    for e in evidence:
        for key in ("title", "url"):
            value = e.get(key)
            if isinstance(value, str) and value.strip() and value not in sources:
                sources.append(value)
    answer = obj.get("answer")
    return Case(
        id=str(obj["query_id"]),
        question=query,
        answer=answer if answerable and isinstance(answer, str) and answer.strip() else None,
        sources=tuple(sources) if answerable else (),
        evidence=facts if answerable else (),
        answerable=answerable,
        tags=(str(qtype),) if qtype else (),
    )


def _strings(obj: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = obj.get(key) or []
    if isinstance(value, str) or not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise EvaluationError(f"{where}: {key!r} must be a list of strings")
    return tuple(v for v in value if v.strip())


def _history(value: Any, where: str) -> tuple[tuple[str, str], ...]:
    turns = value or []
    ok = isinstance(turns, list) and all(
        isinstance(t, list) and len(t) == 2 and all(isinstance(s, str) for s in t) for t in turns
    )
    if not ok:
        raise EvaluationError(f"{where}: 'history' must be a list of [user, assistant] string pairs")
    return tuple((u, a) for u, a in turns)


# --- scoring ---------------------------------------------------------------


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
    if recall is not None and recall < rules.min_quote_recall:
        missing = [f for f in case.quotes if not m.fragment_found(f, shown)]
        reasons.append(
            f"quote recall {recall:.2f} < {rules.min_quote_recall}: missing {_clip(missing[0])!r}"
            + (f" and {len(missing) - 1} more" if len(missing) > 1 else "")
        )


def _score_answer(case: Case, answer: Answer, metric: dict, reasons: list[str], rules: PassRules) -> None:
    if case.answer is None:
        return
    contained = m.answer_contained(case.answer, answer.answer)
    f1 = m.token_f1(case.answer, answer.answer)
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


# --- running ---------------------------------------------------------------


def run_eval(
    cases: Sequence[Case],
    ask: AskFn,
    *,
    article_text: Callable[[str], str],
    article_meta: Callable[[str], Mapping[str, Any]] | None = None,
    rules: PassRules = PassRules(),
    judge: JudgeFn | None = None,
    progress: Callable[[CaseResult], None] | None = None,
    meta: Mapping[str, Any] | None = None,
) -> EvalReport:
    """Ask every case (with its history), score it, and summarise.

    ``ask(question, history)`` returns an ``Answer``; ``article_text(id)`` returns the
    stored text the citations must match (read once per article). ``judge`` is the hook
    for LLM-judged metrics; ``progress`` is called after each case.
    """
    texts: dict[str, str] = {}
    metas: dict[str, Mapping[str, Any]] = {}

    def cached_text(article_id: str) -> str:
        if article_id not in texts:
            texts[article_id] = article_text(article_id)
        return texts[article_id]

    def cached_meta(article_id: str) -> Mapping[str, Any]:
        if article_id not in metas:
            metas[article_id] = article_meta(article_id) if article_meta is not None else {}
        return metas[article_id]

    results: list[CaseResult] = []
    for case in cases:
        started = time.perf_counter()
        try:
            answer = ask(case.question, [tuple(t) for t in case.history])
        except _FATAL:
            raise
        except AssistantError as exc:
            latency = (time.perf_counter() - started) * 1000
            result = CaseResult(
                case=case,
                passed=False,
                reasons=[f"error: {exc}"],
                metrics={**{name: None for name in SCORED}, "latency_ms": None},
                error=str(exc),
            )
        else:
            latency = (time.perf_counter() - started) * 1000
            if not isinstance(answer, Answer):
                raise EvaluationError(f"case {case.id}: ask returned {type(answer).__name__}, not an Answer")
            result = score_case(
                case,
                answer,
                article_text=cached_text,
                article_meta=cached_meta if article_meta is not None else None,
                latency_ms=latency,
                rules=rules,
            )
            if judge is not None:
                for name, value in judge(case, answer).items():
                    result.metrics[f"judge_{name}"] = None if value is None else float(value)
        results.append(result)
        if progress is not None:
            progress(result)
    return EvalReport(summary=summarize(results, rules), cases=results, meta=dict(meta or {}))


def summarize(results: Sequence[CaseResult], rules: PassRules = PassRules()) -> dict:
    """Counts, pass rate, metric means over defined cases, latency p50/p95 and pass rate per tag."""
    n = len(results)
    passed = sum(r.passed for r in results)
    names = list(SCORED) + sorted({k for r in results for k in r.metrics if k.startswith("judge_")})
    means = {}
    for name in names:
        values = [r.metrics.get(name) for r in results]
        defined = [v for v in values if v is not None]
        means[name] = {"mean": m.mean(defined), "n": len(defined)}
    latencies = [r.metrics["latency_ms"] for r in results if r.metrics.get("latency_ms") is not None]
    by_tag: dict[str, dict[str, Any]] = {}
    for r in results:
        for tag in r.case.tags:
            slot = by_tag.setdefault(tag, {"n": 0, "passed": 0})
            slot["n"] += 1
            slot["passed"] += int(r.passed)
    for slot in by_tag.values():
        slot["pass_rate"] = slot["passed"] / slot["n"]
    notes = []
    skipped = sum(
        1
        for r in results
        if r.case.evidence and r.answer is not None and r.answer.retrieved and r.metrics.get("hit@k") is None
    )
    if skipped:
        notes.append(f"hit@k/mrr skipped for {skipped} evidence case(s): the retrieved chunks carry no text")
    return {
        "n": n,
        "passed": passed,
        "failed": n - passed,
        "pass_rate": passed / n if n else 0.0,
        "errors": sum(1 for r in results if r.error),
        "refused_answerable": sum(
            1 for r in results if r.answer is not None and r.case.answerable and not r.answer.answered
        ),
        "answered_unanswerable": sum(
            1 for r in results if r.answer is not None and not r.case.answerable and r.answer.answered
        ),
        "metrics": means,
        "latency_ms": {
            "p50": m.percentile(latencies, 50),
            "p95": m.percentile(latencies, 95),
            "mean": m.mean(latencies),
            "max": max(latencies) if latencies else None,
        },
        "by_tag": dict(sorted(by_tag.items())),
        "rules": asdict(rules),
        "notes": notes,
    }


__all__ = [
    "LABELS",
    "SCORED",
    "AskFn",
    "Case",
    "CaseResult",
    "EvalReport",
    "JudgeFn",
    "PassRules",
    "multihop_case",
    "parse_case",
    "read_cases",
    "run_eval",
    "score_case",
    "summarize",
]
