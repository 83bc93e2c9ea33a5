"""The web UI's API through gradio_client: the chat endpoint streams, cites and links sources.

Runs a real server on a free loopback port over the fake encoder (the chain is
the same as with the real one).
"""

from __future__ import annotations

import html
import os
import re
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "000_863afebc424a52ba.txt"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from assistant.engine import Engine
    from index.embeddings import FakeEncoder
    from index.settings import Settings
    from ui.app import build_app, launch

    corpus = tmp_path_factory.mktemp("client-corpus")
    shutil.copy(SEED, corpus / SEED.name)
    settings = Settings(home=str(tmp_path_factory.mktemp("client-home")), encoder="fake")
    engine = Engine(settings, encoder=FakeEncoder())
    engine.index([corpus])
    demo = build_app(engine, corpus_dir=corpus, testset_dirs=[])
    port = _free_port()
    launch(demo, settings, port=port, prevent_thread_lock=True, quiet=True)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        demo.close()


def _text(message: dict) -> str:
    content = message["content"]
    if isinstance(content, list):
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return str(content)


def test_chat_endpoint_streams_a_cited_answer(server: str) -> None:
    from gradio_client import Client

    client = Client(server, verbose=False)
    assert "/chat" in client.view_api(return_format="dict")["named_endpoints"]
    job = client.submit("What did Peskov say?", [], [], "", "", api_name="/chat")
    final = job.result(timeout=120)
    outputs = job.outputs()
    assert len(outputs) >= 3  # the question, partial answers, the final answer
    messages, box = final
    assert box == ""
    assert [m["role"] for m in messages] == ["user", "assistant"]
    answer = _text(messages[-1])
    assert "na-quote" in answer
    links = re.findall(r"href='(#open:chat:[^']+)'", answer)
    assert links
    # the link opens the article with exactly the quoted span marked
    panel = client.predict(links[0], api_name="/open_source")
    marked = re.search(r"<mark id='quote-mark'>(.*?)</mark>", panel, re.S)
    assert marked
    first_quote = re.search(r"\u201c(.*?)\u201d", answer.split("na-sources", 1)[1], re.S)
    assert first_quote and html.unescape(marked.group(1)) == html.unescape(first_quote.group(1))


def test_chat_endpoint_keeps_history_per_session(server: str) -> None:
    from gradio_client import Client

    client = Client(server, verbose=False)
    messages, _ = client.predict("What did Peskov say?", [], [], "", "", api_name="/chat")
    messages, _ = client.predict("What else did he say?", messages, [], "", "", api_name="/chat")
    assert [m["role"] for m in messages] == ["user", "assistant", "user", "assistant"]
    cleared = client.predict(api_name="/clear")
    assert cleared[0] == []


def test_chat_endpoint_reports_bad_filters_as_a_message(server: str) -> None:
    from gradio_client import Client

    client = Client(server, verbose=False)
    messages, _ = client.predict("What did Peskov say?", [], [], "not a date", "", api_name="/chat")
    assert "na-error" in _text(messages[-1])
