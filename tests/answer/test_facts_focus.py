"""Focused fact-mode rules: what a sentence's figure measures, who a goal belongs to, widget lines."""

from __future__ import annotations

import pytest

from assistant.answer.evidence import preference, required_form
from assistant.answer.question import analyse_question
from assistant.answer.words import stem, term_present, vocabulary
from tests.answer.helpers import ask, chunks, fake_embed

QUARTER = (
    "Zentra reported second-quarter earnings on Monday that beat forecasts in most divisions.\n\n"
    "The company reported revenue of $4.2 billion, up 8% from a year earlier. "
    "Zentra's cloud division lost $40 million in the second quarter, compared with a $5 million profit a year earlier. "
    "Zentra posted net income of $310 million in the second quarter, or 41 cents per share."
)


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_the_company_sentence_is_read_with_the_one_naming_the_company(embed) -> None:
    ans = ask("How much revenue did Zentra report in the second quarter?", chunks("zentra", QUARTER), embed=embed)
    assert ans.answered
    assert any("revenue of $4.2 billion" in c.quote for c in ans.citations)
    assert any(c.quote.startswith("Zentra reported second-quarter earnings") for c in ans.citations)


REVENUE = (
    "Zentra's results were mixed.\n\n"
    "Zentra booked a net profit of $310 million in the second quarter, helped by lower costs. "
    "Revenue for the quarter reached $4.2 billion, up 8% from a year earlier."
)


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_how_much_revenue_prefers_the_figure_given_as_revenue(embed) -> None:
    ans = ask("How much revenue did Zentra have in the second quarter?", chunks("zentra", REVENUE), embed=embed)
    assert ans.answered and "Revenue for the quarter reached $4.2 billion" in ans.citations[0].quote


def test_a_shop_link_line_is_not_a_price_answer() -> None:
    text = ("Corvan Corvan Pad 3 This is not the Pad 4 fans hoped for, but a good tablet at its cost. "
            "$329 at Bestmart\n\n"
            "Corvan has not said when the Pad 4 will arrive, only that it is working on it.\n")
    ans = ask("How much will the Corvan Pad 4 cost?", chunks("pad", text), embed=None)
    assert not ans.answered


def test_a_price_at_a_place_in_prose_is_still_evidence() -> None:
    text = "Corvan launched the Pad 3 on Tuesday.\nThe Pad 3 sells for $329 at Corvan stores across the country.\n"
    ans = ask("How much does the Pad 3 sell for?", chunks("pad", text), embed=None)
    assert ans.answered and "$329" in ans.citations[0].quote


MATCH = (
    "Rovers ended their winless run with a 1-0 victory over Albion at Hill Park on Saturday.\n\n"
    "Rovers' winner at Hill Park came midway through the second half and Albion never looked like replying. "
    "Albion's keeper Tom Reece had kept Rovers at bay until then with a string of saves. "
    "Dan Okafor's header from a corner gave Rovers the winner in the 67th minute.\n"
)


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_who_scored_is_answered_by_the_sentence_crediting_the_goal(embed) -> None:
    ans = ask("Who scored Rovers' winner at Hill Park?", chunks("match", MATCH), embed=embed)
    assert ans.answered and "Dan Okafor's header" in ans.citations[0].quote
    info = analyse_question("Who found the net for Rovers at Hill Park?")
    assert required_form(info, "Dan Okafor's header won it.") and not required_form(info, "Rovers won at Hill Park.")


def test_how_much_lighter_asks_a_weight_not_a_price() -> None:
    info = analyse_question("How much lighter is the Corvan Pad 3 than the original?")
    assert preference(info, "The Pad 3 weighs 40 grams less than the original.") > 0
    assert preference(info, "It is 12% lighter than the original.") > 0
    assert preference(info, "The 256GB Pad 3 costs $329, as the original did.") == 0
    assert preference(info, "Its screen is 7.4 inches, up from 7 inches.") == 0
    longer = analyse_question("How much longer does the Pad 3 battery last?")
    assert preference(longer, "The battery lasts two hours longer, up to 12 hours.") > 0


BOX_OFFICE = (
    "“Starfall” took second place at the box office with $9 million from 1,900 locations on its opening weekend. "
    "The acclaimed Korean film cost only $6 million to produce and has earned $20 million at home. "
    "Holdover “Night Harbor” added $4 million in its fourth weekend.\n"
)


def test_the_film_sentence_is_read_with_the_one_naming_the_film() -> None:
    ans = ask("How much did Starfall cost to make?", chunks("box", BOX_OFFICE), embed=None)
    assert ans.answered and "cost only $6 million" in ans.citations[0].quote


def test_the_new_model_sentence_is_read_with_the_one_naming_the_device() -> None:
    text = ("Corvan refreshed its tablet line on Monday.\n\n"
            "The original Corvan Pad had a 10-inch screen and a plastic back. "
            "The new model squeezes an 11-inch screen into the same body.\n")
    ans = ask("How big is the screen on the new Corvan Pad?", chunks("pad", text), embed=None)
    assert ans.answered and "11-inch screen" in ans.citations[0].quote


def test_an_embedded_post_is_not_evidence() -> None:
    text = ("Rovers beat Albion 2-1 in the first leg of the cup semi-final on Tuesday.\n\n"
            "FULL TIME: Rovers 2-1 Albion in the first leg of the cup semi-final! pic.twitter.com/aB3dE "
            "— Cup Central (@CupCentral) March 4, 2025\n\n"
            "Albion won the second leg 3-0 at home to reach the final.\n")
    ans = ask("What was the score in the first leg of the cup semi-final between Rovers and Albion?",
              chunks("cup", text), embed=None)
    assert ans.answered
    assert all("twitter" not in c.quote for c in ans.citations)


def test_a_forecast_figure_is_not_what_a_film_made() -> None:
    forecast = "The Starfall tour, with 90 dates, is expected to gross some $900 million worldwide."
    made = "The Starfall film has made over $150 million at the box office so far."
    info = analyse_question("How much has the Starfall film made worldwide?")
    assert preference(info, forecast) < 0 < preference(info, made)
    assert preference(analyse_question("How much is the Starfall tour expected to gross?"), forecast) > 0


def test_a_photo_caption_is_not_a_result() -> None:
    text = ("Rovers face Albion in the Cup final in Leeds on Sunday.\n\n"
            "Dan Okafor celebrates with Rovers captain Tom Reece after his Cup final win over Albion.\n\n"
            "Albion reached the final by beating Town 2-0.\n")
    ans = ask("Who won the Cup final between Rovers and Albion?", chunks("cup", text), embed=None)
    assert not ans.answered


def test_a_dream_of_winning_is_not_a_result() -> None:
    text = ("Rovers will meet Albion in the Cup final in Leeds on Sunday.\n\n"
            "Coach Lee Hart spoke of Rovers' dream of a Cup final win over Albion, a first since 1990.\n")
    ans = ask("Who won the Cup final, Rovers or Albion?", chunks("cup", text), embed=None)
    assert not ans.answered


def test_a_record_for_a_single_season_is_not_a_tally_for_the_year_asked() -> None:
    text = ("Goals of 2023: who scored the most this year?\n\n"
            "Dan Okafor is on track to break Tom Reece's record of 41 goals in a single season.\n")
    ans = ask("How many goals did Tom Reece score in 2023?", chunks("goals", text, title="Top scorers of 2023"),
              embed=None)
    assert not ans.answered


def test_where_does_it_come_from_is_answered_by_its_source() -> None:
    text = ("Zentra launched Story Time, a reading feature for children, on its Echo speakers in Canada on Monday.\n\n"
            "Story Time for children was first announced in Toronto in May and reads stories aloud at bedtime. "
            "Initially, the stories will come from two publishers, Bluebird Books and Owl Press.\n")
    ans = ask("Where do the stories for Story Time come from at first?", chunks("story", text), embed=None)
    assert ans.answered and "Bluebird Books" in ans.citations[0].quote


def test_what_ticket_prices_weighs_the_tickets_in_the_sentence() -> None:
    info = analyse_question("What ticket prices did the Herald report for the Starfall film?")
    priced = "Adult tickets are being sold for $19.89 at most cinemas."
    total = "The Starfall film has made over $150 million at the box office so far."
    assert preference(info, priced) > preference(info, total)


def test_docked_points_are_a_points_deduction() -> None:
    assert term_present(stem("docked"), vocabulary("Their appeal against the 10-point deduction will be heard soon."))
    assert term_present(stem("deducted"), vocabulary("They were docked six points."))


def test_a_preview_article_answers_no_result_question() -> None:
    """Every sentence of an article titled as a preview ("... odds, predictions") looks ahead, whatever its tense
    ("Over the past four seasons, Ridgeback beat Harlow by scores of 48-10 ..."); "How did X do against Y" asks a
    result too."""
    text = ("Ridgeback vs. Harlow odds: the rivals meet on Saturday.\n\n"
            "Over the previous four seasons, Ridgeback beat Harlow by scores of 48-10, 35-12 and 65-35.\n\n"
            "Two of our three models have Ridgeback winning by 22 points.\n")
    passages = chunks("pre", text, title="Ridgeback vs. Harlow odds, props, predictions")
    for question in ("Who won the Ridgeback vs. Harlow game?", "Did Ridgeback beat Harlow?",
                     "How did Ridgeback do against Harlow?"):
        ans = ask(question, passages, embed=None)
        assert not ans.answered, (question, ans.answer)


def test_who_won_between_two_named_sides_is_answered_by_one_of_them() -> None:
    """"Who won the Canelo Vargas vs Jermell Okoro fight?": the winner is a name the question holds; a sentence
    naming one side by a single name reports the result when the other is beside it."""
    text = ("Jermell Okoro never found his rhythm against the champion.\n\n"
            "The scores reflected that as Canelo won with tallies of 119-108, 118-109 and 118-109.\n")
    passages = chunks("fight", text, title="Canelo Vargas vs Jermell Okoro live fight updates, results")
    ans = ask("Who won the Canelo Vargas vs Jermell Okoro fight?", passages, embed=None)
    assert ans.answered and any("Canelo won with tallies" in c.quote for c in ans.citations), ans.answer


def test_a_sign_up_bonus_is_no_rise_or_fall() -> None:
    """"up" in "sign-up" (or "down" in "down-payment") does not make a money question ask for a percentage."""
    info = analyse_question("How much do I need to spend on the Corvan card to get the sign-up bonus?")
    assert required_form(info, "You earn 50,000 points after you spend $4,000 in your first three months.")
    assert not required_form(info, "Cardholders get 20% back on in-flight purchases.")
    assert required_form(analyse_question("How much did shares go up?"), "Shares rose 4% on Monday.")


def test_earnings_per_share_asks_a_sum_not_a_percentage() -> None:
    """"per share" / "a share" is a price, not "what share": "94 cents" answers, a percentage does not; "what share
    of sales" still asks a percentage."""
    info = analyse_question("What earnings per share did Corvan report for its fiscal first quarter?")
    assert required_form(info, "Earnings per share: 94 cents vs. 75 cents expected")
    assert not required_form(info, "Corvan's gross margin fell 0.1 percentage points to 44.2%.")
    share = analyse_question("What share of sales did Corvan's online store make?")
    assert required_form(share, "Online sales were 22% of the total.")
    assert not required_form(share, "Online sales were $3 billion.")


def test_other_ways_of_asking_who_won_or_how_it_ended_ask_a_result() -> None:
    """"Who came out on top", "Which team lifted the trophy", "How did the final end", "Did the appeal succeed" ask
    for an outcome as "Who won" does: a sentence looking ahead ("will face", "are favourites") does not report it."""
    text = ("Marlow and Dunmore will meet in the Shield final at Kestrel Park on Sunday.\n\n"
            "Marlow are favourites to lift the trophy after beating Dunmore twice this season.\n\n"
            "Dunmore's appeal against the two-point deduction will be heard by a panel in March.\n")
    passages = chunks("shield", text, title="Marlow and Dunmore set for Shield final")
    for question in ("Who came out on top in the Shield final?", "Which team lifted the trophy?",
                     "How did the Shield final end?", "Did Dunmore's appeal succeed?"):
        assert analyse_question(question).result, question
        ans = ask(question, passages, embed=None)
        assert not ans.answered, (question, ans.answer)
    report = chunks("shield2", "Marlow came out on top in the Shield final, beating Dunmore 24-10 at Kestrel Park.\n",
                    title="Marlow win the Shield")
    ans = ask("Who came out on top in the Shield final?", report, embed=None)
    assert ans.answered and "beating Dunmore 24-10" in ans.citations[0].quote, ans.answer
    # the words of how it is asked are not words the report must hold
    plain = chunks("shield3", "Marlow beat Dunmore 24-10 in the Shield final at Kestrel Park.\n", title="Shield final")
    for question in ("Who came out on top in the Shield final?", "How did the Shield final turn out?",
                     "Which team lifted the trophy in the Shield final?"):
        ans = ask(question, plain, embed=None)
        assert ans.answered and "Marlow beat Dunmore 24-10" in ans.citations[0].quote, (question, ans.answer)


def test_who_said_is_answered_by_a_sentence_that_speaks_and_names_its_speaker() -> None:
    """"Who said ...?" asks for someone's words: a sentence holding nobody's words (a banner, narration) names
    no one who said them, and a quote credited by "she said" is labelled with whom she is."""
    text = ("Marlow coach Dana Reyes took charge of the side in May.\n\n"
            "\u201cWe had to be better after the break,\u201d she said after the draw with Dunmore.\n\n"
            "Fans in the away end held up a banner reading Better After The Break, Marlow.\n")
    passages = chunks("reyes", text, title="Marlow draw with Dunmore")
    ans = ask("Who said Marlow had to be better after the break?", passages, embed=None)
    assert ans.answered, ans.answer
    assert ans.answer.startswith("Dana Reyes: \u201cWe had to be better"), ans.answer
    assert not any("banner" in c.quote for c in ans.citations)
    assert analyse_question("Which official warned of a recession?").who_said
    assert not analyse_question("Who told Altman he was fired?").who_said  # narration can tell that
