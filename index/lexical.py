"""BM25 over the stored chunks (bm25s), rebuilt whenever the store's revision moves.

Chroma's own sparse/BM25 search is refused by a local client, so the lexical
side lives in memory here, built from the chunk texts in Chroma (each
with its article's title in front: BM25 sees the headline, the encoder does not) and kept in step through the store's
revision number: one cheap metadata read per search. Terms are ``index.text.terms.tokenize``
(stopwords dropped, words stemmed).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any

import numpy as np

from index.text.terms import tokenize


class LexicalIndex:
    def __init__(self) -> None:
        self.revision = -1
        self.ids: list[str] = []
        self.texts: list[str] = []
        self.metas: list[dict[str, Any]] = []
        self._bm25 = None
        self._lock = threading.Lock()

    def build(self, rows: Iterable[tuple[str, str, dict[str, Any]]], revision: int) -> None:
        import bm25s

        ids, texts, metas, tokens = [], [], [], []
        for cid, text, meta in rows:
            ids.append(cid)
            texts.append(text)
            metas.append(meta)
            tokens.append(tokenize(f"{meta.get('title', '')}\n{text}") or ["\x00empty"])
        bm25 = None
        if ids:
            bm25 = bm25s.BM25()
            bm25.index(tokens, show_progress=False)
        with self._lock:
            self.ids, self.texts, self.metas, self._bm25, self.revision = ids, texts, metas, bm25, revision

    def ensure_fresh(self, store) -> None:
        """Rebuild from ``store`` when its revision differs from the one indexed."""
        revision = store.revision()
        if revision != self.revision:
            self.build(store.iter_chunks(), revision)

    def search(self, query: str, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """Top-k (row, score) with positive scores; ``allowed`` is a boolean mask over rows."""
        with self._lock:
            bm25 = self._bm25
        terms = tokenize(query)
        if bm25 is None or not terms:
            return []
        scores = np.asarray(bm25.get_scores(terms), dtype=np.float32)
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top])]
        return [(int(i), float(scores[i])) for i in top if scores[i] > 0]


__all__ = ["LexicalIndex"]
