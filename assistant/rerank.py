"""Sentence-level rerank signal: how close a candidate chunk's best sentence is to the sub-question.

A chunk of 1,000 characters that answers a question often does so in one sentence among
eight; the chunk vector blurs it, the sentence vector does not. Each candidate chunk carries
its sentence vectors in its metadata (written at index time, ``index.sentence_vectors``), so the
signal costs no store read and no encoding: the best cosine between the sub-question's query
vector and one of the chunk's sentences. A chunk without them (an index written before
sentence vectors, not yet re-indexed) gets no signal (NaN), which scoring counts as the weakest.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from index.sentence_vectors import META_KEY, unpack


def sentence_matrix(meta: dict[str, Any], dimension: int) -> np.ndarray:
    """A chunk's (sentences x dimension) sentence vectors from its metadata (0 rows when absent)."""
    blob = meta.get(META_KEY)
    return unpack(blob, dimension) if blob else np.zeros((0, dimension), dtype=np.float32)


def best_sentence(query: np.ndarray, matrices: Sequence[np.ndarray]) -> np.ndarray:
    """Per chunk, the best cosine of ``query`` (unit vector) with one of its sentences; NaN without any."""
    return np.array([float((m @ query).max()) if len(m) else np.nan for m in matrices])


__all__ = ["best_sentence", "sentence_matrix"]
