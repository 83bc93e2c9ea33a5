"""Sentence-level rerank signal: how close a candidate chunk's best sentence is to the sub-question.

A chunk of 1,000 characters that answers a question often does so in one sentence among
eight; the chunk vector blurs it, the sentence vector does not. Each chunk's sentence vectors
are written at index time (``index.sentence_vectors``) and kept by row in the lexical generation
(``index.postings``), so the signal costs no store read and no encoding: the best cosine between
the sub-question's query vector and one of the chunk's sentences. A chunk without them (an index
written before sentence vectors, not yet re-indexed) gets no signal (NaN), which scoring counts
as the weakest.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


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


__all__ = ["best_sentences"]
