"""Sentence-level rerank signal: how close a candidate chunk's best sentence is to the sub-question.

A chunk of 1,000 characters that answers a question often does so in one sentence among
eight; the chunk vector blurs it, the sentence vector does not. For every candidate chunk,
its sentences (``index.sentences.sentence_texts``) are looked up by content key in the vector
cache the indexer filled (one Chroma read per question for all candidates, plus an
in-process LRU of recent sentence vectors); the signal is the best cosine between the
sub-question's query vector and one of those sentences. Nothing is encoded at query time: a
chunk whose sentences are not in the cache (an index written before sentence vectors, not
yet re-indexed) gets no signal (NaN), and scoring treats it as the weakest.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np

from index.sentences import sentence_texts
from index.store import Store

LRU_VECTORS = 20_000  # sentence vectors kept in memory (~30 MB at 384 dimensions)


class SentenceVectors:
    """Sentence vectors of chunk texts, read from the store's vector cache (never encoded here)."""

    def __init__(self, store: Store, capacity: int = LRU_VECTORS) -> None:
        self.store = store
        self.capacity = capacity
        self._lru: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def _lookup(self, keys: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for key in keys:
                if key in self._lru:
                    self._lru.move_to_end(key)
                    found[key] = self._lru[key]
        missing = [k for k in keys if k not in found]
        if missing:
            got = self.store.vector_cache.lookup(missing)
            with self._lock:
                for key, vector in got.items():
                    found[key] = self._lru[key] = np.asarray(vector, dtype=np.float32)
                while len(self._lru) > self.capacity:
                    self._lru.popitem(last=False)
        return found

    def matrices(self, chunk_texts: Sequence[str]) -> list[np.ndarray]:
        """Per chunk text, a (sentences x dimension) matrix of the sentence vectors found (maybe 0 rows)."""
        cache = self.store.vector_cache
        keyed = [[cache.key(s) for s in sentence_texts(t)] for t in chunk_texts]
        found = self._lookup(list(dict.fromkeys(k for keys in keyed for k in keys)))
        dim = cache.dimension
        return [np.stack([found[k] for k in keys if k in found]) if any(k in found for k in keys)
                else np.zeros((0, dim), dtype=np.float32) for keys in keyed]


def best_sentence(query: np.ndarray, matrices: Sequence[np.ndarray]) -> np.ndarray:
    """Per chunk, the best cosine of ``query`` (unit vector) with one of its sentences; NaN without any."""
    return np.array([float((m @ query).max()) if len(m) else np.nan for m in matrices])


__all__ = ["LRU_VECTORS", "SentenceVectors", "best_sentence"]
