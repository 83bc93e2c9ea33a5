"""Credits ("according to X") in more of the forms news uses, on invented prose (``index/quotations/credits.py``)."""

from __future__ import annotations

import pytest

from index.quotations import extract_quotations


def _reported(text: str) -> dict[str, str]:
    """Each reported statement's words -> its speaker."""
    return {q.quote: q.speaker for q in extract_quotations(text) if q.kind == "reported"}


@pytest.mark.parametrize(
    ("text", "statement", "speaker"),
    [
        # a pronoun for someone who just spoke
        ("\u201cIt is hard,\u201d shop owner Ronan Gallagher said. According to him, his sales have halved this year.",
         "his sales have halved this year", "Ronan Gallagher"),
        # the source's name holds a full stop ("Layoffs.fyi"), and a relative clause follows it
        ("Nearly 17% of the firms have a woman as chief executive, according to Womenlead.org, which tracks boards.",
         "Nearly 17% of the firms have a woman as chief executive", "Womenlead.org"),
        # an acronym after the source
        ("Home sales dropped 15% in September, according to the National Union of Surveyors (NUS).",
         "Home sales dropped 15% in September", "The National Union of Surveyors"),
        # a possessive owner, then modifiers, then the document
        ("The resort took in about $41 million last year, according to Gideon Varga\u2019s most recent ethics "
         "disclosure.", "The resort took in about $41 million last year", "Gideon Varga"),
        # the day it was said is no part of the source's name
        ("The film opened with $21 million in ticket sales, according to estimates from Lumen Cinemas Sunday.",
         "The film opened with $21 million in ticket sales", "Lumen Cinemas"),
        # a person of an outlet is the person
        ("He is the bullpen coach for the Gulls, according to Petra Novak of Harbourtimes.com.",
         "He is the bullpen coach for the Gulls", "Petra Novak"),
        # a business named after a lower-case description of it, its name in camel case too
        ("Tickets cost more than average, around $23.32, according to data firm Quantiview.",
         "Tickets cost more than average, around $23.32", "Quantiview"),
        ("According to ad tracking firm tRakr, TV ads for the film ran only a few dozen times.",
         "TV ads for the film ran only a few dozen times", "tRakr"),
        # "As X suggests, ...": the clause after the comma is X's report; a web address in lower case names its site
        ("The Gulls must decide soon. As harbourrumors.com suggests, Novak is expected to earn $15.3 million next "
         "year.", "Novak is expected to earn $15.3 million next year", "harbourrumors.com"),
        # the day it was reported stands between the verb and the comma
        ("Prices rose again. As Reuters reported on Monday, the merger talks collapsed.",
         "the merger talks collapsed", "Reuters"),
    ],
)
def test_credit_forms(text: str, statement: str, speaker: str) -> None:
    assert _reported(text).get(statement) == speaker


def test_a_pronoun_credit_with_nobody_to_refer_to_has_no_speaker() -> None:
    assert _reported("According to them, the courses have grown longer and dearer to keep.") == {}


def test_as_names_no_source_without_a_speaker() -> None:
    assert _reported("As expected, the merger talks collapsed. As the market suggests, rates will fall.") == {}


def test_the_organisation_a_phrase_names_is_the_speaker() -> None:
    """"the HSF board says" after two organisations spoke: the one "HSF" is the initials of."""
    text = ("Harbour Songs Fund said it had begun a process to recruit a new chair. "
            "MBW reported earlier this month that the fund's shareholders are considering a sale. "
            "The fund also changed its adviser's contract. "
            "If the shares trade at a discount, the HSF board says it intends to end the contract.")
    assert _reported(text).get("it intends to end the contract") == "Harbour Songs Fund"


def test_who_the_speaker_said_is() -> None:
    """"Lund, who coach Hana Velez said is dealing with a hernia, ...": the clause after "said" is Velez's report;
    a relative clause without its comma, or with no named speaker, is not taken."""
    text = "Also missing is Dana Lund, who coach Hana Velez said is dealing with a sports hernia, and rest is best."
    assert _reported(text) == {"is dealing with a sports hernia, and rest is best": "Hana Velez"}
    assert _reported("The band, which critics said was past its prime, sold out.") == {}
