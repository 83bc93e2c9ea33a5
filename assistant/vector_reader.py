"""Vectors at query time: an in-process LRU over the store's content-addressed vector cache, then the encoder.

The indexer embeds every chunk sentence into the store's vector cache (``index.sentence_vectors``);
query-time code reads them instead of encoding them again:

- ``lookup(texts)``: the vectors the cache has (the sentence rerank: never encodes);
- ``embed(texts)``: every text, from the LRU, the cache, or the encoder for the rest
  (the answerer's question and candidate sentences: most sentences are cached);
- ``encode(texts)``: query texts, from the LRU or the encoder (a question is almost never
  in the cache, so the store is not asked).

Readers never write to the store (one writer per embedded store: the indexer): what they
encode stays in a small LRU of this process (``RECENT``: the answerer reuses the vectors
retrieval encoded for the same question), apart from the LRU of stored vectors.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np

from index.sentence_vectors import compose, sentence_texts
from index.store import Store

LRU_VECTORS = 20_000  # stored vectors kept in memory (~30 MB at 384 dimensions)
RECENT = 256  # vectors this process encoded, kept in memory


class VectorReader:
    def __init__(self, store: Store, capacity: int = LRU_VECTORS) -> None:
        self.store = store
        self.capacity = capacity
        self._lru: OrderedDict[str, np.ndarray] = OrderedDict()  # read from the store
        self._recent: OrderedDict[str, np.ndarray] = OrderedDict()  # encoded here
        self._lock = threading.Lock()

    def key(self, text: str) -> str:
        return self.store.vector_cache.key(text)

    def forget_encoded(self) -> None:
        """Drop the vectors this process encoded (benchmarks time each new question from scratch)."""
        with self._lock:
            self._recent.clear()

    def _remember(self, items: dict[str, np.ndarray], lru: OrderedDict, capacity: int) -> None:
        with self._lock:
            lru.update(items)
            while len(lru) > capacity:
                lru.popitem(last=False)

    def _from_lru(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found = {}
        with self._lock:
            for lru in (self._recent, self._lru):
                for key in keys:
                    if key not in found and key in lru:
                        lru.move_to_end(key)
                        found[key] = lru[key]
        return found

    def lookup_keys(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        """The vectors of ``keys`` in the LRU or the store's cache; keys found nowhere are absent."""
        keys = list(dict.fromkeys(keys))
        found = self._from_lru(keys)
        missing = [k for k in keys if k not in found]
        if missing:
            got = {k: np.asarray(v, dtype=np.float32) for k, v in self.store.vector_cache.lookup(missing).items()}
            self._remember(got, self._lru, self.capacity)
            found.update(got)
        return found

    def _complete(self, texts: Sequence[str], found: dict[str, np.ndarray]) -> np.ndarray:
        keys = [self.key(t) for t in texts]
        missing = {k: t for k, t in zip(keys, texts) if k not in found}
        if missing:
            vectors = self.store.encoder.embed_documents(list(missing.values()))
            new = {k: np.asarray(v, dtype=np.float32) for k, v in zip(missing, vectors)}
            self._remember(new, self._recent, RECENT)
            found = {**found, **new}
        return np.stack([found[k] for k in keys]) if keys else np.zeros((0, 0), dtype=np.float32)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text: from the LRU, else encoded (the store's cache is not asked)."""
        return self._complete(texts, self._from_lru([self.key(t) for t in texts]))

    def embed(self, texts: list[str]) -> list[list[float]]:
        """One vector per text: from the LRU, the store's cache, composed from its stored sentences, else
        encoded (``Embed`` of the answerer)."""
        keys = [self.key(t) for t in texts]
        found = self.lookup_keys(keys)
        missing = {k: t for k, t in zip(keys, texts) if k not in found}
        if missing:
            found.update(self._composed(missing))
        return self._complete(texts, found).tolist()

    def _composed(self, missing: dict[str, str]) -> dict[str, np.ndarray]:
        """Texts of two or more stored sentences ("It was set by ..." read with the sentence before it): their
        stored vectors composed as a chunk's are (``index.sentence_vectors.compose``; cosine ~0.94 to the
        encoded text). Texts with a part not stored: absent."""
        parts = {k: sentence_texts(t) for k, t in missing.items()}
        parts = {k: p for k, p in parts.items() if len(p) > 1}
        if not parts:
            return {}
        stored = self.lookup_keys([self.key(s) for p in parts.values() for s in p])
        out = {}
        for k, p in parts.items():
            rows = [stored.get(self.key(s)) for s in p]
            if any(r is None for r in rows):
                continue
            out[k] = compose(p, np.stack(rows))
        return out


__all__ = ["LRU_VECTORS", "RECENT", "VectorReader"]
