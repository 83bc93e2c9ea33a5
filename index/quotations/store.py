"""Quotations kept in Chroma (``<prefix>_quotations``), one record per quotation.

Written by the indexer in the same crash-safe order as chunks (new records upserted before
stale ones are deleted, the article marked complete last). Read back only for complete
articles, and only records made from the article's current text by the current extractor,
so a reader never sees a half-written article or a stale quotation. The document is the
quote; metadata carries the article id, content hash and extractor, offsets, kind, sentence
span, speaker, role, aliases, speaker type, and the article's title, outlet and date.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from index.articles import Article, published_timestamp
from index.quotations.quotation import Quotation
from index.store import Store

ALIAS_SEP = "|"
_FIELDS = ("start", "end", "kind", "sentence_start", "sentence_end", "speaker", "role", "speaker_type")
_HERE = Path(__file__).parent
# every module of this package but this one (a new rule module counts without being listed here), and the text
# rules they read
_RULE_SOURCES = sorted(p for p in _HERE.glob("*.py") if p.name != Path(__file__).name)
_RULE_SOURCES += [_HERE.parent / "text" / f"{m}.py" for m in ("sentences", "marks", "terms")]
# The extractor's identity: its rules' source. Any change re-extracts stored quotations (no re-embedding).
EXTRACTOR_VERSION = "rules-" + hashlib.sha256(b"".join(p.read_bytes() for p in _RULE_SOURCES)).hexdigest()[:12]


def records(article: Article, quotations: list[Quotation]) -> tuple[list[str], list[str], list[dict[str, Any]]]:
    """Chroma ids, documents and metadatas for one article's quotations."""
    h = article.content_hash
    ids, docs, metas = [], [], []
    for i, q in enumerate(quotations):
        ids.append(f"{article.id}:{h[:12]}:{EXTRACTOR_VERSION}:q{i}")
        docs.append(q.quote)
        metas.append({
            "article_id": article.id, "content_hash": h, "extractor": EXTRACTOR_VERSION,
            **{f: getattr(q, f) for f in _FIELDS}, "aliases": ALIAS_SEP.join(q.aliases), "title": article.title,
            "source": article.source, "url": article.url, "published": article.published,
            "published_ts": published_timestamp(article.published),
        })
    return ids, docs, metas


def to_quotation(doc: str, meta: dict[str, Any]) -> Quotation:
    aliases = tuple(a for a in str(meta.get("aliases", "")).split(ALIAS_SEP) if a)
    return Quotation(
        start=int(meta["start"]), end=int(meta["end"]), quote=doc, speaker=str(meta["speaker"]), kind=str(meta["kind"]),
        sentence_start=int(meta["sentence_start"]), sentence_end=int(meta["sentence_end"]), role=str(meta["role"]),
        speaker_type=str(meta["speaker_type"]), aliases=aliases,
    )


def read(store: Store, article_ids: Iterable[str] | None = None) -> Iterator[tuple[Quotation, dict[str, Any]]]:
    """Stored quotations (with their record's metadata) of complete articles; ``None`` reads all articles."""
    if article_ids is not None:
        article_ids = list(article_ids)
    complete = store.article_records() if article_ids is None else store.article_metas(article_ids)
    wanted = sorted(complete) if article_ids is None else sorted({a for a in article_ids if a in complete})
    if not wanted:
        return
    # a few articles: by id alone (Chroma answers that faster than with the extractor in the filter too)
    where = {"extractor": EXTRACTOR_VERSION} if article_ids is None else {"article_id": {"$in": wanted}}
    for doc, meta in store.iter_quotations(where):
        article = complete.get(meta.get("article_id"))
        if (article is not None and article.get("content_hash") == meta.get("content_hash")
                and meta.get("extractor") == EXTRACTOR_VERSION):
            yield to_quotation(doc, meta), dict(meta)


__all__ = ["EXTRACTOR_VERSION", "read", "records", "to_quotation"]
