"""Ingest throughput against the bare encoder, and the cost of an unchanged re-index.

Indexes the MultiHop-RAG corpus (609 articles) into a fresh home, encodes exactly the
texts the indexer embeds (``index.indexer.embed_text``, same groups and batch size) with
the bare encoder in the same run, then re-indexes the unchanged corpus. The encoder is
loaded and warmed (one batch) before either is timed. Figures are ratios against the
floor measured in this run, because the machine is shared and noisy. Use a new ``--home``:
the content-addressed vectors survive ``--rebuild``, so a home that already embedded the
corpus indexes it again with nothing encoded.

    .venv/bin/python bench/ingest.py [--home DIR] [--corpus corpus.json]

Last line: one JSON object. MultiHop-RAG (Tang & Yang, 2024), ODC-BY.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import _common as c

from assistant.engine import Engine
from index import indexer
from index.chunking import chunk_text
from index.loaders import discover, load_file


def indexer_texts(corpus: Path, settings) -> list[list[str]]:
    """The embedded texts grouped exactly as the indexer encodes them: one call per group of articles."""
    root, files = discover(corpus)
    articles = [a for f in files for a in load_file(f, root, settings.max_file_bytes).articles]
    batches: list[list[str]] = []
    for g in range(0, len(articles), indexer.GROUP):
        batches.append([
            indexer.embed_text(a, ch.text, settings.embed_title)
            for a in articles[g : g + indexer.GROUP]
            for ch in chunk_text(a.text, settings.chunk_size, settings.chunk_overlap)
        ])
    return batches


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    c.add_data_args(ap, queries=False)
    ap.add_argument("--chunk-size", type=int, default=None)
    ap.add_argument("--chunk-overlap", type=int, default=None)
    ap.add_argument("--no-title", action="store_true", help="embed chunks without the title prefix")
    args = ap.parse_args()

    home = args.home or c.default_home("ingest")
    settings = c.make_settings(home, args.chunk_size, args.chunk_overlap, False if args.no_title else None)
    engine = Engine(settings)
    corpus = Path(args.corpus)
    print(f"machine: {c.machine()}")
    print(f"chunking: {c.chunking_tag(settings)}  home: {settings.home}")

    batches = indexer_texts(corpus, settings)
    n_texts = sum(len(b) for b in batches)
    t = time.perf_counter()
    encoder = engine.encoder
    encoder.embed_documents(batches[0])  # load + one batch: counted in neither figure
    print(f"encoder load + warm batch: {time.perf_counter() - t:.1f}s")

    cpu = time.process_time()
    enc_s, _ = c.timed(lambda: [encoder.embed_documents(b) for b in batches])
    enc_cpu = time.process_time() - cpu
    print(f"bare encoder: {n_texts} texts in {enc_s:.1f}s = {n_texts / enc_s:.1f}/s")

    before = encoder.texts_encoded
    cpu = time.process_time()
    idx_s, report = c.timed(lambda: engine.index([corpus], rebuild=True))
    idx_cpu = time.process_time() - cpu
    encoded = encoder.texts_encoded - before
    print(f"index: {report.articles} articles, {report.chunks} chunks ({encoded} encoded) in {idx_s:.1f}s "
          f"= {report.chunks / idx_s:.1f}/s; rejected {len(report.rejected)}")

    before = encoder.texts_encoded
    re_s, again = c.timed(lambda: engine.index([corpus]))
    reencoded = encoder.texts_encoded - before
    print(f"unchanged re-index: {re_s:.2f}s, skipped {again.skipped}, encoded {reencoded}")

    ratio = (report.chunks / idx_s) / (n_texts / enc_s)
    # CPU seconds of this process (all threads) are far less disturbed by other users of a shared machine.
    ratio_cpu = (report.chunks / idx_cpu) / (n_texts / enc_cpu)
    fraction = re_s / idx_s
    print(f"ratio vs encoder: {ratio:.3f} wall, {ratio_cpu:.3f} CPU time (goal >= 0.90); "
          f"re-index fraction: {fraction:.4f} (goal <= 0.02)")
    c.last_line({
        "chunks": report.chunks, "chunks_per_s": round(report.chunks / idx_s, 2),
        "encoder_chunks_per_s": round(n_texts / enc_s, 2), "ratio_vs_encoder": round(ratio, 4),
        "reindex_unchanged_fraction": round(fraction, 5), "articles": report.articles,
        "seconds": round(idx_s, 2), "encoder_seconds": round(enc_s, 2), "reindex_seconds": round(re_s, 3),
        "encoded_texts": n_texts,
        "ratio_vs_encoder_cpu": round(ratio_cpu, 4), "cpu_seconds": round(idx_cpu, 2),
        "encoder_cpu_seconds": round(enc_cpu, 2),
        "chunking": c.chunking_tag(settings), "machine": c.machine(),
    })


if __name__ == "__main__":
    main()
