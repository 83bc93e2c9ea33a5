"""BM25 over the stored chunks, persisted in the data home and kept in step with the store's revision.

Chroma's own sparse/BM25 search is refused by a local client, so the lexical side is ours:
Lucene BM25 (k1 = 1.5, b = 0.75, the scores bm25s computes) over each chunk's text with
its article's title in front (BM25 sees the headline, the encoder does not). Terms are
``index.text.terms.tokenize`` (the one stopword list and stemmer).

Its arrays (``index.postings``) are saved under ``<home>/lexical/<store>/r<revision>``.
Every search reads the store's revision (one small Chroma read); when it moved, the
index loads the saved generation for that revision (memory-mapped: milliseconds), and only
when none is saved does it derive one from the newest saved generation: it lists the
store's chunk ids, drops rows of chunks that are gone and tokenises only the new chunks.
The indexer does that derivation at the end of each run, under the write lock, so with an
embedded store readers only ever load. Each client of a Chroma server keeps its own copy
in its own data home and brings it in step the same way on its first search after a
change (cost: the ids, and the texts of the chunks that changed).
"""

from __future__ import annotations

import math
import threading
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlsplit

import numpy as np

from index.postings import NewRows, Postings
from index.sentence_vectors import META_KEY, unpack_codes
from index.text.terms import tokenize

if TYPE_CHECKING:
    from index.store import Store

K1, B = 1.5, 0.75
EMPTY = "\x00empty"  # the token of a chunk with no words, so that every row has one


def url_host(url: str) -> str:
    """The host name of a web address, lower case ("" when there is none)."""
    try:
        return (urlsplit(url.strip()).hostname or "") if url else ""
    except ValueError:
        return ""


def chunk_tokens(text: str, title: str) -> list[str]:
    """What BM25 indexes for one chunk: its article's title and its text."""
    return tokenize(f"{title}\n{text}") or [EMPTY]


class Columns(NamedTuple):
    """Per-row facts that filters need, aligned with search rows."""

    sources: np.ndarray  # distinct outlets
    source: np.ndarray  # index into ``sources`` per row
    published_ts: np.ndarray  # epoch seconds per row, -1 unknown
    hosts: np.ndarray  # distinct host names of the articles' addresses
    host: np.ndarray  # index into ``hosts`` per row


class LexicalIndex:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        # one tuple, swapped whole: a concurrent search never pairs new postings with old norms
        self._state: tuple[Postings, np.ndarray] = (Postings.empty(), np.zeros(0, np.float32))
        self._lock = threading.Lock()

    @property
    def _postings(self) -> Postings:
        return self._state[0]

    @property
    def revision(self) -> int:
        return self._postings.revision

    @property
    def columns(self) -> Columns:
        p = self._postings
        return Columns(p.sources, p.source, p.published_ts, p.hosts, p.host)

    def __len__(self) -> int:
        return len(self._postings)

    def rows_of(self, ids: list[str]) -> np.ndarray:
        """The row of each chunk id in the current generation (-1: not in it, e.g. written after its revision)."""
        return self._postings.rows_of(ids)

    def sentence_matrix(self, row: int) -> np.ndarray:
        """The sentence vectors of the chunk at ``row`` (float32, sentences x dimension; 0 rows when none)."""
        return self._postings.sentence_matrix(row)

    def ids_of(self, mask: np.ndarray) -> list[str]:
        """The chunk ids of the rows ``mask`` keeps."""
        return self._postings.ids[np.asarray(mask, dtype=bool)].tolist()

    def _use(self, postings: Postings) -> None:
        dl = np.asarray(postings.doc_len, dtype=np.float32)
        avg = float(dl.mean()) if len(dl) else 1.0
        self._state = (postings, (K1 * (1.0 - B + B * dl / avg)).astype(np.float32))

    def ensure_fresh(self, store: Store) -> None:
        """Bring the index to the store's revision: load the saved generation, or derive and save one."""
        revision = store.revision()
        if revision == self._postings.revision:
            return
        with self._lock:
            if revision == self._postings.revision:
                return
            saved = Postings.load(self.folder / f"r{revision}")
            if saved is None:
                saved = self._derive(store, revision)
            self._use(saved)

    def _derive(self, store: Store, revision: int) -> Postings:
        sentences = str(store.meta().get("sentences", ""))
        base = Postings.newest(self.folder)
        if base is None or base.revision > revision or base.sentences != sentences:
            base = Postings.empty()  # sentence vectors rewritten in place (a backfill): every row read again
        current = store.chunk_ids()
        known = set(base.ids.tolist())
        keep = np.fromiter((cid in current for cid in base.ids.tolist()), dtype=bool, count=len(base))
        new = NewRows([], [], [], [], [], [])
        dimension = store.info.dimension
        for cid, (text, meta) in store.get_chunks([cid for cid in current if cid not in known]).items():
            new.ids.append(cid)
            new.tokens.append(chunk_tokens(text, meta.get("title", "")))
            new.sources.append(str(meta.get("source", "")))
            new.published_ts.append(int(meta.get("published_ts", -1)))
            new.hosts.append(url_host(str(meta.get("url", ""))))
            new.sentences.append(unpack_codes(str(meta.get(META_KEY) or ""), dimension))
        postings = base.derive(keep, new, revision, sentences)
        if store.revision() == revision:  # nobody wrote meanwhile: safe to share with other processes
            postings.save(self.folder)
        return postings

    def search(self, query: str, k: int, allowed: np.ndarray | None = None) -> list[tuple[str, float]]:
        """Top-k (chunk id, score) with positive scores; ``allowed`` is a boolean mask over rows."""
        p, norm = self._state
        terms = p.term_ids(tokenize(query))
        n = len(p)
        if not n or not terms:
            return []
        scores = np.zeros(n, dtype=np.float32)
        for t in terms:
            lo, hi = int(p.term_indptr[t]), int(p.term_indptr[t + 1])
            if hi == lo:
                continue
            rows, tf = p.term_docs[lo:hi], p.term_tfs[lo:hi]
            idf = math.log(1.0 + (n - (hi - lo) + 0.5) / ((hi - lo) + 0.5))
            scores[rows] += np.float32(idf) * tf / (tf + norm[rows])
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        k = min(k, n)
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(str(p.ids[i]), float(scores[i])) for i in top if scores[i] > 0]


__all__ = ["Columns", "LexicalIndex", "chunk_tokens"]
