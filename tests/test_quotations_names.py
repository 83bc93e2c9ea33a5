"""Matching a name from a question to a speaker: surnames, full names, spelling variants, role phrases."""

from __future__ import annotations

import pytest

from index.quotations import speaker_matches


@pytest.mark.parametrize(
    ("query", "speaker", "role", "expected"),
    [
        ("Peskov", "Dmitry Peskov", "", True),
        ("Kennedy", "Robert F. Kennedy Jr.", "", True),  # a generational suffix is no surname
        ("Robert Kennedy", "Robert F. Kennedy Jr.", "", True),
        ("Jr.", "Robert F. Kennedy Jr.", "", False),
        ("RFK Jr.", "Robert F. Kennedy Jr.", "", True),  # initials in capitals name the person
        ("RFK", "Robert F. Kennedy", "", True),
        ("RFK", "Rosa Kennedy", "", False),
        ("rfk", "Robert F. Kennedy", "", False),
        ("peskov", "Dmitry Peskov", "", True),
        ("Dmitry Peskov", "Dmitry Peskov", "", True),
        ("Peskov's", "Dmitry Peskov", "", True),
        ("Putin", "Dmitry Peskov", "", False),
        ("Vladimir Putin", "Dmitry Peskov", "", False),
        ("Dmitry Putin", "Dmitry Peskov", "", False),
        ("Zelenskyy", "Volodymyr Zelensky", "", True),
        ("President Zelensky", "Volodymyr Zelensky", "Ukrainian President", True),
        ("the Kremlin spokesperson", "Dmitry Peskov", "Kremlin spokesperson", True),
        ("the Kremlin spokesperson", "The Kremlin", "", False),
        ("the press secretary", "Dmitry Peskov", "Kremlin spokesperson", True),
        ("the Kremlin", "The Kremlin", "", True),
        ("Trump", "Donald Trump", "", True),
        ("Trump", "Tristan Snell", "lawyer and the author of Taking Down Trump", False),
        ("", "Dmitry Peskov", "", False),
        ("Fan", "one fan", "", False),  # a surname asked, an unnamed fan quoted
        ("Fan", "Hongjin Fan", "", True),
        ("OpenAI", "Open AI", "", True),  # the same name, spaced or not
        ("Open AI", "OpenAI", "", True),
        ("Open", "OpenAI", "", False),
        ("Van Gaal", "Louis van Gaal", "", True),
        ("Will Smith", "Jada Pinkett Smith", "", False),  # a first name that is also a word keeps the name whole
        ("Will Smith", "Will Smith", "", True),
        ("Will", "Will Smith", "", True),  # a first name alone that is also a word
        ("will", "Will Smith", "", False),
        ("MLB Trade Rumors", "mlbtraderumors.com", "", True),  # a site's name written as its web address
        ("Trade Rumors", "mlbtraderumors.com", "", False),
        ("Theresa May", "Theresa May", "", True),
        ("Lena Moss King", "Lena Moss King", "", True),  # a title that is a surname ends her name
        ("King", "Lena Moss King", "", True),
        ("Harold King", "Lena Moss King", "", False),
        ("the King", "Lena Moss King", "", False),  # "the King" is a title
        ("King", "King Charles", "", False),
    ],
)
def test_speaker_matches(query: str, speaker: str, role: str, expected: bool) -> None:
    assert speaker_matches(query, speaker, role=role) is expected


def test_speaker_matches_aliases() -> None:
    assert speaker_matches("Lula", "Luiz Inácio da Silva", aliases=["Lula"])
    assert not speaker_matches("Bolsonaro", "Luiz Inácio da Silva", aliases=["Lula"])


def test_a_capitalised_word_qualifying_a_plural_noun_is_no_person() -> None:
    """"... as did three senior Openly researchers.": Openly qualifies the researchers (after the qualifier
    "senior"), so a later "Openly said" is the organisation, not a person called Openly."""
    from index.quotations import extract_quotations
    text = ('Greg Brock resigned, as did three senior Openly researchers.\n\n'
            '"We have reached an agreement," Openly said.')
    assert [(q.speaker, q.speaker_type) for q in extract_quotations(text)] == [("Openly", "org")]
