"""Sentence vectors of the stored chunks: the sentence-level rerank at query time, and the chunk vectors.

At index time each chunk's sentences (``sentence_texts``: the chunker's sentence split of the
chunk text) are embedded through the content-addressed vector cache (``index.vectors``, keyed
by encoder and exact sentence text: a sentence repeated in overlapping chunks, in another
article, or in an unchanged re-index costs no encoder call), and the chunk's matrix of
sentence vectors is stored with the chunk itself, in its metadata (``META_KEY``: int8 with a
scale per sentence, base64; ~0.5 KB per sentence). A query reads them with the candidates it
already fetched: no further store read, and never an encoder call (encoding a question's ~600
candidate sentences would take seconds; looking them up in the vector cache took 10-100 ms).

The chunk's own vector is **composed** from its sentence vectors (``compose``: their sum weighted
by the square root of each sentence's word count, made a unit vector; the title's vector first when
``embed_title``), not encoded again: each text of an article is encoded once, which halves the
encoder's work at index time. Measured on the 887 MultiHop-RAG queries against encoding the chunk
text (``BENCHMARKS.md``): hybrid MRR@10 0.787 -> 0.793, Hits@10 0.985 -> 0.984; dense with the
sentence rerank MRR@10 0.549 -> 0.539 (the tutorial's: 0.519).

An index written before this (``SENTENCES_VERSION`` in the store's ``__meta__`` differs) is brought
up to date by the next ``assistant index`` run (``backfill``: the chunks' metadata and vectors are
rewritten, their sentences embedded through the cache: none, when they were already).
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from index.text.sentences import sentence_spans

if TYPE_CHECKING:
    from index.store import Store

SENTENCES_VERSION = "v2"  # in __meta__ once every stored chunk carries its sentence vectors and a composed vector
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


def unpack_codes(blob: str, dimension: int) -> tuple[np.ndarray, np.ndarray]:
    """What ``pack`` wrote, as (scale float32 per row, codes int8 rows x dimension); 0 rows for an empty or
    unreadable value."""
    empty = (np.zeros(0, np.float32), np.zeros((0, dimension), np.int8))
    try:
        raw = base64.b64decode(blob) if blob else b""
    except (ValueError, TypeError):
        return empty
    rows, extra = divmod(len(raw), 4 + dimension) if dimension else (0, 1)
    if extra or not rows:
        return empty
    scale = np.frombuffer(raw, dtype="<f4", count=rows).astype(np.float32)
    return scale, np.frombuffer(raw, dtype=np.int8, offset=4 * rows).reshape(rows, dimension)


def decode(scale: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """Rows of int8 ``codes`` with a ``scale`` each (``pack``'s form) as float32 vectors."""
    return np.asarray(codes, dtype=np.float32) * np.asarray(scale, dtype=np.float32)[:, None]


def unpack(blob: str, dimension: int) -> np.ndarray:
    """The matrix ``pack`` wrote, as float32 (0 rows for an empty or unreadable value)."""
    return decode(*unpack_codes(blob, dimension))


def compose(sentences: Sequence[str], matrix: np.ndarray) -> np.ndarray:
    """One vector for several texts: the sum of their unit vectors (rows of ``matrix``) weighted by the square root
    of each one's word count, as a unit vector (cosine ~0.89 to encoding the joined text, ranking as well)."""
    weights = np.sqrt(np.array([max(1, len(s.split())) for s in sentences], dtype=np.float32))[:, None]
    v = (weights * np.asarray(matrix, dtype=np.float32)).sum(axis=0)
    norm = float(np.linalg.norm(v))
    return v / norm if norm else v


class Embedded(NamedTuple):
    blobs: list[str]  # each chunk's packed sentence vectors (``META_KEY``)
    vectors: list[list[float]]  # each chunk's composed vector
    encoded: int  # texts sent to the encoder (sentences and titles the cache did not hold)


def embed_chunks(store: Store, chunk_texts: Sequence[str], heads: Sequence[str] | None = None) -> Embedded:
    """Each chunk's sentence vectors (packed) and its composed vector, through the vector cache. ``heads``:
    a text read before each chunk (its title, when titles are embedded), part of its vector only."""
    per_chunk = [sentence_texts(t) for t in chunk_texts]
    parts_of = [sentences or [t] for t, sentences in zip(chunk_texts, per_chunk, strict=True)]  # no sentence: itself
    heads = list(heads) if heads is not None else [""] * len(per_chunk)
    distinct = list(dict.fromkeys([s for parts in parts_of for s in parts] + [h for h in heads if h]))
    embedded = store.embed(distinct)
    row = {s: i for i, s in enumerate(distinct)}
    matrix = np.asarray(embedded.vectors, dtype=np.float32)
    blobs, vectors = [], []
    for sentences, parts, head in zip(per_chunk, parts_of, heads, strict=True):
        blobs.append(pack(matrix[[row[s] for s in sentences]]) if sentences else "")
        parts = [head, *parts] if head else parts
        vectors.append(compose(parts, matrix[[row[p] for p in parts]]).tolist())
    return Embedded(blobs, vectors, embedded.encoded)


def with_sentences(store: Store, texts: Sequence[str], metas: Sequence[dict[str, Any]],
                   with_title: bool = False) -> tuple[list[list[float]], int]:
    """Add each chunk's sentence vectors to its metadata (in place); returns the chunks' composed vectors and
    the texts encoded. ``with_title``: each chunk's vector reads its metadata's title first (``embed_title``)."""
    heads = [str(m.get("title", "")) for m in metas] if with_title else None
    got = embed_chunks(store, texts, heads)
    for meta, blob in zip(metas, got.blobs, strict=True):
        meta[META_KEY] = blob
    return got.vectors, got.encoded


def backfill(store: Store) -> int:
    """Give every stored chunk its sentence vectors and composed vector when the index predates them; returns the
    texts encoded."""
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
    vectors, encoded = with_sentences(store, [t for _, t, _ in rows], metas, store.settings.embed_title)
    store.update_chunks([cid for cid, _, _ in rows], vectors, metas)
    return encoded


__all__ = ["META_KEY", "SENTENCES_VERSION", "Embedded", "backfill", "compose", "decode", "embed_chunks", "pack",
           "sentence_texts", "unpack", "unpack_codes", "with_sentences"]
