"""Re-indexing: make the store match the given files and URLs, doing only the work that changed.

- Unchanged article (same id, same SHA-256 of its normalised text and of its
  metadata): skipped, zero encoder calls and zero quotation extractions.
- Changed article: new chunks and quotations written, then its old ones deleted. Each chunk's
  sentences are embedded through the content-addressed vector cache (a text embedded once is
  never encoded again); a chunk's sentence vectors are stored in its metadata, for the sentence
  rerank, and its own vector is composed of them (``index.sentence_vectors``).
- Quotations stored by an older extractor (``index.quotations.store.EXTRACTOR_VERSION``):
  re-extracted from the stored texts, without re-embedding anything.
- Article gone from an indexed folder (or record gone from an indexed file):
  removed, scoped to that folder or file; files rejected this run keep
  their previously indexed articles (bad input loses nothing).
- URLs (a page or an RSS/Atom feed, ``index.web``): only new or changed items are fetched;
  articles from the web are never removed by a later run (a feed drops old items, the index keeps them).
- After every run that changed something, syndicated copies are regrouped
  (``index.syndication``): each article record carries its MinHash signature and its group.
- The vector cache (``index.vectors``) is cleaned up at the end of a run when it has outgrown
  what the stored chunks embed, and after every ``--rebuild`` (``collect_vectors``).

Crash safety: articles are written in small groups, each in this order:
article records marked ``complete=False`` -> chunks and quotations upserted -> stale
chunks and quotations deleted -> records marked complete. Retrieval ignores chunks whose
content hash differs from their article's, and the next run redoes any
incomplete article, so a ``kill -9`` at any point converges on the next run.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from index.articles import Article, published_timestamp
from index.chunking import chunk_text
from index.errors import LoadError
from index.file_memo import FileMemo, raw_digest
from index.lexical import LexicalIndex
from index.loaders import discover, load_file
from index.loaders.discover import Skipped
from index.quotations import extract_quotations
from index.quotations import store as quotation_store
from index.sentence_vectors import SENTENCES_VERSION, backfill, sentence_texts, with_sentences
from index.settings import Settings
from index.store import Store
from index.syndication.groups import GROUP_KEY, SIGNATURE_KEY, regroup
from index.syndication.minhash import is_current, signature
from index.web.addresses import is_url
from index.web.cache import WebCache
from index.web.collect import collect_url
from index.web.fetch import Fetcher

Progress = Callable[[int, int, str], None]
GROUP = 32  # articles written per crash-consistent group
GC_SLACK = 1000  # cached vectors allowed beyond twice the referenced ones before a clean-up
LIVE_KEY = "vectors_live"  # __meta__: how many cached vectors the chunks referenced at the last clean-up


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
    encoded: int = 0  # texts sent to the encoder: sentences (and titles); the rest came from the vector cache
    encoded_sentences: int = 0  # sentences sent to the encoder (``index.sentence_vectors``), likewise
    extracted_articles: int = 0  # articles whose quotations were extracted this run
    quotations: int = 0  # quotations stored after this run
    vectors_removed: int = 0  # cached vectors no chunk embeds any more, removed by this run
    skipped_files: list[dict[str, str]] = field(default_factory=list)  # passed over in a folder walk, with why
    sources: list[dict[str, Any]] = field(default_factory=list)  # per URL: kind, added/updated/skipped, error

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["seconds"] = round(self.seconds, 3)
        return data


def embed_text(article: Article | dict, chunk: str, with_title: bool) -> str:
    title = article.title if isinstance(article, Article) else article.get("title", "")
    return f"{title}\n{chunk}" if with_title and title else chunk


class Collected(NamedTuple):
    removed: int  # cached vectors deleted
    live: int  # cached vectors the stored chunks embed


def collect_vectors(store: Store, settings: Settings, *, force: bool = False) -> Collected | None:
    """Remove the cached vectors no stored chunk embeds, when the cache has outgrown them (or ``force``).

    Referenced: each chunk's embedded text and its sentences (``index.sentence_vectors``).
    Due when the cache holds more than twice max(vectors referenced at the last clean-up, chunks)
    plus ``GC_SLACK``: so after any index run it stays within that bound, while a recently deleted
    article that comes back, or a re-chunking that keeps texts, still costs no encoding. A
    clean-up reads every chunk once (to know which texts they embed) and lists the cache's ids;
    the run that made the garbage pays for it, so the cost per added vector is constant.
    Returns None when no clean-up was due.
    """
    cache = store.vector_cache
    referenced = int(store.meta().get(LIVE_KEY, 0))
    if not force and cache.count() <= 2 * max(referenced, store.chunk_count()) + GC_SLACK:
        return None
    live: set[str] = set()
    for _, doc, meta in store.iter_chunks():
        live.update(cache.key(s) for s in sentence_texts(doc) or [doc])
        if settings.embed_title and meta.get("title"):
            live.add(cache.key(str(meta["title"])))
    return Collected(cache.collect(live), len(live))


def meta_hash(a: Article) -> str:
    """Fingerprint of the metadata we store and embed: a corrected title re-indexes the article too."""
    fields = [a.title, a.source, a.url, a.published, a.author, a.path, a.root]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


def _article_meta(a: Article, n_chunks: int, complete: bool, sig: str) -> dict[str, Any]:
    return {
        "title": a.title, "source": a.source, "url": a.url, "published": a.published,
        "published_ts": published_timestamp(a.published), "author": a.author, "path": a.path,
        "root": a.root, "source_file": a.extra.get("source_file", ""), "content_hash": a.content_hash,
        "meta_hash": meta_hash(a),
        "n_chunks": n_chunks, "complete": complete, "indexed_at": time.time(), SIGNATURE_KEY: sig,
    }


def _write_group(store: Store, group: list[Article], settings: Settings, report: IndexReport,
                 progress: Progress | None, done: list[int], total: int) -> None:
    ids, texts, metas = [], [], []
    q_ids, q_docs, q_metas = [], [], []
    chunk_counts = []
    for a in group:
        found = quotation_store.records(a, extract_quotations(a.text))
        q_ids += found[0]
        q_docs += found[1]
        q_metas += found[2]
        chunks = chunk_text(a.text, settings.chunk_size, settings.chunk_overlap)
        chunk_counts.append(len(chunks))
        h = a.content_hash
        for c in chunks:
            ids.append(f"{a.id}:{h[:12]}:{c.index}")
            texts.append(c.text)
            metas.append({
                "article_id": a.id, "content_hash": h, "chunk_index": c.index, "start": c.start, "end": c.end,
                "title": a.title, "source": a.source, "url": a.url, "published": a.published,
                "published_ts": published_timestamp(a.published),
            })
    sigs = [signature(a.text) for a in group]
    store.upsert_articles([a.id for a in group], [a.text for a in group],
                          [_article_meta(a, n, False, sig) for a, n, sig in zip(group, chunk_counts, sigs)])
    vectors, encoded = with_sentences(store, texts, metas, settings.embed_title)  # composed of sentence vectors
    report.encoded += encoded
    report.encoded_sentences += encoded
    report.extracted_articles += len(group)
    store.upsert_chunks(ids, vectors, texts, metas)
    store.upsert_quotations(q_ids, q_docs, q_metas)
    for a in group:
        store.delete_chunks(a.id, keep_hash=a.content_hash)
        store.delete_quotations(a.id, keep=(a.content_hash, quotation_store.EXTRACTOR_VERSION))
    store.update_article_metas([a.id for a in group],
                               [_article_meta(a, n, True, sig) for a, n, sig in zip(group, chunk_counts, sigs)])
    done[0] += len(group)
    if progress:
        progress(done[0], total, "indexing")


def _upgrade_quotations(store: Store, existing: dict[str, dict[str, Any]], skip: set[str],
                        report: IndexReport) -> None:
    """Re-extract the quotations of stored, unchanged articles made by an older extractor (no re-embedding)."""
    ids = sorted(aid for aid, meta in existing.items() if meta.get("complete") and aid not in skip)
    for i in range(0, len(ids), GROUP):
        for aid, (text, meta) in store.get_articles(ids[i : i + GROUP]).items():
            article = Article(id=aid, text=text, title=meta.get("title", ""), source=meta.get("source", ""),
                              url=meta.get("url", ""), published=meta.get("published", ""))
            if article.content_hash != meta.get("content_hash"):
                continue  # an article being rewritten: its own index run extracts it
            store.upsert_quotations(*quotation_store.records(article, extract_quotations(text)))
            store.delete_quotations(aid, keep=(article.content_hash, quotation_store.EXTRACTOR_VERSION))
            report.extracted_articles += 1


def _in_scope(meta: dict[str, Any], scope: Path, is_dir: bool) -> bool:
    source_file = meta.get("source_file", "")
    if not source_file:
        return False
    if is_dir:
        return Path(source_file).is_relative_to(scope)
    return Path(source_file) == scope


class _Run:
    """One index run's bookkeeping: what is stored, what was seen, what must be written."""

    def __init__(self, existing: dict[str, dict[str, Any]], report: IndexReport) -> None:
        self.existing = existing
        self.report = report
        self.seen: set[str] = set()
        self.changed: list[Article] = []

    def offer(self, a: Article, *, web: bool = False) -> str:
        """Count ``a`` as added, updated or skipped (queued for writing unless skipped); "" if a duplicate."""
        if a.id in self.seen:
            if not web:  # the same page in two feeds is no error
                err = LoadError(a.path, f"duplicate of an article already loaded with id {a.id}")
                self.report.rejected.append({"path": err.path, "reason": err.reason})
            return ""
        self.seen.add(a.id)
        old = self.existing.get(a.id)
        if (old and old.get("complete") and old.get("content_hash") == a.content_hash
                and old.get("meta_hash") == meta_hash(a)):
            self.report.skipped += 1
            return "skipped"
        self.changed.append(a)
        if old:
            self.report.updated += 1
            return "updated"
        self.report.added += 1
        return "added"

    def unchanged(self, article_id: str) -> bool:
        """An article a URL source knows is unchanged (not fetched again): skipped."""
        if article_id in self.seen:
            return False
        self.seen.add(article_id)
        self.report.skipped += 1
        return True


def _load_paths(paths: list[Path], settings: Settings, run: _Run,
                memo: FileMemo) -> tuple[list[tuple[Path, bool]], set[str]]:
    """Load files and folders into ``run``; the scopes deletions apply to, and the files rejected. A file
    unchanged since it was last indexed (``memo``) counts its articles as skipped unparsed."""
    report = run.report
    scopes: list[tuple[Path, bool]] = []
    rejected_files: set[str] = set()
    for path in paths:
        if not path.exists() and not path.is_symlink():
            report.rejected.append({"path": str(path), "reason": "no such file or directory"})
            continue
        passed_over: list[Skipped] = []
        root, files = discover(path, passed_over)
        report.skipped_files.extend(s._asdict() for s in passed_over)
        scopes.append((path.resolve(), path.is_dir()))
        for file in files:
            key, digest = memo.key(file, root), _digest(file)
            known = memo.unchanged(key, digest, run.existing, str(file.resolve())) if digest else []
            if known and not run.seen.intersection(known):
                for aid in known:
                    run.unchanged(aid)
                continue
            result = load_file(file, root, settings.max_file_bytes, settings.max_article_chars)
            report.warnings.extend(result.warnings)
            for err in result.rejected:
                report.rejected.append({"path": err.path, "reason": err.reason})
                rejected_files.add(str(file.resolve()))
            offered = []
            for a in result.articles:
                a.extra["source_file"] = str(file.resolve())
                offered.append(run.offer(a))
            if digest and result.articles and all(offered) and not result.rejected and not result.warnings:
                memo.stage(key, digest, {a.id: (a.content_hash, meta_hash(a)) for a in result.articles})
            else:
                memo.forget(key)
    return scopes, rejected_files


def _digest(file: Path) -> str:
    try:
        return raw_digest(file)
    except OSError:
        return ""  # load_file reports the unreadable file


def _load_urls(urls: list[str], settings: Settings, run: _Run, cache: WebCache, fetcher: Fetcher | None,
               progress: Progress | None) -> None:
    """Fetch pages and feeds into ``run``; one ``report.sources`` row per URL."""
    own = fetcher is None
    fetcher = fetcher or Fetcher(settings)
    try:
        for url in urls:
            src = collect_url(url, fetcher, cache, run.existing, settings.max_article_chars, progress)
            counts = Counter(run.offer(a, web=True) for a in src.articles)
            counts["skipped"] += sum(run.unchanged(aid) for aid in src.unchanged)
            run.report.warnings.extend(src.warnings)
            run.report.rejected.extend({"path": err.path, "reason": err.reason} for err in src.rejected)
            run.report.sources.append({
                "url": url, "kind": src.kind, "added": counts["added"], "updated": counts["updated"],
                "skipped": counts["skipped"], "rejected": len(src.rejected), "error": src.error,
            })
            if src.cache_entry is not None:
                cache.stage(url, src.cache_entry)
    finally:
        if own:
            fetcher.close()


def index_sources(store: Store, sources: Iterable[Path | str], settings: Settings, *, rebuild: bool = False,
                  progress: Progress | None = None, fetcher: Fetcher | None = None) -> IndexReport:
    """Index files, folders and http(s) URLs (pages or feeds); see the module docstring."""
    started = time.perf_counter()
    report = IndexReport()
    sources = list(sources)
    urls = [str(s).strip() for s in sources if is_url(s)]
    paths = [Path(s) for s in sources if not is_url(s)]
    with store.write_lock():
        if rebuild:
            store.reset()
        store.check_compatible()
        existing = store.article_records(complete_only=False)
        run = _Run(existing, report)
        memo = FileMemo(settings.home_path, f"{settings.max_file_bytes}/{settings.max_article_chars}", fresh=rebuild)
        scopes, rejected_files = _load_paths(paths, settings, run, memo)
        cache = WebCache(settings.home_path) if urls else None
        if cache is not None:
            _load_urls(urls, settings, run, cache, fetcher, progress)
        gone = [
            aid for aid, meta in existing.items()
            if aid not in run.seen and meta.get("source_file") not in rejected_files
            and any(_in_scope(meta, scope, is_dir) for scope, is_dir in scopes)
        ]
        done = [0]
        changed = run.changed
        for i in range(0, len(changed), GROUP):
            _write_group(store, changed[i : i + GROUP], settings, report, progress, done, len(changed))
        if gone:
            store.delete_articles(gone)
            report.deleted = len(gone)
        memo.commit()  # every staged file's articles are stored now
        meta = store.meta()  # nothing below writes the __meta__ record before bump_revision
        outdated = bool(meta) and meta.get("quotations") != store.quotation_version
        if outdated:
            _upgrade_quotations(store, existing, {a.id for a in changed} | set(gone), report)
        unsigned = any(m.get("complete") and not is_current(m.get(SIGNATURE_KEY)) for m in existing.values())
        ungrouped = store.copies_records() is None  # an index from before the __copies__ record
        regrouped = regroup(store) if (changed or gone or rebuild or unsigned or ungrouped) else 0
        backfilled = backfill(store)
        report.encoded += backfilled
        report.encoded_sentences += backfilled
        if cache is not None:
            cache.commit()
        # only a run that wrote or removed chunks can have left cached vectors no chunk embeds
        wrote = changed or gone or rebuild or report.encoded_sentences
        collected = collect_vectors(store, settings, force=rebuild) if wrote else None
        report.vectors_removed = collected.removed if collected else 0
        stale_sentences = meta.get("sentences") != SENTENCES_VERSION
        if changed or gone or rebuild or regrouped or outdated or collected or stale_sentences or not meta:
            store.bump_revision(sentences=SENTENCES_VERSION, **({LIVE_KEY: collected.live} if collected else {}))
        LexicalIndex(store.lexical_dir).ensure_fresh(store)  # readers load it instead of rebuilding
        report.articles = len(existing) - len(gone) + report.added
        # counting a large chunk collection costs Chroma a noticeable time: a run that wrote nothing sums the records
        report.chunks = (store.chunk_count() if wrote or outdated else
                         sum(int(m.get("n_chunks", 0)) for m in existing.values() if m.get("complete")))
        report.quotations = store.quotation_count()
    report.seconds = time.perf_counter() - started
    return report


def delete_article(store: Store, article_id: str) -> None:
    with store.write_lock():
        _, meta = store.get_article(article_id)  # raises NotFound
        store.delete_articles([article_id])
        if meta.get(GROUP_KEY):  # its copies may now be alone
            regroup(store)
        store.bump_revision()
        LexicalIndex(store.lexical_dir).ensure_fresh(store)


__all__ = ["Collected", "IndexReport", "collect_vectors", "delete_article", "embed_text", "index_sources"]
