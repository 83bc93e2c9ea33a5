"""The attribution forms news uses, on small invented texts (the annotated corpus lacks some of them)."""

from __future__ import annotations

import pytest

from index.quotations import Quotation, extract_quotations


def _one(text: str, fragment: str) -> Quotation:
    hits = [q for q in extract_quotations(text) if fragment in q.quote]
    assert len(hits) == 1, (fragment, extract_quotations(text))
    return hits[0]


INTRO = "Finance Minister Lena Okafor met the unions on Monday.\n"


@pytest.mark.parametrize(
    ("text", "fragment", "speaker", "kind", "speaker_type"),
    [
        (INTRO + '"We will not raise taxes," Okafor told Reuters.', "raise taxes", "Lena Okafor", "direct", "person"),
        (INTRO + 'Okafor said in a statement on Tuesday, "The budget is balanced."', "budget is balanced",
         "Lena Okafor", "direct", "person"),
        ('Shares of Norvex Corp fell 4%.\n"We expect a strong second half," the company said in a statement.',
         "strong second half", "Norvex Corp", "direct", "org"),
        ("The plan will be delayed by a year, according to a spokesperson for the ministry.", "delayed by a year",
         "a spokesperson for the ministry", "reported", "unnamed"),
        # a role with its own phrase, then the person: the role phrase is theirs
        ("The Swans play on Sunday.\nThe focus has been on local fans, according to executive GM of marketing at "
         "the Swans, Loretta Johns.", "focus has been on local fans", "Loretta Johns", "reported", "person"),
        ('"We will win on Sunday," said the manager of the club, Paulo Reis.', "win on Sunday", "Paulo Reis",
         "direct", "person"),
        # a prefixed role: "co-captain", "ex-manager", "vice-captain"
        ('The Swans reached the finals. "Any club able to do that is incredible," Sydney co-captain Chloe Molloy '
         "told Fox Footy after the match.", "Any club able to do that", "Chloe Molloy", "direct", "person"),
        # a full name met once, as a clause's subject that goes on to say "her": the "she wrote" after it
        ("The trend began in 2018, when Louisiana mom Alicia Plumer took to Facebook saying her son would carry "
         'a blue bucket.\n\n"If you see him, please be kind to our son!" she wrote.', "please be kind",
         "Alicia Plumer", "direct", "person"),
        # an unnamed source with a proper-noun modifier; he/she right after one; an organisation's epithet
        ('"Do not buy blue pumpkin buckets," one X user posted on Monday.', "blue pumpkin buckets", "one X user",
         "direct", "unnamed"),
        ('A Norvex spokeswoman denied the breaches. "We strongly reject the suggestions," she said.',
         "strongly reject", "A Norvex spokeswoman", "direct", "unnamed"),
        ('Ireland\'s Data Protection Commission (DPC) sent us a statement. "Norvex notified the DPC on July 27," the '
         "Irish regulator wrote.", "notified the DPC", "Ireland's Data Protection Commission", "direct", "org"),
        # a source the article never names, by its role; roles joined by "and"
        ('The rules were agreed on Friday. "There are no official sources for that," the Commission official said.',
         "no official sources", "the Commission official", "direct", "unnamed"),
        ('"Loom helps bridge the gap," said Loom co-founder and billionaire Mike Cannon-Brookes as the deal closed.',
         "bridge the gap", "Mike Cannon-Brookes", "direct", "person"),
        # what an organisation puts out "says"; a fronted time phrase with no comma is not the subject
        ("Norvex Group owns 15 towers. Last week Norvex published its results for the third quarter saying that "
         "the company had not been hurt by the war.", "had not been hurt by the war", "Norvex", "reported", "org"),
        ('"There is no deal yet," a senior official told CNN.', "no deal yet", "a senior official", "direct",
         "unnamed"),
        ('"That call broke my heart," one fan wrote on X.', "broke my heart", "one fan", "direct", "unnamed"),
        ('The House is stuck.\n"A vacuum raises the odds of a shutdown," according to economists at Harbour Bank.',
         "raises the odds", "economists at Harbour Bank", "direct", "unnamed"),
        ('The House is stuck.\n"We are ready," said a spokesperson for the ministry.', "We are ready",
         "a spokesperson for the ministry", "direct", "unnamed"),
        ("Publishers are worried.\nThey will lose traffic when the tools roll out, The WSJ\u2019s report noted.",
         "lose traffic", "WSJ", "reported", "org"),
        # a legal paper speaks for whoever filed it, and the company named last is often the one sued
        ('Harbour Weekly sued Acme Corp on Monday.\n"Acme took our work," the complaint alleges.', "took our work",
         "the complaint", "direct", "unnamed"),
        ("Diana died that summer.\nDowning Street confirmed that she had visited Chequers.", "visited Chequers",
         "Downing Street", "reported", "org"),
        ('"Just heartbreaking," another viewer commented.', "Just heartbreaking", "another viewer", "direct",
         "unnamed"),
        ("The state agency quoted Deputy Minister Ivan Sorokin as saying that talks would resume.",
         "talks would resume", "Ivan Sorokin", "reported", "person"),
        ('"We were poor tonight," says the club\'s manager, Paulo Reis.', "poor tonight", "Paulo Reis", "direct",
         "person"),
        ('Norvex joined the group.\n"The open one will win," Ana Ruiz, Norvex\u2019s chief scientist, was quoted as '
         "saying in an interview.", "open one will win", "Ana Ruiz", "direct", "person"),
        (INTRO + "Okafor was quoted as saying that the talks had stalled.", "talks had stalled", "Lena Okafor",
         "reported", "person"),
        (INTRO + '"The unions know our numbers," notes Okafor.', "know our numbers", "Lena Okafor", "direct", "person"),
        (INTRO + '"It used to be a fair sport," moaned Okafor.', "fair sport", "Lena Okafor", "direct", "person"),
        ('"They are a different team," committee chair Boo Corrigan said.', "different team", "Boo Corrigan", "direct",
         "person"),
        ("Jane Niaura joined Bridgestone.\n\u201cRubber is a quarter of it,\u201d Bridgestone\u2019s Niaura says.",
         "quarter of it", "Jane Niaura", "direct", "person"),
        ('The team trained.\n"It was special to hear," back-rower Dalton Papali\u2019i said this week.',
         "special to hear", "Dalton Papali\u2019i", "direct", "person"),
        ('"He was in way over his head," Dana Moss, the founder of Slate PR, which represents several exchanges, '
         "told the paper.", "over his head", "Dana Moss", "direct", "person"),
        ('Okafor: "No new taxes"\n' + INTRO, "No new taxes", "Lena Okafor", "direct", "person"),
        (INTRO + "Okafor said: \u201eWir bleiben dabei.\u201c", "Wir bleiben dabei", "Lena Okafor", "direct", "person"),
        (INTRO + "Okafor said: \u00abNous restons.\u00bb", "Nous restons", "Lena Okafor", "direct", "person"),
    ],
)
def test_form(text: str, fragment: str, speaker: str, kind: str, speaker_type: str) -> None:
    q = _one(text, fragment)
    assert (q.speaker, q.kind, q.speaker_type) == (speaker, kind, speaker_type)
    assert text[q.start : q.end] == q.quote


def test_an_acronym_the_article_defines_speaks_under_its_full_name() -> None:
    text = (
        "The Harbour Pilots Association (HPA) filed a complaint.\n"
        '"The channel is not safe," the HPA said.'
    )
    q = _one(text, "not safe")
    assert (q.speaker, q.speaker_type) == ("Harbour Pilots Association", "org") and "The HPA" in q.aliases


def test_an_acronym_the_article_only_spells_out_speaks_under_its_full_name() -> None:
    """Never defined in brackets, but its letters are the initials of one name the article gives; a common acronym
    with no such name ("the CEO") stays as it is."""
    from index.quotations.acronyms import defined_acronyms
    text = (
        "The Harbour Pilots Association has backed the review. The Institute for the Study of War agreed.\n"
        '"The channel is not safe," the HPA said.\n"The front has not moved," the ISW said. The CEO left.'
    )
    assert _one(text, "not safe").speaker == "Harbour Pilots Association"
    assert _one(text, "has not moved").speaker == "Institute for the Study of War"
    assert "CEO" not in defined_acronyms(text)


def test_an_organisation_found_by_the_acronym_it_goes_by_is_the_full_name_without_a_possessive() -> None:
    """"The HPA issued a statement in which it said …": the organisation "it" is found as the article names it there,
    by the acronym; it is still the one the article spelled out, and a possessive is no part of that name."""
    text = ("The Harbour Pilots Association met on Monday. The HPA issued a statement in which it said it would not "
            "sell. The Coastal Shipping Council’s staff met. The CSC issued a statement in which it said it would "
            "wait.")
    q = _one(text, "would not sell")
    assert (q.speaker, q.speaker_type) == ("Harbour Pilots Association", "org") and "HPA" in q.aliases
    assert _one(text, "would wait").speaker == "Coastal Shipping Council"


def test_said_a_statement_from() -> None:
    q = _one('"We will appeal," said a statement from Senator Ruth Adeyemi.', "will appeal")
    assert (q.speaker, q.kind) == ("Ruth Adeyemi", "direct")


def test_a_quote_over_several_paragraphs_keeps_its_speaker() -> None:
    text = (
        INTRO + '"The first thing is growth," Okafor said. "Then come the savings.\n'
        '"We will cut where it hurts least.\n'
        '"And we will explain every cut."\n'
        "The opposition was not convinced."
    )
    for fragment in ("Then come the savings", "cut where it hurts least", "explain every cut"):
        assert _one(text, fragment).speaker == "Lena Okafor"


def test_a_nested_quote_is_the_inner_speakers_words_inside_the_outer_quote() -> None:
    text = INTRO + "\"I told them, 'We are not moving,' and they left,\" Okafor said."
    outer = _one(text, "I told them")
    assert outer.speaker == "Lena Okafor" and outer.kind == "direct"
    assert "We are not moving" in outer.quote  # the inner quote stays inside the outer one


def test_narration_is_not_offered_as_a_quotation() -> None:
    text = (
        INTRO + "The talks ended without a deal. Unions plan a strike next week.\n"
        'The film "Another Day" opens on Friday.'
    )
    assert extract_quotations(text) == []


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        # words between the verb and the quote, closed by a comma
        (INTRO + 'Okafor told colleagues behind closed doors, "I did my best."', "did my best", "Lena Okafor"),
        (INTRO + 'Afterward, Okafor said simply of her colleagues, "They made a different choice."', "different choice",
         "Lena Okafor"),
        # a party and state between commas is no speaker
        ('"She does not have the votes," Rep. Carl Mendes, R-Fla., said after the meeting.', "have the votes",
         "Carl Mendes"),
        # a name and a description without a comma before the colon
        ('Andy Burnham, mayor of the city and a lifelong fan: "It is the end of an era."', "end of an era",
         "Andy Burnham"),
        # a quote resumes after the attribution, with a photo caption glued to it
        (INTRO + '"We are ready," Okafor said. "The reforms start now. Photo: Reuters "And they will last."',
         "reforms start now", "Lena Okafor"),
        # an embedded post signed with a handle and a date
        ("The ministry replied within the hour.\nBudget talks resume on Monday with all parties. "
         "https://t.co/abc pic.twitter.com/xyz — Finance Ministry (@FinMin) March 4, 2024", "Budget talks resume",
         "Finance Ministry"),
    ],
)
def test_direct_form(text: str, fragment: str, speaker: str) -> None:
    q = _one(text, fragment)
    assert (q.speaker, q.kind) == (speaker, "direct")
    assert text[q.start : q.end] == q.quote


def test_a_quote_inside_a_question_is_not_the_answerers() -> None:
    text = INTRO + 'When asked why the unions did not "just accept the offer," Okafor replied: "They wanted more."'
    assert [q.quote for q in extract_quotations(text)] == ["They wanted more."]


def test_a_post_is_only_its_text() -> None:
    text = "Kickoff was delayed.\nWhat a goal from the edge of the box! https://t.co/x — Ana Ruiz (@ana) May 2, 2024"
    q = _one(text, "What a goal")
    assert q.quote == "What a goal from the edge of the box!" and q.speaker == "Ana Ruiz"


def test_a_post_of_several_paragraphs_ends_with_a_short_signed_line() -> None:
    text = (
        "The figures came in after the match, and they made grim reading for a side that had led in each of its "
        "last four games before losing every one of them, a run the manager called the worst of his career.\n"
        "1 – Harlow are the first side in league history to…\n"
        "…lose four games in a row after leading.\n"
        "Again. pic.twitter.com/x — StatsBot (@statsbot) May 2, 2024"
    )
    q = _one(text, "first side")
    assert q.quote.startswith("1 – Harlow") and q.quote.endswith("Again.") and q.speaker == "StatsBot"


@pytest.mark.parametrize(
    ("text", "fragment", "speaker", "kind"),
    [
        # a quote inside a quote that the speaker introduces is the speaker's own words again
        (INTRO + "\"I told them, 'We are not moving,' and they left,\" Okafor said.", "We are not moving",
         "Lena Okafor", "direct"),
        (INTRO + '"We said to each other: ‘No matter what, we stay,’" Okafor said.', "No matter what",
         "Lena Okafor", "direct"),
        # a person named inside a quote reports their own statement
        (INTRO + '"Mayor Jan Berg says the budget is fine. It is not," Okafor said.', "the budget is fine",
         "Jan Berg", "reported"),
        (INTRO + '"I have said the budget is not fine. Nobody listened," Okafor said.', "the budget is not fine",
         "Lena Okafor", "reported"),
    ],
)
def test_nested_form(text: str, fragment: str, speaker: str, kind: str) -> None:
    inner = min((q for q in extract_quotations(text) if fragment in q.quote and q.kind == kind),
                key=lambda q: q.end - q.start)  # the innermost record with the words
    assert inner.speaker == speaker and text[inner.start : inner.end] == inner.quote
    outer = [q for q in extract_quotations(text) if q.start < inner.start and inner.end < q.end]
    assert [q.speaker for q in outer] == ["Lena Okafor"]  # and the outer quote stays the speaker's


def test_a_quote_paragraph_after_a_paragraph_about_one_speaker_is_theirs() -> None:
    text = (
        INTRO + '"We will not raise taxes," Okafor said.\n'
        "The crisis has given Okafor a new sense of urgency, and she now meets the unions weekly.\n"
        '"A budget can change faster than anyone thinks."\n'
        "The film premiered in May.\n"
        '"Another Day Comes"'
    )
    found = {q.quote: q.speaker for q in extract_quotations(text)}
    assert found["A budget can change faster than anyone thinks."] == "Lena Okafor"
    assert "Another Day Comes" not in found  # after a paragraph about no speaker: no one's words


@pytest.mark.parametrize(
    "text",
    [
        INTRO + 'Okafor said "Silent Night," which she sings every year, "was my mother\'s favourite song."',
        INTRO + 'Okafor said the choir re-recorded "Winter Wonderland" last year.',
    ],
)
def test_a_title_in_quote_marks_is_no_quotation(text: str) -> None:
    quotes = [q.quote for q in extract_quotations(text) if q.kind == "direct"]
    assert not any(q in ("Silent Night", "Winter Wonderland") for q in quotes)


def test_a_club_in_a_descriptor_is_not_a_second_person() -> None:
    text = ("Harbour City beat Northbridge United again. United lost the lead late.\n"
            "Northbridge United legend Piotr Kowalczyk criticised the defending on Sunday.\n"
            "“There was no plan to it,” he said.")
    assert _one(text, "no plan").speaker == "Piotr Kowalczyk"


def test_he_said_after_a_sentence_naming_several_people_is_its_subject_when_the_sentence_calls_it_he() -> None:
    text = ("Tomas Berg won in Paris.\n\n"
            "Berg recently spoke about the relationship he has with Ivo Maric and Luca Conti.\n\n"
            "“We are not friends because we are rivals,” he said.")
    assert _one(text, "not friends").speaker == "Tomas Berg"
    ambiguous = "Senator Mary Jones met Governor Tom Reyes in Austin.\n\n“It went well,” he said."
    assert not any("went well" in q.quote for q in extract_quotations(ambiguous))


@pytest.mark.parametrize("subject", ["an emailed Norvex statement", "a Norvex statement"])
def test_a_statement_named_by_its_issuer_speaks_for_it(subject: str) -> None:
    text = f"Norvex Corp invested in the startup.\n“We remain committed to the team,” said {subject}."
    q = _one(text, "remain committed")
    assert (q.speaker, q.speaker_type) == ("Norvex", "org")


def test_a_lower_case_particle_inside_a_name_keeps_the_name_whole() -> None:
    text = ("Erik ten Hag's side were dominant.\n\nTen Hag: Crisis? What crisis?\n\n"
            "When asked about a potential crisis, he said: “Crisis? Not for us.”\n\nTen Democrats voted against it.")
    q = _one(text, "Not for us")
    assert q.speaker == "Erik ten Hag"
    assert not any(q.speaker.startswith("ten ") or q.speaker == "Democrats" for q in extract_quotations(text))


def test_a_question_put_to_someone_is_not_their_words() -> None:
    text = 'Gary Wang, a co-founder, was asked by prosecutor Nina Roos on Thursday, "Did you commit crimes?"'
    assert not any("commit crimes" in q.quote and q.speaker == "Gary Wang" for q in extract_quotations(text))
    active = 'Gary Wang, a co-founder, told the court on Thursday, "We committed crimes."'
    assert _one(active, "committed crimes").speaker == "Gary Wang"


def test_premier_league_is_an_organisation_not_a_person_called_league() -> None:
    from index.quotations.coreference import Coreference
    from index.text.sentences import layout

    text = "The Premier League leaders lost.\n\nHarbour City said on 12 October the Premier League club was sold."
    people = Coreference(text, *layout(text))
    assert people.reg.find("League") is None


def test_he_said_is_not_the_person_his_own_quote_talks_about() -> None:
    text = ("Sporting director Paul Mitchell has a long-term plan.\n\n"
            "One in particular was striker Heung-min Son, who sums up his philosophy.\n\n"
            "“I took criticism for some of the decisions and Son was at the centre of that,” he explained.")
    assert _one(text, "took criticism").speaker == "Paul Mitchell"


@pytest.mark.parametrize("document", ["the message read", "the email said"])
def test_a_message_speaks_for_whoever_sent_it(document: str) -> None:
    text = ("After the criticism, the NFL responded with an official statement handed to reporters on Monday.\n\n"
            f"“We change our profile imagery based on what is happening around our games,” {document}.")
    q = _one(text, "profile imagery")
    assert q.speaker_type == "org" and q.speaker.removeprefix("the ") == "NFL"


def test_a_quote_credited_to_a_report_is_not_the_reports_words() -> None:
    text = 'Shelesh posted a video.\n"Let\'s talk like adults," according to a report.'
    assert not [q for q in extract_quotations(text) if "talk like adults" in q.quote and q.speaker]


def test_a_name_met_once_is_a_person_only_when_the_sentence_calls_it_he_or_she() -> None:
    """"New Zealand won the match. '…,' he said": nothing calls New Zealand "he", so the quote has no speaker."""
    assert extract_quotations('New Zealand won the match on Sunday.\n\n"We played well today," he said.') == []


def test_he_she_goes_back_to_an_unnamed_source_only_one_that_spoke() -> None:
    """"A buyer would inspect a part" (nobody speaking) and "a privacy-focused company" (no person) are not what a
    later "he said" / "she admits" means: the person named before them is."""
    text = ("Steve Okoro, a parts supplier, says sneaking parts in is hard. After vetting a seller, a buyer would "
            "also inspect a part.\n\nChoosing parts without serial numbers could make fraud easier, he said.")
    assert [q.speaker for q in extract_quotations(text) if "serial" in q.quote] == ["Steve Okoro"]
    text = ("Megan Gray worked at DuckDuckGo, a privacy-focused company. She admits that she may have misread the "
            "evidence.")
    assert "a privacy-focused company" not in {q.speaker for q in extract_quotations(text)}


def test_a_role_someone_named_holds_is_theirs_not_an_unnamed_source() -> None:
    text = 'Kremlin spokesman Dmitry Peskov spoke on Monday. "There will be no talks," the spokesman said.'
    assert [q.speaker for q in extract_quotations(text)] == ["Dmitry Peskov"]


def test_a_time_phrase_and_a_sentence_opening_preposition_are_no_speakers() -> None:
    """"one month after the singer revealed" is a time, not an unnamed source; "Beyond Meta, Montana ..." makes no
    person "Beyond Meta"."""
    spoken = {q.speaker for q in extract_quotations(
        "Lena Marr married in June, just one month after the singer revealed she had suffered a loss.")}
    assert "one month after the singer" not in spoken
    text = ("Beyond Norvex, Montana also banned the app. Norvex said it had met every rule. "
            "Later Norvex argued that the ban would fail.")
    assert "Beyond Norvex" not in {q.speaker for q in extract_quotations(text)}


def test_an_appositive_before_noted_that_is_no_statement_of_the_clause_subject() -> None:
    """"Annie Wu, the digital strategist behind the stardom, noted that younger voters tend to value authenticity":
    the clause after "that" is Annie Wu's; the name and appositive before the verb are nobody's statement."""
    text = ("Annie Wu, the digital strategist behind the senator's TikTok stardom, noted that younger voters who are "
            "very online tend to value raw, unfiltered authenticity.")
    assert [(q.speaker, q.quote[:14]) for q in extract_quotations(text)] == [("Annie Wu", "younger voters")]


@pytest.mark.parametrize("verb", ["mused", "said", "asked"])
def test_a_question_quote_then_a_capitalised_name_is_that_persons(verb: str) -> None:
    """The splitter ends a sentence at '?”' before a capital ('"Who knows?" Palmer mused.'), but the short
    sentence after it says who asked; the quote paragraph that follows continues them."""
    text = ("Cole Okafor joined Chelsea in the summer.\n\n"
            f"\u201cWho knows what would have happened if I had stayed?\u201d Okafor {verb}. "
            "\u201cMaybe I would have played more, maybe not.\u201d")
    assert [(q.speaker, q.quote[:9]) for q in extract_quotations(text)] == [
        ("Cole Okafor", "Who knows"), ("Cole Okafor", "Maybe I w")]


def test_a_question_quote_then_an_unrelated_sentence_stays_unattributed() -> None:
    text = "Cole Okafor joined Chelsea.\n\n\u201cWho could blame them?\u201d Chelsea lost the final on Sunday."
    assert extract_quotations(text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The team studied tree rings.\n\n\u201cA similar storm today would be catastrophic for us,\u201d the "
         "researchers wrote.", "the researchers"),
        ("Taylor arrived late.\n\n\u201cThe two were very affectionate with one another,\u201d the witness told "
         "Entertainment Tonight.", "the witness"),
        ("The results were so marked that the researchers said the diet could help patients.", "the researchers"),
    ],
)
def test_a_definite_unnamed_source_after_the_quote_speaks(text: str, speaker: str) -> None:
    """'"…," the researchers wrote': an unnamed source with "the" is one (the phrase starts at "the", so the
    quote is right before it); the clause before "that" is no part of it."""
    assert [q.speaker for q in extract_quotations(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Michael Greer joined in 2020.\n\n\u201cI think others have encountered this as well,\u201d adds Pebble "
         "co-founder and CTO Michael Greer, previously an engineer.", "Michael Greer"),
        ("Hiro Yoshizawa met Ryan Lee.\n\n\u201cWhen I showed him the video he said yes,\u201d recounted "
         "Yoshizawa.", "Hiro Yoshizawa"),
        ("Vinhcent Le, member of the regulator\u2019s board, added: \u201cOnce again, California is taking the "
         "lead.\u201d", "Vinhcent Le"),
        ("The studio says the hero is for everyone. Sara Lind contends that the design was never risky.",
         "Sara Lind"),
        ("The order is broad.\n\nSenator Mark Warner of Virginia said the order was broad but not deep.",
         "Mark Warner"),
        ("\u201cWe look forward to it,\u201d said Chief Soccer Officer and Sporting Director Chris Henderson.",
         "Chris Henderson"),
        ("Horace Luke runs the firm.\n\n\u201cWe are talking about several billion dollars by 2030,\u201d Luke "
         "asserted.", "Horace Luke"),
        ("Ilse Varga testified on Monday.\n\n\u201cNo, Senator, we did not,\u201d Varga answered.", "Ilse Varga"),
        ("Ilse Varga studies octopuses.\n\n\u201cSo how does that work?\u201d asks Varga.", "Ilse Varga"),
    ],
)
def test_more_forms_of_a_named_speaker(text: str, speaker: str) -> None:
    """Roles joined by "and" whose second is capitalised ("co-founder and CTO X"), "recounted X" after the quote,
    an appositive post without an article ("X, member of the board, added:"), "X contends that ...", "Senator X of
    Virginia said", "said Chief Soccer Officer and Sporting Director X", "X asserted", "X answered", "asks X"."""
    assert [q.speaker for q in extract_quotations(text)] == [speaker]


def test_one_of_a_group_is_no_post() -> None:
    """"X, one of the two brothers that run the account, reported that ...": "one of" is no appositive post, so
    the phrase is not read as a named speaker with a role."""
    text = "Jake Mintz, one of the two brothers that run the account, reported that Arcia had been celebrating."
    assert not any(q.role.startswith("one of") for q in extract_quotations(text))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Chris Okoro revealed a few tips about his marriage.\n\n\u201cThe key is communication,\u201d Okoro, 45, "
         "told Fox News Digital at the ceremony.", "Chris Okoro"),
        ("Hannah Quill is a parenting coach.\n\nSaid Quill, \u201cMake sure you don\u2019t do any griping out "
         "loud.\u201d", "Hannah Quill"),
        ("\u201cWe only have ourselves to blame,\u201d Wallabies centre Samu Reyes, who was born in Fiji, said after "
         "training.", "Samu Reyes"),
        ("\u201cThis puts a duty of care on tech firms,\u201d Ofcom\u2019s online safety lead, Gill Whitford, tells "
         "The Verge.", "Gill Whitford"),
        ("Kevin Marsh backed the singer, saying he hoped for the best.\n\n\u201cThe best thing would be for their "
         "mom to be healthy,\u201d his lawyer said in a statement.", "Kevin Marsh's lawyer"),
    ],
)
def test_news_forms_of_a_speaker_around_a_quote(text: str, speaker: str) -> None:
    """An age between commas ("Okoro, 45, told"), a sentence opening with the verb ("Said Quill,"), a team
    before the role ("Wallabies centre X, who ..., said"), an employer's role before the name with commas, and
    a person's lawyer speaking for them."""
    assert [q.speaker for q in extract_quotations(text) if q.kind == "direct"] == [speaker]


def test_a_single_name_with_an_age_or_who_is_a_person() -> None:
    """"Oliver, 16, said" and "Sophie, who was named creator of the year, said" are people, not organisations;
    and a "who" clause is no role."""
    text = ("Fans spoke at the show, with Oliver, 16, saying the deal was good news.\n\n"
            "Meanwhile Sophie, who was named creator of the year, said the games should win.")
    found = [(q.speaker, q.speaker_type, q.role) for q in extract_quotations(text)]
    assert found == [("Oliver", "person", ""), ("Sophie", "person", "")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("In the words of MLB Commissioner Rob Manfredi, \u201cOnce you go down that road, I just don\u2019t know "
         "where you stop.\u201d", "Rob Manfredi"),
        ("At the top of the second day, an Amazon rep noted, \u201cEvery one of our teams is building AI "
         "applications.\u201d", "an Amazon rep"),
        ("\u201cCycles of a fasting diet had strong effects,\u201d the lead author of that study, Valter Lonza, told "
         "Fox News Digital.", "Valter Lonza"),
    ],
)
def test_in_the_words_of_a_rep_and_an_appositive_role_before_the_name(text: str, speaker: str) -> None:
    assert [q.speaker for q in extract_quotations(text)] == [speaker]


def test_a_persons_reps_speak_for_them_and_nothing_before_joins_the_name() -> None:
    text = "The same day the claims surfaced Jada\u2019s reps said they were \u201cabsolutely not true\u201d."
    assert {q.speaker for q in extract_quotations(text)} == {"Jada's reps"}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Don McKay is 78.\n\n\"Music can help you feel better, but we have to get over things.\" \u2014 Don McKay to "
         "Fox News Digital\n\nAfter eight weeks on the charts, the song stayed.", "Don McKay"),
        ("Tom Scaler runs the group.\n\n\"Putting the fun in it was always the key.\" - Tom Scaler\n\nOn Sunday "
         "they danced.", "Tom Scaler"),
        ("We spoke to a source at the agency.\n\n\u201cSeeing agencies shut down entire branches is scary,\u201d the "
         "source says.", "the source"),
        ("The pain was hard for Eileen Marr, who said, \u201cWe learned quickly that people have their crosses to "
         "bear.\u201d", "Eileen Marr"),
    ],
)
def test_a_signed_pull_quote_the_source_and_who_said(text: str, speaker: str) -> None:
    """A quote paragraph signed after a dash, "the source says" (a source is unnamed even with "the"), and "for X,
    who said, '…'"."""
    assert [q.speaker for q in extract_quotations(text)] == [speaker]


def test_a_dash_before_a_lower_case_clause_signs_nothing() -> None:
    assert extract_quotations('The score was 2-1.\n\n"We won it," - said nobody at all.') == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Joanne Marr created the foundation.\n\n\"The life expectancy is still just three to five years,\" her "
         "husband, Tom Marr, told Fox News Digital.", "Tom Marr"),
        ("The groups want a fix.\n\n\"Unless this error is fixed, member states cannot go on,\" the artists\u2019 "
         "groups said in a statement.", "the artists\u2019 groups"),
        ("More than 500 VCs pledged support.\n\n\"We encourage the venture community to stand with us,\" the "
         "signatories wrote.", "the signatories"),
    ],
)
def test_a_relative_named_after_the_quote_and_plural_unnamed_sources(text: str, speaker: str) -> None:
    assert [q.speaker for q in extract_quotations(text)] == [speaker]


def test_he_said_right_after_a_sentence_a_full_name_opens_is_theirs() -> None:
    """"Mikel Artola was not happy after the game. He said: '…'": the name that opens the sentence right before
    (met nowhere else) is who the "He" opening the next one is; "was" is a verb, not a plural noun's end."""
    text = ("Arsenal were denied two points after a VAR mistake.\n\n"
            "Mikel Artola was not happy after the game. He said: \"That wasn't a human error. It was a mistake.\"")
    assert [q.speaker for q in extract_quotations(text)] == ["Mikel Artola"]


def test_a_block_statement_after_its_introduction_is_direct() -> None:
    """'X said:' ending its paragraph, then a paragraph with no quote marks: X's words, word for word. A paragraph
    after a colon that no speech verb introduces ("The findings:") is nobody's statement."""
    text = ("Meta faces a ban.\n\nCommenting in a statement, Ana Pachl, deputy director general of the group, said:\n\n"
            "The choice the company is giving consumers is unfair and illegal. Authorities must act.\n\n"
            "The findings so far:\n\nMeta blocks the use of its apps until users have picked one option or the other.")
    found = extract_quotations(text)
    words = "The choice the company is giving consumers is unfair and illegal. Authorities must act."
    assert [(q.speaker, q.kind, q.quote) for q in found] == [("Ana Pachl", "direct", words)]
    assert text[found[0].start : found[0].end] == found[0].quote


@pytest.mark.parametrize(
    ("intro", "speaker"),
    [("The Harbour Council said in a statement:", "The Harbour Council"), ("From the Harbour Council:",
                                                                            "The Harbour Council"),
     ("Statement from Lakeside University:", "Lakeside University")],
)
def test_a_quote_paragraph_after_its_introduction_or_a_from_label_is_theirs(intro: str, speaker: str) -> None:
    """An organisation's statement in quote marks set off below the paragraph that introduces it, or below a label
    naming whose it is; a label naming nobody ("From the outset:") gives it to nobody."""
    statement = "\u201cThe council is committed to safe harbours and will cooperate fully with the review.\u201d"
    text = f"The review began on Monday.\n\n{intro}\n\n{statement}"
    assert [(q.speaker, q.kind) for q in extract_quotations(text)] == [(speaker, "direct")]
    assert extract_quotations(f"The review began on Monday.\n\nFrom the outset:\n\n{statement}") == []


def test_he_after_a_sentence_opening_on_a_described_person_is_that_person() -> None:
    """'Paul Barr, deputy director of the centre, acknowledged both sides.' then '"…," he wrote': Barr, not the
    senator quoted before him."""
    text = ("Senator Mark Warner of Virginia said the order was broad but not deep.\n\n"
            "Paul Barr, deputy director of the NYU Stern Center, acknowledged both sides of the issue.\n\n"
            "\u201cThe president is sending a valuable message,\u201d he wrote.")
    assert [q.speaker for q in extract_quotations(text)] == ["Mark Warner", "Paul Barr"]


def test_an_epithet_with_an_age_after_the_verb_is_the_person_in_focus() -> None:
    """'"…," says the 62-year-old Welsh actor' right after a sentence about Owen Teale: Teale's words."""
    text = ("Owen Teale was in need of a job.\n\n\u201cThey held an investigation,\u201d says the 62-year-old Welsh "
            "actor.\n\n\u201cIt was a rust bucket,\u201d recalls Teale.")
    assert [(q.speaker, q.quote) for q in extract_quotations(text)] == [
        ("Owen Teale", "They held an investigation"), ("Owen Teale", "It was a rust bucket")]


def test_a_block_statement_after_a_participle_is_the_clauses_speaker() -> None:
    """"X, a spokesperson, sought to deflect attention — writing in an emailed statement:" then the statement."""
    text = ("Meta faces a ban.\n\nReached for a response, Meta spokesperson, Matt Pollard, sought to deflect attention "
            "off the lack of compliance \u2014 writing in an emailed statement:\n\nWe are surprised by the actions, "
            "given that Meta has already committed to consent.\n\nAsked when, Pollard declined to give a date.")
    assert [(q.speaker, q.kind) for q in extract_quotations(text)] == [("Matt Pollard", "direct")]


def test_his_lawyer_is_the_lawyer_the_article_names() -> None:
    """"his lawyer said" when the article names "Federline's attorney Mark Kaplan": Kaplan's words."""
    said = "\u201cI only hope the best for her,\u201d Kevin Federline said.\n\n"
    lawyer = "\u201cThe best thing is a healthy mom,\u201d his lawyer said in a statement."
    text = "Kevin Federline's attorney Mark Kaplan spoke to ET in 2019.\n\n" + said + lawyer
    assert [q.speaker for q in extract_quotations(text)] == ["Kevin Federline", "Mark Kaplan"]
    assert [q.speaker for q in extract_quotations(said + lawyer)] == ["Kevin Federline", "Kevin Federline's lawyer"]


@pytest.mark.parametrize(
    "text",
    [
        'Hollis Brandt leads the diocese. An exorcist, said Brandt, "is a priest chosen by a bishop."',
        "Hollis Brandt leads the diocese. The problem, said Brandt, “is that nobody listens to the patients.”",
    ],
)
def test_a_quote_after_an_inverted_aside_is_the_asides_speaker(text: str) -> None:
    """'The problem, said X, "is that …"': the quote goes on the sentence the aside interrupts."""
    quotes = [q for q in extract_quotations(text) if q.kind == "direct"]
    assert [(q.speaker, q.quote.split()[0]) for q in quotes] == [("Hollis Brandt", "is")]


@pytest.mark.parametrize(
    "post",
    [
        "Stream LIVE, or on-demand after, here \U0001f447 https://t.co/aB12cD#Sport #PL pic.twitter.com/xY12zW",
        "\U0001f4f1: Stream on #LeaguePlus https://t.co/Qw12Er pic.twitter.com/Ty34Ui",
        "WATCH | https://t.co/HpRt12#Sport pic.twitter.com/Dw34cE",
        "Click below for more \u2935\ufe0f https://t.co/Le12Uu",
    ],
)
def test_an_embedded_post_that_only_advertises_is_no_statement(post: str) -> None:
    text = f"The derby ended level.\n\n{post} \u2014 Harbour Sport (@HarbourSport) November 12, 2023\n"
    assert extract_quotations(text) == []


def test_an_embedded_post_that_says_something_is_still_its_signers() -> None:
    text = ("The derby ended level.\n\nWatching that second half was painful, but the lads never gave up. "
            "pic.twitter.com/xY12zW \u2014 Harbour Sport (@HarbourSport) November 12, 2023\n")
    assert [q.speaker for q in extract_quotations(text)] == ["Harbour Sport"]


@pytest.mark.parametrize(("blurb", "quote"), [
    ("Probably the best thriller of the decade, it never lets up and never explains too much. \u2014Ines Varga",
     "Probably the best thriller of the decade, it never lets up and never explains too much."),
    ("HARBOUR CITY | Striker T.J. Okoro: The 31-year-old leads the league with nine goals. \u2014 Ines Varga",
     "The 31-year-old leads the league with nine goals."),  # the entry's label is not her words
])
def test_a_paragraph_signed_with_a_name_is_that_persons(blurb: str, quote: str) -> None:
    text = f"The best films to stream this week\n\nNight Harbour (2021)\n\n{blurb}\n\nThe Long Field (2019)\n"
    assert [(q.quote, q.speaker, q.kind) for q in extract_quotations(text)] == [(quote, "Ines Varga", "direct")]


@pytest.mark.parametrize("line", [
    "Tell me lies, tell me sweet little lies, they are true. - New Romantics",  # a hyphen signs nothing
    "Goals from Okoro and Reid settled it late on. \u2014 Harbour Sports Club",  # an organisation's credit line
    "Short and sweet. \u2014Ines Varga",  # too short to be anyone's paragraph
])
def test_a_line_with_no_persons_signature_is_nobodys(line: str) -> None:
    text = f"The weekend in review\n\n{line}\n\nMore next week.\n"
    assert [q.speaker for q in extract_quotations(text)] == []
