"""Question analysis: mode, speaker and topics, expected answer type, key terms, follow-up context."""

from __future__ import annotations

import pytest

from answer.helpers import ask, chunks, fake_embed
from assistant.answer.question import analyse_question, split_context, with_context


@pytest.mark.parametrize(
    ("question", "speaker", "topics"),
    [
        ("What did Dmitry Peskov say about the meeting?", "Dmitry Peskov", ["the meeting"]),
        ("How did the Kremlin react to the claims?", "the Kremlin", ["the claims"]),
        ("What was Zelensky's response to the plan?", "Zelensky", ["the plan"]),
        ("Did Peskov comment on the sanctions?", "Peskov", ["the sanctions"]),
        ("Did the mayor say anything about the budget?", "the mayor", ["the budget"]),
        ("What did a Binance spokesperson tell CNBC?", "a Binance spokesperson", []),
        ("What did the company's chief executive say after the vote?", "the company's chief executive", ["the vote"]),
        ("What reason did the board give for firing the chief executive?", "the board",
         ["firing the chief executive"]),
        ("Quote Tsonga on Novak Djokovic.", "Tsonga", ["Novak Djokovic"]),
        ("What did Sam Altman post after being fired, and what did he predict about AI?", "Sam Altman",
         ["being fired", "AI"]),
        # other ways readers ask for someone's words
        ("What's Peskov's view on the meeting?", "Peskov", ["the meeting"]),
        ("What was said by Dmitry Peskov?", "Dmitry Peskov", []),
        ("Give me Peskov's quotes about the meeting", "Peskov", ["the meeting"]),
        ("Any quotes from the Kremlin spokesperson on the talks?", "the Kremlin spokesperson", ["the talks"]),
        ("Show me what Zelensky said about security guarantees", "Zelensky", ["security guarantees"]),
        ("What did Peskov have to say about the meeting?", "Peskov", ["the meeting"]),
        ("How did Peskov describe the talks?", "Peskov", ["the talks"]),
        ("What did the Civic Data director say?", "the Civic Data director", []),  # "Data" in a name
        ("What's Lena Varga take on the merger?", "Lena Varga", ["the merger"]),  # possessive left off
        ("What is Harbor analyst Mina Cole take on the results?", "Harbor analyst Mina Cole", ["the results"]),
        ("What concern did the union's lawyer raise about the contract?", "the union's lawyer", ["the contract"]),
        ("What did the club's manager say Keane's injury means for the team?", "the club's manager",
         ["Keane's injury means for the team"]),  # a clause opening on a name
        ("Did Lena Varga apologize?", "Lena Varga", ["apologize"]),  # the act is what her words must be
        ("Did Lena Varga comment?", "Lena Varga", []),
        ("How did the Wallabies centre rate his own performance?", "the Wallabies centre", ["his own performance"]),
        ("When the roster came out, what did Berhalter say about Reyna?", "Berhalter", ["Reyna"]),  # an occasion
    ],
)
def test_speaker_questions(question: str, speaker: str, topics: list[str]) -> None:
    info = analyse_question(question)
    assert (info.speaker, info.topics) == (speaker, topics)


@pytest.mark.parametrize(
    "question",
    [
        "What did the report say?",  # a document, not a speaker
        "What did TechCrunch and Fortune each report about the firing?",  # two outlets
        "What did Sporting News's preview and its match report say about Messi?",
        "What was Jonathan Smith's overall record at Oregon State?",  # "State" is no speech verb
        "How did the market see the results?",  # no name, role or organisation
        "What was the company's revenue?",
        "What's the latest take on the merger?",  # no name before "take"
        "After the final, how many fans stayed?",
        "What's the Apple Watch Series 9 going for?",
    ],
)
def test_not_speaker_questions(question: str) -> None:
    assert analyse_question(question).speaker == ""


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How much did Nike sell in China?", "amount"),
        ("What share of American TikTok users pay for music?", "amount"),
        ("What was Westpac's annual profit?", "amount"),  # a possessive name between "what" and the noun
        ("What's the maximum fine X could face?", "amount"),
        ("What was the final score of the semi-final?", "score"),
        ("By what score did New Zealand beat Ireland?", "score"),
        ("How many goals did Ferenc Puskas score for Hungary?", "number"),
        ("How old is the new coach?", "number"),
        ("What was Tyler Glass's ERA in 2022?", "number"),
        ("Which number full-time coach will she be?", "rank"),
        ("When is Zhao due to be sentenced?", "date"),
        ("What time did the match kick off?", "date"),
        ("Who took over as interim CEO when the board fired Altman?", "name"),
        ("Which senator hosted the forum where Kooker spoke?", "name"),
        ("What did two outlets each report about who would run the company next?", "name"),
        ("Where is Simply Homes based?", "place"),
        ("Where did the 10-year bond yield end up after the report?", "amount"),  # a level, not a place
        ("Where did the Nikkei close on Friday?", "amount"),
        ("Where did the striker end up after leaving Lyon?", "place"),
        # other ways of asking for a figure
        ("What did the film gross?", "amount"),
        ("What did the stock close at?", "amount"),
        ("What's the deal worth?", "amount"),
        ("What is the value of the takeover?", "amount"),
        ("What's the interest rate?", "amount"),
        ("What did inflation fall to?", "amount"),
        ("What was the attendance?", "number"),
        ("What was the death toll?", "number"),
        ("What's the size of the balloon?", "number"),
        ("Who's Alexa Kids' senior product manager?", "name"),
        ("What's the length of the contract?", "number"),
        ("What did the jury reach?", ""),  # a verdict, not a level
        ("What is the name of the new chief executive?", "name"),
        ("Name the film that came third at the box office.", "name"),
        ("What was her job before that?", ""),
    ],
)
def test_answer_types(question: str, kind: str) -> None:
    assert analyse_question(question).answer_type == kind


def test_key_terms_and_specifiers() -> None:
    info = analyse_question("How much revenue did Uber report for the second quarter of 2023?")
    assert info.key_names == ["Uber", "2023"]
    assert info.specifiers == ["second quarter", "2023"]
    assert analyse_question("What was the final score of Game 1 of the World Series?").specifiers == ["Game 1"]
    # a ratio after a name numbers nothing: "70/30" is no "Plus 70" a sentence about the Plus tier must hold
    assert analyse_question("Who gets the Partner Plus 70/30 split?").specifiers == ["70", "30"]
    assert analyse_question("When did Trump meet Putin?").key_names == ["Trump", "Putin"]
    assert "CFO" not in analyse_question("Who is Nike's CFO?").key_names  # a role, not a name


def test_outcome_questions() -> None:
    assert analyse_question("Who won the 2023 Davis Cup final?").result
    assert "win" in analyse_question("Did Canada beat Trinidad and Tobago in March?").outcome
    assert analyse_question("How much did the EU end up fining X?").outcome == ["fin"]
    assert not analyse_question("When did YouTube say she would lose monetization?").result


def test_an_outcome_in_a_past_the_stemmer_does_not_read_is_found() -> None:
    """"How many staff did Lumo end up laying off?": "Lumo laid off 830 of its staff" reports it."""
    ans = ask("How many staff did Lumo end up laying off?",
              chunks("lumo", "Lumo raised billions; a few years later, Lumo laid off 830 of its staff.\n"),
              embed=fake_embed)
    assert ans.answered and "830" in ans.answer


def test_follow_up_context_is_carried_and_split() -> None:
    text = with_context("How much of that came from delivery?", "What were Uber's bookings in Q3?")
    assert split_context(text) == ("How much of that came from delivery?", "What were Uber's bookings in Q3?")
    info = analyse_question(text)
    assert info.text == "How much of that came from delivery?"
    assert {"uber", "book"} <= set(info.context_terms)
    assert split_context("Who won (the final)?") == ("Who won (the final)?", "")


@pytest.mark.parametrize(
    ("question", "counted", "institution", "role"),
    [
        ("How many monthly active users does the game have?", ["monthly", "activ", "user"], [], ""),
        ("How many fans watched Ana Brooks's last fight?", ["fan"], [], ""),
        ("How many Truckster reservations has Acme received?", ["reservation"], [], ""),  # whose, not what
        ("How many EU users have signed up?", ["user"], [], ""),
        ("How many people work at Acme?", [], [], ""),
        ("Which hospital treated her?", [], ["hospital", "clinic", "infirmary", "medical-center", "medical-centr"], ""),
        ("Where did he go to medical school?", [], ["school"], ""),
        ("Who became the board's non-voting observer at Acme?", [], [], "observer"),
        ("Who is Acme's CFO?", [], [], "cfo"),
        ("Who is Ana Brooks?", [], [], ""),
        ("Who is seventh on the list of top scorers?", [], [], ""),
        ("Who is the oldest of the couple's daughters?", [], [], ""),
        ("Who was the top-ranked tight end for Week 14?", [], [], ""),
        ("Who is she married to?", [], [], ""),
        ("Which CEO, named in both articles, led a turnaround?", [], [], "ceo"),
        ("Which executive oversees Apple Maps?", [], [], "executiv"),
    ],
)
def test_what_the_answer_must_name(question: str, counted: list[str], institution: list[str], role: str) -> None:
    info = analyse_question(question)
    assert (info.counted, info.institution, info.role) == (counted, institution, role)


def test_a_closing_quote_mark_is_no_part_of_a_name() -> None:
    """"'The Sydney Herald' suggests ... 'The Age' implies": the names are "Herald" and "Age", not "Herald'"."""
    info = analyse_question("Does 'The Sydney Herald' suggest a recession, unlike 'The Age' which implies growth?")
    assert "Herald" in info.key_names and "Age" in info.key_names
    assert not any(n.endswith(("'", "\u2019")) for n in info.key_names)


@pytest.mark.parametrize(("question", "speaker", "topic", "soft"), [
    ("What does Tim Grey say keeps his marriage going?", "Tim Grey", "keeps his marriage going", False),
    ("How does Sara Lind explain the hero's androgynous look?", "Sara Lind", "the hero's androgynous look", False),
    ("Why did Kofi Mensah decide to start the festival in Ghana?", "Kofi Mensah",
     "decide to start the festival in Ghana", True),
    ("Does Tess Moor regret selling her house?", "Tess Moor", "selling her house", True),
    ("What did the CreditorWatch economist warn would happen if the RBA lifted rates?", "the CreditorWatch economist",
     "happen if the RBA lifted rates", False),
    ("Why did the Fed raise rates?", "the Fed", "raise rates", True),
    ("Why did the Zelda producer rule out a female hero?", "the Zelda producer", "rule out a female hero", True),
    ("And what did Gus Brook say about his marriage?", "Gus Brook", "his marriage", False),
    ("What did Paul Hale say Harbor United need to get back on track?", "Paul Hale",
     "Harbor United need to get back on track", False),
    ("What did the coach say the team lacked in defence?", "the coach", "the team lacked in defence", False),
    ("Why did prices rise?", "", "", False),
    ("Why did the head coach bench Dana Ortiz?", "the head coach", "bench Dana Ortiz", True),  # a post alone
    ("Why did the coach want him to get that touchdown?", "the coach", "want him to get that touchdown", True),
    ("Why did the market fall?", "", "", False),
    ("Did Dana Ortiz have a message for the fans back home?", "Dana Ortiz", "a message for the fans back home", True),
    ("Did Dana Ortiz have a good game?", "", "", False),
    ("Why did NASCAR split the deal, according to Dana Ortiz?", "Dana Ortiz", "Why did NASCAR split the deal", True),
    ("According to the head of Northwind's Japan business, why are investors looking at Japan?",
     "the head of Northwind's Japan business", "why are investors looking at Japan", True),  # a post held in a firm
    ("According to the team that built the new stadium in the city, why did costs rise?", "", "", False),
    ("What did Jos Butler make of the stop-clock trial?", "Jos Butler", "the stop-clock trial", False),
    ("How did Canelo hit back at McGregor?", "Canelo", "McGregor", False),
    ("What did Brian Jacob say is weighing on shoppers?", "Brian Jacob", "weighing on shoppers", False),
    # more ways of asking for words: speech verbs, a view as a noun, "according to", "summarize what X said"
    ("What was Lena Varga's take on the merger?", "Lena Varga", "the merger", False),
    ("What were the minister's thoughts on the strike?", "the minister", "the strike", False),
    ("What's Varga's stance on tariffs?", "Varga", "tariffs", False),
    ("What did Varga stress about the budget?", "Varga", "the budget", False),
    ("What did the coach acknowledge about the defeat?", "the coach", "the defeat", False),
    ("What did Varga point out about the deal?", "Varga", "the deal", False),
    ("What was Varga quoted as saying about the deal?", "Varga", "the deal", False),
    ("Did Varga criticize the ruling?", "Varga", "the ruling", False),
    ("Summarize what Varga said about the deal.", "Varga", "the deal", False),
    ("How did Varga feel about the result?", "Varga", "the result", False),  # her words, as "Did she think ...?"
    ("How does Varga think the platform differs from TikTok?", "Varga", "the platform differs from TikTok", False),
    ("How did Varga say founders should think about hiring?", "Varga", "founders should think about hiring", False),
    ("What does Varga expect from the talks?", "Varga", "the talks", False),
    ("According to Varga, why did sales slow?", "Varga", "why did sales slow", True),
    ("What advice does Lena Varga give to new founders?", "Lena Varga", "new founders", False),
    ("What prediction did Varga make about AI?", "Varga", "AI", False),
    ("What main reason did the CEO give for the layoffs?", "the CEO", "the layoffs", False),
    ("What's the secret to their long marriage, according to Varga?", "Varga",
     "What's the secret to their long marriage", True),
    ("When did the two first meet, according to Varga?", "", "", False),  # a date, with Varga as its source
    ("Why, according to Lena Varga, did sales slow?", "Lena Varga", "why did sales slow", True),
    ("Why does the sleep therapist think women sleep worse?", "the sleep therapist", "women sleep worse", True),
    ("Why does Tenmin School's COO think demand is high?", "Tenmin School's COO", "demand is high", True),
    ("What performance gains did Orvant claim for its new chips?", "Orvant", "its new chips", False),
    ("How did Convoy's co-founder and CEO decide which industry to enter?", "Convoy's co-founder and CEO",
     "which industry to enter", True),  # one person's two posts
    ("What did the CEO and CFO say about the deal?", "", "", False),  # two people
    ("What games did Nintendo announce?", "", "", False),  # a fact about products, not a remark
    ("Did Orvant ever explain what caused the faulty faders?", "Orvant", "what caused the faulty faders", False),
    ("What does Copley see as the biggest myth people believe about the sea?", "Copley",
     "the biggest myth people believe about the sea", False),
    ("What did Ford recall?", "", "", False),  # a product recall, not a remark
    ("What was the firm's account balance?", "", "", False),
    # exact words, "in X's words", and the terse search form "X on Y?" (a name or a post, not an idiom)
    ("Give me Lena Varga's exact words on the merger.", "Lena Varga", "the merger", False),
    ("In Lena Varga's own words, what about the merger?", "Lena Varga", "the merger", False),
    ("Lena Varga on the merger?", "Lena Varga", "the merger", False),
    ("Tell me what else Varga said about the merger.", "Varga", "the merger", False),
    ("Acme's spokesperson on the fine?", "Acme's spokesperson", "the fine", False),
    ("Varga on the merger?", "Varga", "the merger", False),  # one capitalised word that is no plural or request
    ("Tariffs on China?", "", "", False),  # ... as a sentence's first word may be
    ("Thoughts on the final?", "", "", False),
    ("Based on the Bloomberg article, how long does the battery last?", "", "", False),
    ("Acme Tower's marketing chief on drawing crowds?", "Acme Tower's marketing chief", "drawing crowds", False),
    ("Orbit magazine on choosing Lena Varga?", "Orbit magazine", "choosing Lena Varga", False),
    ("Acme Motors on track for record deliveries?", "", "", False),
    ("Interest rates on the rise?", "", "", False),
    ("Who won on Sunday?", "", "", False),
    # ... and the terse possessive "X's reaction to Y?" (a name or a post again; never "the market")
    ("Lena Varga's reaction to the merger?", "Lena Varga", "the merger", False),
    ("Acme's response to the ruling", "Acme", "the ruling", False),
    ("Varga's thoughts on the final?", "Varga", "the final", False),
    ("Acme Tower's marketing chief's reaction to the crowds?", "Acme Tower's marketing chief", "the crowds", False),
    ("The market's reaction to the rate cut?", "", "", False),
    ("Investors' reaction to the rate cut?", "", "", False),
    ("What was the market's reaction?", "", "", False),
    # an honorific, "been saying", "re:" / "on the subject of", "in the article", "what quotes are there from X"
    ("What did Ms. Varga say about the merger?", "Varga", "the merger", False),
    ("What did Sir Tom Reid say about the merger?", "Tom Reid", "the merger", False),
    ("What has Lena Varga been saying about the merger?", "Lena Varga", "the merger", False),
    ("What did Varga say re: the merger?", "Varga", "the merger", False),
    ("What did Varga say on the subject of the merger?", "Varga", "the merger", False),
    ("What did Varga say about the merger in the article?", "Varga", "the merger", False),
    ("What did Varga say in the article?", "Varga", "", False),
    ("What did Varga say about the Orbit report?", "Varga", "the Orbit report", False),
    ("Tell me about Lena Varga's comments on the merger.", "Lena Varga", "the merger", False),
    ("What quotes are there from Lena Varga about the merger?", "Lena Varga", "the merger", False),
    ("Are there any quotes from Varga on the merger?", "Varga", "the merger", False),
    ("What has Acme been doing about emissions?", "", "", False),
    # how a person is coping: their own words first, when quoted on it
    ("How has Tom Reid been coping since the flood?", "Tom Reid", "coping since the flood", True),
    ("How is Acme Motors doing in China?", "", "", False),  # a company's results: no feelings asked
    # done to X: the reason is not X's to give; how X felt is
    ("Why was Tom Reid fired?", "", "", False),
    ("Why was Tom Reid upset?", "Tom Reid", "upset", True),
])
def test_other_ways_of_asking_for_someones_words(question: str, speaker: str, topic: str, soft: bool) -> None:
    info = analyse_question(question)
    assert (info.speaker, info.topic, info.soft_speaker) == (speaker, topic, soft)


@pytest.mark.parametrize("question", ["Who's Acme Kids' senior product manager?", "Who's Acme's CFO?",
                                      "Who is the senior product manager for Acme Kids?"])
def test_a_post_asked_after_whos_or_a_plural_possessive(question: str) -> None:
    assert analyse_question(question).role in ("manag", "manager", "cfo"), analyse_question(question).role


@pytest.mark.parametrize("question", ["What did Mr. Varga say about the merger?", "What did Dr Lena Varga say?"])
def test_an_honorific_is_no_name_an_article_must_hold(question: str) -> None:
    info = analyse_question(question)
    assert info.speaker.endswith("Varga") and not info.speaker.startswith(("Mr", "Dr"))
    assert "Varga" in info.key_names and not {"Mr", "Dr"} & set(info.key_names)


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_a_follow_up_naming_only_a_thing_asks_what_the_previous_turn_asked(embed) -> None:
    """"And the original model?" after "How long did the battery last?" asks how long the original model's lasted:
    the duration sentence, not one that only names the model."""
    text = ("The Volt X2 battery lasted four hours and 23 minutes playing Hades.\n\n"
            "I still like the original Volt model for its OLED screen and its plastic shell.\n\n"
            "With the same settings, the original Volt model died after two hours and 42 minutes.\n")
    question = with_context("And the original Volt model?", "How long did the Volt X2 battery last playing Hades?")
    info = analyse_question(question)
    assert info.fragment == ["original", "model"]
    assert info.answer_type == analyse_question("How long did it last?").answer_type
    ans = ask(question, chunks("a", text), embed=embed)
    assert ans.answered and "42 minutes" in ans.citations[0].quote
    assert not analyse_question(with_context("And what did he say?", "How long did it last?")).fragment
    assert not analyse_question("And the original Volt model?").fragment  # nothing asked before it
