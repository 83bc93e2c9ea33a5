"""Syndicated copies in what we show: one copy cited, the others named ("also in: AP, Yahoo News").

The groups are found at index time (``index.syndication``) and stored on the article records
and in one ``__copies__`` record; ``CopiesCache`` reads that record once per index revision (the
article records only for an index written before it existed). Three small steps use them:

- ``collapse_passages`` (after retrieval): a passage of a second copy of a story already
  retrieved is dropped when it repeats a kept passage of that story (word 5-shingle containment
  of at least ``REPEAT``), so five copies of a wire story do not fill the k passages; a copy's
  passage with text the kept ones lack stays.
- ``attach_copies`` (the chain's last step): citations of the same words in two copies of one
  story are merged into the first (markers renumbered), and every citation gets ``also_in``: the
  outlets of the other copies of its article.
- ``collapse_quotations`` (the speaker listing): a quotation that appears in several copies is
  listed once, with ``also_in`` and ``copies``.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from assistant.schema import Answer, Citation, Passage
from index.syndication.groups import GROUP_KEY
from index.syndication.minhash import shingles
from index.text import fold

REPEAT = 0.5
_MARKER = re.compile(r"\[(\d+)\]")


def _outlet(meta: Mapping[str, Any], article_id: str) -> str:
    return (meta.get("source") or (urlsplit(meta.get("url") or "").hostname or "").removeprefix("www.")
            or article_id)


@dataclass(frozen=True)
class Copies:
    """Which articles are copies of one another, and the outlet each ran in."""

    group_of: dict[str, str] = field(default_factory=dict)  # article id -> group (its representative's id)
    members: dict[str, list[str]] = field(default_factory=dict)  # group -> article ids, representative first
    outlet: dict[str, str] = field(default_factory=dict)  # grouped article id -> outlet

    @classmethod
    def from_records(cls, records: Mapping[str, Mapping[str, Any]]) -> Copies:
        members: dict[str, list[str]] = {}
        for aid in sorted(records):
            group = records[aid].get(GROUP_KEY) or ""
            if group:
                members.setdefault(group, []).append(aid)
        members = {g: sorted(m, key=lambda a, g=g: (a != g, a)) for g, m in members.items() if len(m) > 1}
        group_of = {aid: g for g, m in members.items() for aid in m}
        return cls(group_of, members, {aid: _outlet(records[aid], aid) for aid in group_of})

    def others(self, article_id: str) -> list[str]:
        group = self.group_of.get(article_id)
        return [a for a in self.members.get(group, []) if a != article_id] if group else []

    def also_in(self, article_id: str, own_outlet: str = "") -> list[str]:
        """Outlets of the other copies of ``article_id``, each once, without its own outlet."""
        own = own_outlet or self.outlet.get(article_id, "")
        return list(dict.fromkeys(o for o in (self.outlet[a] for a in self.others(article_id)) if o != own))


class CopiesCache:
    """``Copies`` of a store, re-read only when the index revision changes."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self._cached: tuple[int, Copies] | None = None
        self._lock = threading.Lock()

    def get(self) -> Copies:
        revision = self.store.revision()
        with self._lock:
            if self._cached is None or self._cached[0] != revision:
                records = self.store.copies_records()
                if records is None:
                    records = self.store.article_records()
                self._cached = (revision, Copies.from_records(records))
            return self._cached[1]


def _repeats(text: str, kept: list[set[bytes]]) -> bool:
    mine = shingles(text)
    return bool(mine) and any(len(mine & other) >= REPEAT * len(mine) for other in kept)


def collapse_passages(passages: list[Passage], copies: Copies) -> list[Passage]:
    """Drop passages of other copies that repeat a higher-ranked passage of the same story."""
    if not copies.group_of:
        return passages
    kept_text: dict[str, list[set[bytes]]] = {}
    first_copy: dict[str, str] = {}
    out = []
    for p in passages:
        group = copies.group_of.get(p.article_id)
        if group is not None:
            first = first_copy.setdefault(group, p.article_id)
            if first != p.article_id and _repeats(p.text, kept_text.get(group, [])):
                continue
            kept_text.setdefault(group, []).append(shingles(p.text))
        out.append(p)
    return out


def attach_copies(answer: Answer, copies: Copies) -> Answer:
    """Merge citations of the same words in copies of one story; fill every citation's ``also_in``."""
    kept: list[Citation] = []
    merged: dict[int, Citation] = {}  # number of a dropped citation -> the kept one it repeats
    for c in answer.citations:
        group = copies.group_of.get(c.article_id)
        twin = next((k for k in kept if group is not None and copies.group_of.get(k.article_id) == group
                     and fold(k.quote) == fold(c.quote)), None)
        if twin is None:
            kept.append(c)
        else:
            merged[c.n] = twin
    numbers = {c.n: new for new, c in enumerate(kept, start=1)}
    numbers.update({old: numbers[twin.n] for old, twin in merged.items()})
    for c in kept:
        c.n = numbers[c.n]
        c.also_in = copies.also_in(c.article_id, c.source)
    if merged:
        text = _MARKER.sub(lambda m: f"[{numbers.get(int(m.group(1)), int(m.group(1)))}]", answer.answer)
        answer.answer = re.sub(r"(\[\d+\])(\s*\1)+", r"\1", text)
        answer.citations = kept
    return answer


def collapse_quotations(rows: list[dict[str, Any]], copies: Copies) -> list[dict[str, Any]]:
    """One row per quotation and story: the first row keeps ``also_in`` (outlets) and ``copies`` (ids)."""
    out: list[dict[str, Any]] = []
    seen: dict[tuple[str, str, str], dict[str, Any]] = {}
    for row in rows:
        group = copies.group_of.get(row["article_id"])
        key = (row["speaker"], fold(row["quote"]).lower(), group or "")
        first = seen.get(key) if group else None
        if first is not None:
            first["copies"].append(row["article_id"])
            outlet = copies.outlet.get(row["article_id"], "")
            if outlet and outlet != copies.outlet.get(first["article_id"]) and outlet not in first["also_in"]:
                first["also_in"].append(outlet)
            continue
        row = {**row, "also_in": [], "copies": []}
        if group:
            seen[key] = row
        out.append(row)
    return out


__all__ = ["Copies", "CopiesCache", "attach_copies", "collapse_passages", "collapse_quotations"]
