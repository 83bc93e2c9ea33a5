"""What quotation extraction costs at index time: milliseconds per article over the MultiHop-RAG corpus.

    .venv/bin/python bench/quotations.py [--corpus corpus.json] [--repeat 3]

Each article is loaded by the real loader; the peer measured in the same run is the sentence
layout alone (``index.text.sentences.layout``), which extraction runs first, so the ratio
extraction / layout holds across machine load. Caches are cleared before every pass. Best of
``--repeat`` passes. Last line: one JSON object. MultiHop-RAG (Tang & Yang, 2024), ODC-BY.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import _common as c

from index.loaders import load_file
from index.quotations import attribution, extract_quotations
from index.text import sentences


def _pass(texts: list[str], fn) -> float:
    sentences.layout.cache_clear()
    attribution._extract_cached.cache_clear()
    t = time.perf_counter()
    for text in texts:
        fn(text)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(c.CORPUS), help="MultiHop-RAG corpus.json")
    ap.add_argument("--repeat", type=int, default=3, help="passes; the best is reported")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    texts = [a.text for a in load_file(corpus, corpus.parent, 50_000_000).articles]
    layout_s = min(_pass(texts, sentences.layout) for _ in range(args.repeat))
    extract_s = min(_pass(texts, extract_quotations) for _ in range(args.repeat))
    found = sum(len(extract_quotations(t)) for t in texts)
    n = len(texts)
    ms = 1000 * extract_s / n
    print(f"{n} articles, {found} quotations; extraction {ms:.2f} ms/article "
          f"(layout alone {1000 * layout_s / n:.2f} ms/article, ratio {extract_s / layout_s:.1f})")
    c.last_line({"articles": n, "quotations": found, "ms_per_article": round(ms, 2),
                 "layout_ms_per_article": round(1000 * layout_s / n, 2),
                 "ratio_to_layout": round(extract_s / layout_s, 2), **c.machine()})


if __name__ == "__main__":
    main()
