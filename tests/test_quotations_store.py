"""Quotations stored at index time in Chroma (``<prefix>_quotations``), read through the engine."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from assistant.engine import Engine
from assistant.filters import Filters
from index.embeddings import FakeEncoder
from index.errors import IndexMismatch
from index.quotations import Quotation
from index.settings import Settings

SEED = Path(__file__).resolve().parents[1] / "corpus" / "000_863afebc424a52ba.txt"

OLDER = (
    "Harbour council approves new ferry route\n"
    "Harbour mayor Marta Quillan said on Monday that the new route would open in May.\n"
    '"We have waited ten years for this," Quillan told reporters. "It changes everything."\n'
    "Opposition councillor Tom Reyes said the plan was rushed."
)
NEWER = (
    "Ferry route delayed\n"
    '"The boats are not ready," Quillan said on Friday.\n'
    "The operator said in a statement that it would refund tickets."
)


def feed(folder: Path, *records: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "feed.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return folder


def _docs(tmp_path: Path, newer: str = NEWER) -> Path:
    return feed(
        tmp_path / "docs",
        {"title": "Ferry route approved", "body": OLDER, "url": "https://example.com/1", "published": "2024-01-02"},
        {"title": "Ferry route delayed", "body": newer, "url": "https://example.com/2", "published": "2024-03-04"},
    )


@pytest.fixture
def engine(fake_settings: Settings, tmp_path: Path) -> Engine:
    e = Engine(fake_settings, encoder=FakeEncoder())
    e.index([_docs(tmp_path)])
    return e


def test_name_forms_give_the_same_list_newest_first(engine: Engine) -> None:
    full = engine.quotes("Marta Quillan")
    assert full == engine.quotes("Quillan") == engine.quotes("the mayor")
    assert [r["quote"] for r in full] == [
        "The boats are not ready",
        "the new route would open in May",
        "We have waited ten years for this",
        "It changes everything.",
    ]
    assert {r["speaker"] for r in full} == {"Marta Quillan"} and {r["speaker_type"] for r in full} == {"person"}
    assert [r["published"][:4] for r in full] == ["2024", "2024", "2024", "2024"]
    for r in full:
        assert engine.article_text(r["article_id"])[r["start"] : r["end"]] == r["quote"]
    assert engine.quotes("Reyes") and not engine.quotes("Marta Reyes")


def test_speakers_are_entities_with_counts_and_types(engine: Engine) -> None:
    speakers = {e.name: e for e in engine.speakers()}
    assert speakers["Marta Quillan"].count == 4 and speakers["Marta Quillan"].speaker_type == "person"
    assert "Quillan" not in speakers  # merged into the full name
    assert engine.speakers()[0].name == "Marta Quillan"  # most quoted first


def test_quotations_for_articles(engine: Engine) -> None:
    ids = [a["id"] for a in engine.articles()]
    found = engine.quotations_for([*ids, "no-such-article"])
    assert set(found) == set(ids)
    for aid, quotes in found.items():
        text = engine.article_text(aid)
        assert quotes == sorted(quotes, key=lambda q: q.start)
        for q in quotes:
            assert isinstance(q, Quotation) and text[q.start : q.end] == q.quote
            assert q.sentence_start <= q.start < q.end <= q.sentence_end and q.entity
    quotes = [q for qs in found.values() for q in qs]
    assert {q.kind for q in quotes} == {"direct", "reported"}


def test_reindex_extracts_only_what_changed(fake_settings: Settings, tmp_path: Path) -> None:
    encoder = FakeEncoder()
    engine = Engine(fake_settings, encoder=encoder)
    docs = _docs(tmp_path)
    first = engine.index([docs])
    assert first.extracted_articles == 2 and first.quotations == engine.store.quotation_count() > 0
    again = engine.index([docs])
    assert again.extracted_articles == 0 and again.skipped == 2
    changed = engine.index([_docs(tmp_path, NEWER.replace("Friday", "Saturday"))])
    assert (changed.extracted_articles, changed.updated) == (1, 1)
    assert engine.quotes("Quillan")[0]["quote"] == "The boats are not ready"
    assert engine.store.quotation_count() == first.quotations  # the old version's records are gone
    (tmp_path / "docs" / "feed.jsonl").write_text(
        json.dumps({"title": "Ferry route approved", "body": OLDER, "url": "https://example.com/1"}) + "\n"
    )
    gone = engine.index([tmp_path / "docs"])
    assert gone.deleted == 1 and "The boats are not ready" not in [r["quote"] for r in engine.quotes("Quillan")]


def test_readers_see_quotations_of_complete_articles_only(engine: Engine) -> None:
    records = engine.store.article_records()
    victim = next(aid for aid, m in records.items() if "delayed" in m["title"])
    engine.store.update_article_metas([victim], [{**records[victim], "complete": False}])
    engine.store.bump_revision()
    assert victim not in engine.quotations_for([victim])
    assert "The boats are not ready" not in [r["quote"] for r in engine.quotes("Quillan")]


def test_an_index_built_before_quotations_were_stored_is_refused(engine: Engine, fake_settings: Settings) -> None:
    meta = engine.store.meta()
    meta.pop("quotations")  # what an index written by the previous version holds
    engine.store.articles.delete(ids=["__meta__"])
    engine.store.articles.add(ids=["__meta__"], metadatas=[meta], embeddings=[[1.0]], documents=[""])
    engine = Engine(fake_settings, encoder=FakeEncoder())  # as a new process opens it
    with pytest.raises(IndexMismatch, match="assistant index --rebuild"):
        engine.quotes("Quillan")
    with pytest.raises(IndexMismatch, match="assistant index --rebuild"):
        engine.index([])


def test_quotations_of_an_older_extractor_are_upgraded_without_encoding(fake_settings: Settings, tmp_path) -> None:
    encoder = FakeEncoder()
    engine = Engine(fake_settings, encoder=encoder)
    docs = _docs(tmp_path)
    engine.index([docs])
    engine.store.quotation_version = "rules-older"
    engine.store.bump_revision()  # as an older version of the code left it
    engine.store.quotation_version = Engine(fake_settings, encoder=encoder).store.quotation_version
    with pytest.raises(IndexMismatch, match="run `assistant index`"):
        engine.quotes("Quillan")
    calls = encoder.calls
    report = engine.index([docs])
    assert report.extracted_articles == 2 and report.skipped == 2 and encoder.calls == calls
    assert len(engine.quotes("Quillan")) == 4


def test_seed_article_speakers(fake_settings: Settings, tmp_path: Path) -> None:
    docs = tmp_path / "seed"
    docs.mkdir()
    shutil.copy(SEED, docs / SEED.name)
    engine = Engine(fake_settings, encoder=FakeEncoder())
    engine.index([docs])
    peskov = engine.quotes("Peskov")
    assert peskov and peskov == engine.quotes("Dmitry Peskov") == engine.quotes("the Kremlin spokesperson")
    assert {e.name for e in engine.speakers()} >= {"Dmitry Peskov", "Donald Trump"}


def test_the_answerer_reads_stored_quotations_and_never_extracts_at_query_time(fake_settings, tmp_path, monkeypatch):
    """An article with no stored quotation has none: asking about it extracts nothing at query time."""
    import assistant.answer.quotations as answer_quotations

    plain = "Harbour tides\nThe harbour tide tables for May were printed on Monday. The tides peak at noon.\n"
    docs = feed(tmp_path / "docs", {"title": "Ferry route approved", "body": OLDER, "url": "https://example.com/1"},
                {"title": "Harbour tides", "body": plain, "url": "https://example.com/3"})
    engine = Engine(fake_settings, encoder=FakeEncoder())
    engine.index([docs])

    def refuse(text):  # the stored quotations must be used instead
        raise AssertionError("quotations extracted at query time")

    monkeypatch.setattr(answer_quotations, "extract_quotations", refuse)
    for question in ("What did Quillan say?", "When were the harbour tide tables printed?"):
        answer = engine.ask(question)
        assert {p["article_id"] for p in answer.retrieved} >= {a["id"] for a in engine.articles()}
    assert engine.ask("What did Quillan say?").citations


def test_the_answerer_sees_quotations_of_the_new_revision(engine: Engine, tmp_path: Path) -> None:
    """Quotations kept for the answerer belong to one index revision: a re-index shows the new words."""
    before = " ".join(c.quote for c in engine.ask("What did Quillan say about the boats?").citations)
    assert "The boats are not ready" in before
    changed = NEWER.replace("The boats are not ready", "The new boats arrive in June")
    engine.index([_docs(tmp_path, newer=changed)])
    after = " ".join(c.quote for c in engine.ask("What did Quillan say about the boats?").citations)
    assert "The new boats arrive in June" in after and "The boats are not ready" not in after


def test_an_index_change_elsewhere_reads_no_stored_quotations_again(engine: Engine, tmp_path: Path, monkeypatch):
    """The answerer keeps each article's stored quotations by its text: after another article changes, the
    first ask reads only the changed article's quotations (the first ask after an index change stays cheap)."""
    from index.quotations import store as quotation_store

    read: list[str] = []
    real = quotation_store.read
    monkeypatch.setattr(quotation_store, "read", lambda store, ids=None: read.extend(ids or []) or real(store, ids))
    question = "What did Quillan say about the boats?"
    engine.ask(question)
    first = {p["article_id"] for p in engine.ask(question).retrieved}
    assert read and set(read) <= first
    changed = NEWER.replace("The boats are not ready", "The new boats arrive in June")
    engine.index([_docs(tmp_path, newer=changed)])
    read.clear()
    answer = engine.ask(question)
    (changed_id,) = [a["id"] for a in engine.articles() if a["title"] == "Ferry route delayed"]
    assert {p["article_id"] for p in answer.retrieved} == first
    assert read == [changed_id], "the unchanged article's quotations are kept"
    assert "The new boats arrive in June" in " ".join(c.quote for c in answer.citations)


def test_what_did_x_say_reads_the_store_when_retrieval_finds_only_mentions(fake_settings: Settings, tmp_path) -> None:
    """Articles that mention Quillan many times but never quote her outrank, for "What did Quillan say?", the one
    short article that quotes her: the answer still comes from her stored quotations (and a filter keeps the
    answer to what retrieval found)."""
    mentions = [{"title": f"Quillan profile {n}", "url": f"https://example.com/m{n}", "published": "2024-05-0{n}",
                 "body": f"Quillan, Quillan and Quillan again: the Quillan era at the harbour, part {n}. " * 3}
                for n in range(1, 6)]
    quoted = {"title": "Ferry route delayed", "url": "https://example.com/q", "published": "2024-03-04", "body": NEWER,
              "source": "Harbour News"}
    engine = Engine(fake_settings, encoder=FakeEncoder())
    engine.index([feed(tmp_path / "docs", *mentions, quoted)])
    assert "Ferry route delayed" not in {p["title"] for p in engine.search("What did Quillan say?", k=2)}
    ans = engine.ask("What did Quillan say?", k=2)
    assert ans.answered, ans.answer
    assert [c.quote for c in ans.citations] == ["The boats are not ready"]
    assert all(c.speaker == "Quillan" for c in ans.citations)
    filtered = engine.ask("What did Quillan say?", k=2, filters=Filters(sources=("Nowhere Daily",)))
    assert not filtered.answered
