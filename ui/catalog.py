"""What the index holds, as the UI shows it: article ids, counts, outlets, people. Cached per revision.

Every read here is recomputed only when the index changes (``Store.revision()``), so
rendering a conversation can check that each cited article still exists for free.

People: the speakers of ``Engine.all_quotations()`` whose ``speaker_type`` is
"person" (rows without one count as people). Name variants the rows do not merge
already are merged here for display: a name whose words match exactly one longer
name (``speaker_matches``: "Pochettino" and "Mauricio Pochettino") is shown as that
person (within one article, see ``shown_speaker``). A name of unknown type ("Kelce",
"Apple") is listed only when it merges into a person that way. When the speaker data
carries canonical names, there is nothing left to merge.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from assistant.speakers import speaker_matches
from index.errors import AssistantError

if TYPE_CHECKING:
    from assistant.engine import Engine

T = TypeVar("T")
MAYBE_PERSON = ("person", "unknown", "unnamed")  # speaker types that may name a person


@dataclass(frozen=True)
class Summary:
    articles: int
    outlets: int
    first: str  # earliest publication date (YYYY-MM-DD) or ""
    last: str


@dataclass(frozen=True)
class Person:
    name: str
    count: int
    articles: int
    variants: tuple[str, ...]


def shown_speaker(rows: list[dict[str, Any]]) -> list[str]:
    """For each quotation row, the name it is listed under.

    Within one article, a name that matches exactly one longer speaker name of that article
    (``speaker_matches``: "Pochettino" and "Mauricio Pochettino", "Jada" and "Jada Pinkett
    Smith") is that person; across articles nothing is merged (two articles' "Smith" may be
    two people).
    """
    names_in: dict[str, set[str]] = {}
    for r in rows:
        names_in.setdefault(r["article_id"], set()).add(r["speaker"])
    merged: dict[tuple[str, str], str] = {}
    for article_id, names in names_in.items():
        for name in names:
            size = len(name.split())
            longer = [other for other in names if len(other.split()) > size and speaker_matches(name, other)]
            if len(longer) == 1:
                merged[(article_id, name)] = longer[0]
    return [merged.get((r["article_id"], r["speaker"]), r["speaker"]) for r in rows]


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

    def _people(self) -> tuple[list[Person], dict[str, list[dict[str, Any]]]]:
        candidates = [r for r in self.engine.all_quotations()
                      if r.get("speaker") and r.get("speaker_type", "person") in MAYBE_PERSON]
        persons = {r["speaker"] for r in candidates if r.get("speaker_type", "person") == "person"}
        rows: dict[str, list[dict[str, Any]]] = {}
        variants: dict[str, set[str]] = {}
        for row, name in zip(candidates, shown_speaker(candidates)):
            if name in persons:
                rows.setdefault(name, []).append(row)
                variants.setdefault(name, set()).add(row["speaker"])
        people = [Person(name, len(r), len({x["article_id"] for x in r}), tuple(sorted(variants[name], key=len)))
                  for name, r in rows.items()]
        people.sort(key=lambda p: (-p.count, p.name))
        return people, rows

    def people(self) -> list[Person]:
        """People quoted in the index, most quoted first, name variants merged."""
        return self.memo("people", self._people)[0]

    def quotes_of(self, name: str) -> tuple[Person | None, list[dict[str, Any]]]:
        """A person's quotations, newest first: by listed name or variant, or the one listed person the name
        matches ("Peskov"); else whatever ``Engine.quotes`` finds for it (people only), with no person."""
        people, rows = self.memo("people", self._people)
        key = " ".join(name.split()).casefold()
        for p in people:
            if any(v.casefold() == key for v in (p.name, *p.variants)):
                return p, rows[p.name]
        matching = [p for p in people if any(speaker_matches(name, v) for v in (p.name, *p.variants))]
        if len(matching) == 1:
            return matching[0], rows[matching[0].name]
        found = [r for r in self.engine.quotes(name) if r.get("speaker_type") != "org"]
        return None, found


_CATALOGS: weakref.WeakKeyDictionary[Engine, Catalog] = weakref.WeakKeyDictionary()
_CATALOGS_LOCK = threading.Lock()


def catalog_for(engine: Engine) -> Catalog:
    """The one catalog of ``engine`` (shared, so that a warm-up fills the cache the UI reads)."""
    with _CATALOGS_LOCK:
        if engine not in _CATALOGS:
            _CATALOGS[engine] = Catalog(engine)
        return _CATALOGS[engine]


__all__ = ["Catalog", "Person", "Summary", "catalog_for", "shown_speaker"]
