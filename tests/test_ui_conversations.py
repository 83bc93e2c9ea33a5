"""Conversations and settings as the browser stores them: read defensively, kept in shape."""

from __future__ import annotations

import json

import pytest

from assistant.schema import Answer, Citation
from ui.conversations import MAX_CONVERSATIONS, ChatStore, Turn, answer_from_json, answer_to_json
from ui.handlers.settings import save
from ui.prefs import Prefs


def _answer() -> Answer:
    c = Citation(n=1, article_id="a", title="T", source="S", url="", published="2023-01-02", quote="q", start=0,
                 end=1, speaker="Ada", kind="reported")
    return Answer(question="q", standalone_question="q", answered=True, answer="Ada said [1].", citations=[c],
                  retrieved=[{"article_id": "a", "text": "x" * 500}], timings_ms={"total": 3.0})


def test_answers_round_trip_without_the_retrieved_chunks() -> None:
    data = answer_to_json(_answer())
    assert "retrieved" not in data and "timings_ms" not in data
    back = answer_from_json(json.loads(json.dumps(data)))
    assert back is not None and back.citations[0].kind == "reported" and back.answer == "Ada said [1]."


@pytest.mark.parametrize("garbage", [None, 3, "x", [], {"conversations": "x"}, {"conversations": [1, None, {}]},
                                     {"conversations": [{"id": "c", "turns": [{"question": 5}, "x"]}], "current": 7}])
def test_anything_from_the_browser_loads_into_a_valid_store(garbage) -> None:
    store = ChatStore.load(garbage)
    assert all(c.id for c in store.conversations)
    assert store.current is None or store.find(store.current) is not None
    json.dumps(store.to_json())


def test_a_done_turn_without_a_readable_answer_becomes_stopped() -> None:
    turn = Turn.load({"question": "q", "status": "done", "answer": {"citations": "nope", "answered": "x"}})
    assert turn is not None and (turn.status == "stopped" or turn.answer is not None)


def test_start_rename_delete_and_history() -> None:
    store = ChatStore()
    conv = store.start("What did Peskov say about the meeting with the new administration in January?")
    assert store.current == conv.id and conv.title.endswith("\u2026") and len(conv.title) <= 60
    conv.turns += [Turn("q1", _answer(), "done"), Turn("q2", None, "stopped"), Turn("q3", _answer(), "done")]
    assert conv.history() == [("q1", "Ada said [1]."), ("q3", "Ada said [1].")]
    assert store.start("next") is conv  # a question goes into the current conversation
    assert store.rename(conv.id, "  Peskov   and Trump ") and conv.title == "Peskov and Trump"
    assert not store.rename(conv.id, "   ")
    store.current = None
    other = store.start("another")
    assert [cid for _, cid in store.choices()][0] == other.id
    loaded = ChatStore.load(json.loads(json.dumps(store.to_json())))
    assert [c.title for c in loaded.conversations] == [c.title for c in store.conversations]
    assert loaded.delete(other.id) and loaded.current is None and len(loaded.conversations) == 1


def test_the_store_keeps_a_bounded_number_of_conversations() -> None:
    data = {"conversations": [{"id": f"c{i}", "title": "t", "turns": []} for i in range(MAX_CONVERSATIONS + 20)]}
    assert len(ChatStore.load(data).conversations) == MAX_CONVERSATIONS


def test_settings_keep_good_values_and_name_a_bad_date() -> None:
    prefs, note = save(12, ["Reuters"], "2023-11-01", "last week", {})
    assert prefs == {"k": 12, "sources": ["Reuters"], "since": "2023-11-01", "until": ""}
    assert "last week" in note and "YYYY-MM-DD" in note and "--" not in note
    assert Prefs.load(prefs).filters().since == "2023-11-01"
    assert Prefs.load({"k": 999, "since": "garbage"}).to_json() == {"k": 20, "sources": [], "since": "", "until": ""}
    assert "Filters are on" in Prefs.load(prefs).note()
