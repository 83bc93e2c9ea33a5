"""Shared fixtures. The real encoder loads once per session; fast tests use the fake one."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from index.settings import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "000_863afebc424a52ba.txt"
MULTIHOP = ROOT / "tests" / "data" / "multihop-rag"  # vendored: ODC-BY, see its README
ARTIFACTS = ROOT / "test-artifacts"


def pytest_configure(config: pytest.Config) -> None:
    ARTIFACTS.mkdir(exist_ok=True)


@pytest.fixture
def fake_settings(tmp_path: Path) -> Settings:
    return Settings(home=str(tmp_path / "home"), encoder="fake", chunk_size=400, chunk_overlap=80)


@pytest.fixture
def web_settings(fake_settings: Settings) -> Settings:
    """Fake-encoder settings that may fetch from the local test server, with no politeness delay."""
    return fake_settings.replace(allow_private_urls=True, fetch_delay=0, fetch_timeout=5)


@pytest.fixture
def server():
    """A real HTTP server on 127.0.0.1 serving the routes a test sets (``tests/news_server.py``)."""
    from news_server import NewsServer

    with NewsServer() as s:
        yield s


@pytest.fixture
def fake_engine(fake_settings: Settings):
    from assistant.engine import Engine
    from index.embeddings import FakeEncoder

    return Engine(fake_settings, encoder=FakeEncoder())


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    shutil.copy(SEED, d / SEED.name)
    return d


@pytest.fixture(scope="session")
def real_encoder():
    from index.embeddings import get_encoder

    return get_encoder("all-MiniLM-L6-v2", 1)


@pytest.fixture(scope="session")
def multihop_engine(tmp_path_factory: pytest.TempPathFactory, real_encoder):
    """The seed article indexed with the 609 MultiHop-RAG articles as distractors (real encoder)."""
    from assistant.engine import Engine

    home = tmp_path_factory.mktemp("multihop-home")
    data = tmp_path_factory.mktemp("multihop-data")
    shutil.copy(SEED, data / SEED.name)
    shutil.copy(MULTIHOP / "corpus.json", data / "corpus.json")
    engine = Engine(Settings(home=str(home)), encoder=real_encoder)
    report = engine.index([data])
    assert report.rejected == [] and report.added == 610
    return engine


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory):
    """A real `chroma run` server: the one CI started (CHROMA_TEST_URL) or one started here."""
    import subprocess
    import sys
    import time
    import urllib.request

    url = os.environ.get("CHROMA_TEST_URL")
    proc = None
    if not url:
        chroma = Path(sys.executable).parent / "chroma"
        port = _free_port()
        env = {**os.environ, "RUST_LOG": "warn", "ANONYMIZED_TELEMETRY": "False"}
        proc = subprocess.Popen(
            [str(chroma), "run", "--path", str(tmp_path_factory.mktemp("chroma-server")), "--port", str(port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
        )
        url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2):
                break
        except OSError:
            if time.time() > deadline or (proc and proc.poll() is not None):
                pytest.fail(f"the Chroma server at {url} did not start")
            time.sleep(0.3)
    host, port = url.rsplit("//", 1)[1].rsplit(":", 1)
    yield host, int(port)
    if proc:
        proc.terminate()
        proc.wait(timeout=20)


def pytest_terminal_summary(terminalreporter) -> None:
    """Attribution figures (tests/test_attribution.py) at the end of the run, when it ran."""
    import sys

    module = sys.modules.get("test_attribution") or sys.modules.get("tests.test_attribution")
    lines = getattr(module, "REPORT", [])
    if lines:
        terminalreporter.section("attribution (precision / recall / coverage of the speaker field)")
        for line in lines:
            terminalreporter.write_line(line)
