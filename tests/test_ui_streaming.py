"""True streaming with an LLM answerer, over real HTTP: the replay server sends the model's reply in
pieces and holds in the middle; the engine, and the web UI's chat endpoint, show the prose that has
arrived before the reply is complete, then the verified answer with its citations."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_llm import PLANTED, ReplayServer, llm_engine

from assistant.engine import Engine
from assistant.llm import partial_answer_text
from assistant.schema import Answer
from index.embeddings import FakeEncoder
from index.settings import Settings

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "000_863afebc424a52ba.txt"


@pytest.fixture
def server() -> Iterator[ReplayServer]:
    s = ReplayServer()
    yield s
    s.resume.set()
    s.close()


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    corpus = tmp_path_factory.mktemp("stream-corpus")
    shutil.copy(SEED, corpus / SEED.name)
    (corpus / "planted.txt").write_text(PLANTED, encoding="utf-8")
    base = Settings(home=str(tmp_path_factory.mktemp("stream-home")), encoder="fake", chunk_size=400,
                    chunk_overlap=80)
    Engine(base, encoder=FakeEncoder()).index([corpus])
    return base


def wait_for(condition, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_partial_answer_text_reads_json_still_being_written() -> None:
    raw = '{"answerable": true, "answer": "He said \\"no\\" \\u00e9t\\u00e9 [1]", "quotes": []}'
    assert partial_answer_text(raw) == 'He said "no" \u00e9t\u00e9 [1]'
    prefixes = [partial_answer_text(raw[:i]) for i in range(len(raw) + 1)]
    assert prefixes[0] == "" and prefixes[-1] == 'He said "no" \u00e9t\u00e9 [1]'
    assert all(a == b[: len(a)] for a, b in zip(prefixes, prefixes[1:]))  # it only ever grows
    assert partial_answer_text('{"answer": "He said \\') == "He said "  # an escape that has not fully arrived
    assert partial_answer_text('{"answer": "caf\\u00') == "caf"


@pytest.mark.parametrize("backend", ["openai", "ollama"])
def test_engine_streams_prose_before_the_reply_ends_then_the_verified_answer(indexed, server, backend) -> None:
    server.reply("peskov_one_fabricated.json")
    server.hold_after = 6
    engine = llm_engine(indexed, server)
    if backend == "ollama":
        engine = Engine(indexed.replace(llm="ollama", llm_base_url=server.root, llm_model="llama3.1"),
                        encoder=FakeEncoder())
    got: list = []

    def collect() -> None:
        for item in engine.ask_stream("What did Peskov say?"):
            got.append(item)

    worker = threading.Thread(target=collect, daemon=True)
    worker.start()
    wait_for(lambda: any(isinstance(x, str) and x for x in got))
    assert not any(isinstance(x, Answer) for x in got)  # the reply is held: no answer yet, but prose
    server.resume.set()
    worker.join(timeout=30)
    drafts = [x for x in got if isinstance(x, str)]
    final = got[-1]
    assert drafts == sorted(drafts, key=len) and "Peskov" in drafts[-1]
    assert isinstance(final, Answer) and final.answerer == "llm"
    assert [c.quote for c in final.citations] == ["President Putin will only welcome this"]
    assert [u["quote"] for u in final.unverified_quotes] == ["Putin is ready to meet Trump tomorrow in Moscow"]
    assert server.requests[0]["stream"] is True


def test_a_stream_whose_quotes_all_fail_ends_with_the_extractive_answer(indexed, server) -> None:
    server.reply("all_fabricated.json")
    items = list(llm_engine(indexed, server).ask_stream("What did Peskov say?"))
    assert any(isinstance(x, str) for x in items[:-1])
    assert items[-1].answerer == "extractive" and items[-1].citations and "Geneva" not in items[-1].answer


def test_the_extractive_answerer_yields_only_the_answer(indexed) -> None:
    items = list(Engine(indexed, encoder=FakeEncoder()).ask_stream("What did Peskov say?"))
    assert len(items) == 1 and isinstance(items[0], Answer) and items[0].citations


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_chat_endpoint_shows_the_draft_while_the_model_writes(indexed, server) -> None:
    from gradio_client import Client

    from ui.app import build_app, launch

    server.reply("peskov_verified.json")
    server.hold_after = 8
    engine = llm_engine(indexed, server)
    demo = build_app(engine, testset_dirs=[])
    port = _free_port()
    launch(demo, engine.settings, port=port, prevent_thread_lock=True, quiet=True)
    try:
        job = Client(f"http://127.0.0.1:{port}/", verbose=False).submit("What did Peskov say?", {}, {},
                                                                        api_name="/chat")
        wait_for(lambda: any("Kremlin spokesperson" in str(o[1]) for o in job.outputs()))
        draft = next(str(o[1]) for o in job.outputs() if "Kremlin spokesperson" in str(o[1]))
        assert "na-draft" in draft and "na-sources" not in draft and not job.done()
        server.resume.set()
        log, live, store, *_ = job.result(timeout=60)
        assert live == "" and "na-sources" in log and "#open:chat:" in log
        answer = store["conversations"][0]["turns"][0]["answer"]
        assert answer["answerer"] == "llm" and len(answer["citations"]) == 2
    finally:
        demo.close()
