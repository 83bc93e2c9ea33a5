"""The author's own words: a question about the person who wrote an article (its byline), not someone it quotes.

Unit cases on invented passages, and the whole path through a real index (embedded Chroma, the fake encoder): a
columnist nobody quotes is found by byline even when retrieval brought none of their articles.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from answer.helpers import check_well_formed, chunks, fake_embed

from assistant.answer import answer_extractive
from assistant.engine import Engine
from index.embeddings import FakeEncoder
from index.settings import Settings

COLUMN = (
    "Harbour Ferries will add a late boat on Fridays from March.\n"
    "I think the new timetable finally suits the people who work late shifts in the port.\n"
    "\u201cWe listened to the night workers,\u201d said operations chief Tomas Brevik.\n"
    "The old timetable left the last boat at nine, which never made sense to me.\n"
)
NEWS = (
    "The council voted on Monday to fund the harbour ferry for another five years.\n"
    "Mayor Lena Osei said the vote was a relief for the island's families.\n"
)


def _passages() -> list:
    column = [replace(p, author="Ines Valcourt") for p in chunks("column", COLUMN, source="Harbour Post")]
    return column + chunks("news", NEWS)


def test_the_authors_own_sentences_answer_and_are_labelled_as_their_writing() -> None:
    ans = answer_extractive("What does Ines Valcourt think about the new ferry timetable?", _passages(),
                            embed=fake_embed)
    check_well_formed(ans, _passages())
    assert ans.answered and ans.answer.startswith("Ines Valcourt writes (Harbour Post): ")
    assert {c.speaker for c in ans.citations} == {"Ines Valcourt"} and {c.kind for c in ans.citations} == {""}
    assert "timetable" in ans.citations[0].quote
    assert not any("listened" in c.quote for c in ans.citations)  # a sentence quoting someone else is not hers
    assert "\u201c" not in ans.answer.split(": ", 1)[1].split("[1]")[0]  # her writing is not dressed as a quote


def test_an_author_who_wrote_nothing_on_the_topic_is_refused_in_plain_words() -> None:
    ans = answer_extractive("What did Ines Valcourt say about the stadium roof?", _passages(), embed=fake_embed)
    assert not ans.answered
    assert "Ines Valcourt wrote one of the retrieved articles; none of it is about the stadium roof." in ans.answer


def test_someone_quoted_is_answered_from_their_quotations_not_from_a_byline() -> None:
    ans = answer_extractive("What did Lena Osei say about the vote?", _passages(), embed=fake_embed)
    assert ans.answered and [c.speaker for c in ans.citations] == ["Lena Osei"]


@pytest.fixture
def engine(fake_settings: Settings, tmp_path: Path) -> Engine:
    docs = tmp_path / "docs"
    docs.mkdir()
    records = [
        {"title": "A late boat at last", "body": COLUMN, "author": "Ines Valcourt", "source": "Harbour Post",
         "url": "https://example.com/column", "published": "2024-02-01"},
        {"title": "Council funds the ferry", "body": NEWS, "url": "https://example.com/news",
         "published": "2024-02-03"},
    ] + [{"title": f"Harbour notes {n}", "body": f"The harbour market opens at {n} on Saturday {n}.\n",
          "url": f"https://example.com/notes-{n}", "published": "2024-01-0" + str(n)} for n in range(1, 8)]
    (docs / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    e = Engine(fake_settings, encoder=FakeEncoder())
    e.index([docs])
    return e


def test_a_columnist_is_found_by_byline_through_the_index(engine: Engine) -> None:
    ans = engine.ask("What does Ines Valcourt think about the timetable?", k=2)
    assert ans.answered and ans.citations and {c.speaker for c in ans.citations} == {"Ines Valcourt"}
    for c in ans.citations:
        assert engine.article_text(c.article_id)[c.start : c.end] == c.quote
    nobody = engine.ask("What does Ines Vandermeer think about the timetable?", k=2)
    assert not nobody.answered
    # retrieval brings only the market notes; her column comes by its byline, and says nothing of the market
    market = engine.ask("What does Ines Valcourt think about the harbour market on Saturday?", k=2)
    assert not market.answered and "Ines Valcourt wrote one of the retrieved articles" in market.answer


def test_the_author_asked_with_the_outlets_possessive_is_found_by_byline() -> None:
    """"Harbour Post's Ines Valcourt": the outlet says where she writes; the byline names her."""
    ans = answer_extractive("What did Harbour Post's Ines Valcourt say about the new ferry timetable?", _passages(),
                            embed=fake_embed)
    assert ans.answered and ans.answer.startswith("Ines Valcourt writes (Harbour Post): "), ans.answer
