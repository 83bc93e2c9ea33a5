"""Scoring of retrieval candidates: fusion of the dense and BM25 lists, soft boosts, sentence signal, merge."""

import numpy as np

from assistant.scoring import Pool, Weights, rank
from index.store import ChunkHit

NAN = float("nan")


def pool(rows, part=0, outlet=(), gap=(), sentence=()):
    """rows: (chunk id, dense score or NaN, bm25 score or NaN, article id)."""
    hits = [ChunkHit(cid, cid, {"article_id": aid}, 0.0) for cid, _, _, aid in rows]
    n = len(rows)
    dense = np.array([d for _, d, _, _ in rows], dtype=float)
    bm25 = np.array([b for _, _, b, _ in rows], dtype=float)
    return Pool(part, hits, dense, bm25, np.array(outlet or [False] * n, dtype=bool), np.array(gap or [10**6] * n),
                np.array(sentence, dtype=float))


def scores(ranked):
    return {h.chunk_id: round(h.score, 6) for h in ranked}


def test_weighted_fusion_of_normalised_scores():
    p = pool([("a", 0.9, 10.0, "A"), ("b", 0.5, NAN, "B"), ("c", 0.1, 30.0, "C"), ("d", NAN, 20.0, "D")])
    out = rank([p], Weights(dense=0.3), k=4)
    # a: 0.3*1 + 0.7*0 ; b: 0.3*0.5 ; c: 0.3*0 + 0.7*1 ; d: 0.7*0.5
    assert scores(out) == {"a": 0.3, "b": 0.15, "c": 0.7, "d": 0.35}
    assert [h.chunk_id for h in out] == ["c", "d", "a", "b"]


def test_weights_decide_and_k_cuts():
    p = pool([("x", 1.0, 1.0, "X"), ("y", 0.0, 5.0, "Y")])
    assert [h.chunk_id for h in rank([p], Weights(dense=0.9), k=1)] == ["x"]
    assert [h.chunk_id for h in rank([p], Weights(dense=0.1), k=1)] == ["y"]
    assert rank([], Weights(), k=3) == []
    assert [h.chunk_id for h in rank([pool([("only", 0.4, NAN, "O")])], Weights(), k=3)] == ["only"]


def test_outlet_and_date_boosts_are_soft():
    rows = [("strong", 1.0, 10.0, "S"), ("named", 0.0, 1.0, "N")]
    p = pool(rows, outlet=[False, True], gap=[10**6, 0])
    assert [h.chunk_id for h in rank([p], Weights(outlet=0.5), k=2)] == ["strong", "named"]  # a boost, not a filter
    assert [h.chunk_id for h in rank([p], Weights(outlet=0.6, date=0.5), k=2)] == ["named", "strong"]
    near = pool(rows, gap=[10**6, 2])
    assert scores(rank([near], Weights(date=0.5, date_window=1), k=2))["named"] == 0.0  # two days off: no boost
    assert scores(rank([near], Weights(date=0.5, date_window=2), k=2))["named"] == 0.5


def test_sentence_signal_reorders_and_missing_sentences_count_as_weakest():
    p = pool([("blurred", 1.0, 10.0, "B"), ("pointed", 0.9, 9.0, "P"), ("unknown", 0.95, 9.5, "U")],
             sentence=[0.2, 0.8, NAN])
    assert [h.chunk_id for h in rank([p], Weights(), k=3)] == ["blurred", "unknown", "pointed"]
    assert [h.chunk_id for h in rank([p], Weights(sentence=1.5), k=3)] == ["pointed", "blurred", "unknown"]


def test_merge_keeps_each_chunk_once_with_its_best_part():
    whole = pool([("a", 1.0, 10.0, "A"), ("b", 0.5, 5.0, "B")], part=0)
    sub = pool([("b", 1.0, 10.0, "B"), ("c", 0.2, 2.0, "C")], part=1)
    out = rank([whole, sub], Weights(), k=3)
    assert [h.chunk_id for h in out] == ["a", "b", "c"]  # b: its best (1.0, in the sub-question), not 0.5
    assert {h.chunk_id: (h.part, round(h.score, 6)) for h in out} == {"a": (0, 1.0), "b": (1, 1.0), "c": (1, 0.0)}


def test_each_part_keeps_its_best_chunk_in_the_top_k():
    boosted = pool([(f"a{i}", 1.0 - i / 10, 10.0 - i, "A") for i in range(5)], part=0, outlet=[True] * 5)
    other = pool([("b0", 1.0, 10.0, "B"), ("b1", 0.5, 5.0, "B")], part=1)
    out = rank([boosted, other], Weights(outlet=1.0), k=3)
    assert [h.chunk_id for h in out] == ["a0", "a1", "b0"]  # b0 leads its part: it takes a2's place
    assert [h.chunk_id for h in rank([boosted, other], Weights(outlet=1.0), k=1)] == ["a0"]  # k too small for both
    # k // (parts + 1) places are each part's own: with k = 6, both parts' best two (b1 takes a4's place)
    assert [h.chunk_id for h in rank([boosted, other], Weights(outlet=1.0), k=6)] == ["a0", "a1", "a2", "a3", "b0",
                                                                                      "b1"]
    single = rank([pool([(f"c{i}", 1.0 - i / 10, NAN, "C") for i in range(8)])], Weights(), k=6)
    assert [h.chunk_id for h in single] == [f"c{i}" for i in range(6)]  # one part: plain top k


def test_a_chunk_holding_the_asked_speakers_name_is_boosted():
    p = pool([("surname", 1.0, 10.0, "A"), ("full", 0.8, 8.0, "B")])
    p.named = np.array([False, True])
    assert [h.chunk_id for h in rank([p], Weights(), k=2)] == ["surname", "full"]
    assert [h.chunk_id for h in rank([p], Weights(name=1.5), k=2)] == ["full", "surname"]


def test_the_best_chunks_holding_the_asked_name_keep_places_in_the_top_k():
    """A speaker question's chunks that hold the name can score below chunks about other things (a common word,
    "fan"): the best k // 2 of them still make the top k, taking the places of the lowest-scored others."""
    others = [(f"o{i}", 1.0 - i / 20, 10.0 - i, "O") for i in range(8)]
    p = pool([*others, ("n0", 0.3, 2.0, "N"), ("n1", 0.2, 1.0, "N")])
    p.named = np.array([False] * 8 + [True, True])
    out = [h.chunk_id for h in rank([p], Weights(name=0.3), k=4)]
    assert out == ["o0", "o1", "n0", "n1"]
    assert [h.chunk_id for h in rank([p], Weights(), k=4)] == ["o0", "o1", "o2", "o3"], "no name weight: no places"


def test_a_named_chunk_holds_the_name_as_a_word():
    from assistant.retrieval import holds_names

    def hit(text, title=""):
        return ChunkHit("c", text, {"title": title}, 0.0)

    assert not holds_names(hit("Fans cheered in the fan zone."), ["Fan"])  # "Fans", "fan": not the name
    assert holds_names(hit("Despite the results, Fan acknowledged more work."), ["Fan"])
    assert holds_names(hit("Fan’s team said the battery works."), ["Fan"])
    assert holds_names(hit("The battery works.", title="Hongjin Fan on zinc batteries"), ["Fan"])


def test_only_a_what_did_name_say_question_asks_for_a_speaker_name():
    from assistant.retrieval import asked_speaker

    assert asked_speaker("What did Josh Arnold say about GameStop?") == ["Josh Arnold"]
    assert asked_speaker("What did Neureiter say?") == ["Neureiter"]
    assert asked_speaker("What did the Kremlin spokesperson say?") == []
    assert asked_speaker("How much did Josh Arnold pay?") == []
