"""Quotes woven into narration and the people behind pronouns and names, on small invented texts."""

from __future__ import annotations

import pytest
from quotations_helpers import speakers as _speakers

from index.quotations import extract_quotations

INTRO = 'Coach Marta Reyes spoke after the match.\n"We were brave," Reyes said.\n'


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a verb that names someone's words
        (INTRO + 'Reyes called the referee "a disgrace to the game".', "a disgrace to the game", "Marta Reyes"),
        (INTRO + 'Reyes calls her captain "family".', "family", "Marta Reyes"),
        (INTRO + 'Today, in what Reyes refers to as her "second life," she coaches children.', "second life",
         "Marta Reyes"),
        # the subject of the sentence speaks elsewhere in the article
        (INTRO + 'Reyes made Lopez captain because of "his leadership and his calm".', "his leadership and his calm",
         "Marta Reyes"),
        # he/she after a person named earlier in the same sentence
        (INTRO + 'Striker Ana Lopez scored twice.\nIn Reyes\' view, she said the team "grew up tonight."',
         "grew up tonight.", "Marta Reyes"),
    ],
)
def test_quote_in_narration(text: str, quote: str, speaker: str) -> None:
    assert _speakers(text).get(quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (INTRO + 'Reyes watched "The Last Dance" on the bus home.', "The Last Dance"),  # a title
        (INTRO + 'Reyes watched the "replay" twice.', "replay"),  # a term, one word, no naming verb
        (INTRO + 'Reyes replied: "Not today," before Lopez advised: "Wait until Sunday."', "Wait until Sunday."),
    ],
)
def test_not_the_subjects_words(text: str, quote: str) -> None:
    assert _speakers(text).get(quote) != "Marta Reyes"


def test_two_people_who_share_a_surname_stay_apart() -> None:
    text = (
        "Tight end Travis Kelce hosts a podcast with his brother, Jason Kelce, a retired center.\n"
        '"We grew up fighting," Kelce said.\n'
        'Jason said the show "started as a joke."'
    )
    assert _speakers(text)["started as a joke."] == "Jason Kelce"


def test_names_and_kinds() -> None:
    text = (
        "MLB Network's Jon Morosi reported the deal will include two more players.\n"
        "TMZ reported that ticket sales rose 40%.\n"
        "Donna said she could not pick a favourite son."
    )
    found = {q.speaker: (q.speaker_type, q.role) for q in extract_quotations(text)}
    assert found["Jon Morosi"] == ("person", "MLB Network's")
    assert found["TMZ"][0] == "org" and found["Donna"][0] == "person"


def test_a_first_name_does_not_find_a_product() -> None:
    text = "Users must sign in with their Apple ID.\nApple said that it could not verify the claims."
    assert {q.speaker for q in extract_quotations(text)} == {"Apple"}


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a participle belongs to the clause right before it
        ("Users can get the new version online, as the company has not yet submitted it, claiming it needs more "
         "testing.", "it needs more testing", None),
        ("Norvex Corp shipped the update.\nUsers can get it online as the company has not submitted it to the store, "
         "claiming it needs more testing.", "it needs more testing", "Norvex Corp"),
        # a statement ends at ", adding"
        (INTRO + "Reyes said the knee was broken, adding she will be out for a month.", "the knee was broken",
         "Marta Reyes"),
    ],
)
def test_clause_boundaries(text: str, quote: str, speaker: str | None) -> None:
    assert _speakers(text).get(quote) == speaker


@pytest.mark.parametrize(
    "text",
    [
        INTRO + "Reyes is said to have called the pitch a swamp before kickoff.",  # passive: nobody named speaks
        INTRO + "Reyes told the board about the advantages that the club gained from the deal.",  # a relative "that"
        INTRO + "But as Reyes testified against him, the owner looked away from the bench.",
    ],
)
def test_no_reported_statement(text: str) -> None:
    assert [q for q in extract_quotations(text) if q.kind == "reported"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Just as it felt the visitors were pulling away, their striker lost the ball.",  # "it" is no speaker
        "A group of charities that represent artists in Europe has warned that fees will fall.",  # not "Europe"
        'I’ve simply said that I’ve built my own brand, he wrote.',  # the first person of a post
    ],
)
def test_no_such_speaker(text: str) -> None:
    assert {q.speaker for q in extract_quotations(text)} & {"it", "Europe", "I’ve", "I've"} == set()
    assert not any(q.speaker_type == "org" and q.speaker in ("Europe",) for q in extract_quotations(text))


def test_parenthetical_statements() -> None:
    text = (
        INTRO + "If the players grew tired, Reyes argued, the club would rotate the squad.\n"
        'Credit: Reuters "There is no panic," Reyes said.\n'
        "Pitchfork reported that her tour was the most expensive of the year."
    )
    found = [(q.quote, q.speaker, q.speaker_type) for q in extract_quotations(text) if q.kind == "reported"]
    assert ("the club would rotate the squad", "Marta Reyes", "person") in found
    assert not any(quote.startswith(("If the players", "Credit")) for quote, _, _ in found)
    assert ("her tour was the most expensive of the year", "Pitchfork", "org") in found


def test_he_and_she_follow_the_pronoun_the_article_gives_each_person() -> None:
    text = (
        "Director Paolo Marin sat down with his daughter, Lucia Marin, a filmmaker.\n"
        "Paolo Marin has made films for fifty years. He said he still writes every morning.\n"
        'Lucia Marin said she learned the craft from him.\n'
        '"It is the best job in the world," Lucia Marin said.\n'
        '"You never stop learning it," he replied.'
    )
    assert _speakers(text)["You never stop learning it"] == "Paolo Marin"


def test_organisation_names_with_of_and_and() -> None:
    text = (
        'Investment firm Bank of America said it is expecting "favorable" headlines.\n'
        'The case was "a fraud from the start," the Securities and Exchange Commission alleged.'
    )
    found = _speakers(text)
    assert found["favorable"] == "Bank of America"
    assert found["a fraud from the start"] == "The Securities and Exchange Commission"
