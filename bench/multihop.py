"""Chunking configurations compared on MultiHop-RAG: official retrieval metrics and answer accuracy.

For each configuration (chunk size/overlap x title prefix on/off) the corpus is indexed in
its own sub-home (reused when the same ``--home`` already holds it), then:

- retrieval, by the official rules (Hits@4, Hits@10, MRR@10, MAP@10) over the complete
  queries, for hybrid, dense and bm25 search (``engine.search(q, k=10, mode=...)``);
- answers, through the evaluation engine: ``assistant.evaluation.read_cases`` on
  ``queries.json`` (filtered to the complete ids) and ``run_eval`` with ``engine.ask``
  (extractive answerer, default k): answer contained, answer token F1 and pass rate as
  ``assistant.evaluation`` defines them.

    .venv/bin/python bench/multihop.py [--home DIR] [--configs 600/100,1000/150,1000/0,1500/200]
        [--titles 1,0] [--limit N] [--answer-limit N]

Last line: one JSON object. MultiHop-RAG (Tang & Yang, 2024), ODC-BY.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import _common as c

from assistant.engine import Engine
from assistant.evaluation import read_cases, run_eval

DEFAULT_CONFIGS = "600/100,1000/150,1000/0,1500/200"


def parse_configs(spec: str, titles: str) -> list[tuple[int, int, bool]]:
    """``SIZE/OVERLAP`` entries crossed with ``titles``, or ``SIZE/OVERLAP/T`` entries as given."""
    out: list[tuple[int, int, bool]] = []
    for item in spec.split(","):
        parts = [int(p) for p in item.strip().split("/")]
        if len(parts) == 3:
            out.append((parts[0], parts[1], bool(parts[2])))
        else:
            out.extend((parts[0], parts[1], bool(int(t))) for t in titles.split(","))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    c.add_data_args(ap)
    ap.add_argument("--configs", default=DEFAULT_CONFIGS, help="SIZE/OVERLAP[/TITLE] list, comma-separated")
    ap.add_argument("--titles", default="1,0", help="embed_title values crossed with SIZE/OVERLAP entries")
    ap.add_argument("--limit", type=int, default=0, help="cut the queries (evenly spread; 0: all 887)")
    ap.add_argument("--answer-limit", type=int, default=0,
                    help="cut the queries that are asked for answer accuracy (0: same as --limit)")
    args = ap.parse_args()

    home = args.home or c.default_home("multihop")
    corpus = Path(args.corpus)
    complete = {str(q["query_id"]) for q in c.complete_queries(Path(args.queries), Path(args.complete))}
    cases = [case for case in read_cases(args.queries) if case.id in complete]
    if args.limit:
        cases = c.spread(cases, args.limit)
    asked = c.spread(cases, args.answer_limit) if args.answer_limit else cases
    print(f"machine: {c.machine()}")
    print(f"{len(cases)} complete queries for retrieval, {len(asked)} asked for answers; home {home}")

    rows = []
    for size, overlap, title in parse_configs(args.configs, args.titles):
        settings = c.make_settings(home, size, overlap, title)
        tag = c.chunking_tag(settings)
        engine = Engine(settings)
        t = time.perf_counter()
        report = engine.index([corpus])
        index_s = time.perf_counter() - t
        print(f"[{tag}] {report.chunks} chunks (+{report.added} indexed in {index_s:.0f}s)")
        retrieval = {}
        for mode in ("hybrid", "dense", "bm25"):
            runs = [(list(case.evidence), [h["text"] for h in engine.search(case.question, k=10, mode=mode)])
                    for case in cases]
            retrieval[mode] = c.official_scores(runs, 10)
            s = retrieval[mode]
            print(f"[{tag}] {mode:6s} Hits@4 {s['hits@4']:.4f}  Hits@10 {s['hits@10']:.4f}  "
                  f"MRR@10 {s['mrr@10']:.4f}  MAP@10 {s['map@10']:.4f}")
        t = time.perf_counter()
        ev = run_eval(asked, lambda q, h, e=engine: e.ask(q, h), article_text=engine.article_text,
                      article_meta=engine.article_meta)
        means = ev.summary["metrics"]
        answer = {
            "answer_contained": round(means["answer_contained"]["mean"] or 0.0, 4),
            "answer_f1": round(means["answer_f1"]["mean"] or 0.0, 4),
            "pass_rate": round(ev.summary["pass_rate"], 4),
            "refused_answerable": ev.summary["refused_answerable"],
            "citation_validity": means["citation_validity"]["mean"],
            "hit@k": round(means["hit@k"]["mean"] or 0.0, 4),
            "latency_p50_ms": round(ev.summary["latency_ms"]["p50"] or 0.0, 1),
            "n": ev.summary["n"],
        }
        took = time.perf_counter() - t
        print(f"[{tag}] answers ({took:.0f}s): contained {answer['answer_contained']:.4f}  "
              f"F1 {answer['answer_f1']:.4f}  pass {answer['pass_rate']:.4f}  "
              f"refused {answer['refused_answerable']}/{answer['n']}  p50 {answer['latency_p50_ms']} ms")
        rows.append({"chunking": tag, "chunk_size": size, "chunk_overlap": overlap, "embed_title": title,
                     "chunks": report.chunks, **retrieval, "answer": answer})

    print("\nchunking            chunks  hyb H@4  H@10   MRR    MAP | dense H@10 MRR | bm25 H@10 MRR | "
          "contained  F1")
    for r in rows:
        h, d, b, a = r["hybrid"], r["dense"], r["bm25"], r["answer"]
        print(f"{r['chunking']:18s} {r['chunks']:6d}  {h['hits@4']:.3f}  {h['hits@10']:.3f}  "
              f"{h['mrr@10']:.3f}  {h['map@10']:.3f} | {d['hits@10']:.3f}  {d['mrr@10']:.3f} | "
              f"{b['hits@10']:.3f}  {b['mrr@10']:.3f} | {a['answer_contained']:.3f}  {a['answer_f1']:.3f}")
    c.last_line({"configs": rows, "queries": len(cases), "answer_queries": len(asked),
                 "machine": c.machine()})


if __name__ == "__main__":
    main()
