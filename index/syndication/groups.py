"""Syndicated copies: groups of near-duplicate articles, found at index time and kept in the store.

Two articles are copies when the Jaccard similarity of their word 5-shingles, estimated from
their MinHash signatures, is at least ``THRESHOLD``; a group is a connected set of copies.
Candidates come from MinHash LSH (datasketch) at a lower threshold, so that pairs just above
``THRESHOLD`` are not lost to LSH banding, and each candidate pair is then checked on the full
signature.

``THRESHOLD`` was chosen by measurement (``bench/syndication.py``, BENCHMARKS.md): on synthetic
copies of MultiHop-RAG articles (``tests/data/syndication``) the lowest copy pair sits far above
the most similar pair of different MultiHop articles (templated pieces from one outlet), and the
threshold is set between them, tuned on the dev split and reported on holdout.

Each article record carries ``minhash`` (its signature, ``index.syndication.minhash``) and
``syndication_group``: the id of its group's representative (the earliest published member, then
the smallest id), or "" when it has no copy. ``regroup`` recomputes the groups after every index
run that changed something, so a corrected copy that no longer matches leaves its group, and
stores the grouped articles' group, outlet and address in one record (``Store.write_copies``)
that readers load once per index revision instead of every article record.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from index.syndication.minhash import NUM_PERM, decode, is_current, signature

THRESHOLD = 0.5
CANDIDATE_THRESHOLD = 0.3
GROUP_KEY = "syndication_group"
SIGNATURE_KEY = "minhash"
TEXT_BATCH = 500


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def find_groups(signatures: Mapping[str, str], threshold: float = THRESHOLD) -> list[list[str]]:
    """Groups (two or more ids, sorted) of articles whose signatures are at least ``threshold`` similar."""
    from datasketch import MinHashLSH

    hashes = {aid: m for aid, m in ((aid, decode(sig)) for aid, sig in signatures.items()) if m is not None}
    lsh = MinHashLSH(threshold=min(CANDIDATE_THRESHOLD, threshold), num_perm=NUM_PERM)
    for aid in sorted(hashes):
        lsh.insert(aid, hashes[aid])
    uf = _UnionFind()
    for aid in sorted(hashes):
        for other in lsh.query(hashes[aid]):
            if other > aid and hashes[aid].jaccard(hashes[other]) >= threshold:
                uf.union(aid, other)
    members: dict[str, list[str]] = {}
    for aid in uf.parent:
        members.setdefault(uf.find(aid), []).append(aid)
    return sorted(sorted(g) for g in members.values() if len(g) > 1)


def representative(group: Iterable[str], records: Mapping[str, Mapping[str, Any]]) -> str:
    """The member a group is named after: the earliest dated one, then the smallest id."""
    def key(aid: str) -> tuple[int, int, str]:
        ts = int(records.get(aid, {}).get("published_ts", -1))
        return (ts < 0, ts, aid)

    return min(group, key=key)


def assignments(records: Mapping[str, Mapping[str, Any]], threshold: float = THRESHOLD) -> dict[str, str]:
    """Every grouped article id -> its group's representative (ungrouped articles are absent)."""
    sigs = {aid: m.get(SIGNATURE_KEY, "") for aid, m in records.items()}
    out: dict[str, str] = {}
    for group in find_groups(sigs, threshold):
        rep = representative(group, records)
        out.update(dict.fromkeys(group, rep))
    return out


def regroup(store: Any) -> int:
    """Recompute the groups of the complete articles in ``store``; returns how many records changed.

    Records without a current signature (an index built before this existed) get one first.
    The caller holds the store's write lock.
    """
    records = store.article_records()
    missing = sorted(aid for aid, m in records.items() if not is_current(m.get(SIGNATURE_KEY)))
    for i in range(0, len(missing), TEXT_BATCH):
        found = store.get_articles(missing[i : i + TEXT_BATCH])
        ids = list(found)
        sigs = [{SIGNATURE_KEY: signature(found[aid][0])} for aid in ids]
        store.update_article_metas(ids, sigs)
        for aid, sig in zip(ids, sigs):
            records[aid].update(sig)
    groups = assignments(records)
    changed = [aid for aid, m in records.items() if m.get(GROUP_KEY, "") != groups.get(aid, "")]
    store.update_article_metas(changed, [{GROUP_KEY: groups.get(aid, "")} for aid in changed])
    store.write_copies({aid: {GROUP_KEY: group, "source": records[aid].get("source", ""),
                              "url": records[aid].get("url", "")} for aid, group in groups.items()})
    return len(changed) + len(missing)


__all__ = ["GROUP_KEY", "SIGNATURE_KEY", "THRESHOLD", "assignments", "find_groups", "regroup", "representative"]
