"""The same question asked the ways readers type it: does the answer hold when the wording changes?

Every ``dev`` case of ``tests/data/news_fresh.jsonl`` and ``tests/data/news_eval.jsonl`` written as "What did X
say about Y?" (no history) is asked as written and in fifteen other phrasings ("X on Y?", "Give me X's exact words
on Y.", "Did X comment on Y?", all in lower case ...); every other ``dev`` case without history (facts,
unanswerable ones) is asked as written and inside fifteen ways of asking ("Quick question: ...", "Can you tell me
...", "According to the articles, ...", "..., please?", lower case without "?", all in capitals, "... Short answer
please."). Each
variant keeps the case's own expectations and goes through ``assistant eval`` on ``--home`` (an index of the
seed and the 609 MultiHop-RAG articles); for each phrasing the bench reports how many pass among the cases whose
original wording passes.
Holdout cases are never rephrased here.

    .venv/bin/python bench/phrasings.py --home DIR

Last line: one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import _common as c

ROOT = Path(__file__).resolve().parent.parent
DATA = [ROOT / "tests" / "data" / "news_fresh.jsonl", ROOT / "tests" / "data" / "news_eval.jsonl"]
ASKED = re.compile(r"^What did (?P<x>.+?) say about (?P<y>.+?)\?$")
PHRASINGS = [
    "{x} on {y}?",
    "what did {x} say about {y}",
    "Give me {xs} exact words on {y}.",
    "Did {x} comment on {y}?",
    "Quote {x} on {y}.",
    "What's {xs} view of {y}?",
    "{xs} comments about {y}",
    "Any quotes from {x} about {y}?",
    "How did {x} respond regarding {y}?",
    "In {xs} words, what about {y}?",
    "what did {xl} say about {yl}?",
    "{xs} reaction to {y}?",
    "What has {x} been saying about {y}?",
    "What quotes are there from {x} about {y}?",
    "What did {x} say about {y} in the article?",
]


WRAPPERS = [
    ("lower case, no question mark", lambda q: q[0].lower() + q[1:].rstrip("?")),
    ("Do you know ...", lambda q: "Do you know " + q[0].lower() + q[1:]),
    ("Quick question: ...", lambda q: "Quick question: " + q),
    ("According to the articles, ...", lambda q: "According to the articles, " + q[0].lower() + q[1:]),
    ("Can you tell me ...", lambda q: "Can you tell me " + q[0].lower() + q[1:]),
    ("..., please?", lambda q: q.rstrip("?") + ", please?"),
    ("I'd like to know: ...", lambda q: "I'd like to know: " + q),
    ("all in lower case", lambda q: q.lower()),
    ("Hey, ...", lambda q: "Hey, " + q[0].lower() + q[1:]),
    ("... Please cite the article.", lambda q: q + " Please cite the article."),
    ("Could you check: ...", lambda q: "Could you check: " + q[0].lower() + q[1:]),
    ("ALL IN CAPITALS", lambda q: q.upper()),
    ("From what you've indexed, ...", lambda q: "From what you've indexed, " + q[0].lower() + q[1:]),
    ("... Short answer please.", lambda q: q + " Short answer please."),
    ("Search the articles: ...", lambda q: "Search the articles: " + q),
]


def variants(rows: list[dict]) -> list[dict]:
    out = []
    for r in rows:
        m = ASKED.match(r["question"])
        if r.get("split") != "dev" or r.get("history"):
            continue
        if not m:
            out.append({**r, "id": f"{r['id']}~orig"})
            out.extend({**r, "id": f"{r['id']}~w{k}", "question": wrap(r["question"])}
                       for k, (_name, wrap) in enumerate(WRAPPERS))
            continue
        x, y = m.group("x"), m.group("y")
        xs = x + ("'" if x.endswith("s") else "'s")
        out.append({**r, "id": f"{r['id']}~orig"})
        for k, form in enumerate(PHRASINGS):
            out.append({**r, "id": f"{r['id']}~{k}",
                        "question": form.format(x=x, y=y, xs=xs, xl=x.lower(), yl=y.lower())})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", required=True, help="data home holding the indexed seed and MultiHop articles")
    args = ap.parse_args()
    rows = [json.loads(line) for path in DATA for line in path.open(encoding="utf-8") if line.strip()]
    cases = variants(rows)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "phrasings.jsonl"
        path.write_text("".join(json.dumps(v, ensure_ascii=False) + "\n" for v in cases), encoding="utf-8")
        env = {**os.environ, "ASSISTANT_HOME": args.home, "HF_HUB_OFFLINE": "1"}
        run = subprocess.run([sys.executable, "-m", "assistant", "eval", str(path), "--json"], env=env,
                             capture_output=True, text=True, check=False, cwd=ROOT)
    if run.returncode not in (0, 1):
        sys.exit(f"assistant eval failed: {run.stderr.strip().splitlines()[-1:] or run.returncode}")
    passed = {r["id"]: r["passed"] for r in json.loads(run.stdout)["cases"]}
    print(f"machine: {c.machine()}")
    summary = {}
    for part, forms, tag in (("speaker", PHRASINGS, ""), ("other", [n for n, _ in WRAPPERS], "w")):
        ids = {i.split("~")[0] for i in passed if f"{i.split('~')[0]}~{tag}0" in passed}
        base = {b for b in ids if passed.get(f"{b}~orig")}
        print(f"{len(ids)} dev {part} questions, {len(base)} pass as written")
        by_form = {}
        for k, form in enumerate(forms):
            by_form[form] = sum(1 for b in base if passed.get(f"{b}~{tag}{k}"))
            print(f"  {by_form[form]:3d} / {len(base)}  {form}")
        kept = sum(by_form.values())
        summary[part] = {"questions": len(ids), "pass_as_written": len(base), "variants_passing": kept,
                         "share": round(kept / (len(base) * len(forms)), 3) if base else 0, "by_form": by_form}
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
