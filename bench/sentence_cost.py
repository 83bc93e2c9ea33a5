"""What the sentence vectors of the rerank cost at index time: encoder time and disk.

Indexes the MultiHop-RAG corpus (609 articles) into a fresh data home with the real encoder,
timing the whole run and, inside it, the sentence step (``index.sentence_vectors.with_sentences``,
wall and process CPU time), so the share is measured in the same run on the same machine.
Then the disk: each Chroma collection's vector segment, the SQLite file, the BM25 folder.
Finally an unchanged re-index, which must encode nothing.

    .venv/bin/python bench/sentence_cost.py [--home DIR] [--corpus corpus.json]

Last line: one JSON object. MultiHop-RAG (Tang & Yang, 2024), ODC-BY.
"""

from __future__ import annotations

import argparse
import sqlite3
import time
from pathlib import Path

import _common as c

from assistant.engine import Engine
from index import indexer


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else path.stat().st_size


def disk(home: Path) -> dict[str, float]:
    """MB per Chroma collection (its vector segment folder), the SQLite file, BM25, and the whole home."""
    chroma = home / "chroma"
    with sqlite3.connect(chroma / "chroma.sqlite3") as db:
        rows = db.execute("select s.id, c.name from segments s join collections c on s.collection = c.id "
                          "where s.scope = 'VECTOR'").fetchall()
    mb = 1024 * 1024
    out = {f"segment_{name}_mb": round(size(chroma / sid) / mb, 1) for sid, name in rows if (chroma / sid).exists()}
    out["sqlite_mb"] = round(size(chroma / "chroma.sqlite3") / mb, 1)
    out["lexical_mb"] = round(size(home / "lexical") / mb, 1) if (home / "lexical").exists() else 0.0
    out["home_mb"] = round(size(home) / mb, 1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    c.add_data_args(ap, queries=False)
    args = ap.parse_args()
    settings = c.make_settings(args.home or c.default_home("sentences"))
    engine = Engine(settings)
    print(f"machine: {c.machine()}  home: {settings.home}")
    engine.encoder.embed_documents(["warm up"])

    spent = {"wall": 0.0, "cpu": 0.0}
    with_sentences = indexer.with_sentences

    def timed(store, texts, metas, *rest):
        w, p = time.perf_counter(), time.process_time()
        try:
            return with_sentences(store, texts, metas, *rest)
        finally:
            spent["wall"] += time.perf_counter() - w
            spent["cpu"] += time.process_time() - p

    indexer.with_sentences = timed
    w, p = time.perf_counter(), time.process_time()
    report = engine.index([Path(args.corpus)])
    wall, cpu = time.perf_counter() - w, time.process_time() - p
    indexer.with_sentences = with_sentences
    print(f"index: {report.articles} articles, {report.chunks} chunks; encoded {report.encoded} texts and "
          f"{report.encoded_sentences} sentences in {wall:.0f}s wall / {cpu:.0f}s CPU")
    print(f"  of which sentences: {spent['wall']:.0f}s wall ({spent['wall'] / wall:.0%}), "
          f"{spent['cpu']:.0f}s CPU ({spent['cpu'] / cpu:.0%})")
    sizes = disk(Path(settings.home))
    print(f"disk: {sizes}")
    again = engine.index([Path(args.corpus)])
    print(f"unchanged re-index: encoded {again.encoded} texts")
    c.last_line({
        "articles": report.articles, "chunks": report.chunks, "encoded_chunks": report.encoded,
        "encoded_sentences": report.encoded_sentences, "index_wall_s": round(wall, 1), "index_cpu_s": round(cpu, 1),
        "sentences_wall_s": round(spent["wall"], 1), "sentences_cpu_s": round(spent["cpu"], 1),
        "sentences_share_wall": round(spent["wall"] / wall, 3), "sentences_share_cpu": round(spent["cpu"] / cpu, 3),
        "disk": sizes, "reindex_encoded": again.encoded + again.encoded_sentences, "machine": c.machine(),
    })


if __name__ == "__main__":
    main()
