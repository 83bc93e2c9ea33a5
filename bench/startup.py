"""Cold start: fresh-process wall time of the CLI commands beside ``python -c "import chromadb"``.

Each round runs, each in a new process and in a rotating order: the floor (``import
chromadb``: every command opens Chroma), ``assistant articles --json``, an unchanged
``assistant index DATA --json``, ``assistant search QUERY --json`` (hybrid: embeds the
query) and ``assistant ask QUESTION --json``. Figures are medians over the rounds, and
ratios against the floor of the same run (the machine is shared and noisy).

The home must already index DATA (e.g. a copy of the MultiHop-RAG home); without
``--home`` one is built first with the real encoder (minutes). One untimed unchanged
index run first brings a home made by an older version up to date.

    .venv/bin/python bench/startup.py [--home DIR --data FOLDER] [--rounds 5]

Goals: articles and unchanged index <= 2x floor, ask <= 4x floor.
Last line: one JSON object. MultiHop-RAG (Tang & Yang, 2024), ODC-BY.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import _common as c

QUESTION = "What did the Federal Reserve say about interest rates?"


def run(argv: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    out = subprocess.run(argv, env=env, capture_output=True, text=True, cwd=c.ROOT)
    took = time.perf_counter() - t
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({out.returncode}): {out.stderr.strip()[-500:]}")
    return took


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", default=None, help="a data home that indexes --data (default: build one)")
    ap.add_argument("--data", default=None, help="the folder the home indexes (default: the MultiHop corpus)")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--question", default=QUESTION)
    args = ap.parse_args()

    py = sys.executable
    assistant = str(Path(py).parent / "assistant")
    home = args.home or c.default_home("startup")
    data = args.data
    if data is None:
        data = str(Path(home) / "data")
        Path(data).mkdir(parents=True, exist_ok=True)
        shutil.copy(c.CORPUS, Path(data) / "corpus.json")
    env = {**os.environ, "ASSISTANT_HOME": home, "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False",
           "PYTHONDONTWRITEBYTECODE": "0"}
    print(f"machine: {c.machine()}")
    t = time.perf_counter()
    warm = subprocess.run([assistant, "index", data, "--json"], env=env, capture_output=True, text=True)
    if warm.returncode != 0:
        raise SystemExit(f"index failed: {warm.stderr.strip()[-500:]}")
    report = json.loads(warm.stdout)
    print(f"home {home}: {report['articles']} articles, {report['chunks']} chunks "
          f"(first run {time.perf_counter() - t:.1f}s, {report['encoded']} encoded)")

    commands = {
        "floor": [py, "-c", "import chromadb"],
        "articles": [assistant, "articles", "--json"],
        "index_unchanged": [assistant, "index", data, "--json"],
        "search": [assistant, "search", args.question, "--json"],
        "ask": [assistant, "ask", args.question, "--json"],
    }
    times: dict[str, list[float]] = {k: [] for k in commands}
    names = list(commands)
    for r in range(args.rounds):
        order = names[r % len(names):] + names[: r % len(names)]
        for name in order:
            times[name].append(run(commands[name], env))
        print(f"round {r + 1}: " + ", ".join(f"{n} {times[n][-1]:.2f}s" for n in names), flush=True)

    med = {n: statistics.median(v) for n, v in times.items()}
    floor = med["floor"]
    goals = {"articles": 2.0, "index_unchanged": 2.0, "ask": 4.0}
    for n in names[1:]:
        goal = f" (goal <= {goals[n]:.0f}x)" if n in goals else ""
        print(f"{n:16s} median {med[n]:.2f}s = {med[n] / floor:.2f}x floor{goal}")
    print(f"floor (import chromadb) median {floor:.2f}s; load average {os.getloadavg()}")
    c.last_line({"floor_s": round(floor, 3), **{f"{n}_s": round(med[n], 3) for n in names[1:]},
                 "ratios": {n: round(med[n] / floor, 3) for n in names[1:]}, "rounds": args.rounds,
                 "chunks": report["chunks"], "machine": c.machine()})


if __name__ == "__main__":
    main()
