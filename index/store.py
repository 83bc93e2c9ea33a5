"""The Chroma store: chunk vectors plus every article's full text and metadata.

Two collections per index, both in Chroma so that an embedded store and a
``chroma run`` server behave the same and any client of a server sees the
same texts:

- ``<prefix>_chunks``: one record per chunk; the document is exactly
  ``article_text[start:end]``; metadata carries article id, offsets, title,
  source, dates and the article's content hash.
- ``<prefix>_articles``: one record per article; the document is the full
  normalised text that offsets point into. A record ``__meta__``
  (``index.meta_record``) holds what the index was built with and its
  revision; a record ``__copies__`` holds the syndication groups
  (``index.syndication``) as JSON, so readers learn them in one read.
- ``<prefix>_quotations``: one record per quotation found in an article
  (``index.quotations.store`` reads and writes them); the document is the quote.
- ``<prefix>_vectors``: content-addressed vectors (``index.vectors``), so a
  text already embedded once is never sent to the encoder again.

Opening a store never loads the encoder: its name and dimension come from
``EncoderInfo``; the model loads on the first text that must be embedded.

Writes go through ``write_lock()``: a file lock under the data home, so a
second writer fails fast with ``IndexLocked`` instead of interleaving.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from index import meta_record
from index.chroma_client import open_client
from index.chroma_embedding import ChromaEmbeddingFunction
from index.errors import IndexLocked, NotFound, StoreError, StoreUnavailable
from index.meta_record import META_ID, MetaRecord
from index.settings import Settings
from index.vectors import Embedded, VectorCache

if TYPE_CHECKING:
    from index.embeddings import Encoder, EncoderInfo

COPIES_ID = "__copies__"
_RESERVED = frozenset({META_ID, COPIES_ID})
MAX_BATCH = 5000  # Chroma refuses batches above 5,461
PLACEHOLDER_VECTOR = [1.0]


@dataclass
class ChunkHit:
    chunk_id: str
    text: str
    metadata: dict[str, Any]
    score: float


class Store:
    """``encoder`` is a function that returns the encoder: called only when a text must be embedded."""

    def __init__(self, settings: Settings, encoder: Callable[[], Encoder], info: EncoderInfo, chunker: str,
                 quotations: str = "") -> None:
        self.settings = settings
        self._encoder = encoder
        self.info = info
        self.chunker = chunker
        self.quotation_version = quotations
        self._writing = False
        where = (settings.chroma_host, settings.chroma_port, "" if settings.chroma_host else str(settings.home_path))
        self._meta = MetaRecord((*where, settings.collection), self._read_meta)
        self.client = open_client(settings)
        self._ef = ChromaEmbeddingFunction(encoder)
        self._open_collections()

    @cached_property
    def encoder(self) -> Encoder:
        return self._encoder()

    def embed(self, texts: Sequence[str]) -> Embedded:
        """Vectors for ``texts`` through the content-addressed cache (``index.vectors``)."""
        return self.vector_cache.embed(texts)

    @property
    def vector_cache(self) -> VectorCache:
        return VectorCache(self.vectors, self.info.key, self.info.dimension,
                           lambda texts: self.encoder.embed_documents(texts), self._call)

    # -- collections ---------------------------------------------------------------
    def _open_collections(self) -> None:
        prefix = self.settings.collection
        try:
            self.chunks = self.client.get_or_create_collection(
                f"{prefix}_chunks", embedding_function=self._ef, configuration={"hnsw": {"space": "cosine"}}
            )
            self.articles = self.client.get_or_create_collection(f"{prefix}_articles", embedding_function=self._ef)
            self.quotations = self.client.get_or_create_collection(
                f"{prefix}_quotations", embedding_function=self._ef
            )
            # only ever read by id: the smallest graph Chroma allows keeps writes cheap (~4x less CPU)
            self.vectors = self.client.get_or_create_collection(
                f"{prefix}_vectors", embedding_function=self._ef,
                configuration={"hnsw": {"space": "cosine", "ef_construction": 8, "max_neighbors": 4}},
            )
        except Exception as exc:
            raise StoreUnavailable(f"could not open the Chroma collections: {exc}") from exc

    @property
    def expected_meta(self) -> dict[str, Any]:
        return {
            "encoder": self.info.name,
            "dimension": self.info.dimension,
            "chunker": self.chunker,
            "quotations": self.quotation_version,
        }

    def _read_meta(self) -> dict[str, Any]:
        got = self._call(self.articles.get, ids=[META_ID], include=["metadatas"])
        return dict(got["metadatas"][0]) if got["ids"] else {}

    def meta(self) -> dict[str, Any]:
        """The ``__meta__`` record (empty for a new index); reuse: ``index.meta_record``."""
        return self._meta.get(fresh=self._writing)

    def check_compatible(self) -> dict[str, Any]:
        """Refuse an index built with another encoder or chunker, saying what to run; returns the ``__meta__`` read."""
        meta = self.meta()
        meta_record.check_compatible(meta, self.expected_meta)
        return meta

    def check_quotations(self) -> int:
        """Before reading quotations: refuse an index whose quotations are missing or out of date.
        Returns the index revision (read with the same ``__meta__`` record)."""
        meta = self.check_compatible()
        meta_record.check_quotations(meta, self.quotation_version)
        return int(meta.get("revision", 0))

    def bump_revision(self, **facts: Any) -> int:
        """Count a change; ``facts`` are recorded in the ``__meta__`` record too (e.g. ``sentences``)."""
        meta = self.meta() or {}
        revision = int(meta.get("revision", 0)) + 1
        meta.update(self.expected_meta, **facts, revision=revision, updated=time.time())
        self._call(self.articles.upsert, ids=[META_ID], embeddings=[PLACEHOLDER_VECTOR], metadatas=[meta],
                   documents=[""])
        self._meta.changed()
        return revision

    def revision(self) -> int:
        return int(self.meta().get("revision", 0))

    def reset(self) -> None:
        """Drop chunks, articles and quotations. Cached vectors stay (the indexer cleans them up after a rebuild)."""
        prefix = self.settings.collection
        for name in (f"{prefix}_chunks", f"{prefix}_articles", f"{prefix}_quotations"):
            with contextlib.suppress(Exception):
                self.client.delete_collection(name)
        self._meta.changed()
        self._open_collections()

    # -- locking -------------------------------------------------------------------
    @contextlib.contextmanager
    def write_lock(self) -> Iterator[None]:
        from filelock import FileLock, Timeout

        home = self.settings.home_path
        home.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(home / "index.lock"))
        try:
            lock.acquire(timeout=0)
        except Timeout as exc:
            raise IndexLocked(
                f"the index in {home} is locked by another writer; wait for it to finish and try again"
            ) from exc
        self._writing = True
        try:
            yield
        finally:
            self._writing = False
            self._meta.changed()  # whatever the writer did, readers here see it now
            lock.release()

    # -- reads -----------------------------------------------------------------------
    def _call(self, method, **kwargs):
        try:
            return method(**kwargs)
        except Exception as exc:
            if "Could not connect" in str(exc) or "Connection" in type(exc).__name__:
                raise StoreUnavailable(f"the Chroma server does not answer: {exc}") from exc
            raise StoreError(f"Chroma {method.__name__} failed: {exc}") from exc

    def article_records(self, *, complete_only: bool = True) -> dict[str, dict[str, Any]]:
        """Metadata of stored articles (no texts), by id.

        Readers see only complete articles: one whose write was interrupted (``kill -9``
        mid-index) stays invisible until the next index run finishes it. The indexer asks
        for all of them (``complete_only=False``) so that it can redo the unfinished ones.
        """
        out: dict[str, dict[str, Any]] = {}
        offset = 0
        while True:
            got = self._call(self.articles.get, include=["metadatas"], limit=MAX_BATCH, offset=offset)
            for aid, meta in zip(got["ids"], got["metadatas"]):
                if aid not in _RESERVED and (meta.get("complete") or not complete_only):
                    out[aid] = dict(meta)
            if len(got["ids"]) < MAX_BATCH:
                return out
            offset += MAX_BATCH

    def get_articles(self, ids: list[str]) -> dict[str, tuple[str, dict[str, Any]]]:
        if not ids:
            return {}
        got = self._call(self.articles.get, ids=list(ids), include=["documents", "metadatas"])
        return {aid: (doc, dict(meta)) for aid, doc, meta in zip(got["ids"], got["documents"], got["metadatas"])}

    def article_metas(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The metadata of these complete articles (no texts); absent ids are left out."""
        if not ids:
            return {}
        got = self._call(self.articles.get, ids=list(ids), include=["metadatas"])
        return {aid: dict(meta) for aid, meta in zip(got["ids"], got["metadatas"]) if meta.get("complete")}

    def get_article(self, article_id: str) -> tuple[str, dict[str, Any]]:
        found = self.get_articles([article_id]) if article_id not in _RESERVED else {}
        if article_id not in found or not found[article_id][1].get("complete"):
            raise NotFound(f"no article with id {article_id!r}; `assistant articles` lists them")
        return found[article_id]

    def copies_records(self) -> dict[str, dict[str, Any]] | None:
        """The grouped articles' records as ``write_copies`` stored them; ``None`` when never written."""
        got = self._call(self.articles.get, ids=[COPIES_ID], include=["documents"])
        if not got["ids"]:
            return None
        try:
            records = json.loads(got["documents"][0] or "{}")
        except ValueError:
            return None
        return records if isinstance(records, dict) else None

    def chunk_count(self) -> int:
        return int(self._call(self.chunks.count))

    def quotation_count(self) -> int:
        return int(self._call(self.quotations.count))

    def chunk_ids(self) -> set[str]:
        out: set[str] = set()
        offset = 0
        while True:
            got = self._call(self.chunks.get, include=[], limit=MAX_BATCH, offset=offset)
            out.update(got["ids"])
            if len(got["ids"]) < MAX_BATCH:
                return out
            offset += MAX_BATCH

    def get_chunks(self, ids: Sequence[str]) -> dict[str, tuple[str, dict[str, Any]]]:
        """Text and metadata of the given chunks, by id (ids not in the store are absent)."""
        out: dict[str, tuple[str, dict[str, Any]]] = {}
        ids = list(ids)
        for i in range(0, len(ids), MAX_BATCH):
            got = self._call(self.chunks.get, ids=ids[i : i + MAX_BATCH], include=["documents", "metadatas"])
            out.update((cid, (doc, dict(meta))) for cid, doc, meta in zip(got["ids"], got["documents"],
                                                                           got["metadatas"]))
        return out

    def chunk_vectors(self, ids: Sequence[str]) -> tuple[list[str], Any]:
        """The stored vectors of these chunks: (the ids found, a float32 matrix, one row each)."""
        import numpy as np

        found: list[str] = []
        rows: list[Any] = []
        ids = list(ids)
        for i in range(0, len(ids), MAX_BATCH):
            got = self._call(self.chunks.get, ids=ids[i : i + MAX_BATCH], include=["embeddings"])
            found += got["ids"]
            rows += list(got["embeddings"])
        return found, np.asarray(rows, dtype=np.float32).reshape(len(found), self.info.dimension)

    @property
    def lexical_dir(self) -> Path:
        """Where this store's BM25 arrays are kept: under the data home, one folder per store and collection."""
        s = self.settings
        where = f"{s.chroma_host}-{s.chroma_port}" if s.chroma_host else "local"
        return s.home_path / "lexical" / f"{where}-{s.collection}"

    def iter_chunks(self, batch: int = MAX_BATCH) -> Iterator[tuple[str, str, dict[str, Any]]]:
        offset = 0
        while True:
            got = self._call(self.chunks.get, include=["documents", "metadatas"], limit=batch, offset=offset)
            yield from zip(got["ids"], got["documents"], got["metadatas"])
            if len(got["ids"]) < batch:
                return
            offset += batch

    def dense_search(self, vector: Sequence[float], k: int, where: dict | None = None) -> list[ChunkHit]:
        return self.dense_search_many([vector], k, where)[0]

    def dense_search_many(self, vectors: Sequence[Sequence[float]], k: int,
                          where: dict | None = None) -> list[list[ChunkHit]]:
        """Top-``k`` chunks for each vector with their texts and metadata, in one Chroma query (cosine
        similarity as the score)."""
        got = self._query(vectors, k, where, ["documents", "metadatas", "distances"])
        return [
            [ChunkHit(cid, doc, dict(meta), 1.0 - float(dist)) for cid, doc, meta, dist in zip(*rows)]
            for rows in zip(got["ids"], got["documents"], got["metadatas"], got["distances"])
        ] if got else [[] for _ in vectors]

    def dense_ids_many(self, vectors: Sequence[Sequence[float]], k: int,
                       where: dict | None = None) -> list[list[tuple[str, float]]]:
        """Top-``k`` (chunk id, cosine) per vector, reading no record (a query's cost is per record read)."""
        got = self._query(vectors, k, where, ["distances"])
        return [[(cid, 1.0 - float(dist)) for cid, dist in zip(*rows)] for rows in zip(got["ids"], got["distances"])
                ] if got else [[] for _ in vectors]

    def _query(self, vectors: Sequence[Sequence[float]], k: int, where: dict | None, include: list[str]) -> dict | None:
        if not len(vectors) or k <= 0:
            return None
        # Chroma returns fewer than k (none for an empty collection) without a count first (~2 ms a query)
        return self._call(self.chunks.query, query_embeddings=[list(map(float, v)) for v in vectors], n_results=k,
                          where=where or None, include=include)

    # -- writes (callers hold write_lock) ------------------------------------------------
    def upsert_articles(self, ids: list[str], texts: list[str], metas: list[dict[str, Any]]) -> None:
        for i in range(0, len(ids), MAX_BATCH):
            sl = slice(i, i + MAX_BATCH)
            self._call(self.articles.upsert, ids=ids[sl], documents=texts[sl], metadatas=metas[sl],
                       embeddings=[PLACEHOLDER_VECTOR] * len(ids[sl]))

    def write_copies(self, records: dict[str, dict[str, Any]]) -> None:
        """Store the grouped articles' records (group, outlet, address) as one ``__copies__`` record."""
        self._call(self.articles.upsert, ids=[COPIES_ID], embeddings=[PLACEHOLDER_VECTOR],
                   metadatas=[{"kind": "copies", "articles": len(records)}],
                   documents=[json.dumps(records, sort_keys=True)])

    def update_article_metas(self, ids: list[str], metas: list[dict[str, Any]]) -> None:
        """Rewrite article metadata only (the texts stay as written)."""
        for i in range(0, len(ids), MAX_BATCH):
            self._call(self.articles.update, ids=ids[i : i + MAX_BATCH], metadatas=metas[i : i + MAX_BATCH])

    def update_chunks(self, ids: list[str], vectors: Any, metas: list[dict[str, Any]]) -> None:
        """Rewrite chunk vectors and metadata (texts stay as written)."""
        for i in range(0, len(ids), MAX_BATCH):
            sl = slice(i, i + MAX_BATCH)
            self._call(self.chunks.update, ids=ids[sl], embeddings=vectors[sl], metadatas=metas[sl])

    def update_chunk_metas(self, ids: list[str], metas: list[dict[str, Any]]) -> None:
        """Rewrite chunk metadata only (texts and vectors stay as written)."""
        for i in range(0, len(ids), MAX_BATCH):
            self._call(self.chunks.update, ids=ids[i : i + MAX_BATCH], metadatas=metas[i : i + MAX_BATCH])

    def upsert_chunks(self, ids: list[str], vectors: Any, texts: list[str],
                      metas: list[dict[str, Any]]) -> None:
        for i in range(0, len(ids), MAX_BATCH):
            sl = slice(i, i + MAX_BATCH)
            self._call(self.chunks.upsert, ids=ids[sl], embeddings=vectors[sl], documents=texts[sl],
                       metadatas=metas[sl])

    def delete_chunks(self, article_id: str, keep_hash: str | None = None) -> None:
        where: dict[str, Any] = {"article_id": article_id}
        if keep_hash is not None:
            where = {"$and": [where, {"content_hash": {"$ne": keep_hash}}]}
        self._call(self.chunks.delete, where=where)

    def upsert_quotations(self, ids: list[str], texts: list[str], metas: list[dict[str, Any]]) -> None:
        for i in range(0, len(ids), MAX_BATCH):
            sl = slice(i, i + MAX_BATCH)
            self._call(self.quotations.upsert, ids=ids[sl], documents=texts[sl], metadatas=metas[sl],
                       embeddings=[PLACEHOLDER_VECTOR] * len(ids[sl]))

    def iter_quotations(self, where: dict[str, Any] | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
        """(quote, metadata) of the stored quotation records matching ``where`` (all when None)."""
        offset = 0
        while True:
            got = self._call(self.quotations.get, where=where, include=["documents", "metadatas"], limit=MAX_BATCH,
                             offset=offset)
            yield from zip(got["documents"], got["metadatas"])
            if len(got["ids"]) < MAX_BATCH:
                return
            offset += MAX_BATCH

    def delete_quotations(self, article_id: str, keep: tuple[str, str] | None = None) -> None:
        """Remove an article's quotation records; with ``keep=(content_hash, extractor)``, only the other ones."""
        where: dict[str, Any] = {"article_id": article_id}
        if keep is not None:
            stale = {"$or": [{"content_hash": {"$ne": keep[0]}}, {"extractor": {"$ne": keep[1]}}]}
            where = {"$and": [where, stale]}
        self._call(self.quotations.delete, where=where)

    def delete_articles(self, ids: list[str]) -> None:
        for aid in ids:
            self.delete_chunks(aid)
            self.delete_quotations(aid)
        if ids:
            self._call(self.articles.delete, ids=list(ids))


__all__ = ["COPIES_ID", "ChromaEmbeddingFunction", "ChunkHit", "META_ID", "Store"]
