"""At ~100k chunks: warm ask latency (plain and filtered), the first query after an index change, serve memory.

The large index is a copy of a real index (the MultiHop-RAG home: real chunks, real vectors)
plus synthetic articles made of real corpus sentences in shuffled order, chunked by the real
chunker, with real outlets and dates (so ``--source``/``--since`` filters select among them).
A synthetic chunk's vector behaves like a real one: the mean of the real vectors of the
chunks its sentences come from, plus small Gaussian noise, normalised (its sentence vectors: those
source vectors with noise, one per sentence start, for the sentence rerank); so synthetic chunks
compete in the dense ranking, in fusion and in the answerer like real ones do. The index is
built once per ``--home`` and reused.

Measured in one run: (1) warm in-process ``Engine.ask`` p50/p95 against the floor (embed the
query + one Chroma top-k), alternating per question; the same with an outlet filter and
with a date filter; (2) the first ``ask`` after an index change (a small article indexed in
this process) against a normal ``ask``; (3) ``assistant serve`` on the index: seconds until
the page answers, until the engine behind it is warm (the server says so), and its resident memory then.

    .venv/bin/python bench/scale.py --base HOME [--home DIR] [--chunks 100000] [--questions 50]

Goals: ask p50 < 50 ms and <= 3x floor; first query after a change <= 2x a normal one;
serve RSS < 1.5 GB and ready in <= 10 s. Last line: one JSON object.
MultiHop-RAG (Tang & Yang, 2024), ODC-BY.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path

import _common as c
import numpy as np
from query import copy_index, latency

from assistant.engine import Engine
from assistant.evaluation import metrics as m
from assistant.filters import Filters
from index import indexer
from index.articles import Article, published_timestamp
from index.chunking import chunk_text
from index.sentence_vectors import META_KEY, SENTENCES_VERSION, pack
from index.store import MAX_BATCH
from index.syndication.minhash import signature
from index.text.sentences import sentence_spans

NOISE = 0.02  # per-dimension standard deviation added to a synthetic vector before normalising


def real_sentences(store) -> tuple[list[str], list[int], np.ndarray, list[str]]:
    """Sentences of the real chunks, the row of the chunk each came from, the chunk vectors, the outlets."""
    texts, rows, vectors, sources = [], [], [], set()
    offset = 0
    while True:
        got = store.chunks.get(include=["embeddings", "documents", "metadatas"], limit=MAX_BATCH, offset=offset)
        for doc, vec, meta in zip(got["documents"], got["embeddings"], got["metadatas"]):
            row = len(vectors)
            vectors.append(vec)
            sources.add(meta.get("source", ""))
            for s in sentence_spans(doc):
                texts.append(doc[s.start : s.end])
                rows.append(row)
        if len(got["ids"]) < MAX_BATCH:
            break
        offset += MAX_BATCH
    return texts, rows, np.asarray(vectors, dtype=np.float32), sorted(sources - {""})


def add_synthetic(engine: Engine, n_chunks: int, seed: int = 7) -> int:
    store, settings = engine.store, engine.settings
    sentences, rows, vectors, outlets = real_sentences(store)
    rng, nrng = random.Random(seed), np.random.default_rng(seed)
    start = datetime(2023, 9, 1, tzinfo=UTC)
    arts, ids, texts, metas, vecs = [], [], [], [], []
    written, i = 0, 0

    def flush() -> None:
        nonlocal arts, ids, texts, metas, vecs
        if arts:
            store.upsert_articles([a.id for a, _ in arts], [a.text for a, _ in arts],
                                  [indexer._article_meta(a, n, True, signature(a.text)) for a, n in arts])
        if ids:
            store.upsert_chunks(ids, np.asarray(vecs, dtype=np.float32), texts, metas)
        arts, ids, texts, metas, vecs = [], [], [], [], []

    with store.write_lock():
        while written < n_chunks:
            parts, starts, picked, size = [], [], [], 0
            while size < 6000:
                k = rng.randrange(len(sentences))
                starts.append(size)
                picked.append(rows[k])
                sep = "\n\n" if rng.random() < 0.2 else " "
                parts.append(sentences[k] + sep)
                size += len(sentences[k]) + len(sep)
            text = "".join(parts).rstrip()
            day = start + timedelta(days=rng.randrange(120))
            a = Article(id=f"synthetic-{i:06d}", text=text, title=" ".join(rng.choice(sentences).split()[:9]),
                        source=rng.choice(outlets), published=day.date().isoformat(), path=f"synthetic/{i}")
            chunks = chunk_text(text, settings.chunk_size, settings.chunk_overlap)
            h = a.content_hash
            arts.append((a, len(chunks)))
            for ch in chunks:
                src = [picked[j] for j, s in enumerate(starts) if ch.start <= s < ch.end] or [picked[0]]
                v = vectors[src].mean(axis=0) + nrng.normal(0.0, NOISE, vectors.shape[1])
                vecs.append(v / np.linalg.norm(v))
                ids.append(f"{a.id}:{h[:12]}:{ch.index}")
                texts.append(ch.text)
                sent = vectors[src] + nrng.normal(0.0, NOISE, (len(src), vectors.shape[1]))
                metas.append({"article_id": a.id, "content_hash": h, "chunk_index": ch.index, "start": ch.start,
                              "end": ch.end, "title": a.title, "source": a.source, "url": "",
                              "published": a.published, "published_ts": published_timestamp(a.published),
                              META_KEY: pack(sent / np.linalg.norm(sent, axis=1, keepdims=True))})
            written += len(chunks)
            i += 1
            if len(ids) >= MAX_BATCH:
                flush()
        flush()
        store.bump_revision(sentences=SENTENCES_VERSION)
    return written


def first_after_change(engine: Engine, questions: list[str], rounds: int) -> dict:
    """Index a small article in this process, then time the next ask; beside a normal ask of the same question.
    The question is asked once before the change, so both asks find its articles' caches as a normal ask
    does: the ratio is what the index change costs, not a question asked for the first time."""
    firsts, normals, indexing = [], [], []
    folder = Path(tempfile.mkdtemp(prefix="scale-change-"))
    for r in range(rounds):
        (folder / "change.txt").write_text(f"Update {r}\nThe council said on day {r} that the harbour bridge "
                                           f"will reopen after repairs costing {r + 3} million dollars.\n")
        q = questions[r % len(questions)]
        engine.ask(q)
        t = time.perf_counter()
        engine.index([folder])  # the indexer also derives the next lexical generation (rows, sentence vectors)
        indexing.append(time.perf_counter() - t)
        t = time.perf_counter()
        engine.ask(q)
        firsts.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        engine.ask(q)
        normals.append((time.perf_counter() - t) * 1000)
    first, normal = statistics.median(firsts), statistics.median(normals)
    return {"first_ms": round(first, 1), "normal_ms": round(normal, 1), "ratio": round(first / normal, 3),
            "index_s": round(statistics.median(indexing), 2), "rounds": rounds}


def filtered(engine: Engine, questions: list[str], filters: Filters) -> dict:
    engine.ask(questions[0], filters=filters)
    took = []
    for q in questions:
        t = time.perf_counter()
        engine.ask(q, filters=filters)
        took.append((time.perf_counter() - t) * 1000)
    return {"p50_ms": round(m.percentile(took, 50), 1), "p95_ms": round(m.percentile(took, 95), 1)}


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def serve(home: str, timeout: float = 120.0) -> dict:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "ASSISTANT_HOME": home, "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1"}
    exe = str(Path(sys.executable).parent / "assistant")
    log = tempfile.TemporaryFile(mode="w+")
    t = time.perf_counter()
    proc = subprocess.Popen([exe, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=log)
    try:
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.perf_counter() - t > timeout:
                raise SystemExit("assistant serve did not come up")
            time.sleep(0.1)
        ready = time.perf_counter() - t
        while True:  # the engine warms up behind the served page: the index, the encoder, the examples
            log.seek(0)
            if "warmed up" in log.read() or proc.poll() is not None or time.perf_counter() - t > timeout:
                break
            time.sleep(0.1)
        warm = time.perf_counter() - t
        return {"ready_s": round(ready, 2), "warm_s": round(warm, 2), "rss_mib": round(rss_mib(proc.pid), 1)}
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    c.add_data_args(ap)
    ap.add_argument("--base", required=True, help="a real index to start from (e.g. a copy of the MultiHop home)")
    ap.add_argument("--chunks", type=int, default=100_000, help="total chunks of the large index")
    ap.add_argument("--questions", type=int, default=50)
    ap.add_argument("--change-rounds", type=int, default=5)
    args = ap.parse_args()
    home = args.home or c.default_home("scale")
    print(f"machine: {c.machine()}  home: {home}")
    base = Engine(c.Settings(home=args.base))
    engine = Engine(c.Settings(home=home))
    have = engine.store.chunk_count()
    if have < args.chunks:
        t = time.perf_counter()
        engine.store.reset()
        copy_index(base, engine)
        n = add_synthetic(engine, args.chunks - base.store.chunk_count())
        print(f"built: copied {base.store.chunk_count()} real chunks, wrote {n} synthetic ones "
              f"in {time.perf_counter() - t:.0f}s", flush=True)
    with engine.store.write_lock():  # stamp the bench index with this code's chunker, so indexing into it works
        engine.store.bump_revision()
    t = time.perf_counter()
    engine.search("warm up", k=1, mode="bm25")
    print(f"{engine.store.chunk_count()} chunks; BM25 ready in {time.perf_counter() - t:.1f}s", flush=True)

    questions = [q["query"] for q in c.spread(c.complete_queries(Path(args.queries), Path(args.complete)),
                                              args.questions)]
    plain = latency(engine, questions)
    print(f"ask p50 {plain['p50_ms']} ms, p95 {plain['p95_ms']} ms; floor p50 {plain['floor_p50_ms']} ms -> "
          f"{plain['ratio_p50_vs_floor']}x (goals < 50 ms, <= 3x); steps {plain['steps_p50_ms']}", flush=True)
    outlet = engine.sources()[0]
    by_outlet = filtered(engine, questions, Filters(sources=(outlet,)))
    by_date = filtered(engine, questions, Filters(since="2023-11-01"))
    print(f"filtered: --source {outlet!r} p50 {by_outlet['p50_ms']} ms; --since 2023-11-01 p50 "
          f"{by_date['p50_ms']} ms", flush=True)
    change = first_after_change(engine, questions, args.change_rounds)
    print(f"first ask after an index change {change['first_ms']} ms vs {change['normal_ms']} ms = "
          f"{change['ratio']}x (goal <= 2); indexing the change took {change['index_s']} s", flush=True)
    served = serve(home)
    print(f"assistant serve: page ready in {served['ready_s']} s, engine warm at {served['warm_s']} s, RSS then "
          f"{served['rss_mib']} MiB (goals <= 10 s, < 1536 MiB); load {os.getloadavg()}")
    c.last_line({"chunks": plain["chunks"], "ask": {k: plain[k] for k in ("p50_ms", "p95_ms", "floor_p50_ms",
                                                                          "ratio_p50_vs_floor")},
                 "steps_p50_ms": plain["steps_p50_ms"], "filtered": {"source": by_outlet, "since": by_date},
                 "first_after_change": change, "serve": served, "machine": c.machine()})


if __name__ == "__main__":
    main()
