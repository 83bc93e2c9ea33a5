"""Hybrid retrieval: dense (Chroma) + lexical (BM25), fused by a weighted sum of normalised scores.

Fusion: each side's candidate scores are min-max normalised to [0, 1] over its own
candidate list, then combined as ``DENSE_WEIGHT * dense + (1 - DENSE_WEIGHT) * bm25`` (a
chunk missing from one list gets 0 there). Measured on MultiHop-RAG (bench/query.py,
BENCHMARKS.md), reciprocal-rank fusion with equal weights fell below BM25 alone on MRR@10
because all-MiniLM-L6-v2 is much weaker than BM25 on entity-heavy news questions; the
convex combination with a 0.2-0.35 dense weight beat BM25 on both Hits@10 and MRR@10,
also when the weight was chosen on one half of the queries and scored on the other.

Filters (outlet, date range) are applied on both sides: as a Chroma ``where``
for the dense search and as a row mask for BM25. Chunks whose content hash
no longer matches their article (a half-finished re-index) are dropped, so a
stale chunk is never returned.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever

from assistant.schema import Passage
from index.articles import published_timestamp
from index.errors import UsageError
from index.lexical import LexicalIndex
from index.store import ChunkHit, Store

DENSE_WEIGHT = 0.3
MODES = ("hybrid", "dense", "bm25")


@dataclass(frozen=True)
class Filters:
    sources: tuple[str, ...] = ()
    since: str = ""
    until: str = ""

    def _bounds(self) -> tuple[int | None, int | None]:
        lo = hi = None
        if self.since:
            lo = published_timestamp(self.since)
            if lo < 0:
                raise UsageError(f"--since {self.since!r} is not a date (use YYYY-MM-DD)")
        if self.until:
            hi = published_timestamp(self.until)
            if hi < 0:
                raise UsageError(f"--until {self.until!r} is not a date (use YYYY-MM-DD)")
            if len(self.until.strip()) == 10:
                hi += 86399  # a bare date includes that whole day
        return lo, hi

    def where(self) -> dict[str, Any] | None:
        clauses: list[dict[str, Any]] = []
        if self.sources:
            clauses.append({"source": {"$in": list(self.sources)}})
        lo, hi = self._bounds()
        if lo is not None:
            clauses.append({"published_ts": {"$gte": lo}})
        if hi is not None:
            clauses.append({"published_ts": {"$lte": hi}})
            clauses.append({"published_ts": {"$gte": 0}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    def mask(self, metas: list[dict[str, Any]]) -> np.ndarray | None:
        if not (self.sources or self.since or self.until):
            return None
        lo, hi = self._bounds()
        keep = np.ones(len(metas), dtype=bool)
        for i, m in enumerate(metas):
            ts = int(m.get("published_ts", -1))
            if self.sources and m.get("source") not in self.sources:
                keep[i] = False
            elif lo is not None and ts < lo:
                keep[i] = False
            elif hi is not None and not 0 <= ts <= hi:
                keep[i] = False
        return keep


def _normalised(hits: list[ChunkHit]) -> dict[str, float]:
    """Min-max over one candidate list: best 1.0, worst 0.0 (all 1.0 when the scores are equal)."""
    if not hits:
        return {}
    scores = [h.score for h in hits]
    hi, lo = max(scores), min(scores)
    return {h.chunk_id: (h.score - lo) / (hi - lo) if hi > lo else 1.0 for h in hits}


def fuse(dense: list[ChunkHit], lexical: list[ChunkHit], k: int,
         dense_weight: float = DENSE_WEIGHT) -> list[ChunkHit]:
    """Top ``k`` by ``dense_weight * norm(dense) + (1 - dense_weight) * norm(bm25)``; ties: dense first."""
    nd, nl = _normalised(dense), _normalised(lexical)
    hits: dict[str, ChunkHit] = {}
    for h in [*dense, *lexical]:
        hits.setdefault(h.chunk_id, h)
    fused = {cid: dense_weight * nd.get(cid, 0.0) + (1.0 - dense_weight) * nl.get(cid, 0.0) for cid in hits}
    order = sorted(hits, key=lambda cid: -fused[cid])[:k]
    return [ChunkHit(cid, hits[cid].text, hits[cid].metadata, fused[cid]) for cid in order]


@dataclass
class HybridSearcher:
    store: Store
    lexical: LexicalIndex = field(default_factory=LexicalIndex)
    candidates: int = 30
    dense_weight: float = DENSE_WEIGHT

    def search(self, query: str, k: int, filters: Filters = Filters(), mode: str = "hybrid") -> list[ChunkHit]:
        if mode not in MODES:
            raise UsageError(f"mode must be one of {', '.join(MODES)}")
        n = max(self.candidates, k * 3)
        ranked: list[list[ChunkHit]] = []
        if mode in ("hybrid", "dense"):
            vector = self.store.encoder.embed_query(query)
            ranked.append(self.store.dense_search(vector, n, filters.where()))
        if mode in ("hybrid", "bm25"):
            self.lexical.ensure_fresh(self.store)
            lex = self.lexical
            rows = lex.search(query, n, filters.mask(lex.metas))
            ranked.append([ChunkHit(lex.ids[i], lex.texts[i], lex.metas[i], s) for i, s in rows])
        if len(ranked) == 1:
            return ranked[0][:k]
        return fuse(ranked[0], ranked[1], k, self.dense_weight)

    def passages(self, hits: list[ChunkHit]) -> list[Passage]:
        """Attach each hit's full article text; drop hits stale against their article."""
        articles = self.store.get_articles(sorted({h.metadata["article_id"] for h in hits}))
        out = []
        for h in hits:
            m = h.metadata
            found = articles.get(m["article_id"])
            if found is None or found[1].get("content_hash") != m.get("content_hash"):
                continue
            text = found[0]
            out.append(Passage(
                article_id=m["article_id"], chunk_id=h.chunk_id, title=m.get("title", ""),
                source=m.get("source", ""), url=m.get("url", ""), published=m.get("published", ""),
                start=int(m["start"]), end=int(m["end"]), score=round(h.score, 6), article_text=text,
            ))
        return out


class NewsRetriever(BaseRetriever):
    """The hybrid search as a LangChain retriever (documents carry offsets in metadata)."""

    searcher: Any
    k: int = 8
    filters: Any = Filters()
    mode: str = "hybrid"

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        hits = self.searcher.search(query, self.k, self.filters, self.mode)
        return [Document(page_content=h.text, id=h.chunk_id, metadata={**h.metadata, "score": h.score})
                for h in hits]


__all__ = ["DENSE_WEIGHT", "Filters", "HybridSearcher", "MODES", "NewsRetriever", "fuse"]
