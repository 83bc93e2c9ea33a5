"""Sentence vectors of the stored chunks, for the sentence-level rerank at query time.

At index time each chunk's sentences (``sentence_texts``: the chunker's sentence split of the
chunk text) are embedded through the content-addressed vector cache (``index.vectors``, keyed
by encoder and exact sentence text: a sentence repeated in overlapping chunks, in another
article, or in an unchanged re-index costs no encoder call), and the chunk's matrix of
sentence vectors is stored with the chunk itself, in its metadata (``META_KEY``: int8 with a
scale per sentence, base64; ~0.5 KB per sentence). A query reads them with the candidates it
already fetched:
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

from index.text.sentences import sentence_spans

if TYPE_CHECKING:
    from index.store import Store

SENTENCES_VERSION = "v1"  # in the store's __meta__ once every stored chunk carries its sentence vectors
META_KEY = "sentence_vectors"  # chunk metadata: the chunk's sentence vectors (``pack``)
BACKFILL_BATCH = 1000  # chunks rewritten per store call when backfilling


def sentence_texts(chunk_text: str) -> list[str]:
    """The sentences of a chunk, as embedded."""
    return [chunk_text[s.start : s.end] for s in sentence_spans(chunk_text)]


def pack(matrix: np.ndarray) -> str:
    """A (sentences x dimension) matrix of unit vectors as the metadata string: per row a float32 scale
    and the row as int8 (``round(v / scale)``, scale = max |v| / 127), base64. ~0.5 KB per sentence at
    384 dimensions; cosines change by ~1e-3."""
    matrix = np.asarray(matrix, dtype=np.float32)
    if not matrix.size:
        return ""
    scale = np.abs(matrix).max(axis=1, initial=0.0) / 127.0
    scale[scale == 0] = 1.0
    codes = np.rint(matrix / scale[:, None]).astype(np.int8)
    return base64.b64encode(scale.astype("<f4").tobytes() + codes.tobytes()).decode("ascii")


def unpack(blob: str, dimension: int) -> np.ndarray:
    """The matrix ``pack`` wrote, as float32 (0 rows for an empty or unreadable value)."""
    empty = np.zeros((0, dimension), dtype=np.float32)
    try:
        raw = base64.b64decode(blob)
    except (ValueError, TypeError):
        return empty
    rows, extra = divmod(len(raw), 4 + dimension) if dimension else (0, 1)
    if extra or not rows:
        return empty
    scale = np.frombuffer(raw, dtype="<f4", count=rows)
    codes = np.frombuffer(raw, dtype=np.int8, offset=4 * rows).reshape(rows, dimension)
    return codes.astype(np.float32) * scale[:, None]


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
