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

import functools
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np

from assistant.answer.question import analyse_question
from assistant.filters import Filters
from assistant.query import QueryAnalyser, QueryAnalysis, SubQuestion
from assistant.query.collection import FAR, CollectionFacts, date_gap, day_numbers, row_outlet_keys
from assistant.rerank import best_sentences
from assistant.schema import Passage
from assistant.scoring import FUSED, WEIGHTS, Pool, Ranked, Weights, rank
from assistant.vector_reader import VectorReader
from index.errors import UsageError
from index.lexical import LexicalIndex
from index.store import ChunkHit, Store

CANDIDATES = 30  # default depth per side per sub-question (the ``candidates`` setting)
FILTER_SHARE = 0.02  # filters keeping at least this share of chunks are applied to over-fetched dense hits
EXACT_MAX = 5000  # a filter keeping at most this many chunks is searched exactly over their vectors
MODES = ("hybrid", "fused", "dense", "bm25")
# modes without analysis; dense is the chunk vectors plus the sentence rerank (both cosines of the question's
# vector, the sentence weight the hybrid's: dense MRR@10 0.511 -> 0.549 on the 887 MultiHop queries)
_ONE_SIDE = {"fused": FUSED, "dense": Weights(dense=1.0, sentence=WEIGHTS.sentence), "bm25": Weights(dense=0.0)}



_CAP = r"[A-Z][\w'’-]*"
# a capitalised name with "of" / "for" / "and" inside: "National Association of Realtors"
_INSTITUTION_RE = re.compile(rf"\b(?!The\b){_CAP}(?:\s+{_CAP})*\s+(?:of|for|and|&)\s+(?:the\s+)?{_CAP}(?:\s+{_CAP})*")


def with_initials(text: str) -> str:
    """The lexical query with the initials of the institutions it names in full ("National Association of
    Realtors" also searches "NAR"): news names one once in full and then by its initials, or only by them."""
    runs = [m.group() for m in _INSTITUTION_RE.finditer(text)]
    initials = ["".join(w[0] for w in run.split() if w[:1].isupper()) for run in runs]
    extra = [a for a in initials if len(a) >= 3 and not re.search(r"\b" + a + r"\b", text, re.I)]
    return " ".join([text, *extra])

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
        return self.read(rank(pools, _ONE_SIDE[mode], k))

    def retrieve(self, analysis: QueryAnalysis, k: int, filters: Filters = Filters()) -> list[Ranked]:
        """Top ``k`` chunks over every sub-question of ``analysis``, each labelled with its part."""
        return self.read(rank(self.pools(analysis, filters), self.weights, k))

    def read(self, ranked: list[Ranked]) -> list[Ranked]:
        """Ranked chunks scored without their records, with their text and metadata; a chunk gone from the
        store meanwhile is dropped."""
        self._fill(ranked)
        return [r for r in ranked if r.metadata]

    def _fill(self, items: list[ChunkHit] | list[Ranked]) -> None:
        """Give the hits or ranked chunks that lack them their text and metadata, in one Chroma read."""
        missing = [x.chunk_id for x in items if not x.metadata]
        got = self.store.get_chunks(missing) if missing else {}
        for x in items:
            if x.chunk_id in got:
                x.text, x.metadata = got[x.chunk_id]

    def pools(self, analysis: QueryAnalysis, filters: Filters = Filters(), *, dense: bool = True,
              lexical: bool = True, sentences: bool = True, read: bool = False) -> list[Pool]:
        """Each sub-question's candidates with their raw signals (``assistant.scoring.Pool``).

        Candidates are scored from the lexical generation's per-row columns (outlet, host, date) and
        sentence vectors, not from their Chroma records: reading ~100 records cost more than the rest of
        a search at 100k chunks. Their hits carry no text or metadata (``read`` fills them: ranked chunks
        by ``read``, all candidates here when ``read=True``), except for a "what did X say" part, whose
        candidates are read to find the name asked (``Weights.name``). A candidate the generation does
        not hold yet (written after its revision) is left out."""
        texts = analysis.sub_questions
        n = self.candidates
        # BM25 overlaps the query encoding and the dense search
        lexical_side = self._worker.submit(self._lexical_side, texts, filters) if lexical else None
        vectors = self.vectors.encode(texts) if dense or sentences else None
        dense_rows: dict[str, list[tuple[str, float]]] = {t: [] for t in texts}
        if dense:
            dense_rows.update(zip(texts, self._dense(vectors, n, filters)))
        lexical_rows = lexical_side.result() if lexical_side else {t: [] for t in texts}
        pools = [self._pool(i, part, dense_rows[part.search], lexical_rows[part.search])
                 for i, part in enumerate(analysis.parts)]
        for pool, part in zip(pools, analysis.parts):
            names = asked_speaker(part.text) or asked_who(part.text)
            if names or read:
                self._fill(pool.hits)
            if names:
                pool.named = np.array([holds_names(h, names) for h in pool.hits], dtype=bool)
        if sentences and vectors is not None:
            self._sentence_signal(pools, analysis, dict(zip(texts, vectors)))
        return pools

    def _dense(self, vectors: list, n: int, filters: Filters) -> list[list[tuple[str, float]]]:
        """Top ``n`` dense (chunk id, cosine) per query vector that pass ``filters``.

        Chroma's filtered query slows down sharply as the index grows (a broad date filter
        over 100k chunks took seconds): when the filter keeps at least ``FILTER_SHARE`` of
        the chunks (known from the lexical index's columns), an unfiltered query for enough
        extra hits is filtered here instead, by the same row mask as BM25's; Chroma's
        ``where`` is the fallback when too few survive. A filter that keeps at most ``EXACT_MAX``
        chunks (one outlet of many: 0.5-2.8 s either way at 100k chunks) is searched exactly: the
        kept chunks' vectors, read once per index revision and filter, against the query vectors.
        """
        where = filters.where()
        if where is None:
            return self.store.dense_ids_many(vectors, n)
        mask = filters.mask(self.lexical.columns)
        share = float(mask.mean()) if mask is not None and len(mask) else 0.0
        kept = int(mask.sum()) if mask is not None and len(mask) else 0
        if 0 < kept <= EXACT_MAX:
            return self._exact(vectors, n, filters, mask)
        if share < FILTER_SHARE:
            return self.store.dense_ids_many(vectors, n, where)
        fetch = min(len(mask), int(n / share * 2) + n)
        out = []
        for vector, hits in zip(vectors, self.store.dense_ids_many(vectors, fetch)):
            rows = self.lexical.rows_of([cid for cid, _ in hits])
            passed = [h for h, row in zip(hits, rows) if row >= 0 and mask[row]][:n]
            short = len(passed) < n and fetch < len(mask)
            out.append(self.store.dense_ids_many([vector], n, where)[0] if short else passed)
        return out

    def _exact(self, vectors: list, n: int, filters: Filters, mask: np.ndarray) -> list[list[tuple[str, float]]]:
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
        return [[(ids[i], float(row[i])) for i in np.argsort(-row, kind="stable")[:n]] for row in scores]

    def _lexical_side(self, texts: list[str], filters: Filters) -> dict[str, list[tuple[str, float]]]:
        """BM25 top ``candidates`` (chunk id, score) per text."""
        mask = filters.mask(self.lexical.columns)
        return {text: self.lexical.search(with_initials(text), self.candidates, mask) for text in texts}

    def _pool(self, index: int, part: SubQuestion, dense: list[tuple[str, float]],
              lexical: list[tuple[str, float]]) -> Pool:
        ids = list(dict.fromkeys([cid for cid, _ in dense] + [cid for cid, _ in lexical]))
        rows = self.lexical.rows_of(ids)
        ids = [cid for cid, row in zip(ids, rows) if row >= 0]
        rows = rows[rows >= 0]
        pos = {cid: i for i, cid in enumerate(ids)}
        dense_raw = np.full(len(ids), np.nan)
        lexical_raw = np.full(len(ids), np.nan)
        for raw, found in ((dense_raw, dense), (lexical_raw, lexical)):
            for cid, score in found:
                if cid in pos:
                    raw[pos[cid]] = score
        c = self.lexical.columns
        outlet = np.array([bool(part.outlets & row_outlet_keys(str(c.sources[c.source[r]]), str(c.hosts[c.host[r]])))
                           for r in rows.tolist()], dtype=bool)
        days = day_numbers(np.asarray(c.published_ts)[rows])
        gap = date_gap(days, part.dates) if part.dates else np.full(len(ids), FAR, dtype=np.int64)
        return Pool(index, [ChunkHit(cid, "", {}, 0.0) for cid in ids], dense_raw, lexical_raw, outlet, gap,
                    named=np.zeros(len(ids), dtype=bool), rows=rows)

    def _sentence_signal(self, pools: list[Pool], analysis: QueryAnalysis, vectors: dict[str, np.ndarray]) -> None:
        """Fill each pool's best-sentence cosine from the sentence vectors of its candidates (the lexical
        generation holds them by row): every candidate against every sub-question in one matrix product."""
        slot: dict[int, int] = {}
        matrices: list[np.ndarray] = []
        for pool in pools:
            for r in pool.rows.tolist():
                if r not in slot:
                    slot[r] = len(matrices)
                    matrices.append(self.lexical.sentence_matrix(r))
        texts = list(vectors)
        best = best_sentences(np.stack([np.asarray(vectors[t], dtype=np.float32) for t in texts], axis=1), matrices)
        column = {t: i for i, t in enumerate(texts)}
        for pool, part in zip(pools, analysis.parts):
            pool.sentence = best[[slot[r] for r in pool.rows.tolist()], column[part.search]] if len(pool) \
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
                part="" if analysis is None or part == analysis.question else part, author=found[1].get("author") or "",
            ))
        return out


_NAME = re.compile(r"[A-Z][\w'’.-]*[a-z][\w'’.-]*(?:\s+(?:de|van|von|da|al|[A-Z][\w'’.-]*[a-z][\w'’.-]*)){0,3}")


def holds_names(hit: ChunkHit, names: list[str]) -> bool:
    """Does the chunk (its text or title) hold each name as a word, as asked ("Fan", not "Fans" nor "fan")?"""
    where = f"{hit.metadata.get('title', '')}\n{hit.text}"
    return all(re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", where) for n in names)


def asked_speaker(question: str) -> list[str]:
    """For "What did Josh Arnold say (about ...)?" / "What did Neureiter say?": the speaker's name as asked,
    which a chunk that quotes them holds (``Weights.name``); [] for other questions and role phrases ("the
    Kremlin spokesperson")."""
    return list(_asked_speaker(question))


@functools.lru_cache(maxsize=256)
def _asked_speaker(question: str) -> tuple[str, ...]:  # asked of each sub-question by the chain and the searcher
    speaker = analyse_question(question).speaker.strip()
    return (speaker,) if _NAME.fullmatch(speaker) and not speaker.startswith("The ") else ()


_WHO_IS = re.compile(r"(?i:who)\s+(?i:is|was|are|were)\s+(?P<x>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})\s*[?.!]*")


def asked_who(question: str) -> list[str]:
    """For "Who is Omairis Taylor?": the full name asked, which the chunk that introduces them holds (the name
    boost, as for a speaker asked; without it "Taylor" finds Taylor Swift's articles)."""
    m = _WHO_IS.fullmatch(question.strip())
    return [m.group("x")] if m and _NAME.fullmatch(m.group("x")) else []


__all__ = ["CANDIDATES", "Filters", "HybridSearcher", "MODES"]
