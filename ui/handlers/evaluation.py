"""The Evaluate tab: run a listed or uploaded test set through ``Engine.ask`` and show the report."""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from index.errors import AssistantError, EvaluationError
from ui.handlers.context import Context, Progress, reader_message
from ui.handlers.uploads import safe_name, type_refusal
from ui.views.evaluation import cases_html, metrics_html, not_checked_html, status_html
from ui.views.html import e, error_html

TESTSET_SUFFIXES = (".jsonl", ".json")


def testset_choices(folders: Sequence[Path]) -> dict[str, Path]:
    """Test sets offered by name (basename -> path; paths never reach the browser)."""
    found: dict[str, Path] = {}
    for folder in folders:
        if not Path(folder).is_dir():
            continue
        for p in sorted(Path(folder).iterdir()):
            if p.suffix in TESTSET_SUFFIXES and p.is_file() and p.name not in found:
                found[p.name] = p
    return found


@dataclass
class EvalOutput:
    status: str
    metrics: str = ""
    cases: str = ""
    report_path: str | None = None


def sample_testset(ctx: Context, out_dir: Path | None = None) -> str:
    """A small test set about what is indexed now (a quoted person, a refusal), to copy the format from."""
    cases: list[dict[str, Any]] = []
    try:
        people = ctx.catalog.people()
        if people:
            name = people[0].name
            first = ctx.catalog.quotes_of(name)[1][0]
            cases.append({"id": "quote-1", "question": f"What did {name} say?", "speaker": name,
                          "quotes": [first["quote"]], "quotes_mode": "any", "sources": [first["article_id"]],
                          "note": "a quotation of theirs in the index"})
    except AssistantError:
        pass
    cases.append({"id": "refuse-1", "question": "What did the mayor of Atlantis say about submarine tariffs?",
                  "answerable": False, "note": "nothing in the articles answers this"})
    out = Path(out_dir) if out_dir else Path(tempfile.mkdtemp(prefix="na-sample-"))
    out.mkdir(parents=True, exist_ok=True)
    path = out / "sample_testset.jsonl"
    path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), encoding="utf-8")
    return str(path)


def run_evaluation(ctx: Context, choice: str | None, upload: Any, progress: Progress | None = None,
                   out_dir: Path | None = None) -> EvalOutput:
    """Run the chosen test set, or the uploaded one (not both), through ``engine.ask`` and score it."""
    from assistant.evaluation import LABELS, read_cases, run_eval

    if upload and choice:
        return EvalOutput(error_html("Both a listed test set and an upload are selected: clear one of them."))
    if upload:
        path = Path(getattr(upload, "name", None) or str(upload))
        name = safe_name(path.name)
        if type_refusal(name, TESTSET_SUFFIXES) is not None:
            return EvalOutput(error_html(f"{name}: a test set must be a .jsonl (or .json) file."))
    elif choice and choice in ctx.testsets:
        path, name = ctx.testsets[choice], choice
    else:
        return EvalOutput(error_html("Choose a listed test set or upload one first."))
    try:
        cases = read_cases(path)
    except EvaluationError as exc:
        return EvalOutput(error_html(str(exc).replace(str(path), name)))
    done = [0]

    def on_case(_result: Any) -> None:
        done[0] += 1
        if progress is not None:
            progress(done[0] / len(cases), f"case {done[0]}/{len(cases)}")

    s = ctx.engine.settings
    meta = {"testset": name, "cases": len(cases), "k": s.k, "answerer": s.llm or "extractive", "encoder": s.encoder,
            "started": datetime.now(UTC).isoformat(timespec="seconds")}
    try:
        report = run_eval(cases, lambda q, h: ctx.engine.ask(q, h or None), article_text=ctx.engine.article_text,
                          article_meta=ctx.engine.article_meta, progress=on_case, meta=meta)
    except AssistantError as exc:
        return EvalOutput(error_html(reader_message(exc)))
    out = Path(out_dir) if out_dir else Path(tempfile.mkdtemp(prefix="na-eval-"))
    out.mkdir(parents=True, exist_ok=True)
    report_path = out / f"eval-{Path(name).stem}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    report_path.write_text(report.to_json(), encoding="utf-8")
    summary = report.summary
    return EvalOutput(status_html(summary, name) + not_checked_html(summary), metrics_html(summary, LABELS),
                      cases_html(report), str(report_path))


def selected_note(choice: str | None, upload: Any) -> str:
    """Which test set "Run" will use."""
    if upload:
        return f"<p class='na-muted'>Will run the uploaded file {e(safe_name(Path(str(upload)).name))}.</p>"
    if choice:
        return f"<p class='na-muted'>Will run {e(choice)}.</p>"
    return ""


__all__ = ["TESTSET_SUFFIXES", "EvalOutput", "run_evaluation", "sample_testset", "selected_note", "testset_choices"]
