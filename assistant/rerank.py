"""Sentence-level rerank signal: how close a candidate chunk's best sentence is to the sub-question.

A chunk of 1,000 characters that answers a question often does so in one sentence among
eight; the chunk vector blurs it, the sentence vector does not. For every candidate chunk,
its sentences (``index.sentences.sentence_texts``) are looked up by content key in the vector
cache the indexer filled (one Chroma read per question for the candidates not in the
in-process LRU, ``assistant.vector_reader``); the signal is the best cosine between the
sub-question's query vector and one of those sentences. Nothing is encoded here: a chunk
whose sentences are not in the cache (an index written before sentence vectors, not yet
re-indexed) gets no signal (NaN), which scoring counts as the weakest.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np

from assistant.vector_reader import VectorReader
from index.sentences import sentence_texts

CHUNK_KEYS = 5_000  # chunks whose sentence keys are remembered (splitting a chunk costs ~0.2 ms)


class SentenceVectors:
    """Sentence vectors of candidate chunks, read through a ``VectorReader`` (never encoded)."""

    def __init__(self, reader: VectorReader, capacity: int = CHUNK_KEYS) -> None:
        self.reader = reader
        self.capacity = capacity
        self._keys: OrderedDict[str, list[str]] = OrderedDict()  # chunk id -> its sentence keys
        self._lock = threading.Lock()

    def _sentence_keys(self, chunk_id: str, text: str) -> list[str]:
        """The cache keys of a chunk's sentences (a chunk id names one text: it carries the content hash)."""
        with self._lock:
            keys = self._keys.get(chunk_id)
            if keys is not None:
                self._keys.move_to_end(chunk_id)
                return keys
        keys = [self.reader.key(s) for s in sentence_texts(text)]
        with self._lock:
            self._keys[chunk_id] = keys
            while len(self._keys) > self.capacity:
                self._keys.popitem(last=False)
        return keys

    def matrices(self, chunks: Sequence[tuple[str, str]]) -> list[np.ndarray]:
        """Per (chunk id, chunk text), a (sentences x dimension) matrix of the sentence vectors found (maybe 0 rows)."""
        keyed = [self._sentence_keys(cid, text) for cid, text in chunks]
        found = self.reader.lookup_keys([k for keys in keyed for k in keys])
        dim = self.reader.store.vector_cache.dimension
        return [np.stack([found[k] for k in keys if k in found]) if any(k in found for k in keys)
                else np.zeros((0, dim), dtype=np.float32) for keys in keyed]


def best_sentence(query: np.ndarray, matrices: Sequence[np.ndarray]) -> np.ndarray:
    """Per chunk, the best cosine of ``query`` (unit vector) with one of its sentences; NaN without any."""
    return np.array([float((m @ query).max()) if len(m) else np.nan for m in matrices])


__all__ = ["SentenceVectors", "best_sentence"]
