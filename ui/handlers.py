"""What the web UI's events do, as plain functions of the Engine: testable without a browser.

Every function here returns plain values (lists, strings, HTML); ``ui/app.py`` only
wires them to components. Errors from the engine (``AssistantError``) are shown as
messages, never as tracebacks, and no message carries a local absolute path.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.filters import Filters
from index.errors import AssistantError, EvaluationError
from ui import render

UPLOAD_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")
TESTSET_SUFFIXES = (".jsonl", ".json")
ARTICLE_COLUMNS = ["title", "outlet", "date", "chunks", "id"]
CASE_COLUMNS = ["case", "result", "reasons", "question", "answered", "citations", "latency ms"]
Progress = Callable[[float, str], None]
Message = dict[str, Any]
Turn = tuple[str, str]


# --- chat ---------------------------------------------------------------------------------




EXAMPLE_ARTICLES = 300  # speakers for the example questions come from this many newest articles (fast at 100k)


def example_questions(engine: Any, limit: int = 4) -> list[str]:
    """Questions about what is actually indexed: the most quoted speakers (of the newest articles), then titles."""
    out: list[str] = []
    try:
        for name, _count in engine.speakers(within=EXAMPLE_ARTICLES)[:2]:
            out.append(f"What did {name} say?")
        for row in engine.articles():
            title = " ".join(str(row["title"]).split())
            if title and len(out) < limit:
                short = title if len(title) <= 80 else title[:77].rsplit(" ", 1)[0] + "\u2026"
                out.append(f"What happened in \u201c{short}\u201d?")
    except AssistantError:
        return out
    return out[:limit]


def _turns(turns: Sequence[Sequence[str]] | None) -> list[Turn]:
    return [(str(q), str(a)) for q, a in (turns or [])]


def chat(
    engine: Any,
    message: str,
    messages: list[Message] | None,
    turns: Sequence[Sequence[str]] | None,
    sources: Sequence[str] | str | None = None,
    since: str | None = "",
    until: str | None = "",
    *,
    words_per_step: int = 6,
) -> Iterator[tuple[list[Message], list[Turn], str]]:
    """Answer ``message`` with the engine, streaming the rendered answer.

    Yields ``(chatbot messages, conversation turns, new textbox value)``. ``turns`` is
    the plain (question, answer text) history the engine rewrites follow-ups with; the
    chatbot messages are HTML for display only.
    """
    messages = list(messages or [])
    history = _turns(turns)
    question = (message or "").strip()
    if not question:
        yield messages, history, ""
        return
    messages.append({"role": "user", "content": render.question_html(question)})
    messages.append({"role": "assistant", "content": "<p class='na-muted'>Searching the articles\u2026</p>"})
    yield messages, history, ""
    try:
        answer = engine.ask(question, history or None, filters=Filters.from_options(sources, since, until))
    except AssistantError as exc:
        messages[-1] = {"role": "assistant", "content": render.error_html(str(exc))}
        yield messages, history, ""
        return
    for html in render.stream_answer(answer, words_per_step):
        messages[-1] = {"role": "assistant", "content": html}
        yield messages, history, ""
    yield messages, [*history, (question, answer.answer)], ""


def clear_chat() -> tuple[list[Message], list[Turn], str, str]:
    """Empty chat, empty history, empty textbox, empty source panel."""
    return [], [], "", ""


def open_source(engine: Any, key: str) -> str:
    """The source panel for a citation link: the article text with the quoted span marked."""
    parsed = render.parse_link(key)
    if parsed is None:
        return render.error_html("That citation link is not valid.")
    article_id, start, end = parsed
    try:
        article = engine.article(article_id)
    except AssistantError as exc:
        return render.error_html(str(exc))
    if end > len(article["text"]):
        return render.error_html("The cited span is outside the stored article (was it re-indexed?).")
    return render.article_html(article, start, end)


# --- speakers -----------------------------------------------------------------------------


def speaker_choices(engine: Any) -> list[str]:
    """Speaker names, most quoted first."""
    try:
        return [name for name, _ in engine.speakers()]
    except AssistantError:
        return []


def speaker_quotes(engine: Any, name: str | None) -> str:
    """Everything a person said across the indexed articles, newest first, as HTML."""
    name = (name or "").strip()
    if not name:
        return "<p class='na-muted'>Pick or type a name.</p>"
    try:
        return render.quotes_html(engine.quotes(name), name)
    except AssistantError as exc:
        return render.error_html(str(exc))


# --- articles -----------------------------------------------------------------------------


def articles_table(engine: Any) -> list[list[Any]]:
    """Rows of the articles table: title, outlet, date, chunks, id (no local paths)."""
    return [
        [r["title"], r["source"], (r["published"] or "")[:10], r["chunks"], r["id"]] for r in engine.articles()
    ]


def article_choices(engine: Any) -> list[tuple[str, str]]:
    """(label, id) pairs for the article picker; labels are titles with the date."""
    out = []
    for r in engine.articles():
        title = " ".join(str(r["title"]).split()) or r["id"]
        title = title if len(title) <= 90 else title[:89] + "\u2026"
        date = (r["published"] or "")[:10]
        out.append((f"{title} ({date})" if date else title, r["id"]))
    return out


def show_article(engine: Any, article_id: str | None) -> str:
    if not article_id:
        return "<p class='na-muted'>Pick an article.</p>"
    try:
        return render.article_html(engine.article(article_id))
    except AssistantError as exc:
        return render.error_html(str(exc))


def delete_article(engine: Any, article_id: str | None) -> str:
    """Remove one article; returns a status line (HTML)."""
    if not article_id:
        return render.error_html("Pick an article to delete.")
    try:
        title = engine.article_meta(article_id).get("title", "") or article_id
        engine.delete(article_id)
    except AssistantError as exc:
        return render.error_html(str(exc))
    return f"<p>Deleted \u201c{render.e(title)}\u201d.</p>"


def safe_name(name: str) -> str:
    """A file name safe to create in the uploads folder: the basename, with odd characters replaced."""
    base = re.split(r"[/\\]", name)[-1]
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", stem).strip("_")[:80] or "upload"
    suffix = re.sub(r"[^A-Za-z0-9]+", "", suffix).lower()[:10]
    return f"{stem}.{suffix}" if suffix else stem


@dataclass
class SavedUploads:
    paths: list[Path] = field(default_factory=list)
    rejected: list[dict[str, str]] = field(default_factory=list)


def save_uploads(files: Sequence[Any] | None, uploads_dir: Path, max_bytes: int,
                 suffixes: Sequence[str] = UPLOAD_SUFFIXES) -> SavedUploads:
    """Copy accepted uploads into ``uploads_dir`` under their sanitised basename.

    Files of another type or larger than ``max_bytes`` are rejected with a reason;
    nothing outside ``uploads_dir`` is written.
    """
    saved = SavedUploads()
    for f in files or []:
        src = Path(getattr(f, "name", None) or str(f))
        name = safe_name(src.name)
        suffix = Path(name).suffix
        if suffix not in suffixes:
            saved.rejected.append({"path": name, "reason": f"unsupported file type {suffix or '(none)'!r}; "
                                   f"supported: {', '.join(suffixes)}"})
            continue
        try:
            size = src.stat().st_size
        except OSError:
            saved.rejected.append({"path": name, "reason": "the upload could not be read"})
            continue
        if size > max_bytes:
            saved.rejected.append({"path": name, "reason": f"larger than the {max_bytes / 2**20:.3g} MiB upload limit"})
            continue
        uploads_dir.mkdir(parents=True, exist_ok=True)
        dest = uploads_dir / name
        shutil.copyfile(src, dest)
        saved.paths.append(dest)
    return saved


def _display(path: str) -> str:
    return render.hide_paths(path) if not path.startswith(("/", "\\")) else Path(path).name


def _rejected_html(rejected: Sequence[dict[str, str]]) -> str:
    items = "".join(
        f"<li><b class='na-file'>{render.e(_display(str(r.get('path', ''))))}</b>: "
        f"{render.e(render.hide_paths(str(r.get('reason', ''))))}</li>"
        for r in rejected
    )
    return f"<div class='na-error'>Rejected:<ul>{items}</ul></div>"


def report_html(report: Any, extra_rejected: Sequence[dict[str, str]] = ()) -> str:
    """An index report as readable lines: counts, then every rejected file with its reason."""
    rejected = [*extra_rejected, *report.rejected]
    lines = [
        f"<p>{report.added} added, {report.updated} updated, {report.skipped} unchanged, {report.deleted} deleted, "
        f"{len(rejected)} rejected; {report.articles} articles, {report.chunks} chunks in {report.seconds:.1f}s.</p>"
    ]
    if rejected:
        lines.append(_rejected_html(rejected))
    for w in getattr(report, "warnings", []) or []:
        lines.append(f"<p class='na-muted'>warning: {render.e(render.hide_paths(str(w)))}</p>")
    return "".join(lines)


def _index_progress(progress: Progress | None) -> Callable[[int, int, str], None] | None:
    if progress is None:
        return None

    def cb(done: int, total: int, desc: str) -> None:
        progress(done / total if total else 1.0, desc)

    return cb


def upload_and_index(engine: Any, files: Sequence[Any] | None, progress: Progress | None = None) -> str:
    """Copy uploads into ``<home>/uploads/`` and index them; returns the report as HTML."""
    if not files:
        return render.error_html("Choose one or more files first (.txt, .md, .html, .json, .jsonl).")
    s = engine.settings
    saved = save_uploads(files, s.home_path / "uploads", int(s.max_upload_mb * 2**20))
    if not saved.paths:
        return "<p>Nothing indexed.</p>" + _rejected_html(saved.rejected)
    try:
        report = engine.index(saved.paths, progress=_index_progress(progress))
    except AssistantError as exc:
        return render.error_html(str(exc))
    return report_html(report, saved.rejected)


def reindex(engine: Any, corpus_dir: Path, progress: Progress | None = None) -> str:
    """Re-index the corpus folder (only changed articles are encoded again)."""
    if not Path(corpus_dir).is_dir():
        return render.error_html(f"The corpus folder {Path(corpus_dir).name}/ does not exist.")
    try:
        report = engine.index([Path(corpus_dir)], progress=_index_progress(progress))
    except AssistantError as exc:
        return render.error_html(str(exc))
    return report_html(report)


# --- evaluation ---------------------------------------------------------------------------


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
    metrics: list[list[Any]]
    charts_html: str
    cases: list[list[Any]]
    report_path: str | None


def _fmt(value: float | None, digits: int = 3) -> str:
    return "\u2013" if value is None else f"{value:.{digits}f}"


def metrics_rows(summary: dict[str, Any]) -> list[list[Any]]:
    from assistant.evaluation import LABELS

    lat = summary.get("latency_ms") or {}
    rows: list[list[Any]] = [
        ["cases", str(summary["n"]), ""],
        ["pass rate", _fmt(summary["pass_rate"]), f"{summary['passed']}/{summary['n']}"],
        ["errors", str(summary["errors"]), ""],
        ["latency p50 (ms)", _fmt(lat.get("p50"), 0), ""],
        ["latency p95 (ms)", _fmt(lat.get("p95"), 0), ""],
    ]
    for name, value in summary["metrics"].items():
        rows.append([LABELS.get(name, name), _fmt(value["mean"]), f"n={value['n']}"])
    return rows


def case_rows(report: Any) -> list[list[Any]]:
    """One row per case, failures first."""
    rows = []
    for r in report.failures_first():
        a = r.answer
        lat = r.metrics.get("latency_ms")
        rows.append([
            r.case.id, "pass" if r.passed else "FAIL", "; ".join(render.hide_paths(x) for x in r.reasons),
            r.case.question, "" if a is None else ("yes" if a.answered else "refused"),
            0 if a is None else len(a.citations), "" if lat is None else round(lat),
        ])
    return rows


def run_evaluation(engine: Any, choice: str | None, upload: Any, choices: dict[str, Path],
                   progress: Progress | None = None, out_dir: Path | None = None) -> EvalOutput:
    """Run a chosen (or uploaded) test set through ``engine.ask`` and score it."""
    from assistant.evaluation import read_cases, run_eval
    from assistant.evaluation.report import charts

    if upload:
        path = Path(getattr(upload, "name", None) or str(upload))
        name = safe_name(path.name)
        if path.suffix.lower() not in TESTSET_SUFFIXES:
            return EvalOutput(render.error_html(f"{name}: a test set must be a .jsonl (or .json) file."),
                              [], "", [], None)
    elif choice and choice in choices:
        path, name = choices[choice], choice
    else:
        return EvalOutput(render.error_html("Choose or upload a test set first."), [], "", [], None)
    try:
        cases = read_cases(path)
    except EvaluationError as exc:
        return EvalOutput(render.error_html(str(exc).replace(str(path), name)), [], "", [], None)
    done = [0]

    def on_case(_result: Any) -> None:
        done[0] += 1
        if progress is not None:
            progress(done[0] / len(cases), f"case {done[0]}/{len(cases)}")

    meta = {"testset": name, "cases": len(cases), "k": engine.settings.k,
            "answerer": engine.settings.llm or "extractive", "encoder": engine.settings.encoder,
            "started": datetime.now(UTC).isoformat(timespec="seconds")}
    try:
        report = run_eval(
            cases, lambda q, h: engine.ask(q, h or None), article_text=engine.article_text,
            article_meta=engine.article_meta, progress=on_case, meta=meta,
        )
    except AssistantError as exc:
        return EvalOutput(render.error_html(str(exc)), [], "", [], None)
    out = Path(out_dir) if out_dir else Path(tempfile.mkdtemp(prefix="na-eval-"))
    out.mkdir(parents=True, exist_ok=True)
    report_path = out / f"eval-{Path(name).stem}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    report_path.write_text(report.to_json(), encoding="utf-8")
    s = report.summary
    status = (f"<p><b>{s['passed']}/{s['n']} passed</b> (pass rate {s['pass_rate']:.2f}) on "
              f"{render.e(name)}.</p>")
    images = "".join(
        f"<figure><img src='{uri}' alt='{render.e(caption)}' style='max-width:100%'>"
        "</figure>"
        for caption, uri in charts(report)
    )
    return EvalOutput(status, metrics_rows(s), images, case_rows(report), str(report_path))


__all__ = [
    "ARTICLE_COLUMNS",
    "CASE_COLUMNS",
    "UPLOAD_SUFFIXES",
    "EvalOutput",
    "SavedUploads",
    "article_choices",
    "articles_table",
    "case_rows",
    "chat",
    "clear_chat",
    "delete_article",
    "example_questions",
    "metrics_rows",
    "open_source",
    "reindex",
    "report_html",
    "run_evaluation",
    "safe_name",
    "save_uploads",
    "show_article",
    "speaker_choices",
    "speaker_quotes",
    "testset_choices",
    "upload_and_index",
]


