"""Content-addressed vectors: moved, copied or repeated text is never encoded twice (fake encoder, real Chroma)."""

from __future__ import annotations

import json
import shutil

import numpy as np
from click.testing import CliRunner

from assistant.cli import cli
from assistant.engine import Engine
from index.embeddings import FakeEncoder
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
    assert first.added == 4 and first.encoded + first.encoded_sentences == encoder.texts_encoded > 0
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
    assert report.added == 2 and report.chunks == 2 * (report.encoded)


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
    texts = [doc for _, doc, _ in store.iter_chunks()]
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
