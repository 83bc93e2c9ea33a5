"""Running a test set: ask every case (with its history), score it, and summarise.

A case whose ask call failed with an ``AssistantError`` fails with that error as reason;
store, encoder and configuration errors abort the whole run instead. LLM-judged metrics
are a hook only: ``run_eval(judge=...)`` merges whatever the judge returns as
``judge_<name>`` metrics; nothing here calls an LLM.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from assistant.evaluation import metrics as m
from assistant.evaluation.cases import Case
from assistant.evaluation.scoring import SCORED, CaseResult, PassRules, score_case
from assistant.schema import Answer
from index.errors import AssistantError, ConfigError, EncoderError, EvaluationError, StoreError, UsageError

AskFn = Callable[[str, list[tuple[str, str]]], Answer]
JudgeFn = Callable[[Case, Answer], Mapping[str, float]]
_FATAL = (StoreError, EncoderError, ConfigError, UsageError)


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
    by_split: dict[str, dict[str, Any]] = {}
    for r in results:
        if r.case.split:
            slot = by_split.setdefault(r.case.split, {"n": 0, "passed": 0})
            slot["n"] += 1
            slot["passed"] += int(r.passed)
    for slot in [*by_tag.values(), *by_split.values()]:
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
        "by_split": dict(sorted(by_split.items())),
        "rules": asdict(rules),
        "notes": notes,
    }


__all__ = ["AskFn", "EvalReport", "JudgeFn", "run_eval", "summarize"]
