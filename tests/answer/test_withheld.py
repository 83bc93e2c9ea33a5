"""A sentence saying the very detail asked is not given turns the answer into "not given" (``answer.withheld``)."""

from __future__ import annotations

import pytest

from answer.helpers import ask, check_well_formed, chunks
from assistant.answer.question import analyse_question
from assistant.answer.withheld import withholds, withholds_asked


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        ("Which hashtags has Lumo blocked over the strike?",
         "Its blog post does not specify which hashtags Lumo is blocking in relation to the strike.", True),
        ("When will Lumo move to a lawful basis?", "Asked when, Tova Brandt declined to specify a timeframe.", True),
        ("How much did Ferrovant raise?", "Ferrovant raised an undisclosed amount in a round led by Kelp Ventures.",
         True),
        ("Where will next year's convention be held?",
         "The convention will not be in Las Vegas, but she couldn't disclose where it would wind up.", True),
        # the withheld detail is another one than the question asks for
        ("Who led Ferrovant's round?", "Ferrovant raised an undisclosed amount in a round led by Kelp Ventures.",
         False),
        ("How much did Ferrovant raise?", "Ferrovant did not name the investors in the round.", False),
        ("Which hashtags has Lumo blocked?", "Lumo said it blocked several hashtags on Tuesday.", False),
    ],
)
def test_a_sentence_withholds_the_detail_asked(question: str, sentence: str, expected: bool) -> None:
    assert withholds(sentence) or not expected
    assert withholds_asked(analyse_question(question), sentence) is expected


HASHTAGS = ("Lumo said on Tuesday it had removed 795,000 posts about the strike in the first three days.\n\n"
            "Other steps taken by Lumo include applying hashtag blocking to render certain terms related to the "
            "strike non-searchable on its platforms.\n\n"
            "Its blog post does not specify which hashtags Lumo is blocking in relation to the strike.")


def test_an_article_that_says_the_detail_is_not_given_answers_not_given() -> None:
    passages = chunks("lumo", HASHTAGS)
    ans = ask("Which hashtags has Lumo blocked over the strike?", passages, embed=None)
    check_well_formed(ans, passages)
    assert not ans.answered and "not given" in ans.answer, ans.answer
    ans = ask("How many posts did Lumo remove about the strike?", passages, embed=None)
    assert ans.answered and "795,000" in ans.citations[0].quote, ans.answer
