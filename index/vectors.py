"""Content-addressed vectors: each distinct text is sent to the encoder once, ever.

A vector is stored under ``key(encoder, text)``: a hash of the encoder's key (its weights,
graph and token limit, ``index.embeddings.EncoderInfo.key``) and of the exact text
embedded. Nothing about where the text came from (article, path, folder, offsets) enters
the key, so moving, renaming or re-mounting a corpus, re-indexing a changed article whose
other chunks kept their text, or the same text in two articles costs no encoder call.

The API is generic: any caller with texts to embed (chunks today; sentences for a
reranker tomorrow) asks ``VectorCache.embed(texts)`` and gets one vector per text plus
the number of texts that actually went to the encoder. The cache lives in a Chroma
collection (``<prefix>_vectors``: id = key, embedding = the vector), so an embedded store
and a ``chroma run`` server behave the same and every client of a server shares it.

Entries cannot go stale (keyed by text and encoder), so they outlive the chunks that used
them: a deleted article that comes back, or a rebuild with another chunking that keeps some
chunk texts, costs nothing for those texts. ``collect(keep)`` removes every entry not in
``keep``; when the indexer calls it is its policy (``index.indexer``: the cache stays within
twice what the chunks reference).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import numpy as np

KEY_VERSION = "v1"
GET_BATCH = 5000  # Chroma refuses batches above 5,461


def vector_key(encoder_key: str, text: str) -> str:
    """The cache id of ``text`` embedded by the encoder whose key is ``encoder_key``."""
    h = hashlib.sha256(f"{KEY_VERSION}\x00{encoder_key}\x00".encode())
    h.update(text.encode("utf-8"))
    return h.hexdigest()[:40]


class Embedded(NamedTuple):
    vectors: np.ndarray  # float32, one row per input text, in order
    encoded: int  # texts sent to the encoder by this call (distinct, not found in the cache)


class VectorCache:
    """Get-or-encode over a key-value store of vectors.

    ``collection`` is a Chroma collection (``get``/``upsert`` by id with embeddings);
    ``encode`` turns a list of texts into vectors; ``encoder_key`` and ``dimension`` describe the encoder.
    The encoder is only touched when some text is missing, so a caller whose texts are
    all cached never loads a model.
    """

    def __init__(self, collection: Any, encoder_key: str, dimension: int,
                 encode: Callable[[list[str]], list[list[float]]],
                 call: Callable[..., Any] = lambda method, **kw: method(**kw)) -> None:
        self.collection = collection
        self.encoder_key = encoder_key
        self.dimension = dimension
        self._encode = encode
        self._call = call  # maps the store's exceptions (``Store._call``)

    def key(self, text: str) -> str:
        return vector_key(self.encoder_key, text)

    def lookup(self, keys: Sequence[str]) -> dict[str, list[float]]:
        """The cached vectors among ``keys`` (missing keys are absent from the result)."""
        found: dict[str, list[float]] = {}
        unique = list(dict.fromkeys(keys))
        for i in range(0, len(unique), GET_BATCH):
            got = self._call(self.collection.get, ids=unique[i : i + GET_BATCH], include=["embeddings"])
            for key, vector in zip(got["ids"], got["embeddings"]):
                found[key] = vector
        return found

    def count(self) -> int:
        return int(self._call(self.collection.count))

    def collect(self, keep: set[str]) -> int:
        """Delete every cached vector whose key is not in ``keep``; returns how many were deleted."""
        stale: list[str] = []
        offset = 0
        while True:
            got = self._call(self.collection.get, include=[], limit=GET_BATCH, offset=offset)
            stale.extend(k for k in got["ids"] if k not in keep)
            if len(got["ids"]) < GET_BATCH:
                break
            offset += GET_BATCH
        for i in range(0, len(stale), GET_BATCH):
            self._call(self.collection.delete, ids=stale[i : i + GET_BATCH])
        return len(stale)

    def embed(self, texts: Sequence[str]) -> Embedded:
        """One vector per text: from the cache, or encoded once per distinct missing text and stored."""
        keys = [self.key(t) for t in texts]
        found = self.lookup(keys)
        missing: dict[str, str] = {}
        for key, text in zip(keys, texts):
            if key not in found:
                missing.setdefault(key, text)
        if missing:
            vectors = self._encode(list(missing.values()))
            new_keys = list(missing)
            for i in range(0, len(new_keys), GET_BATCH):
                self._call(self.collection.upsert, ids=new_keys[i : i + GET_BATCH],
                           embeddings=vectors[i : i + GET_BATCH])
            found.update(zip(new_keys, vectors))
        out = np.empty((len(keys), self.dimension), dtype=np.float32)
        for row, key in enumerate(keys):
            out[row] = found[key]
        return Embedded(out, len(missing))


__all__ = ["Embedded", "VectorCache", "vector_key"]
