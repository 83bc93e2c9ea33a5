"""The store's ``__meta__`` record: what an index was built with, and its revision.

It holds the encoder, dimension, chunker and quotation extractor the index was built with,
and a revision number bumped on every change (lexical indexes, copies and quotation tables
follow it). ``check_compatible`` and ``check_quotations`` turn a mismatch into an
``IndexMismatch`` that says what to run.

Readers ask for the revision several times per question (query analysis, BM25, copies,
quotations): a read is reused for ``META_TTL`` seconds, so a question costs one read. A write
through any store object of this process is seen at once (``MetaRecord.changed``); a write by
another process at most ``META_TTL`` later; a writer (holding the lock) always reads afresh.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any

from index.errors import IndexMismatch

META_ID = "__meta__"
META_TTL = 0.25  # seconds a reader reuses the record it read
_writes: dict[tuple, int] = {}  # per store identity: writes of its record in this process


class MetaRecord:
    """Reads of one store's ``__meta__`` record, reused as the module docstring says."""

    def __init__(self, identity: tuple, read: Callable[[], dict[str, Any]]) -> None:
        self.identity = identity
        self._read = read
        self._memo: tuple[float, int, dict[str, Any]] | None = None  # (read at, writes then, record)

    def get(self, *, fresh: bool = False) -> dict[str, Any]:
        now, writes = time.monotonic(), _writes.get(self.identity, 0)
        memo = self._memo
        if memo is not None and not fresh and memo[1] == writes and now - memo[0] < META_TTL:
            return dict(memo[2])
        record = self._read()
        self._memo = (now, writes, record)
        return dict(record)

    def changed(self) -> None:
        """This process wrote (or dropped) the record: every store object reads it afresh."""
        _writes[self.identity] = _writes.get(self.identity, 0) + 1
        self._memo = None


def check_compatible(meta: Mapping[str, Any], expected: Mapping[str, Any]) -> None:
    """Refuse an index built with another encoder or chunker (or before quotations were stored)."""
    if not meta:
        return
    if "quotations" not in meta:
        raise IndexMismatch(
            "the index was built before quotations were stored with it; "
            "run `assistant index --rebuild` (with the paths you indexed) to rebuild it"
        )
    for key, want in expected.items():
        if key != "quotations" and meta.get(key) != want:  # older quotations are upgraded by the indexer
            raise IndexMismatch(
                f"the index was built with {key}={meta.get(key)!r} but this run uses {want!r}; "
                f"run `assistant index --rebuild` to rebuild it, or use the settings it was built with"
            )


def check_quotations(meta: Mapping[str, Any], version: str) -> None:
    """Refuse an index whose stored quotations come from another extractor version."""
    if meta and meta.get("quotations") != version:
        raise IndexMismatch(
            f"the quotations in this index were extracted by {meta.get('quotations')!r}, this version uses "
            f"{version!r}; run `assistant index` to update them (no re-embedding needed)"
        )


__all__ = ["META_ID", "META_TTL", "MetaRecord", "check_compatible", "check_quotations"]
