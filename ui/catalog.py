"""What the index holds, as the UI shows it: article ids, counts, outlets, people (``ui.people``).

Every read here is recomputed only when the index changes (``Store.revision()``), so
rendering a conversation can check that each cited article still exists for free.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from index.errors import AssistantError
from ui.people import People, Person, quotes_of, read_people

if TYPE_CHECKING:
    from assistant.engine import Engine

T = TypeVar("T")


@dataclass(frozen=True)
class Summary:
    articles: int
    outlets: int
    first: str  # earliest publication date (YYYY-MM-DD) or ""
    last: str


class Catalog:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        self._cache: dict[str, tuple[int, Any]] = {}

    def memo(self, key: str, build: Callable[[], T]) -> T:
        """``build()``, computed once per index revision (one builder per key at a time)."""
        revision = self.engine.store.revision()
        hit = self._cache.get(key)
        if hit is not None and hit[0] == revision:
            return hit[1]
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            hit = self._cache.get(key)
            if hit is not None and hit[0] == revision:
                return hit[1]
            value = build()
            self._cache[key] = (revision, value)
            return value

    def articles(self) -> list[dict[str, Any]]:
        """``Engine.articles()``: newest first."""
        return self.memo("articles", self.engine.articles)

    def ids(self) -> frozenset[str]:
        return self.memo("ids", lambda: frozenset(r["id"] for r in self.articles()))

    def alive(self) -> Callable[[str], bool]:
        """"Is this article (still) in the index?", answered from one reading of the index (every article
        counts as gone when the index cannot be read): one check per rendering, not one per citation."""
        try:
            ids = self.ids()
        except AssistantError:
            ids = frozenset()
        return ids.__contains__

    def summary(self) -> Summary:
        def build() -> Summary:
            rows = self.articles()
            dates = sorted(str(r["published"])[:10] for r in rows if r.get("published"))
            outlets = {r["source"] for r in rows if r.get("source")}
            return Summary(len(rows), len(outlets), dates[0] if dates else "", dates[-1] if dates else "")

        return self.memo("summary", build)

    def outlets(self) -> list[str]:
        return self.memo("outlets", lambda: sorted({r["source"] for r in self.articles() if r.get("source")}))

    def _people(self) -> People:
        return self.memo("people", lambda: read_people(self.engine))

    def people(self) -> list[Person]:
        """People quoted in the index, most quoted first, name variants merged (``ui.people``)."""
        return self._people().people

    def quotes_of(self, name: str) -> tuple[Person | None, list[dict[str, Any]]]:
        """A person's quotations, newest first, and the listed person ``name`` is (``ui.people.quotes_of``)."""
        return quotes_of(self.engine, self._people(), name)


_CATALOGS: weakref.WeakKeyDictionary[Engine, Catalog] = weakref.WeakKeyDictionary()
_CATALOGS_LOCK = threading.Lock()


def catalog_for(engine: Engine) -> Catalog:
    """The one catalog of ``engine`` (shared, so that a warm-up fills the cache the UI reads)."""
    with _CATALOGS_LOCK:
        if engine not in _CATALOGS:
            _CATALOGS[engine] = Catalog(engine)
        return _CATALOGS[engine]


__all__ = ["Catalog", "Summary", "catalog_for"]
