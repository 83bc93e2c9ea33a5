"""Query latency against a floor, and retrieval quality by the official MultiHop-RAG rules.

(a) Latency: p50/p95 of a warm, in-process ``Engine.ask`` (extractive answerer) over ~50
MultiHop-RAG query strings, beside the floor measured in the same run with the same
questions: embed the query + one Chroma top-k (``store.dense_search``). Each question is
timed for both, in alternating order, so machine noise hits both alike, after one untimed
pass over the same questions (so neither side pays first reads of index pages from disk;
query vectors encoded in the warm-up are forgotten: every timed call encodes its question).
The same at ~100k chunks, with vectors that behave like real ones, is ``bench/scale.py``.

(b) Quality: Hits@4, Hits@10, MRR@10, MAP@10 over the 887 complete queries for bm25,
dense, fused (dense + BM25 on the whole question: retrieval before query analysis) and
hybrid (sub-questions, outlet/date boosts, sentence rerank), ``engine.search(q, k=10,
mode=...)``, in one run; ``hybrid_heldout``: the retrieval weights picked on one half of the
queries and scored on the other, both ways, averaged (``_heldout``); the hand-written compound
questions (``tests/data/compound_eval.jsonl``): share with every part's article in the top 8,
per split, fused vs hybrid.

(c) Search latency: warm in-process ``engine.search`` p50, hybrid against fused (today's
retrieval before this change), alternating per question on the same index.

    .venv/bin/python bench/query.py [--home DIR] [--questions 50] [--no-tune]

Last line: one JSON object. MultiHop-RAG (Tang & Yang, 2024), ODC-BY.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import _common as c
import _heldout as ho

from assistant.engine import Engine
from assistant.evaluation import metrics as m
from index.store import MAX_BATCH


def ensure_indexed(engine: Engine, corpus: Path) -> None:
    t = time.perf_counter()
    report = engine.index([corpus])
    print(f"index {engine.settings.home}: {report.articles} articles, {report.chunks} chunks "
          f"(+{report.added} added; encoded {report.encoded} texts) "
          f"in {time.perf_counter() - t:.1f}s")


def copy_index(src: Engine, dst: Engine) -> None:
    """Copy every article record, chunk (with its stored vector) and cached vector from one store to another."""
    a, b = src.store, dst.store
    with b.write_lock():
        records = a.article_records()
        ids = sorted(records)
        for i in range(0, len(ids), 500):
            got = a.get_articles(ids[i : i + 500])
            b.upsert_articles(list(got), [t for t, _ in got.values()], [meta for _, meta in got.values()])
        for source, target in ((a.chunks, b.chunks), (a.vectors, b.vectors)):
            offset = 0
            while True:
                got = source.get(include=["embeddings", "documents", "metadatas"], limit=MAX_BATCH, offset=offset)
                if len(got["ids"]):
                    metas = got["metadatas"]
                    target.upsert(ids=list(got["ids"]), embeddings=[list(map(float, v)) for v in got["embeddings"]],
                                  documents=list(got["documents"]) if target is b.chunks else None,
                                  metadatas=[dict(x) for x in metas] if target is b.chunks else None)
                if len(got["ids"]) < MAX_BATCH:
                    break
                offset += MAX_BATCH
        b.bump_revision(**{k: v for k, v in a.meta().items() if k == "sentences"})


def latency(engine: Engine, questions: list[str]) -> dict:
    """Warm, then time ask and the floor (embed + dense top-k) on each question, alternating order."""
    k = engine.settings.k
    enc, store = engine.encoder, engine.store

    def floor(q: str) -> None:
        store.dense_search(enc.embed_query(q), k)

    for q in questions:  # warm-up pass: BM25 load, encoder, answerer, and the index pages these questions read
        engine.ask(q)
        floor(q)
    asks, floors, steps = [], [], {}
    for i, q in enumerate(questions):
        order = ("ask", "floor") if i % 2 == 0 else ("floor", "ask")
        for what in order:
            engine.searcher.vectors.forget_encoded()  # each timed ask encodes its question
            t = time.perf_counter()
            if what == "ask":
                answer = engine.ask(q)
                asks.append((time.perf_counter() - t) * 1000)
                for step, ms in answer.timings_ms.items():
                    steps.setdefault(step, []).append(ms)
            else:
                floor(q)
                floors.append((time.perf_counter() - t) * 1000)
    p50, p95, f50 = m.percentile(asks, 50), m.percentile(asks, 95), m.percentile(floors, 50)
    return {
        "chunks": store.chunk_count(), "p50_ms": round(p50, 1), "p95_ms": round(p95, 1),
        "floor_p50_ms": round(f50, 1), "floor_p95_ms": round(m.percentile(floors, 95), 1),
        "ratio_p50_vs_floor": round(p50 / f50, 3),
        "steps_p50_ms": {s: round(m.percentile(v, 50), 1) for s, v in steps.items()},
    }


def print_latency(label: str, r: dict) -> None:
    print(f"[{label}] {r['chunks']} chunks: ask p50 {r['p50_ms']} ms, p95 {r['p95_ms']} ms; floor p50 "
          f"{r['floor_p50_ms']} ms -> ratio {r['ratio_p50_vs_floor']} (goal <= 3); "
          f"steps p50 {r['steps_p50_ms']}")


def quality(engine: Engine, queries: list[dict], modes=("bm25", "dense", "fused", "hybrid")) -> dict:
    runs: dict[str, list] = {mode: [] for mode in modes}
    for q in queries:
        facts = c.facts_of(q)
        for mode in modes:
            runs[mode].append((facts, [h["text"] for h in engine.search(q["query"], k=10, mode=mode)]))
    return {mode: c.official_scores(r, 10) for mode, r in runs.items()}


def tune(engine: Engine, queries: list[dict]) -> dict:
    """``hybrid_heldout``: weights picked on one half of the queries, scored on the other (``_heldout``)."""
    s = engine.searcher
    pools = [s.pools(s.analyse(q["query"]), read=True) for q in queries]  # the texts, to score any ranking
    settings = ho.grid()
    t = time.perf_counter()
    out = ho.heldout(pools, [c.facts_of(q) for q in queries], settings)
    print(f"held-out tuning: {len(settings)} settings in {time.perf_counter() - t:.0f}s")
    for half in ("even", "odd"):
        r = out[f"picked_on_{half}"]
        print(f"  picked on the {half} half: {r['weights']}  tuned {r['tuned']}  held out {r['heldout']}")
    print(f"  hybrid_heldout (mean of the two held-out halves): {out['hybrid_heldout']}")
    return out


def compound(engine: Engine, modes=("fused", "hybrid")) -> dict:
    """Share of the compound questions with every part's article in the top 8, per split and mode."""
    rows = ho.compound_rows()
    return {mode: ho.compound_scores(rows, [[h["title"] for h in engine.search(r["question"], k=8, mode=mode)]
                                            for r in rows]) for mode in modes}


def search_latency(engine: Engine, questions: list[str], k: int = 10) -> dict:
    """Warm ``engine.search`` p50/p95, hybrid against fused, alternating order per question (after a warm-up pass)."""
    for q in questions:
        engine.search(q, k=k, mode="hybrid")
        engine.search(q, k=k, mode="fused")
    times: dict[str, list[float]] = {"hybrid": [], "fused": []}
    for i, q in enumerate(questions):
        for mode in ("hybrid", "fused") if i % 2 == 0 else ("fused", "hybrid"):
            engine.searcher.vectors.forget_encoded()  # each timed search encodes its question
            t = time.perf_counter()
            engine.search(q, k=k, mode=mode)
            times[mode].append((time.perf_counter() - t) * 1000)
    out = {f"{mode}_p{p}_ms": round(m.percentile(v, p), 1) for mode, v in times.items() for p in (50, 95)}
    out["ratio_p50_vs_fused"] = round(out["hybrid_p50_ms"] / out["fused_p50_ms"], 3)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    c.add_data_args(ap)
    ap.add_argument("--questions", type=int, default=50, help="questions timed for latency")
    ap.add_argument("--limit", type=int, default=0, help="cut the quality queries (0: all 887)")
    ap.add_argument("--no-tune", dest="tune", action="store_false", help="skip the held-out weight picking")
    args = ap.parse_args()

    home = args.home or c.default_home("query")
    corpus = Path(args.corpus)
    settings = c.make_settings(home)
    print(f"machine: {c.machine()}")
    print(f"chunking: {c.chunking_tag(settings)}  home: {settings.home}")
    engine = Engine(settings)
    ensure_indexed(engine, corpus)

    queries = c.complete_queries(Path(args.queries), Path(args.complete))
    if args.limit:
        queries = c.spread(queries, args.limit)
    engine.search(queries[0]["query"], k=10)  # warm-up: encoder + BM25 build
    t = time.perf_counter()
    scores = quality(engine, queries)
    print(f"quality over {len(queries)} complete queries ({time.perf_counter() - t:.0f}s), chunking "
          f"{c.chunking_tag(settings)}:")
    for mode, s in scores.items():
        print(f"  {mode:7s} Hits@4 {s['hits@4']:.4f}  Hits@10 {s['hits@10']:.4f}  MRR@10 {s['mrr@10']:.4f}  "
              f"MAP@10 {s['map@10']:.4f}")
    tuned = tune(engine, queries) if args.tune else None
    parts = compound(engine)
    print(f"compound questions, every part's article in the top 8: {parts}")

    questions = [q["query"] for q in c.spread(c.complete_queries(Path(args.queries), Path(args.complete)),
                                              args.questions)]
    searching = search_latency(engine, questions)
    print(f"[corpus] search p50: hybrid {searching['hybrid_p50_ms']} ms, fused {searching['fused_p50_ms']} ms "
          f"-> ratio {searching['ratio_p50_vs_fused']} (goal <= 3)")
    base = latency(engine, questions)
    print_latency("corpus", base)

    c.last_line({
        **{k: base[k] for k in ("p50_ms", "p95_ms", "floor_p50_ms", "ratio_p50_vs_floor", "chunks")},
        **{mode: {k: v for k, v in s.items() if k != "n"} for mode, s in scores.items()},
        "hybrid_heldout": tuned and tuned["hybrid_heldout"],
        "heldout_picks": tuned and {h: tuned[f"picked_on_{h}"] for h in ("even", "odd")},
        "compound_all_parts_top8": parts, "search": searching,
        "queries": len(queries), "questions": len(questions), "chunking": c.chunking_tag(settings),
        "steps_p50_ms": base["steps_p50_ms"],
        "machine": c.machine(),
    })


if __name__ == "__main__":
    main()
