"""Filters a reader sets on what is searched: outlets and a publication-date range.

Applied on both retrieval sides: as a Chroma ``where`` for the dense search and as a row
mask for BM25. Light to import (numpy only when a mask is built).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from index.articles import published_timestamp
from index.errors import UsageError

if TYPE_CHECKING:
    import numpy as np

    from index.lexical import Columns


@dataclass(frozen=True)
class Filters:
    sources: tuple[str, ...] = ()
    since: str = ""
    until: str = ""

    @classmethod
    def from_options(cls, sources: Sequence[str] | str | None = (), since: str | None = "",
                     until: str | None = "") -> Filters:
        """Filters from CLI options or UI controls; a bad date raises ``UsageError`` now, naming the field."""
        if isinstance(sources, str):
            sources = [sources] if sources else []
        filters = cls(tuple(s for s in (sources or []) if s), (since or "").strip(), (until or "").strip())
        filters._bounds()
        return filters

    def _bounds(self) -> tuple[int | None, int | None]:
        lo = hi = None
        if self.since:
            lo = published_timestamp(self.since)
            if lo < 0:
                raise UsageError(f"the 'since' date {self.since!r} is not a date (use YYYY-MM-DD)")
        if self.until:
            hi = published_timestamp(self.until)
            if hi < 0:
                raise UsageError(f"the 'until' date {self.until!r} is not a date (use YYYY-MM-DD)")
            if len(self.until.strip()) == 10:
                hi += 86399  # a bare date includes that whole day
        return lo, hi

    def where(self) -> dict[str, Any] | None:
        clauses: list[dict[str, Any]] = []
        if self.sources:
            clauses.append({"source": {"$in": list(self.sources)}})
        lo, hi = self._bounds()
        if lo is not None:
            clauses.append({"published_ts": {"$gte": lo}})
        if hi is not None:
            clauses.append({"published_ts": {"$lte": hi}})
            clauses.append({"published_ts": {"$gte": 0}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    def mask(self, columns: Columns) -> np.ndarray | None:
        """Which rows of a lexical index pass (``None``: all of them), from its per-row columns."""
        import numpy as np

        if not (self.sources or self.since or self.until):
            return None
        lo, hi = self._bounds()
        keep = np.ones(len(columns.source), dtype=bool)
        if self.sources:
            wanted = np.flatnonzero(np.isin(columns.sources, list(self.sources)))
            keep &= np.isin(columns.source, wanted)
        ts = np.asarray(columns.published_ts)
        if lo is not None:
            keep &= ts >= lo
        if hi is not None:
            keep &= (ts >= 0) & (ts <= hi)
        return keep


__all__ = ["Filters"]
