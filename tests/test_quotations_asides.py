"""Speakers set off by an appositive, named before a colon, or taken up by "they".

Invented prose with names the corpus does not use; each case pins one rule, and guard cases pin
what must stay as it was (no post read from "one of …", a phrase opening a sentence is nobody,
"they" does not reach past a person's words).
"""

from __future__ import annotations

import pytest

from index.quotations import extract_quotations


def _said(text: str) -> list[tuple[str, str]]:
    """(speaker, first three words) of each quotation, in order."""
    return [(q.speaker, " ".join(q.quote.split()[:3])) for q in extract_quotations(text)]


@pytest.mark.parametrize("appositive", ["another parent in the suit", "one of the two organisers", "her sister"])
def test_an_appositive_opening_on_another_one_of_or_a_possessive_leaves_the_name_speaking(appositive: str) -> None:
    """"Maria Olsen, another parent in the suit, said …": the name before the appositive speaks, as after "a …"."""
    text = f"Maria Olsen, {appositive}, said the app creates an aura of safety around a dangerous trade."
    assert _said(text) == [("Maria Olsen", "the app creates")]


def test_one_of_a_group_gives_no_post() -> None:
    """The phrase after the name says who they are among others, not their post."""
    text = "Maria Olsen, one of the two organisers, said the app creates an aura of safety."
    assert [q.role for q in extract_quotations(text)] == [""]


def test_one_without_of_is_no_appositive() -> None:
    """"X, one day, said" is no description of X: an aside the rule does not take as one."""
    text = "Maria Olsen, one day later, said the app creates an aura of safety."
    assert all(not q.role.startswith("one") for q in extract_quotations(text))


def test_they_after_an_organisations_words_is_that_organisation() -> None:
    """British and Australian copy gives a body plural agreement: 'The Harbour Rowing Union have said …
    They added: "…"' goes on with the union."""
    text = ("The Harbour Rowing Union have said that they are committed to a central model.\n\n"
            "They added: \u201cIt should also provide a clear view of what is needed in the sport.\u201d")
    assert _said(text) == [("The Harbour Rowing Union", "they are committed"),
                           ("The Harbour Rowing Union", "It should also")]


def test_they_after_a_persons_words_stays_unattributed() -> None:
    """After a person's words, "they" is not that person, nor an organisation quoted before them."""
    text = ("The Harbour Rowing Union said that it is committed to a central model.\n\n"
            "Tomas Reyes, the union's chair, said that he expected a vote in March.\n\n"
            "They added: \u201cIt should also provide a clear view of what is needed in the sport.\u201d")
    assert [s for s, w in _said(text) if w == "It should also"] == []


def test_a_name_on_a_topic_before_a_colon_is_the_speaker() -> None:
    """'Reyes on the vote: "…"': a name, what the quote is about, a colon (a subheading's form)."""
    line = "Reyes on the vote: \u201cWe need to be far better in front of the board.\u201d"
    text = f"Tomas Reyes said the club was unlucky on Saturday.\n\n{line}"
    assert _said(text)[-1] == ("Tomas Reyes", "We need to")


def test_a_phrase_on_a_topic_before_a_colon_is_nobody() -> None:
    """'Prices on the rise: "…"' opens on a capitalised word that is no person."""
    text = "Tomas Reyes said the club was unlucky.\n\nPrices on the rise: \u201cWe need to be far better.\u201d"
    assert all(w != "We need to" for _s, w in _said(text))


def test_a_one_word_name_described_as_another_person_is_a_person() -> None:
    """'Maxer, another creator who streams on the site, replied': a person, so "the company" after it is still the
    company the article is about, not Maxer."""
    text = ("Zentro Games said that it would review the stream.\n\n"
            "\u201cThere was no mention that you were hiding in the room,\u201d Maxer, another creator who streams "
            "on the site, replied.\n\n"
            "In a statement, the company said that it reviews and refines its policies every week.")
    people = {q.speaker: q.speaker_type for q in extract_quotations(text)}
    assert people.get("Maxer") == "person"
    assert [q.speaker for q in extract_quotations(text) if q.quote.startswith("it reviews")] == ["Zentro Games"]


def test_a_name_described_as_another_business_stays_an_organisation() -> None:
    """'Zorblax, one of the largest banks in Europe, said …': the appositive names a body, so no person."""
    text = "Zorblax, one of the largest banks in Europe, said the deal would close in March."
    assert [(q.speaker, q.speaker_type) for q in extract_quotations(text)] == [("Zorblax", "org")]


@pytest.mark.parametrize("source", ["one source inside the territory", "a source in the territory"])
def test_an_unnamed_source_placed_by_inside_or_in_speaks(source: str) -> None:
    """'"…," one source inside the territory told the paper': the source and where they are."""
    text = (f"Workers are leaving.\n\n\u201cWhat is happening here is that the sector is being wiped out,\u201d "
            f"{source} said.")
    assert _said(text) == [(source, "What is happening")]


def test_a_plural_subjects_base_verb_closes_a_quote() -> None:
    """'"…," critics argue.': the base form after a plural subject, as a quote's closing tag."""
    text = "Regulators moved on Monday.\n\n\u201cThe rules are vital and long overdue for workers,\u201d critics argue."
    assert _said(text) == [("critics", "The rules are")]


def test_a_base_verb_after_to_closes_nothing() -> None:
    """'"…," she said, to warn.' / '… set out to argue.': not a plural subject's tag."""
    text = "Regulators moved.\n\n\u201cThe rules are vital and long overdue for workers,\u201d was the plan to argue."
    assert _said(text) == []
