"""Reported speech forms on small invented texts: each case is one rule of news prose."""

from __future__ import annotations

import pytest

from index.quotations import extract_quotations

INTRO = "Port director Hana Velez met the unions on Monday.\n"


def _reported(text: str) -> list[tuple[str, str]]:
    return [(q.speaker, q.quote) for q in extract_quotations(text) if q.kind == "reported"]


@pytest.mark.parametrize(
    ("text", "speaker", "quote"),
    [
        # a clause with no "that", opened by a name or a noun phrase
        (INTRO + "Velez said Harlow Shipping had cancelled the contract.", "Hana Velez",
         "Harlow Shipping had cancelled the contract"),
        (INTRO + "Velez announced the terminal would reopen in May.", "Hana Velez", "the terminal would reopen in May"),
        # the person told, then the clause
        (INTRO + "Velez told Reuters the strike would cost millions.", "Hana Velez", "the strike would cost millions"),
        (INTRO + "Velez told reporters on Tuesday that the cranes were unsafe.", "Hana Velez",
         "the cranes were unsafe"),
        # an aside between the subject and the verb
        (INTRO + "Velez, for example, shared that the port had lost two clients.", "Hana Velez",
         "the port had lost two clients"),
        # thinking and expecting are reported too
        (INTRO + "Velez believes the dispute will end by Friday.", "Hana Velez", "the dispute will end by Friday"),
        # unnamed sources with their modifiers
        ("Sources in the shipping industry say that rates have doubled since June.",
         "Sources in the shipping industry", "rates have doubled since June"),
        ("One source who was briefed on the talks said the unions had softened.",
         "One source who was briefed on the talks", "the unions had softened"),
        ("Multiple sources confirmed both firms had bid for the terminal.", "Multiple sources",
         "both firms had bid for the terminal"),
        # coordinated with another verb, or a participle after the main clause
        (INTRO + "Velez rejected the offer and said the unions wanted too much.", "Hana Velez",
         "the unions wanted too much"),
        (INTRO + "Ahead of the vote, Velez rejected the offer, saying the unions wanted too much.", "Hana Velez",
         "the unions wanted too much"),
        (INTRO + "The unions want nothing from the port, Velez said, adding that some members had left.", "Hana Velez",
         "some members had left"),
        ("But a dockers' group called for a strike and said it had no confidence in the board.", "a dockers' group",
         "it had no confidence in the board"),
        # the statement before ", X said" (any speech verb), and what follows it
        (INTRO + "Freight volumes will fall this winter, Velez cautioned.", "Hana Velez",
         "Freight volumes will fall this winter"),
        (INTRO + "The cranes are old, Velez said, which makes every lift slower.", "Hana Velez",
         "which makes every lift slower"),
        # after a semicolon, only the clause the tag closes is the speaker's; "May" before the comma is a month
        (INTRO + "The cranes were sold; the port has \u201cnot hired anyone since May,\u201d Velez said.", "Hana Velez",
         "the port has \u201cnot hired anyone since May"),
        (INTRO + "The unions, meanwhile, met on Monday; the port has \u201cnot hired anyone since May to date,\u201d "
         "Velez said, which speaks to its troubles.", "Hana Velez", "the port has \u201cnot hired anyone since May to "
         "date"),
        ("Ports are hiring more engineers, said Dr. Omar Haddad, a logistics expert at the university.", "Omar Haddad",
         "Ports are hiring more engineers"),
        (INTRO + 'That plan would have been "reckless," Velez said.', "Hana Velez",
         'That plan would have been "reckless'),
        # "according to" at the start, the end or in the middle; a document's author
        (INTRO + "The talks failed on Friday when, according to Velez, the unions walked out.", "Hana Velez",
         "the unions walked out"),
        ("Traders expect rates to hold in March, according to data from Halvard Group.", "Halvard Group",
         "Traders expect rates to hold in March"),
        ("The terminal will be sold next year, according to a press release.", "a press release",
         "The terminal will be sold next year"),
        (INTRO + "As per Velez, it was the board who asked for the sale.", "Hana Velez",
         "it was the board who asked for the sale"),  # "as per X", the credit "according to X" in other words
    ],
)
def test_reported_form(text: str, speaker: str, quote: str) -> None:
    assert (speaker, quote) in _reported(text)


@pytest.mark.parametrize(
    "text",
    [
        INTRO + "Harlow Shipping reported revenue that fell short of forecasts for the first time.",
        INTRO + "Velez then explained how her team shaped that decision over the summer.",
        INTRO + "Velez did not say what she expected the final cost to be in the end.",
        INTRO + "Velez said goodbye to the crew.",
        INTRO + "After the meeting I packed my things, but still, the new office feels like a different world.",
    ],
)
def test_not_a_reported_clause(text: str) -> None:
    assert _reported(text) == []


def test_a_participle_after_the_parenthetical_is_narration() -> None:
    text = INTRO + "It was a long night, Velez said, pointing to the empty quay."
    assert _reported(text) == [("Hana Velez", "It was a long night")]


def test_a_verb_inside_a_reported_clause_is_part_of_it() -> None:
    text = INTRO + "Velez said she thinks most shippers do not understand the risk."
    assert _reported(text) == [("Hana Velez", "she thinks most shippers do not understand the risk")]


@pytest.mark.parametrize(
    ("text", "speaker", "quote"),
    [
        # an organisation referred to by a description, or by "it" in its own sentence
        ("Harlow Athletic Club confirmed the sale on Monday.\nThe Premier League club said the buyer had paid in full.",
         "Harlow Athletic Club", "the buyer had paid in full"),
        ("Shares in Norvex fell.\nNorvex issued a statement in which it noted the chief executive would leave in May.",
         "Norvex",
         "the chief executive would leave in May"),
        # a document speaks for whoever issued it; an unsigned one speaks for itself
        ('Norvex Corp said the sale was complete.\n"The company is in good hands," the statement said.',
         "Norvex Corp", "The company is in good hands"),
        ('"He was a giant of the stage," a family statement read.', "a family statement",
         "He was a giant of the stage"),
    ],
)
def test_organisations_and_documents(text: str, speaker: str, quote: str) -> None:
    assert (speaker, quote) in [(q.speaker, q.quote) for q in extract_quotations(text)]


@pytest.mark.parametrize(
    ("text", "speaker", "quote"),
    [
        (INTRO + "Velez said they’re going to come back on Monday.", "Hana Velez",
         "they’re going to come back on Monday"),
        (INTRO + "Velez expects revenue growth to be up slightly next year.", "Hana Velez",
         "revenue growth to be up slightly next year"),
        (INTRO + "Velez said the behaviour of the harbour master, a former captain, didn’t meet expectations.",
         "Hana Velez", "the behaviour of the harbour master, a former captain, didn’t meet expectations"),
        (INTRO + "Velez believes three-day strikes would hurt the smaller firms most.", "Hana Velez",
         "three-day strikes would hurt the smaller firms most"),
    ],
)
def test_clause_subjects(text: str, speaker: str, quote: str) -> None:
    assert (speaker, quote) in _reported(text)


@pytest.mark.parametrize(
    "text",
    [
        INTRO + "Velez announced the hire on LinkedIn, noting nothing else.",  # an object, not a clause
        "Harlow Shipping reported revenue Thursday that fell short of forecasts.",  # a relative clause
        "Traders expect the port to reopen in March, according to data from Halvard Group.",  # credited as a whole
        # "adds" and "claimed" take plain objects too; an adjunct clause after the object is no statement
        "And Harbour Pass adds a free ferry ride to your ticket with improved seats for you and your family.",
        INTRO + "Velez claimed the last meeting as Harlow won the bid 5-4 in court last time around.",
    ],
)
def test_no_clause_of_the_verb(text: str) -> None:
    assert [q for q in _reported(text) if q[0] != "Halvard Group"] == []


def test_a_statement_cut_by_an_aside_is_not_reported_in_pieces() -> None:
    """Before ", it claimed," the words end on "would": one statement runs across the aside, and neither part
    alone is what was said."""
    text = ("Harlow said on Monday that its sales rose. Harlow has marketed facial-recognition features that would, "
            "it claimed, automatically detect faulty parts.")
    assert _reported(text) == [("Harlow", "its sales rose")]


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        # a person "of" an outlet or body: the person speaks, the outlet is their role
        ("Alden Marsh of ESPN wrote last week that the striker will be available.", "Alden Marsh", "of ESPN"),
        ("Jane Okoro of the BBC said that the talks had failed.", "Jane Okoro", "of the BBC"),
        # a capitalised role with an organisation word in it is still a role: the person after it speaks
        ("Chief Soccer Officer Chris Hale said that the tour was set.", "Chris Hale", "Chief Soccer Officer"),
    ],
)
def test_the_person_not_the_outlet_speaks(text: str, speaker: str, role: str) -> None:
    got = [(q.speaker, q.role) for q in extract_quotations(text) if q.kind == "reported"]
    assert got == [(speaker, role)]


def test_an_epithet_is_the_person_in_focus_a_bare_office_is_not() -> None:
    text = ("Jada Okoro spoke on Monday.\nOkoro was candid about the year.\n"
            "The actor confirmed that she had moved out in 2016.\nThe president said that no rule had changed.")
    assert _reported(text) == [("Jada Okoro", "she had moved out in 2016")]


def test_the_description_of_someone_just_named_is_them() -> None:
    """"the committee chairman said": nobody has that role, so it is the person in focus (as he/she would be),
    here someone whose surname opens a sentence."""
    text = ("Jim Jordan lost the vote on Tuesday.\nJordan left the room without a word.\n"
            "\"We will keep going,\" the committee chairman said.")
    assert [(q.speaker, q.kind) for q in extract_quotations(text)] == [("Jim Jordan", "direct")]


@pytest.mark.parametrize(
    ("text", "speaker", "quote"),
    [
        (INTRO + "In her opinion, the port needs a second terminal.", "Hana Velez", "the port needs a second terminal"),
        (INTRO + "In Velez's view, the strike was avoidable.", "Hana Velez", "the strike was avoidable"),
        ("In the view of the Harbour Pilots Association, the channel is unsafe.", "The Harbour Pilots Association",
         "the channel is unsafe"),
    ],
)
def test_views(text: str, speaker: str, quote: str) -> None:
    assert (speaker, quote) in _reported(text)


def test_a_clause_ends_at_its_sentence() -> None:
    text = INTRO + '"Jan Berg, who is a smart man, said something important here. He said no," Velez said.'
    assert not any(q[0] == "Jan Berg" for q in _reported(text))


def test_a_club_whose_last_word_stands_alone_is_no_person() -> None:
    """"City" standing alone ("against City") makes no person of "Manchester City": "he said" is the player."""
    text = ("Cole Palmer is a man on the move, from Manchester City to Chelsea, from substitute to starter.\n\n"
            "\u201cThe traffic, that\u2019s the biggest thing for me,\u201d he said. "
            "Palmer scored against City on Sunday.")
    assert [q.speaker for q in extract_quotations(text)] == ["Cole Palmer"]


def test_an_epithet_after_a_run_of_he_sentences_is_the_one_they_follow() -> None:
    """"He was chasing Ross Okafor ... the Penske driver said, stating": the he/she subjects lead back to the
    person in focus, not to the rival named as their object."""
    text = ("Ryan Bale won the title on Sunday.\n\n"
            "In the last race, Ryan Bale\u2019s temper almost got the best of him. "
            "He was chasing Ross Okafor in the closing laps. However, he knew he had to hold his place.\n\n"
            "After the race, the Penske driver expressed his frustration, stating, \u201cI can snap on the radio. "
            "That is who I am.\u201d Bale then left.")
    got = [(q.speaker, q.kind) for q in extract_quotations(text) if q.kind == "direct"]
    assert got == [("Ryan Bale", "direct")]


def test_an_epithet_right_after_a_named_subject_is_left_to_the_speakers() -> None:
    """No he/she in between: "Onana did so ... as Ten Hag says? '…,' the United manager says" stays Ten Hag's."""
    text = ("\u201cWe must be brave,\u201d Erik ten Hag said on Friday.\n\n"
            "Andre Onana did so against City, but is this the game Ten Hag identifies? "
            "\u201cIt also depends on the opposition,\u201d the United manager says.")
    got = [q.speaker for q in extract_quotations(text) if "opposition" in q.quote]
    assert got == ["Erik ten Hag"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Bill Kenwright died on Monday.\nKenwright\u2019s family said he had passed away peacefully at home.",
         "Bill Kenwright\u2019s family"),
        ("Bill Kenwright, the club chairman, died on Monday.\nHis family said he had passed away peacefully at home.",
         "Bill Kenwright's family"),
        ("Jane Roe, the mayor, died on Monday.\n\u201cShe was a giant of this city,\u201d her husband said.",
         "Jane Roe's husband"),
    ],
)
def test_relatives_speak_as_the_persons_family(text: str, speaker: str) -> None:
    """"Kenwright's family said", "his family said", "her husband said": the relatives of the person named,
    not nobody (nor the person)."""
    assert [q.speaker for q in extract_quotations(text)] == [speaker.replace("\u2019", "'")]


def test_a_sentence_opening_adverb_is_no_first_name() -> None:
    """"Certainly Okafor feels ..." registers no "Certainly Okafor": the surname stays one person's, so every
    "he said" after it is still Cole Okafor's; a first name that ends like an adverb ("Billy") stays a name."""
    text = ("Cole Okafor is a man on the move, from City to Chelsea.\n\n"
            "\u201cThe traffic is the biggest thing for me,\u201d he said. Certainly Okafor feels at home now.\n\n"
            "There was no getting carried away. \u201cI spent 15 years at the club,\u201d he noted.\n\n"
            "Billy Vunipola was also there. \u201cWe trained well,\u201d Vunipola said.")
    assert [q.speaker for q in extract_quotations(text)] == ["Cole Okafor", "Cole Okafor", "Billy Vunipola"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("In an email, Ohio-based Mara Quill named the top five holiday mistakes.\n\n"
         "It is important to keep the holidays well-rounded, Quill said.", "Mara Quill"),
        ("London-born Tobin Reyes joined in May. \u201cWe trained well,\u201d Reyes said.", "Tobin Reyes"),
    ],
)
def test_a_place_compound_before_a_name_is_no_part_of_it(text: str, speaker: str) -> None:
    """"Ohio-based Mara Quill": the compound describes her ("Ohio-based Mara Quill" is no person), while a
    hyphenated name with every part capitalised stays whole."""
    assert [q.speaker for q in extract_quotations(text)] == [speaker]


def test_hyphenated_names_stay_whole() -> None:
    text = "Emile Smith-Rowe came on late. \u201cIt was a great night,\u201d Smith-Rowe said."
    assert [q.speaker for q in extract_quotations(text)] == ["Emile Smith-Rowe"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The defence team engaged an expert witness who argued that a future buyer could do the same thing.",
         "an expert witness"),
        ("Police found a witness who told reporters that the car was red.", "a witness"),
    ],
)
def test_who_after_an_object_makes_the_object_the_speaker(text: str, speaker: str) -> None:
    """"X engaged an expert witness who argued that ...": the witness argued, not "X engaged an expert witness
    who"."""
    assert [q.speaker for q in extract_quotations(text)] == [speaker]


def test_according_to_after_a_credited_quote_names_where_not_who() -> None:
    """'"They get rid of them," Trump said, according to Discourse Blog, "and lots of bad things happen."': the
    blog is where the words were reported; they are Trump's, and the blog says nothing of its own."""
    text = ("Donald Trump spoke in Michigan.\n\n\u201cThey get rid of them,\u201d Trump said, according to Discourse "
            "Blog, \u201cand lots of bad things happen to the workers.\u201d")
    found = {(q.speaker, q.kind) for q in extract_quotations(text)}
    assert found == {("Donald Trump", "direct")}


def test_an_appositive_after_according_to_is_no_part_of_the_report() -> None:
    text = ("According to Simweb, the web metrics company, the portal saw 140 million visitors in October.\n\n"
            "According to Jane Roe, the economy, already weak, will shrink next year.")
    assert [(q.speaker, q.quote) for q in extract_quotations(text)] == [
        ("Simweb", "the portal saw 140 million visitors in October"),
        ("Jane Roe", "the economy, already weak, will shrink next year")]


@pytest.mark.parametrize(
    ("text", "speaker", "quote"),
    [
        ("Dana Cole is a boxer. Cole quickly retorted, asserting he would need only one hand to beat Reyes.",
         "Dana Cole", "he would need only one hand to beat Reyes"),
        ("Mayor Jane Smith rejected the claims, saying she had done nothing wrong.",
         "Jane Smith", "she had done nothing wrong"),
        ("Mayor Jane Smith dismissed his reports, insisting that the budget was balanced.",
         "Jane Smith", "the budget was balanced"),
        ("Head coach Pete Arnold told reporters Walker suffered an oblique strain and could miss time.",
         "Pete Arnold", "Walker suffered an oblique strain and could miss time"),
        ("Lena Ortiz told local media Baker would not race again this season.",
         "Lena Ortiz", "Baker would not race again this season"),
    ],
)
def test_participles_bare_clauses_and_listeners(text: str, speaker: str, quote: str) -> None:
    """", asserting he would ..." takes a clause without "that"; "rejected the claims, saying ...": "claims" after
    a determiner is a noun, not the speech verb the participle goes on from; "told reporters Walker suffered ...":
    the listener ends on its common noun and the name opens the clause."""
    assert [(q.speaker, q.quote) for q in extract_quotations(text)] == [(speaker, quote)]


def test_former_before_a_club_is_no_post() -> None:
    """"Wayne Rooney, former Everton and England forward" does not make "Everton" a person with the post "former":
    the club still speaks through "the club said" after it has spoken."""
    text = ('Everton said it was "in mourning". "The club has lost a chairman," Everton added.\n\n'
            "The club said Kenwright had worked hard until the day of his operation.\n\n"
            'Wayne Rooney, former Everton and England forward: "Devastated to hear the news."')
    found = [(q.speaker, q.speaker_type) for q in extract_quotations(text) if q.quote.startswith("Kenwright")]
    assert found == [("Everton", "org")]


@pytest.mark.parametrize("title", ["Fr.", "Rev.", "Msgr.", "Det."])
def test_a_clerical_or_police_title_ends_no_sentence(title: str) -> None:
    """'"…," Fr. Dan Reehil told Fox News Digital.': the title's full stop ends no sentence, and the title is the
    speaker's role, not part of the name."""
    text = (f"A priest spoke to us.\n\n\u201cWe too often forget how much more there is to this world,\u201d "
            f"{title} Dan Reehil told Fox News Digital.")
    assert [(q.speaker, q.role) for q in extract_quotations(text)] == [("Dan Reehil", title)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Carolyn Hart leads the project.\n\n\u201cConsumers feel that the vibes are off with these platforms,\u201d "
         "Hart points out.", "Carolyn Hart"),
        ("Carolyn Hart pointed out that the platforms were losing users.", "Carolyn Hart"),
        ("The trial opened on Tuesday.\n\n\u201cOne year ago, the defendant was on the top of the world,\u201d began "
         "Thane Rehn, a prosecutor for the government.", "Thane Rehn"),
        ("Mark Fleming is the chief economist of First American.\n\n\u201cToday\u2019s housing market is nothing like "
         "the market of the mid-2000s,\u201d First American\u2019s Fleming wrote in a report.", "Mark Fleming"),
    ],
)
def test_points_out_began_and_an_organisations_surname(text: str, speaker: str) -> None:
    """"X points out", '"…," began X' (a speech verb only right after a quote: "began noticing strange remarks:" is
    no speech), and "First American's Fleming wrote": an affiliation before a surname the article introduced."""
    assert [q.speaker for q in extract_quotations(text)] == [speaker]


def test_began_before_a_colon_is_no_speech() -> None:
    text = ("Rita Uma taught sociology. That winter, Uma began noticing strange remarks: \u201cTextbook only "
            "discusses crimes of the poor. I get discriminated against all semester.\u201d")
    assert [q.speaker for q in extract_quotations(text)] == []


def test_an_aside_in_parentheses_credits_only_what_it_encloses() -> None:
    """"Bornstein showed charts of its margins (70 percent on $12 billion a year, says Epic) and ...": Epic says
    the figure in the parentheses, not the sentence that holds them."""
    text = ("Gary Bornstein showed jurors charts of the app store's profit margins (70 percent on $12 billion in "
            "revenue a year, says Epic) and pointed out several ways it kept rivals out.")
    assert [(q.speaker, q.quote) for q in extract_quotations(text)] == [
        ("Epic", "70 percent on $12 billion in revenue a year")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Country star Garth Brooks and Trisha Yearwood married in 2005.\n\nYearwood became a bonus mom to his "
         "three daughters. The singer previously admitted that marriage was hard.\n\n"
         "\u201cI sucked at being a husband,\u201d he told Billboard.", "Garth Brooks"),
        ("Garth Brooks and his wife Trisha Yearwood were at the awards. Brooks and Yearwood both won.\n\n"
         "\u201cThe person you\u2019re with makes a huge difference,\u201d he said.", "Garth Brooks"),
    ],
)
def test_a_gendered_noun_beside_a_name_tells_he_from_she(text: str, speaker: str) -> None:
    """"Yearwood became a bonus mom", "his wife Trisha Yearwood": she, so a "he said" after them goes back to him."""
    assert [q.speaker for q in extract_quotations(text)][-1:] == [speaker]


@pytest.mark.parametrize(("post", "speaker"), [("United\u2019s manager", ["Erik ten Hag"]),
                                               ("the club\u2019s manager", ["Erik ten Hag"]),
                                               ("United\u2019s striker", [])])
def test_an_owners_post_right_after_a_sentence_about_its_holder(post: str, speaker: list[str]) -> None:
    """'Erik ten Hag smiles when asked ... "…," says United's manager.': the person the sentence before is about,
    whom the article quotes elsewhere, when the post heads the body; "United's striker" is someone else."""
    text = ("Erik ten Hag smiles when asked if Andre Onana can be the holding midfielder for Manchester United.\n\n"
            f"\u201cFirst the job of a keeper is to save, that is his main job,\u201d says {post}.\n\n"
            "Ten Hag was asked about the league. \u201cWe have to win at home,\u201d Ten Hag said.")
    assert [q.speaker for q in extract_quotations(text) if q.quote.startswith("First")] == speaker


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (INTRO + "Velez suspects that the strike fund is nearly empty.", "the strike fund is nearly empty"),
        (INTRO + "Velez recommends that shippers book their slots early.", "shippers book their slots early"),
        (INTRO + "Velez made the point that the cranes were idle for a week.", "the cranes were idle for a week"),
        (INTRO + "Velez is adamant that the port will stay open.", "the port will stay open"),
        (INTRO + "Velez expressed hope that the talks would end soon.", "the talks would end soon"),
        (INTRO + "Ships should wait outside the harbour, Velez advised.", "Ships should wait outside the harbour"),
    ],
)
def test_cues_in_the_verbs_place(text: str, quote: str) -> None:
    # a suspicion, a recommendation, an adjective or a noun phrase of speech: the person's reported words
    assert ("Hana Velez", quote) in _reported(text)


def test_suspected_as_an_adjective_cuts_no_statement() -> None:
    text = INTRO + "Velez said the inquiry will look at delays, and suspected shortcomings in the port's records."
    assert ("Hana Velez", "the inquiry will look at delays, and suspected shortcomings in the port's records") in \
        _reported(text)


def test_a_statement_inside_a_relative_clause_ends_with_it() -> None:
    text = INTRO + "Velez, who said that the cranes were unsafe, resigned on Friday."
    assert _reported(text) == [("Hana Velez", "the cranes were unsafe")]
    # at the sentence's end, its commas belong to the statement
    text = INTRO + "The loudest voice was Velez, who wrote that the port was failing, as well as its unions."
    assert _reported(text) == [("Hana Velez", "the port was failing, as well as its unions")]


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        ("Asked about rivals, Ilse Marwood said the company welcomes competition.", "the company welcomes competition"),
        ("Ilse Marwood said the region’s school system faces many challenges.",
         "the region’s school system faces many challenges"),
        # a plural noun with its verb after it stays one noun phrase
        ("Ilse Marwood said the market share gains were small.", "the market share gains were small"),
    ],
)
def test_a_clause_whose_verb_is_in_the_present_after_a_singular_subject(text: str, statement: str) -> None:
    """'X said the company welcomes competition': the verb in "-s" after a singular noun opens the predicate."""
    assert [(q.speaker, q.kind, q.quote) for q in extract_quotations(text)] == [("Ilse Marwood", "reported",
                                                                                statement)]


@pytest.mark.parametrize(
    ("text", "speaker", "statement"),
    [
        ("Dara Quennell suspects it is because the metal likes to share electrons.", "Dara Quennell",
         "it is because the metal likes to share electrons"),
        ("Harbourline Research also estimates the audience skewed a little older.", "Harbourline Research",
         "the audience skewed a little older"),
    ],
)
def test_suspects_and_estimates_report_a_bare_clause(text: str, speaker: str, statement: str) -> None:
    assert [(q.speaker, q.kind, q.quote) for q in extract_quotations(text)] == [(speaker, "reported", statement)]


def test_a_team_that_answered_a_score_said_nothing() -> None:
    """'Even when the Gulls tied the score at 17-17 in the third quarter, Harbour answered.': a reply on the field."""
    text = INTRO + "Even when the Gulls tied the score at 17-17 in the third quarter, Harbour answered."
    assert _reported(text) == []


def test_the_cause_a_named_holder_gives_is_their_view() -> None:
    """"X attributes the rise to ...": the statement from the verb on is X's; a passive or "the company" (who may
    be a source credited just before) names no holder here."""
    text = ("Harlow Shipping stock rose 20% this week. Analyst Dana Ortiz attributes this upward trend to renewed "
            "buying interest in ports.")
    assert _reported(text) == [("Dana Ortiz", "attributes this upward trend to renewed buying interest in ports")]
    assert _reported("The rise was attributed to renewed buying interest in ports.") == []
    credited = _reported("Margins fell 2%, according to data firm PortData. The company attributed the drop to fuel "
                         "costs.")
    assert not any(quote.startswith("attributed") for _, quote in credited)


def test_what_a_speaker_urged_is_their_request() -> None:
    """"X has urged customers to patch ...", also after a coordinated first verb; "were urged to" names no one."""
    text = ("Harbour Bank issued a warning about a flaw. Harbour Bank has not yet detailed how the flaw works but has "
            "urged customers to patch it immediately.")
    assert _reported(text) == [("Harbour Bank", "has urged customers to patch it immediately")]
    assert _reported(INTRO + "Velez urged residents to stay indoors on Friday.") == [
        ("Hana Velez", "urged residents to stay indoors on Friday")]
    assert _reported("Fans were urged to arrive early.") == []
