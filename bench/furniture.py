"""What the loaders' furniture rules remove from the MultiHop-RAG articles, by rule, with a sample to read.

    .venv/bin/python bench/furniture.py [--corpus corpus.json] [--sample 5]

Last line: one JSON object. MultiHop-RAG (Tang & Yang, 2024), ODC-BY.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter, defaultdict

import _common as c

from index.loaders.furniture import strip_furniture
from index.text import normalize_text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(c.CORPUS), help="MultiHop-RAG corpus.json")
    ap.add_argument("--sample", type=int, default=5, help="removed lines shown per rule")
    args = ap.parse_args()
    records = json.loads(open(args.corpus, encoding="utf-8").read())
    rules: Counter = Counter()
    lines: dict[str, list[str]] = defaultdict(list)
    touched = removed_chars = total_chars = 0
    for r in records:
        body = normalize_text(r.get("body") or "")
        text, removed = strip_furniture(body)
        total_chars += len(body)
        removed_chars += len(body) - len(text)
        touched += bool(removed)
        for item in removed:
            rules[item.rule] += 1
            lines[item.rule].append(item.line)
    rng = random.Random(7)
    for rule, n in rules.most_common():
        print(f"{rule}: {n} lines")
        for line in rng.sample(lines[rule], min(args.sample, len(lines[rule]))):
            print(f"    {line[:110]}")
    share = removed_chars / total_chars if total_chars else 0.0
    print(f"{sum(rules.values())} lines removed from {touched} of {len(records)} articles; "
          f"{removed_chars:,} of {total_chars:,} characters ({share:.1%})")
    c.last_line({"articles": len(records), "articles_touched": touched, "lines_removed": sum(rules.values()),
                 "chars_removed": removed_chars, "chars_total": total_chars, "by_rule": dict(rules)})


if __name__ == "__main__":
    main()
