"""Re-indexing: make the store match the given files, doing only the work that changed.

- Unchanged article (same id, same SHA-256 of its normalised text and of its
  metadata): skipped, zero encoder calls.
- Changed article: new chunks written, then its old chunks deleted. Chunk texts and each
  chunk's sentences are embedded through the content-addressed vector cache (a text embedded
  once is never encoded again); a chunk's sentence vectors are stored in its metadata, for the
  sentence rerank (``index.sentences``).
- Article gone from an indexed folder (or record gone from an indexed file):
  removed, scoped to that folder or file; files rejected this run keep
  their previously indexed articles (bad input loses nothing).

Crash safety: articles are written in small groups, each in this order:
article records marked ``complete=False`` -> chunks upserted -> stale
chunks deleted -> records marked complete. Retrieval ignores chunks whose
content hash differs from their article's, and the next run redoes any
incomplete article, so a ``kill -9`` at any point converges on the next run.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from index.articles import Article, published_timestamp
from index.chunking import chunk_text
from index.errors import LoadError
from index.lexical import LexicalIndex
from index.loaders import discover, load_file
from index.loaders.discover import Skipped
from index.sentences import SENTENCES_VERSION, backfill, with_sentences
from index.settings import Settings
from index.store import Store

Progress = Callable[[int, int, str], None]
GROUP = 32  # articles written per crash-consistent group


@dataclass
class IndexReport:
    added: int = 0
    updated: int = 0
    skipped: int = 0
    deleted: int = 0
    rejected: list[dict[str, str]] = field(default_factory=list)
    articles: int = 0
    chunks: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    encoded: int = 0  # chunk texts sent to the encoder (the rest came from the vector cache)
    encoded_sentences: int = 0  # sentences sent to the encoder (``index.sentences``), likewise
    skipped_files: list[dict[str, str]] = field(default_factory=list)  # passed over in a folder walk, with why

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["seconds"] = round(self.seconds, 3)
        return data


def embed_text(article: Article | dict, chunk: str, with_title: bool) -> str:
    title = article.title if isinstance(article, Article) else article.get("title", "")
    return f"{title}\n{chunk}" if with_title and title else chunk


def meta_hash(a: Article) -> str:
    """Fingerprint of the metadata we store and embed: a corrected title re-indexes the article too."""
    fields = [a.title, a.source, a.url, a.published, a.author, a.path, a.root]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


def _article_meta(a: Article, n_chunks: int, complete: bool) -> dict[str, Any]:
    return {
        "title": a.title, "source": a.source, "url": a.url, "published": a.published,
        "published_ts": published_timestamp(a.published), "author": a.author, "path": a.path,
        "root": a.root, "source_file": a.extra.get("source_file", ""), "content_hash": a.content_hash,
        "meta_hash": meta_hash(a),
        "n_chunks": n_chunks, "complete": complete, "indexed_at": time.time(),
    }


def _write_group(store: Store, group: list[Article], settings: Settings, report: IndexReport,
                 progress: Progress | None, done: list[int], total: int) -> None:
    ids, texts, metas, to_embed = [], [], [], []
    chunk_counts = []
    for a in group:
        chunks = chunk_text(a.text, settings.chunk_size, settings.chunk_overlap)
        chunk_counts.append(len(chunks))
        h = a.content_hash
        for c in chunks:
            ids.append(f"{a.id}:{h[:12]}:{c.index}")
            texts.append(c.text)
            to_embed.append(embed_text(a, c.text, settings.embed_title))
            metas.append({
                "article_id": a.id, "content_hash": h, "chunk_index": c.index, "start": c.start, "end": c.end,
                "title": a.title, "source": a.source, "url": a.url, "published": a.published,
                "published_ts": published_timestamp(a.published),
            })
    store.upsert_articles([a.id for a in group], [a.text for a in group],
                          [_article_meta(a, n, False) for a, n in zip(group, chunk_counts)])
    embedded = store.embed(to_embed)
    report.encoded += embedded.encoded
    report.encoded_sentences += with_sentences(store, texts, metas)
    store.upsert_chunks(ids, embedded.vectors, texts, metas)
    for a in group:
        store.delete_chunks(a.id, keep_hash=a.content_hash)
    store.update_article_metas([a.id for a in group], [_article_meta(a, n, True) for a, n in zip(group, chunk_counts)])
    done[0] += len(group)
    if progress:
        progress(done[0], total, "indexing")


def _in_scope(meta: dict[str, Any], scope: Path, is_dir: bool) -> bool:
    source_file = meta.get("source_file", "")
    if not source_file:
        return False
    if is_dir:
        return Path(source_file).is_relative_to(scope)
    return Path(source_file) == scope


def index_paths(store: Store, paths: Iterable[Path], settings: Settings, *, rebuild: bool = False,
                progress: Progress | None = None) -> IndexReport:
    started = time.perf_counter()
    report = IndexReport()
    with store.write_lock():
        if rebuild:
            store.reset()
        store.check_compatible()
        existing = store.article_records(complete_only=False)
        changed: list[Article] = []
        seen: set[str] = set()
        scopes: list[tuple[Path, bool]] = []
        rejected_files: set[str] = set()
        for raw in paths:
            path = Path(raw)
            if not path.exists() and not path.is_symlink():
                report.rejected.append({"path": str(raw), "reason": "no such file or directory"})
                continue
            passed_over: list[Skipped] = []
            root, files = discover(path, passed_over)
            report.skipped_files.extend(s._asdict() for s in passed_over)
            scopes.append((path.resolve(), path.is_dir()))
            for file in files:
                result = load_file(file, root, settings.max_file_bytes, settings.max_article_chars)
                report.warnings.extend(result.warnings)
                for err in result.rejected:
                    report.rejected.append({"path": err.path, "reason": err.reason})
                    rejected_files.add(str(file.resolve()))
                for a in result.articles:
                    if a.id in seen:
                        err = LoadError(a.path, f"duplicate of an article already loaded with id {a.id}")
                        report.rejected.append({"path": err.path, "reason": err.reason})
                        continue
                    seen.add(a.id)
                    a.extra["source_file"] = str(file.resolve())
                    old = existing.get(a.id)
                    if (old and old.get("complete") and old.get("content_hash") == a.content_hash
                            and old.get("meta_hash") == meta_hash(a)):
                        report.skipped += 1
                        continue
                    if old:
                        report.updated += 1
                    else:
                        report.added += 1
                    changed.append(a)
        gone = [
            aid for aid, meta in existing.items()
            if aid not in seen and meta.get("source_file") not in rejected_files
            and any(_in_scope(meta, scope, is_dir) for scope, is_dir in scopes)
        ]
        done = [0]
        for i in range(0, len(changed), GROUP):
            _write_group(store, changed[i : i + GROUP], settings, report, progress, done, len(changed))
        if gone:
            store.delete_articles(gone)
            report.deleted = len(gone)
        report.encoded_sentences += backfill(store)
        if changed or gone or rebuild or store.meta().get("sentences") != SENTENCES_VERSION:
            store.bump_revision(sentences=SENTENCES_VERSION)
        LexicalIndex(store.lexical_dir).ensure_fresh(store)  # readers load it instead of rebuilding
        report.articles = len(existing) - len(gone) + report.added
        report.chunks = store.chunk_count()
    report.seconds = time.perf_counter() - started
    return report


def delete_article(store: Store, article_id: str) -> None:
    with store.write_lock():
        store.get_article(article_id)  # raises NotFound
        store.delete_articles([article_id])
        store.bump_revision()
        LexicalIndex(store.lexical_dir).ensure_fresh(store)


__all__ = ["IndexReport", "delete_article", "embed_text", "index_paths"]
