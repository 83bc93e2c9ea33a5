"""What query analysis and metadata scoring know about a collection, rebuilt with each index revision.

Built from the lexical index's per-chunk columns (``index.lexical.Columns``: outlet, web host,
publication time), which are loaded fresh with each index revision, so a changed index costs no
read of every article record: the outlet catalogue questions are matched against, and the
collection's "today" (its newest publication day) that relative dates are resolved against.
Also the per-chunk helpers that scoring uses: a chunk's outlet keys and its publication day, from the same columns.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from assistant.query.dates import DateRange
from assistant.query.outlets import OutletCatalog, outlet_keys

if TYPE_CHECKING:
    from index.lexical import Columns

_EPOCH = date(1970, 1, 1)
UNDATED = -(10**9)  # day number of a chunk without a publication date: far from every range
FAR = 10**6  # "days outside the named dates" when none are named, or the chunk is undated


def day_numbers(published_ts: np.ndarray) -> np.ndarray:
    """Days since 1970-01-01 of each chunk's publication (UTC; epoch seconds, -1 unknown), ``UNDATED`` when
    unknown."""
    ts = np.asarray(published_ts, dtype=np.int64)
    return np.where(ts >= 0, ts // 86400, UNDATED)


def date_gap(days: np.ndarray, ranges: Sequence[DateRange]) -> np.ndarray:
    """Per day number: days outside the nearest of ``ranges`` (0 inside); ``FAR`` when undated or none."""
    gap = np.full(days.shape, FAR, dtype=np.int64)
    for r in ranges:
        lo = (r.start - _EPOCH).days if r.start else -(10**8)
        hi = (r.end - _EPOCH).days if r.end else 10**8
        gap = np.minimum(gap, np.maximum(lo - days, 0) + np.maximum(days - hi, 0))
    return np.where(days == UNDATED, FAR, gap)


@lru_cache(maxsize=4096)
def row_outlet_keys(source: str, host: str) -> frozenset[str]:
    """Every key the outlet of a chunk answers to, from its outlet name and its address's host (the
    lexical columns)."""
    return outlet_keys(source, f"//{host}" if host else "")


class CollectionFacts:
    """The outlets (their keys) and the newest publication day of a collection."""

    def __init__(self, keys: Iterable[str] = (), newest: int = UNDATED) -> None:
        self.catalog = OutletCatalog(keys)
        self.reference = _EPOCH + timedelta(days=newest) if newest != UNDATED else date.today()

    @classmethod
    def of_columns(cls, columns: Columns) -> CollectionFacts:
        """From a lexical index's columns: every outlet key (``row_outlet_keys``) and the newest day of its chunks."""
        keys: set[str] = set()
        for name in columns.sources[np.unique(columns.source)].tolist():
            keys |= row_outlet_keys(name, "")
        for host in columns.hosts[np.unique(columns.host)].tolist():
            keys |= row_outlet_keys("", host)
        days = day_numbers(columns.published_ts)
        return cls(keys, int(days.max()) if len(days) else UNDATED)


__all__ = ["CollectionFacts", "FAR", "UNDATED", "date_gap", "day_numbers", "row_outlet_keys"]
