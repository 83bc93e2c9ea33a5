"""An evaluation run as a reader reads it: what passed, what each metric measured (with its number),
what the test set did not check, and every case, failures first.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ui.views.html import e, hide_paths, plural
from ui.views.tables import table_html

# what a metric needs the test set to say, in a reader's words; metrics with n == 0 were not checked
CHECKS = {
    "quote_recall": "expected quotes",
    "speaker_correct": "who said them",
    "answer_contained": "an expected answer",
    "hit@k": "where the answer is (sources or evidence)",
    "source_cited": "expected sources",
}
CASE_COLUMNS = ["Case", "Result", "Question", "Why it failed", "Answer", "Quotes", "ms"]


def _num(value: float | None, digits: int = 2) -> str:
    return "\u2013" if value is None else f"{value:.{digits}f}"


def status_html(summary: Mapping[str, Any], name: str) -> str:
    s = summary
    lat = s.get("latency_ms") or {}
    return (f"<p class='na-eval-status'><b>{s['passed']}/{s['n']} passed</b> on {e(name)} "
            f"(pass rate {s['pass_rate']:.2f}; {plural(s['errors'], 'error')}; answer time p50 "
            f"{_num(lat.get('p50'), 0)} ms, p95 {_num(lat.get('p95'), 0)} ms).</p>")


def not_checked_html(summary: Mapping[str, Any]) -> str:
    """Say plainly what a pass did not verify, because the test set gave nothing to compare with."""
    metrics = summary.get("metrics") or {}
    missing = [what for name, what in CHECKS.items() if not (metrics.get(name) or {}).get("n")]
    if not missing:
        return ""
    return ("<div class='na-notice na-not-checked'><b>Not checked by this test set:</b> "
            + ", ".join(e(m) for m in missing) + ". A pass here only means the question was answered (or refused) "
            "as expected, with quotes that are word for word in the articles; a wrong answer with a real quote "
            "still passes. Add <code>quotes</code>, <code>speaker</code>, <code>answer</code> or "
            "<code>sources</code> to the cases to check more.</div>")


def metrics_html(summary: Mapping[str, Any], labels: Mapping[str, str]) -> str:
    """One labelled bar per measured metric (0 to 1), with its value and how many cases it covers."""
    rows = [("pass rate", summary["pass_rate"], summary["n"])]
    rows += [(labels.get(k, k), v["mean"], v["n"]) for k, v in (summary.get("metrics") or {}).items()
             if v.get("n") and v.get("mean") is not None]
    bars = "".join(
        f"<div class='na-metric'><span class='na-metric-name'>{e(label)}</span>"
        f"<span class='na-metric-bar' role='meter' aria-valuemin='0' aria-valuemax='1' aria-valuenow='{value:.3f}' "
        f"aria-label='{e(label)}'><span style='width:{max(0.0, min(1.0, value)) * 100:.1f}%'></span></span>"
        f"<span class='na-metric-value'>{value:.2f}</span><span class='na-metric-n'>n={n}</span></div>"
        for label, value, n in rows
    )
    return f"<div class='na-metrics'>{bars}</div>"


def cases_html(report: Any) -> str:
    """Every case, failures first, reasons in full."""
    rows = []
    for r in report.failures_first():
        a = r.answer
        lat = r.metrics.get("latency_ms")
        rows.append([
            e(r.case.id), "<span class='na-pass'>pass</span>" if r.passed else "<span class='na-fail'>FAIL</span>",
            e(r.case.question), "<br>".join(e(hide_paths(x)) for x in r.reasons),
            "" if a is None else ("answered" if a.answered else "refused"),
            "0" if a is None else str(len(a.citations)), "" if lat is None else str(round(lat)),
        ])
    return table_html(CASE_COLUMNS, rows, cls="na-cases", caption="Cases, failures first")


FORMAT_HELP = """
A test set is a JSON-lines file: one case per line. Only `question` is required.

| field | what it checks |
|---|---|
| `question` | what is asked |
| `answerable` | `false` when the articles do not answer it (the answer must refuse) |
| `quotes` | fragments that must appear, word for word, in the quotes shown (`quotes_mode`: `any` or `all`) |
| `speaker` | who must have said every quote shown |
| `answer` | a short expected answer that the answer text must contain |
| `sources` | article ids, titles or addresses that must be retrieved or cited |
| `history` | earlier turns, `[["question", "answer"], ...]`, for a follow-up |
| `id`, `tags`, `split`, `note` | labels for the report |

A case passes when every check it names holds; checks it does not name are not made.
"""


__all__ = ["CASE_COLUMNS", "CHECKS", "FORMAT_HELP", "cases_html", "metrics_html", "not_checked_html",
           "status_html"]
