"""The same speaker question asked the ways readers type it: does the answer hold when the wording changes?

Every ``dev`` case of ``tests/data/news_fresh.jsonl`` and ``tests/data/news_eval.jsonl`` written as "What did X
say about Y?" (no history) is asked as written and in ten other phrasings ("X on Y?", "Give me X's exact words
on Y.", "Did X comment on Y?", "what did x say about y" ...), with the case's own expectations, through
``assistant eval`` on ``--home`` (an index of the seed and the 609 MultiHop-RAG articles). For each phrasing it
reports how many pass among the cases whose original wording passes. Holdout cases are never rephrased here.

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
]


def variants(rows: list[dict]) -> list[dict]:
    out = []
    for r in rows:
        m = ASKED.match(r["question"])
        if r.get("split") != "dev" or r.get("history") or not m:
            continue
        x, y = m.group("x"), m.group("y")
        xs = x + ("'" if x.endswith("s") else "'s")
        out.append({**r, "id": f"{r['id']}~orig"})
        for k, form in enumerate(PHRASINGS):
            out.append({**r, "id": f"{r['id']}~{k}", "question": form.format(x=x, y=y, xs=xs)})
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
    base = {i.split("~")[0] for i, ok in passed.items() if i.endswith("~orig") and ok}
    total = len({i.split("~")[0] for i in passed})
    print(f"machine: {c.machine()}")
    print(f"{total} dev speaker questions, {len(base)} pass as written")
    by_form = {}
    for k, form in enumerate(PHRASINGS):
        ok = sum(1 for b in base if passed.get(f"{b}~{k}"))
        by_form[form] = ok
        print(f"  {ok:3d} / {len(base)}  {form}")
    kept = sum(by_form.values())
    print(json.dumps({"questions": total, "pass_as_written": len(base), "phrasings": len(PHRASINGS),
                      "variants_passing": kept, "share": round(kept / (len(base) * len(PHRASINGS)), 3) if base else 0,
                      "by_form": by_form}))


if __name__ == "__main__":
    main()
