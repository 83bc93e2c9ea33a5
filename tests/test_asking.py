"""The question inside the way it was asked (``assistant.asking.plain_question``)."""

from __future__ import annotations

import pytest

from assistant.asking import capitals_from, cased_names, plain_question, unlinked, unshouted, with_capitals


@pytest.mark.parametrize(("asked", "plain"), [
    ("Quick question: How many families have sued Acme?", "How many families have sued Acme?"),
    ("Do you know what did Lena Varga say about the merger?", "What did Lena Varga say about the merger?"),
    ("Can you tell me what did Varga say about the merger?", "What did Varga say about the merger?"),
    ("Can you tell me did the judge grant the motion?", "Did the judge grant the motion?"),
    ("Hi, quick question: can you tell me how many people came?", "How many people came?"),
    ("According to the articles, who won the final?", "Who won the final?"),
    ("I'd like to know: In what year was the poem written?", "In what year was the poem written?"),
    ("Who is Acme's CFO, please?", "Who is Acme's CFO?"),
    ("how many people came to the first festival", "How many people came to the first festival?"),
    ("Could you please tell me which hospital treated her", "Which hospital treated her?"),
    ("Hey, what did Lena Varga say about the merger?", "What did Lena Varga say about the merger?"),
    ("Hi! How many families have sued Acme?", "How many families have sued Acme?"),
    ("Hello there, who won the final?", "Who won the final?"),
    ("Could you check: did the judge grant the motion?", "Did the judge grant the motion?"),
    ("How many families have sued Acme? Please cite the article.", "How many families have sued Acme?"),
    ("Who won the final? Sources please.", "Who won the final?"),
    ("Any idea how many families have sued Acme?", "How many families have sued Acme?"),
    ("Pls tell me who won the final?", "Who won the final?"),
    ("Real quick - who won the final?", "Who won the final?"),
    ("So, who won the final?", "Who won the final?"),
    ("Who won the final, do you know?", "Who won the final?"),
    ("Who won the final, according to the news?", "Who won the final?"),
    ("How many families have sued Acme.", "How many families have sued Acme?"),
    ("Hmm, did he say when the ban starts?", "Did he say when the ban starts?"),
    ("From what you've indexed, who won the final?", "Who won the final?"),
    ("Using the sources, who won the final?", "Who won the final?"),
    ("Search the articles: Who won the final?", "Who won the final?"),
    ("I need to know who won the final", "Who won the final?"),
    ("Who won the final? Short answer please.", "Who won the final?"),
    ("Who won the final? (with sources)", "Who won the final?"),
    ("Who won the final? Thanks!", "Who won the final?"),
    ("Just curious, who won the final?", "Who won the final?"),
    ("Out of curiosity, who won the final?", "Who won the final?"),
    ("Q: Who won the final?", "Who won the final?"),
    ("Can you look into this: Who won the final?", "Who won the final?"),
    ("Quick check - who won the final?", "Who won the final?"),
    ("Do the articles say who won the final?", "Who won the final?"),
    ("After the final, what did Jo Reid say?", "After the final, what did Jo Reid say?"),  # a lead-in that asks
    ("In 2023, how many cars did Tesla sell?", "In 2023, how many cars did Tesla sell?"),
    ("Chelsea - who scored?", "Chelsea - who scored?"),
    ("Quote Tsonga on Novak Djokovic. Short answer please.", "Quote Tsonga on Novak Djokovic."),
    ("Quote Tsonga on Novak Djokovic. (with sources)", "Quote Tsonga on Novak Djokovic."),
    ("Who won the Short Answer award?", "Who won the Short Answer award?"),  # words of the question stay
    ("Using the new engine, how fast is the car?", "Using the new engine, how fast is the car?"),
])
def test_the_asking_words_come_off(asked: str, plain: str) -> None:
    assert plain_question(asked) == plain


@pytest.mark.parametrize("question", [
    "What did Lena Varga say about the merger?",
    "Tell me what Varga said.",  # a speaker question asked this way keeps its words
    "Tell me more",
    "According to Varga, why did sales slow?",  # a named source, not "the articles"
    "Quote Varga on the merger.",
    "Hey Jude was the top song?",  # a title, not a greeting
    "Hello Kitty sales rose in 2023?",
    "Please check the ballot count.",  # a request with no question after it
    "What is the GDP of the U.S.",  # a full stop that ends an abbreviation stays
    "Right-wing parties gained?",
])
def test_a_plain_question_is_left_as_typed(question: str) -> None:
    assert plain_question(question) == question


def test_nothing_but_asking_words_is_left_alone() -> None:
    assert plain_question("Quick question:") == "Quick question:"


NAMES = cased_names(["Lena Varga", "Varga", "Acme Motors", "Acme", "Time", "Tomas Hope", "Hope"])


@pytest.mark.parametrize(("typed", "cased"), [
    ("what did lena varga say about the merger?", "what did Lena Varga say about the merger?"),
    ("what did varga say?", "what did Varga say?"),  # a surname the index knows, in the speaker slot
    ("what did acme's spokesperson say?", "what did Acme's spokesperson say?"),
    ("what did sam oduya say about the vote?", "what did Sam Oduya say about the vote?"),  # never quoted: still a name
    ("how many cars did acme motors recall?", "how many cars did Acme Motors recall?"),  # a full name anywhere
    ("when does the firm hope to open?", "when does the firm hope to open?"),  # "Hope" only as a speaker
    ("what time did the game start?", "what time did the game start?"),  # "Time" is no surname
    ("what did the company say?", "what did the company say?"),
    ("What did varga say about Acme?", "What did varga say about Acme?"),  # a capital past the first letter: as typed
    ("What did varga say?", "What did Varga say?"),  # only the first letter capital: typed in lower case
])
def test_capitals_for_a_question_typed_in_lower_case(typed: str, cased: str) -> None:
    assert with_capitals(typed, NAMES) == cased


def test_a_word_after_a_determiner_is_no_surname() -> None:
    """"the management" is a common noun, though a speaker's name ends with it ("Hipgnosis Song Management")."""
    names = cased_names(["Hipgnosis Song Management", "Lena Varga"])
    assert with_capitals("what did the management say about ntpc?", names) == "what did the management say about ntpc?"
    assert with_capitals("what did varga say?", names) == "what did Varga say?"


ARTICLE = ("Femcare startup Daye now offers tampon-based screening. A test from Daye costs £99 in the U.K. "
           "Most TikTok users pay for music, and TikTok said so. It was time to go; time will tell. A roast "
           "turkey costs less at daye.com/shop.")


@pytest.mark.parametrize(("typed", "cased"), [
    ("What will daye's test cost?", "What will Daye's test cost?"),  # capitalised wherever no sentence starts
    ("how many tiktok users pay?", "how many TikTok users pay?"),  # as the articles write it
    ("Who was time's person of the year?", "Who was time's person of the year?"),  # also written in lower case
    ("What will Daye's test cost?", "What will Daye's test cost?"),  # typed with capitals: left as typed
    ("will daye sell in the united states?", "will Daye sell in the United States?"),  # a country, written or not
    ("how much is a turkey at the u.k. store?", "how much is a turkey at the u.k. store?"),  # "turkey" in lower case
])
def test_capitals_the_retrieved_articles_give(typed: str, cased: str) -> None:
    assert capitals_from(typed, [ARTICLE]) == cased


@pytest.mark.parametrize(("typed", "plain"), [
    ("WHAT DID LENA VARGA SAY ABOUT THE MERGER?", "what did lena varga say about the merger?"),
    ("NATO?", "NATO?"),  # too short to be shouting
    ("What did NATO say?", "What did NATO say?"),  # an acronym in a question typed in mixed case
])
def test_a_question_typed_in_capitals_is_read_as_typed_in_lower_case(typed: str, plain: str) -> None:
    assert unshouted(typed) == plain


@pytest.mark.parametrize(("condensed", "asked"), [
    ("And where did Lena Varga go to medical school?", "Where did Lena Varga go to medical school?"),
    ("So how many subscribers had Lena Varga reached?", "How many subscribers had Lena Varga reached?"),
    ("And Zelensky?", "And Zelensky?"),  # no question after the link: left for the condenser's own reading
    ("Andrew Varga said what?", "Andrew Varga said what?"),
])
def test_a_condensed_question_loses_the_link_word_it_was_asked_with(condensed: str, asked: str) -> None:
    assert unlinked(condensed) == asked


def test_a_follow_up_typed_in_lower_case_takes_capitals_past_the_ones_the_history_gave() -> None:
    condensed = "How much did daye pay TikTok originally?"  # "daye" typed, "TikTok" from the turn before
    assert capitals_from(condensed, [ARTICLE]) == condensed  # capitals past the first: as typed ...
    assert capitals_from(condensed, [ARTICLE], typed_lower=True) == "How much did Daye pay TikTok originally?"
