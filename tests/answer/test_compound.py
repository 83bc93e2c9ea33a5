"""Compound fact questions: one evidence sentence per outlet, per subject or per article."""

from __future__ import annotations

from answer.helpers import ask, chunks

ENGADGET = """Valve released the Steam Deck OLED on Thursday.
Valve says the new Steam Deck battery will last 30 to 50 percent longer than before.
The screen is bigger too.
"""
POLYGON = """The Steam Deck OLED is a mid-cycle refresh.
Valve's promise that the Steam Deck battery will last 30-50% longer raised one obvious question.
"""
TICKETS = """Adult tickets for the Eras Tour film are being sold for $19.89, a nod to the singer's birth year.
Tickets for Beyonce's Renaissance film sold for around $23.32 on average, according to a data firm.
Both films opened in thousands of theaters.
"""


def test_two_outlets_get_one_labelled_sentence_each() -> None:
    passages = chunks("eng", ENGADGET, source="Engadget") + chunks("poly", POLYGON, source="Polygon")
    ans = ask("How much longer does the Steam Deck OLED's battery last, according to Engadget and Polygon?",
              passages, embed=None)
    assert ans.answered and len(ans.citations) == 2
    assert {c.source for c in ans.citations} == {"Engadget", "Polygon"}
    assert ans.answer.startswith("Engadget: Valve says") and "Polygon: Valve’s promise" in ans.answer.replace("'", "’")


def test_an_outlet_with_no_retrieved_article_is_named() -> None:
    passages = chunks("eng", ENGADGET, source="Engadget")
    ans = ask("How much longer does the Steam Deck OLED's battery last, according to Engadget and Polygon?",
              passages, embed=None)
    assert ans.answered and [c.source for c in ans.citations] == ["Engadget"]
    assert "No retrieved article is from Polygon." in ans.answer


def test_two_subjects_after_a_repeated_preposition() -> None:
    ans = ask("What were the ticket prices for the Eras Tour film and for Beyonce's Renaissance film?",
              chunks("tickets", TICKETS), embed=None)
    assert ans.answered
    quotes = " ".join(c.quote for c in ans.citations)
    assert "$19.89" in quotes and "$23.32" in quotes


def test_named_sources_none_retrieved_is_refused() -> None:
    passages = chunks("eng", ENGADGET, source="Engadget")
    ans = ask("Based on a Bloomberg article about the Steam Deck OLED, how much longer does its battery last?",
              passages, embed=None)
    assert not ans.answered and "No retrieved article is from Bloomberg." in ans.answer
    kept = ask("According to the Engadget review, how much longer does the Steam Deck OLED's battery last?",
               passages, embed=None)
    assert kept.answered and kept.citations[0].source == "Engadget"


AID = """Cutting off aid to Ukraine would embolden Putin, Defense Secretary Lloyd Austin warned on Tuesday.
Zelensky said the same in Kyiv: a pause in aid would only embolden Putin and prolong the war.
The Senate vote on the package is expected next week.
"""


def test_people_after_according_to_are_no_outlets() -> None:
    """'according to X and Y' names two people when neither is the outlet of a retrieved article."""
    ans = ask("What could cutting off aid to Ukraine do, according to Austin and Zelensky?",
              chunks("aid", AID, source="Newsweek"), embed=None)
    assert "No retrieved article is from" not in ans.answer
    assert ans.answered and "embolden Putin" in " ".join(c.quote for c in ans.citations)
