"""The dense side alone: which chunks and which embedded text rank MultiHop-RAG evidence best.

For each configuration the 609 articles are chunked, each chunk's embedded text is made
(the chunk itself, or with context in front), embedded through the content-addressed
vector cache (``index.vectors``; a re-run or a configuration sharing texts costs nothing)
and ranked by exact cosine against the 887 complete queries (brute force: no ANN error).
Scored by the official rules on two halves of the queries (even / odd positions), so a
choice made on one half can be checked on the other.

Configurations: ``SIZE/OVERLAP`` (our sentence chunker), with flags ``/min1`` (at least
one whole sentence of overlap) and ``/para`` (end chunks at paragraph breaks), ``tutorial``
(RecursiveCharacterTextSplitter 1000/200, as the LangChain RAG tutorial), each optionally
with context in front of the embedded text (never in the stored text): ``+source`` (outlet
and date), ``+title``, ``+meta`` (title, then outlet and date). ``--query-prefix`` puts a
text in front of every query (e.g. ``"query: "``).

    .venv/bin/python bench/dense.py [--home DIR] [--configs 1000/150,1000/150/min1,tutorial] [--query-prefix P]

``SIZE/OVERLAP`` without ``/min1`` is the chunker before sent-v2 (no forced overlap).

Last line: one JSON object. MultiHop-RAG (Tang & Yang, 2024), ODC-BY.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import _common as c
import numpy as np

from index.chunking import chunk_text
from index.embeddings import get_encoder
from index.loaders import discover, load_file
from index.vectors import VectorCache

MODEL = "all-MiniLM-L6-v2"


def load_articles(corpus: Path):
    root, files = discover(corpus)
    return [a for f in files for a in load_file(f, root, 20 * 2**20).articles]


def tutorial_chunks(text: str) -> list[str]:
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    return RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200).split_text(text)


def context_line(a, context: str) -> str:
    """The line put in front of an embedded chunk for a ``+context`` flag ("" for none)."""
    outlet_date = ", ".join(x for x in (a.source, a.published[:10]) if x)
    parts = {"": [], "source": [outlet_date], "title": [a.title], "meta": [a.title, outlet_date]}[context]
    line = "\n".join(p for p in parts if p)
    return f"{line}\n" if line else ""


def chunks_for(config: str, articles) -> tuple[list[str], list[str]]:
    """(chunk texts as stored, texts as embedded) for every article."""
    base, _, context = config.partition("+")
    stored, embedded = [], []
    for a in articles:
        if base == "tutorial":
            pieces = tutorial_chunks(a.text)
        else:
            size, overlap, *flags = base.split("/")
            pieces = [ch.text for ch in chunk_text(a.text, int(size), int(overlap),
                                                   min_overlap_sentences="min1" in flags, paragraphs="para" in flags)]

        front = context_line(a, context)
        stored.extend(pieces)
        embedded.extend(front + p for p in pieces)
    return stored, embedded


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    c.add_data_args(ap)
    ap.add_argument("--configs", default="1000/150/min1,1000/150/min1+source,1000/150/min1+meta,tutorial")
    ap.add_argument("--query-prefix", default="", help="text put in front of every query before embedding")
    args = ap.parse_args()
    home = Path(args.home or c.default_home("dense"))
    print(f"machine: {c.machine()}  home: {home}")

    import chromadb
    from chromadb.config import Settings as ChromaSettings

    client = chromadb.PersistentClient(path=str(home / "chroma"), settings=ChromaSettings(anonymized_telemetry=False))
    encoder = get_encoder(MODEL)
    cache = VectorCache(client.get_or_create_collection("vectors", configuration={"hnsw": {"space": "cosine"}}),
                        encoder.key, encoder.dimension, encoder.embed_documents)
    articles = load_articles(Path(args.corpus))
    queries = c.complete_queries(Path(args.queries), Path(args.complete))
    qvec = cache.embed([args.query_prefix + q["query"] for q in queries]).vectors
    facts = [c.facts_of(q) for q in queries]

    rows = []
    for config in args.configs.split(","):
        stored, embedded = chunks_for(config, articles)
        t = time.perf_counter()
        got = cache.embed(embedded)
        took = time.perf_counter() - t
        top = np.argsort(-(qvec @ got.vectors.T), axis=1)[:, :10]
        halves = {}
        for name, part in (("even", range(0, len(queries), 2)), ("odd", range(1, len(queries), 2)),
                           ("all", range(len(queries)))):
            halves[name] = c.official_scores([(facts[i], [stored[j] for j in top[i]]) for i in part], 10)
        chars = sum(len(s) for s in stored) / len(stored)
        rows.append({"config": config, "chunks": len(stored), "mean_chars": round(chars), "encoded": got.encoded,
                     **halves})
        a, e, o = halves["all"], halves["even"], halves["odd"]
        print(f"{config:24s} {len(stored):5d} chunks ({chars:.0f} chars, {got.encoded} encoded in {took:.0f}s): "
              f"Hits@10 {a['hits@10']:.4f} MRR@10 {a['mrr@10']:.4f} (even {e['mrr@10']:.4f}, odd {o['mrr@10']:.4f})",
              flush=True)
    c.last_line({"configs": rows, "queries": len(queries), "query_prefix": args.query_prefix, "machine": c.machine()})


if __name__ == "__main__":
    main()
