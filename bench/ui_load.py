"""Load test of the web UI's chat endpoint: N concurrent gradio_client sessions for S seconds.

Without --url it serves the UI in-process on a free loopback port over --home (an
existing index, e.g. a copy of the prebuilt MultiHop one) or, without --home, over
corpus/ indexed into a temporary home (real encoder unless --encoder says otherwise).
Each session is its own ``Client`` (its own Gradio session) asking questions in a
loop the way the browser does: it sends back the conversation the previous answer
returned (so follow-ups carry history) and starts a new conversation every
--turns questions. Latency is measured per complete (streamed) answer. The last
line printed is JSON: requests, errors, p50_ms, p95_ms (and a few more fields). With an
in-process server it also times ``Engine.ask`` alone on the same questions first (the
floor: one answer, no HTTP, no queue) and reports the UI's p50 against it, with the
load average before and after.
"""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

import argparse  # noqa: E402
import json  # noqa: E402
import socket  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FALLBACK_QUESTIONS = ["What did the spokesperson say?", "Who said what about the meeting?",
                      "What was said about the war?"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    lo, hi = int(pos), min(int(pos) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def start_server(corpus: Path, encoder: str | None, home: str | None) -> tuple[str, list[str], object, object]:
    from assistant.engine import Engine
    from index.settings import Settings
    from ui.app import build_app, launch, warm_up
    from ui.handlers import Context
    from ui.handlers.chat import example_questions

    settings = Settings.load(home=home or tempfile.mkdtemp(prefix="ui-load-"), encoder=encoder)
    engine = Engine(settings)
    if not home:
        report = engine.index([corpus])
        print(f"indexed {report.articles} articles ({report.chunks} chunks) from {corpus.name}/", file=sys.stderr)
    warm_up(engine)
    print(f"serving {len(engine.articles())} articles", file=sys.stderr)
    demo = build_app(engine, testset_dirs=[])
    port = _free_port()
    launch(demo, settings, port=port, prevent_thread_lock=True, quiet=True)
    return f"http://127.0.0.1:{port}/", example_questions(Context.of(engine), limit=6), demo, engine


def floor_ms(engine, questions: list[str], rounds: int = 3) -> float | None:
    """p50 of ``Engine.ask`` alone on ``questions`` (warm, in-process): what one answer costs."""
    times = []
    for _ in range(rounds):
        for q in questions:
            started = time.perf_counter()
            engine.ask(q)
            times.append((time.perf_counter() - started) * 1000)
    return _percentile(times, 50)


def run(url: str, questions: list[str], sessions: int, seconds: float, turns: int = 5) -> dict:
    from gradio_client import Client

    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    start_gate = threading.Barrier(sessions)

    def session(i: int) -> None:
        try:
            client = Client(url, verbose=False)
        except Exception as exc:  # noqa: BLE001 - counted, reported
            with lock:
                errors.append(f"connect: {type(exc).__name__}: {exc}")
            start_gate.abort()
            return
        try:
            start_gate.wait(timeout=120)
        except threading.BrokenBarrierError:
            pass
        n = i
        store: dict = {}
        while time.monotonic() < deadline:
            question = questions[n % len(questions)]
            n += 1
            if (n - i) % turns == 0:
                store = {**store, "current": None}  # "New conversation"
            started = time.perf_counter()
            try:
                log, _live, store, *_ = client.predict(question, store, {}, api_name="/chat")
                if "na-answer" not in str(log) or not isinstance(store, dict):
                    raise RuntimeError(f"no answer in the reply: {str(log)[:120]!r}")
            except Exception as exc:  # noqa: BLE001 - counted, reported
                with lock:
                    errors.append(f"{type(exc).__name__}: {exc}")
                continue
            with lock:
                latencies.append((time.perf_counter() - started) * 1000)

    threads = [threading.Thread(target=session, args=(i,), daemon=True) for i in range(sessions)]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=seconds + 300)
    elapsed = time.monotonic() - began
    return {
        "sessions": sessions,
        "seconds": round(elapsed, 1),
        "requests": len(latencies) + len(errors),
        "errors": len(errors),
        "rps": round(len(latencies) / elapsed, 2) if elapsed else 0.0,
        "p50_ms": None if not latencies else round(_percentile(latencies, 50), 1),
        "p95_ms": None if not latencies else round(_percentile(latencies, 95), 1),
        "max_ms": None if not latencies else round(max(latencies), 1),
        "first_errors": sorted(set(errors))[:3],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--url", default="", help="An already running UI; default: start one in-process.")
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--home", default=None, help="Serve this existing index instead of indexing --corpus.")
    parser.add_argument("--turns", type=int, default=5, help="Questions per conversation before a new one.")
    parser.add_argument("--encoder", default=None, help="Encoder for the in-process server (default: settings).")
    parser.add_argument("--question", action="append", default=[], help="Question to ask (repeatable).")
    args = parser.parse_args()
    demo = floor = None
    if args.url:
        url, questions = args.url, list(args.question or FALLBACK_QUESTIONS)
    else:
        url, examples, demo, engine = start_server(args.corpus, args.encoder, args.home)
        questions = list(args.question or examples or FALLBACK_QUESTIONS)
        floor = floor_ms(engine, questions)
        print(f"floor: Engine.ask alone, p50 {floor:.1f} ms", file=sys.stderr)
    print(f"{args.sessions} sessions for {args.seconds:g}s against {url}; questions: {questions}", file=sys.stderr)
    load_before = os.getloadavg()[0]
    try:
        result = run(url, questions, args.sessions, args.seconds, args.turns)
    finally:
        if demo is not None:
            demo.close()
    result.update(load_avg_1m_before=round(load_before, 2), load_avg_1m_after=round(os.getloadavg()[0], 2),
                  cpus=os.cpu_count(), floor_p50_ms=None if floor is None else round(floor, 1),
                  ratio_p50_vs_floor=None if not (floor and result["p50_ms"]) else round(result["p50_ms"] / floor, 1))
    print(f"{result['requests']} answers, {result['errors']} errors, p50 {result['p50_ms']} ms, "
          f"p95 {result['p95_ms']} ms, {result['rps']} answers/s", file=sys.stderr)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
