"""Organisations asked by what they are ("the crypto exchange", "the company", "Ruby Franke's law firm")."""

from __future__ import annotations

from answer.helpers import ask, chunks
from assistant.answer.question import analyse_question
from assistant.answer.quotations import is_role_phrase, resolve_speaker

EXCHANGE = """Zentrix, the world's largest crypto exchange, will leave the US market, Bloomberg reported.
Zentrix said it would "wind down operations in an orderly way" by March.
Regulator Halvard Brun said the exit was "overdue".
"""


def test_an_organisation_asked_by_the_noun_the_article_calls_it() -> None:
    found = resolve_speaker("the crypto exchange", chunks("zx", EXCHANGE))
    assert found.name == "Zentrix" and {f.quotation.speaker for f in found.found} == {"Zentrix"}
    assert resolve_speaker("the carmaker", chunks("zx", EXCHANGE)).found == []  # no carmaker in the article


LAYOFFS = """Pellway cuts 1,500 jobs.
Pellway said the cuts were "painful but necessary".
Tracker site Cutcount said "the running total for 2023 is 224,503".
"""


def test_the_company_the_topic_names_or_none() -> None:
    """"the layoffs at Pellway": the company is Pellway; "the layoffs at Quorvo" names no quoted company, so the
    company is nobody (not Pellway, not the tracker site)."""
    assert resolve_speaker("the company", chunks("lay", LAYOFFS), "the layoffs at Pellway").name == "Pellway"
    assert resolve_speaker("the company", chunks("lay", LAYOFFS), "the layoffs at Quorvo").found == []


FIRM = """Tamsin Oakhurst pleads guilty.
Oakhurst's attorney did not return calls. "Tamsin Oakhurst is a devoted mother," Pembrook Law said in a statement.
"""


def test_a_firm_named_by_its_kind() -> None:
    """"Tamsin Oakhurst's law firm": Pembrook Law, whose name says its kind, though the article never writes "firm"."""
    found = resolve_speaker("Tamsin Oakhurst's law firm", chunks("firm", FIRM))
    assert [f.quotation.quote for f in found.found] == ["Tamsin Oakhurst is a devoted mother"]


def test_organisation_nouns_make_speaker_questions_and_a_capitalised_one_is_a_name() -> None:
    assert analyse_question("What did the carmaker say about the recall?").speaker == "the carmaker"
    assert analyse_question("What did the streaming platform say about the revenue split?").speaker == \
        "the streaming platform"
    assert is_role_phrase("the crypto exchange")
    assert not is_role_phrase("the Bank for International Settlements")


CLUB = """Everly Rovers mourn their chairman.
"He was the heart of this club," Everly Rovers said in a statement.
Former Everly Rovers and England forward Dale Pike said: "Devastated to hear the news."
"""


def test_a_former_player_does_not_speak_for_the_club() -> None:
    found = resolve_speaker("Everly Rovers", chunks("club", CLUB))
    assert found.found and {f.quotation.speaker for f in found.found} == {"Everly Rovers"}


PLAN = """Norway's data watchdog Datatilsynet wants to extend its ban on Orvane's ad plan.
Orvane said the plan "complies with the law".
Datatilsynet, the country's privacy regulator, said the ban "must stand".
"""


def test_a_regulator_is_not_the_company_the_topic_names() -> None:
    """"the regulator" of "Orvane's ad plan" is the one the article calls the regulator, not Orvane."""
    found = resolve_speaker("the regulator", chunks("plan", PLAN), "Orvane's ad plan")
    assert found.name == "Datatilsynet"


def test_the_company_of_a_follow_up_is_the_one_the_turn_before_named() -> None:
    passages = chunks("lay", LAYOFFS) + chunks("zx", EXCHANGE)
    ans = ask("What did the company say? (following up on: How many jobs did Pellway cut?)", passages, embed=None)
    assert ans.answered and {c.speaker for c in ans.citations} == {"Pellway"}


def test_one_word_before_on_is_a_name_only_if_the_articles_never_write_it_in_lower_case() -> None:
    """"Impact on jobs?": the article writes "impact" in lower case, so it is a fact question, not a speaker's;
    "Pellway on the cuts?" asks Pellway."""
    text = "Pellway cuts 1,500 jobs.\nThe impact on jobs in the region will be severe, with 1,500 posts lost.\n" + \
        'Pellway said the cuts were "painful but necessary".\n'
    impact = ask("Impact on jobs?", chunks("lay", text), embed=None)
    assert impact.answered and "never quote" not in impact.answer and "impact on jobs" in impact.citations[0].quote
    spoken = ask("Pellway on the cuts?", chunks("lay", text), embed=None)
    assert spoken.answered and {c.speaker for c in spoken.citations} == {"Pellway"}


def test_a_person_of_an_organisation_is_that_person_not_the_organisation() -> None:
    """"Helen Tam of IMPALA": Tam's words, not those credited to IMPALA; "the Bank of Lorne" stays an organisation."""
    text = ("IMPALA said the loss would reach \u20ac125 million a year, citing its own study.\n\n"
            "\u201cWe have been calling on the Commission to act since 2020,\u201d said IMPALA executive chair "
            "Helen Tam.\n\n"
            "\u201cRates will stay high,\u201d the Bank of Lorne said in a statement.\n")
    passages = chunks("im", text)
    found = resolve_speaker("Helen Tam of IMPALA", passages)
    assert [f.quotation.speaker for f in found.found] == ["Helen Tam"]
    assert {f.quotation.speaker for f in resolve_speaker("the Bank of Lorne", passages).found} == {"The Bank of Lorne"}


def test_an_advocate_is_a_post() -> None:
    """"the Lumen Bank advocate": the person the article calls "consumer financial advocate at Lumen Bank"."""
    text = ("Shoppers with student loans are cutting back on gifts this year.\n\n"
            "\u201cLoan payments add another line item into holiday budgets,\u201d said Cora Alba, consumer financial "
            "advocate at Lumen Bank.\n\n"
            "\u201cWe are cutting back,\u201d said Nia Todd, a shopper.\n")
    assert is_role_phrase("the Lumen Bank advocate")
    found = resolve_speaker("the Lumen Bank advocate", chunks("lb", text))
    assert {f.quotation.speaker for f in found.found} == {"Cora Alba"}
