"""Dense similarity from an optional injected sentence encoder (one batch call per answer)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

Embed = Callable[[list[str]], list[list[float]]]


def cosines(embed: Embed | None, query: str, texts: list[str]) -> list[float] | None:
    """Cosine of each text to ``query``, from one batch call to the encoder; None without one."""
    both = cosines_to(embed, [query], texts)
    return both[0] if both is not None else None


def cosines_to(embed: Embed | None, queries: list[str], texts: list[str]) -> list[list[float]] | None:
    """For each query, the cosine of each text to it, all from one batch call to the encoder; None without one."""
    if embed is None or not texts:
        return None
    vectors = np.asarray(embed([*queries, *texts]), dtype=np.float64)
    norms = np.linalg.norm(vectors, axis=1)
    norms[norms == 0] = 1.0
    unit = vectors / norms[:, None]
    n = len(queries)
    return (unit[:n] @ unit[n:].T).tolist()


def relevance(cos: float | None, lex: float) -> float:
    """``max(cos, (cos + lex) / 2)`` with an encoder, ``lex`` without: dense evidence alone (a
    paraphrase) or dense plus lexical evidence can carry an answer, a stray shared word cannot."""
    if cos is None:
        return lex
    return max(cos, (cos + lex) / 2)


__all__ = ["Embed", "cosines", "cosines_to", "relevance"]
