"""Helpers shared by the benchmark scripts: paths, homes, the MultiHop-RAG queries and official metrics.

The scripts run as ``.venv/bin/python bench/X.py`` from the repository root; importing this
module puts the repository root on ``sys.path`` so ``index`` and ``assistant`` import.
MultiHop-RAG (Tang & Yang, 2024) is licensed ODC-BY; the article texts belong to their publishers.
"""

from __future__ import annotations

import json
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from assistant.evaluation import metrics as m  # noqa: E402
from index.settings import Settings  # noqa: E402

DATA = Path(os.environ.get("MULTIHOP_DATA", ROOT / "tests" / "data" / "multihop-rag"))
CORPUS = DATA / "corpus.json"
QUERIES = DATA / "queries.json"
COMPLETE = DATA / "complete_queries.json"
ATTRIBUTION = "MultiHop-RAG (Tang & Yang, 2024), ODC-BY; article texts belong to their publishers."


def default_home(prefix: str) -> str:
    return tempfile.mkdtemp(prefix=f"bench-{prefix}-")


def chunking_tag(settings: Settings) -> str:
    """How the chunks were made, e.g. ``1000/150 title=1``: every figure is reported with it."""
    return f"{settings.chunk_size}/{settings.chunk_overlap} title={int(settings.embed_title)}"


def config_home(home: str | Path, size: int, overlap: int, title: bool) -> str:
    """One sub-home per chunking, so scripts given the same ``--home`` share built indexes."""
    return str(Path(home) / f"c{size}-o{overlap}-t{int(title)}")


def make_settings(home: str | Path, size: int | None = None, overlap: int | None = None,
                  title: bool | None = None) -> Settings:
    d = Settings()
    size = d.chunk_size if size is None else size
    overlap = d.chunk_overlap if overlap is None else overlap
    title = d.embed_title if title is None else title
    return Settings(home=config_home(home, size, overlap, title), chunk_size=size, chunk_overlap=overlap,
                    embed_title=title)


def machine() -> dict[str, Any]:
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
            "load_avg_1m": round(load[0], 2)}


def complete_queries(queries: Path = QUERIES, complete: Path = COMPLETE) -> list[dict[str, Any]]:
    """The raw MultiHop-RAG queries whose ids are listed in ``complete_queries.json``, in file order."""
    ids = {str(i) for i in json.loads(Path(complete).read_text(encoding="utf-8"))}
    rows = json.loads(Path(queries).read_text(encoding="utf-8"))
    return [q for q in rows if str(q["query_id"]) in ids and q.get("question_type") != "null_query"]


def facts_of(query: dict[str, Any]) -> list[str]:
    return [e["fact"] for e in query.get("evidence_list") or [] if isinstance(e.get("fact"), str)]


def spread(items: Sequence[Any], n: int) -> list[Any]:
    """``n`` items evenly spread over ``items`` (deterministic; all of them when n >= len)."""
    if n >= len(items):
        return list(items)
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]


def query_scores(facts: Sequence[str], chunks: Sequence[str], k: int = 10) -> tuple[float, float, float, float]:
    """Hit@4, Hit@k, reciprocal rank@k and AP@k of one ranked list of chunk texts (MultiHop-RAG rules)."""
    hits = [any(m.fact_in_chunk(f, c) for f in facts) for c in chunks[:k]]
    return (m.hit_at_k(hits, 4), m.hit_at_k(hits, k), m.reciprocal_rank(hits, k),
            m.multihop_map_at_k(facts, chunks, k))


def mean_scores(rows: Sequence[tuple[float, float, float, float]], k: int = 10) -> dict[str, float]:
    """Hits@4, Hits@k, MRR@k and MAP@k: the means of ``query_scores`` rows, with their count ``n``."""
    n = len(rows)
    keys = ("hits@4", f"hits@{k}", f"mrr@{k}", f"map@{k}")
    return {**{key: round(sum(r[i] for r in rows) / n, 4) if n else 0.0 for i, key in enumerate(keys)}, "n": n}


def official_scores(runs: Iterable[tuple[Sequence[str], Sequence[str]]], k: int = 10) -> dict[str, float]:
    """Hits@4, Hits@k, MRR@k and MAP@k (MultiHop-RAG rules) over ``(facts, ranked chunk texts)`` pairs."""
    return mean_scores([query_scores(facts, chunks, k) for facts, chunks in runs], k)


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def last_line(data: dict[str, Any]) -> None:
    """The machine-readable result: always the last line of stdout."""
    print(json.dumps(data, ensure_ascii=False), flush=True)


def add_data_args(ap, *, queries: bool = True) -> None:
    """The data-home and MultiHop-RAG file options every benchmark takes."""
    ap.add_argument("--home", default=None, help="data home (default: a new temporary directory)")
    ap.add_argument("--corpus", default=str(CORPUS), help="MultiHop-RAG corpus.json")
    if queries:
        ap.add_argument("--queries", default=str(QUERIES), help="MultiHop-RAG queries.json")
        ap.add_argument("--complete", default=str(COMPLETE), help="ids of the complete queries")
