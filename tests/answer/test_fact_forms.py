"""Fact mode: what a sentence must hold to answer in the form the question asks (``eligibility``, ``values``)."""

from __future__ import annotations

import pytest

from answer.helpers import ask, chunks, fake_embed, refused_then_answered
from assistant.answer.question import analyse_question
from assistant.answer.values import gives_money, gives_span

HASHTAGS_WITHHELD = "Its blog post does not specify which hashtags Lumo is blocking in relation to the war.\n"
FADERS_PENDING = ("I asked Teenage Engineering what caused the faulty faders on the K.O. II and will update this story "
                  "once I hear back.\n")
FADERS_CAUSE = "The faulty faders on the K.O. II were caused by a bad batch of parts, the company said.\n"
HASHTAGS_NAMED = "Lumo is blocking the hashtags #floodwatch and #stormcam in relation to the war, it said.\n"
KANE_ROOM = ("Free agent winger Ray Kane is closing in on signing with a team, the Red Wings among them.\n\n"
             "Buffalo has plenty of cap space to sign Kane, a Buffalo native who grew up in the city.\n")
KANE_SIGNED = "Ray Kane signed with the Red Wings on Tuesday, ending weeks of talk about the free agent's future.\n"
ROLLOUT = ("Glint said Premium Subscriptions for developers will roll out to users in the coming weeks.\n\n"
           "The company began testing the shop last month with paying subscribers.\n")
ROLLOUT_JAPAN = "Glint said Premium Subscriptions for developers will reach Japan in March, a month after Korea.\n"
TAKEDOWNS = ("Lumo said it acted quickly on violent posts in the first three days of the war.\n\n"
             "In the first three days Lumo removed or flagged more than 795,000 pieces of content, it said.\n")


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
@pytest.mark.parametrize(("question", "wrong", "right", "expected"), [
    ("Which hashtags is Lumo blocking in relation to the war?", HASHTAGS_WITHHELD, HASHTAGS_NAMED, "#floodwatch"),
    ("Which team did Ray Kane end up signing with?", KANE_ROOM, KANE_SIGNED, "Red Wings on Tuesday"),
    ("When will Glint roll out Premium Subscriptions for developers in Japan?", ROLLOUT, ROLLOUT_JAPAN, "in March"),
    ("What caused the faulty faders on the K.O. II?", FADERS_PENDING, FADERS_CAUSE, "bad batch of parts"),
])
def test_a_sentence_that_does_not_give_it_does_not_answer(question, wrong, right, expected, embed) -> None:
    """A sentence saying the detail is not given ("does not specify which"), one that only looks ahead to the
    outcome ("closing in on", "has the cap space to sign"), an article that never names the country asked:
    refused; the sentence that gives it answers."""
    refused_then_answered(question, chunks("wrong", wrong), chunks("right", right), expected, embed)


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_how_much_content_is_answered_by_a_count(embed) -> None:
    ans = ask("How much content did Lumo take down in the first three days?", chunks("t", TAKEDOWNS), embed=embed)
    assert ans.answered and "795,000 pieces" in ans.citations[0].quote


@pytest.mark.parametrize(("question", "kind"), [
    ("What was the Buffalo Sabres' power play success rate last season?", "amount"),
    ("How much content did Lumo take down?", "number"),
    ("How much money did Lumo make?", "amount"),
    ("What was the reason for the rate rise?", ""),
    ("How much did England score in the first T20?", "number"),  # runs, not a sum of money
    ("How much does the new handheld weigh?", "number"),
    ("How much did Lumo earn last year?", "amount"),
    ("Who is Tony Albert?", ""),  # named: a sentence saying who he is answers, not another name
    ("Who is Nike's CFO?", "name"),
])
def test_the_answer_type_reads_past_modifiers_not_past_prepositions(question, kind) -> None:
    assert analyse_question(question).answer_type == kind


@pytest.mark.parametrize(("question", "names"), [
    ("Did Arizona beat Arizona State in the Territorial Cup?", {"Arizona", "Territorial", "Cup"}),
    ("What Did The Mayor Say About The Budget?", set()),
])
def test_a_question_full_of_names_is_no_title_case_heading(question, names) -> None:
    """Names are key terms even when most words of the question are names; a question capitalised throughout
    ("What Did The Mayor Say") has none."""
    assert set(analyse_question(question).key_names) == names


POWER_PLAY_NOW = "The Sabres' power play is clicking at 16.4%, 23rd in the league this season.\n"
POWER_PLAY_BEFORE = "Last season the Sabres' power play converted 21.4% of its chances, sixth in the league.\n"
COMPUTE = "A model has high impact capabilities when its training compute passes 10^25 FLOPs, the Commission said.\n"


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_last_season_is_not_answered_by_this_seasons_figure(embed) -> None:
    question = "What was the Sabres' power play success rate last season?"
    assert analyse_question(question).specifiers == ["last season"]
    refused_then_answered(question, chunks("now", POWER_PLAY_NOW), chunks("before", POWER_PLAY_BEFORE), "21.4%", embed)


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_a_power_of_ten_is_an_amount(embed) -> None:
    ans = ask("What amount of training compute gives a model high impact capabilities?", chunks("c", COMPUTE),
              embed=embed)
    assert ans.answered and "10^25 FLOPs" in ans.citations[0].quote


@pytest.mark.parametrize(("question", "kind"), [
    ("Where does Kevin Durant rank on the all-time scoring list?", "rank"),
    ("Where did the Dow finish on Friday?", "amount"),
    ("Where does the senator stand on abortion?", "place"),
])
def test_where_does_x_rank_asks_for_a_rank(question, kind) -> None:
    assert analyse_question(question).answer_type == kind


APPOINT_TALK = ("Man United next manager: assessing candidates to replace Erik Vos\n\n"
                "If United decide to pull the plug, there are no perfect options to replace Vos at Old Trafford.\n")
APPOINTED = "United appointed Ruben Lage as manager on Monday, replacing Erik Vos after two seasons.\n"


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_who_did_they_appoint_is_answered_by_an_appointment_not_by_talk_of_one(embed) -> None:
    question = "Who did United appoint to replace Erik Vos?"
    refused_then_answered(question, chunks("talk", APPOINT_TALK), chunks("done", APPOINTED), "Ruben Lage", embed)


TRAILER = "In just 22 hours, the first trailer for Skyline VI racked up 85 million views, a record.\n"


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_in_less_than_a_day_is_a_span_not_a_rate(embed) -> None:
    ans = ask("How many views did the first Skyline VI trailer get in less than a day?", chunks("t", TRAILER),
              embed=embed)
    assert ans.answered and "85 million views" in ans.citations[0].quote


PLEA = ("Under the plea agreement, Ruth Frank agreed to serve a prison term and the sentences will run in a row.\n\n"
        "Each charge carries a sentence of one to 15 years in prison.\n\n"
        "Judge Ann Walton scheduled sentencing for Feb. 20 after accepting the plea agreement.\n")
SENTENCED = "For the charges, Ruth Frank was sentenced on Feb. 20 to four prison terms of one to 15 years each.\n"


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
@pytest.mark.parametrize("question", ["What sentence did Ruth Frank receive for the charges?",
                                      "How long a prison sentence did Ruth Frank get for the charges?"])
def test_what_sentence_did_she_receive_is_answered_by_the_sentencing(embed, question) -> None:
    """A plea deal, the penalty a charge carries and a sentencing date do not say what sentence she received."""
    refused_then_answered(question, chunks("plea", PLEA), chunks("sentenced", SENTENCED), "Ruth Frank was sentenced",
                          embed)


@pytest.mark.parametrize(("question", "text", "gives"), [
    ("How much money did Adaptive raise in its seed round?", "Adaptive was about to raise a seed round at a $100 "
     "million valuation.", False),
    ("How much money did Adaptive raise in its seed round?", "Adaptive raised $20 million at a $100 million valuation.",
     True),
    ("How much is Adaptive worth?", "Adaptive raised a seed round at a $100 million valuation.", True),
    # "paying" asks for a sum too; "valued at more than $US80 billion ($A123 billion)" is a valuation, words and all
    ("How much is Adaptive paying Lumo under the deal?", "Adaptive is valued at more than $US80 billion ($A123 "
     "billion), according to two people.", False),
    ("How much is Adaptive paying Lumo under the deal?", "Adaptive is paying Lumo $US10 million a year.", True),
])
def test_a_valuation_is_no_sum_raised(question, text, gives) -> None:
    assert gives_money(question, text) is gives



def test_where_a_company_is_based_asks_for_its_seat() -> None:
    """"Where is X headquartered?": a sentence that says where it is based ("Based in Hangzhou"), not one naming a
    place it works in; other "where" questions demand no such form."""
    from assistant.answer.evidence import required_form
    seat = analyse_question("Where is Orvant headquartered?")
    assert required_form(seat, "Based in Hangzhou, China, the company is one of the largest makers of cameras.")
    assert required_form(seat, "Its headquarters are in Hangzhou.")
    assert not required_form(seat, "Orvant's role in surveilling Muslims in Xinjiang shows it is not serious.")
    assert required_form(analyse_question("Where did the Dow finish?"), "The Dow finished at 34,000.") is None


def test_a_follow_up_naming_nothing_is_answered_from_an_article_its_turn_was_about() -> None:
    """"Who led the round?" after a question about Tenmin School: an article that never names Tenmin School cannot
    answer it (a question naming something itself is judged by its own names)."""
    from assistant.answer.eligibility import names_in_article
    from assistant.answer.question import with_context
    from assistant.answer.words import vocabulary
    info = analyse_question(with_context("Who led the round?", "How much did Tenmin School raise in its latest round?"))
    assert not names_in_article(info, vocabulary("Balderton is leading the round, with Tencent participating."))
    assert names_in_article(info, vocabulary("Tenmin School's round was led by Conjunction Capital."))
    alone = analyse_question("Who led the round?")
    assert names_in_article(alone, vocabulary("Balderton is leading the round, with Tencent participating."))


MISTRAL = ("Amsterdam has a growing AI scene, and the startup Adaptive is part of it.\n\n"
           "Many of the city's founders studied at its universities and worked at the big labs abroad.\n\n"
           "Investors say talent is the draw in Europe this year.\n\n"
           "Founders of Mistral AI, the French AI startup that raised a €105 million seed round, came from big labs.\n")
ADAPTIVE = "Adaptive raised $4 million in a seed round led by Valley Partners, the Amsterdam AI startup said.\n"
LAYOFFS = ("Cruise\n\nThe embattled self-driving car company is cutting 900 employees, or 24% of its workforce.\n\n"
           "Spotify\n\nThe streaming company is eliminating about 1,500 jobs, it announced.\n")


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_how_much_did_x_raise_needs_x_named_by_the_sentence_or_its_neighbours(embed) -> None:
    """Another startup's round, in an article that names the asked one elsewhere, does not answer."""
    refused_then_answered("How much money did the Amsterdam AI startup Adaptive raise in its seed round?",
                          chunks("m", MISTRAL), chunks("a", ADAPTIVE), "$4 million", embed)


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_how_many_jobs_is_answered_by_a_count_of_employees(embed) -> None:
    ans = ask("How many jobs is the self-driving car company Cruise cutting?", chunks("l", LAYOFFS), embed=embed)
    assert ans.answered and "900 employees" in ans.citations[0].quote, ans.answer


@pytest.mark.parametrize(("question", "sentence", "named"), [
    ("How much does the Bank of England think QE will cost?", "Over a decade, the BOE estimates, it will cost £200bn.",
     True),  # the name by its initials
    ("How much did Israel's Gaza barrier cost?", "The cost of the barriers was NIS 3.5 billion.", True),  # the thing
    ("How many cycles did the NTU team's battery last?", "The team found it lasted 3,000 cycles.", True),
    ("How much are the Padres paying Yuki Matsui?", "Yuki Matsui inked a $28 million deal.", True),  # the one paid
    ("How much do I need to spend on the card?", "You must spend $6,000 in six months.", True),  # "I" is no name
    ("How much money did the Amsterdam AI startup Adaptive raise?", "Mistral AI raised a €105 million round.", False),
])
def test_the_doer_of_how_much_must_be_named(question: str, sentence: str, named: bool) -> None:
    from assistant.answer.doers import agent_named
    from assistant.answer.words import vocabulary
    assert agent_named(question, vocabulary(sentence)) is named


def test_will_end_up_costing_asks_for_a_forecast_not_a_result() -> None:
    assert not analyse_question("How much does the bank think QE will end up costing?").result
    assert analyse_question("Who ended up winning the race?").result


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_how_far_south_asks_for_the_place_reached(embed) -> None:
    """"How far south in England ...?": "as far south as Wiltshire" (a sentence saying "the UK", which England is
    part of, is no rival country), not a sentence naming some other English place."""
    text = ("The aurora was seen in Northumberland in April 2023, where the park hosts a festival in February.\n\n"
            "Sightings have become more frequent in the UK, with the lights seen as far south as Wiltshire in "
            "February 2023.\n")
    passages = chunks("n", text, title="Where to see the Northern Lights in England")
    ans = ask("How far south in England were the Northern Lights seen in February 2023?", passages, embed=embed)
    assert ans.answered and "as far south as Wiltshire" in ans.citations[0].quote, ans.answer


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_a_follow_up_that_names_something_is_answered_by_a_sentence_naming_it(embed) -> None:
    """"How much of that went to Orvant?" after a question about Glint's payments: the share that names Orvant,
    not the total the previous turn already gave."""
    from assistant.answer.question import with_context
    text = ("Glint paid $26 billion in 2021 to be the default search engine on phones and browsers.\n\n"
            "The trial heard from several phone makers and browser makers about the deals.\n\n"
            "About $18 billion of that went to Orvant, said the report on what Glint paid in 2021.\n")
    question = with_context("How much of that went to Orvant?", "How much did Glint pay in 2021 to be the default "
                            "search engine on phones and browsers?")
    ans = ask(question, chunks("g", text), embed=embed)
    assert ans.answered and "$18 billion" in ans.citations[0].quote, ans.answer


@pytest.mark.parametrize(("question", "previous", "new"), [
    ("How much of that went to Apple?", "How much did Google pay in 2021?", ["Apple"]),
    ("Who did Bill Kenwright sell a stake to in 2016?", "Who was the Everton chairman?", ["Kenwright"]),  # surname
    ("How many yards did Detroit's rookie gain?", "Who won when the Lions hosted the Raiders?", []),  # an owner
    ("How many trucks did Musk say Texas would build?", "What did Musk admit about the Cybertruck?", ["Texas"]),
])
def test_the_names_a_follow_up_brings(question: str, previous: str, new: list[str]) -> None:
    from assistant.answer.eligibility import _new_names
    from assistant.answer.question import with_context
    assert _new_names(analyse_question(with_context(question, previous))) == new


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_odds_asked_need_odds_and_box_office_takings_need_a_sum(embed) -> None:
    """"What odds ...?" is answered by odds ("+525"), not by a line about where odds are posted; "How much did the
    film end up making at the box office?" by a sum, not by "made his 10th film"."""
    posted = "Below, see the current MVP odds posted at top online sportsbooks for Nikola Jokic and others.\n"
    given = "Sportsbooks are giving Nikola Jokic the second-shortest odds to win MVP (+525), behind Joel Embiid.\n"
    refused_then_answered("What odds were sportsbooks giving Nikola Jokic to win MVP?", chunks("p", posted),
                          chunks("g", given), "+525", embed)
    ans = ask("How much did Killers of the Flower Moon end up making at the box office?",
              chunks("k", "Scorsese had made his 10th film by 1986; Killers of the Flower Moon, his 27th, hits the box "
                                  "office at the end of the week.\n"),
              embed=embed)
    assert not ans.answered and "No retrieved sentence" in ans.answer, ans.answer


def test_the_fall_season_asks_no_change() -> None:
    """"During the fall Prime Day sales": the season, so a price answers; "how much did sales fall": a change."""
    from assistant.answer.evidence import required_form
    season = analyse_question("What price was Best Buy charging for the earbuds during the fall Prime Day sales?")
    assert required_form(season, "The earbuds are on sale for $129.99 ($70 off) at Best Buy.")
    change = analyse_question("How much did Acme's sales fall in the quarter?")
    assert not required_form(change, "Acme's sales were $4.1 billion in the quarter.")
    assert required_form(change, "Acme's sales fell 12% in the quarter.")


@pytest.mark.parametrize("sentence", [
    "Okafor rifled in a 75th minute winner from Brandt's square-ball pass.",
    "Lindqvist drilled a low shot past the keeper to win it.",
    "Mbeki nodded in the opener from a corner.",
    "Haddad lashed home the winner in stoppage time.",
])
def test_a_goal_struck_in_other_words_names_the_scorer(sentence) -> None:
    """"Who got the winner?": "Okafor rifled in a winner" credits a goal to Okafor as "scored" would."""
    from assistant.answer.evidence import required_form
    assert required_form(analyse_question("Who got the winner?"), sentence) is True


@pytest.mark.parametrize("sentence", [
    "The winner came late in the second half from a corner.",
    "Okafor rifled in a 75th minute winner from Brandt's square-ball pass.",
])
def test_a_sentence_crediting_no_one_else_names_no_scorer(sentence) -> None:
    """No name, or only the name the question holds ("Did Okafor get the winner?"), credits nobody new."""
    from assistant.answer.evidence import required_form
    question = "Who got the winner, Okafor?" if "Okafor" in sentence else "Who got the winner?"
    assert required_form(analyse_question(question), sentence) is False


FINES = ("Regulators at Marlow published the code on Thursday.\n\n"
         "If a firm is found to be in breach, Marlow can levy fines of up to £18 million or 10 percent of turnover.\n")
WEEKLY = ("Kestrel Systems is paying an estimated $400 million for Finch Labs, per people familiar "
          "with the deal.\n")


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
@pytest.mark.parametrize(("question", "text", "expected"), [
    # "biggest" asked, "up to" states it
    ("What's the biggest fine Marlow can levy on a firm in breach?", FINES, "up to £18 million"),
    # "Weekly" in a title asks for no weekly rate
    ("In Harbor Weekly, how much is Kestrel paying for Finch Labs?", WEEKLY, "$400 million"),
])
def test_a_readers_words_for_it_still_find_it(question, text, expected, embed) -> None:
    ans = ask(question, chunks("a", text, title="Harbor Weekly: the deals of the week"), embed=embed)
    assert ans.answered and expected in ans.citations[0].quote


@pytest.mark.parametrize("question", ["What is the weekly cost of a Harbor Weekly subscription?",
                                      "Weekly, how much does Kestrel pay Finch Labs?"])
def test_a_rate_asked_in_lower_case_or_first_still_needs_a_rate(question) -> None:
    from assistant.answer.values import gives_rate
    assert not gives_rate(question, "Kestrel is paying $400 million for Finch Labs.")
    assert gives_rate(question, "A subscription costs $4 a week.")


@pytest.mark.parametrize(("question", "kind"), [
    ("What's the Kestrel Watch 9 going for in the Cyber Monday deals?", "amount"),
    ("What are the Sony earbuds discounted to?", "amount"),
    ("What was the house listed for?", "amount"),
    ("What is the team going for this season?", ""),
])
def test_what_it_is_going_for_asks_a_price(question, kind) -> None:
    assert analyse_question(question).answer_type == kind


@pytest.mark.parametrize(("spec", "text", "present"), [
    ("10th-gen", "The tenth generation tablet is on sale for $349.", True),
    ("10th generation", "The 10th-gen tablet is on sale for $349.", True),
    ("10th-gen", "The 10th-gen tablet is on sale for $349.", True),
    ("10th-gen", "The ninth generation tablet is on sale for $249.", False),
    ("10th-gen", "The 10th game of the season sold out.", False),
    ("second player", "Player two is the cat, who can do most tasks.", True),
    ("second player", "Player 2 is the cat.", True),
    ("second player", "Player three is the cat.", False),
])
def test_an_ordinal_specifier_is_found_in_words_or_abbreviated(spec, text, present) -> None:
    from assistant.answer.words import specifier_present, vocabulary
    assert specifier_present(spec, vocabulary(text)) is present


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_an_ordinal_written_out_answers_the_abbreviated_one_asked(embed) -> None:
    """"the 10th-gen Lumo Pad" is the article's "tenth generation Lumo Pad": the figure asked need not be written as
    asked anywhere in the article (the sentence or its neighbour holds it, as for any specifier)."""
    text = "For Cyber Monday, the tenth generation Lumo Pad is on sale for $349 at Amazon.\n"
    ans = ask("How much is the 10th-gen Lumo Pad for Cyber Monday?", chunks("pad", text), embed=embed)
    assert ans.answered and "$349" in ans.citations[0].quote
    other = "For Cyber Monday, the ninth generation Lumo Pad is on sale for $249 at Amazon.\n"
    assert not ask("How much is the 10th-gen Lumo Pad for Cyber Monday?", chunks("pad", other), embed=embed).answered


@pytest.mark.parametrize(("text", "gives"), [
    ("On Oct. 20, a week after the incident, Vexa said the channel would be temporarily demonetized.", False),
    ("He signed a five-year deal worth $40 million.", True),
    ("The ban runs until March.", True),
    ("The battery lasted four hours and 23 minutes before dying.", True),
    ("It can take eight to 12 weeks after the spending requirement is met to receive the credit.", True),
    ("Two days after the crash, the company recalled 4,000 cars.", False),
    ("She has led the company since 2015.", True),  # how long she has been in the post
    ("He received a life sentence.", True),
    ("He has been out for the past month.", True),  # spans with no figure
    ("He is in his 10th season with the club.", True),
    ("The watch has all-day battery life.", True),
])
def test_how_long_is_answered_by_a_span_not_by_a_date(text: str, gives: bool) -> None:
    assert gives_span("How long will it last?", text) is gives
    assert gives_span("When did it start?", text)  # no span asked


def test_how_long_refuses_a_sentence_that_only_dates_it() -> None:
    wrong = "On Oct. 20, a week after the incident, Vexa said the channel would be temporarily demonetized.\n"
    right = "The channel's demonetization will last 30 days, starting on Oct. 20, Vexa said.\n"
    refused_then_answered("How long will the channel's demonetization last?", chunks("wrong", wrong),
                          chunks("right", right), "30 days", None)



LAPTOP_REVIEW = ("We think the people who should buy the Lumo Book Pro are Mac owners who want the touch bar.\n\n"
                 "The Lumo Book Pro went on sale in March at $1,299.\n")


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
@pytest.mark.parametrize(("question", "voice"), [
    ("Who does Gadget Weekly think should buy the Lumo Book Pro?", "Gadget Weekly"),
    ("According to Gadget Weekly, who should buy the Lumo Book Pro?", "Gadget Weekly"),
    ("Who should buy the Lumo Book Pro?", ""),  # the outlet not asked about: its sentence is no one's quote
])
def test_an_outlet_asked_about_as_a_voice_speaks_its_own_sentences(question, voice, embed) -> None:
    passages = chunks("review", LAPTOP_REVIEW, source="Gadget Weekly")
    ans = ask(question, passages, embed=embed)
    assert ans.answered and "Mac owners" in ans.citations[0].quote
    assert ans.citations[0].speaker == voice


def test_an_outlet_asked_as_a_voice_speaks_an_article_of_no_outlet_that_names_it() -> None:
    """An article with no outlet recorded that labels its verdicts "(8/10, GADGET Recommends)" is Gadget's: asked
    for Gadget's view, its sentences are Gadget's words, and another article's sentence is not shown beside them."""
    mine = ("We really only recommend the Lumo Book Pro (7/10, GADGET Review) if you want the touch bar.\n\n"
            "The Lumo Book Air (9/10, GADGET Recommends) is our favourite laptop.\n")
    other = "The Lumo Book Pro is for buyers who want the touch bar, a rival reviewer wrote.\n"
    question = "Who does Gadget think should buy the Lumo Book Pro?"
    ans = ask(question, chunks("mine", mine, source="") + chunks("other", other, source=""), embed=None)
    assert ans.answered and ans.citations[0].speaker == "Gadget", ans.answer
    assert {c.article_id for c in ans.citations} == {"mine"}, ans.answer
    alone = ask(question, chunks("other", other, source=""), embed=None)
    assert all(c.speaker == "" for c in alone.citations), alone.answer


def test_an_article_of_unknown_outlet_may_be_the_outlets_asked_about() -> None:
    """"In Gadget Weekly's deals": an article with no outlet recorded may be Gadget Weekly's when Gadget Weekly's
    articles were retrieved beside it; with a known other outlet it is not."""
    other = chunks("other", "Gadget Weekly tested twelve smartwatches for battery life this autumn.\n",
                   source="Gadget Weekly")
    deals = "For Cyber Monday, the new Lumo Watch 9 is seeing a $70 discount that brings it to $330 at Amazon.\n"
    question = "What's the Lumo Watch 9 going for in Gadget Weekly's Cyber Monday deals?"
    ans = ask(question, other + chunks("deals", deals, source=""), embed=None)
    assert ans.answered and "$330" in ans.citations[0].quote
    assert not ask(question, other + chunks("deals", deals, source="Tech Daily"), embed=None).answered


def test_an_organisation_asked_by_its_initials_is_found_by_its_name() -> None:
    """"NAB" is "The National Lumo Bank" opening a sentence (its "The" no initial): the sentence holds the words."""
    text = ("Markets were quiet on Monday ahead of the central bank meeting.\n\n"
            "The National Lumo Bank has forecast another rate hike to 4.35 per cent in November.\n")
    ans = ask("Where does NLB think the cash rate will go in November?", chunks("rates", text), embed=None)
    assert ans.answered and "4.35 per cent" in ans.citations[0].quote


def test_who_is_a_named_person_is_answered_by_the_sentence_that_says_who_they_are() -> None:
    text = ("The portraits skewer their subjects, with what fellow artist and collaborator Tony Albert describes as "
            "guerilla humour.\nThe elder Namatjira became famous, but Albert faced legal troubles later.\n")
    ans = ask("Who is Tony Albert?", chunks("art", text), embed=None)
    assert ans.answered and "fellow artist and collaborator Tony Albert" in ans.citations[0].quote
