"""The arrays behind BM25, one immutable generation per store revision, saved as ``.npy`` files.

A generation holds, for every chunk in the store at one revision: its id (and the ids' sort
order, to find rows by id), token count, outlet, web host and publication time (for filters,
the outlet and date boosts and the collection's outlet catalogue), its sentence vectors (int8
with a scale per sentence, as packed in the chunk's metadata: ``sent_*``, what the sentence
rerank reads, so scoring a search's candidates reads no Chroma record), its terms with their
frequencies (rows: ``doc_*``) and the same matrix by term (``term_*``, what a query reads).
Terms are identified by a 64-bit hash of the token, so no vocabulary of strings is kept or loaded.

A new generation is derived from the previous one: rows of chunks gone from the store are
dropped, new chunks are appended; only the new chunks' texts are tokenised. Generations
are written to a temporary folder and renamed into place (``r<revision>``), so readers in
other processes never see a half-written one, and load them memory-mapped (milliseconds,
whatever the size).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np

from index.sentence_vectors import decode

# 2: the host columns; 3: the stemmer reads irregular verbs ("won" ~ "win"); 4: sentence vectors, id order
FORMAT = 4
_ARRAYS = ("ids", "id_order", "doc_len", "source", "published_ts", "doc_indptr", "doc_terms", "doc_tfs",
           "term_indptr", "term_docs", "term_tfs", "term_hash", "hash_order", "sources",
           "host", "hosts", "sent_indptr", "sent_scale", "sent_codes")


class NewRows(NamedTuple):
    """The chunks a generation adds, one entry each."""

    ids: list[str]
    tokens: list[list[str]]
    sources: list[str]
    published_ts: list[int]
    hosts: list[str]
    sentences: list[tuple[np.ndarray, np.ndarray]]  # (scale float32 (s,), codes int8 (s, dimension)) per chunk


def term_hash(token: str) -> int:
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest(), "little")


@dataclass
class Postings:
    revision: int
    ids: np.ndarray  # str, chunk id per row
    doc_len: np.ndarray  # int32, tokens per row
    source: np.ndarray  # int32, index into ``sources``
    published_ts: np.ndarray  # int64, -1 when unknown
    doc_indptr: np.ndarray  # int64, rows -> (doc_terms, doc_tfs)
    doc_terms: np.ndarray  # int32 term ids
    doc_tfs: np.ndarray  # float32 term frequencies
    term_indptr: np.ndarray  # int64, term id -> (term_docs, term_tfs)
    term_docs: np.ndarray  # int32 rows
    term_tfs: np.ndarray  # float32
    term_hash: np.ndarray  # uint64 by term id
    hash_order: np.ndarray  # int64, argsort of term_hash
    sources: np.ndarray  # str, distinct outlets
    host: np.ndarray  # int32, index into ``hosts``
    hosts: np.ndarray  # str, distinct host names of the articles' addresses ("" when none)
    id_order: np.ndarray  # int64, argsort of ``ids``
    sent_indptr: np.ndarray  # int64, rows -> their sentences (sent_scale, sent_codes)
    sent_scale: np.ndarray  # float32 per sentence
    sent_codes: np.ndarray  # int8, sentences x dimension (0 columns when no chunk has sentence vectors)
    sentences: str = ""  # the store's sentence-vector version these rows were read at

    @classmethod
    def empty(cls) -> Postings:
        z32, z64 = np.zeros(0, np.int32), np.zeros(0, np.int64)
        return cls(-1, np.zeros(0, "U1"), z32, z32, z64, np.zeros(1, np.int64), z32, np.zeros(0, np.float32),
                   np.zeros(1, np.int64), z32, np.zeros(0, np.float32), np.zeros(0, np.uint64), z64,
                   np.zeros(0, "U1"), z32, np.zeros(0, "U1"), z64, np.zeros(1, np.int64), np.zeros(0, np.float32),
                   np.zeros((0, 0), np.int8))

    def __len__(self) -> int:
        return len(self.ids)

    def rows_of(self, ids: Iterable[str]) -> np.ndarray:
        """The row of each chunk id (-1 when the generation does not hold it)."""
        wanted = np.asarray(list(ids), dtype=str)
        if not len(wanted) or not len(self.ids):
            return np.full(len(wanted), -1, np.int64)
        pos = np.searchsorted(self.ids, wanted, sorter=self.id_order)
        rows = np.asarray(self.id_order)[np.minimum(pos, len(self.ids) - 1)]
        return np.where(self.ids[rows] == wanted, rows, -1).astype(np.int64)

    def sentence_matrix(self, row: int) -> np.ndarray:
        """A row's sentence vectors as float32 (sentences x dimension; 0 rows when it has none)."""
        lo, hi = int(self.sent_indptr[row]), int(self.sent_indptr[row + 1])
        return decode(self.sent_scale[lo:hi], self.sent_codes[lo:hi])

    def term_ids(self, tokens: Iterable[str]) -> list[int]:
        """Ids of the known tokens, in order (unknown ones left out)."""
        out = []
        for token in tokens:
            h = np.uint64(term_hash(token))
            pos = int(np.searchsorted(self.term_hash, h, sorter=self.hash_order))
            if pos < len(self.hash_order) and self.term_hash[self.hash_order[pos]] == h:
                out.append(int(self.hash_order[pos]))
        return out

    # -- deriving the next generation -------------------------------------------------------
    def derive(self, keep: np.ndarray, new: NewRows, revision: int, sentences: str = "") -> Postings:
        """Rows where ``keep`` is true, plus the new rows (tokens already made), as a new generation."""
        new_ids, new_tokens = new.ids, new.tokens
        hashes = self.term_hash.tolist()
        lookup = {h: i for i, h in enumerate(hashes)} if new_ids else {}
        by_token: dict[str, int] = {}
        terms: list[int] = []
        tfs: list[int] = []
        lengths: list[int] = []
        counts: list[int] = []
        for tokens in new_tokens:
            bag = Counter(tokens)
            for token, tf in bag.items():
                tid = by_token.get(token)
                if tid is None:
                    h = term_hash(token)
                    tid = lookup.get(h)
                    if tid is None:
                        tid = lookup[h] = len(hashes)
                        hashes.append(h)
                    by_token[token] = tid
                terms.append(tid)
                tfs.append(tf)
            lengths.append(len(tokens))
            counts.append(len(bag))

        row_len = np.diff(self.doc_indptr)
        nnz_keep = np.repeat(keep, row_len)
        sources, source_codes = coded(self.sources, new.sources)
        hosts, host_codes = coded(self.hosts, new.hosts)
        doc_terms = np.concatenate([self.doc_terms[nnz_keep], np.asarray(terms, np.int32)])
        doc_tfs = np.concatenate([self.doc_tfs[nnz_keep], np.asarray(tfs, np.float32)])
        lens = np.concatenate([row_len[keep], np.asarray(counts, np.int64)])
        doc_indptr = np.concatenate([[0], np.cumsum(lens)]).astype(np.int64)
        n_docs, n_terms = len(lens), len(hashes)
        term_indptr, term_docs, term_tfs = _by_term(doc_indptr, doc_terms, doc_tfs, n_docs, n_terms)
        term_hashes = np.asarray(hashes, np.uint64)
        ids = np.asarray(self.ids[keep].tolist() + list(new_ids), dtype=str) if n_docs else Postings.empty().ids
        sent_indptr, sent_scale, sent_codes = self._sentences_kept(keep, new.sentences)
        return Postings(
            revision=revision,
            ids=ids, id_order=np.argsort(ids, kind="stable").astype(np.int64),
            doc_len=np.concatenate([self.doc_len[keep], np.asarray(lengths, np.int32)]),
            source=np.concatenate([self.source[keep], source_codes]),
            published_ts=np.concatenate([self.published_ts[keep], np.asarray(new.published_ts, np.int64)]),
            doc_indptr=doc_indptr, doc_terms=doc_terms, doc_tfs=doc_tfs,
            term_indptr=term_indptr, term_docs=term_docs, term_tfs=term_tfs,
            term_hash=term_hashes, hash_order=np.argsort(term_hashes, kind="stable"),
            sources=sources,
            host=np.concatenate([self.host[keep], host_codes]),
            hosts=hosts,
            sent_indptr=sent_indptr, sent_scale=sent_scale, sent_codes=sent_codes, sentences=sentences,
        )

    def _sentences_kept(self, keep: np.ndarray, new: list[tuple[np.ndarray, np.ndarray]]
                        ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        counts = np.diff(self.sent_indptr)
        mask = np.repeat(keep, counts)
        # one encoder per store (``Store.check_compatible``), so one width
        width = next((c.shape[1] for _, c in new if len(c)), self.sent_codes.shape[1] if mask.any() else 0)
        kept = np.asarray(self.sent_codes[mask]) if mask.any() else np.zeros((0, width), np.int8)
        codes = [kept] + [c if len(c) else np.zeros((0, width), np.int8) for _, c in new]
        scales = [np.asarray(self.sent_scale[mask])] + [s for s, _ in new]
        lens = np.concatenate([counts[keep], np.asarray([len(s) for s, _ in new], np.int64)])
        return (np.concatenate([[0], np.cumsum(lens)]).astype(np.int64),
                np.concatenate(scales).astype(np.float32), np.concatenate(codes).astype(np.int8))

    # -- files ------------------------------------------------------------------------------------
    def save(self, folder: Path) -> Path:
        """Write as ``folder/r<revision>`` atomically; returns the generation's path."""
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"r{self.revision}"
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=folder))
        try:
            for name in _ARRAYS:
                np.save(tmp / f"{name}.npy", getattr(self, name), allow_pickle=False)
            (tmp / "state.json").write_text(json.dumps({"format": FORMAT, "revision": self.revision,
                                                        "sentences": self.sentences}))
            try:
                os.rename(tmp, target)
            except OSError:  # another process saved this revision first: theirs is as good
                shutil.rmtree(tmp, ignore_errors=True)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        for old in folder.glob("r*"):
            if old != target and _revision_of(old) is not None and _revision_of(old) < self.revision:
                shutil.rmtree(old, ignore_errors=True)  # readers that mapped it keep their open files
        return target

    @classmethod
    def load(cls, path: Path) -> Postings | None:
        """A saved generation, memory-mapped; ``None`` when missing, partial or of another format."""
        try:
            state = json.loads((path / "state.json").read_text())
            if state.get("format") != FORMAT:
                return None
            arrays = {name: np.load(path / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in _ARRAYS}
        except (OSError, ValueError):
            return None
        return cls(revision=int(state["revision"]), sentences=str(state.get("sentences", "")), **arrays)

    @classmethod
    def newest(cls, folder: Path) -> Postings | None:
        """The saved generation with the highest revision, if any loads."""
        gens = sorted((p for p in folder.glob("r*") if _revision_of(p) is not None), key=_revision_of, reverse=True)
        for path in gens:
            with contextlib.suppress(Exception):
                got = cls.load(path)
                if got is not None:
                    return got
        return None


def coded(names: np.ndarray, values: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """``names`` extended with the new distinct ``values``, and each value's index in it."""
    known = list(names.tolist())
    code = {name: i for i, name in enumerate(known)}
    for value in values:
        if value not in code:
            code[value] = len(known)
            known.append(value)
    return (np.asarray(known, dtype=str) if known else np.zeros(0, "U1"),
            np.asarray([code[v] for v in values], np.int32))


def _revision_of(path: Path) -> int | None:
    name = path.name
    return int(name[1:]) if name.startswith("r") and name[1:].isdigit() else None


def _by_term(indptr: np.ndarray, terms: np.ndarray, tfs: np.ndarray, n_docs: int,
             n_terms: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The rows x terms matrix transposed: for each term, its rows and frequencies."""
    rows = np.repeat(np.arange(n_docs, dtype=np.int32), np.diff(indptr))
    order = np.argsort(terms, kind="stable")
    counts = np.bincount(terms, minlength=n_terms) if len(terms) else np.zeros(n_terms, np.int64)
    term_indptr = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    return term_indptr, rows[order], tfs[order]

__all__ = ["NewRows", "Postings", "coded", "term_hash"]
