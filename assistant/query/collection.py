"""What query analysis and metadata scoring know about a collection, rebuilt with each index revision.

Built from the chunk metadata the lexical index already holds (no extra store reads): the
outlet catalogue, the collection's "today" (its newest publication day) and, per chunk row,
its outlet and publication day, so that "chunks of these outlets" or "chunks published
near these dates" are one numpy mask.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import numpy as np

from assistant.query.dates import DateRange
from assistant.query.outlets import OutletCatalog, outlet_keys

_EPOCH = date(1970, 1, 1)
UNDATED = -(10**9)  # day number of a chunk without a publication date: far from every range


def day_number(meta: dict[str, Any]) -> int:
    """Days since 1970-01-01 of a chunk's publication (UTC), ``UNDATED`` when unknown."""
    ts = int(meta.get("published_ts", -1) or -1)
    return ts // 86400 if ts >= 0 else UNDATED


def range_days(r: DateRange) -> tuple[int, int]:
    """A date range as day numbers; an open side is very far away."""
    lo = (r.start - _EPOCH).days if r.start else -(10**8)
    hi = (r.end - _EPOCH).days if r.end else 10**8
    return lo, hi


def date_gap(days: np.ndarray, ranges: Sequence[DateRange]) -> np.ndarray:
    """Per day number: days outside the nearest of ``ranges`` (0 inside); huge when undated."""
    gap = np.full(days.shape, 10**6, dtype=np.int64)
    for r in ranges:
        lo, hi = range_days(r)
        g = np.maximum(lo - days, 0) + np.maximum(days - hi, 0)
        gap = np.minimum(gap, g)
    return np.where(days == UNDATED, 10**6, gap)


@lru_cache(maxsize=4096)
def _keys(source: str, url: str) -> frozenset[str]:
    return outlet_keys(source, url)


def meta_outlet_keys(meta: dict[str, Any]) -> frozenset[str]:
    return _keys(meta.get("source", "") or "", meta.get("url", "") or "")


class CollectionFacts:
    """Outlets and dates of the chunk rows ``metas`` (the lexical index's rows, in its order)."""

    def __init__(self, metas: Sequence[dict[str, Any]] = ()) -> None:
        groups: dict[frozenset[str], int] = {}
        row_group = np.empty(len(metas), dtype=np.int32)
        for i, m in enumerate(metas):
            row_group[i] = groups.setdefault(meta_outlet_keys(m), len(groups))
        self.group_keys = list(groups)
        self.row_group = row_group
        self.days = np.array([day_number(m) for m in metas], dtype=np.int64)
        self.catalog = OutletCatalog.from_keys(set().union(*self.group_keys) if groups else set())
        dated = self.days[self.days != UNDATED]
        self.reference = _EPOCH + timedelta(days=int(dated.max())) if dated.size else date.today()

    def outlet_mask(self, keys: frozenset[str]) -> np.ndarray:
        """Rows whose outlet answers to any of ``keys``."""
        wanted = np.array([bool(k & keys) for k in self.group_keys] or [False], dtype=bool)
        return wanted[self.row_group] if len(self.row_group) else np.zeros(0, dtype=bool)

    def date_mask(self, ranges: Sequence[DateRange], window: int) -> np.ndarray:
        """Rows published within ``window`` days of any of ``ranges``."""
        return date_gap(self.days, ranges) <= window


__all__ = ["CollectionFacts", "UNDATED", "date_gap", "day_number", "meta_outlet_keys"]
