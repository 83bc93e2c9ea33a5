"""The ONNX encoder equals sentence-transformers on the packaged model, and read-only commands load no model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from index.chunking import chunk_text
from index.embeddings import OnnxEncoder, SentenceTransformerEncoder, encoder_info

ROOT = Path(__file__).resolve().parent.parent
MULTIHOP = ROOT / "tests" / "data" / "multihop-rag"
MODEL = "all-MiniLM-L6-v2"


def thousand_texts() -> list[str]:
    """Queries, short sentences and chunks longer than the 256-token limit: 1,000 texts in all."""
    queries = [q["query"] for q in json.loads((MULTIHOP / "queries.json").read_text(encoding="utf-8"))[:300]]
    bodies = [a["body"] for a in json.loads((MULTIHOP / "corpus.json").read_text(encoding="utf-8"))]
    chunks = [c.text for body in bodies[:120] for c in chunk_text(body, 1500, 0)][:500]
    sentences = [s.strip() for body in bodies[200:260] for s in body.split(". ") if s.strip()][:200]
    texts = (queries + chunks + sentences)[:1000]
    assert len(texts) == 1000 and any(len(t) > 1400 for t in texts)
    return texts


@pytest.mark.slow
def test_onnx_encoder_matches_sentence_transformers_on_1000_texts():
    texts = thousand_texts()
    ours = np.asarray(OnnxEncoder(MODEL).encode(texts))
    reference = np.asarray(SentenceTransformerEncoder(MODEL).encode(texts))
    assert ours.shape == reference.shape == (1000, encoder_info(MODEL).dimension)
    cosine = (ours * reference).sum(axis=1) / np.linalg.norm(ours, axis=1) / np.linalg.norm(reference, axis=1)
    assert cosine.min() >= 0.9999, f"worst cosine {cosine.min():.6f} at text {int(cosine.argmin())}"


def test_onnx_encoder_embeds_one_text_like_a_batch():
    """Padding in a batch must not change a text's vector (the attention mask excludes pads)."""
    enc = OnnxEncoder(MODEL)
    texts = ["Peskov said the meeting was not planned.", "A much longer sentence " * 40, "Short."]
    batch = np.asarray(enc.encode(texts))
    alone = np.asarray([enc.encode([t])[0] for t in texts])
    assert np.allclose(batch, alone, atol=1e-5)
    assert np.allclose(np.linalg.norm(batch, axis=1), 1.0, atol=1e-5)
    assert enc.texts_encoded == 6


HEAVY = ("torch", "sentence_transformers", "transformers", "onnxruntime")
PROBE = f"""
import json, sys
HEAVY = {HEAVY!r}
from assistant.cli import main
sys.argv = ["assistant", *json.loads(sys.argv[1])]
try:
    main()
except SystemExit:
    pass
print(json.dumps({{m: m in sys.modules for m in HEAVY}}), file=sys.stderr)
"""


def modules_loaded(home: Path, *args: str) -> dict[str, bool]:
    env = {**os.environ, "ASSISTANT_HOME": str(home), "ASSISTANT_ENCODER": MODEL}
    out = subprocess.run([sys.executable, "-c", PROBE, json.dumps(list(args))], capture_output=True, text=True,
                         env=env, cwd=ROOT, timeout=300)
    return json.loads(out.stderr.strip().splitlines()[-1])


def read_only_commands(article_id: str, corpus: Path) -> list[tuple[str, ...]]:
    return [("articles", "--json"), ("show", article_id, "--json"), ("quotes", "Peskov", "--json"),
            ("search", "Kremlin spokesperson", "--mode", "bm25", "--json"), ("index", str(corpus), "--json"),
            ("delete", article_id)]


def assert_no_model_loaded(home: Path, corpus: Path, article_id: str) -> None:
    for args in read_only_commands(article_id, corpus):
        loaded = modules_loaded(home, *args)
        assert not any(loaded.values()), f"`assistant {' '.join(args)}` imported {loaded}"


def test_read_commands_load_no_model(tmp_path, corpus_dir):
    from assistant.engine import Engine
    from index.settings import Settings

    engine = Engine(Settings(home=str(tmp_path / "home"), encoder=MODEL))
    assert engine.index([corpus_dir]).added == 1
    (article,) = engine.articles()
    assert_no_model_loaded(tmp_path / "home", corpus_dir, article["id"])
    # the commands that embed do load the (ONNX) encoder, and still not torch
    assert modules_loaded(tmp_path / "home", "ask", "What did Peskov say?", "--json") == {
        "torch": False, "sentence_transformers": False, "transformers": False, "onnxruntime": True}


@pytest.mark.slow
def test_read_commands_load_no_model_on_the_multihop_home(multihop_engine, tmp_path):
    """The same on a ~4,400-chunk home (a copy: ``delete`` writes)."""
    import shutil

    home = tmp_path / "home"
    shutil.copytree(multihop_engine.settings.home, home)
    corpus = tmp_path / "seed"
    corpus.mkdir()
    shutil.copy(ROOT / "corpus" / "000_863afebc424a52ba.txt", corpus)
    article_id = next(a["id"] for a in multihop_engine.articles() if a["path"].startswith("000_"))
    assert_no_model_loaded(home, corpus, article_id)
