"""Outlet and date filters, the terminal chat REPL, and encoder errors (fake encoder, real Chroma)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from assistant.cli import cli
from assistant.engine import Engine
from assistant.filters import Filters
from index.embeddings import FakeEncoder, get_encoder
from index.errors import EncoderError

FEED = [
    {"title": "Harbour bridge opens", "source": "Daily Mail", "published_at": "2023-10-02",
     "url": "https://a.example/1", "body": "The mayor said the harbour bridge opened on Monday to traffic. " * 5},
    {"title": "Harbour bridge delayed", "source": "The Verge", "published_at": "2023-11-20",
     "url": "https://b.example/2", "body": "Engineers said the harbour bridge opening is delayed by rain. " * 5},
    {"title": "Harbour bridge costs", "source": "Fortune", "published_at": "2023-12-15",
     "url": "https://c.example/3", "body": "The harbour bridge cost 40 million dollars, the council said. " * 5},
]


@pytest.fixture
def feed_engine(fake_settings, tmp_path):
    (tmp_path / "feed").mkdir()
    (tmp_path / "feed" / "feed.json").write_text(json.dumps(FEED))
    engine = Engine(fake_settings, encoder=FakeEncoder())
    assert engine.index([tmp_path / "feed"]).added == 3
    return engine


@pytest.mark.parametrize("mode", ["hybrid", "dense", "bm25"])
def test_outlet_and_date_filters(feed_engine, mode):
    everything = {h["source"] for h in feed_engine.search("harbour bridge", k=10, mode=mode)}
    assert everything == {"Daily Mail", "The Verge", "Fortune"}
    only = feed_engine.search("harbour bridge", k=10, mode=mode, filters=Filters(sources=("Fortune",)))
    assert {h["source"] for h in only} == {"Fortune"}
    autumn = feed_engine.search("harbour bridge", k=10, mode=mode, filters=Filters(since="2023-10-01",
                                                                                     until="2023-11-20"))
    assert {h["source"] for h in autumn} == {"Daily Mail", "The Verge"}


def test_ask_honours_filters(feed_engine):
    answer = feed_engine.ask("What did engineers say about the harbour bridge?",
                             filters=Filters(sources=("The Verge",)))
    assert answer.citations and {c.source for c in answer.citations} == {"The Verge"}
    assert {r["article_id"] for r in answer.retrieved} == {answer.citations[0].article_id}


def test_chat_repl_keeps_history(tmp_path, corpus_dir, monkeypatch):
    monkeypatch.setenv("ASSISTANT_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ASSISTANT_ENCODER", "fake")
    runner = CliRunner()
    assert runner.invoke(cli, ["index", str(corpus_dir)]).exit_code == 0
    result = runner.invoke(cli, ["chat"], input="What did Peskov say?\nWhat else did he say?\n\n")
    assert result.exit_code == 0, result.output
    assert result.output.count("Sources:") == 2
    first, second = result.output.split("Sources:")[1:3]
    assert "Peskov" in first and "Peskov" in second
    assert first.strip() != second.strip(), "a follow-up asking for more should not repeat the same quotes"


def test_unknown_encoder_is_a_clear_error():
    with pytest.raises(EncoderError, match="unknown encoder"):
        get_encoder("no-such-model")


def test_filtered_dense_search_broad_and_narrow(fake_settings, tmp_path, monkeypatch):
    """A filter keeping few chunks is searched exactly over their vectors; broad filters (past ``EXACT_MAX``)
    are applied to over-fetched dense hits, narrow ones by Chroma's where: the same results every way."""
    import assistant.retrieval as retrieval
    from assistant.retrieval import FILTER_SHARE

    feed = [{"title": f"Harbour story {i}", "source": "Common Outlet" if i else "Rare Outlet",
             "published_at": f"2023-{10 + i % 3}-0{1 + i % 9}", "url": f"https://x.example/{i}",
             "body": f"The harbour bridge story number {i} says the council met on day {i}. " * 3}
            for i in range(80)]
    (tmp_path / "feed").mkdir()
    (tmp_path / "feed" / "feed.json").write_text(json.dumps(feed))
    engine = Engine(fake_settings, encoder=FakeEncoder())
    engine.index([tmp_path / "feed"])
    rare = Filters(sources=("Rare Outlet",))
    engine.searcher.lexical.ensure_fresh(engine.store)
    assert float(rare.mask(engine.searcher.lexical.columns).mean()) < FILTER_SHARE
    assert {h["source"] for h in engine.search("harbour bridge", k=5, mode="dense", filters=rare)} == {"Rare Outlet"}
    recent = Filters(since="2023-12-01")
    hits = engine.search("harbour bridge council", k=8, mode="dense", filters=recent)
    assert len(hits) == 8 and all(h["published"] >= "2023-12-01" for h in hits)
    searcher = engine.searcher
    vector = engine.store.encoder.embed_query("harbour bridge council")
    by_chroma = searcher.store.dense_search(vector, 8, recent.where())
    exact = searcher._dense([vector], 8, recent)[0]
    assert searcher._narrow is not None and searcher._narrow[0][1] == recent, "searched exactly"
    assert [round(score, 5) for _, score in exact] == [round(h.score, 5) for h in by_chroma]  # ties may swap ids
    found = searcher.store.get_chunks([cid for cid, _ in exact])
    assert len(found) == len(exact) and all(meta["published"] >= "2023-12-01" for _, meta in found.values())
    monkeypatch.setattr(retrieval, "EXACT_MAX", 0)  # as past EXACT_MAX kept chunks: over-fetch, or Chroma's where
    searcher._narrow = None
    over = searcher._dense([vector], 8, recent)[0]
    assert [round(score, 5) for _, score in over] == [round(h.score, 5) for h in by_chroma]
    by_where = searcher._dense([vector], 3, rare)[0]
    assert searcher._narrow is None
    sources = [meta["source"] for _, meta in searcher.store.get_chunks([cid for cid, _ in by_where]).values()]
    assert sources == ["Rare Outlet"] * len(by_where) and by_where
