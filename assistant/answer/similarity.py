"""Dense similarity from an optional injected sentence encoder (one batch call per answer)."""

from __future__ import annotations

import math
from collections.abc import Callable

Embed = Callable[[list[str]], list[list[float]]]


def cosines(embed: Embed | None, query: str, texts: list[str]) -> list[float] | None:
    """Cosine of each text to ``query``, from one batch call to the encoder; None without one."""
    if embed is None or not texts:
        return None
    vectors = embed([query, *texts])
    q = vectors[0]
    qn = math.sqrt(sum(x * x for x in q)) or 1.0
    out = []
    for v in vectors[1:]:
        vn = math.sqrt(sum(x * x for x in v)) or 1.0
        out.append(sum(a * b for a, b in zip(q, v, strict=False)) / (qn * vn))
    return out


def relevance(cos: float | None, lex: float) -> float:
    """``max(cos, (cos + lex) / 2)`` with an encoder, ``lex`` without: dense evidence alone (a
    paraphrase) or dense plus lexical evidence can carry an answer, a stray shared word cannot."""
    if cos is None:
        return lex
    return max(cos, (cos + lex) / 2)


__all__ = ["Embed", "cosines", "relevance"]
