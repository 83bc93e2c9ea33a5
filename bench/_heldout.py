"""Retrieval weights picked on one half of the queries and scored on the other (``bench/query.py``).

The candidates and their raw signals (``HybridSearcher.pools``) are gathered once per query;
every setting of the grid is then ranked by the product's own ``assistant.scoring.rank``.
A setting is picked on the even-numbered queries by Hits@4 + Hits@10 + MRR@10 and scored on
the odd ones, and the reverse; ``hybrid_heldout`` is the mean of the two held-out scores.
Ties on the objective go to the setting listed first in the grid.

Also the compound-question check: of the hand-written ``tests/data/compound_eval.jsonl``
questions (readers' words, with the articles each part needs), the share whose every part
has a passage from one of its articles in the top 8, per split (dev / holdout).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import _common as c

from assistant.evaluation import metrics as m
from assistant.scoring import Pool, Weights, rank

COMPOUND = c.ROOT / "tests" / "data" / "compound_eval.jsonl"
GRID = {
    "dense": (0.1, 0.2, 0.3),
    "outlet": (0.3, 0.5, 0.7),
    "date": (0.2, 0.3, 0.5, 0.7),
    "date_window": (0, 1, 3),
    "sentence": (0.8, 1.0, 1.2, 1.5),
}


def grid() -> list[Weights]:
    names = list(GRID)
    return [Weights(**dict(zip(names, values))) for values in itertools.product(*GRID.values())]


def objective(scores: dict[str, float]) -> float:
    return scores["hits@4"] + scores["hits@10"] + scores["mrr@10"]


def heldout(pools: Sequence[list[Pool]], facts: Sequence[Sequence[str]], settings: Sequence[Weights]) -> dict[str, Any]:
    """Pick on one half, score on the other, both ways; the mean of the two held-out scores."""
    rows = [[c.query_scores(f, [h.text for h in rank(p, w, 10)]) for p, f in zip(pools, facts)] for w in settings]
    halves = {"even": range(0, len(pools), 2), "odd": range(1, len(pools), 2)}
    out: dict[str, Any] = {}
    for pick, score in (("even", "odd"), ("odd", "even")):
        tuned = [c.mean_scores([r[i] for i in halves[pick]]) for r in rows]
        best = max(range(len(settings)), key=lambda s: (objective(tuned[s]), -s))
        out[f"picked_on_{pick}"] = {"weights": settings[best].__dict__, "tuned": tuned[best],
                                    "heldout": c.mean_scores([rows[best][i] for i in halves[score]])}
    a, b = out["picked_on_even"]["heldout"], out["picked_on_odd"]["heldout"]
    out["hybrid_heldout"] = {key: round((a[key] + b[key]) / 2, 4) for key in a if key != "n"}
    return out


def compound_rows(path: Path = COMPOUND) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def all_parts_hit(row: dict[str, Any], titles: Sequence[str]) -> bool:
    """Every part of a compound question has a retrieved passage from one of its articles."""
    return all(any(m.source_matches(part["sources"], title=t) for t in titles) for part in row["parts"])


def compound_scores(rows: Sequence[dict[str, Any]], titles: Sequence[Sequence[str]]) -> dict[str, float]:
    """Share of questions with every part hit, per split."""
    out: dict[str, list[bool]] = {}
    for row, got in zip(rows, titles):
        out.setdefault(row["split"], []).append(all_parts_hit(row, got))
    return {split: round(sum(v) / len(v), 3) for split, v in sorted(out.items())}


__all__ = ["GRID", "compound_rows", "compound_scores", "grid", "heldout"]
