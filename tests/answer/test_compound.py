"""Compound fact questions: one evidence sentence per outlet, per subject or per article."""

from __future__ import annotations

from answer.helpers import ask, chunks, fake_embed

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


def test_compare_what_two_outlets_said_gets_one_labelled_sentence_each() -> None:
    passages = chunks("eng", ENGADGET, source="Engadget") + chunks("poly", POLYGON, source="Polygon")
    ans = ask("Compare what Engadget and Polygon said about how much longer the Steam Deck battery lasts.", passages,
              embed=None)
    assert ans.answered and {c.source for c in ans.citations} == {"Engadget", "Polygon"}, ans.answer
    only = ask("Compare what Engadget and Polygon said about how much longer the Steam Deck battery lasts.",
               chunks("eng", ENGADGET, source="Engadget"), embed=None)
    assert only.answered and "No retrieved article is from Polygon" in only.answer, only.answer  # both asked


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


SMH = """Economists say the US economy is slowing at a dangerous pace that could tip it into a recession.
Retail sales fell for a second month, the data showed, and Jerome Powell kept rates on hold.
"""
AGE = """A government shutdown would drag on the US economy, raising the risk of a recession.
Markets shrugged off the shutdown threat on Friday, Janet Yellen noted.
"""


def test_outlets_named_in_quote_marks_without_a_pair_are_parts() -> None:
    """"Does 'The Herald' suggest ..., in contrast to 'The Age' which implies ...": both are the outlets of
    retrieved articles, so each gets its own evidence; the names a part does not hold (Janet Yellen in The
    Herald's article) are the other part's, not a reason to refuse."""
    passages = chunks("smh", SMH, source="The Herald") + chunks("age", AGE, source="The Age")
    ans = ask("Does 'The Herald' say, with Jerome Powell on hold, that the US economy is slowing at a dangerous pace "
              "toward a recession, while 'The Age' says, with Janet Yellen, that a government shutdown would raise "
              "the risk of a recession?",
              passages, embed=fake_embed)
    assert ans.answered, ans.answer
    assert {c.source for c in ans.citations} == {"The Herald", "The Age"}
    assert ans.answer.startswith("The Herald: ") and "The Age: A government shutdown" in ans.answer


def test_each_outlet_may_give_two_sentences_labelled_once() -> None:
    herald = ("The risk of a US recession is rising, economists told the paper.\n"
              "Bond traders put the chance of a US recession next year at 60%, a record risk.\n")
    passages = chunks("smh", herald, source="The Herald") + chunks("age", AGE, source="The Age")
    ans = ask("What did The Herald and The Age report about the risk of a US recession?", passages, embed=fake_embed,
              min_score=0.3)
    assert ans.answered and [c.source for c in ans.citations].count("The Herald") == 2, ans.answer
    assert ans.answer.count("The Herald: ") == 1


def test_both_articles_come_from_the_outlets_the_question_names() -> None:
    """"Mentioned in both articles" after naming its outlets: the sentences come from those outlets' articles, never
    from another outlet's article the search also found (here the one that happens to hold an answer)."""
    other = "The Steam Deck OLED handheld is made by Valve, the company behind Steam.\nIt costs $549.\n"
    named = "Handheld gaming had a busy year.\nSeveral new consoles were sold in three models.\n"
    passages = chunks("other", other, source="The Verge") + chunks("named", named, source="Engadget")
    question = ("Considering an Engadget article and a Bloomberg report, which company makes the Steam Deck OLED "
                "handheld, as mentioned in both articles?")
    assert not ask(question, passages).answered
    assert ask(question.replace("Engadget", "Verge"), passages).citations[0].source == "The Verge"
