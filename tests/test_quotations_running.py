"""The running speaker: an uncued quote goes on from the last person quoted, when nobody else came between;
and echoes: a quote that repeats one speaker's credited words is theirs.

Invented prose with names the corpus does not use. Each guard pins what must stay unattributed: another
person named in between, an uncredited statement in between, a scare quote, a quote in a sentence that
names someone, a new section.
"""

from __future__ import annotations

import pytest

from index.quotations import extract_quotations
from index.text.sentences import sentence_spans

OPENING = ("\u201cWe moved the whole plant in a weekend, and nobody noticed,\u201d says Orla Penhallow, the "
           "works manager.\n\n")
NARRATION = "Since then, most of the plant's output has gone to export markets in the north.\n\n"
RUNNING = "\u201cWe ship every morning now, and the trucks leave full.\u201d"


def _speakers(text: str) -> dict[str, str]:
    return {" ".join(q.quote.split()[:4]): q.speaker for q in extract_quotations(text)}


def test_a_quote_after_narration_goes_on_from_the_last_speaker() -> None:
    assert _speakers(OPENING + NARRATION + "Output doubled. " + RUNNING)["We ship every morning"] == "Orla Penhallow"


def test_a_quote_a_few_paragraphs_on_still_runs_and_the_run_carries_on() -> None:
    text = OPENING + NARRATION + RUNNING + "\n\n" + NARRATION + "\u201cThe next step is a second line, maybe two.\u201d"
    got = _speakers(text)
    assert got["We ship every morning"] == got["The next step is"] == "Orla Penhallow"


@pytest.mark.parametrize(
    "between",
    [
        "Tavish Morrow, who runs the depot next door, disagrees.\n\n",  # another person named
        "\u201cIt was never that simple for the drivers,\u201d a neighbour replied.\n\n",  # a statement nobody credited
    ],
)
def test_someone_else_in_between_stops_the_run(between: str) -> None:
    assert "We ship every morning" not in _speakers(OPENING + between + RUNNING)


def test_a_scare_quote_or_a_quote_inside_narration_does_not_run() -> None:
    text = OPENING + NARRATION + "The plant calls it a \u201cvery quiet move of the whole plant\u201d in its report."
    assert "very quiet move of" not in _speakers(text)


def test_a_quote_too_far_back_does_not_run() -> None:
    text = OPENING + NARRATION * 4 + RUNNING
    assert "We ship every morning" not in _speakers(text)


def test_an_organisation_does_not_run() -> None:
    text = ("\u201cThe plant will stay open for as long as the orders come in,\u201d Calloway Foods Inc. said in a "
            "statement.\n\n" + NARRATION + RUNNING)
    assert "We ship every morning" not in _speakers(text)


def test_adv_is_a_title_not_a_sentence_end_nor_a_name() -> None:
    text = "\u201cThis is a real-time deterrence,\u201d reveals agency director general Adv. Mirit Kessem-Dor."
    assert len(sentence_spans(text)) == 1
    assert _speakers(text) == {"This is a real-time": "Mirit Kessem-Dor"}


def test_a_he_or_she_after_the_run_finds_the_running_speaker() -> None:
    """The run is credited as the article is read, so a later "she says" looks back to it, not past it."""
    text = (OPENING + NARRATION + "Output doubled. Exports rose. " + RUNNING + "\n\n"
            "The plant opened in 1990 and employs 300 people.\n\n"
            "\u201cWe will hire again in the spring, all being well,\u201d she says.")
    assert _speakers(text)["We will hire again"] == "Orla Penhallow"


def test_a_pull_quote_repeating_credited_words_is_the_same_speakers() -> None:
    """A line set off on its own that repeats words the body credits (a pull quote, before or after them)."""
    text = ("\u201cWe ship every morning now.\u201d\n\n" + OPENING
            + "Penhallow was clear about the cost. \u201cWe ship every morning now, and the trucks leave full,\u201d "
              "she said.")
    assert {q.quote: q.speaker for q in extract_quotations(text)}["We ship every morning now."] == "Orla Penhallow"


def test_words_two_speakers_share_a_short_phrase_or_a_phrase_narration_borrows_echo_nobody() -> None:
    text = ("\u201cEvery truck leaves full.\u201d\n\n\u201cEvery truck leaves full at dawn,\u201d said Orla Penhallow. "
            "\u201cEvery truck leaves full at noon,\u201d said Tavish Morrow.\n\n"
            "Later a \u201cfull truck\u201d was all anyone talked about.")
    got = _speakers(text)
    assert "Every truck leaves full." not in {q.quote for q in extract_quotations(text)}
    assert "full truck" not in got
    borrowed = ("\u201cEvery truck leaves full at dawn,\u201d said Orla Penhallow.\n\n"
                "The drivers call it \u201cevery truck leaves full\u201d and laugh.")
    assert {q.quote for q in extract_quotations(borrowed)} == {"Every truck leaves full at dawn"}
