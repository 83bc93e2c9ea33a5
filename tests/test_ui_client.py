"""The web UI over real HTTP (gradio_client and plain requests) on a free loopback port, fake encoder.

The chat endpoint streams: first the question, then the answer; the conversation comes back
as the browser stores it and a follow-up builds on it. The upload route refuses a file type
the app does not take before anything is written.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import socket
import urllib.error
import urllib.request
import uuid
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
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
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
        yield {"url": f"http://127.0.0.1:{port}/", "demo": demo, "home": settings.home_path}
    finally:
        demo.close()


def client(server: dict):
    from gradio_client import Client

    return Client(server["url"], verbose=False)


def test_chat_endpoint_streams_and_returns_the_conversation(server: dict) -> None:
    c = client(server)
    assert "/chat" in c.view_api(return_format="dict")["named_endpoints"]
    job = c.submit("What did Peskov say?", {}, {}, api_name="/chat")
    log, live, store, *_ = job.result(timeout=120)
    outputs = job.outputs()
    assert len(outputs) >= 3  # the question with a placeholder, the reveal, the answer
    _, first_live, _, box, _, title = outputs[0]
    assert "What did Peskov say?" in first_live and "Searching" in first_live
    assert box == "" and title == "What did Peskov say?" and live == ""
    assert "na-answer" in log and store["conversations"][0]["turns"][0]["status"] == "done"
    links = re.findall(r"href='(#open:chat:[^']+)'", log)
    panel = c.predict(links[0], api_name="/open_source")
    marked = re.search(r"<mark id='quote-mark'>(.*?)</mark>", panel, re.S)
    quote = store["conversations"][0]["turns"][0]["answer"]["citations"][0]["quote"]
    assert marked and html.unescape(marked.group(1)) == quote
    log2, _, store2, *_ = c.predict("What else did he say?", store, {}, api_name="/chat")
    turns = store2["conversations"][0]["turns"]
    assert [t["question"] for t in turns] == ["What did Peskov say?", "What else did he say?"]
    assert log2.count("na-turn") == 2


def test_a_bad_date_setting_never_reaches_the_engine(server: dict) -> None:
    log, _, store, *_ = client(server).predict("What did Peskov say?", {}, {"since": "not a date"}, api_name="/chat")
    assert store["conversations"][0]["turns"][0]["status"] == "done" and "na-answer" in log


def _multipart(name: str, data: bytes) -> tuple[bytes, str]:
    boundary = "----naTestBoundary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def _post_upload(server: dict, name: str, data: bytes) -> tuple[int, str]:
    body, ctype = _multipart(name, data)
    request = urllib.request.Request(server["url"] + "gradio_api/upload", data=body, method="POST",
                                     headers={"Content-Type": ctype})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_the_upload_route_refuses_other_file_types_and_saves_nothing(server: dict) -> None:
    upload_dir = Path(server["demo"].server_app.uploaded_file_dir)
    name = f"evil-{uuid.uuid4().hex[:8]}.exe"
    status, text = _post_upload(server, name, b"MZ\x90\x00 not an article " + name.encode())
    assert status == 400 and name in text and "accepted: .txt" in text
    assert not list(upload_dir.rglob(name)) and not (server["home"] / "uploads").exists()
    status, text = _post_upload(server, "fine.txt", b"A fine article\n\nWith a body.")
    assert status == 200 and "fine.txt" in text


def test_the_upload_endpoint_reports_an_exe_clearly(server: dict, tmp_path: Path) -> None:
    from gradio_client import handle_file

    exe = tmp_path / "tool.exe"
    exe.write_bytes(b"MZ")
    with pytest.raises(Exception) as caught:
        client(server).predict([handle_file(str(exe))], api_name="/upload")
    assert "tool.exe" in str(caught.value) or "400" in str(caught.value)
    assert not (server["home"] / "uploads").exists()
