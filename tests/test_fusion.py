"""Score fusion of the dense and BM25 candidate lists."""

from assistant.retrieval import fuse
from index.store import ChunkHit


def hits(*pairs):
    return [ChunkHit(cid, cid, {"article_id": cid}, score) for cid, score in pairs]


def test_weighted_fusion_of_normalised_scores():
    dense = hits(("a", 0.9), ("b", 0.5), ("c", 0.1))
    bm25 = hits(("c", 30.0), ("d", 20.0), ("a", 10.0))
    out = fuse(dense, bm25, k=4, dense_weight=0.3)
    scores = {h.chunk_id: round(h.score, 6) for h in out}
    # a: 0.3*1 + 0.7*0 ; b: 0.3*0.5 ; c: 0.3*0 + 0.7*1 ; d: 0.7*0.5
    assert scores == {"a": 0.3, "b": 0.15, "c": 0.7, "d": 0.35}
    assert [h.chunk_id for h in out] == ["c", "d", "a", "b"]


def test_weights_decide_and_k_cuts():
    dense = hits(("x", 1.0), ("y", 0.0))
    bm25 = hits(("y", 5.0), ("x", 1.0))
    assert [h.chunk_id for h in fuse(dense, bm25, k=1, dense_weight=0.9)] == ["x"]
    assert [h.chunk_id for h in fuse(dense, bm25, k=1, dense_weight=0.1)] == ["y"]
    assert fuse([], [], k=3) == []
    single = fuse(hits(("only", 0.4)), [], k=3)
    assert [h.chunk_id for h in single] == ["only"]
