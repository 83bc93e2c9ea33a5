"""The embedding function handed to Chroma, so it never falls back to its own (downloading) default."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from index.embeddings import Encoder


class ChromaEmbeddingFunction:
    """Adapter so Chroma never falls back to its own (downloading) default function.

    We always pass vectors ourselves; should Chroma ever embed, the encoder loads then.
    """

    def __init__(self, encoder: Callable[[], Encoder]) -> None:
        self.encoder = encoder

    def __call__(self, input: list[str]) -> list[Any]:  # noqa: A002 (Chroma's signature)
        import numpy as np

        return [np.asarray(v, dtype=np.float32) for v in self.encoder().encode(list(input))]

    def embed_query(self, input: list[str]) -> list[Any]:  # noqa: A002
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


__all__ = ["ChromaEmbeddingFunction"]
