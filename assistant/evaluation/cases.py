"""Test sets: read cases from JSON lines (or a JSON list, or MultiHop-RAG's ``queries.json``).

Test sets
    JSON lines, one case per line (blank lines skipped)::

        {"id": "q1", "question": "...", "history": [["user turn", "assistant turn"], ...],
         "answer": "short expected answer", "quotes": ["expected verbatim fragment", ...],
         "sources": ["article id, title or url", ...], "evidence": ["fact sentence", ...],
         "answerable": true, "tags": ["..."], "speaker": "who must have said the quotes shown",
         "quotes_mode": "any" | "all", "split": "dev" | "holdout", "note": "why this is expected"}

    Only ``question`` is required; ``id`` defaults to the line number. ``quotes_mode``: with
    "any" one expected fragment shown is enough (an open "what did X say?"), with "all" every
    one must be shown; without it at least half. ``split`` names the part of a test set a case
    belongs to (results are also reported per split); ``note`` is for people, never scored. A JSON
    list of such objects is read too, and so is MultiHop-RAG's ``queries.json``
    (items with ``query``/``query_id``): ``null_query`` becomes
    ``answerable: false``, the evidence facts become ``evidence``, the evidence
    titles and urls become ``sources`` and ``tags`` is ``[question_type]``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from index.errors import EvaluationError


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
    speaker: str = ""
    quotes_mode: str = ""  # "" (at least half), "any" or "all"
    split: str = ""
    note: str = ""

    def expected(self) -> dict:
        return {
            "answer": self.answer,
            "quotes": list(self.quotes),
            "sources": list(self.sources),
            "evidence": list(self.evidence),
            "answerable": self.answerable,
            "speaker": self.speaker,
            "quotes_mode": self.quotes_mode,
        }


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


_FIELDS = {
    "id", "question", "history", "answer", "quotes", "sources", "evidence", "answerable", "tags", "speaker",
    "quotes_mode", "split", "note",
}
QUOTES_MODES = ("", "any", "all")


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
    for key in ("speaker", "quotes_mode", "split", "note"):
        if not isinstance(obj.get(key) or "", str):
            raise EvaluationError(f"{where}: {key!r} must be a string")
    if (obj.get("quotes_mode") or "") not in QUOTES_MODES:
        raise EvaluationError(f"{where}: 'quotes_mode' must be \"any\" or \"all\"")
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
        speaker=(obj.get("speaker") or "").strip(),
        quotes_mode=obj.get("quotes_mode") or "",
        split=(obj.get("split") or "").strip(),
        note=obj.get("note") or "",
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


__all__ = ["Case", "multihop_case", "parse_case", "read_cases"]
