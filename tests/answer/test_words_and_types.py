"""Words as the answerer compares them, and answer-type detection in sentences."""

from __future__ import annotations

import pytest

from assistant.answer.types import carries
from assistant.answer.words import (
    acronyms,
    content_terms,
    name_present,
    proper_vocabulary,
    run_present,
    stem,
    term_present,
    vocabulary,
)


def test_stem_and_content_terms() -> None:
    assert stem("displaced") == stem("displacing") == stem("displace")
    assert stem("Peskov's") == "peskov"
    assert content_terms("How many people were displaced?") == ["peopl", "displac"]


def test_aliases_numbers_and_initials() -> None:
    text = "The U.S. chief executive said third-quarter sales rose, the National Association of Realtors said."
    vocab = vocabulary(text)
    assert term_present(stem("American"), vocab) and term_present("ceo", vocab)
    assert term_present("revenu", vocab)  # sales ~ revenue
    assert not term_present(stem("Japan"), vocab)
    assert term_present(stem("write"), vocabulary("In 1863 the poet penned his most famous poem."))
    assert "nar" in acronyms(text)
    assert name_present("Jamaica-Canada", vocabulary("Jamaica vs Canada"))
    assert not name_present("Jamaica-Haiti", vocabulary("Jamaica vs Canada"))


@pytest.mark.parametrize(
    ("kind", "sentence", "question", "expected"),
    [
        ("amount", "Revenue: $12.94 billion vs. $12.98 billion expected", "How much did Nike sell?", True),
        ("amount", "It includes six months of access to the service.", "How much does it cost?", False),
        ("amount", "The local currency was US64.20¢ at the close.", "What was it worth at the close?", True),
        ("amount", "It bought 64.2 US cents.", "What was it worth?", True),
        ("amount", "The first thing to know is that it's not the Deck 2.", "How much will the Deck 2 cost?", False),
        ("amount", "Users created around 9 ZB of data that year.", "How much data was created?", True),
        ("amount", "The archive holds 40 terabytes.", "How much does the archive hold?", True),
        ("score", "Spain beat France 3-1 in the semi-final.", "What was the final score?", True),
        ("score", "Game 4 final score", "What was the final score of Game 1?", False),
        ("number", "McTominay has six goals this season.", "How many goals does he have?", True),
        ("number", "He scored in 2023.", "How many goals did he score in 2023?", False),
        ("rank", "She will be the 10th full-time coach.", "Which number coach will she be?", True),
        ("date", "Zhao's sentencing is set for February.", "When is Zhao due to be sentenced?", True),
        ("date", "The fort is one of the oldest buildings in town, built back in 1787.", "When was the fort built?",
         True),
        ("date", "The fort has 1787 rooms.", "When was the fort built?", False),
        ("date", "Dale Moss was sent off in the 55th minute.", "When was Dale Moss sent off?", True),
        ("date", "Dale Moss was sent off for a second yellow card.", "When was Dale Moss sent off?", False),
        ("score", "Harbour Bowl: Ashford 31 Brampton 7", "What was the final score?", True),
        ("name", "It was set by Jorgen Juve in 1937.", "Who holds Norway's record?", True),
        ("name", "The board has the power to exclude AGI from IP licenses.", "Who joined the board?", False),
    ],
)
def test_carries(kind: str, sentence: str, question: str, expected: bool) -> None:
    assert carries(kind, sentence, question) is expected


@pytest.mark.parametrize(("asked", "text"), [
    ("Who scored both goals?", "thanks to a superb McTominay brace against Chelsea"),
    ("Who got the winner?", "Coman's winning goal came from the forward"),
    ("How long since Canada last won in Jamaica?", "a first victory in Jamaica for 35 years"),
])
def test_sports_reporting_words_are_one_term(asked: str, text: str) -> None:
    vocab = vocabulary(text)
    assert any(term_present(t, vocab) for t in content_terms(asked) if t not in {"both", "canada", "jamaica"})


def test_a_question_in_a_unit_is_answered_only_by_that_measure() -> None:
    from assistant.answer.question import analyse_question
    from assistant.answer.types import gives_measure
    from assistant.answer.values import gives_unit as _gives_unit

    assert analyse_question("What is the battery life of the glasses in hours?").answer_type == "number"
    assert gives_measure("hours", "It lasts up to 36 hours.") and gives_measure("hours", "a 10-hour battery")
    assert gives_measure("miles", "about four miles away") and not gives_measure("hours", "It costs $299.")
    assert not _gives_unit("What is the battery life in hours?", "The Good: it costs $299 at most shops.")
    assert _gives_unit("What is the battery life?", "The Good: it costs $299 at most shops.")  # no unit asked


def test_a_prefix_index_finds_what_a_scan_finds() -> None:
    """``term_present`` with ``by_prefix(vocab, only)`` (the evidence scorer's shortcut) answers as a full scan
    does, for exact words, aliases, close prefix variants and words too far apart to count."""
    from assistant.answer.words import by_prefix

    vocab = {stem(w) for w in "investigation investigators regulators American prosecutor fines".split()}
    terms = [stem(w) for w in "investigate investigating regulator america prosecute prosecutorial fine".split()]
    index = by_prefix(vocab, {t[:5] for t in terms})
    found = [term_present(t, vocab, index) for t in terms]
    assert found == [term_present(t, vocab) for t in terms]
    assert found.count(True) >= 4 and found.count(False) >= 1  # both outcomes occur: the check can tell them apart


@pytest.mark.parametrize("text", ["$69bn", "Rs 500 crore", "10 million euros", "1.1 billion dollars", "500 USD",
                                  "CHF 20", "$A20", "20 cents", "NIS 3.5 billion", "half a million dollars",
                                  "millions of dollars", "fifty dollars"])
def test_a_sum_of_money_in_its_written_forms(text: str) -> None:
    from assistant.answer.types import MONEY_RE

    assert MONEY_RE.search(f"It came to {text} in the end.")


@pytest.mark.parametrize("text", ["a thousand miles", "COVID 19", "3 usd", "one of the dollars"])
def test_no_sum_of_money(text: str) -> None:
    from assistant.answer.types import MONEY_RE

    assert not MONEY_RE.search(f"It came to {text} in the end.")


@pytest.mark.parametrize(("term", "text", "present"), [
    ("second-generation", "the second-gen Lumo Buds with a Lightning port", True),
    ("second-gen", "the second-generation Lumo Buds", True),
    ("second-generation", "the second game of the series", False),
    ("second-generation", "the second-hand Lumo Buds", False),
])
def test_a_hyphenated_term_is_found_abbreviated(term: str, text: str, present: bool) -> None:
    from assistant.answer.words import term_present, vocabulary
    assert term_present(term, vocabulary(text)) is present


def test_a_run_of_names_is_found_as_a_web_address() -> None:
    """"Harbour Trade Rumors" is named by "harbourtraderumors.com"; a site of other words names no run."""
    known = proper_vocabulary("As harbourtraderumors.com suggests, Novak is expected to earn $15.3 million.")
    assert run_present(["Harbour", "Trade", "Rumors"], known)
    assert not run_present(["Harbour", "Trade", "Rumors"], proper_vocabulary("As tradewinds.com suggests, Novak"))
    assert run_present(["Novak"], known)
