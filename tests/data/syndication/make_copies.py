"""Write ``copies.jsonl``: synthetic syndicated copies of MultiHop-RAG articles.

Each copy is one base article as another outlet would run it: the same story with different
furniture (byline, dateline, "Advertisement" breaks, related links, share bars, footers, a
newsletter box) and light edits (a new headline, style changes such as "percent" -> "%",
a sentence or the last paragraph dropped, a short editor's note). Bases are drawn at random,
half from each split of ``tests/data/README.md`` (holdout when sha256(title) is odd), 2-4
copies each. Deterministic: run it again and the file is the same.

    .venv/bin/python tests/data/syndication/make_copies.py
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "multihop-rag" / "corpus.json"
OUT = HERE / "copies.jsonl"
BASES_PER_SPLIT = 8

OUTLETS = [
    ("AP News", "apnews.com"), ("Yahoo News", "news.yahoo.com"), ("ABC News", "abcnews.go.com"),
    ("MSN", "www.msn.com"), ("U.S. News & World Report", "www.usnews.com"), ("SFGate", "www.sfgate.com"),
    ("The Seattle Times", "www.seattletimes.com"), ("Star Tribune", "www.startribune.com"),
    ("Houston Chronicle", "www.houstonchronicle.com"), ("The Independent", "www.independent.co.uk"),
    ("Boston Globe", "www.bostonglobe.com"), ("Times Union", "www.timesunion.com"),
]
CITIES = ["NEW YORK", "WASHINGTON", "LONDON", "LOS ANGELES", "SAN FRANCISCO", "CHICAGO"]
STYLE = [  # light copy-desk edits: (pattern, replacement)
    (r"\bpercent\b", "%"), (r"\bU\.S\.", "US"), (r"\bsaid\b", "says"), (r"\bMr\. ", ""), (r"\bOK\b", "okay"),
    (r"\btoward\b", "towards"), (r"\bcolor\b", "colour"), (r"\bSept\.", "September"), (r"\bDec\.", "December"),
]


def split_of(title: str) -> str:
    return "holdout" if int(hashlib.sha256(title.encode()).hexdigest(), 16) % 2 == 1 else "dev"


def furniture(rng: random.Random, outlet: str, author: str) -> tuple[list[str], list[str], list[str]]:
    """Header lines, in-body lines, footer lines of one outlet's page."""
    header = rng.choice([
        [f"By {author or 'Staff'} | {outlet}"],
        [f"{outlet} | Updated {rng.randint(1, 12)}:{rng.randint(10, 59)} PM", "Share this article"],
        ["Facebook Twitter Email Print", f"By {author or 'The Associated Press'}"],
    ])
    inline = rng.sample(["Advertisement", "Story continues below advertisement", "ADVERTISEMENT",
                         "RELATED: More coverage from our newsroom", "Read more: Today's top stories"], 2)
    footer = rng.choice([
        ["Copyright 2023 The Associated Press. All rights reserved. This material may not be published, "
         "broadcast, rewritten or redistributed without permission."],
        [f"Sign up for the {outlet} morning newsletter.", "Get the day's news in your inbox."],
        [f"This story was originally published on {outlet}.", "Share Tweet Email"],
        ["Comments", "Recommended stories", "More from our partners"],
    ])
    return header, inline, footer


def edit(rng: random.Random, paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Light edits; returns the edited paragraphs and what was done."""
    done: list[str] = []
    paras = list(paragraphs)
    for pattern, repl in rng.sample(STYLE, 3):
        changed = [re.sub(pattern, repl, p, count=2) for p in paras]
        if changed != paras:
            paras, done = changed, [*done, f"style {pattern}->{repl}"]
    if len(paras) > 6 and rng.random() < 0.5:
        paras = paras[:-1]
        done.append("dropped the last paragraph")
    long = [i for i, p in enumerate(paras) if p.count(". ") >= 2]
    if long and rng.random() < 0.6:
        i = rng.choice(long)
        sentences = paras[i].split(". ")
        del sentences[rng.randrange(len(sentences))]
        paras[i] = ". ".join(sentences)
        done.append("dropped a sentence")
    if rng.random() < 0.3:
        paras.append("Editor's note: This story has been updated with additional details.")
        done.append("editor's note")
    return paras, done


def make_copy(rng: random.Random, base: dict, outlet: str, host: str, n: int) -> dict:
    paras = [p.strip() for p in base["body"].split("\n") if p.strip()]
    author = "" if base["author"] in (None, "None") else base["author"]
    paras, edits = edit(rng, paras)
    header, inline, footer = furniture(rng, outlet, author)
    if rng.random() < 0.5:
        paras[0] = f"{rng.choice(CITIES)} ({outlet.split()[0]}) \u2014 {paras[0]}"
        edits.append("dateline")
    body: list[str] = [*header]
    for i, p in enumerate(paras):
        body.append(p)
        if i in (2, 6):
            body.append(inline[0 if i == 2 else 1])
    body.extend(footer)
    title = base["title"]
    title = rng.choice([title, f"{title} | {outlet}", title.upper() if len(title) < 60 else title,
                        re.sub(r"\s*[:|-].*$", "", title) or title])
    slug = re.sub(r"[^a-z0-9]+", "-", base["title"].lower()).strip("-")[:50]
    return {
        "id": f"copy-{base['doc_index']}-{n}", "copy_of": base["doc_index"], "split": split_of(base["title"]),
        "title": title, "source": outlet, "url": f"https://{host}/article/{slug}-{n}",
        "published_at": base["published_at"], "author": author, "body": "\n\n".join(body), "edits": edits,
    }


def main() -> None:
    corpus = json.loads(CORPUS.read_text(encoding="utf-8"))
    rng = random.Random(20231012)
    bases = {"dev": [], "holdout": []}
    for doc in rng.sample(corpus, len(corpus)):
        split = split_of(doc["title"])
        if len(bases[split]) < BASES_PER_SPLIT:
            bases[split].append(doc)
    rows = []
    for split in ("dev", "holdout"):
        for base in bases[split]:
            for n, (outlet, host) in enumerate(rng.sample(OUTLETS, rng.randint(2, 4)), start=1):
                rows.append(make_copy(rng, base, outlet, host, n))
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} copies of {sum(len(b) for b in bases.values())} articles -> {OUT}")


if __name__ == "__main__":
    main()
