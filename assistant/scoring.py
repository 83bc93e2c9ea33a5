"""Scoring retrieval candidates: fused dense + BM25, soft outlet and date boosts, sentence rerank, merge.

Each sub-question of a question (``assistant.query``) gets a ``Pool`` of candidate chunks with
raw features. ``part_scores`` turns a pool into one score per chunk::

    dense_weight * norm(dense) + (1 - dense_weight) * norm(bm25)
      + outlet * [the chunk's outlet is named in the sub-question]
      + date * [the chunk was published within date_window days of a date it names]
      + sentence * norm(best cosine of the sub-question with one of the chunk's sentences)

``norm`` is min-max over the pool's own list for that signal (best 1.0, worst 0.0; a chunk
missing from a list gets 0). ``rank`` merges the pools by each chunk's best score and keeps
the top ``k``, each chunk labelled with the sub-question that scored it best. Boosts are
soft: a chunk from another outlet or date can still win; only ``Filters`` (what the reader
asked for with ``--source``/``--since``) exclude anything.

The weights in ``WEIGHTS`` were chosen by measurement (``bench/query.py``: picked on one half
of the MultiHop-RAG queries, scored on the other; figures in BENCHMARKS.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from index.store import ChunkHit


@dataclass(frozen=True)
class Weights:
    dense: float = 0.3  # share of the dense side in the fused score (the rest is BM25)
    outlet: float = 0.0  # boost for a chunk whose outlet the sub-question names
    date: float = 0.0  # boost for a chunk published near a date the sub-question names
    date_window: int = 1  # days either side of a named date that still count as "near"
    sentence: float = 0.0  # weight of the best sentence's similarity
    name: float = 0.0  # boost for a chunk that holds the name a "what did X say" sub-question asks about


# Picked on one half of the MultiHop-RAG queries, scored on the other (bench/query.py, BENCHMARKS.md).
# ``name``: for "What did <name> say?" (``retrieval.asked_speaker``) and "Who is <full name>?" (``asked_who``),
# chosen on the speaker questions of the news_eval dev split and a probe of speakers of unseen articles
# (BENCHMARKS.md; 0.45 and 0.6 cost a dev case); the MultiHop queries ask no such question (applied to every full
# name in them: MRR@10 0.796 -> 0.787).
WEIGHTS = Weights(dense=0.2, outlet=0.5, date=0.5, date_window=0, sentence=1.0, name=0.3)
FUSED = Weights(dense=0.3)  # dense + BM25 alone (retrieval before query analysis; its own earlier measurement)


@dataclass
class Pool:
    """One sub-question's candidates and their raw signals (NaN: not in that list)."""

    part: int  # index of the sub-question in the analysis
    hits: list[ChunkHit]
    dense: np.ndarray
    lexical: np.ndarray
    outlet: np.ndarray  # bool
    gap: np.ndarray  # days outside the dates the sub-question names (huge: none named, or undated)
    sentence: np.ndarray = field(default_factory=lambda: np.zeros(0))
    named: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))  # holds the speaker's name
    rows: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # rows in the lexical generation

    def __len__(self) -> int:
        return len(self.hits)


@dataclass
class Ranked:
    """A retrieved chunk, its merged score and the sub-question (index into the analysis parts) it answers."""

    chunk_id: str
    text: str
    metadata: dict
    score: float
    part: int = 0


def minmax(values: np.ndarray) -> np.ndarray:
    """Min-max over the values present (NaN -> 0): best 1.0, worst 0.0, all 1.0 when equal."""
    out = np.zeros(values.shape, dtype=np.float64)
    present = ~np.isnan(values)
    if not present.any():
        return out
    lo, hi = values[present].min(), values[present].max()
    out[present] = (values[present] - lo) / (hi - lo) if hi > lo else 1.0
    return out


def part_scores(pool: Pool, w: Weights) -> np.ndarray:
    score = w.dense * minmax(pool.dense) + (1.0 - w.dense) * minmax(pool.lexical)
    if w.outlet:
        score += w.outlet * pool.outlet
    if w.date:
        score += w.date * (pool.gap <= w.date_window)
    if w.sentence and len(pool.sentence):
        score += w.sentence * minmax(pool.sentence)
    if w.name and len(pool.named):
        score += w.name * pool.named
    return score


def rank(pools: list[Pool], w: Weights, k: int) -> list[Ranked]:
    """Top ``k`` chunks over all pools by best score; a tie keeps the earlier pool's and list's order. Each
    pool's own best ``k // (pools + 1)`` chunks (at least one) are among them (when ``k`` allows): one part
    of a compound question whose pool scores higher (a named outlet's boost) cannot fill the list alone,
    and each part brings more than one passage for its answer to come from. So are as many of its best
    chunks that hold the name a "What did X say?" part asks (``Pool.named``): the person's own words."""
    best: dict[str, tuple[float, int, ChunkHit]] = {}
    leaders: list[str] = []
    share = max(1, k // (sum(1 for p in pools if len(p)) + 1))
    for pool in pools:
        if not len(pool):
            continue
        scores = part_scores(pool, w).tolist()
        order = sorted(range(len(scores)), key=lambda i: -scores[i])
        named = [i for i in order if w.name and len(pool.named) and pool.named[i]]
        for i in order[:share] + named[:share]:  # and the best chunks that hold the name a speaker question asks
            if pool.hits[i].chunk_id not in leaders:
                leaders.append(pool.hits[i].chunk_id)
        for hit, s in zip(pool.hits, scores):
            if hit.chunk_id not in best or s > best[hit.chunk_id][0]:
                best[hit.chunk_id] = (s, pool.part, hit)
    ranked = sorted(best, key=lambda cid: -best[cid][0])
    order = ranked[:k]
    missing = [cid for cid in leaders if cid not in order] if len(leaders) <= k else []
    if missing:  # they take the places of the lowest-scored chunks that lead no pool
        others = [cid for cid in order if cid not in leaders]
        kept = (set(order) - set(others[len(others) - len(missing) :])) | set(missing)
        order = [cid for cid in ranked if cid in kept]
    return [Ranked(cid, best[cid][2].text, best[cid][2].metadata, best[cid][0], best[cid][1]) for cid in order]


__all__ = ["FUSED", "Pool", "Ranked", "WEIGHTS", "Weights", "minmax", "part_scores", "rank"]
