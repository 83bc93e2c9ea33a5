"""Fact mode: the sentence that carries the answer type and the key terms, or a refusal."""

from __future__ import annotations

import math
import time

import pytest

from answer.helpers import (
    ALL_PASSAGES,
    BALLOTS,
    EARNINGS,
    FINAL_PREVIEW,
    PLANTED,
    RECORD,
    SEED,
    SEED_PASSAGES,
    ask,
    chunks,
    fake_embed,
    refused_then_answered,
)
from assistant.answer import EMBED_BUDGET, answer_extractive
from assistant.answer.answerer import _absent_words
from assistant.answer.eligibility import _interim_only
from assistant.answer.facts import COUNT_CREDIT, build_pool, rank_candidates, why_refused
from assistant.answer.question import analyse_question
from assistant.answer.similarity import relevance
from assistant.schema import Passage


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
@pytest.mark.parametrize(
    ("question", "fragment"),
    [
        ("How many people has the war displaced?", "about 6 million people"),
        ("When did Trump host the Republican governors?", "On Thursday, Trump hosted"),
        ("How much will the bridge repairs cost?", "120 million euros"),
        ("Who wrote Taking Down Trump?", "Tristan Snell"),
    ],
)
def test_factual_questions_cite_the_sentence(question: str, fragment: str, embed) -> None:
    ans = ask(question, ALL_PASSAGES, embed=embed)
    assert ans.answered, ans.answer
    assert fragment in ans.citations[0].quote
    assert ans.answer.split(" [1]")[0] == " ".join(ans.citations[0].quote.split())


def test_list_lines_are_answers() -> None:
    ans = ask("How much revenue did Acme report?", chunks("acme", EARNINGS), embed=None)
    assert ans.answered and ans.citations[0].quote == "Revenue: $12.94 billion vs. $12.4 billion expected"


def test_the_place_asked_about_must_be_there() -> None:
    passages = chunks("acme", EARNINGS)
    assert "China" in ask("How much did Acme sell in China?", passages, embed=None).citations[0].quote
    ans = ask("How much did Acme sell in Japan?", passages, embed=None)
    assert not ans.answered and "Japan" in ans.answer


SCOOTERS = """Voltra will invest $2.5 billion in India over five years, chief executive Raj Mehta said on Monday.
The scooter maker also plans to enter Nepal, its first market outside India, next year.
"""
TRADE = """In 2022-23, Israel's share in exports from India stood at 1.87 per cent.
India's exports to the UAE rose 12 per cent in the same year.
Saudi Arabia's energy minister visited Delhi in March.
"""
QUALIFIER = """Uruguay hosted Peru in Montevideo on Tuesday night in World Cup qualifying.
Striker Leo Ruiz scored twice as Uruguay won 2-0 to go top of the group.
"""


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_a_figure_for_one_country_does_not_answer_for_another(embed) -> None:
    passages = chunks("scooters", SCOOTERS)
    ans = ask("How much will Voltra invest in India?", passages, embed=embed)
    assert ans.answered and "$2.5 billion" in ans.citations[0].quote
    assert not ask("How much will Voltra invest in Nepal?", passages, embed=embed).answered
    # two countries asked: a sentence naming one of them and another in place of the second does not answer
    trade = chunks("trade", TRADE)
    assert not ask("What share of India's exports went to Saudi Arabia in 2022-23?", trade, embed=embed).answered
    ans = ask("What share of India's exports went to Israel in 2022-23?", trade, embed=embed)
    assert ans.answered and "1.87 per cent" in ans.citations[0].quote
    # a match has two sides: the one the question does not name is no rival
    ans = ask("How many goals did Leo Ruiz score against Peru?", chunks("qualifier", QUALIFIER), embed=embed)
    assert ans.answered and "scored twice" in ans.citations[0].quote


SPRINT = """Ten drivers raced the sprint car series at Pinecrest Speedway on Saturday night.
With nine laps to go, Kyle Marsh was leading the race at Pinecrest Speedway and seemed to take the victory.
Then Marsh lost control of his car, and Dale Corrigan won the sprint car race.
"""
DERBY = """Ashford hosted Brampton in the county derby on Sunday.
Ashford won the derby 2-1 with a late goal from a substitute.
"""


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_a_winner_asked_needs_a_name_besides_the_ones_asked(embed) -> None:
    # a place and a driver named are no two sides of a contest: the winner is someone else, or nobody the article says
    partial = chunks("sprint", SPRINT.rsplit("Then", 1)[0])
    question = "Who won the sprint car race at Pinecrest Speedway that Kyle Marsh took part in?"
    assert not ask(question, partial, embed=embed).answered
    ans = ask(question, chunks("sprint", SPRINT), embed=embed)
    assert ans.answered and "Dale Corrigan" in ans.citations[0].quote
    # two sides asked: the winner is one of them
    ans = ask("Who won the derby between Ashford and Brampton?", chunks("derby", DERBY), embed=embed)
    assert ans.answered and "won the derby 2-1" in ans.citations[0].quote


def test_a_units_symbol_after_its_number_counts_it() -> None:
    """"How many megapixels": "12MP" counts them (and earns the count's credit), "12 cameras" does not."""
    from assistant.answer.evidence import counts

    assert counts("megapixel", "The camera has been upgraded from 5MP to 12MP.")
    assert counts("gigabyt", "It ships with 8 GB of memory.")
    assert not counts("megapixel", "The glasses have 2 cameras and 12 microphones.")


def test_a_groups_size_counts_its_members() -> None:
    """"How many players did he call up?": "a bloated 36-man squad" counts them; a 36-page report does not."""
    from assistant.answer.evidence import counts

    assert counts("player", "Coach Dario Lenz named a bloated 36-man squad for the two qualifiers.")
    assert counts("member", "A 12-strong delegation flew to Geneva.")
    assert not counts("player", "Coach Dario Lenz read a 36-page report on the two qualifiers.")
    ans = ask("How many players did Dario Lenz call up for the qualifiers?",
              chunks("squad", "Coach Dario Lenz named a bloated 36-man squad for the two qualifiers this month."),
              embed=None)
    assert ans.answered and "36-man squad" in ans.citations[0].quote


def test_wins_and_defeats_count_games() -> None:
    """"How many games did his team win?": "a 2-7 win-loss record, the only two victories ..." counts games; a
    sentence counting something else ("two new caps") does not."""
    text = ("Coach Ned Rowe named two new caps for the tour.\n\n"
            "Rowe's side finished the year with a 2-7 win-loss record, the only two victories coming against Fiji.\n")
    ans = ask("How many games did Ned Rowe's team win this year?", chunks("rowe", text), embed=None)
    assert ans.answered and "2-7" in ans.citations[0].quote, ans.answer
    assert not ask("How many games did Ned Rowe's team win this year?", chunks("rowe", text.split("\n\n")[0]),
                   embed=None).answered


def test_a_count_asked_for_one_ballot_is_not_answered_from_another() -> None:
    passages = chunks("ballots", BALLOTS)
    ans = ask("How many Republicans voted against Baker on the second ballot?", passages, embed=None)
    assert ans.answered and all("first ballot" not in c.quote for c in ans.citations)
    assert "22 Republicans" in ans.citations[0].quote
    assert not ask("How many Republicans voted against Baker on the third ballot?", passages, embed=None).answered


ROUND_UP = """Eintracht Frankfurt beat Bayern Munich 5-1 in the Bundesliga on Saturday.
Bayern's game against Union Berlin was postponed because of snow.
"""
ROUND_UP_LATER = """Bayern Munich beat Union Berlin 1-0 in the rearranged Bundesliga game on Wednesday.
"""


def test_a_result_against_another_side_does_not_answer_for_the_opponent_asked() -> None:
    question = "Did Bayern win their Bundesliga game against Union Berlin?"
    assert not ask(question, chunks("round", ROUND_UP), embed=None).answered
    ans = ask(question, chunks("later", ROUND_UP_LATER), embed=None)
    assert ans.answered and "1-0" in ans.citations[0].quote


def test_a_preview_does_not_answer_who_won() -> None:
    passages = chunks("final", FINAL_PREVIEW)
    assert not ask("Who won the Nations Cup final?", passages, embed=None).answered
    assert not ask("Did Spain beat Portugal in the Nations Cup final?", passages, embed=None).answered
    ans = ask("What was the score when Spain beat France?", passages, embed=None)
    assert ans.answered and "3-1" in ans.citations[0].quote


def test_a_face_is_no_fixture() -> None:
    """"face" looks ahead as a verb ("Spain will face Portugal"), not as a noun ("holding his face")."""
    text = "Silva was pictured holding his face in disbelief after Portugal were beaten 40-6 by Spain in Lyon.\n"
    ans = ask("What was the score when Spain beat Portugal in Lyon?", chunks("photo", text), embed=None)
    assert ans.answered and "40-6" in ans.citations[0].quote


CHAIR_STALLED = """The harbour board met on Monday without a chair for the third week running.
Members have no workable plan to elect a new chair before the recess, board secretary Ana Ruiz said.
"""
CHAIR_ELECTED = """The harbour board elected Tom Hale as its new chair on Friday after weeks of deadlock.
"""


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_a_plan_to_do_it_is_not_the_outcome(embed) -> None:
    """"no plan to elect a new chair" looks ahead: it does not say who was eventually elected."""
    question = "Who was eventually elected chair of the harbour board?"
    refused_then_answered(
        question, chunks("stalled", CHAIR_STALLED),
        chunks("elected", CHAIR_ELECTED), "Tom Hale", embed
    )


LEAGUE_GAME = """The Hawks beat the Kings on Sunday night at Harbor Field, a final score of 31-17.
Sam Reyes threw for 250 yards and two touchdowns for the Hawks.
The Kings defence held firm in the third quarter but could not stop the run late.
Kings coach Ana Brooks said her team would regroup before its next game.
The Kings host the Rovers next Sunday.
"""


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_a_score_against_one_side_is_not_the_score_against_another(embed) -> None:
    passages = chunks("game", LEAGUE_GAME)
    ans = ask("What was the final score of the Kings' game against the Hawks?", passages, embed=embed)
    assert ans.answered and "31-17" in ans.citations[0].quote
    assert not ask("What was the final score of the Kings' game against the Rovers?", passages, embed=embed).answered


BANK_BOARD = """The board of Harbor Bank now includes chair Ana Brooks and directors Sam Reyes and Leo Ruiz.
Regulators asked the bank to make room for a non-voting observer from its largest investor.
"""


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_who_holds_a_post_is_answered_by_a_sentence_naming_the_post(embed) -> None:
    passages = chunks("bank", BANK_BOARD)
    ans = ask("Who is the chair of Harbor Bank's board?", passages, embed=embed)
    assert ans.answered and "Ana Brooks" in ans.citations[0].quote
    assert not ask("Who became the non-voting observer on Harbor Bank's board?", passages, embed=embed).answered


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_which_ceo_is_answered_by_a_sentence_naming_a_chief_executive(embed) -> None:
    """"Which CEO ...": a sentence about the company's results naming an analyst, no chief executive, is no answer."""
    text = ("Harbor Bank beat expectations in the third quarter, analyst Sam Reyes of Lark Capital said.\n\n"
            "The bank also signed a partnership with a blockchain startup.")
    assert not ask("Which CEO led Harbor Bank to beat expectations in the third quarter?", chunks("hb", text),
                   embed=embed).answered
    text += "\n\nChief executive Ana Brooks led Harbor Bank through the third quarter's turnaround."
    ans = ask("Which CEO led Harbor Bank to beat expectations in the third quarter?", chunks("hb", text), embed=embed)
    assert ans.answered and "Ana Brooks" in ans.answer, ans.answer


SONG = """Singer Ana Brooks released her ballad Love Is Blind on September 3.
The song has racked up 30 million plays on Spotify and 12 million views on YouTube.
"""


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_a_title_with_a_small_word_is_one_name(embed) -> None:
    """"Love Is Blind" is one name, not two: so "Apple Music", absent, is half the names, not a third."""
    passages = chunks("song", SONG)
    ans = ask("How many plays does Love Is Blind have on Spotify?", passages, embed=embed)
    assert ans.answered and "30 million plays" in ans.citations[0].quote
    ans = ask("How many plays does Love Is Blind have on Apple Music?", passages, embed=embed)
    assert not ans.answered and "Apple" in ans.answer


TICKETS = """Harbor FC sold out its season tickets within a day of going on sale.
Fans said even the cheapest seats at Harbor Park were hard to find.
The average season ticket at Harbor FC cost $640 this year, up from $485 last year.
"""
TICKET_PRICES = """Harbor FC's cheapest season ticket costs $210 for all 17 home games.
"""


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_a_superlative_asked_is_stated_by_the_answer(embed) -> None:
    """The average price is not the cheapest one."""
    question = "What does Harbor FC's cheapest season ticket cost?"
    refused_then_answered(question, chunks("tickets", TICKETS), chunks("prices", TICKET_PRICES), "$210", embed)


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_the_biggest_day_is_stated_as_the_most_popular_or_the_pinnacle(embed) -> None:
    """"the biggest day for prop bets": "the most popular day", "the pinnacle" state it; a sentence that only says
    prop bets are popular does not."""
    wrong = "Prop bets are popular all year, and bettors place them on the Grand Final and the Cup alike.\n"
    right = "For prop bets the pinnacle is the Grand Final. It is the most popular day of the year for them.\n"
    refused_then_answered("Which event is the biggest day of the year for prop bets?", chunks("w", wrong),
                          chunks("r", right), "Grand Final", embed)


HANDHELD_BATTERY = """The new Lumo handheld is lighter on the wallet and heavier on features than the original.
Its battery lasts 30-50% longer than the original Lumo handheld's, Lumo says.
"""
HANDHELD_WEIGHT = """Lumo says the new handheld weighs about 30 grams less than the original model.
"""


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
@pytest.mark.parametrize(("question", "wrong", "right", "expected"), [
    ("How much lighter is the new Lumo handheld than the original?", HANDHELD_BATTERY, HANDHELD_WEIGHT, "30 grams"),
    ("How much longer does the new Lumo handheld's battery last than the original's?",
     "The new Lumo handheld weighs about 30 grams less than the original model.", HANDHELD_BATTERY, "30-50%"),
])
def test_a_comparison_is_answered_in_its_own_dimension(question, wrong, right, expected, embed) -> None:
    """"How much lighter" is a weight or a share said to be lighter, not another figure of the same device."""
    refused_then_answered(question, chunks("wrong", wrong), chunks("right", right), expected, embed)


POEM_AGO = "Henry Longwell, one of the country's great poets, wrote the poem exactly 160 years ago.\n"
POEM_YEAR = "On Christmas Day, 1863, Henry Longwell wrote the poem as the war raged.\n"
GAME_LIVE = ("Taylor Swift was at the Chiefs game against the Bears on Sunday.\n\n"
             "She cheered as a three-yard catch by Kelso put the Chiefs up 41-0, the score until the final minute.\n")
GAME_RESULT = "The Chiefs beat the Bears 41-10 in the game on Sunday, a final score that flattered the Bears.\n"
FILM_DATES = "Aquaman and the Lost Kingdom: Dec. 20\n\nThe film opens on Dec. 20 in 4,000 theaters.\n"
FILM_BUDGET = "Aquaman and the Lost Kingdom cost $205 million to make, the studio said.\n"
SUBSCRIPTION_PRICE = "EU users who have signed up for the ad-free subscription pay \u20ac9.99 a month since 2023.\n"
SUBSCRIPTION_COUNT = "About 2 million EU users have signed up for the ad-free subscription so far.\n"
SEARCH_CHANGE = "Searches handled by Lookup in the US rose 12% last year, the court heard.\n"
SEARCH_SHARE = "Lookup handles about 90% of all searches in the US, the court heard.\n"
SHOPPING_DEAL = "On Cyber Monday shoppers online snapped up the 14-inch Lumo laptop, 30% cheaper than last week.\n"
SHOPPING_SUM = "On Cyber Monday shoppers online spent NIS 3.5 billion, the retail group said.\n"
RIGHTS_DATE = "Also on Streamly: Lumen Bay (December 15), a thriller about 40-something women marooned for 18 months.\n"
BONDS_SHARE = "About 30% of economists see the bank's bond-buying as a tool for financial stability only.\n"
BONDS_SUM = "Over the next decade, the bank estimates, its bond-buying will cost the government over £200 billion.\n"
RIGHTS_SUM = "Streamly is paying 12 million euros a season for the rights to Lumen Bay, the studio said.\n"
WATCH_BASE = "The new Lumo Watch 6 went down to $269 for Prime Day and it's still on sale.\n"
WATCH_CLASSIC = "The Lumo Watch 6 Classic is down to $329 for Prime Day, its lowest price yet.\n"
CONSOLE_X = "The Lumo Series X console is $400 ($100 off) for Prime Day.\n"
CONSOLE_S = "Lumo Series S consoles are $250 ($50 off) for Prime Day.\n"


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
@pytest.mark.parametrize(("question", "wrong", "right", "expected"), [
    ("In what year did Henry Longwell write the poem?", POEM_AGO, POEM_YEAR, "1863"),
    ("What was the final score of the Chiefs game against the Bears?", GAME_LIVE, GAME_RESULT, "41-10"),
    ("What was the budget for Aquaman and the Lost Kingdom?", FILM_DATES, FILM_BUDGET, "$205 million"),
    ("What percentage of searches does Lookup handle in the US?", SEARCH_CHANGE, SEARCH_SHARE, "90%"),
    # a share written out in words
    ("What share of games bought on Lumo never get played?", "Lumo users bought more games than ever in 2023.\n",
     "Twenty-two percent of the games bought on Lumo are never played.\n", "Twenty-two percent"),
    ("How many EU users have signed up for the ad-free subscription?", SUBSCRIPTION_PRICE, SUBSCRIPTION_COUNT,
     "2 million"),
    ("How much did shoppers spend online on Cyber Monday?", SHOPPING_DEAL, SHOPPING_SUM, "NIS 3.5 billion"),
    # "how much is X paying": only a sum of money answers, written out in words too
    ("How much is Streamly paying for the rights to Lumen Bay?", RIGHTS_DATE, RIGHTS_SUM, "12 million euros"),
    # "end up costing" asks for a sum, not for a change ("go up")
    ("How much does the bank think its bond-buying will end up costing the government?", BONDS_SHARE, BONDS_SUM,
     "£200 billion"),
    # the product variant asked, not a deals list's base model ("Watch 6") or another model of its line ("Series X")
    ("What's the Prime Day price of the Lumo Watch 6 Classic?", WATCH_BASE, WATCH_CLASSIC, "$329"),
    ("How much is the Lumo Series S for Prime Day?", CONSOLE_X, CONSOLE_S, "$250"),
])
def test_the_answer_is_the_kind_asked(question, wrong, right, expected, embed) -> None:
    """A year for "what year" (not "160 years ago"), a result for "the final score" (not a score during the game),
    a sum for "the budget" (not a release date), a share for "what percentage of" (not a change: "rose 12%"), a
    count for "how many" (not a price or a year), a sum of money for "how much did they spend" (not a size or a
    share)."""
    refused_then_answered(question, chunks("wrong", wrong), chunks("right", right), expected, embed)


HEARING_SET = ("Snapchat filed a motion to dismiss the families' complaint.\n\n"
               "A hearing for that motion has been scheduled for 18 October.\n\n"
               "Snapchat did not respond to a request for comment on the motion.\n")
HEARING_HELD = "On 18 October the judge denied Snapchat's motion to dismiss, letting the families' case go ahead.\n"


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
@pytest.mark.parametrize("question", ["Did the judge grant Snapchat's motion to dismiss?",
                                      "How did the judge rule on Snapchat's motion to dismiss at the hearing?"])
def test_a_hearing_set_for_a_ruling_is_not_the_ruling(embed, question) -> None:
    """"Did the judge grant the motion?", "How did the judge rule on it?" are answered by the ruling, not by the
    date it was set for."""
    refused_then_answered(question, chunks("set", HEARING_SET), chunks("held", HEARING_HELD), "denied", embed)


CUP_AHEAD = ("After Harbor secured victory over Fiji in the quarter-finals, they now look to overcome the champions "
             "to reach the Harbor Cup final.\n")
CUP_RESULT = "In the Harbor Cup final it was Rovers who once again prevailed, 12-11, in an instant classic.\n"


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_a_team_looking_ahead_to_the_final_did_not_win_it(embed) -> None:
    """"they now look to overcome ..." looks ahead; "prevailed" reports the result."""
    refused_then_answered("Who won the Harbor Cup final?", chunks("ahead", CUP_AHEAD), chunks("result", CUP_RESULT),
                          "prevailed", embed)


DEAL = """The league signed a new media deal with four networks on Monday.
Under the agreement, the league secures seven years of revenue for itself and its teams.
Each season of the agreement brings in an average of $1.1 billion, the league said.
"""


def test_a_sentence_counting_what_is_asked_is_more_relevant() -> None:
    """"How many years": "seven years of revenue" counts the very thing asked, and gets ``COUNT_CREDIT``."""
    info = analyse_question("How many years of revenue does the league's new media deal lock in?")
    ranked = rank_candidates(info, info.text, build_pool(chunks("deal", DEAL)), None)
    counting = next(c for c in ranked if "seven years" in c.text)
    assert counting.relevance == pytest.approx(relevance(None, counting.lex) + COUNT_CREDIT)
    assert all(c.relevance == pytest.approx(relevance(None, c.lex)) for c in ranked if c is not counting)


def test_a_refusal_for_a_detail_names_no_empty_specifier() -> None:
    pool = build_pool(chunks("tickets", TICKETS))
    for c in pool.candidates:
        c.why_not = "specifier"
    reason = why_refused(analyse_question("What does Harbor FC's cheapest season ticket cost?"), pool)
    assert reason == "No retrieved sentence says it of exactly what the question asks."


REVENUE_AHEAD = """Acme is scheduled to report Q3 revenue of about $5 billion on Monday, analysts said.
"""
REVENUE_REPORTED = """Acme reported Q3 revenue of $5.2 billion on Monday, above what analysts had forecast.
"""


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_an_actual_figure_is_not_a_scheduled_one(embed) -> None:
    question = "What was Acme's actual Q3 revenue?"
    refused_then_answered(
        question, chunks("ahead", REVENUE_AHEAD),
        chunks("reported", REVENUE_REPORTED), "$5.2 billion", embed
    )


STREAMING = """In an interview, Streamly's chief monetization officer Mike Hale discussed the new revenue split.
Streamly also hired Dana Ortiz as its chief marketing officer in March.
"""


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_one_chief_officer_is_not_another(embed) -> None:
    passages = chunks("streamly", STREAMING)
    ans = ask("Who is Streamly's chief monetization officer?", passages, embed=embed)
    assert ans.answered and "Mike Hale" in ans.citations[0].quote
    assert not ask("Who is Streamly's chief financial officer?", passages, embed=embed).answered


MEDIA_DEAL = """The league signed a $7.7 billion media deal with Fox Sports, NBC, Amazon and Warner Bros. on Monday.
"""
HIGHLIGHTS = """Under a separate deal, Apple, Google and Meta each pay the league $10 million a year for highlights.
"""


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_a_total_for_a_list_is_not_one_members_part(embed) -> None:
    passages = chunks("media", MEDIA_DEAL) + chunks("highlights", HIGHLIGHTS)
    ans = ask("How much is the league's media deal with Fox Sports, NBC, Amazon and Warner Bros. worth?", passages,
              embed=embed)
    assert ans.answered and "$7.7 billion" in ans.citations[0].quote
    assert not ask("How much is Amazon paying for its part of the league's media deal?", passages, embed=embed).answered
    ans = ask("How much does Google pay the league for highlights?", passages, embed=embed)
    assert ans.answered and "$10 million" in ans.citations[0].quote


def test_a_question_needs_its_answer_type() -> None:
    passages = chunks("acme", EARNINGS)
    ans = ask("When will Acme open its first store in Lagos?", passages, embed=None)
    assert not ans.answered


def test_a_pronoun_sentence_is_cited_with_the_one_it_continues() -> None:
    ans = ask("Who holds Norway's goalscoring record?", chunks("record", RECORD), embed=None)
    assert ans.answered and "It was set by Jorgen Juve" in ans.citations[0].quote
    assert ans.citations[0].quote.startswith("Of all the national teams")


HAT_TRICK = """Nicolas Jackson rifled in a 75th minute winner from a square pass at the far post.
The Senegal forward then struck twice in injury time to claim his first hat-trick for the club.
"""


def test_a_sentence_describing_a_person_is_cited_with_the_one_that_names_them() -> None:
    ans = ask("Who got the hat-trick for the club?", chunks("spurs", HAT_TRICK), embed=None)
    assert ans.answered and ans.citations[0].quote.startswith("Nicolas Jackson rifled")
    assert "The Senegal forward then struck twice" in ans.citations[0].quote


CLOCKS = """The clocks went back one hour in the UK on Sunday 29 October 2023.
That gives everyone an extra hour in bed as the nights draw in.
The clocks will not go forward again until Sunday 31 March 2024.
"""


def test_the_date_a_when_question_counts_from_is_not_required_of_the_answer() -> None:
    ans = ask("When will the clocks go forward again after the October 2023 change?", chunks("clocks", CLOCKS))
    assert ans.answered and "31 March 2024" in ans.answer


def test_a_city_asked_about_is_named_by_its_teams_nickname() -> None:
    offer = "Soto turned down a $440M contract offer from the Nationals before he was traded.\n"
    ans = ask("How much did Soto turn down from Washington?", chunks("soto", offer))
    assert ans.answered and "$440M" in ans.answer
    other = "Soto turned down a $440M contract offer from the Padres before he was traded.\n"
    ans = ask("How much did Soto turn down from Washington?", chunks("soto", other))
    assert not ans.answered and "Washington" in ans.answer


NOIR = """Here are a few classics we would recommend to anyone new to noir.
M (1931)
Director: Fritz Lang
One of the most chilling films ever made follows a city hunting a child murderer.
"""


def test_a_field_of_a_listing_is_no_heading() -> None:
    ans = ask("Who was the director of the 1931 film M?", chunks("noir", NOIR))
    assert ans.answered and "Director: Fritz Lang" in ans.answer


FINAL = ("ICC stats: with the final of the ODI World Cup 2023 won by Australia beating India by six wickets on "
         "Sunday, the world will now look back on the top batters of the tournament.\n")


def test_a_result_told_with_its_margin_answers_who_won_though_the_sentence_looks_ahead() -> None:
    """A "will" does not make a preview of a sentence that tells the result with its margin; the event keeps its
    qualifier ("Cricket") beside the sentence, in its article's title."""
    ans = ask("Who won the 2023 Cricket World Cup final?", chunks("wc", FINAL, title="Cricket World Cup 2023 stats"))
    assert ans.answered and "won by Australia" in ans.answer


def test_a_name_that_is_will_is_not_a_look_ahead() -> None:
    """"Will Dorn" in a sentence is a name, not the future: it answers a question asking what actually happened;
    a sentence with the modal "will" still looks ahead."""
    from assistant.answer.previews import looks_ahead
    text = "Jo Pratt has revealed that she and husband Will Dorn have been separated for the last seven years.\n"
    ans = ask("How long have Jo Pratt and Will Dorn actually been separated?", chunks("sep", text))
    assert ans.answered and "seven years" in ans.answer
    assert looks_ahead("Who actually won?", "Will Dorn says the Rovers will win the final.", "")


def test_captions_and_widget_text_are_not_evidence() -> None:
    text = ("Valve released the Steam Deck OLED on Thursday.\n"
            "The new model has a 7.4-inch screen.\n"
            "A Steam Deck OLED on a desk (Getty Images)\n"
            "MORE: Steam Deck OLED review with 14 photos\n")
    ans = ask("How big is the Steam Deck OLED's screen?", chunks("deck", text), embed=None)
    assert ans.answered
    assert all("Getty" not in c.quote and "MORE:" not in c.quote for c in ans.citations)


def test_a_caption_placing_people_left_and_right_is_not_evidence() -> None:
    text = ("Live: 22.40 West Indies' Shai Hope (right) celebrates with Jason Holder after hitting the winning six. "
            "West Indies won the series 3-2 on Thursday.\n")
    ans = ask("Who hit the winning six for West Indies?", chunks("wi", text), embed=None)
    assert "(right)" not in ans.answer


def test_a_journal_reference_line_is_not_evidence() -> None:
    """"Ketosis in cavefish, BMC Biology (2023), DOI: 10.1186/..." names the study, not how many fish it used."""
    text = ("Cavefish put on a ketogenic diet swam together more, the study found.\n\n"
            "More information: Ketosis in asocial cavefish increases affinity, BMC Biology (2023), "
            "DOI: 10.1186/s12915-023-01725-9\n")
    ans = ask("How many cavefish were put on the ketogenic diet?", chunks("fish", text), embed=None)
    assert "DOI" not in ans.answer


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("What is the capital of France?", "France"),
        ("How tall is the Eiffel Tower?", "Eiffel"),
    ],
)
def test_refuses_when_key_names_are_missing(question: str, named: str, embed) -> None:
    ans = ask(question, ALL_PASSAGES, embed=embed)
    assert not ans.answered and named in ans.answer


def test_refuses_on_weak_evidence() -> None:
    assert not ask("What did the governors eat?", SEED_PASSAGES, embed=None).answered
    strict = ask("How many people has the war displaced?", SEED_PASSAGES, embed=None, min_score=1.01)
    assert not strict.answered and "relevant enough" in strict.answer


def test_empty_inputs_refuse() -> None:
    assert not answer_extractive("What happened?", [], embed=None).answered
    assert not answer_extractive("   ", ALL_PASSAGES, embed=None).answered


def test_planted_instructions_are_only_text() -> None:
    passages = chunks("planted", PLANTED, "2025-02-01") + ALL_PASSAGES
    ans = ask("How many people has the war displaced?", passages, embed=fake_embed)
    assert ans.answered and "PWNED" not in ans.answer
    assert all(c.article_id != "planted" for c in ans.citations)


def test_embed_is_called_once_per_fact_answer() -> None:
    calls: list[int] = []

    def counting(texts: list[str]) -> list[list[float]]:
        calls.append(len(texts))
        return fake_embed(texts)

    answer_extractive("How many people has the war displaced?", ALL_PASSAGES, embed=counting)
    assert len(calls) <= 1 and all(2 <= n <= EMBED_BUDGET + 1 for n in calls)


def test_fast_without_the_encoder() -> None:
    passages = [
        Passage(f"a{i}", f"a{i}:0", "t", "s", "", "", 0, 900, 0.5, SEED + f"\nUnique tail {i}.") for i in range(8)
    ]
    answer_extractive("What did Peskov say?", passages, embed=None)  # warm the per-article caches
    best = math.inf
    for _ in range(3):
        t0 = time.perf_counter()
        answer_extractive("How many people has the war displaced?", passages, embed=None)
        answer_extractive("What did Peskov say?", passages, embed=None)
        best = min(best, time.perf_counter() - t0)
    assert best < 0.040  # two answers over 8 passages of a 5,000-character article


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "fragment"),
    [
        ("How many people has the war displaced?", "6 million"),
        ("When did Trump host the Republican governors?", "On Thursday"),
        ("What are the conditions for talks?", "attaches no conditions"),
        ("What security guarantees does Ukraine want?", "joint security guarantees"),
        ("How many Republican governors attended?", "22 of 27"),
        ("What did Zelensky say?", "European security guarantees"),
        ("How much did Acme bring in from sales last quarter?", "Revenue: $12.94 billion"),
    ],
)
def test_real_encoder_answers(real_encoder, question: str, fragment: str) -> None:
    passages = ALL_PASSAGES + chunks("acme", EARNINGS, "2025-02-01")
    ans = ask(question, passages, embed=real_encoder.embed_documents)
    assert ans.answered and fragment in ans.citations[0].quote, ans.answer


@pytest.mark.slow
@pytest.mark.parametrize(
    "question",
    [
        "What did the governors eat?",
        "What is Trump's plan for the economy?",
        "What did the city say about the war?",
        "Who is Putin's wife?",
        "What is the capital of France?",
        "How many soldiers died in the war?",
    ],
)
def test_real_encoder_refuses(real_encoder, question: str) -> None:
    ans = ask(question, SEED_PASSAGES, embed=real_encoder.embed_documents)
    assert not ans.answered, ans.answer


FERRIES = """The Harbour Trust opened its new ferry terminal on Tuesday after two years of work.
The new terminal can berth four ferries at once, the trust said.
Local bakeries sold out of pastries by noon.
The weather stayed dry all afternoon.
Crowds of 2,000 people lined the quay to watch the first boats arrive.
"""


def test_the_sentence_holding_the_question_words_beats_a_looser_paraphrase() -> None:
    """The encoder likes the crowd sentence best; the one that holds the question's own words answers."""

    def embed(texts: list[str]) -> list[list[float]]:
        def vector(t: str) -> list[float]:
            if t.startswith("How many"):
                return [1.0, 0.0]
            if "berth" in t:
                return [0.5, math.sqrt(1 - 0.25)]
            if "Crowds" in t:
                return [0.9, math.sqrt(1 - 0.81)]
            return [0.0, 1.0]

        return [vector(t) for t in texts]

    ans = ask("How many ferries can the new terminal berth?", chunks("ferries", FERRIES), embed=embed)
    assert ans.answered and "four ferries" in ans.citations[0].quote


CHARTS = """The magazine ranked the busiest harbours of the year. Here is how the list closes.

3. Port Alder harbour (Northland) - 41 million tonnes

4. Kestrel Bay harbour (Southmarch) - 37 million tonnes

Kestrel Bay lost ground after its main crane failed in the spring.
"""


def test_a_numbered_list_line_keeps_its_number_and_answers_its_ordinal() -> None:
    passages = chunks("charts", CHARTS)
    ans = ask("Which harbour is fourth?", passages, embed=None)
    assert ans.answered and ans.citations[0].quote == "4. Kestrel Bay harbour (Southmarch) - 37 million tonnes"


PENALTIES = """The regulator opened an inquiry into Brightwave's data practices on Monday.
Brightwave earned $2 billion last year from advertising, its annual report shows.
Confirmed breaches of the privacy code can bring fines of up to 4% of global annual turnover.
"""


def test_a_fine_can_be_a_share_of_turnover() -> None:
    ans = ask("What is the maximum fine Brightwave could face for breaches of the privacy code?",
              chunks("fines", PENALTIES), embed=None)
    assert ans.answered and "4% of global annual turnover" in ans.citations[0].quote


PLANS = """Streamly launched its family plan in Canada on Monday.
The family plan costs $14.99 a month and covers up to six screens.
Streamly also sells a gift card for $50 in its stores.
"""


def test_a_rate_asked_needs_a_rate_in_the_answer() -> None:
    passages = chunks("plans", PLANS)
    ans = ask("How much does the Streamly family plan cost per month?", passages, embed=None)
    assert ans.answered and "$14.99 a month" in ans.citations[0].quote
    assert not ask("How much does a Streamly gift card cost per year?", passages, embed=None).answered



KNEE = """Harry Kane trained with the squad on Friday after a scan on his knee showed no damage.
The striker is expected to start against Lyon on Sunday, the club said.
"""


def test_a_verb_telling_the_result_is_not_a_missing_word() -> None:
    """"When Wales thrashed the Wallabies": the score asked for, in other words ("were pumped 40-6 by")."""
    info = analyse_question("What was the score when Wales thrashed the Wallabies in Lyon?")
    text = "Kerevi held his face after the Wallabies were pumped 40-6 by Wales in Lyon."
    assert _absent_words(info, chunks("lyon", text)) == []
    info = analyse_question("What was the score when Wales thrashed the Wallabies in Lyon's rain?")
    assert _absent_words(info, chunks("lyon", text)) == ["rain"]


def test_the_kind_of_piece_asked_of_is_not_a_missing_word() -> None:
    """'preview' and 'report' name the sources asked of, not words their text must hold."""
    info = analyse_question("What did the preview and the match report say about Kane's knee?")
    assert _absent_words(info, chunks("knee", KNEE)) == ["match"]


CLOSURE = """Timeline of Mayor Jan Berg's harbour closure

The closure was ordered by port director Lena Holm after a storm damaged the pier on Sunday.
"""


def test_a_short_unended_line_is_a_heading_not_an_answer() -> None:
    ans = ask("Who ordered the harbour closure?", chunks("closure", CLOSURE), embed=None)
    assert ans.answered and "Lena Holm" in ans.citations[0].quote


COACH = """The university named Dana Ortiz as its new rowing coach on Monday, ending a search of 12 weeks.
Ortiz, 41, led the crew at Lakeside for the past six seasons.
"""


def test_how_old_is_answered_by_an_age() -> None:
    ans = ask("How old is the university's new rowing coach?", chunks("coach", COACH), embed=None)
    assert ans.answered and "Ortiz, 41," in ans.citations[0].quote


GAME = """The Harbor Hawks beat the Valley Kings 96-84 on Sunday to stay top of the ladder.
Captain Sam Reyes scored 33 points, including seven three-pointers, to lead the Hawks.
The win was the Hawks' sixth in a row and their tenth of the season.
Coach Ana Brooks later praised the passing of Reyes, whose assists kept the Hawks in the game early.
"""


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_a_count_names_what_it_counts(embed) -> None:
    """"How many assists" is not answered by a sentence counting points (nor "how many points" refused)."""
    passages = chunks("game", GAME)
    ans = ask("How many points did Sam Reyes score?", passages, embed=embed)
    assert ans.answered and "33 points" in ans.citations[0].quote
    assert not ask("How many assists did Sam Reyes have?", passages, embed=embed).answered


RECOVERY = """Nurse Mia Lund, 52, broke her hip in a fall at her home in Riverton in March and spent a week in hospital.
Lund, who worked for two decades at Northgate Research Labs in Boston, said the recovery took four months.
"""
TREATED = """Mia Lund was treated at St. Anne's Hospital in Riverton, where she stayed for nine days.
"""


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_the_kind_of_institution_asked_for_is_named(embed) -> None:
    """"Which hospital" is answered by a sentence naming a hospital (or clinic), not by another place."""
    question = "Which hospital treated Mia Lund after her fall?"
    refused_then_answered(
        question, chunks("recovery", RECOVERY),
        chunks("treated", TREATED), "St. Anne's Hospital", embed
    )
    # a university goes by other names too
    chemist = chunks("chemist", "Lund's brother Erik is a chemist at the Harbor Institute of Technology in Boston.\n")
    ans = ask("Which university is Erik Lund a chemist at?", chemist, embed=embed)
    assert ans.answered and "Harbor Institute of Technology" in ans.citations[0].quote


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_two_dated_reports_date_two_articles(embed) -> None:
    """"After the Wire report on October 7, 2023 ... and the Wire article on October 30, 2023": the days and
    years date two articles; neither article must hold both (each holds its own), so the question is not refused
    for "7" or "30" missing from one of them."""
    first = chunks("w1", "Dave Clark laid out his plans for Flexport's leadership team, which would not change.",
                   published="2023-10-07", source="Wire", title="Wire: Clark's plans")
    second = chunks("w2", "Ryan Petersen fired Dave Clark, a change in Flexport's leadership after two quarters.",
                    published="2023-10-30", source="Wire", title="Wire: Petersen returns")
    q = ("After the Wire report on October 7, 2023 about Dave Clark's plans for Flexport and the Wire article on "
         "October 30, 2023 about Ryan Petersen, did Flexport's leadership change?")
    ans = ask(q, first + second, embed=embed)
    assert ans.answered, ans.answer


def test_names_no_single_article_holds_together_are_refused_as_such() -> None:
    """Each name is in some article, none has both: the refusal says "both", not that neither is mentioned."""
    passages = chunks("a", "Harbor Bank expects a rate rise of 0.25% on Monday, its economist said.\n") + chunks(
        "b", "The Reserve Board may raise rates by 0.25% on Tuesday, the Reserve Board said.\n")
    ans = ask("How much did Harbor Bank expect the Reserve Board to raise rates?", passages, embed=None)
    assert not ans.answered and "No retrieved article mentions both Harbor Bank and Reserve Board." in ans.answer, \
        ans.answer


def test_a_score_asked_is_not_matched_by_a_sentence_telling_another_score() -> None:
    """"the 2-1 loss": a sentence beside it telling of a 2-2 that never stood is about another moment."""
    text = ("Ashford suffered a 2-1 loss to Brampton on Saturday, where the hosts got the better of them.\n\n"
            "Late on, Ben Cole thought he had scored for Ashford to make it 2-2, but the referee ruled the goal out.\n")
    ans = ask("Who scored Ashford's goal in the 2-1 loss to Brampton?", chunks("mill", text), embed=None)
    assert not ans.answered and all("2-2" not in c.quote for c in ans.citations)
    ans = ask("Who thought he had made it 2-2 for Ashford?", chunks("mill", text), embed=None)
    assert ans.answered and "Ben Cole" in ans.citations[0].quote


SCORERS = """Harry Kane has been in record form for Bayern Munich this season, closing in on Lewandowski.
Kane, who has scored nine goals for England in 2023, is the first player to score a hat-trick on his Bundesliga debut.
Robert Lewandowski set the record of 41 goals in a Bundesliga season in 2021.
5. Romelu Lukaku (Roma/Belgium) - 40 goals
"""


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        ("How many goals did Robert Lewandowski score in 2023?", False),  # Kane's nine, Lukaku's 40: not his
        ("How many goals did Harry Kane score for England in 2023?", True),
    ],
)
def test_a_figure_asked_of_one_name_is_not_taken_from_a_sentence_about_another(question: str, answered: bool) -> None:
    ans = ask(question, chunks("scorers", SCORERS), embed=None)
    assert ans.answered is answered, ans.answer
    if answered:
        assert "nine goals" in ans.citations[0].quote


def test_a_team_that_led_or_beat_gives_its_own_figure() -> None:
    """"Gonzaga led by as many as 18 points": the team's margin, not the points of the player asked about."""
    text = ("Bronny James could make his debut against Long Beach State after USC lost at home on Saturday.\n\n"
            "Gonzaga led by as many as 18 points and outscored the Trojans 21-8 on fast breaks.\n")
    ans = ask("How many points did Bronny James score against Long Beach State?", chunks("usc", text), embed=None)
    assert not ans.answered, ans.answer


def test_a_refusal_for_another_ones_figure_says_whose_was_asked() -> None:
    text = ("Kane, who has scored nine goals this season, leads the scoring charts for Bayern Munich.\n\n"
            "Kane, who has made 12 appearances, has also set up four goals for his team-mates.\n\n"
            "Robert Lewandowski left Munich for Barcelona in the summer of 2022.\n")
    ans = ask("How many goals has Robert Lewandowski scored this season?", chunks("kane", text), embed=None)
    assert not ans.answered
    assert ans.answer.endswith("No retrieved sentence gives that figure for Robert Lewandowski."), ans.answer


def test_a_figure_of_someone_introduced_with_her_age_is_hers() -> None:
    """"Mia Lund, 26, has $145,000 in student debt": Lund's figure, not that of Nora Vail beside her."""
    text = ("Nora Vail, a teacher, is also giving cheaper gifts this year.\n\n"
            "Mia Lund, 26, has approximately $145,000 in student loan debt from two degrees.\n")
    ans = ask("How much student loan debt does Nora Vail owe?", chunks("debt", text), embed=None)
    assert not ans.answered, ans.answer
    assert ask("How much student loan debt does Mia Lund owe?", chunks("debt", text), embed=None).answered


def test_the_doer_asked_is_known_by_initials_of_three_letters_or_more() -> None:
    from assistant.answer.doers import agent_named
    from assistant.answer.words import vocabulary

    assert agent_named("How much did the Bank of England raise rates?", vocabulary("The BOE raised rates to 5.25%."))
    assert not agent_named("How many goals did Robert Lewandowski score?",  # "RL" is as much Romelu Lukaku
                            vocabulary("5. Romelu Lukaku (Roma/Belgium) - 40 goals"))


def test_a_refusal_names_each_name_once() -> None:
    """"the Reserve Board ... the Reserve Board's rates": one name, listed once, not as "all of" three."""
    passages = chunks("a", "Harbor Bank expects a rate rise of 0.25% on Monday, its economist said.\n") + chunks(
        "b", "The Reserve Board may raise rates by 0.25% on Tuesday, the Reserve Board said.\n")
    ans = ask("How much did Harbor Bank expect the Reserve Board to raise the Reserve Board's rates?",
              passages, embed=None)
    assert not ans.answered and "No retrieved article mentions both Harbor Bank and Reserve Board." in ans.answer, \
        ans.answer


def test_a_game_named_as_a_hyphenated_pair_is_answered_by_a_sentence_naming_one_side() -> None:
    """"the Hawks-Owls Friday Night Hockey game": a result naming the Hawks answers it; a live blog's line for the
    score after a period is no result."""
    text = ("Hawks vs. Owls live score, updates from Friday Night Hockey.\n\n"
            "End of second period: Hawks 2, Owls 2\n\n"
            "The Hawks won the final game of the week 3-2 behind a late goal from Mia Kerr.\n\n"
            "The Owls have now lost four in a row.\n")
    passages = chunks("g", text, title="Hawks vs. Owls live score, updates from Friday Night Hockey")
    ans = ask("What was the final score of the Hawks-Owls Friday Night Hockey game?", passages, embed=None)
    assert ans.answered and "3-2" in ans.citations[0].quote, ans.answer
    assert not any(c.quote.startswith("End of second period") for c in ans.citations), ans.answer


@pytest.mark.parametrize(("line", "interim"), [
    ("End of third quarter: Bears 16, Panthers 10", True),
    ("Halftime: Hawks 2, Owls 1", True),
    ("Final: Bears 16, Panthers 13", False),
    ("The Bears grinded out a 16-13 victory.", False),
    ("Ireland narrowed the gap to 18-17 just before the break as Gibson-Park sniped.", True),
    ("Ireland cut the deficit to 24-21 with five minutes left.", True),
    ("Ireland could not overturn the 28-24 scoreline.", False),
])
def test_a_live_blogs_line_for_a_score_during_the_game(line: str, interim: bool) -> None:
    assert _interim_only(line) is interim


def test_a_live_blogs_line_for_the_score_after_a_period_is_no_result() -> None:
    text = ("Hawks vs. Owls live score, updates and highlights.\n\n"
            "End of second period: Hawks 2, Owls 2\n\n"
            "Final: Hawks 3, Owls 2\n\n"
            "After the second period: Hawks 2, Owls 1\n")
    passages = chunks("g", text, title="Hawks vs. Owls live score, updates and highlights")
    ans = ask("What was the score of the Hawks vs. Owls game?", passages, embed=fake_embed)
    assert ans.answered and [c.quote for c in ans.citations] == ["Final: Hawks 3, Owls 2"], ans.answer


def test_a_refusals_reason_is_the_same_in_every_run() -> None:
    """Two rules ruling out as many candidates: the reason given is the same whatever the string hash seed."""
    import os
    import subprocess
    import sys

    code = ("import sys; sys.path.insert(0, 'tests')\n"
            "from answer.helpers import chunks\n"
            "from assistant.answer import answer_extractive\n"
            "p = chunks('a', 'Harbor Bank expects a rate rise of 0.25% on Monday, its economist said.\\n') + chunks(\n"
            "    'b', 'The Reserve Board may raise rates by 0.25% on Tuesday, the Reserve Board said.\\n')\n"
            "print(answer_extractive(\"How much did Harbor Bank expect the Reserve Board to raise the Reserve Board's "
            "rates?\", p, embed=None).answer)\n")
    seen = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(6)}
    assert len(seen) == 1, seen


def test_a_result_line_in_an_odds_article_answers_and_another_bowls_line_does_not() -> None:
    """An article titled as a preview ("... Odds, Spreads ...") that lists games already played: "Harbour Bowl:
    Ashford 31 Brampton 7" gives that game's result; the "Coast Bowl" line is another game's ("Bowl" is no side)."""
    text = ("Bowl season is here, and these are the lines for every game still to come.\n\n"
            "Results so far\n\n"
            "Harbour Bowl final score: Ashford 31 Brampton 7\n\n"
            "Coast Bowl: Lyle 21 Dunmore 14\n\n"
            "Ashford were the only unbeaten side left in the conference.\n")
    passages = chunks("o", text, title="College Bowl Odds, Spreads, Money Lines and Totals")
    ans = ask("What was the final score of the Harbour Bowl?", passages, embed=None)
    assert ans.answered, ans.answer
    assert [c.quote for c in ans.citations] == ["Harbour Bowl final score: Ashford 31 Brampton 7"], ans.answer


def test_a_game_already_played_told_in_a_preview_is_a_result_and_a_prediction_is_not() -> None:
    """The Hawks' last game, in a preview of their next one: a result (the previewed game's sides are not both
    asked about; ``test_a_preview_article_answers_no_result_question`` has the case where they are)."""
    text = ("The Hawks host the Owls on Sunday with a playoff place at stake.\n\n"
            "The Hawks are coming off a brutal 41-10 rout at the hands of the Eagles in October.\n\n"
            "Prediction:\n\nHawks 24, Owls 17\n")
    passages = chunks("p", text, title="Hawks vs. Owls odds, props, predictions")
    ans = ask("What was the score of the Eagles' rout of the Hawks in October?", passages, embed=None)
    assert ans.answered and [c.quote[:30] for c in ans.citations] == ["The Hawks are coming off a bru"], ans.answer


@pytest.mark.parametrize(("text", "price"), [
    ("The Harbour Display X1 has a spacious 27-inch screen and a 5K resolution that is stunningly sharp.\n", None),
    ("The Harbour Display X1 has a spacious 27-inch screen and a 5K resolution that is stunningly sharp.\n\n"
     "The Harbour Display X1 is down to $1,299 during the sale.\n", "$1,299"),
])
def test_how_much_is_a_thing_asks_its_price(text: str, price: str | None) -> None:
    """"How much is the Harbour Display X1 during the sale?": a sum of money answers, not its size in inches."""
    ans = ask("How much is the Harbour Display X1 during the sale?", chunks("d", text), embed=None)
    assert ans.answered is (price is not None), ans.answer
    assert price is None or price in ans.citations[0].quote


def test_a_voice_asked_is_the_only_voice_cited() -> None:
    """"What does Harbour Rumors suggest ...?": the site's report ("As harbourrumors.com suggests, ..."), its name
    written as one word; and a fact question asking a voice ("project") keeps to the sentences of that voice."""
    from assistant.answer.voices import voice_asked

    text = ("The Gulls have a decision to make. As harbourrumors.com suggests, Novak is expected to earn $15.3 million "
            "next year; a trade could save the Gulls money.")
    ans = ask("What does Harbour Rumors suggest Novak is expected to earn next year?", chunks("novak", text),
              embed=fake_embed)
    assert ans.answered and "$15.3 million" in ans.citations[0].quote
    assert [c.speaker for c in ans.citations] == ["harbourrumors.com"]
    assert voice_asked("What does MLB Trade Rumors project Torres will earn?", "mlbtraderumors.com")
    assert not voice_asked("What does MLB Trade Rumors project Torres will earn?", "Reuters")
    assert not voice_asked("How much will Torres earn, says the MLB Trade Rumors piece?", "mlbtraderumors.com")


def test_a_betting_line_asked_is_a_line_for_that_game() -> None:
    """"What's the point spread for Harbour at Ashford?": a line with figures ("Ashford -14"), not the heading that
    names the kinds of bet; and a line for a game against another side is not this game's."""
    text = ("Harbour at Ashford odds: Point spread, moneyline, total\n\n"
            "This opened Ashford -14 and an exorbitant total of 71.5 in Vegas.\n\n"
            "Ashford have won nine straight at home. Their quarterback has thrown for 3,100 yards. Snow is forecast "
            "for the weekend.\n\nElsewhere, the Wolves are 5.5-point favorites against Brampton in the title game.")
    from assistant.answer.values import gives_spread, line_sides

    asked = "What's the point spread for the Rose Bowl between Alabama and Michigan?"
    assert line_sides(asked) == ["Alabama", "Michigan"] and line_sides("What's the spread?") == []
    assert not gives_spread(asked, "Rose Bowl odds: Point spread, moneyline, total")
    assert gives_spread(asked, "This opened Michigan -2.5 with a total of 44.5.")
    assert gives_spread(asked, "The Wolverines are 2.5-point favorites.")
    ans = ask("What were the opening point spread and total for Harbour at Ashford?", chunks("line", text), embed=None)
    assert ans.answered and "Ashford -14" in ans.citations[0].quote
    assert not ask("What's the point spread for the final between Brampton and Harbour?", chunks("line", text),
                   embed=None).answered


def test_a_stake_asked_is_a_share_or_a_sum() -> None:
    """"How big a stake does she own?": "a 10% stake", not a sentence whose only figure is "a 29-year-old"."""
    text = "Dana Ortiz is part of the ownership group of Harbour FC, which she joined as a 29-year-old."
    question = "How big a stake does Dana Ortiz own in Harbour FC?"
    assert not ask(question, chunks("stake", text), embed=None).answered
    ans = ask(question, chunks("stake", text + " Ortiz owns a 10% stake in Harbour FC."), embed=None)
    assert ans.answered and "10% stake" in ans.answer


def test_a_credit_asked_is_answered_in_its_own_words() -> None:
    """"Who plays the lead in ...?": a sentence giving the part ("portrayed by"), not one naming other people;
    "Who played in the final?" asks no casting."""
    from assistant.answer.asked_type import credit_words

    text = ("Unlike Dana Ortiz's wisecracking detective, Harbour Lights is the first live-action series set in the "
            "port town of Calder.\n\nIn this live-action series, the lead role of Mia Lund is portrayed by singer Kira "
            "Sato.")
    ans = ask("Who plays the lead role in the live-action series Harbour Lights?", chunks("lights", text),
              embed=fake_embed)
    assert ans.answered and "Kira Sato" in ans.citations[0].quote
    assert all("Dana Ortiz" not in c.quote for c in ans.citations)
    assert credit_words("Who directed the series?").search("Directed by Shawn Levy")
    assert credit_words("Who played in the final?") is None and credit_words("Who won the final?") is None
    published = credit_words("Where was the stem cell study published?")  # a journal, not the lab's city
    assert published.search("It is documented in the November 24 issue of Science Advances.")
    assert not published.search("Dana Ortiz works at the Institute for Basic Science in South Korea.")
    assert credit_words("Where is the company based?") is None
    assert credit_words("Who led the Series A round?").search("The funding was led by Conjunction Capital.")
    assert credit_words("Who led the team?") is None


def test_the_one_eligible_sentence_may_answer_a_little_below_the_bar() -> None:
    """A figure asked and one sentence of all retrieved carries it: it answers within ``SOLE_MARGIN`` of the bar,
    when it names what the question measures ("sales"), not a stock price for "how much revenue"."""
    from assistant.answer.facts import SOLE_MARGIN, Candidate, _sole_answer

    def cand(text: str, relevance: float) -> Candidate:
        p = chunks("sole", text)[0]
        return Candidate(p, 0, 0, len(text), text, set(), set(), relevance=relevance)

    sales = cand("The product has generated $20 billion in sales in 2022.", 0.45 - SOLE_MARGIN / 2)
    info = analyse_question("How much did Keytruda bring in in sales in 2022?")
    assert _sole_answer(info, [sales], 0.45)
    assert not _sole_answer(info, [sales, sales], 0.45)  # two eligible: the bar decides
    assert not _sole_answer(info, [cand(sales.text, 0.45 - 2 * SOLE_MARGIN)], 0.45)
    stock = cand("Nio's stock has fallen below $8 this week.", 0.45 - SOLE_MARGIN / 2)
    assert not _sole_answer(analyse_question("How much revenue did Nio report for the quarter?"), [stock], 0.45)
    assert not _sole_answer(analyse_question("What did Nio say about the quarter?"), [stock], 0.45)  # no type


def test_a_sum_for_someones_deal_names_them() -> None:
    """"How much is Harbour Radio paying to renew Dana Ortiz's podcast deal?": the price rise of the payer's other
    business is no answer; a sentence naming Ortiz's deal is."""
    text = ("Harbour Radio is paying $1 more per subscriber this year to renew its podcast deals.\n\n"
            "The network also cut staff. Its offices moved to Calder. Its app was redesigned in May.\n\n"
            "Dana Ortiz hosts the network's most popular show.")
    question = "How much is Harbour Radio paying to renew Dana Ortiz's podcast deal?"
    assert not ask(question, chunks("deal", text), embed=None).answered
    more = text + "\n\nHarbour Radio is paying $250 million to renew Dana Ortiz's podcast deal, people familiar said."
    ans = ask(question, chunks("deal", more), embed=None)
    assert ans.answered and "$250 million" in ans.citations[0].quote


def test_a_year_asked_is_also_said_relative_to_the_articles_date() -> None:
    """"How much will Ortiz make in 2024?": "next season" in an article of 2023 says it; in an article of 2024, or
    of no date, it does not."""
    from assistant.answer.values import relative_year

    assert relative_year("2024", "He is set to make $25M next season.", "2023-11-13")
    assert relative_year("2023", "He made $20M this year.", "2023-11-13")
    assert not relative_year("2024", "He is set to make $25M next season.", "2024-02-01")
    assert not relative_year("2024", "He is set to make $25M next season.", "")
    text = ("Pitcher Dana Ortiz could be traded by Harbour before its 2024 opener.\n\n"
            "Ortiz threw 180 innings with a 3.10 ERA for Harbour.\n\n"
            "The big right-hander is set to make $25M next season, the largest salary in club history.")
    for published, answered in (("2023-11-13", True), ("2025-01-10", False)):
        ans = ask("How much is Dana Ortiz set to make in 2024?", chunks("ortiz", text, published), embed=None)
        assert ans.answered is answered, ans.answer


def test_a_rate_asked_is_given_as_a_rate() -> None:
    """"What cash back rate does the card earn?": "1.5% cash back", not "a flat cash back rate" beside a "$0 annual
    fee" (nor a sum the card also earns); with no rate given anywhere, no answer."""
    from assistant.answer.values import gives_share

    asked = "What cash back rate does the Lumo Cash card earn?"
    assert not gives_share(asked, "With a $0 annual fee, it offers a flat cash back rate on all purchases.")
    assert gives_share(asked, "You'll earn an unlimited 1.5% cash back on every purchase you make.")
    assert gives_share("What did the card earn?", "With a $0 annual fee, it offers a flat cash back rate.")
    text = ("With a $0 annual fee, the Lumo Cash card offers a flat cash back rate on all purchases and a $200 bonus "
            "you can earn.\n\nUsing the Lumo Cash card is simple: you'll earn an unlimited 1.5% cash back on every "
            "purchase you make.\n")
    ans = ask(asked, chunks("card", text), embed=None)
    assert ans.answered and "1.5%" in ans.citations[0].quote, ans.answer
    assert not ask(asked, chunks("card", text.split("\n\n")[0]), embed=None).answered


def test_a_sentence_read_with_the_one_it_continues_has_the_neighbour_before_both() -> None:
    """"The Owls are 12-point favorites. This game features ...": the pair is one candidate, and the sentence before
    the pair ("... in this Week 16 matchup") is its neighbour, so the week asked is near it."""
    text = ("The Owls and the Hawks meet at the Dome in this Week 16 Saturday matchup. The Owls enter as 12-point "
            "favorites with the total set at 44.\n\nThis game features one team heating up and one rebuilding.\n\n"
            "The Hawks lost 30-10 last week.\n")
    ans = ask("How many points are the Owls favored by in Week 16?", chunks("odds", text), embed=None)
    assert ans.answered and "12-point" in ans.citations[0].quote, ans.answer


@pytest.mark.parametrize(("question", "text", "rival"), [
    ("How long did the battery last playing Hades?", "Playing Elden Ring, the battery lasted two hours.", True),
    ("How long did the battery last playing Hades?", "Playing Hades, the battery lasted four hours.", False),
    ("What does it cost at Amazon?", "It is $299 at Best Buy.", True),
    ("What does it cost at Amazon?", "It is $299 at Best Buy and at Amazon.", False),
    ("How many yards did Ortiz have against Washington?", "Ortiz ran wild against the Commanders (140 yards).", False),
    ("How many yards did Ortiz have against Washington?", "Ortiz ran wild against the Cowboys (140 yards).", True),
    ("How many yards did Ortiz have in March?", "Ortiz ran wild against the Cowboys (140 yards).", False),
    # the owner of a post asked: another side's holder of it is no answer
    ("Who is the Packers' quarterback now?", "It continues for Buccaneers quarterback Baker Mayfield.", True),
    ("Who is the Packers' quarterback now?", "Packers quarterback Jordan Love threw twice.", False),
    ("Who is Blackburn's manager?", "Blackburn Rovers manager Jon Dahl Tomasson said so.", False),
])
def test_a_sentence_filling_the_asked_slot_with_another_name_is_about_another_party(question, text, rival) -> None:
    from assistant.answer.rivals import rival_slot

    assert rival_slot(question, text) is rival


DEALS = ("Video games\n\nGod of War Ragnarok (PlayStation 5) is down to $62 from $70. Its story is far more ambitious. "
         "Read our review. $62 at Amazon\n\nDemon's Souls is down to $30 from $70. A remake of the 2009 game. "
         "$30 at Walmart\n\nConsoles\n\nThe Switch OLED is down to $299 from $349. $299 at Best Buy\n")


def test_a_price_asked_at_one_shop_is_not_answered_by_the_price_listed_at_another() -> None:
    """The shop of a list item's price is often at the item's end ("$62 at Amazon"), not beside the sentence."""
    assert ask("How much is God of War Ragnarok at Amazon?", chunks("deals", DEALS), embed=None).answered
    ans = ask("How much is God of War Ragnarok at Best Buy?", chunks("deals", DEALS), embed=None)
    assert not ans.answered, ans.answer


def test_a_figure_for_another_game_than_the_one_asked_does_not_answer() -> None:
    text = ("Ortiz tested the handheld for a week. Hades is his most-played game.\n\n"
            "He liked the screen a lot, and the speakers.\n\n"
            "In a stress test that involved playing Elden Ring with everything maxed out, the battery lasted two hours "
            "and 20 minutes.\n\nThe fan stays quiet.\n")
    assert not ask("How long did the battery last playing Hades?", chunks("deck", text), embed=None).answered
    assert ask("How long did the battery last playing Elden Ring?", chunks("deck", text), embed=None).answered
