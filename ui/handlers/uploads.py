"""Adding articles from the browser: uploaded files, a web address or feed, and re-reading the corpus folder.

File types are checked here, on the server, whatever the browser claims: a file of another
type is refused with its name and the accepted types, and nothing of it is kept (its
temporary upload copy is removed too). Every outcome is an index report in readable lines.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from index.errors import AssistantError
from ui.handlers.context import Context, Progress, reader_message
from ui.views.html import display_name, e, error_html, hide_paths

UPLOAD_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")
_WEB = re.compile(r"^https?://[^\s/]+\S*$", re.IGNORECASE)


def accepted_types() -> str:
    return ", ".join(UPLOAD_SUFFIXES)


def type_refusal(name: str, suffixes: Sequence[str] = UPLOAD_SUFFIXES) -> str | None:
    """Why a file named ``name`` is refused by type, or None when its type is accepted."""
    suffix = Path(name).suffix.lower()
    if suffix in suffixes:
        return None
    return f"{suffix or 'a file without an extension'} is not an article file; accepted: {', '.join(suffixes)}"


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


def upload_cache() -> Path:
    """Where Gradio keeps the copies of uploaded files (``GRADIO_TEMP_DIR``, else ``<tmp>/gradio``)."""
    from gradio.utils import get_upload_folder

    return Path(get_upload_folder())


def _discard(path: Path, cache: Path | None) -> None:
    """Remove a refused upload's temporary copy: only ever a file inside the upload cache."""
    try:
        if cache is not None and cache.resolve() in path.resolve().parents:
            path.unlink(missing_ok=True)
    except OSError:
        pass


def save_uploads(files: Sequence[Any] | None, uploads_dir: Path, max_bytes: int,
                 suffixes: Sequence[str] = UPLOAD_SUFFIXES, cache: Path | None = None) -> SavedUploads:
    """Copy accepted uploads into ``uploads_dir`` under their sanitised basename.

    A file of another type, or larger than ``max_bytes``, is refused with a reason, and its
    temporary copy removed when it lies in ``cache`` (the upload cache); nothing outside
    ``uploads_dir`` is written.
    """
    saved = SavedUploads()
    for f in files or []:
        src = Path(getattr(f, "name", None) or str(f))
        name = safe_name(src.name)
        refusal = type_refusal(name, suffixes)
        if refusal is None:
            try:
                if src.stat().st_size > max_bytes:
                    refusal = f"larger than the {max_bytes / 2**20:.3g} MiB upload limit"
            except OSError:
                refusal = "the upload could not be read"
        if refusal is not None:
            saved.rejected.append({"path": name, "reason": refusal})
            _discard(src, cache)
            continue
        uploads_dir.mkdir(parents=True, exist_ok=True)
        dest = uploads_dir / name
        shutil.copyfile(src, dest)
        saved.paths.append(dest)
    return saved


def _rejected_html(rejected: Sequence[dict[str, str]]) -> str:
    items = "".join(
        f"<li><b class='na-file'>{e(display_name(str(r.get('path', ''))))}</b>: "
        f"{e(hide_paths(str(r.get('reason', ''))))}</li>"
        for r in rejected
    )
    return f"<div class='na-error' role='alert'>Not added:<ul>{items}</ul></div>"


def report_html(report: Any, extra_rejected: Sequence[dict[str, str]] = ()) -> str:
    """An index report as readable lines: counts, then every refused file or address with its reason."""
    rejected = [*extra_rejected, *report.rejected]
    lines = [
        f"<p>{report.added} added, {report.updated} updated, {report.skipped} unchanged, {report.deleted} deleted, "
        f"{len(rejected)} not added; {report.articles} articles in the index ({report.seconds:.1f} s).</p>"
    ]
    if rejected:
        lines.append(_rejected_html(rejected))
    for w in getattr(report, "warnings", []) or []:
        lines.append(f"<p class='na-muted'>warning: {e(hide_paths(str(w)))}</p>")
    return "".join(lines)


def _index_progress(progress: Progress | None) -> Callable[[int, int, str], None] | None:
    if progress is None:
        return None

    def cb(done: int, total: int, desc: str) -> None:
        progress(done / total if total else 1.0, desc)

    return cb


def upload_and_index(ctx: Context, files: Sequence[Any] | None, progress: Progress | None = None,
                     cache: Path | None = None) -> str:
    """Copy accepted uploads into ``<home>/uploads/`` and index them; the report as HTML. Refused files are
    removed from ``cache`` (default: Gradio's upload cache)."""
    if not files:
        return error_html(f"Choose one or more files first ({accepted_types()}).")
    s = ctx.engine.settings
    saved = save_uploads(files, s.home_path / "uploads", int(s.max_upload_mb * 2**20),
                         cache=cache if cache is not None else upload_cache())
    if not saved.paths:
        return "<p>Nothing added.</p>" + _rejected_html(saved.rejected)
    try:
        report = ctx.engine.index(saved.paths, progress=_index_progress(progress))
    except AssistantError as exc:
        return error_html(reader_message(exc))
    return report_html(report, saved.rejected)


def add_address(ctx: Context, address: str | None, progress: Progress | None = None) -> str:
    """Index one web address (an article or a feed) and report what was added or why not."""
    address = (address or "").strip()
    if not address:
        return error_html("Type the address of an article or a feed (https://\u2026).")
    if not _WEB.match(address):
        return error_html("Only web addresses (http:// or https://) can be added here; use Upload for files.")
    try:
        report = ctx.engine.index([address], progress=_index_progress(progress))
    except AssistantError as exc:
        return error_html(reader_message(exc))
    return report_html(report)


def reindex(ctx: Context, progress: Progress | None = None) -> str:
    """Re-read the corpus folder (only changed articles are encoded again)."""
    if ctx.corpus is None or not ctx.corpus.is_dir():
        return error_html("There is no corpus folder to re-read on this server.")
    try:
        report = ctx.engine.index([ctx.corpus], progress=_index_progress(progress))
    except AssistantError as exc:
        return error_html(reader_message(exc))
    return report_html(report)


__all__ = ["UPLOAD_SUFFIXES", "SavedUploads", "accepted_types", "add_address", "reindex", "report_html",
           "safe_name", "save_uploads", "type_refusal", "upload_and_index", "upload_cache"]
