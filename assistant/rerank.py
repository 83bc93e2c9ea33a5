"""Sentence-level rerank signal: how close a candidate chunk's best sentence is to the sub-question.

A chunk of 1,000 characters that answers a question often does so in one sentence among
eight; the chunk vector blurs it, the sentence vector does not. Each candidate chunk carries
its sentence vectors in its metadata (written at index time, ``index.sentence_vectors``), so the
signal costs no store read and no encoding: the best cosine between the sub-question's query
vector and one of the chunk's sentences. A chunk without them (an index written before
sentence vectors, not yet re-indexed) gets no signal (NaN), which scoring counts as the weakest.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import numpy as np

from index.sentence_vectors import META_KEY, unpack

UNPACKED_KEPT = 2048  # chunks' unpacked sentence matrices kept in memory (~12 KB each)


def sentence_matrix(meta: dict[str, Any], dimension: int) -> np.ndarray:
    """A chunk's (sentences x dimension) sentence vectors from its metadata (0 rows when absent; read-only)."""
    blob = meta.get(META_KEY)
    return _unpacked(blob, dimension) if blob else np.zeros((0, dimension), dtype=np.float32)


@functools.lru_cache(maxsize=UNPACKED_KEPT)
def _unpacked(blob: str, dimension: int) -> np.ndarray:
    """``unpack``, remembered by the blob itself (a chunk that changes has another blob): the candidates
    of one question are mostly those of the last ones."""
    matrix = unpack(blob, dimension)
    matrix.setflags(write=False)
    return matrix


def best_sentences(queries: np.ndarray, matrices: Sequence[np.ndarray]) -> np.ndarray:
    """Per chunk and query (``queries``: dimension x q, unit columns), the best cosine with one of the
    chunk's sentences (chunks x q; NaN for a chunk without any), in one matrix product."""
    out = np.full((len(matrices), queries.shape[1]), np.nan)
    rows = np.array([len(m) for m in matrices], dtype=np.int64)
    have = np.flatnonzero(rows)
    if len(have):
        cos = np.concatenate([matrices[i] for i in have]) @ queries
        starts = np.concatenate([[0], np.cumsum(rows[have])[:-1]])
        out[have] = np.maximum.reduceat(cos, starts, axis=0)
    return out


__all__ = ["UNPACKED_KEPT", "best_sentences", "sentence_matrix"]
