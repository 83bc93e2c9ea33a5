"""Sentence vectors of the stored chunks, for the sentence-level rerank at query time.

At index time each chunk's sentences (``sentence_texts``: the chunker's sentence split of the
chunk text) are embedded through the content-addressed vector cache (``index.vectors``, keyed
by encoder and exact sentence text: a sentence repeated in overlapping chunks, in another
article, or in an unchanged re-index costs no encoder call), and the chunk's matrix of
sentence vectors is stored with the chunk itself, in its metadata (``META_KEY``: float16,
base64; ~1 KB per sentence). A query then reads them with the candidates it already fetched:
no further store read, and never an encoder call (encoding a question's ~600 candidate
sentences would take seconds; looking them up in the vector cache took 10-100 ms).

An index written before sentence vectors existed is brought up to date by the next
``assistant index`` run (``backfill``: the chunks' metadata is rewritten, their sentences
embedded through the cache), which records ``SENTENCES_VERSION`` in the store's ``__meta__``.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from index.chunking import sentence_spans

if TYPE_CHECKING:
    from index.store import Store

SENTENCES_VERSION = "v1"  # in the store's __meta__ once every stored chunk carries its sentence vectors
META_KEY = "sentence_vectors"  # chunk metadata: the chunk's sentence vectors, float16, base64
BACKFILL_BATCH = 1000  # chunks rewritten per store call when backfilling


def sentence_texts(chunk_text: str) -> list[str]:
    """The sentences of a chunk, as embedded."""
    return [chunk_text[s.start : s.end] for s in sentence_spans(chunk_text)]


def pack(matrix: np.ndarray) -> str:
    """A (sentences x dimension) matrix as the metadata string (float16, base64)."""
    return base64.b64encode(np.ascontiguousarray(matrix, dtype="<f2").tobytes()).decode("ascii")


def unpack(blob: str, dimension: int) -> np.ndarray:
    """The matrix ``pack`` wrote, as float32 (0 rows for an empty or unreadable value)."""
    try:
        raw = np.frombuffer(base64.b64decode(blob), dtype="<f2")
    except (ValueError, TypeError):
        return np.zeros((0, dimension), dtype=np.float32)
    if not dimension or raw.size % dimension:
        return np.zeros((0, dimension), dtype=np.float32)
    return raw.reshape(-1, dimension).astype(np.float32)


def sentence_matrices(store: Store, chunk_texts: Sequence[str]) -> tuple[list[str], int]:
    """Each chunk's packed sentence vectors, through the vector cache; and how many sentences were encoded."""
    per_chunk = [sentence_texts(t) for t in chunk_texts]
    distinct = list(dict.fromkeys(s for sentences in per_chunk for s in sentences))
    embedded = store.embed(distinct)
    row = {s: i for i, s in enumerate(distinct)}
    vectors = np.asarray(embedded.vectors, dtype=np.float32)
    blobs = [pack(vectors[[row[s] for s in sentences]]) if sentences else "" for sentences in per_chunk]
    return blobs, embedded.encoded


def with_sentences(store: Store, texts: Sequence[str], metas: Sequence[dict[str, Any]]) -> int:
    """Add each chunk's sentence vectors to its metadata (in place); returns the sentences encoded."""
    blobs, encoded = sentence_matrices(store, texts)
    for meta, blob in zip(metas, blobs):
        meta[META_KEY] = blob
    return encoded


def backfill(store: Store) -> int:
    """Give every stored chunk its sentence vectors when the index predates them; returns the sentences encoded."""
    meta = store.meta()
    if not meta or meta.get("sentences") == SENTENCES_VERSION:
        return 0
    encoded = 0
    ids = sorted(store.chunk_ids())
    for i in range(0, len(ids), BACKFILL_BATCH):
        got = store.get_chunks(ids[i : i + BACKFILL_BATCH])
        encoded += _rewrite(store, [(cid, text, meta) for cid, (text, meta) in got.items()])
    return encoded


def _rewrite(store: Store, rows: list[tuple[str, str, dict[str, Any]]]) -> int:
    metas = [dict(m) for _, _, m in rows]
    encoded = with_sentences(store, [t for _, t, _ in rows], metas)
    store.update_chunk_metas([cid for cid, _, _ in rows], metas)
    return encoded


__all__ = ["META_KEY", "SENTENCES_VERSION", "backfill", "pack", "sentence_matrices", "sentence_texts", "unpack",
           "with_sentences"]
