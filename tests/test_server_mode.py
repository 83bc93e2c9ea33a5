"""The same code path against a real `chroma run` server (HttpClient)."""

from __future__ import annotations

import shutil
import uuid

import pytest

from assistant.engine import Engine
from index.embeddings import FakeEncoder
from index.errors import StoreUnavailable
from index.settings import Settings

pytestmark = pytest.mark.server


def test_index_search_and_reindex_against_a_server(chroma_server, tmp_path, corpus_dir):
    host, port = chroma_server
    settings = Settings(home=str(tmp_path / "home"), encoder="fake", chroma_host=host, chroma_port=port,
                        collection=f"t{uuid.uuid4().hex[:8]}", chunk_size=400, chunk_overlap=80)
    engine = Engine(settings, encoder=FakeEncoder())
    first = engine.index([corpus_dir])
    assert (first.added, first.articles) == (1, 1) and first.chunks > 1
    assert engine.index([corpus_dir]).skipped == 1
    # a second client of the same server (its own data home: another machine) sees the same articles and texts
    other = Engine(settings.replace(home=str(tmp_path / "other-home")), encoder=FakeEncoder())
    (row,) = other.articles()
    text = other.article_text(row["id"])
    for _, doc, meta in other.store.iter_chunks():
        assert text[meta["start"] : meta["end"]] == doc
    hits = other.search("Peskov Kremlin spokesperson", k=3, mode="bm25")  # its own BM25 copy, derived
    assert hits and hits[0]["article_id"] == row["id"]
    hits = other.search("Peskov Kremlin spokesperson", k=3)
    assert hits and hits[0]["article_id"] == row["id"]
    # quotations stored at index time are read by every client of the server
    peskov = other.quotes("Peskov")
    assert peskov and peskov == other.quotes("Dmitry Peskov") == engine.quotes("the Kremlin spokesperson")
    found = other.quotations_for([row["id"]])[row["id"]]
    assert all(text[q.start : q.end] == q.quote for q in found) and len(found) == other.store.quotation_count()
    # the vector cache is on the server: the other client indexing a copy of the corpus encodes nothing
    copy = tmp_path / "mounted-elsewhere"
    shutil.copytree(corpus_dir, copy)
    moved = other.index([copy])
    assert moved.updated == 1 and moved.encoded == 0
    # and the first client's BM25 follows the change
    assert engine.search("Peskov Kremlin spokesperson", k=3, mode="bm25")[0]["article_id"] == row["id"]
    other.delete(row["id"])
    assert engine.articles() == [] and engine.store.chunk_count() == 0 and engine.store.quotation_count() == 0


def test_unreachable_server_is_one_clear_error(tmp_path):
    settings = Settings(home=str(tmp_path), encoder="fake", chroma_host="127.0.0.1", chroma_port=9)
    with pytest.raises(StoreUnavailable, match="127.0.0.1:9"):
        Engine(settings, encoder=FakeEncoder()).articles()
