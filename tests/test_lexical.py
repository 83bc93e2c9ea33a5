"""BM25 persisted per store revision: loaded without re-tokenising, updated incrementally (fake encoder)."""

from __future__ import annotations

import numpy as np
import pytest

import index.lexical as lexical
from assistant.engine import Engine
from index.embeddings import FakeEncoder
from index.lexical import LexicalIndex, chunk_tokens, tokenize


def write_articles(folder, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"a{i}.txt").write_text(
            f"Story {i} about Town{i}\n" + f"The council of Town{i} voted on the harbour budget for {i} years. " * 25
        )


@pytest.fixture
def counted(monkeypatch):
    """Counts the chunks BM25 tokenises."""
    seen: list[str] = []
    real = lexical.chunk_tokens

    def counting(text: str, title: str) -> list[str]:
        seen.append(text)
        return real(text, title)

    monkeypatch.setattr(lexical, "chunk_tokens", counting)
    return seen


def test_a_fresh_process_loads_bm25_without_tokenising(fake_settings, tmp_path, counted):
    write_articles(tmp_path / "docs", 6)
    engine = Engine(fake_settings, encoder=FakeEncoder())
    report = engine.index([tmp_path / "docs"])
    assert len(counted) == report.chunks, "the indexer tokenises each new chunk once"
    counted.clear()
    reader = Engine(fake_settings, encoder=FakeEncoder())  # as a new process would
    hits = reader.search("Town3 council", k=3, mode="bm25")
    assert hits and "Town3" in hits[0]["text"]
    assert counted == [], "a reader must load the saved index, not rebuild it"


def test_a_generation_saved_by_another_tokeniser_format_is_rebuilt_not_read(fake_settings, tmp_path, counted):
    import json

    from index.postings import FORMAT

    write_articles(tmp_path / "docs", 4)
    engine = Engine(fake_settings, encoder=FakeEncoder())
    report = engine.index([tmp_path / "docs"])
    for state in engine.store.lexical_dir.glob("r*/state.json"):
        state.write_text(json.dumps({**json.loads(state.read_text()), "format": FORMAT - 1}))
    counted.clear()
    reader = Engine(fake_settings, encoder=FakeEncoder())
    hits = reader.search("Town2 council", k=3, mode="bm25")
    assert hits and "Town2" in hits[0]["text"]
    assert len(counted) == report.chunks, "an older format's terms may differ: every chunk is tokenised again"


def test_an_index_change_tokenises_only_the_changed_chunks(fake_settings, tmp_path, counted):
    docs = tmp_path / "docs"
    write_articles(docs, 6)
    engine = Engine(fake_settings, encoder=FakeEncoder())
    engine.index([docs])
    reader = Engine(fake_settings, encoder=FakeEncoder())
    reader.search("council", k=3, mode="bm25")
    (docs / "a2.txt").write_text("Story 2 rewritten\nThe tunnel under Town2 opened to traffic today. " * 3)
    counted.clear()
    engine.index([docs])
    changed = [doc for _, doc, meta in engine.store.iter_chunks() if "tunnel" in doc]
    assert sorted(counted) == sorted(changed)
    counted.clear()
    hits = reader.search("tunnel Town2", k=3, mode="bm25")  # the reader follows the revision
    assert hits and "tunnel" in hits[0]["text"] and counted == []
    assert not any("Town2 voted" in h["text"] for h in reader.search("Town2 council budget", k=50, mode="bm25"))


def test_a_client_without_the_saved_index_derives_it_from_the_store(fake_settings, tmp_path):
    """A second client of a Chroma server has its own data home: it builds its copy from the store."""
    write_articles(tmp_path / "docs", 4)
    engine = Engine(fake_settings, encoder=FakeEncoder())
    engine.index([tmp_path / "docs"])
    own = LexicalIndex(tmp_path / "elsewhere")
    own.ensure_fresh(engine.store)
    assert len(own) == engine.store.chunk_count() and own.revision == engine.store.revision()
    assert (tmp_path / "elsewhere" / f"r{own.revision}" / "state.json").exists()


def test_scores_equal_bm25s(fake_settings, tmp_path):
    bm25s = pytest.importorskip("bm25s")
    write_articles(tmp_path / "docs", 12)
    engine = Engine(fake_settings, encoder=FakeEncoder())
    engine.index([tmp_path / "docs"])
    rows = list(engine.store.iter_chunks())
    reference = bm25s.BM25()
    reference.index([chunk_tokens(doc, meta.get("title", "")) for _, doc, meta in rows], show_progress=False)
    ours = LexicalIndex(engine.store.lexical_dir)
    ours.ensure_fresh(engine.store)
    for query in ("Town3 council", "harbour budget years", "Story 7 Town7 Town7", "nothing matches"):
        want = np.asarray(reference.get_scores(tokenize(query)), dtype=np.float32)
        got = dict(ours.search(query, k=len(rows)))
        for i, (cid, _, _) in enumerate(rows):
            assert got.get(cid, 0.0) == pytest.approx(float(want[i]), abs=1e-4)


def test_the_collection_facts_come_from_the_saved_columns(fake_settings, tmp_path, monkeypatch):
    """Outlets (by name and by web host) and the newest day, read from the lexical index, not every record."""
    import json
    from datetime import date

    from assistant.query.outlets import outlet_keys

    data = tmp_path / "wire"
    data.mkdir()
    rows = [{"title": f"Story {i}", "source": src, "url": url, "published_at": f"2024-0{i + 1}-1{i}",
             "body": f"The harbour council of Town{i} met on the budget. " * 20}
            for i, (src, url) in enumerate([("The Verge", "https://www.theverge.com/a"), ("", "https://www.bbc.co.uk/n"),
                                            ("Sporting News", ""), ("", "")])]
    (data / "feed.json").write_text(json.dumps(rows), encoding="utf-8")
    engine = Engine(fake_settings, encoder=FakeEncoder())
    engine.index([data])
    metas = [meta for _, _, meta in engine.store.iter_chunks()]
    monkeypatch.setattr(engine.store, "article_records", lambda *a, **k: pytest.fail("read every article record"))
    facts = engine.searcher.facts()
    assert facts.catalog.keys == set().union(*(outlet_keys(m.get("source", ""), m.get("url", "")) for m in metas))
    assert {"verge", "bbc", "sportingnews"} <= facts.catalog.keys
    assert (facts.reference - date(1970, 1, 1)).days == max(int(m["published_ts"]) // 86400 for m in metas)


def test_a_question_reads_the_revision_once_and_a_write_is_seen_at_once(fake_settings, tmp_path, monkeypatch):
    """Query analysis, BM25, copies and quotations all ask for the revision: one ``__meta__`` read per question;
    a write through another store object of this process is still seen by the next question."""
    write_articles(tmp_path / "docs", 3)
    writer = Engine(fake_settings, encoder=FakeEncoder())
    writer.index([tmp_path / "docs"])
    reader = Engine(fake_settings, encoder=FakeEncoder())
    reader.ask("What did the council of Town1 vote on?")
    reads = []
    real = reader.store._read_meta
    monkeypatch.setattr(reader.store._meta, "_read", lambda: reads.append(1) or real())
    reader.ask("What did the council of Town2 vote on?")
    assert len(reads) <= 1
    (tmp_path / "docs" / "a9.txt").write_text("Story 9 about Zanzibar\n" + "The Zanzibar ferry sailed at dawn. " * 20)
    writer.index([tmp_path / "docs"])
    hits = reader.search("Zanzibar ferry", k=2, mode="bm25")
    assert hits and "Zanzibar" in hits[0]["text"]


def test_an_engine_that_indexes_moves_its_readers_to_the_new_revision_at_once(fake_settings, tmp_path, counted):
    write_articles(tmp_path / "docs", 3)
    engine = Engine(fake_settings, encoder=FakeEncoder())
    engine.index([tmp_path / "docs"])
    engine.ask("What did the council vote on?")  # its readers are built
    (tmp_path / "docs" / "a7.txt").write_text("Story 7 about Zanzibar\n" + "The Zanzibar ferry sailed at dawn. " * 20)
    engine.index([tmp_path / "docs"])
    revision = engine.store.revision()
    assert engine.searcher.lexical.revision == revision, "the first question after a change must not load BM25"
    assert engine.copies_cache._cached[0] == revision


def test_each_row_keeps_its_chunks_sentence_vectors_across_changes(fake_settings, tmp_path):
    """The generation holds every chunk's sentence vectors by row (what the rerank reads instead of Chroma
    records); after an article changes, kept and new rows still hold their own chunk's vectors."""
    from index.sentence_vectors import META_KEY, unpack

    docs = tmp_path / "docs"
    write_articles(docs, 5)
    engine = Engine(fake_settings, encoder=FakeEncoder())
    engine.index([docs])
    (docs / "a1.txt").write_text("Story 1 rewritten\nThe tunnel under Town1 opened to traffic today. " * 3)
    (docs / "a3.txt").unlink()
    engine.index([docs])
    own = LexicalIndex(engine.store.lexical_dir)
    own.ensure_fresh(engine.store)
    chunks = list(engine.store.iter_chunks())
    rows = own.rows_of([cid for cid, _, _ in chunks] + ["no-such-chunk"])
    assert rows[-1] == -1 and sorted(rows[:-1].tolist()) == list(range(len(own)))
    for (cid, _, meta), row in zip(chunks, rows.tolist()):
        want = unpack(meta[META_KEY], engine.store.info.dimension)
        assert len(want) and np.array_equal(own.sentence_matrix(row), want), cid


def test_a_search_reads_the_records_of_the_chunks_it_returns_only(fake_settings, tmp_path, monkeypatch):
    """Candidates are scored from the generation's rows: Chroma records are read for the top k alone, and
    the dense query asks for ids and distances only."""
    write_articles(tmp_path / "docs", 12)
    engine = Engine(fake_settings, encoder=FakeEncoder())
    engine.index([tmp_path / "docs"])
    store = engine.store
    read: list[str] = []
    includes: list[list[str]] = []
    get_chunks, query = store.get_chunks, store.chunks.query
    monkeypatch.setattr(store, "get_chunks", lambda ids: read.extend(ids) or get_chunks(ids))
    monkeypatch.setattr(store.chunks, "query", lambda **kw: includes.append(kw["include"]) or query(**kw))
    hits = engine.search("harbour budget of Town3 and Town7", k=3)
    assert len(hits) == 3 and len(read) == 3 and {h["chunk_id"] for h in hits} == set(read)
    assert includes and all(inc == ["distances"] for inc in includes)
