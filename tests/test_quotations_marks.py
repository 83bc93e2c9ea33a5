"""Quote marks typed wrong by the source, and a document's words with several organisations named before it.

Scraped news often closes a quote with an opening mark ('… in genre only. “' at the paragraph's end) or opens it
with a single mark and closes it with a double one ('‘We know …”'). Invented prose; guards pin what must not pair.
"""

from __future__ import annotations

import pytest

from index.quotations import extract_quotations
from index.text.marks import quote_spans


def _direct(text: str) -> dict[str, str | None]:
    return {q.quote: q.speaker for q in extract_quotations(text) if q.kind == "direct"}


def _inner(text: str) -> list[str]:
    return [text[q.inner_start : q.inner_end] for q in quote_spans(text, 0, len(text))]


def test_an_opening_mark_that_ends_the_paragraph_closes_the_quote() -> None:
    text = "“The films are alike in genre only. “"
    assert _inner(text) == ["The films are alike in genre only. "]


def test_a_single_opener_and_a_double_close_make_one_quote() -> None:
    text = "‘We know these games are do or die. We have to improve.”"
    assert _inner(text) == ["We know these games are do or die. We have to improve."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a second opener with words after it still restarts the quote (the first one was never closed)
        ("He called it “a mess and then “a disaster” for all.", ["a disaster"]),
        # a paragraph opening with a single mark used as an apostrophe-free aside and no double close: nothing
        ("‘Tis the season, he said.", []),
        # an opener glued to a word before the paragraph's end is no close
        ("“It was fine,” she said of the “", ["It was fine,", ""]),
    ],
)
def test_marks_that_do_not_pair_stay_unpaired(text: str, expected: list[str]) -> None:
    assert _inner(text) == expected


def test_the_words_after_a_stray_closing_opener_are_credited() -> None:
    text = (
        "Orla Brennick tracks cinema sales for Quellmark.\n\n"
        "“Having two concert films at the top is unusual,” Brennick said.\n\n"
        "“One was an outlier,” she said. “These two films are similar in genre only. “\n"
    )
    assert _direct(text).get("These two films are similar in genre only.") == "Orla Brennick"


def test_a_quote_opened_with_a_single_mark_continues_the_speaker() -> None:
    text = (
        "“Firstly, you have never heard us say we are favourites,” said Tavish Orme, the Harriers coach.\n\n"
        "‘We know these games are do or die. We are going to have to improve our performance.”\n"
    )
    assert _direct(text).get("We know these games are do or die. We are going to have to improve our performance.") \
        == "Tavish Orme"


def test_the_statement_is_the_organisation_the_sentence_before_was_about() -> None:
    text = (
        "Some states, including the Harriers Union and the Kestrel Board, want to keep their assets, Quellmark "
        "reported.\n\n"
        "The Harriers Union confirmed that on Wednesday morning.\n\n"
        "“We are committed to working with the national body to lead reform of our game,” the statement read.\n"
    )
    assert _direct(text).get("We are committed to working with the national body to lead reform of our game") \
        in ("Harriers Union", "the Harriers Union")


def test_the_statement_after_a_sentence_about_a_person_is_not_hers() -> None:
    text = (
        "Orla Brennick praised the Harriers Union.\n\n"
        "“We are committed to working with the national body to lead reform of our game,” the statement read.\n"
    )
    assert _direct(text).get("We are committed to working with the national body to lead reform of our game") \
        is None
