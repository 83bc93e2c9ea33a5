"""Statements whose speaker comes after them: '…, X told CNBC.', '…, said X, co-founder of Y', 'If A, B, X said.',
a partial quote inside the statement ('… "can cover a field," notes X'), plural subjects in the base form ('Analysts
agree that …'). Invented prose with names the corpus does not use; guard cases pin what must stay unattributed."""

from __future__ import annotations

import pytest
from quotations_helpers import speakers as _all

from index.quotations import extract_quotations


def _reported(text: str) -> dict[str, str]:
    return {q.quote: q.speaker for q in extract_quotations(text) if q.kind == "reported"}


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        ("A breakthrough next year is also unlikely, two defense analysts told Radio Halvard.",
         "A breakthrough next year is also unlikely", "two defense analysts"),
        ("Oriel Fandango is an adviser. If you are planning to borrow, it is best to be careful, Fandango said.",
         "If you are planning to borrow, it is best to be careful", "Oriel Fandango"),
        ("Nothing in the report should sway the bank when it meets, said Tamsin Orbell, chief strategist at Quell.",
         "Nothing in the report should sway the bank when it meets", "Tamsin Orbell"),
        ("Tamsin Orbell studies fungi. In fact, the root network in one gram of soil “can cover a tennis court,” "
         "notes Tamsin Orbell.", "In fact, the root network in one gram of soil “can cover a tennis court",
         "Tamsin Orbell"),
        ("The vote is close. Defense analysts agree that much of the outlook depends on the vote.",
         "much of the outlook depends on the vote", "Defense analysts"),
        ("Ambrose Quill is a priest. Temptation, said Quill, is something experienced by everyone.",
         "is something experienced by everyone", "Ambrose Quill"),
    ],
)
def test_the_speaker_after_the_statement(text: str, quote: str, speaker: str) -> None:
    assert _reported(text).get(quote) == speaker


@pytest.mark.parametrize(
    "text",
    [
        # an appositive after an inverted speaker is no statement of theirs
        "Walking is not the hardest problem, said Ivo Tressler, co-founder and CEO of Quillmark Robotics.",
        # a verb in the base form after "to" or a modal is no statement
        "Regulators need to explain that decision to the court.",
        # the narration before a colon that introduces a quote
        "Edda Voss was streaming when the images went up, and she posted this on Monday: “They doxxed me,” wrote Voss.",
    ],
)
def test_what_is_not_the_speakers_report(text: str) -> None:
    got = _reported(text)
    assert not any(q.startswith(("co-founder", "that decision", "Edda Voss was")) for q in got), got


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # the writer's gloss after a dash is not the speaker's
        ("Shares in Quellbrook rose. In a post on Monday, Quellbrook said it expects to ship the game next year - "
         "meaning fans may play it by spring.", "it expects to ship the game next year", "Quellbrook"),
        # a clause that opens on a frequency adverb
        ("Ivo Tressler builds robots. Tressler said sometimes the path of development is not a straight line.",
         "the path of development is not a straight line", "Ivo Tressler"),
        # the body that speaks for its owner
        ("Talks stalled in Veloria. Still, Veloria’s leadership says that the reforms will go ahead.",
         "the reforms will go ahead", "Veloria"),
    ],
)
def test_clause_ends_adverbs_and_collective_voices(text: str, quote: str, speaker: str) -> None:
    assert _reported(text).get(quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # one opening word before the aside: the statement is all of what follows it
        ("Orrin Vesk runs the lab. “It is cheap now,” Vesk explained. But, he added, fees were not the only tool.",
         "fees were not the only tool", "Orrin Vesk"),
        ("Ric Tamberlane designed the hall. Critically, says Tamberlane, the staging is simple in real terms.",
         "the staging is simple in real terms", "Ric Tamberlane"),
        # a participle of speech after a direct quote
        ("Orrin Vesk runs the lab. “These two things are not exclusive,” Vesk said, concluding that other labs "
         "would follow.", "other labs would follow", "Orrin Vesk"),
    ],
)
def test_an_opening_word_before_the_aside_and_a_closing_participle(text: str, quote: str, speaker: str) -> None:
    assert _reported(text).get(quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        ("“We may change the threshold later,” a Commission official told reporters on Monday.\n\n"
         "“The rules were not written with any one company in mind,” they added.",
         "The rules were not written with any one company in mind", "a Commission official"),
        ("A recovery next year is unlikely, military analysts told Radio Halvard. They predict hard fighting into "
         "the spring but say the lines will barely move.", "the lines will barely move", "military analysts"),
    ],
)
def test_they_goes_on_with_the_unnamed_source_just_quoted(text: str, quote: str, speaker: str) -> None:
    """A singular "they" for an anonymous official, a plural one for a group of analysts: the unnamed source whose
    words come just before."""
    assert _all(text).get(quote) == speaker


def test_they_after_a_named_person_or_a_group_of_people_is_left_alone() -> None:
    """"they" after a named person's quote, or after narration about a band, names nobody."""
    text = ("“We will tour again next year,” Marla Quist said.\n\n"
            "The band's members met at school. “We never planned any of this,” they said.")
    assert _all(text).get("We never planned any of this") is None


def test_the_unnamed_source_named_again_by_its_noun_is_the_same_source() -> None:
    """"the official said" after "a Commission official told reporters": one source, unless two officials spoke."""
    one = ("“We may change the threshold later,” a Commission official told reporters on Monday.\n\n"
           "“There are no official sources on this,” the official said.")
    assert _all(one).get("There are no official sources on this") == "a Commission official"
    two = ("“We may change the threshold later,” a Commission official told reporters.\n\n"
           "“We will not,” a White House official said.\n\n“There are no official sources on this,” the official said.")
    assert _all(two).get("There are no official sources on this") == "the official"


def test_he_after_an_appositive_naming_someone_else_by_possessive_is_the_one_described() -> None:
    """"For Rory Calder, Duval's opposite number, his tenure ends. '…,' he said": Calder, whom the appositive
    describes, not Duval, who is only its possessive (and spoke before); a plain possessive still counts."""
    text = ("“We are happy to qualify,” Henri Duval said.\n\n"
            "For Rory Calder, Duval's opposite number, his tenure ends in disappointment.\n\n"
            "“I would like to take this team forward,” he said.")
    assert _all(text).get("I would like to take this team forward") == "Rory Calder"
    plain = ("“We are happy to qualify,” Henri Duval said.\n\n"
             "Duval's side won again on Sunday.\n\n“We can go further,” he said.")
    assert _all(plain).get("We can go further") == "Henri Duval"


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [  # the outlet told is not "the company"
        ("Streamers have left Vexel in droves.\n\nVexel did not respond to our request for comment. In a statement "
         "to 404 Media, the company said that it reviews its policies often.", "it reviews its policies often",
         "Vexel"),
        # two organisations spoke: the statement is the one that spoke just before's
        ("The Daily Ledger reported that Orvant sold cameras to the police. But Orvant previously told the Ledger "
         "that it “has followed all applicable laws.”\n\n“Orvant has never knowingly broken the law,” the "
         "company’s statement reads.", "Orvant has never knowingly broken the law", "Orvant"),
    ],
)
def test_the_company_is_the_organisation_that_speaks_not_the_one_told(text: str, quote: str, speaker: str) -> None:
    assert _all(text).get(quote) == speaker


def test_a_short_answer_is_speech_and_a_verb_before_and_said_keeps_the_subject() -> None:
    """'"Yes, Senator," Fraser replied.' is an answer, not a title ("Yes Sir, I Can Boogie" still is one); "Brown
    (D-Ohio) disagreed and said any ..." is Brown's report."""
    text = ("Jane Fraser runs the bank.\n\n“Is the bank profitable?” Menendez asked Fraser.\n\n“Yes, Senator,” Fraser "
            "replied.\n\nThe band sang “Yes Sir, I Can Boogie” at the hearing's end, Fraser said.\n\nIn contrast, "
            "committee chair Senator Sherrod Brown (D-Ohio) disagreed and said any reduced lending would be due to "
            "riskier bets.")
    found = _all(text)
    assert found.get("Yes, Senator") == "Jane Fraser"
    assert "Yes Sir, I Can Boogie" not in found
    assert found.get("any reduced lending would be due to riskier bets") == "Sherrod Brown"


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [  # a scare quote earlier in the sentence bounds nothing: the clause before ", saying" still has its subject
        ("In 2021, Quentin Tarantino defended his plan to make “just” 10 movies and retire, saying, “I know film "
         "history, and directors do not get better.”", "I know film history, and directors do not get better.",
         "Quentin Tarantino"),
        # a he after a fronted participle clause is the sentence's subject, as if the sentence opened on it
        ("Seth Rollins spoke on a podcast. Referring to him as Chicago Phil, he said that he is as selfish as "
         "another talent.", "he is as selfish as another talent", "Seth Rollins"),
    ],
)
def test_a_scare_quote_or_a_fronted_clause_does_not_hide_the_speaker(text: str, quote: str, speaker: str) -> None:
    assert _all(text).get(quote) == speaker


def test_an_organisation_by_its_acronym_after_a_heading_and_a_participle_after_also() -> None:
    """A heading "Every PGMOL apology" names no person "Every PGMOL"; "The PGMOL issued a statement ... stating"
    is the body the article spelled out; "also stating that" goes on with the speaker ("also claiming a pair of
    victims" is no speech)."""
    text = ("The Professional Game Match Officials Limited (PGMOL) has apologised often.\n\nEvery PGMOL apology\n\n"
            "The PGMOL issued a statement after the match stating the goal should have stood.\n\n"
            "Seth Rollins called him a “cancer” also stating that he should stay away.\n\n"
            "Reece Topley was even better, also claiming a pair of victims but conceding only 17.")
    found = _all(text)
    assert found.get("the goal should have stood") == "Professional Game Match Officials Limited"
    assert found.get("he should stay away") == "Seth Rollins"
    assert not any("victims" in q for q in found)


def test_as_he_put_it_before_a_quote() -> None:
    """'As he put in a video for the festival, "…"': his words ("As it stands, ..." names nobody)."""
    text = ("“I was nervous,” Danny Elfman said.\n\nAs he put in a video for the festival, “Coming out as myself "
            "was terrifying.”\n\nAs it stands, “the show” is sold out.")
    found = _all(text)
    assert found.get("Coming out as myself was terrifying.") == "Danny Elfman"
    assert found.get("the show") is None


def test_an_online_creator_known_by_one_handle_is_a_person_with_a_post() -> None:
    """"Independent VTuber KoiKuri": a post ("VTuber", like "streamer" or "influencer") and a one-word name, whom
    "she says" goes on with."""
    text = ("Independent VTuber KoiKuri feels that “corporate VTubing” still works for some.\n\n"
            "“I think VTubing content has become kind of stale,” she says.")
    found = {q.quote: (q.speaker, q.role) for q in extract_quotations(text)}
    assert found.get("I think VTubing content has become kind of stale") == ("KoiKuri", "Independent VTuber")


def test_the_role_again_is_the_unnamed_source_a_sentence_just_before_opened_on() -> None:
    """"A Lumo spokesperson rejected that. '…,' the spokesperson said": the same spokesperson, though the first
    sentence quotes nobody; with no such sentence before, "the spokesperson" stays as written."""
    text = ("A Lumo spokesperson rejected that characterization. \u201cKai Moreno returned as CEO to restore our "
            "culture,\u201d the spokesperson said in a statement.")
    assert _all(text).get("Kai Moreno returned as CEO to restore our culture") == "A Lumo spokesperson"
    alone = "The board met on Monday. \u201cWe stand by our account,\u201d the spokesperson said."
    assert _all(alone).get("We stand by our account") == "the spokesperson"
