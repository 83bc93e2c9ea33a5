"""What query analysis and metadata scoring know about a collection, rebuilt with each index revision.

Built from the lexical index's per-chunk columns (``index.lexical.Columns``: outlet, web host,
publication time), which are loaded fresh with each index revision, so a changed index costs no
read of every article record: the outlet catalogue questions are matched against, and the
collection's "today" (its newest publication day) that relative dates are resolved against.
Also the per-chunk helpers that scoring uses: a chunk's outlet keys and its publication day, from its own metadata.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.query.dates import DateRange
from assistant.query.outlets import OutletCatalog, outlet_keys

if TYPE_CHECKING:
    from index.lexical import Columns

_EPOCH = date(1970, 1, 1)
UNDATED = -(10**9)  # day number of a chunk without a publication date: far from every range
FAR = 10**6  # "days outside the named dates" when none are named, or the chunk is undated


def day_number(meta: dict[str, Any]) -> int:
    """Days since 1970-01-01 of a chunk's or article's publication (UTC), ``UNDATED`` when unknown."""
    ts = int(meta.get("published_ts", -1) or -1)
    return ts // 86400 if ts >= 0 else UNDATED


def date_gap(days: np.ndarray, ranges: Sequence[DateRange]) -> np.ndarray:
    """Per day number: days outside the nearest of ``ranges`` (0 inside); ``FAR`` when undated or none."""
    gap = np.full(days.shape, FAR, dtype=np.int64)
    for r in ranges:
        lo = (r.start - _EPOCH).days if r.start else -(10**8)
        hi = (r.end - _EPOCH).days if r.end else 10**8
        gap = np.minimum(gap, np.maximum(lo - days, 0) + np.maximum(days - hi, 0))
    return np.where(days == UNDATED, FAR, gap)


@lru_cache(maxsize=4096)
def _keys(source: str, url: str) -> frozenset[str]:
    return outlet_keys(source, url)


def meta_outlet_keys(meta: dict[str, Any]) -> frozenset[str]:
    """Every key the outlet of a chunk (or article) answers to, from its metadata."""
    return _keys(meta.get("source", "") or "", meta.get("url", "") or "")


class CollectionFacts:
    """The outlets (their keys) and the newest publication day of a collection."""

    def __init__(self, keys: Iterable[str] = (), newest: int = UNDATED) -> None:
        self.catalog = OutletCatalog(keys)
        self.reference = _EPOCH + timedelta(days=newest) if newest != UNDATED else date.today()

    @classmethod
    def of_columns(cls, columns: Columns) -> CollectionFacts:
        """From a lexical index's columns: every outlet key (``meta_outlet_keys``) and the newest day of its chunks."""
        keys: set[str] = set()
        for name in columns.sources[np.unique(columns.source)].tolist():
            keys |= outlet_keys(name, "")
        for host in columns.hosts[np.unique(columns.host)].tolist():
            keys |= outlet_keys("", f"//{host}")
        ts = np.asarray(columns.published_ts)
        dated = ts[ts >= 0]
        return cls(keys, int(dated.max()) // 86400 if len(dated) else UNDATED)


__all__ = ["CollectionFacts", "FAR", "UNDATED", "date_gap", "day_number", "meta_outlet_keys"]
