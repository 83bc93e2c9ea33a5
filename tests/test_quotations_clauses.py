"""Speakers found through the shape of the clause: an appositive between a name and its verb, an expletive
"It comes as X … and said", a full name whose verb names the words that follow, the order of a sentence's speakers.

Invented prose with names the corpus does not use; guard cases pin what must stay unattributed.
"""

from __future__ import annotations

import pytest
from quotations_helpers import speakers as _speakers

from index.quotations import extract_quotations


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # an appositive between the name and the verb, the statement in a participle after the main clause
        ("Dr. Irma Vantongeren, chief executive of Harbour Health, announced the hire on Tuesday, noting the "
         'hospital had "only begun to use the new scanners."', "only begun to use the new scanners.",
         "Irma Vantongeren"),
        # "It comes as …": the subject of the clause the speech verb is coordinated with, not "it"
        ("It comes as Teodor Marchetti embraced the underdog tag and said he hoped the club would grow.",
         "he hoped the club would grow", "Teodor Marchetti"),
        # a full name whose verb names the words that follow, speaking nowhere else in the article
        ('Senator Olwen Pritchard called the ruling "a gift to polluters" on Monday.', "a gift to polluters",
         "Olwen Pritchard"),
        ('Analyst Bertrand Okafor described the merger as "overdue and overpriced."', "overdue and overpriced.",
         "Bertrand Okafor"),
        # a full name that posted or wrote, the quote after a participle that is no verb of speech
        ("Mayor Lucinda Ferraro posted on social media, praising the volunteers' willingness to \"turn up in the "
         'rain and stay until dark."', "turn up in the rain and stay until dark.", "Lucinda Ferraro"),
    ],
)
def test_the_clause_names_the_speaker(text: str, quote: str, speaker: str) -> None:
    assert _speakers(text).get(quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # passive after the appositive: the question is the asker's, not the subject's
        ('Piet Hollander, the co-founder of the firm, was asked by prosecutor Dana Whitcombe on Thursday, "Did you '
         'move the money?"', "Did you move the money?"),
        # the second of two joined subjects does not own what both called for
        ('Senator Ava Lindqvist and Representative Omar Kessling called on the companies to "publish every '
         'contract in full."', "publish every contract in full."),
        # a saying someone believes in is not their words
        ('Country singer Wade Pellham believes in the old saying: "measure twice, cut once."',
         "measure twice, cut once."),
        # an expletive subject with no clause before the verb: nobody speaks
        ("It was a long day for the club and said nothing about the future.", None),
    ],
)
def test_the_clause_names_no_speaker(text: str, quote: str | None) -> None:
    found = _speakers(text)
    assert (found == {}) if quote is None else (quote not in found)


def test_he_after_two_speakers_in_one_sentence_is_the_one_whose_words_came_last() -> None:
    """A partial quote found after the sentence's colon quote still comes first in the text: "he" in the next
    sentence is the speaker of the later words."""
    text = ('"It was over fast," Rosalind Achterberg said on air.\n\n'
            'Commentator Rosalind Achterberg described the finish as "brutal and brilliant" while fellow pundit '
            'Matthias Quenneville added: "Nobody in the division hits that hard."\n\n'
            '"He ended it with one clean shot," he added.')
    found = _speakers(text)
    assert found.get("brutal and brilliant") == "Rosalind Achterberg"
    assert found.get("Nobody in the division hits that hard.") == "Matthias Quenneville"
    assert found.get("He ended it with one clean shot") == "Matthias Quenneville"


def test_a_corporate_suffix_alone_is_no_organisation() -> None:
    """"Quillfire, Inc.": "the company" afterwards is not a company called "Inc"."""
    text = ("Dana Orlov has been removed from Quillfire, Inc., the nonprofit that governs the start-up.\n\n"
            "In a post on its blog, the company writes that the review \u201cfound grave failures of oversight.\u201d")
    assert not {s for s in _speakers(text).values() if s.rstrip(".").lower() in ("inc", "corp", "ltd")}


@pytest.mark.parametrize(
    ("text", "speaker", "clause"),
    [
        # a clause that opens on a pronoun contracted with its verb
        ("Coach Wilhelmina Strand spoke on Monday. Strand said that she\u2019s not sure about the squad.",
         "Wilhelmina Strand", "she\u2019s not sure about the squad"),
        ("Agnieszka Wolanski met the press. Wolanski clarified that they're still talking to the club.",
         "Agnieszka Wolanski", "they're still talking to the club"),
        # a named listener, then the clause with no "that" ("told Reuters arrest records are …")
        ("A Ferrovia spokesperson told Reuters arrest records are incomplete and often wrong.",
         "A Ferrovia spokesperson", "arrest records are incomplete and often wrong"),
        ("Agnieszka Wolanski told Radio Kestrel listeners the bridge would reopen in May.",
         "Agnieszka Wolanski", "the bridge would reopen in May"),
        # "went on to explain", "goes on to say", "continues to maintain": the verb after "go on to" / "continue to"
        ("\u201cIt is fine,\u201d Odile Marchand said. She went on to explain that the club had waited too long.",
         "Odile Marchand", "the club had waited too long"),
        ("General manager Tomas Brevik continues to maintain they will explore a long-term deal.",
         "Tomas Brevik", "they will explore a long-term deal"),
        # the present tense of verbs the article also uses in the past
        ("Ruben Castellano spoke on Monday. Castellano clarifies that he will not testify on Friday.",
         "Ruben Castellano", "he will not testify on Friday"),
        # a clause whose subject opens on a hyphenated word ("father-son prospect ...", "long-term rates ...")
        ("Dario Vellutini believes father-son prospect Emil Ravn has shown enough to be drafted.",
         "Dario Vellutini", "father-son prospect Emil Ravn has shown enough to be drafted"),
        ("Economist Marta Quell said long-term rates would rise in the spring.",
         "Marta Quell", "long-term rates would rise in the spring"),
    ],
)
def test_reported_clauses_in_more_forms(text: str, speaker: str, clause: str) -> None:
    assert _speakers(text).get(clause) == speaker


def test_a_name_followed_by_a_contracted_pronoun_is_a_person() -> None:
    """"Marguerite said she'd …": "she'd" shows a person as "she" does (a lone word is an organisation otherwise)."""
    found = [q for q in extract_quotations("Marguerite said she'd come back to the club next year.")]
    assert [(q.speaker, q.speaker_type) for q in found] == [("Marguerite", "person")]


def test_an_epithet_with_a_quoted_title_is_the_person_in_focus_whose_pronoun_fits() -> None:
    """'The "Silver Rain" singer revealed that she …': a description that opens on "the" past its quoted title, for
    the person just spoken of, skipping one the article calls "he"."""
    text = ("Marisol Quintero is touring again this winter.\n\n"
            "\u201cI missed the road,\u201d Quintero said.\n\n"
            "Dario Feldt said he would travel with the band.\n\n"
            "The \u201cSilver Rain\u201d singer revealed that she had written the song in a single night.")
    assert _speakers(text).get("she had written the song in a single night") == "Marisol Quintero"


@pytest.mark.parametrize(
    ("text", "speaker", "clause"),
    [
        # '…, X said in an interview.': a phrase of where it was said closes the sentence
        ("That is barely a tenth of the market, Brightwave COO Odile Marchand said in an interview.",
         "Odile Marchand", "That is barely a tenth of the market"),
        ("Odile Marchand spoke. The firm has picked Chile as its next market, Marchand said at the company\u2019s "
         "launch in Santiago.", "Odile Marchand", "The firm has picked Chile as its next market"),
        # a quote inside the statement that runs on after it is no caption glued to a quote
        ("The merger \u201cis indeed a surprise as she had opposed it\u201d for years, said analyst Odile Marchand.",
         "Odile Marchand", "The merger \u201cis indeed a surprise as she had opposed it\u201d for years"),
    ],
)
def test_a_statement_before_its_speaker(text: str, speaker: str, clause: str) -> None:
    assert _speakers(text).get(clause) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Kowalczyk hits Baptiste, a call that is upheld after Tomasz Orlicki asked for a review.",
        "With listings tightening abroad, investors who once relied on them are no longer assured of an exit route.",
        "Its rules were a core inspiration for the guide to caving, a book I wrote in 2019.",
    ],
)
def test_no_statement_before_these_verbs(text: str) -> None:
    assert _speakers(text) == {}


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("Marlow Foods said in October it will begin testing the robots in its warehouses.",
         "it will begin testing the robots in its warehouses"),
        ("Marlow Foods said on Monday it will begin testing the robots in its warehouses.",
         "it will begin testing the robots in its warehouses"),
        ("Tomas Reyes said in a statement he would step down at the end of the season.",
         "he would step down at the end of the season"),
    ],
)
def test_a_clause_opening_on_a_pronoun_after_a_time_or_a_statement(text: str, clause: str) -> None:
    """'said in October it will …', 'said in a statement he would …': no "that" and no comma after the adjunct."""
    assert clause in _speakers(text)


def test_a_noun_after_the_adjunct_opens_no_clause_this_way() -> None:
    """'said in the end it …' is no time phrase nor a place something is said: not read as 'said …, it …'."""
    assert _speakers("Tomas Reyes said in the end it was a fair result for both of the sides.") == {}
