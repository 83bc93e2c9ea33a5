"""Cosines from an injected encoder: one batch call, one row per query, zero vectors scored 0."""

from __future__ import annotations

import math

import pytest

from assistant.answer.similarity import cosines, cosines_to, relevance

VECTORS = {"q": [1.0, 0.0, 0.0], "r": [0.0, 2.0, 0.0], "same": [3.0, 0.0, 0.0], "half": [1.0, 1.0, 0.0],
           "none": [0.0, 0.0, 0.0]}


def _embed(calls: list[list[str]]):
    def embed(texts: list[str]) -> list[list[float]]:
        calls.append(list(texts))
        return [VECTORS[t] for t in texts]
    return embed


def test_cosines_to_each_query_from_one_batch() -> None:
    calls: list[list[str]] = []
    got = cosines_to(_embed(calls), ["q", "r"], ["same", "half", "none"])
    assert calls == [["q", "r", "same", "half", "none"]]
    assert got == [pytest.approx([1.0, 1 / math.sqrt(2), 0.0]), pytest.approx([0.0, 1 / math.sqrt(2), 0.0])]
    assert all(isinstance(x, float) for row in got for x in row)


def test_no_encoder_or_no_texts_gives_none_and_lexical_relevance() -> None:
    assert cosines(None, "q", ["same"]) is None
    assert cosines_to(_embed([]), ["q"], []) is None
    assert relevance(None, 0.4) == 0.4
    assert relevance(0.2, 0.8) == pytest.approx(0.5)
