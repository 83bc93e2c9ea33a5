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

from dataclasses import dataclass

from assistant.filters import Filters
from assistant.schema import Passage
from index.errors import UsageError
from index.lexical import LexicalIndex
from index.store import ChunkHit, Store

DENSE_WEIGHT = 0.3
MODES = ("hybrid", "dense", "bm25")


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
    lexical: LexicalIndex | None = None  # default: the store's persisted BM25 index
    candidates: int = 30
    dense_weight: float = DENSE_WEIGHT

    def __post_init__(self) -> None:
        if self.lexical is None:
            self.lexical = LexicalIndex(self.store.lexical_dir)

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
            rows = self.lexical.search(query, n, filters.mask(self.lexical.columns))
            found = self.store.get_chunks([cid for cid, _ in rows])
            ranked.append([ChunkHit(cid, *found[cid], s) for cid, s in rows if cid in found])
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


__all__ = ["DENSE_WEIGHT", "Filters", "HybridSearcher", "MODES", "fuse"]
