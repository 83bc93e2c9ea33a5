"""``assistant eval TESTSET``: run a test set through the engine and score it.

Exit codes: 0 done (and pass rate >= --fail-under), 1 pass rate below
--fail-under or a run error, 2 usage or configuration errors.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import click

from assistant.evaluation import LABELS, EvalReport, read_cases, run_eval
from index.errors import AssistantError, EvaluationError
from index.settings import Settings, settings_options


def format_summary(report: EvalReport, max_failures: int = 10) -> str:
    """A plain-text summary table plus the first failures, for the terminal."""
    s = report.summary
    lat = s.get("latency_ms") or {}

    def num(value: float | None, digits: int = 3) -> str:
        return "-" if value is None else f"{value:.{digits}f}"

    rows = [
        ("cases", str(s["n"])),
        ("passed", f"{s['passed']} ({num(s['pass_rate'])})"),
        ("errors", str(s["errors"])),
        ("refused answerable", str(s["refused_answerable"])),
        ("answered unanswerable", str(s["answered_unanswerable"])),
        ("latency p50 / p95 ms", f"{num(lat.get('p50'), 0)} / {num(lat.get('p95'), 0)}"),
    ]
    for name, value in s["metrics"].items():
        rows.append((f"{LABELS.get(name, name)}", f"{num(value['mean'])}  (n={value['n']})"))
    width = max(len(k) for k, _ in rows)
    lines = [f"{k.ljust(width)}  {v}" for k, v in rows]
    if s.get("by_tag"):
        lines.append("")
        lines.append("pass rate by tag:")
        tag_width = max(len(t) for t in s["by_tag"])
        for tag, v in s["by_tag"].items():
            lines.append(f"  {tag.ljust(tag_width)}  {num(v['pass_rate'])}  ({v['passed']}/{v['n']})")
    if s.get("by_split"):
        lines.append("")
        lines.append("pass rate by split:")
        for split, v in s["by_split"].items():
            lines.append(f"  {split}  {num(v['pass_rate'])}  ({v['passed']}/{v['n']})")
    lines.extend(f"note: {n}" for n in s.get("notes") or [])
    failures = [c for c in report.cases if not c.passed]
    if failures:
        lines.append("")
        lines.append(f"failures ({len(failures)}):")
        for c in failures[:max_failures]:
            lines.append(f"  {c.case.id}: {'; '.join(c.reasons)}")
        if len(failures) > max_failures:
            lines.append(f"  ... and {len(failures) - max_failures} more (see --report or --json)")
    return "\n".join(lines)


@click.command("eval")
@click.argument("testset", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the full result as JSON (no progress bar).")
@click.option(
    "--report",
    "report_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Write report.html and report.json into this directory.",
)
@click.option(
    "--fail-under",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help="Exit with code 1 when the pass rate (0..1) is below this.",
)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Only the first N cases.")
@click.option("--split", "split", default=None, help="Only the cases of this split (e.g. dev, to tune on).")
@click.option("--tag", "tags", multiple=True, help="Only cases with this tag (repeatable: any of them).")
@settings_options(
    "home",
    "chroma_host",
    "chroma_port",
    "collection",
    "encoder",
    "threads",
    "k",
    "llm",
    "llm_base_url",
    "llm_model",
    "llm_api_key",
    "llm_timeout",
)
def eval_command(
    testset: Path,
    as_json: bool,
    report_dir: Path | None,
    fail_under: float | None,
    limit: int | None,
    split: str | None,
    tags: tuple[str, ...],
    **kwargs: object,
) -> None:
    """Evaluate answers with a test set (JSONL, or MultiHop-RAG queries.json).

    Each case is asked (with its history) and scored: refusal, citation validity,
    quote recall, answer match, retrieval hit@k / MRR and latency. With --fail-under,
    every split of the test set must reach it too, not only the whole.
    """
    try:
        report = _run(testset, as_json=as_json, limit=limit, split=split, tags=tags,
                      settings=Settings.load(**kwargs))
        if as_json:
            click.echo(report.to_json())
        else:
            click.echo(format_summary(report))
        if report_dir is not None:
            from assistant.evaluation.report import write_report

            html_path, _ = write_report(report, report_dir, title=f"Evaluation: {testset.name}")
            click.echo(f"report written to {html_path}", err=as_json)
    except AssistantError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    if fail_under is None:
        return
    rates = {"the test set": report.summary["pass_rate"]}
    rates |= {f"split {name}": v["pass_rate"] for name, v in report.summary.get("by_split", {}).items()}
    low = [f"{name} {rate:.3f}" for name, rate in rates.items() if rate < fail_under]
    if low:
        click.echo(f"FAILED: pass rate below --fail-under {fail_under:.3f}: {', '.join(low)}", err=True)
        sys.exit(1)


def _run(testset: Path, *, as_json: bool, limit: int | None, split: str | None, tags: tuple[str, ...],
         settings: Settings) -> EvalReport:
    from assistant.engine import Engine  # lazy: loading the engine loads the encoder

    cases = read_cases(testset)
    if split is not None:
        cases = [c for c in cases if c.split == split]
    if tags:
        cases = [c for c in cases if set(tags) & set(c.tags)]
    if not cases:
        raise EvaluationError(f"{testset}: no case matches the --split/--tag selection")
    if limit is not None:
        cases = cases[:limit]
    engine = Engine(settings)
    engine.warm_up()  # model load and index build are not part of any case's latency
    meta = {
        "testset": str(testset),
        "cases": len(cases),
        "k": settings.k,
        "answerer": settings.llm or "extractive",
        "llm_model": settings.llm_model,
        "encoder": settings.encoder,
        "collection": settings.collection,
        "chunking": f"{settings.chunk_size} chars, {settings.chunk_overlap} overlap",
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    from tqdm import tqdm

    bar = tqdm(total=len(cases), unit="case", file=sys.stderr, disable=as_json or not sys.stderr.isatty())
    passed = 0

    def progress(result) -> None:  # noqa: ANN001 - CaseResult
        nonlocal passed
        passed += int(result.passed)
        bar.update(1)
        bar.set_postfix(passed=passed, refresh=False)

    try:
        return run_eval(
            cases,
            lambda question, history: engine.ask(question, history=history or None),
            article_text=engine.article_text,
            article_meta=engine.article_meta,
            progress=progress,
            meta=meta,
        )
    finally:
        bar.close()


__all__ = ["eval_command", "format_summary"]
