"""Load test of the web UI's chat endpoint: N concurrent gradio_client sessions for S seconds.

Without --url it indexes corpus/ into a temporary home (real encoder unless
--encoder says otherwise) and serves the UI in-process on a free loopback port.
Each session is its own ``Client`` (its own Gradio session) asking questions in a
loop; latency is measured per complete (streamed) answer. The last line printed is
JSON: requests, errors, p50_ms, p95_ms (and a few more fields).
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


def start_server(corpus: Path, encoder: str | None) -> tuple[str, list[str], object]:
    from assistant.engine import Engine
    from index.settings import Settings
    from ui.app import build_app, launch, warm_up
    from ui.handlers import example_questions

    home = tempfile.mkdtemp(prefix="ui-load-")
    settings = Settings.load(home=home, encoder=encoder)
    engine = Engine(settings)
    report = engine.index([corpus])
    print(f"indexed {report.articles} articles ({report.chunks} chunks) from {corpus.name}/", file=sys.stderr)
    warm_up(engine)
    demo = build_app(engine, corpus_dir=corpus, testset_dirs=[])
    port = _free_port()
    launch(demo, settings, port=port, prevent_thread_lock=True, quiet=True)
    return f"http://127.0.0.1:{port}/", example_questions(engine, limit=6), demo


def run(url: str, questions: list[str], sessions: int, seconds: float) -> dict:
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
        while time.monotonic() < deadline:
            question = questions[n % len(questions)]
            n += 1
            started = time.perf_counter()
            try:
                messages, _ = client.predict(question, [], [], "", "", api_name="/chat")
                content = messages[-1]["content"]
                text = "".join(p.get("text", "") for p in content) if isinstance(content, list) else str(content)
                if "na-answer" not in text:
                    raise RuntimeError(f"no answer in the reply: {text[:120]!r}")
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
    parser.add_argument("--encoder", default=None, help="Encoder for the in-process server (default: settings).")
    parser.add_argument("--question", action="append", default=[], help="Question to ask (repeatable).")
    args = parser.parse_args()
    demo = None
    if args.url:
        url, questions = args.url, list(args.question or FALLBACK_QUESTIONS)
    else:
        url, examples, demo = start_server(args.corpus, args.encoder)
        questions = list(args.question or examples or FALLBACK_QUESTIONS)
    print(f"{args.sessions} sessions for {args.seconds:g}s against {url}", file=sys.stderr)
    try:
        result = run(url, questions, args.sessions, args.seconds)
    finally:
        if demo is not None:
            demo.close()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
