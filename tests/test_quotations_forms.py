"""The attribution forms news uses, on small invented texts (the annotated corpus lacks some of them)."""

from __future__ import annotations

import pytest

from index.quotations import Quotation, extract_quotations


def _one(text: str, fragment: str) -> Quotation:
    hits = [q for q in extract_quotations(text) if fragment in q.quote]
    assert len(hits) == 1, (fragment, extract_quotations(text))
    return hits[0]


INTRO = "Finance Minister Lena Okafor met the unions on Monday.\n"


@pytest.mark.parametrize(
    ("text", "fragment", "speaker", "kind", "speaker_type"),
    [
        (INTRO + '"We will not raise taxes," Okafor told Reuters.', "raise taxes", "Lena Okafor", "direct", "person"),
        (INTRO + 'Okafor said in a statement on Tuesday, "The budget is balanced."', "budget is balanced",
         "Lena Okafor", "direct", "person"),
        ('Shares of Norvex Corp fell 4%.\n"We expect a strong second half," the company said in a statement.',
         "strong second half", "Norvex Corp", "direct", "org"),
        ("The plan will be delayed by a year, according to a spokesperson for the ministry.", "delayed by a year",
         "a spokesperson for the ministry", "reported", "unnamed"),
        ('"There is no deal yet," a senior official told CNN.', "no deal yet", "a senior official", "direct",
         "unnamed"),
        ("The state agency quoted Deputy Minister Ivan Sorokin as saying that talks would resume.",
         "talks would resume", "Ivan Sorokin", "reported", "person"),
        ('"We were poor tonight," says the club\'s manager, Paulo Reis.', "poor tonight", "Paulo Reis", "direct",
         "person"),
        ('Okafor: "No new taxes"\n' + INTRO, "No new taxes", "Lena Okafor", "direct", "person"),
        (INTRO + "Okafor said: \u201eWir bleiben dabei.\u201c", "Wir bleiben dabei", "Lena Okafor", "direct", "person"),
        (INTRO + "Okafor said: \u00abNous restons.\u00bb", "Nous restons", "Lena Okafor", "direct", "person"),
    ],
)
def test_form(text: str, fragment: str, speaker: str, kind: str, speaker_type: str) -> None:
    q = _one(text, fragment)
    assert (q.speaker, q.kind, q.speaker_type) == (speaker, kind, speaker_type)
    assert text[q.start : q.end] == q.quote


def test_an_acronym_the_article_defines_speaks_under_its_full_name() -> None:
    text = (
        "The Harbour Pilots Association (HPA) filed a complaint.\n"
        '"The channel is not safe," the HPA said.'
    )
    q = _one(text, "not safe")
    assert (q.speaker, q.speaker_type) == ("Harbour Pilots Association", "org") and "The HPA" in q.aliases


def test_said_a_statement_from() -> None:
    q = _one('"We will appeal," said a statement from Senator Ruth Adeyemi.', "will appeal")
    assert (q.speaker, q.kind) == ("Ruth Adeyemi", "direct")


def test_a_quote_over_several_paragraphs_keeps_its_speaker() -> None:
    text = (
        INTRO + '"The first thing is growth," Okafor said. "Then come the savings.\n'
        '"We will cut where it hurts least.\n'
        '"And we will explain every cut."\n'
        "The opposition was not convinced."
    )
    for fragment in ("Then come the savings", "cut where it hurts least", "explain every cut"):
        assert _one(text, fragment).speaker == "Lena Okafor"


def test_a_nested_quote_is_the_inner_speakers_words_inside_the_outer_quote() -> None:
    text = INTRO + "\"I told them, 'We are not moving,' and they left,\" Okafor said."
    outer = _one(text, "I told them")
    assert outer.speaker == "Lena Okafor" and outer.kind == "direct"
    assert "We are not moving" in outer.quote  # the inner quote stays inside the outer one


def test_narration_is_not_offered_as_a_quotation() -> None:
    text = (
        INTRO + "The talks ended without a deal. Unions plan a strike next week.\n"
        'The film "Another Day" opens on Friday.'
    )
    assert extract_quotations(text) == []
