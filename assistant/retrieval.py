"""Hybrid retrieval: each sub-question searched dense (Chroma) and lexical (BM25), scored and merged.

``HybridSearcher.analyse`` turns a question into sub-questions with the outlets and dates
they name (``assistant.query``); ``retrieve`` searches every distinct sub-question text on
both sides (their query vectors encoded in one call), takes ``candidates`` chunks per side
per text (a fixed depth, whatever ``k``, so score normalisation does not move with ``k``),
reads the candidates' sentence vectors (``assistant.rerank``), scores every candidate
(``assistant.scoring``: fused dense + BM25, soft outlet and date boosts, best sentence) and
merges the lists by each chunk's best score.

Modes: ``hybrid`` is all of that; ``fused`` is the whole question only, dense + BM25 fused
without boosts or rerank (retrieval before query analysis); ``dense`` is the dense side alone
with the sentence rerank (every signal a cosine of the question's vector); ``bm25`` the
lexical side alone.

Filters (outlets, date range: what the reader asked for with ``--source``/``--since``) are
hard, on both sides: a Chroma ``where`` for the dense search and a row mask for BM25. Chunks
whose content hash no longer matches their article (a half-finished re-index) are dropped,
so a stale chunk is never returned.
"""

from __future__ import annotations

import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np

from assistant.answer.question import analyse_question
from assistant.filters import Filters
from assistant.query import QueryAnalyser, QueryAnalysis, SubQuestion
from assistant.query.collection import FAR, CollectionFacts, date_gap, day_number, meta_outlet_keys
from assistant.rerank import best_sentences, sentence_matrix
from assistant.schema import Passage
from assistant.scoring import FUSED, WEIGHTS, Pool, Ranked, Weights, rank
from assistant.vector_reader import VectorReader
from index.errors import UsageError
from index.lexical import Columns, LexicalIndex
from index.store import ChunkHit, Store

CANDIDATES = 30  # default depth per side per sub-question (the ``candidates`` setting)
FILTER_SHARE = 0.02  # filters keeping at least this share of chunks are applied to over-fetched dense hits
EXACT_MAX = 5000  # a filter keeping at most this many chunks is searched exactly over their vectors
MODES = ("hybrid", "fused", "dense", "bm25")
# modes without analysis; dense is the chunk vectors plus the sentence rerank (both cosines of the question's
# vector, the sentence weight the hybrid's: dense MRR@10 0.511 -> 0.549 on the 887 MultiHop queries)
_ONE_SIDE = {"fused": FUSED, "dense": Weights(dense=1.0, sentence=WEIGHTS.sentence), "bm25": Weights(dense=0.0)}


@dataclass
class HybridSearcher:
    store: Store
    lexical: LexicalIndex | None = None  # default: the store's persisted BM25 index
    candidates: int = CANDIDATES
    weights: Weights = WEIGHTS
    vectors: VectorReader | None = None  # default: an LRU over the store's vector cache
    _facts: tuple[int, CollectionFacts] = field(default=(-1, CollectionFacts()), repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _worker: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(4, "bm25"), repr=False)
    _narrow: tuple[tuple[int, Filters], tuple[list[str], np.ndarray]] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.lexical is None:
            self.lexical = LexicalIndex(self.store.lexical_dir)
        if self.vectors is None:
            self.vectors = VectorReader(self.store)

    # -- the collection ----------------------------------------------------------------
    def facts(self) -> CollectionFacts:
        """The collection's outlets and newest date, read again whenever the index revision moves."""
        self.lexical.ensure_fresh(self.store)
        revision = self.lexical.revision
        with self._lock:
            if self._facts[0] != revision:
                self._facts = (revision, CollectionFacts.of_columns(self.lexical.columns))
            return self._facts[1]

    def analyse(self, question: str) -> QueryAnalysis:
        """Sub-questions, outlets and dates of ``question`` (``assistant.query``), against this collection."""
        facts = self.facts()
        return QueryAnalyser(facts.catalog, facts.reference).analyse(question)

    # -- searching ----------------------------------------------------------------------
    def search(self, query: str, k: int, filters: Filters = Filters(), mode: str = "hybrid") -> list[Ranked]:
        """Top ``k`` chunks for ``query``; see the module docstring for the modes."""
        if mode not in MODES:
            raise UsageError(f"mode must be one of {', '.join(MODES)}")
        if mode == "hybrid":
            return self.retrieve(self.analyse(query), k, filters)
        self.lexical.ensure_fresh(self.store)
        analysis = QueryAnalysis(query, (SubQuestion(query),))
        pools = self.pools(analysis, filters, dense=mode != "bm25", lexical=mode != "dense", sentences=mode == "dense")
        return rank(pools, _ONE_SIDE[mode], k)

    def retrieve(self, analysis: QueryAnalysis, k: int, filters: Filters = Filters()) -> list[Ranked]:
        """Top ``k`` chunks over every sub-question of ``analysis``, each labelled with its part."""
        return rank(self.pools(analysis, filters), self.weights, k)

    def pools(self, analysis: QueryAnalysis, filters: Filters = Filters(), *, dense: bool = True,
              lexical: bool = True, sentences: bool = True) -> list[Pool]:
        """Each sub-question's candidates with their raw signals (``assistant.scoring.Pool``)."""
        texts = analysis.sub_questions
        n = self.candidates
        # BM25 and the fetch of its candidates overlap the query encoding and the dense search
        lexical_side = self._worker.submit(self._lexical_side, texts, filters) if lexical else None
        vectors = self.vectors.encode(texts) if dense or sentences else None
        dense_hits: dict[str, list[ChunkHit]] = {t: [] for t in texts}
        if dense:
            dense_hits.update(zip(texts, self._dense(vectors, n, filters)))
        lexical_rows, fetched = lexical_side.result() if lexical_side else ({t: [] for t in texts}, {})
        known = {**fetched, **{h.chunk_id: h for hits in dense_hits.values() for h in hits}}
        pools = [self._pool(i, part, dense_hits[part.search], lexical_rows[part.search], known)
                 for i, part in enumerate(analysis.parts)]
        if sentences and vectors is not None:
            self._sentence_signal(pools, analysis, dict(zip(texts, vectors)))
        return pools

    def _dense(self, vectors: list, n: int, filters: Filters) -> list[list[ChunkHit]]:
        """Top ``n`` dense hits per query vector that pass ``filters``.

        Chroma's filtered query slows down sharply as the index grows (a broad date filter
        over 100k chunks took seconds): when the filter keeps at least ``FILTER_SHARE`` of
        the chunks (known from the lexical index's columns), an unfiltered query for enough
        extra hits is filtered here instead, by the same rule as the BM25 mask; Chroma's
        ``where`` is the fallback when too few survive. A filter that keeps at most ``EXACT_MAX``
        chunks (one outlet of many: 0.5-2.8 s either way at 100k chunks) is searched exactly: the
        kept chunks' vectors, read once per index revision and filter, against the query vectors.
        """
        where = filters.where()
        if where is None:
            return self.store.dense_search_many(vectors, n)
        mask = filters.mask(self.lexical.columns)
        share = float(mask.mean()) if mask is not None and len(mask) else 0.0
        kept = int(mask.sum()) if mask is not None and len(mask) else 0
        if 0 < kept <= EXACT_MAX:
            return self._exact(vectors, n, filters, mask)
        if share < FILTER_SHARE:
            return self.store.dense_search_many(vectors, n, where)
        fetch = min(len(mask), int(n / share * 2) + n)
        out = []
        for vector, hits in zip(vectors, self.store.dense_search_many(vectors, fetch, documents=False)):
            keep = filters.mask(Columns.of([h.metadata for h in hits]))
            kept = [h for h, ok in zip(hits, keep) if ok][:n]
            if len(kept) < n and fetch < len(mask):
                out.append(self.store.dense_search(vector, n, where))
                continue
            texts = self.store.get_chunks([h.chunk_id for h in kept])
            out.append([ChunkHit(h.chunk_id, texts[h.chunk_id][0], h.metadata, h.score) for h in kept
                        if h.chunk_id in texts])
        return out

    def _exact(self, vectors: list, n: int, filters: Filters, mask: np.ndarray) -> list[list[ChunkHit]]:
        """Top ``n`` by exact cosine among the chunks ``mask`` keeps (their vectors read from the store)."""
        key = (self.lexical.revision, filters)
        with self._lock:
            cached = self._narrow if self._narrow is not None and self._narrow[0] == key else None
        if cached is None:
            ids, matrix = self.store.chunk_vectors(self.lexical.ids_of(mask))
            norms = np.linalg.norm(matrix, axis=1, keepdims=True)
            cached = (key, (ids, matrix / np.where(norms > 0, norms, 1.0)))
            with self._lock:
                self._narrow = cached
        ids, matrix = cached[1]
        if not ids:
            return [[] for _ in vectors]
        queries = np.asarray(vectors, dtype=np.float32)
        queries /= np.maximum(np.linalg.norm(queries, axis=1, keepdims=True), 1e-12)
        scores = queries @ matrix.T
        top = [np.argsort(-row, kind="stable")[:n] for row in scores]
        found = self.store.get_chunks(sorted({ids[i] for rows in top for i in rows}))
        return [[ChunkHit(ids[i], *found[ids[i]], float(row[i])) for i in rows if ids[i] in found]
                for rows, row in zip(top, scores)]

    def _lexical_side(self, texts: list[str], filters: Filters) -> tuple[dict[str, list[tuple[str, float]]],
                                                                          dict[str, ChunkHit]]:
        """BM25 top ``candidates`` per text, and the texts and metadata of those chunks."""
        mask = filters.mask(self.lexical.columns)
        rows = {text: self.lexical.search(text, self.candidates, mask) for text in texts}
        got = self.store.get_chunks(sorted({cid for found in rows.values() for cid, _ in found}))
        return rows, {cid: ChunkHit(cid, text, meta, 0.0) for cid, (text, meta) in got.items()}

    @staticmethod
    def _pool(index: int, part: SubQuestion, dense: list[ChunkHit], lexical: list[tuple[str, float]],
              known: dict[str, ChunkHit]) -> Pool:
        ids = list(dict.fromkeys([h.chunk_id for h in dense] + [cid for cid, _ in lexical if cid in known]))
        pos = {cid: i for i, cid in enumerate(ids)}
        dense_raw = np.full(len(ids), np.nan)
        for h in dense:
            dense_raw[pos[h.chunk_id]] = h.score
        lexical_raw = np.full(len(ids), np.nan)
        for cid, score in lexical:
            if cid in pos:
                lexical_raw[pos[cid]] = score
        metas = [known[cid].metadata for cid in ids]
        outlet = np.array([bool(part.outlets & meta_outlet_keys(m)) for m in metas], dtype=bool)
        days = np.array([day_number(m) for m in metas], dtype=np.int64)
        gap = date_gap(days, part.dates) if part.dates else np.full(len(ids), FAR, dtype=np.int64)
        names = asked_speaker(part.text)
        named = np.array([bool(names) and all(n in known[cid].text or n in str(known[cid].metadata.get("title", ""))
                                              for n in names) for cid in ids], dtype=bool)
        return Pool(index, [known[cid] for cid in ids], dense_raw, lexical_raw, outlet, gap, named=named)

    def _sentence_signal(self, pools: list[Pool], analysis: QueryAnalysis, vectors: dict[str, np.ndarray]) -> None:
        """Fill each pool's best-sentence cosine from the sentence vectors its candidates carry: every
        candidate against every sub-question in one matrix product."""
        dimension = self.store.info.dimension
        row: dict[str, int] = {}
        matrices: list[np.ndarray] = []
        for pool in pools:
            for h in pool.hits:
                if h.chunk_id not in row:
                    row[h.chunk_id] = len(matrices)
                    matrices.append(sentence_matrix(h.metadata, dimension))
        texts = list(vectors)
        best = best_sentences(np.stack([np.asarray(vectors[t], dtype=np.float32) for t in texts], axis=1), matrices)
        column = {t: i for i, t in enumerate(texts)}
        for pool, part in zip(pools, analysis.parts):
            pool.sentence = best[[row[h.chunk_id] for h in pool.hits], column[part.search]] if pool.hits \
                else np.zeros(0)

    # -- passages -----------------------------------------------------------------------
    def passages(self, hits: list[Ranked], analysis: QueryAnalysis | None = None) -> list[Passage]:
        """Attach each hit's full article text and its sub-question; drop hits stale against their article."""
        articles = self.store.get_articles(sorted({h.metadata["article_id"] for h in hits}))
        out = []
        for h in hits:
            m = h.metadata
            found = articles.get(m["article_id"])
            if found is None or found[1].get("content_hash") != m.get("content_hash"):
                continue
            part = analysis.parts[h.part].text if analysis is not None else ""
            out.append(Passage(
                article_id=m["article_id"], chunk_id=h.chunk_id, title=m.get("title", ""),
                source=m.get("source", ""), url=m.get("url", ""), published=m.get("published", ""),
                start=int(m["start"]), end=int(m["end"]), score=round(h.score, 6), article_text=found[0],
                part="" if analysis is None or part == analysis.question else part,
            ))
        return out


_NAME = re.compile(r"[A-Z][\w'’.-]*[a-z][\w'’.-]*(?:\s+(?:de|van|von|da|al|[A-Z][\w'’.-]*[a-z][\w'’.-]*)){0,3}")


def asked_speaker(question: str) -> list[str]:
    """For "What did Josh Arnold say (about ...)?" / "What did Neureiter say?": the speaker's name as asked,
    which a chunk that quotes them holds (``Weights.name``); [] for other questions and role phrases ("the
    Kremlin spokesperson")."""
    speaker = analyse_question(question).speaker.strip()
    return [speaker] if _NAME.fullmatch(speaker) and not speaker.startswith("The ") else []


__all__ = ["CANDIDATES", "Filters", "HybridSearcher", "MODES"]
