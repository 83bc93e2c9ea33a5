"""Follow-ups: pronouns resolve to the previous turn's subject by kind; context is carried."""

from __future__ import annotations

import pytest

from assistant.answer.question import split_context
from assistant.followups import condense, names_in, referents


@pytest.mark.parametrize(
    ("question", "history", "expected"),
    [
        # he: the person the answer quotes when an organisation was asked about
        ("Did he say whether Moscow had received a formal request?",
         [("What did the Kremlin say about the meeting?",
           'Kremlin spokesperson Dmitry Peskov said that "President Putin will only welcome this."')],
         "Did Dmitry Peskov say whether Moscow had received a formal request?"),
        # he: the person the role phrase turned out to be
        ("Did he say anything about markdowns?",
         [("How did Nike's finance chief describe the outlook?", 'Matthew Friend said: "We are cautious."')],
         "Did Matthew Friend say anything about markdowns?"),
        # it: the organisation asked about, not its spokesperson
        ("Did it say anything about the merger?",
         [("What did Rivet Telecom say about the lawsuit?", 'Spokesperson Sarah Schmidt said: "No comment."')],
         "Did Rivet Telecom say anything about the merger?"),
        # its: the organisation, as a possessive
        ("What did its owner say?",
         [("What did Everton say about the chairman's death?", 'The club said it was "in mourning".')],
         "What did Everton's owner say?"),
        # he after a "who" question: the person the answer names
        ("Who did he sell a stake in the club to?",
         [("Who was the Everton chairman who died in October?", "Bill Kenwright, the theatre producer.")],
         "Who did Bill Kenwright sell a stake in the club to?"),
        # it after "which <thing>": the thing the answer names
        ("How much did it cost to make?",
         [("Which movie came third at the box office?", "Godzilla Minus One, with $11 million.")],
         "How much did Godzilla Minus One cost to make?"),
        ("What else did he say?", [("What did Greg Brockman say about the board?", 'He wrote: "We are shocked."')],
         "What else did Greg Brockman say?"),
        # after a "what did X say" turn, "what about Y" asks what X said about Y
        ("What about bond yields?",
         [("What else did he say?", 'Ben Clark said: "The bond market is retracing."')],
         "What did Ben Clark say about bond yields?"),
        ("And about Microsoft?", [("What did Kent Walker say?", 'Kent Walker said: "People use Google."')],
         "What did Kent Walker say about Microsoft?"),
        # he: the subject of the previous question, not a full name its answer happens to mention
        ("What did he say about the acquisition?",
         [("How long did Clark work at Acme?", "Clark spent 23 years at Acme, becoming one of Jane Doe's deputies.")],
         "What did Clark say about the acquisition?"),
        # his: the person the previous question asked about and its answer names again, not a name it brings in
        ("Did his coach expect him back on Thursday?",
         [("What happened to Geno Sims against the Rams?",
           "He hurt his elbow and Drew Locke replaced him, though Sims returned for the final drive.")],
         "Did Geno Sims's coach expect him back on Thursday?"),
        # ... but not an organisation the question named that the answer never names
        ("What did he say is weighing on shoppers?",
         [("How did the Annex Wealth Management economist describe spending?",
           "Brian Jacobs, chief economist at Annex, said spending had cooled.")],
         "What did Brian Jacobs say is weighing on shoppers?"),
        # he: a person, never an outlet whose name ends in "s" ("Sporting News", "The Times")
        ("How much did he cost?",
         [("Which quarterback did Sporting News pick for its lineup?", "Gardner Minshaw of the Colts.")],
         "How much did Gardner Minshaw cost?"),
    ],
)
def test_pronouns_resolve_by_kind(question: str, history: list[tuple[str, str]], expected: str) -> None:
    assert split_context(condense(question, history))[0] == expected


def test_only_the_first_pronoun_is_replaced() -> None:
    out = condense("Did he say anything about the scrutiny she's under?",
                   [("What did Travis Kelce say about Taylor Swift?", 'He said: "She is smart."')])
    assert split_context(out)[0] == "Did Travis Kelce say anything about the scrutiny she's under?"


def test_unresolved_reference_carries_the_previous_question() -> None:
    history = [("What were Uber's total bookings in the third quarter?", "About $35.3 billion.")]
    question, context = split_context(condense("How much of that came from delivery?", history))
    assert question == "How much of that came from delivery?"
    assert context == "What were Uber's total bookings in the third quarter?"
    # "it" cannot be the person a "who" question was answered with: the previous question is carried instead
    out = condense("And which former Treasury Secretary is on it?",
                   [("Who chairs OpenAI's new board?", "Bret Taylor.")])
    assert split_context(out) == ("And which former Treasury Secretary is on it?", "Who chairs OpenAI's new board?")


def test_questions_that_stand_alone_pass_unchanged() -> None:
    assert condense("What did Peskov say?", []) == "What did Peskov say?"
    assert condense("How many people were displaced in Gaza?", [("What did Peskov say?", "...")]) == (
        "How many people were displaced in Gaza?")


def test_referents() -> None:
    assert referents("What did the Kremlin say?", 'Kremlin spokesperson Dmitry Peskov said that "yes."') == (
        "Dmitry Peskov", "Kremlin")


def test_what_about_after_a_fact_question_is_not_made_a_speaker_question() -> None:
    out = condense("What about Shopify?", [("How much did Flexport pay for Deliverr?", "It paid $1.3 billion.")])
    assert split_context(out)[0] == "What about Shopify?"


PESKOV = [("What did Dmitry Peskov say about the meeting?",
           "Dmitry Peskov said: \u201cPutin will only welcome this\u201d [1]")]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What about Zelensky?", "What did Zelensky say about the meeting?"),  # another person, the same question
        ("And Donald Trump?", "What did Donald Trump say about the meeting?"),
        ("What about Ukraine?", "What did Dmitry Peskov say about Ukraine?"),  # a country is a topic
        ("What about sanctions?", "What did Dmitry Peskov say about sanctions?"),
        ("Anything else?", "What else did Dmitry Peskov say?"),
        ("Tell me more", "What else did Dmitry Peskov say about the meeting?"),  # more on the same topic
        ("Go on.", "What else did Dmitry Peskov say about the meeting?"),
        ("OK, more please", "What else did Dmitry Peskov say about the meeting?"),
    ],
)
def test_short_follow_ups_after_a_speaker_question(question: str, expected: str) -> None:
    assert condense(question, PESKOV) == expected


def test_it_is_the_work_the_previous_turn_set_in_quotation_marks() -> None:
    history = [("How much did Godzilla Minus One make in its opening weekend?",
                "\u201cGodzilla Minus One\u201d took third place with $11 million. [1]")]
    assert condense("How much did it cost to make?", history) == "How much did Godzilla Minus One cost to make?"


def test_its_is_the_organisation_the_previous_question_named() -> None:
    """"How much did Binance agree to pay in its settlement?" - "Who is its founder?": Binance's, even when the
    answer quotes a person; an owner ("OpenAI's board") is left to the context (see above)."""
    history = [("How much did Vantex agree to pay in its settlement?",
                "Vantex agreed to pay $4.3 billion, Jo Reyes said. [1]")]
    assert condense("Who is its founder?", history) == "Who is Vantex's founder?"


def test_she_is_not_someone_the_conversation_calls_he() -> None:
    history = [("What did Sam Alton say after he was fired?", "Sam Alton said: \u201cI loved my time there.\u201d [1]"),
               ("Who replaced him as CEO?", "Sam Alton will not return as CEO; Mira Murat will lead the company. [1]")]
    assert condense("What did she say?", history) == "What did Mira Murat say?"


def test_who_answered_with_a_sentence_is_its_first_full_name() -> None:
    history = [("Who is Vantex's founder?", "Less than three weeks later, Vantex founder Chang Peng pleaded guilty.")]
    assert condense("What did he plead guilty to?", history) == "What did Chang Peng plead guilty to?"


def test_what_about_another_person_two_turns_after_the_speaker_question() -> None:
    history = [("What did the Kremlin spokesperson say?", "Dmitry Peskov said: \u201cWe are open.\u201d [1]"),
               ("When did he say it?", "He told reporters on Friday. [1]")]
    assert condense("What about Zelensky?", history) == "What did Zelensky say?"


def test_a_short_question_about_the_something_goes_on_from_the_previous_turn() -> None:
    """"Who won the final?" - "What was the score?": the score of that final (the previous question is carried as
    context); a question naming its own subject stands alone."""
    history = [("Who won the Rugby World Cup final?", "South Africa beat New Zealand. [1]")]
    assert split_context(condense("What was the score?", history)) == ("What was the score?",
                                                                        "Who won the Rugby World Cup final?")
    assert condense("What was the score of the Ashes Test?", history) == "What was the score of the Ashes Test?"


def test_a_post_with_no_owner_is_the_organisation_the_conversation_is_about() -> None:
    history = [("Who is the new CEO of Openly?", "Openly appointed Emmet Shea as interim CEO. [1]"),
               ("When was he appointed?", "On Sunday night. [1]")]
    assert condense("What did the board say?", history) == "What did Openly's board say?"


def test_its_reaches_back_to_the_organisation_two_turns_before() -> None:
    history = [("How much did Nvidex earn in the third quarter?", "The indexed articles don't say."),
               ("How did that compare with a year earlier?", "Profit doubled. [1]")]
    assert condense("What did its CEO say?", history) == "What did Nvidex's CEO say?"


def test_what_about_another_person_keeps_the_topic_of_a_pronoun_speaker_question() -> None:
    history = [("What did Erik ten Haag say about the takeover?", "Erik ten Haag said: \u201cNo comment.\u201d [1]"),
               ("And what did he say about injuries?", "Erik ten Haag said: \u201cWe lost key players.\u201d [1]")]
    assert condense("What about Rashford?", history) == "What did Rashford say about injuries?"


def test_his_is_the_speaker_asked_about_when_the_quotes_shown_call_someone_else_she() -> None:
    """Pronouns inside the quotes the answer shows refer to others ('"… she doesn't talk," Kelce said'): they say
    nothing of the speaker's own pronoun, so "his" stays with the speaker asked about."""
    history = [("What did Tomas Varga say about Ilse Brandt?",
                "Varga said: \u201cI was disappointed that she doesn't talk before her shows.\u201d Varga also said: "
                "\u201cShe was great and her team was great.\u201d")]
    assert split_context(condense("And what did his brother say?", history))[0] == \
        "And what did Tomas Varga's brother say?"


@pytest.mark.parametrize(("text", "names"), [("Varga also said it.", ["Varga"]), ("Smith declined.", ["Smith"]),
                                             ("Abdullah al Saud spoke.", ["Abdullah al Saud"])])
def test_a_name_particle_is_a_word_of_its_own(text: str, names: list[str]) -> None:
    """'Varga also said' names Varga, not "Varga al": "al", "de", "ten" are particles only as words of their own."""
    assert names_in(text) == names


def test_he_after_who_is_a_person_is_that_person() -> None:
    """After "Who is Jim Roe?", "he" is Jim Roe, not the person the answer happens to quote or name first."""
    history = [("Who is Jim Roe?", "Sam Lee filled in for Jim Roe as the coach today. \u201cWe won,\u201d Lee said.")]
    assert condense("What did he say about the hearing?", history).startswith("What did Jim Roe say about the hearing")


@pytest.mark.parametrize(("previous", "expected"), [
    ("How much did Ravi Menon's contract with the Gulls cost?", "How long is Ravi Menon's contract?"),
    ("When does Orbix's new headset launch?", "How long is Orbix's new headset?"),
])
def test_it_after_a_possessed_subject_is_that_thing(previous: str, expected: str) -> None:
    """'How much did X's contract with Y cost?' - 'How long is it?': the contract, not Y nor X."""
    assert split_context(condense("How long is it?", [(previous, "A 10-year deal.")]))[0] == expected


def test_a_post_before_a_name_is_no_part_of_it() -> None:
    """'CTO Mira Murati' names Mira Murati: a follow-up asks about her, not about "CTO Mira Murati"."""
    assert names_in("Working against this is that CTO Lena Orsk was elevated; Chancellor Olaf Brandt spoke.")[1:] == \
        ["Lena Orsk", "Olaf Brandt"]


def test_a_very_short_question_naming_nothing_goes_on_from_the_previous_turn() -> None:
    """'When will deliveries start?' after a question about the Zentrax truck: about the truck."""
    history = [("What did Lena Orsk say about the Zentrax truck?", "Orsk said: \u201cIt is late.\u201d")]
    question, context = split_context(condense("When will deliveries start?", history))
    assert (question, context) == ("When will deliveries start?", "What did Lena Orsk say about the Zentrax truck?")


def test_a_short_question_with_a_name_of_its_own_stands_alone() -> None:
    history = [("What did Lena Orsk say about the Zentrax truck?", "Orsk said: \u201cIt is late.\u201d")]
    assert condense("When will Zentrax deliveries start?", history) == "When will Zentrax deliveries start?"


def test_a_follow_up_of_a_follow_up_carries_what_the_one_before_carried() -> None:
    """'What did Orsk say about the Zentrax truck?' - 'When will deliveries start?' - 'How much does it cost?': the
    truck, named two turns back, is what "it" is; the context keeps both questions."""
    history = [("What did Lena Orsk say about the Zentrax truck?", "Orsk said: \u201cIt is late.\u201d"),
               ("When will deliveries start?", "Deliveries start in May.")]
    assert condense("How much does it cost?", history) == "How much does Zentrax cost?"
    question, context = split_context(condense("And the range?", history))
    assert context == "When will deliveries start? What did Lena Orsk say about the Zentrax truck?"


@pytest.mark.parametrize("link", ["", "And ", "So "])
def test_a_link_word_carries_no_context_once_the_pronoun_is_resolved(link: str) -> None:
    """"And how many subscribers had she reached?" is the question "How many …?" is: once "she" is Jo Reid, the
    "And" it was asked with carries no earlier question along (that context dilutes the fact it asks for)."""
    history = [("How is Jo Reid spending her prize money?", "Reid said she will pay off her loans. [1]")]
    asked = f"{link}how many subscribers had she reached by Friday?"
    asked = asked[:1].upper() + asked[1:]
    question, context = split_context(condense(asked, history))
    assert (question.replace("Jo Reid", "Reid"), context) == (asked.replace("she", "Reid"), "")


def test_a_link_word_with_nothing_resolved_still_carries_the_context() -> None:
    history = [("How is Jo Reid spending her prize money?", "Reid said she will pay off her loans. [1]")]
    assert split_context(condense("And how many subscribers?", history))[1] == history[0][0]


@pytest.mark.parametrize(("question", "expected"), [
    ("Who trained her to use it?", "Who trained Ada Brandt to use it?"),
    ("Did anyone help her?", "Did anyone help Ada Brandt?"),
    ("Who gave her the award?", "Who gave Ada Brandt the award?"),
    ("Who is her coach?", "Who is Ada Brandt's coach?"),
    ("What did her mother say?", "What did Ada Brandt's mother say?"),
])
def test_her_as_an_object_takes_no_possessive(question: str, expected: str) -> None:
    """"her" before "to", a preposition, an article or the end is the person herself; before a noun, hers."""
    history = [("What sport does Ada Brandt play?", "Handball.")]
    assert split_context(condense(question, history))[0] == expected


def test_a_person_named_after_a_role_is_the_one_he_refers_to() -> None:
    """"What did former Harbour Labs head Dana Ortiz say ...?" then "he": Ortiz, not Harbour Labs, even when the
    first answer was a refusal that names no one."""
    first = "What did former Harbour Labs head Dana Ortiz say about tech in Calder?"
    assert referents(first, "The indexed articles don't say.")[0] == "Dana Ortiz"
    assert condense("And what did he say about the port?", [(first, "The indexed articles don't say.")]) == (
        "And what did Dana Ortiz say about the port?")


@pytest.mark.parametrize("question", ["And what did the label's boss say about it?",
                                      "What did Ilse Varga say about that?"])
def test_about_it_after_a_speaker_question_is_its_topic(question: str) -> None:
    """"What did X say about it?" after "What did Y say about the Dream Track?" asks X about the Dream Track, and a
    question "about it" with nothing before it has no topic (not the word "it")."""
    from assistant.answer.question import analyse_question
    history = [("What did Tomas Lind say about Vidzy's Dream Track?", "He said it protects artists. [1]")]
    asked = split_context(condense(question, history))[0]
    assert asked.endswith("say about Vidzy's Dream Track?")
    assert analyse_question(asked).topic == "Vidzy's Dream Track"
    assert analyse_question(question).speaker and analyse_question(question).topic == ""
