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
SHARED = ROOT.parent / "shared"
MULTIHOP = SHARED / "data" / "multihop-rag"
ARTIFACTS = ROOT / "test-artifacts"


def pytest_configure(config: pytest.Config) -> None:
    ARTIFACTS.mkdir(exist_ok=True)


@pytest.fixture
def fake_settings(tmp_path: Path) -> Settings:
    return Settings(home=str(tmp_path / "home"), encoder="fake", chunk_size=400, chunk_overlap=80)


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
    if not (MULTIHOP / "corpus.json").exists():
        pytest.fail(f"the shared MultiHop-RAG corpus is missing at {MULTIHOP}")
    from assistant.engine import Engine

    home = tmp_path_factory.mktemp("multihop-home")
    data = tmp_path_factory.mktemp("multihop-data")
    shutil.copy(SEED, data / SEED.name)
    shutil.copy(MULTIHOP / "corpus.json", data / "corpus.json")
    engine = Engine(Settings(home=str(home)), encoder=real_encoder)
    report = engine.index([data])
    assert report.rejected == [] and report.added == 610
    return engine
