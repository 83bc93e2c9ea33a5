"""Syndicated copies: found by measurement at index time, cited once, listed once, and left when they diverge."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import cli
from assistant.engine import Engine
from assistant.schema import Answer, Citation, Passage
from assistant.syndication import Copies, attach_copies, collapse_passages
from index.embeddings import FakeEncoder
from index.syndication.groups import THRESHOLD, find_groups
from index.syndication.minhash import signature
from index.text import fold, normalize_text

DATA = Path(__file__).parent / "data"
SEED = Path(__file__).parent.parent / "corpus" / "000_863afebc424a52ba.txt"
CORPUS = json.loads((DATA / "multihop-rag" / "corpus.json").read_text(encoding="utf-8"))
COPIES = [json.loads(line) for line in (DATA / "syndication" / "copies.jsonl").read_text().splitlines() if line]


def test_near_duplicate_grouping_precision_and_recall_on_synthetic_copies():
    """At least 30 copies (different furniture, light edits) among the 609 MultiHop-RAG articles."""
    assert len(COPIES) >= 30 and {c["split"] for c in COPIES} == {"dev", "holdout"}
    texts = {f"mh-{d['doc_index']}": normalize_text(d["body"]).strip() for d in CORPUS}
    texts |= {c["id"]: normalize_text(c["body"]).strip() for c in COPIES}
    family = {aid: aid for aid in texts} | {c["id"]: f"mh-{c['copy_of']}" for c in COPIES}
    split = {c["id"]: c["split"] for c in COPIES} | {f"mh-{c['copy_of']}": c["split"] for c in COPIES}

    groups = find_groups({aid: signature(text) for aid, text in texts.items()}, THRESHOLD)
    predicted = {frozenset(p) for g in groups for p in itertools.combinations(g, 2)}
    truth = {frozenset((a, b)) for a, b in itertools.combinations(sorted(texts), 2) if family[a] == family[b]}
    for s in ("dev", "holdout"):
        mine_truth = {p for p in truth if any(split.get(x) == s for x in p)}
        mine = {p for p in predicted if any(split.get(x) == s for x in p)}
        precision = len(mine & mine_truth) / len(mine)
        recall = len(mine & mine_truth) / len(mine_truth)
        assert precision >= 0.95 and recall >= 0.95, (s, precision, recall)
    for group in groups:
        assert len({family[aid] for aid in group}) == 1, f"unrelated articles grouped: {group}"


def _copy(text: str, outlet: str, *, dateline: str = "") -> str:
    """The story as another outlet runs it: its own header, breaks and footer around the same words."""
    paragraphs = text.split("\n")
    if dateline:
        paragraphs[0] = f"{dateline} \u2014 {paragraphs[0]}"
    body = paragraphs[:4] + ["Advertisement"] + paragraphs[4:]
    return "\n".join([f"By Staff | {outlet}", "Share this article", *body,
                      f"This story was originally published by {outlet}. All rights reserved."])


def _records(seed: str, copy2_body: str | None = None, copy1_body: str | None = None) -> list[dict]:
    rows = [
        {"title": "Kremlin responds to Trump meeting claims", "source": "Newsweek", "url": "https://wire.test/k1",
         "published_at": "2024-12-13T10:00:00Z", "body": seed},
        {"title": "Kremlin: no request for Trump-Putin meeting", "source": "Yahoo News",
         "url": "https://yahoo.test/k1", "published_at": "2024-12-13T12:00:00Z",
         "body": copy1_body or _copy(seed, "Yahoo News", dateline="MOSCOW (AP)")},
        {"title": "KREMLIN RESPONDS TO TRUMP", "source": "ABC News", "url": "https://abc.test/k1",
         "published_at": "2024-12-13T13:00:00Z", "body": copy2_body or _copy(seed, "ABC News")},
    ]
    rows += [{"title": d["title"], "source": d["source"] or "", "url": f"https://other.test/{i}",
              "published_at": "2024-12-01", "body": d["body"]} for i, d in enumerate(CORPUS[:4])]
    return rows


@pytest.fixture
def wire(tmp_path, fake_settings):
    seed = SEED.read_text(encoding="utf-8")
    data = tmp_path / "wire"
    data.mkdir()
    feed = data / "wire.json"
    feed.write_text(json.dumps(_records(seed)), encoding="utf-8")
    engine = Engine(fake_settings, encoder=FakeEncoder())
    assert engine.index([data]).added == 7
    return engine, data, feed, seed


def _groups(engine: Engine) -> dict[str, str]:
    return {r["source"]: r["group"] for r in engine.articles()}


def test_copies_are_grouped_at_index_time_and_listed(wire, monkeypatch, fake_settings):
    engine, data, _, _ = wire
    rows = {r["source"]: r for r in engine.articles()}
    story = {"Newsweek", "Yahoo News", "ABC News"}
    rep = rows["Newsweek"]["id"]  # the earliest published copy names the group
    assert {s: r["group"] for s, r in rows.items() if s in story} == dict.fromkeys(story, rep)
    assert all(r["group"] == "" and r["copies"] == [] for s, r in rows.items() if s not in story)
    assert sorted(rows["Newsweek"]["copies"]) == sorted([rows["Yahoo News"]["id"], rows["ABC News"]["id"]])

    monkeypatch.setenv("ASSISTANT_HOME", fake_settings.home)
    monkeypatch.setenv("ASSISTANT_ENCODER", "fake")
    monkeypatch.setenv("ASSISTANT_CHUNK_SIZE", str(fake_settings.chunk_size))
    monkeypatch.setenv("ASSISTANT_CHUNK_OVERLAP", str(fake_settings.chunk_overlap))
    out = CliRunner().invoke(cli, ["articles"]).stdout
    listing, groups = out.split("syndicated copies: 1 story\n")
    assert len(listing.strip().splitlines()) == 7
    (line,) = groups.strip().splitlines()
    assert line.startswith(rep + "\t")
    assert "Newsweek: also in" in line and "Yahoo News (" in line and "ABC News (" in line


def test_an_answer_cites_one_copy_and_says_where_else_it_ran(wire):
    engine, *_ = wire
    answer = engine.ask("What did Peskov say about a meeting?")
    assert answer.answered and answer.citations
    story = [c for c in answer.citations if c.source in {"Newsweek", "Yahoo News", "ABC News"}]
    assert story, "the answer comes from the syndicated story"
    assert len({fold(c.quote) for c in story}) == len(story), "the same words are cited once"
    for c in story:
        assert sorted([c.source, *c.also_in]) == ["ABC News", "Newsweek", "Yahoo News"]
    assert answer.to_dict()["citations"][0]["also_in"] == answer.citations[0].also_in


def test_the_speaker_listing_shows_a_syndicated_quotation_once(wire):
    engine, *_ = wire
    rows = engine.quotes("Peskov")
    assert rows, "Peskov is quoted in the story"
    keys = [fold(r["quote"]) for r in rows]
    assert len(keys) == len(set(keys)), "each quotation once, not once per copy"
    for r in rows:
        assert len(r["copies"]) == 2 and sorted([r["source"], *r["also_in"]]) == ["ABC News", "Newsweek",
                                                                                  "Yahoo News"]


def test_a_corrected_copy_that_diverges_leaves_its_group(wire):
    engine, data, feed, seed = wire
    other = "\n".join(CORPUS[200]["body"].split("\n")[:12])
    rewritten = "\n".join(seed.split("\n")[:3]) + "\n" + other  # "corrected" into another story
    lightly = _copy(seed, "Yahoo News", dateline="MOSCOW (AP)") + "\nCorrection: an earlier version misspelled a name."
    feed.write_text(json.dumps(_records(seed, copy2_body=rewritten, copy1_body=lightly)), encoding="utf-8")
    report = engine.index([data])
    assert report.updated == 2
    groups = _groups(engine)
    assert groups["ABC News"] == "", "the diverging copy left the group"
    assert groups["Yahoo News"] == groups["Newsweek"] != "", "a light correction stays a copy"
    engine.delete(next(r["id"] for r in engine.articles() if r["source"] == "Newsweek"))
    assert _groups(engine)["Yahoo News"] == "", "a copy whose only twin was deleted is alone again"


def _passage(aid: str, source: str, text: str) -> Passage:
    return Passage(aid, f"{aid}:0", "t", source, "", "", 0, len(text), 1.0, text)


def test_collapse_passages_drops_repeats_of_a_kept_copy_only():
    story = "The minister said the bridge would open in the spring after years of delays and cost overruns. " * 3
    extra = "A separate paragraph that only this copy carries explains the financing of the project in detail."
    copies = Copies(group_of={"a": "a", "b": "a"}, members={"a": ["a", "b"]}, outlet={"a": "AP", "b": "Yahoo"})
    kept = collapse_passages([_passage("a", "AP", story), _passage("b", "Yahoo", story),
                              _passage("b", "Yahoo", extra), _passage("c", "Other", story)], copies)
    assert [(p.article_id, p.text[:10]) for p in kept] == [("a", story[:10]), ("b", extra[:10]), ("c", story[:10])]


def test_attach_copies_merges_citations_of_one_quote_and_renumbers():
    def cite(n: int, aid: str, source: str, quote: str) -> Citation:
        return Citation(n, aid, "t", source, "", "", quote, 0, len(quote))

    copies = Copies(group_of={"a": "a", "b": "a", "c": "a"}, members={"a": ["a", "b", "c"]},
                    outlet={"a": "AP", "b": "Yahoo News", "c": "AP"})
    answer = Answer("q", "q", True, "One [1]. One again [2]. Two [3].",
                    [cite(1, "a", "AP", "We are ready."), cite(2, "b", "Yahoo News", "We are  ready."),
                     cite(3, "x", "Other", "Something else.")])
    attach_copies(answer, copies)
    assert [(c.n, c.article_id, c.also_in) for c in answer.citations] == [(1, "a", ["Yahoo News"]), (2, "x", [])]
    assert answer.answer == "One [1]. One again [1]. Two [2]."


def test_a_reader_learns_the_copies_from_one_record_per_revision(wire, monkeypatch):
    """The first answer after an index change must not read every article record (slow at 100k chunks)."""
    engine, *_ = wire
    from assistant.syndication import CopiesCache

    rep = next(r["id"] for r in engine.articles() if r["source"] == "Newsweek")

    def every_record(*args, **kwargs):
        raise AssertionError("read every article record")

    monkeypatch.setattr(engine.store, "article_records", every_record)
    copies = CopiesCache(engine.store).get()
    assert len(copies.members[rep]) == 3 and copies.members[rep][0] == rep
    assert sorted(copies.outlet.values()) == ["ABC News", "Newsweek", "Yahoo News"]
    monkeypatch.undo()
    engine.delete(rep)  # the record follows the groups
    after = CopiesCache(engine.store).get()
    assert rep not in after.group_of and [len(m) for m in after.members.values()] == [2]


def test_an_index_from_before_the_copies_record_gains_it_on_an_unchanged_run(wire):
    engine, data, *_ = wire
    from index.store import COPIES_ID

    engine.store.articles.delete(ids=[COPIES_ID])
    assert engine.store.copies_records() is None
    report = engine.index([data])
    assert report.added == report.updated == 0
    assert len(engine.store.copies_records()) == 3
