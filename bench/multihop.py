"""Chunking configurations compared on MultiHop-RAG: official retrieval metrics and answer accuracy.

For each configuration (chunk size/overlap x title prefix on/off) the corpus is indexed in
its own sub-home (reused when the same ``--home`` already holds it), then:

- retrieval, by the official rules (Hits@4, Hits@10, MRR@10, MAP@10) over the complete
  queries, for hybrid, dense and bm25 search (``engine.search(q, k=10, mode=...)``);
- answers, through the evaluation engine: ``assistant.evaluation.read_cases`` on
  ``queries.json`` (filtered to the complete ids) and ``run_eval`` with ``engine.ask``
  (extractive answerer, default k): answer contained, answer token F1 and pass rate as
  ``assistant.evaluation`` defines them; the refusal count; the share of queries where a shown
  citation's sentence holds a gold evidence fact (``evidence_cited``: the cited span widened to
  whole sentences contains the fact, or the fact contains it, spaces and newlines ignored as in
  the official hit rule);
- refusals on MultiHop's null queries (no answer in the corpus): the share refused, which must
  not drop when the answerer refuses less on the complete ones.

    .venv/bin/python bench/multihop.py [--home DIR] [--configs 600/100,1000/150,1000/0,1500/200]
        [--titles 1,0] [--limit N] [--answer-limit N] [--null-limit N] [--no-retrieval]

Last line: one JSON object. MultiHop-RAG (Tang & Yang, 2024), ODC-BY.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import _common as c

from assistant.engine import Engine
from assistant.evaluation import metrics, read_cases, run_eval
from index.text.sentences import sentence_spans

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


def cited_sentences(text: str, start: int, end: int) -> str:
    """The cited span widened to the whole sentences it touches."""
    spans = [(a, b) for a, b in sentence_spans(text) if a < end and start < b]
    return text[spans[0][0] : spans[-1][1]] if spans else text[start:end]


def evidence_cited(result, article_text) -> bool:
    """Does a shown citation's sentence hold a gold evidence fact (or lie inside one)?"""
    answer = result.answer
    if answer is None or not answer.answered:
        return False
    facts = [metrics.squeeze(f) for f in result.case.evidence if f.strip()]
    for cit in answer.citations:
        cited = metrics.squeeze(cited_sentences(article_text(cit.article_id), cit.start, cit.end))
        if cited and any(f in cited or cited in f for f in facts):
            return True
    return False


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    c.add_data_args(ap)
    ap.add_argument("--configs", default=DEFAULT_CONFIGS, help="SIZE/OVERLAP[/TITLE] list, comma-separated")
    ap.add_argument("--titles", default="1,0", help="embed_title values crossed with SIZE/OVERLAP entries")
    ap.add_argument("--limit", type=int, default=0, help="cut the queries (evenly spread; 0: all 887)")
    ap.add_argument("--answer-limit", type=int, default=0,
                    help="cut the queries that are asked for answer accuracy (0: same as --limit)")
    ap.add_argument("--null-limit", type=int, default=-1,
                    help="null (unanswerable) queries asked, evenly spread (-1: all of them, 0: none)")
    ap.add_argument("--no-retrieval", action="store_true", help="skip the retrieval metrics (answers only)")
    args = ap.parse_args()

    home = args.home or c.default_home("multihop")
    corpus = Path(args.corpus)
    complete = {str(q["query_id"]) for q in c.complete_queries(Path(args.queries), Path(args.complete))}
    every = read_cases(args.queries)
    cases = [case for case in every if case.id in complete]
    if args.limit:
        cases = c.spread(cases, args.limit)
    asked = c.spread(cases, args.answer_limit) if args.answer_limit else cases
    nulls = [case for case in every if not case.answerable]
    nulls = nulls if args.null_limit < 0 else c.spread(nulls, args.null_limit) if args.null_limit else []
    print(f"machine: {c.machine()}")
    print(f"{len(cases)} complete queries for retrieval, {len(asked)} asked for answers, {len(nulls)} null "
          f"queries asked; home {home}")

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
        for mode in () if args.no_retrieval else ("hybrid", "dense", "bm25"):
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
        cited = sum(evidence_cited(r, engine.article_text) for r in ev.cases)
        answer = {
            "answer_contained": round(means["answer_contained"]["mean"] or 0.0, 4),
            "answer_f1": round(means["answer_f1"]["mean"] or 0.0, 4),
            "pass_rate": round(ev.summary["pass_rate"], 4),
            "refused_answerable": ev.summary["refused_answerable"],
            "evidence_cited": round(cited / max(1, len(ev.cases)), 4),
            "citation_validity": means["citation_validity"]["mean"],
            "hit@k": round(means["hit@k"]["mean"] or 0.0, 4),
            "latency_p50_ms": round(ev.summary["latency_ms"]["p50"] or 0.0, 1),
            "n": ev.summary["n"],
        }
        if nulls:
            nv = run_eval(nulls, lambda q, h, e=engine: e.ask(q, h), article_text=engine.article_text,
                          article_meta=engine.article_meta)
            answer["null_refused"] = sum(1 for r in nv.cases if r.answer is not None and not r.answer.answered)
            answer["null_n"] = len(nv.cases)
            answer["null_refusal_rate"] = round(answer["null_refused"] / max(1, len(nv.cases)), 4)
        took = time.perf_counter() - t
        print(f"[{tag}] answers ({took:.0f}s): contained {answer['answer_contained']:.4f}  "
              f"F1 {answer['answer_f1']:.4f}  pass {answer['pass_rate']:.4f}  "
              f"refused {answer['refused_answerable']}/{answer['n']}  "
              f"evidence cited {answer['evidence_cited']:.4f}  p50 {answer['latency_p50_ms']} ms")
        if nulls:
            print(f"[{tag}] null queries: refused {answer['null_refused']}/{answer['null_n']} "
                  f"({answer['null_refusal_rate']:.4f})")
        rows.append({"chunking": tag, "chunk_size": size, "chunk_overlap": overlap, "embed_title": title,
                     "chunks": report.chunks, **retrieval, "answer": answer})

    print("\nchunking            chunks  hyb H@4  H@10   MRR    MAP | dense H@10 MRR | bm25 H@10 MRR | "
          "contained  F1")
    for r in rows:
        if "hybrid" not in r:
            continue
        h, d, b, a = r["hybrid"], r["dense"], r["bm25"], r["answer"]
        print(f"{r['chunking']:18s} {r['chunks']:6d}  {h['hits@4']:.3f}  {h['hits@10']:.3f}  "
              f"{h['mrr@10']:.3f}  {h['map@10']:.3f} | {d['hits@10']:.3f}  {d['mrr@10']:.3f} | "
              f"{b['hits@10']:.3f}  {b['mrr@10']:.3f} | {a['answer_contained']:.3f}  {a['answer_f1']:.3f}")
    c.last_line({"configs": rows, "queries": len(cases), "answer_queries": len(asked),
                 "machine": c.machine()})


if __name__ == "__main__":
    main()
