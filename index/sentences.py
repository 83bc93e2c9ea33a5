"""Sentence vectors of the stored chunks, for the sentence-level rerank at query time.

Each chunk's sentences (``sentence_texts``: the chunker's sentence split of the chunk text)
are embedded at index time through the content-addressed vector cache (``index.vectors``,
the ``<prefix>_vectors`` collection), keyed by encoder and exact sentence text: a sentence
repeated in overlapping chunks, in another article, or in an unchanged re-index costs no
encoder call. At query time a reader looks the vectors up by the same keys and never encodes
a sentence (encoding a query's ~300 candidate sentences would cost over a second).

An index written before sentence vectors existed is brought up to date by the next
``assistant index`` run (``backfill``), which embeds the sentences of the chunks already
stored and records ``SENTENCES_VERSION`` in the store's ``__meta__`` record.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from index.chunking import sentence_spans

if TYPE_CHECKING:
    from index.store import Store

SENTENCES_VERSION = "v1"  # in the store's __meta__ once every stored chunk's sentences are embedded
ENCODE_BATCH = 2048  # sentences per cache call


def sentence_texts(chunk_text: str) -> list[str]:
    """The sentences of a chunk, as embedded (and as looked up at query time)."""
    return [chunk_text[s.start : s.end] for s in sentence_spans(chunk_text)]


def embed_sentences(store: Store, chunk_texts: Iterable[str]) -> int:
    """Embed (through the vector cache) the sentences of ``chunk_texts``; returns the texts encoded."""
    encoded = 0
    batch: list[str] = []
    for text in chunk_texts:
        batch.extend(sentence_texts(text))
        if len(batch) >= ENCODE_BATCH:
            encoded += _embed(store, batch)
            batch = []
    if batch:
        encoded += _embed(store, batch)
    return encoded


def _embed(store: Store, sentences: Sequence[str]) -> int:
    return store.embed(list(dict.fromkeys(sentences))).encoded


def backfill(store: Store) -> int:
    """Embed the sentences of every stored chunk when the index predates them; returns the texts encoded."""
    meta = store.meta()
    if not meta or meta.get("sentences") == SENTENCES_VERSION:
        return 0
    return embed_sentences(store, (text for _, text, _ in store.iter_chunks()))


__all__ = ["SENTENCES_VERSION", "backfill", "embed_sentences", "sentence_texts"]
