"""Content-addressed vectors: moved, copied or repeated text is never encoded twice (fake encoder, real Chroma)."""

from __future__ import annotations

import json
import shutil

import numpy as np
from click.testing import CliRunner

from assistant.cli import cli
from assistant.engine import Engine
from index import indexer
from index.embeddings import FakeEncoder
from index.sentence_vectors import sentence_texts
from index.vectors import vector_key


def write_corpus(folder, n: int = 4) -> None:
    folder.mkdir(parents=True)
    for i in range(n):
        (folder / f"a{i}.txt").write_text(f"Story {i}\n" + f"The council of Town{i} voted on the budget. " * 30)


def test_moved_corpus_costs_no_encoding_and_keeps_article_ids(fake_settings, tmp_path):
    write_corpus(tmp_path / "old" / "news")
    encoder = FakeEncoder()
    engine = Engine(fake_settings, encoder=encoder)
    first = engine.index([tmp_path / "old" / "news"])
    assert first.added == 4 and first.encoded == first.encoded_sentences == encoder.texts_encoded > 0
    ids = {a["id"] for a in engine.articles()}

    shutil.move(tmp_path / "old" / "news", tmp_path / "new-mount")
    before = encoder.texts_encoded
    moved = engine.index([tmp_path / "new-mount"])
    assert moved.encoded == 0 and encoder.texts_encoded == before
    assert {a["id"] for a in engine.articles()} == ids, "article ids survive a move of the folder"
    assert moved.updated == 4 and moved.deleted == 0
    # the articles now belong to the new folder: deleting a file there deletes its article
    (tmp_path / "new-mount" / "a0.txt").unlink()
    assert engine.index([tmp_path / "new-mount"]).deleted == 1
    rebuilt = engine.index([tmp_path / "new-mount"], rebuild=True)
    assert rebuilt.added == 3 and rebuilt.encoded == 0, "a rebuild keeps the cached vectors"


def test_same_text_in_two_articles_is_encoded_once(fake_settings, tmp_path):
    body = "The harbour bridge opened to traffic on Monday, the mayor said. " * 10
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "one.txt").write_text(body)
    (folder / "two.txt").write_text(body)
    engine = Engine(fake_settings, encoder=FakeEncoder())
    report = engine.index([folder])
    distinct = {s for _, doc, _ in engine.store.iter_chunks() for s in sentence_texts(doc)}
    assert report.added == 2 and report.encoded == len(distinct) < report.chunks


def test_changed_article_encodes_only_its_new_chunks(fake_settings, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    paragraphs = [f"Paragraph {i} says the harbour bridge opens in spring, the mayor said." * 6 for i in range(6)]
    (folder / "one.txt").write_text("\n\n".join(paragraphs))
    engine = Engine(fake_settings, encoder=FakeEncoder())
    first = engine.index([folder])
    (folder / "one.txt").write_text("\n\n".join(paragraphs + ["A new closing paragraph about the tunnel."]))
    second = engine.index([folder])
    assert second.updated == 1 and 0 < second.encoded < first.encoded


def test_cached_vectors_equal_encoded_ones(fake_engine, corpus_dir):
    fake_engine.index([corpus_dir])
    store = fake_engine.store
    texts = sorted({s for _, doc, _ in store.iter_chunks() for s in sentence_texts(doc)})
    again = store.embed(texts)
    assert again.encoded == 0
    assert np.allclose(again.vectors, np.asarray(FakeEncoder().encode(texts)), atol=1e-6)
    assert vector_key("enc-a", "text") != vector_key("enc-b", "text") != vector_key("enc-a", "text ")


def test_index_json_reports_encoded_and_copied_corpus_reports_zero(tmp_path, monkeypatch):
    monkeypatch.setenv("ASSISTANT_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ASSISTANT_ENCODER", "fake")
    write_corpus(tmp_path / "a")
    run = CliRunner()
    first = json.loads(run.invoke(cli, ["index", str(tmp_path / "a"), "--json"]).output)
    assert first["encoded"] > 0
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    copied = json.loads(run.invoke(cli, ["index", str(tmp_path / "b"), "--json"]).output)
    assert copied["encoded"] == 0 and copied["articles"] == 4


def _cache_keys(engine: Engine) -> set[str]:
    return set(engine.store.vectors.get(include=[])["ids"])


def _chunk_keys(engine: Engine) -> set[str]:
    """What the stored chunks embed: their sentences (a chunk's vector is composed of them)."""
    cache = engine.store.vector_cache
    return {cache.key(t) for _, doc, _ in engine.store.iter_chunks() for t in sentence_texts(doc) or [doc]}


def test_vector_cache_stays_within_twice_what_the_chunks_embed(fake_settings, tmp_path, monkeypatch):
    monkeypatch.setattr(indexer, "GC_SLACK", 0)
    folder = tmp_path / "docs"
    encoder = FakeEncoder()
    engine = Engine(fake_settings, encoder=encoder)
    removed = 0
    for version in range(6):  # every article rewritten each time: old sentences become garbage
        folder.mkdir(exist_ok=True)
        for i in range(3):
            (folder / f"a{i}.txt").write_text(f"Story {i}\n" + "".join(
                f"In round {version} the council of Town{i} voted on budget item {version * 7 + i}, part {j}. "
                for j in range(20)))
        report = engine.index([folder])
        removed += report.vectors_removed
        live = _chunk_keys(engine)
        cached = _cache_keys(engine)
        assert live <= cached, "a clean-up never removes a vector a stored chunk embeds"
        assert len(cached) <= 2 * max(len(live), report.chunks), f"round {version}: {len(cached)} cached"
    assert removed > 0
    before = encoder.texts_encoded
    assert engine.index([folder]).encoded == 0 and encoder.texts_encoded == before
    assert engine.search("council budget", k=1, mode="dense")


def test_rebuild_removes_vectors_no_chunk_embeds(fake_settings, tmp_path):
    write_corpus(tmp_path / "news")
    encoder = FakeEncoder()
    engine = Engine(fake_settings, encoder=encoder)
    engine.index([tmp_path / "news"])
    (tmp_path / "news" / "a0.txt").unlink()
    deleted = engine.index([tmp_path / "news"])
    assert deleted.deleted == 1 and deleted.vectors_removed == 0, "below the bound the cache keeps them"
    assert len(_cache_keys(engine)) > len(_chunk_keys(engine))
    rebuilt = engine.index([tmp_path / "news"], rebuild=True)
    assert rebuilt.encoded == 0 and rebuilt.vectors_removed > 0
    assert _cache_keys(engine) == _chunk_keys(engine)


def test_deleted_article_that_comes_back_costs_no_encoding(fake_settings, tmp_path):
    write_corpus(tmp_path / "news")
    engine = Engine(fake_settings, encoder=FakeEncoder())
    engine.index([tmp_path / "news"])
    text = (tmp_path / "news" / "a1.txt").read_text()
    (tmp_path / "news" / "a1.txt").unlink()
    assert engine.index([tmp_path / "news"]).deleted == 1
    (tmp_path / "news" / "a1.txt").write_text(text)
    back = engine.index([tmp_path / "news"])
    assert back.added == 1 and back.encoded == 0


def test_answerer_composes_joined_sentences_from_stored_vectors(fake_engine, corpus_dir):
    fake_engine.index([corpus_dir])
    reader = fake_engine.searcher.vectors
    chunk = next(doc for _, doc, _ in fake_engine.store.iter_chunks())
    first, second = sentence_texts(chunk)[:2]
    calls = []
    encode = fake_engine.store.encoder.encode
    fake_engine.store.encoder.encode = lambda texts: calls.append(list(texts)) or encode(texts)
    got = np.asarray(reader.embed([f"{first} {second}"])[0])
    assert calls == []  # both sentences were stored at index time
    a, b = (np.asarray(FakeEncoder().encode([s])[0]) for s in (first, second))
    want = np.sqrt(len(first.split())) * a + np.sqrt(len(second.split())) * b
    assert np.allclose(got, want / np.linalg.norm(want), atol=2e-2)  # stored vectors are int8-packed
    fresh = f"{first} A sentence no article of the corpus holds."
    reader.embed([fresh])
    assert calls == [[fresh]]  # a part not stored: the whole text is encoded
