"""Strict speaker mode: only the asked speaker's attributed words, direct quoted, reported labelled,
and plain refusals when the speaker is not quoted or not on the topic."""

from __future__ import annotations

import re

import pytest

from answer.helpers import ALL_PASSAGES, BRIDGES, SEED_PASSAGES, ask, check_well_formed, chunks, fake_embed


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
def test_what_did_x_say_gives_only_x_direct_first(embed) -> None:
    ans = ask("What did Peskov say?", ALL_PASSAGES, embed=embed)
    assert ans.answered
    assert ans.answer.startswith("Dmitry Peskov said: \u201cIf, after taking office")
    assert all(c.speaker == "Dmitry Peskov" for c in ans.citations)
    assert ans.citations[0].kind == "direct"
    assert not any("setting it up" in c.quote for c in ans.citations)  # Trump's words, not Peskov's


def test_reported_speech_is_labelled_never_quoted() -> None:
    ans = ask("What did Peskov say?", ALL_PASSAGES, embed=None)
    reported = [c for c in ans.citations if c.kind == "reported"]
    assert reported
    for c in reported:
        sentence = " ".join(c.quote.split())
        assert f"\u201c{sentence}" not in ans.answer and f'"{sentence}' not in ans.answer
        # the article's whole sentence, its own subject and verb; the speaker named first when it does not name him
        label = "" if "Peskov" in sentence else ", of Dmitry Peskov"
        assert f"Reported by the article (not a direct quote){label}: {sentence} [{c.n}]" in ans.answer
    assert any(c.quote.startswith("The press secretary acknowledged that") for c in reported)


REPORTS = (
    "Harbour master Ines Varga spoke after the storm on Monday. "
    "Varga confirmed that the north pier would stay shut until spring, and she added that repairs would cost more. "
    "Later she insisted the ferry timetable was safe. "
    "\u201cNobody will be stranded,\u201d Varga said, adding that the ferry would run from the south quay. "
    "In a long statement to the council on Monday evening, after the vote on the spending plan had been delayed for "
    "a third time and the harbour board had asked the city for an emergency grant to cover the cost of the works on "
    "the north and south piers, the breakwater and the old customs house, Varga maintained that the money set aside "
    "for the ferry terminal, the fish market, the marina and the promenade would not be touched before the next "
    "budget was approved by the council in the spring of next year."
)


def test_reported_speech_is_cited_as_the_articles_whole_sentence_once() -> None:
    """Reported speech is the article's own sentence: its verb ("confirmed that", "insisted") is not rewritten as
    "said that", a pronoun subject gets the speaker named before it, two clauses of one sentence are one citation,
    and a sentence too long to read as one statement or opening on a direct quote falls back on the clause."""
    passages = chunks("harbour", REPORTS, "2024-01-08", size=2000)
    ans = ask("What did Ines Varga say?", passages, embed=None, max_citations=8)
    assert ans.answered and all(c.speaker == "Ines Varga" for c in ans.citations)
    quotes = [c.quote for c in ans.citations if c.kind == "reported"]
    assert "Varga confirmed that the north pier would stay shut until spring, and she added that repairs would cost " \
           "more." in quotes
    assert len(quotes) == len(set(quotes))
    assert "Later she insisted the ferry timetable was safe." in quotes
    assert "of Ines Varga: Later she insisted the ferry timetable was safe." in ans.answer
    # a sentence that opens on her direct quote: the quote and the report are cited apart
    assert "the ferry would run from the south quay" in quotes
    assert [c.quote for c in ans.citations if c.kind == "direct"] == ["Nobody will be stranded"]
    long = next(c for c in ans.citations if "the money set aside" in c.quote)
    assert long.quote.startswith("the money set aside")
    assert "said that" not in ans.answer
    check_well_formed(ans, passages)


@pytest.mark.parametrize(
    "question",
    ["What did the press secretary say?", "Quote the Kremlin spokesperson", "What has Dmitry Peskov said?",
     "How did Peskov respond?", "What was Peskov's take?", "What did Peskov stress?",
     "Summarize what the Kremlin spokesperson said."],
)
def test_role_phrases_and_names_resolve_to_the_speaker(question: str) -> None:
    ans = ask(question, ALL_PASSAGES, embed=fake_embed)
    assert ans.answered and {c.speaker for c in ans.citations} == {"Dmitry Peskov"}, ans.answer


def test_topic_narrows_the_quotations() -> None:
    ans = ask("What did Peskov say about conditions for talks?", ALL_PASSAGES, embed=None)
    assert ans.answered
    assert any("attaches no conditions" in c.quote for c in ans.citations)


def test_mentioned_but_never_quoted_is_refused_in_plain_words() -> None:
    ans = ask("What did Lloyd Austin say?", ALL_PASSAGES, embed=fake_embed)
    assert not ans.answered
    assert "mention Lloyd Austin but never quote" in ans.answer


def test_quoted_but_not_on_the_topic_is_refused_with_the_count() -> None:
    # the budget is in the narration ("according to the city budget"), never in Hidalgo's words
    ans = ask("What did Hidalgo say about the budget?", ALL_PASSAGES, embed=None)
    assert not ans.answered
    assert "The articles quote Anne Hidalgo 4 times, none of them about the budget." in ans.answer


def test_someone_elses_words_are_never_shown() -> None:
    # Fontaine, not Hidalgo, speaks of shops: the answer may not borrow his words
    ans = ask("What did Hidalgo say about shops?", ALL_PASSAGES, embed=None)
    assert not ans.answered or all(c.speaker == "Anne Hidalgo" for c in ans.citations)
    assert "disaster for shops" not in ans.answer


def test_newest_article_first_and_max_citations() -> None:
    ans = ask("What did Hidalgo say?", ALL_PASSAGES, embed=None, max_citations=2)
    assert len(ans.citations) == 2 and all(c.speaker == "Anne Hidalgo" for c in ans.citations)
    assert ans.citations[0].article_id == "bridges"  # 2025 before 2023
    assert ans.citations[0].quote == "We have no choice"


def test_what_else_leaves_out_what_was_shown() -> None:
    first = ask("What did Hidalgo say?", ALL_PASSAGES, embed=None, max_citations=1)
    again = ask("What else did Hidalgo say?", ALL_PASSAGES, embed=None, already_shown=first.answer)
    assert again.answered
    assert first.citations[0].quote not in {c.quote for c in again.citations}


def test_an_organisation_speaks_through_its_spokesperson() -> None:
    text = ("Rivet Telecom faces a lawsuit from two shareholders.\n"
            "\"This matter should be resolved privately,\" Rivet Telecom spokesperson Sarah Schmidt said.\n")
    passages = chunks("rivet", text)
    ans = ask("What did Rivet Telecom say about the lawsuit?", passages, embed=None)
    assert ans.answered
    assert ans.citations[0].speaker.startswith("Rivet Telecom (") and "Sarah Schmidt" in ans.citations[0].speaker


@pytest.mark.parametrize(("text", "by_post", "person", "by_org", "org"), [
    # "the Sportsnet insider" is the person the article calls "Sportsnet's Elliot Frame"
    ("Ray Kane is weighing offers from three clubs.\n\n"
     '"I\'m really curious about the Detroit one," Sportsnet\'s Elliot Frame said on his podcast.\n',
     "What did the Sportsnet insider say about Kane and Detroit?", "Elliot Frame",
     "What did Sportsnet say about Kane and Detroit?", "Sportsnet ("),
    # "Marlow's online safety lead" asks for the person who holds that post
    ("Marlow published its first codes of practice on Thursday.\n\n"
     "\u201cThis puts a duty of care on tech firms,\u201d Marlow\u2019s online safety lead, Gill Harte, said on "
     "Friday.\n",
     "What does Marlow's online safety lead say the codes do?", "Gill Harte",
     "What does Marlow say the codes do?", "Marlow ("),
], ids=["outlet", "post"])
def test_a_person_asked_by_their_outlet_or_post_is_named_as_the_person(text, by_post, person, by_org, org) -> None:
    """A person asked by their outlet or post at an organisation is named as the person, not the organisation
    speaking through them; asked of the organisation alone, it speaks through its person."""
    ans = ask(by_post, chunks("one", text), embed=None)
    assert ans.answered and ans.citations[0].speaker == person, ans.answer
    ans = ask(by_org, chunks("one", text), embed=None)
    assert ans.answered and ans.citations[0].speaker.startswith(org), ans.answer


def test_an_organisation_speaks_through_its_unnamed_official() -> None:
    text = ("The European Commission set a threshold for the largest models.\n\n"
            "“It could go up, it could go down,” a Commission official told reporters about the threshold.\n")
    ans = ask("What did the European Commission say about the threshold?", chunks("eu", text), embed=None)
    assert ans.answered and ans.citations[0].speaker == "European Commission (a Commission official)", ans.answer


def test_a_post_is_found_in_the_sentences_that_quote_its_holder() -> None:
    """"the United boss told TNT": the manager asked for is the one the quoting sentences call boss, not another
    club's manager whose article mentions United."""
    other = ("Chelsea manager Mauro Pellegrin spoke before the game against Manchester United.\n\n"
             "“He has Chelsea DNA,” Pellegrin said of his captain.\n")
    text = ("Manchester United drew 3-3 with Galatasaray on Wednesday, and Erik Vos says the defence is not up to "
            "scratch.\n\n“We aren't defending good enough,” the United boss told TNT Sports.\n")
    ans = ask("What did the Manchester United manager say about the defending?",
              chunks("chelsea", other) + chunks("united", text), embed=None)
    assert ans.answered and ans.citations[0].speaker == "Erik Vos", ans.answer


def test_an_occupation_named_by_its_ending_is_a_post() -> None:
    text = ("Studies have found that women are 40 per cent more at risk of insomnia than men.\n\n"
            "Insomnia can remain long after its trigger has gone, explains sleep therapist Dr Lena Brock.\n\n"
            "“Hormonal differences may be the cause of this increased risk of insomnia in women,” Dr Brock says.\n")
    ans = ask("Why does the sleep therapist think women are more at risk of insomnia?", chunks("s", text), embed=None)
    assert ans.answered and {c.speaker for c in ans.citations} == {"Dr Lena Brock"}, ans.answer


def test_single_quoted_speaker_in_seed_other_article_absent() -> None:
    ans = ask("What did Zelensky say about security guarantees?", SEED_PASSAGES, embed=None)
    assert ans.answered and "joint security guarantees" in ans.citations[0].quote
    assert ans.citations[0].speaker == "Volodymyr Zelensky"
    assert "Anne Hidalgo" not in BRIDGES or all(c.article_id == "kremlin" for c in ans.citations)


def test_a_quote_that_goes_on_from_the_one_before_keeps_its_topic() -> None:
    text = ("Tomas Berg won the Paris final on Sunday after a long match in the rain.\n\n"
            "The clay court season ends next week with the Hamburg tournament.\n\n"
            "Berg recently spoke about the relationship he has with Ivo Maric and Luca Conti.\n\n"
            "“Obviously we have not gotten along off the court,” he told a podcast.\n\n"
            "“We are not friends because we are rivals and it is difficult to be close as opponents.\n\n"
            "“I hope one day we can sit down and talk.”\n\n"
            "Berg also said: “The clay was slow this week.”")
    ans = ask("What did Berg say about his relationship with Maric and Conti?", chunks("berg", text), embed=None)
    assert ans.answered
    quotes = [c.quote for c in ans.citations]
    assert any("not friends because we are rivals" in q for q in quotes)
    assert not any("clay was slow" in q for q in quotes)


def test_an_interview_answer_is_about_the_whole_question_before_it() -> None:
    """The topic is in the question's first sentence ("Instagram or TikTok"), not in its last nor in the answer."""
    text = ("Streamly has had a tense year. In an interview, its chief revenue officer Mike Arkwell discussed the "
            "revenue split.\n\n"
            "Gazette: Is there anything Streamly is doing to appease irate creators?\n\n"
            "Mike Arkwell: We said we would end these deals, and I think we were right to do so.\n\n"
            "Tactics for monetization that work for Instagram or TikTok just don't work for livestreaming. So what "
            "has Streamly done differently?\n\n"
            "One thing we have done since the beginning is getting people to support creators through "
            "subscriptions and gifting. I think that sets us apart.\n")
    ans = ask("How does Arkwell think Streamly differs from Instagram or TikTok?", chunks("arkwell", text),
              embed=None)
    assert ans.answered and "subscriptions and gifting" in ans.citations[0].quote, ans.answer


def test_an_organisation_speaking_through_a_person_names_the_person_again_by_surname() -> None:
    text = ("Norvex Freight cut 200 jobs on Monday.\n\n"
            '"We grew too fast," Norvex Freight founder Ryan Peters said. "We will hire again next year."')
    ans = ask("What did Norvex Freight say?", chunks("nf", text), embed=None)
    assert ans.answered and len(ans.citations) == 2, ans.answer
    assert "Peters also said" in ans.answer and "Peters) also said" not in ans.answer


def _axes_embed(*axes: tuple[str, ...]):
    """A tiny encoder: counts of a few words, each axis a set of synonyms, so a topic's cosine to a sentence is
    what they share."""
    def embed(texts: list[str]) -> list[list[float]]:
        out = []
        for t in texts:
            words = re.findall(r"[a-z]+", t.lower())
            out.append([float(sum(words.count(w) for w in axis)) for axis in axes])
        return out
    return embed


_word_embed = _axes_embed(("norvex",), ("shutdown", "disabled"), ("hiring",), ("trading",))


def test_a_topic_owned_by_the_speaker_is_compared_as_theirs() -> None:
    """"its shutdown": the encoder reads "Norvex's shutdown", which the speaker's sentence on it is close to;
    a topic it says nothing about is still refused."""
    text = ("Norvex Exchange is leaving the market.\n\n"
            "Norvex said on Monday that all trading will be disabled, and trading ends next month.")
    passages = chunks("nx", text)
    ans = ask("What did Norvex say about its shutdown?", passages, embed=_word_embed)
    assert ans.answered and "will be disabled" in ans.citations[0].quote, ans.answer
    ans = ask("What did Norvex say about its hiring?", passages, embed=_word_embed)
    assert not ans.answered, ans.answer


def test_a_second_person_of_the_same_surname_is_named_in_full_not_as_the_first_again() -> None:
    """"What did Clark say?" over two articles quoting two Clarks: "Ben Clark said ... David Clark said ...", never
    "Clark also said" for the other one."""
    passages = (chunks("a", 'Ben Clark runs a fund. "Rates will fall," Clark said.', published="2024-02-01")
                + chunks("b", 'David Clark leads a team. "The watch is fast," Clark said.', published="2024-01-01"))
    ans = ask("What did Clark say?", passages, embed=None)
    assert ans.answered and [c.speaker for c in ans.citations] == ["Ben Clark", "David Clark"], ans.answer
    assert "David Clark said" in ans.answer and "Clark also said" not in ans.answer


_injury_embed = _axes_embed(("injury", "hurt", "knee"), ("stadium", "roof"))


def test_a_quote_whose_sentence_before_says_the_topic_is_on_it() -> None:
    """The topic's words are in neither sentence ("knee injury"; "Lowe was hurt at training on Tuesday"), but the
    encoder finds the sentence before the quote on the topic: the quote answers it. A topic close to neither is
    still refused."""
    text = ("The club opened its new training centre in March after two years of building work.\n\n"
            "The squad trained there for the first time this week.\n\n"
            "Tom Lowe was hurt, hurt badly, at training on Tuesday.\n\n"
            '"The doctors may have other plans, but he is doing alright," coach Ana Reyes said.')
    passages = chunks("inj", text)
    ans = ask("What did Ana Reyes say about Lowe's knee injury?", passages, embed=_injury_embed)
    assert ans.answered and "doing alright" in ans.citations[0].quote, ans.answer
    ans = ask("What did Ana Reyes say about the stadium roof?", passages, embed=_injury_embed)
    assert not ans.answered, ans.answer


_rumour_embed = _axes_embed(("rumour", "rumours"), ("dating",))


def test_a_quote_introduced_by_the_topic_ranks_by_its_context() -> None:
    """A quote whose own words never name the topic, introduced by a sentence that does ("addressed the dating
    rumour ... '…,' Dunn said"), ranks by how close that context is, before a quote that only shares a word."""
    text = ("Kai Dunn addressed the dating rumour on his podcast this week.\n\n"
            '"It is hilarious how much traction this has gotten," Dunn said.\n\n'
            "Dunn also spoke about the league and its broadcasts.\n\n"
            '"The league covers every rumour a bit too much," Dunn said.')
    ans = ask("What did Kai Dunn say about the dating rumour?", chunks("kd", text), embed=_rumour_embed)
    assert ans.answered and "hilarious" in ans.citations[0].quote, ans.answer


def test_the_speakers_own_words_come_before_a_report_a_little_closer_to_the_topic() -> None:
    """Two quotations on the topic: the article's report of it holds one more of the topic's words, but the
    speaker's own words (direct) come first."""
    text = ("Dana Kook runs the label's digital business.\n\n"
            "Kook said that fake voice clones hurt every artist on the label.\n\n"
            "The label has sent thousands of takedown notices this year.\n\n"
            '"Fake clones take royalty payments away from the artists," Kook said.')
    ans = ask("What did Dana Kook say about fake voice clones?", chunks("dk", text), embed=None)
    assert ans.answered and ans.citations[0].kind == "direct", ans.answer


ROUNDUP = ("Harbor beat Rovers 90-80 on Friday night in front of a big crowd.\n\n"
           "Coach Ann Vale was pleased with the defence and the rebounding of her bigs.\n\n"
           "\u201cWe were sharp all night,\u201d Vale said.\n\n"
           "Later, the Breakers suffered a tough loss to Melbourne United at home.\n\n"
           "Zach Cole scored 30 points for the Breakers in defeat.\n\n"
           "Lamb had 15 points on his debut.\n\n"
           "But Breakers coach Moe Maro was in no mood to look for positives.\n\n"
           "\u201cThis isn't the level we expect from ourselves,\u201d Maro said.")


def test_a_round_ups_section_sets_the_topic_of_its_quotes() -> None:
    """The loss is told three sentences before the coach's quote, in the section about that game: the quote is
    on it. A topic the section names only in part ("the win over Melbourne United's rivals") stays refused."""
    ans = ask("What did Moe Maro say after the loss to Melbourne United?", chunks("nbl", ROUNDUP), embed=None)
    assert ans.answered and "level we expect" in ans.citations[0].quote, ans.answer
    ans = ask("What did Moe Maro say about the Breakers' ticket prices?", chunks("nbl", ROUNDUP), embed=None)
    assert not ans.answered, ans.answer


RULING = ("Music publishers want licences for the songs that train chatbots, the trade group said in a filing.\n\n"
          "Publishers also asked for records of every work used in training, as labels did last year.\n\n"
          "Lena Ott owns a computer system she calls the Dream Engine, which made a painting on its own.\n\n"
          "In a ruling this past August, a court in Boston sided with the Copyright Office.\n\n"
          "\u201cCopyright has never protected works made without any guiding human hand,\u201d Judge Ada Bell "
          "commented. \u201cHuman authorship is a bedrock requirement.\u201d")


def test_a_section_naming_all_but_one_word_of_a_long_topic_sets_it() -> None:
    """"when ruling on the Dream Engine artwork": the section names the ruling and the Dream Engine (a "painting",
    not an "artwork"), so the judge's words are on it; a topic it names only in half is refused."""
    ans = ask("What did Judge Bell say when ruling on the Dream Engine artwork?", chunks("cr", RULING), embed=None)
    assert ans.answered and "guiding human hand" in ans.citations[0].quote, ans.answer
    ans = ask("What did Judge Bell say about the Dream Engine's sales figures?", chunks("cr", RULING), embed=None)
    assert not ans.answered, ans.answer


FESTIVAL = ("Kofi Mensah founded the Lagoon festival in 2017.\n\n"
            "Mensah decided to launch the festival after his first visit to Accra, he said.\n\n"
            "\u201cWe wanted to bring the community and the diaspora together,\u201d Mensah said.\n\n"
            "The festival drew 31,000 people last year, up from 4,600 at the first one.")


def test_why_a_person_did_it_is_answered_by_their_words_when_quoted_on_it() -> None:
    """"Why did X decide ...?" gets X's own words on it; asked of someone never quoted, the article's sentences."""
    ans = ask("Why did Kofi Mensah decide to launch the festival?", chunks("fest", FESTIVAL), embed=None)
    assert ans.answered and all(c.speaker == "Kofi Mensah" for c in ans.citations), ans.answer
    assert any("diaspora together" in c.quote or "first visit to Accra" in c.quote for c in ans.citations)
    text = FESTIVAL + "\n\nThe city council backed the festival because it brings tourists to the coast."
    ans = ask("Why did the city council back the festival?", chunks("fest", text), embed=None)
    assert ans.answered and "brings tourists" in ans.citations[0].quote, ans.answer


def test_an_occasion_is_when_not_what_about() -> None:
    """"What did Peskov say in an interview / on Friday?": the occasion, which no quotation needs to name, not a topic
    his words must be about; "about the interview" is a topic."""
    for question in ("What did Peskov say in an interview?", "What did the Kremlin spokesperson say on Thursday?"):
        ans = ask(question, ALL_PASSAGES, embed=fake_embed)
        assert ans.answered and {c.speaker for c in ans.citations} == {"Dmitry Peskov"}, (question, ans.answer)
    ans = ask("What did Peskov say about the interview?", ALL_PASSAGES, embed=fake_embed)
    assert not ans.answered, ans.answer


TOXICOLOGY = ("“The dose found was enough to cause loss of consciousness,” Lena Ortiz, chief of medical toxicology at "
              "Harwell Medical School, said in a statement.\n\n“The drug is safe under supervision,” said Dr. Amos "
              "Reed, a psychiatrist in Ohio.\n")
RUGBY = ("“We have only ourselves to blame at this World Cup,” Wallabies centre Samu Kerevi, who was born in Fiji, "
         "said on Saturday.\n\n“The players worked hard all year,” Wallabies coach Eddie Jones said.\n")
EDTECH = ("Tenmin School raised $5.5 million, says co-founder and COO Mira Beg.\n\n“Demand for edtech is huge "
          "because we have a student base of 42 million and most lack good teachers,” Beg said.\n\nAccess to "
          "education in Bengal is unequal, say the founders of edtech Tenmin School.\n")


@pytest.mark.parametrize("embed", [None, fake_embed], ids=["lexical", "dense"])
@pytest.mark.parametrize(("question", "speaker", "words"), [
    # a practitioner asked by their trade, whose post names their field
    ("What did the Harwell toxicologist say about the dose?", "Lena Ortiz", "enough to cause loss"),
    # a birthplace in the post ("Fiji-born"), which the article gives as "who was born in Fiji"
    ("What did the Fiji-born Wallabies centre say about the World Cup?", "Samu Kerevi", "only ourselves to blame"),
])
def test_a_post_asked_by_trade_or_by_organisation_finds_its_holder(question, speaker, words, embed) -> None:
    passages = chunks("tox", TOXICOLOGY) + chunks("edu", EDTECH) + chunks("rugby", RUGBY)
    ans = ask(question, passages, embed=embed)
    assert ans.answered and ans.citations and {c.speaker for c in ans.citations} == {speaker}, ans.answer
    assert words in ans.citations[0].quote


def test_a_full_name_is_not_another_person_of_that_surname() -> None:
    """"What did Will Smith say?" never shows Jada Pinkett Smith's words, though both are Smiths."""
    text = ("“Jada is the best friend I have ever had,” Will Smith told the crowd.\n\n"
            "“We are figuring out what that looks like,” Jada Pinkett Smith said of the marriage.\n")
    ans = ask("What did Will Smith say about the marriage?", chunks("ws", text), embed=fake_embed)
    assert ans.answered and {c.speaker for c in ans.citations} == {"Will Smith"}, ans.answer


def test_an_analyst_who_covers_a_company_does_not_speak_for_it() -> None:
    """"Orvant analyst Mia Kuo" watches Orvant from outside; "Orvant spokesperson Dan Roe" speaks for it."""
    text = ("“Sales of the M3 will be strong,” said Orvant analyst Mia Kuo.\n\n"
            "“The M3 renders twice as fast,” said Orvant spokesperson Dan Roe.\n")
    ans = ask("What did Orvant say about the M3?", chunks("o", text), embed=fake_embed)
    assert ans.answered and all("Kuo" not in c.speaker for c in ans.citations), ans.answer
    assert any("twice as fast" in c.quote for c in ans.citations)


def test_a_description_before_a_name_asks_for_the_name() -> None:
    """"the refereeing body PGMOL": the body the article calls the PGMOL (its words, under the name it spelled out)."""
    text = ("The Professional Game Match Officials Limited (PGMOL) runs refereeing.\n\n"
            "The PGMOL issued a statement after the match stating the goal should have stood.\n")
    ans = ask("What did the refereeing body PGMOL say about the goal?", chunks("p", text), embed=fake_embed)
    assert ans.answered and any("should have stood" in c.quote for c in ans.citations), ans.answer


def test_a_quote_one_copy_cuts_short_is_shown_whole_in_its_place() -> None:
    """Two outlets carry the same quote, one cut short: the longer is shown once, where the first stood."""
    short = chunks("cut", 'Cora Vance spoke after the final on Sunday. "We were not good enough," Vance said.',
                   published="2023-11-02")
    whole = chunks("whole", 'Cora Vance spoke on Sunday. "We were not good enough, and we know it," Vance said.',
                   published="2023-11-01")
    ans = ask("What did Cora Vance say?", short + whole, embed=None)
    assert ans.answered and len(ans.citations) == 1, ans.answer
    assert ans.citations[0].quote == "We were not good enough, and we know it"


def test_a_quote_naming_the_person_the_topic_is_about_is_on_it() -> None:
    """"About Dana Kerr's role in the takeover": a quote that names Dana Kerr is about her, though it shares few of
    the topic's other words; a quote naming only someone else is not."""
    text = ("The freight market has had a hard year, with rates down by a third since the spring.\n\n"
            "Ports on both coasts have cut their hours as fewer ships arrive from across the Pacific.\n\n"
            "Ravi Patel founded Cargoline in 2013.\n\n"
            '"I would never have had the courage to do that deal, but I give all the credit in the world to Dana Kerr,"'
            " Patel said.\n\n"
            '"We have to keep our costs down next year," Patel said.\n\n'
            '"Tom Ruiz has been a great help to the warehouse staff," Patel said.')
    ans = ask("What did Ravi Patel say about Dana Kerr's role in buying Shipwell?", chunks("cargo", text), embed=None)
    assert ans.answered and len(ans.citations) == 1, ans.answer
    assert "Dana Kerr" in ans.citations[0].quote
    ans = ask("What did Ravi Patel say about Ana Lopez's role in buying Shipwell?", chunks("cargo", text), embed=None)
    assert not ans.answered, ans.answer


def test_a_relative_asked_by_kin_is_the_person_the_article_names_so() -> None:
    text = ("Emily Hand, 8, was taken from the kibbutz on October 7.\n\n"
            '"I wouldn\'t be able to sleep," her father, Thomas Hand, told reporters on Monday.\n\n'
            '"She will be home soon," said army spokesman Daniel Hagari.')
    ans = ask("What did Emily Hand's father say?", chunks("hand", text), embed=None)
    assert ans.answered and [c.speaker for c in ans.citations] == ["Thomas Hand"], ans.answer
    assert not ask("What did Emily Hand's mother say?", chunks("hand", text), embed=None).answered


@pytest.mark.parametrize("post", ["Acme CCO Jane Roe", "Acme chief creative officer Jane Roe"])
@pytest.mark.parametrize("asked", ["Acme's CCO", "Acme's chief creative officer"])
def test_a_chief_officer_is_asked_by_initials_or_in_full(post: str, asked: str) -> None:
    text = (f'Acme cut 200 jobs on Monday.\n\n"We will hire again next year," said {post}.\n\n'
            '"Sales fell," said Acme CEO Tom Ruiz.')
    ans = ask(f"What did {asked} say?", chunks("acme", text), embed=None)
    assert ans.answered and [c.speaker for c in ans.citations] == ["Jane Roe"], ans.answer
    assert not ask("What did Acme's chief product officer say?", chunks("acme", text), embed=None).answered


def test_a_quote_said_right_after_one_on_the_topic_goes_on_with_it() -> None:
    """'"…," coach Ana Reyes said. "He will be back …"': the second quote of one answer is on the topic the first is on
    (here through the sentence before it), and follows it; a quote in another paragraph does not."""
    text = ("The club opened its new training centre in March after two years of building work.\n\n"
            "The squad trained there for the first time this week.\n\n"
            "Tom Lowe was hurt, hurt badly, at training on Tuesday.\n\n"
            '"The doctors may have other plans, but he is doing alright," coach Ana Reyes said. "He will be back for '
            'the derby, I am sure of it."\n\n'
            '"We have a young squad," Reyes said.')
    ans = ask("What did Ana Reyes say about Lowe's knee injury?", chunks("inj", text), embed=_injury_embed)
    assert ans.answered and [c.quote[:12] for c in ans.citations] == ["The doctors ", "He will be b"], ans.answer


STADIUM = ("Stadium costs rose by 40% in 2023 as steel prices climbed, the council's report found.\n\n"
           "\u201cThe stadium costs rose because steel prices doubled in a year,\u201d said builder Ana Reyes.\n\n"
           "Stadium costs rose again in the spring as steel prices climbed further.")


def test_a_soft_speaker_answer_that_falls_back_on_facts_keeps_to_their_words() -> None:
    """When a question about someone's reasons falls back on the articles' sentences, and some of those sentences
    are that person's words, the answer is only their words: not narration beside them."""
    from assistant.answer.facts import fact_answer
    from assistant.answer.question import analyse_question
    from assistant.answer.quotations import resolve_speaker

    passages = chunks("stadium", STADIUM)
    info = analyse_question("Why did stadium costs rise as steel prices climbed?")
    plain = fact_answer(info, info.text, passages, None, 3, 0.1)
    assert plain.answered and {c.speaker for c in plain.citations} != {"Ana Reyes"}, plain.answer
    voice = resolve_speaker("Ana Reyes", passages).found
    assert voice
    mine = fact_answer(info, info.text, passages, None, 3, 0.1, voice)
    check_well_formed(mine, passages)
    assert mine.answered and {c.speaker for c in mine.citations} == {"Ana Reyes"}, mine.answer
    assert "steel prices doubled" in mine.citations[0].quote


def test_a_speaker_with_a_generational_suffix_is_named_again_by_surname() -> None:
    text = ("Presidential candidate Roberto K. Delane Jr. spoke on his podcast on Monday.\n\n"
            "\u201cThe paper is courageous,\u201d Delane said. \u201cIt is real journalism,\u201d Delane added.")
    ans = ask("What did Roberto Delane say?", chunks("podcast", text, "2024-01-08"), embed=None)
    assert ans.answered and [c.speaker for c in ans.citations] == ["Roberto K. Delane Jr"] * 2
    assert "Delane also said" in ans.answer and "Jr also said" not in ans.answer


def test_one_persons_view_asked_is_answered_with_no_one_elses_words() -> None:
    """A soft speaker question whose speaker no quotation resolves ("the head of Lumo's Japan business") falls back on
    the articles' sentences; when the best of them quotes someone, no other person's words follow it."""
    text = ("\u201cInvestors who were in China are looking at Japan as China has slowed,\u201d says Kirk Nolan, "
            "president of Lumo Research Japan.\n\n"
            "\u201cInvestors are looking at Japan after years of not looking at Japan,\u201d says Paul Hart, a fund "
            "manager at Birch.\n")
    question = "According to the head of Lumo's Japan business, why are China investors looking at Japan?"
    ans = ask(question, chunks("japan", text, "2024-01-08"), embed=fake_embed)
    assert ans.answered and ans.citations[0].speaker == "Kirk Nolan"
    assert all(c.speaker == "Kirk Nolan" for c in ans.citations)


def test_a_first_name_that_is_also_a_word_asks_for_that_person() -> None:
    """"What did Will say about ...?": Will Carter's words, though "will" is also a word."""
    text = ('Will Carter thanked his wife on stage. "Those dreams were built on the foundation of Jada\'s sacrifices," '
            "he said.")
    ans = ask("What did Will say about Jada's sacrifices?", chunks("will", text), embed=None)
    assert ans.answered and ans.citations[0].speaker == "Will Carter"


@pytest.mark.parametrize("asked", ["Acme's PR director", "Acme's public relations director"])
def test_a_department_asked_by_its_initials_is_the_post_spelled_out(asked: str) -> None:
    """"the PR director": the article's "public relations director"; the initials are no name to find."""
    text = ('Acme shipped its game on Friday.\n\n"Viewers drop off after the first week," says Acme\'s public '
            'relations director Dana Holt.\n\n"Sales fell," said Acme CEO Tom Ruiz.')
    ans = ask(f"What did {asked} say about viewers?", chunks("acme", text), embed=None)
    assert ans.answered and [c.speaker for c in ans.citations] == ["Dana Holt"], ans.answer


def test_a_report_quoting_a_few_words_yields_to_the_whole_quote() -> None:
    """A report that quotes a few words of what the article quotes in full elsewhere ('hoping the side "inspired"
    the country "not by our results but by our ambition"') comes after that whole direct quote."""
    text = ("Coach Ana Reyes said she was hoping the Lions inspired the country \u201cnot by our results but by our "
            "ambition\u201d before the final.\n\n"
            "The Lions play the Bears on Saturday in the final.\n\n"
            "\u201cWe want to inspire not just by our results but by our ambition, by our ability to get back up,"
            "\u201d Reyes said.")
    ans = ask("What does Reyes want the Lions to inspire the country with?", chunks("lions", text), embed=None)
    assert ans.answered and ans.citations[0].kind == "direct", ans.answer
    assert ans.citations[0].quote.startswith("We want to inspire"), ans.answer


def test_a_report_saying_again_what_a_chosen_one_says_makes_way_for_other_words() -> None:
    """Three reports that he will speak at Friday's hearing are one statement: the answer shows it once and then the
    speaker's other words on the topic."""
    text = ("Coach Ana Reyes says she'll state her case at Friday hearing.\n\n"
            "Reyes said she will speak at the hearing on Friday.\n\n"
            "She initially told reporters she would speak during a scheduled hearing Friday.\n\n"
            "\u201cYou are innocent until proven guilty. I would like that opportunity,\u201d Reyes said.")
    ans = ask("What did Reyes say about the Friday hearing?", chunks("hearing", text), embed=None, max_citations=4)
    assert ans.answered, ans.answer
    assert any(c.kind == "direct" for c in ans.citations), ans.answer
    assert sum("speak" in c.quote for c in ans.citations) == 1, ans.answer


def test_a_quotation_going_on_from_one_on_the_topic_is_on_it_too() -> None:
    """The speaker's next words in the paragraph, a sentence of narration between, answer with the words on the
    topic ("controllers"), though they do not name it; words in another paragraph do not."""
    text = ("Valve's Greg Coomer said the new handheld is the definitive version of the Deck.\n\n"
            "Coomer added that Valve is still working internally on \u201ca bunch of controllers and prototypes.\u201d "
            "If SteamOS is being used on larger displays, the team would want to augment that experience with better "
            "input options. \u201cWe don't have any announcements on that front, but it's why we're building "
            "prototypes,\u201d Coomer said.\n\n"
            "\u201cThe screen is gorgeous,\u201d Coomer said.\n")
    ans = ask("What did Coomer say about Valve working on new controllers?", chunks("deck", text), embed=None)
    quotes = " ".join(c.quote for c in ans.citations)
    assert ans.answered and "any announcements on that front" in quotes, ans.answer
    assert "gorgeous" not in quotes
