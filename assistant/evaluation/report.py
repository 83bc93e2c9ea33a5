"""A self-contained HTML evaluation report: one file, charts embedded as PNG data URIs.

Nothing is loaded from elsewhere (no CDN, no fonts, no scripts), so the file can be
mailed or archived as is. Every interpolated string goes through ``html.escape``:
questions and article text are untrusted input.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from assistant.evaluation import LABELS, CaseResult, EvalReport
from assistant.schema import Citation
from index.errors import EvaluationError

_CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:1100px;color:#222}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}
th{background:#f4f4f4}.num{text-align:right;font-variant-numeric:tabular-nums}
.pass{color:#1a7f37;font-weight:600}.fail{color:#c62828;font-weight:600}
.case{border:1px solid #ddd;border-radius:6px;padding:.6em 1em;margin:.8em 0}
.case.failed{border-color:#e57373}
blockquote{margin:.3em 0 .3em 1em;padding-left:.8em;border-left:3px solid #bbb}
.bad{background:#ffebee}.found{color:#1a7f37}.missing{color:#c62828}.muted{color:#666;font-size:90%}
.charts img{max-width:100%;margin:.5em 0}
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _fmt(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _png(fig: Any) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100, bbox_inches="tight")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def charts(report: EvalReport) -> list[tuple[str, str]]:
    """(caption, PNG data URI) for: pass rate by tag, metric means, latency histogram."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out: list[tuple[str, str]] = []
    summary = report.summary
    tags = summary.get("by_tag") or {}
    names = list(tags) or ["all"]
    rates = [t["pass_rate"] for t in tags.values()] or [summary.get("pass_rate", 0.0)]
    fig, ax = plt.subplots(figsize=(7, 0.45 * len(names) + 1.2))
    ax.barh(names, rates, color="#4c78a8")
    ax.set_xlim(0, 1)
    ax.set_xlabel("pass rate")
    ax.invert_yaxis()
    ax.set_title("Pass rate by tag", loc="left", fontsize=11)
    fig.tight_layout()
    out.append(("Pass rate by tag", _png(fig)))
    plt.close(fig)

    metrics = summary.get("metrics") or {}
    shown = [(LABELS.get(k, k), v["mean"]) for k, v in metrics.items() if v.get("mean") is not None]
    fig, ax = plt.subplots(figsize=(7, 0.45 * max(len(shown), 1) + 1.2))
    ax.barh([s[0] for s in shown], [s[1] for s in shown], color="#59a14f")
    ax.set_xlim(0, 1)
    ax.set_xlabel("mean over the cases where defined")
    ax.invert_yaxis()
    ax.set_title("Metric means", loc="left", fontsize=11)
    fig.tight_layout()
    out.append(("Metric means", _png(fig)))
    plt.close(fig)

    latencies = [c.metrics["latency_ms"] for c in report.cases if c.metrics.get("latency_ms") is not None]
    fig, ax = plt.subplots(figsize=(7, 3))
    ax.hist(latencies or [0.0], bins=min(30, max(len(latencies), 1)), color="#f28e2b")
    ax.set_xlabel("latency per case (ms)")
    ax.set_ylabel("cases")
    ax.set_title("Latency per case", loc="left", fontsize=11)
    fig.tight_layout()
    out.append(("Latency per case", _png(fig)))
    plt.close(fig)
    return out


def _summary_table(summary: Mapping[str, Any]) -> str:
    lat = summary.get("latency_ms") or {}
    rows = [
        ("cases", summary.get("n")),
        ("passed", summary.get("passed")),
        ("pass rate", _fmt(summary.get("pass_rate"))),
        ("errors", summary.get("errors")),
        ("refused answerable", summary.get("refused_answerable")),
        ("answered unanswerable", summary.get("answered_unanswerable")),
        ("latency p50 (ms)", _fmt(lat.get("p50"), 0)),
        ("latency p95 (ms)", _fmt(lat.get("p95"), 0)),
    ]
    for name, value in (summary.get("metrics") or {}).items():
        rows.append((f"{LABELS.get(name, name)} (n={value.get('n')})", _fmt(value.get("mean"))))
    body = "".join(f"<tr><th>{_e(k)}</th><td class='num'>{_e(v)}</td></tr>" for k, v in rows)
    return f"<table>{body}</table>"


def _tag_table(summary: Mapping[str, Any]) -> str:
    tags = summary.get("by_tag") or {}
    if not tags:
        return ""
    rows = "".join(
        f"<tr><td>{_e(t)}</td><td class='num'>{_e(v['n'])}</td><td class='num'>{_e(v['passed'])}</td>"
        f"<td class='num'>{_fmt(v['pass_rate'])}</td></tr>"
        for t, v in tags.items()
    )
    head = "<tr><th>tag</th><th>n</th><th>passed</th><th>pass rate</th></tr>"
    return f"<h2>By tag</h2><table>{head}{rows}</table>"


def _link(url: str) -> str:
    if url.lower().startswith(("http://", "https://")):
        return f"<a href='{_e(url)}' rel='noreferrer noopener'>{_e(url)}</a>"
    return _e(url)


def _citation(c: Citation, invalid: bool) -> str:
    where = ", ".join(_e(x) for x in (c.source, c.published) if x)
    flag = " <span class='fail'>quote differs from the article text</span>" if invalid else ""
    return (
        f"<li class='{'bad' if invalid else ''}'><blockquote>[{_e(c.n)}] {_e(c.quote)}</blockquote>"
        f"<span class='muted'>{_e(c.speaker + ': ') if c.speaker else ''}{_e(c.title)}"
        f"{' (' + where + ')' if where else ''} · {_e(c.article_id)} [{_e(c.start)}:{_e(c.end)}]"
        f"{' · ' + _link(c.url) if c.url else ''}</span>{flag}</li>"
    )


def _case(result: CaseResult) -> str:
    from assistant.evaluation import metrics as m

    case, answer = result.case, result.answer
    status = "<span class='pass'>PASS</span>" if result.passed else "<span class='fail'>FAIL</span>"
    parts = [f"<h3>{status} {_e(case.id)}</h3>"]
    if case.tags:
        parts.append(f"<div class='muted'>tags: {_e(', '.join(case.tags))}</div>")
    if result.reasons:
        parts.append("<ul>" + "".join(f"<li class='fail'>{_e(r)}</li>" for r in result.reasons) + "</ul>")
    for user, assistant in case.history:
        parts.append(f"<div class='muted'>earlier: {_e(user)} → {_e(assistant)}</div>")
    parts.append(f"<p><b>Question:</b> {_e(case.question)}</p>")
    expected = [f"answerable: {'yes' if case.answerable else 'no'}"]
    if case.answer:
        expected.append(f"answer: {_e(case.answer)}")
    parts.append("<p><b>Expected:</b> " + " · ".join(expected) + "</p>")
    shown = [c.quote for c in answer.citations] if answer else []
    if case.quotes:
        items = "".join(
            f"<li class='{'found' if m.fragment_found(q, shown) else 'missing'}'>{_e(q)}</li>"
            for q in case.quotes
        )
        parts.append(f"<div>Expected quotes:<ul>{items}</ul></div>")
    if case.sources:
        parts.append(f"<div class='muted'>Expected sources: {_e(' | '.join(case.sources))}</div>")
    if answer is not None:
        parts.append(
            f"<p><b>Answer</b> ({'answered' if answer.answered else 'refused'}, {_e(answer.answerer)}): "
            f"{_e(answer.answer)}</p>"
        )
        invalid = set(result.invalid_citations)
        if answer.citations:
            parts.append("<ul>" + "".join(_citation(c, c.n in invalid) for c in answer.citations) + "</ul>")
    metrics = ", ".join(f"{k} {_fmt(v)}" for k, v in result.metrics.items() if v is not None)
    parts.append(f"<div class='muted'>{_e(metrics)}</div>")
    cls = "case" if result.passed else "case failed"
    return f"<div class='{cls}'>{''.join(parts)}</div>"


def render_html(report: EvalReport, *, title: str = "Evaluation report") -> str:
    """The whole report as one HTML string; failures are listed first, passes folded."""
    meta = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in report.meta.items())
    images = "".join(
        f'<figure><img src="{uri}" alt="{_e(caption)}"></figure>'
        for caption, uri in charts(report)
    )
    ordered = report.failures_first()
    failed = [c for c in ordered if not c.passed]
    passed = [c for c in ordered if c.passed]
    notes = "".join(f"<p class='muted'>{_e(n)}</p>" for n in report.summary.get("notes") or [])
    rules = ", ".join(f"{k}={v}" for k, v in (report.summary.get("rules") or {}).items())
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{_e(title)}</h1>"
        + (f"<table>{meta}</table>" if meta else "")
        + "<h2>Summary</h2>"
        + _summary_table(report.summary)
        + notes
        + f"<p class='muted'>pass rules: {_e(rules)}</p>"
        + f"<div class='charts'>{images}</div>"
        + _tag_table(report.summary)
        + f"<h2>Failures ({len(failed)})</h2>"
        + "".join(_case(c) for c in failed)
        + f"<details><summary><h2 style='display:inline'>Passed ({len(passed)})</h2></summary>"
        + "".join(_case(c) for c in passed)
        + "</details></body></html>"
    )


def write_report(
    report: EvalReport, directory: str | Path, *, title: str = "Evaluation report"
) -> tuple[Path, Path]:
    """Write ``report.html`` and ``report.json`` into ``directory`` (created) and return both paths."""
    out = Path(directory)
    html_path, json_path = out / "report.html", out / "report.json"
    page = render_html(report, title=title)
    try:
        out.mkdir(parents=True, exist_ok=True)
        html_path.write_text(page, encoding="utf-8")
        json_path.write_text(report.to_json(), encoding="utf-8")
    except OSError as exc:
        raise EvaluationError(f"{out}: cannot write the report ({exc.strerror or exc})") from exc
    return html_path, json_path


__all__ = ["charts", "render_html", "write_report"]
