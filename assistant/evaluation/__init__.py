"""Evaluation: score answers against test sets.

``cases`` reads test sets, ``scoring`` computes one case's metrics and verdict, ``metrics``
holds the metric definitions, ``run`` asks every case and summarises, ``report`` renders a
self-contained HTML report, ``cli`` is ``assistant eval``.
"""

from assistant.evaluation.cases import Case, multihop_case, parse_case, read_cases
from assistant.evaluation.run import AskFn, EvalReport, JudgeFn, run_eval, summarize
from assistant.evaluation.scoring import LABELS, SCORED, CaseResult, PassRules, score_case

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
