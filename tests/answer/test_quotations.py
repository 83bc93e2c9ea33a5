"""Which quotations a speaker phrase names: names, shorter forms, roles, organisations."""

from __future__ import annotations

from answer.helpers import ALL_PASSAGES, chunks
from assistant.answer.quotations import is_role_phrase, resolve_speaker

TEAM = """Tottenham lost 2-1 to West Ham on Thursday.
"I think players should take responsibility," said captain Heung-Min Son.
West Ham manager David Moyes said: "We had to dig in."
"""
TENNIS = """Alexei Popyrin beat Otto Virtanen in straight sets.
"It's everybody's dream to play for their country," Popyrin said.
"""


def test_role_phrase_picks_the_holder_not_a_person_named_nearby() -> None:
    found = resolve_speaker("the Kremlin spokesperson", ALL_PASSAGES)
    assert found.name == "Dmitry Peskov" and {f.speaker for f in found.found} == {"Dmitry Peskov"}
    team = resolve_speaker("the Tottenham captain", chunks("spurs", TEAM))
    assert team.name == "Heung-Min Son"
    assert resolve_speaker("West Ham's manager", chunks("spurs", TEAM)).name == "David Moyes"


def test_a_speaker_known_by_surname_only_matches_the_full_name() -> None:
    found = resolve_speaker("Alexei Popyrin", chunks("tennis", TENNIS))
    assert [f.quotation.quote for f in found.found] == ["It's everybody's dream to play for their country"]


def test_mentioned_is_not_quoted() -> None:
    found = resolve_speaker("Otto Virtanen", chunks("tennis", TENNIS))
    assert found.found == [] and found.mentioned
    nobody = resolve_speaker("Serena Williams", chunks("tennis", TENNIS))
    assert nobody.found == [] and not nobody.mentioned


def test_role_phrases() -> None:
    assert is_role_phrase("the press secretary") and is_role_phrase("Nike's CFO")
    assert is_role_phrase("the Sydney co-captain") and is_role_phrase("the club's vice-captain")
    assert not is_role_phrase("Dmitry Peskov")


TERMINAL = """Portwell closed its ferry terminal on Friday after a storm.
A Portwell spokesperson told reporters that the terminal would reopen in May.
"""


def test_an_unnamed_organisation_spokesperson_is_found_by_the_role_phrase_and_the_organisation() -> None:
    """'A Portwell spokesperson told ...' is someone the article does not name, not a person named before."""
    for phrase in ("a Portwell spokesperson", "Portwell"):
        found = resolve_speaker(phrase, chunks("terminal", TERMINAL))
        assert [f.quotation.quote for f in found.found] == ["the terminal would reopen in May"], phrase


LAWSUIT = """Three publishers sued Portwell on Monday.
A Portwell spokesperson rejected the claims, saying “This lawsuit has no merit at all.”
"""


def test_an_unnamed_source_speaks_through_a_participle() -> None:
    found = resolve_speaker("Portwell", chunks("lawsuit", LAWSUIT))
    assert [f.quotation.quote for f in found.found] == ["This lawsuit has no merit at all."]


RESIGNATION = """Jana Kowal, the board's chair, would stay on as a director, the firm said.
But later on X, Kowal posted a message she sent to company employees in which she wrote, \
“after today's vote, I resign as chair.”
"""


def test_the_pronoun_right_before_the_speech_verb_is_its_subject() -> None:
    found = resolve_speaker("Jana Kowal", chunks("resign", RESIGNATION))
    assert "after today's vote, I resign as chair." in [f.quotation.quote for f in found.found]


VOTE = """Rep. Ada Quorne failed again to win the gavel on Friday.
"We put the question to them, they made a different decision," Quorne said.
"I cannot support a bully," said a statement from Rep. Lina Varga, R-Iowa, who voted against Quorne.
"We will keep talking," said Rep. Otto Brandt, R-Texas, who also voted against Quorne.
"""


def test_a_person_named_in_the_phrases_relative_clause_is_not_the_speaker() -> None:
    """"the Iowa congresswoman who voted against Quorne": the head (Iowa) decides, and Quorne is out."""
    found = resolve_speaker("the Iowa congresswoman who voted against Quorne", chunks("vote", VOTE))
    assert found.name == "Lina Varga" and [f.quotation.quote for f in found.found] == ["I cannot support a bully"]
    assert resolve_speaker("the congressman from Texas who voted against Quorne", chunks("vote", VOTE)).name \
        == "Otto Brandt"


def test_an_owner_named_in_the_phrase_is_the_holders_employer() -> None:
    """"Nvidia's CEO": not the chief executive of another company quoted in the article; "Harbor's manager": the
    one the article calls Harbor's manager, not another club's."""
    text = ("Nvidia reports on Wednesday and big tech leads the market.\n\n"
            "\u201cAs these stocks go, so does the market,\u201d Dan Trainor, chief executive officer of New "
            "Constructs, said.")
    assert not resolve_speaker("Nvidia's CEO", chunks("nv", text)).found
    text = ("Rovers manager Pep Gardner praised his side.\n\n\u201cWe were fantastic,\u201d Gardner said.\n\n"
            "Harbor manager Mauro Pellino was pleased with Reece James.\n\n\u201cHe is one of the best,\u201d "
            "Pellino said.")
    found = resolve_speaker("Harbor's manager", chunks("fc", text))
    assert found.name == "Mauro Pellino"


def test_a_board_is_no_person() -> None:
    text = ("The board of Openly fired Sam Alton on Friday.\n\n\u201cI loved my time there,\u201d Alton said.")
    assert not resolve_speaker("Openly's board", chunks("ob", text)).found


def test_a_name_after_the_role_says_who() -> None:
    """"Harbor CEO Sam Alton": the name decides, in whatever form the article quotes him; the role only describes
    (an article that calls him CEO only once still has all his quotes)."""
    text = ("Sam Alton left Openly on Friday.\n\n\u201cI loved my time there,\u201d Alton said.\n\n"
            "Mira Mora, the chief technology officer, will lead the company.")
    found = resolve_speaker("Openly CEO Sam Alton", chunks("ob", text))
    assert found.name == "Sam Alton" and [f.quotation.quote for f in found.found] == ["I loved my time there"]
    found = resolve_speaker("prosecutor Ann Rehm", chunks("ob", text))
    assert not found.found


def test_a_holder_is_scored_in_each_article() -> None:
    """The CEO is quoted in two articles and only the second names his post: the first must not rule him out."""
    first = "Sam Alton left Openly on Friday.\n\n\u201cI loved my time there,\u201d Alton said."
    second = ("Openly CEO Sam Alton spoke at the summit.\n\n\u201cThis is the greatest leap forward,\u201d Alton "
              "said.")
    found = resolve_speaker("the Openly CEO", chunks("a1", first) + chunks("a2", second))
    assert found.name == "Sam Alton" and len(found.found) == 2


def test_a_bare_surname_is_the_family_member_the_article_is_about() -> None:
    """Quotes the article gives to "Kelso" alone are Travis Kelso's (named in the title and most often), never
    his mother's, whom the article only mentions."""
    text = ("Travis Kelso wore a bracelet on Sunday, and Travis Kelso's brother Jason Kelso noticed.\n\n"
            "Their mother Donna Kelso watched from the stands.\n\n"
            "\u201cI wanted to give her one with my number on it,\u201d Kelso said.")
    assert not resolve_speaker("Donna Kelso", chunks("kelso", text)).found
    found = resolve_speaker("Travis Kelso", chunks("kelso", text))
    assert [f.quotation.quote for f in found.found] == ["I wanted to give her one with my number on it"]


def test_a_liaison_is_a_post() -> None:
    text = ("So what does the company say?\n\nIn a post on X, Google\u2019s official search liaison, Dan Sully, "
            "said ad systems do not affect the organic results.")
    found = resolve_speaker("Google's search liaison", chunks("g", text))
    assert found.name == "Dan Sully" and found.found


def test_a_name_after_an_organisations_possessive_says_who() -> None:
    """"Mozilla's Carolyn O'Hara" (straight apostrophe) is the Carolyn O’Hara the article quotes."""
    text = "Mozilla builds for the fediverse.\n\nThe point, Carolyn O\u2019Hara said, is to rethink social networking."
    found = resolve_speaker("Mozilla's Carolyn O'Hara", chunks("moz", text))
    assert found.name == "Carolyn O\u2019Hara" and found.found


def test_an_owner_named_in_the_phrase_rules_out_an_unnamed_source_of_another_body() -> None:
    """"Meta's spokesperson": Meta spokesperson Matt Poll, not the regulator's "spokeswoman" the article quotes too."""
    text = ("Norway asked the board to act against Meta.\n\n\u201cThe board will now assess the file on Meta,\u201d a "
            "spokeswoman told us.\n\nMeta spokesperson, Matt Poll, said Meta had committed to consent.")
    for phrase in ("Meta's spokesperson", "the Meta spokesperson", "a Meta spokesperson"):
        found = resolve_speaker(phrase, chunks("meta", text))
        assert found.name == "Matt Poll", (phrase, found.name)


MAGAZINE = """The Weekly Lantern named Orla Finnegan its Innovator of the Year on Tuesday.
"Her lab turned a decade of failed trials into a working vaccine," the magazine said about its choice.
"""


def test_an_outlet_asked_with_its_kind_of_publication_is_the_outlet() -> None:
    """"Lantern magazine" / "the newspaper Lantern" ask for the outlet the article credits as "Lantern"."""
    passages = chunks("mag", "Orla Finnegan told Lantern about the vaccine.\n" + MAGAZINE)
    for phrase in ("Lantern magazine", "the magazine Lantern", "Lantern"):
        found = resolve_speaker(phrase, passages)
        assert [f.quotation.quote[:8] for f in found.found] == ["Her lab "], phrase
    assert resolve_speaker("Lantern Foundation", passages).found == []  # another body, not the outlet


BOARD = """Halvard Systems removed its chief executive, Petra Lind, on Friday.
"The board no longer has confidence in her ability to lead the company," Halvard Systems said in a statement.
"""
COMMISSION = """The European Commission opened formal proceedings against the platform on Monday.
The Commission said the probe would look at how the platform moderates illegal content.
"""


def test_a_board_speaks_as_its_organisation() -> None:
    """"Halvard Systems' board" is no person: the organisation's statements are its board's."""
    found = resolve_speaker("Halvard Systems' board", chunks("board", BOARD))
    assert [f.quotation.quote[:9] for f in found.found] == ["The board"] and found.name == "Halvard Systems"
    assert resolve_speaker("Kestrel Labs' board", chunks("board", BOARD)).found == []  # another organisation


def test_an_organisation_named_again_by_its_last_word_is_the_one_asked() -> None:
    found = resolve_speaker("the European Commission", chunks("eu", COMMISSION))
    assert [f.quotation.quote[:9] for f in found.found] == ["the probe"]


GULLS = """The Gulls are still motivated to win this season.

President of baseball operations A.J. Castellano said the club would explore a long-term deal with its star.
"""


def test_a_role_before_a_name_with_initials_finds_its_holder() -> None:
    """"… operations A.J. Castellano": the initials' full stops do not end the words read before the name."""
    found = resolve_speaker("the Gulls' president of baseball operations", chunks("gulls", GULLS))
    assert found.name == "A.J. Castellano" and found.found


def test_shared_quotations_are_the_cached_ones_and_copies_stay_apart() -> None:
    from index.quotations import extract_quotations, shared_quotations

    text = '"We will appeal," Dmitry Peskov told reporters on Monday. He said the ruling was unfair.'
    shared = shared_quotations(text)
    assert [q.speaker for q in shared] == ["Dmitry Peskov", "Dmitry Peskov"]
    assert shared_quotations(text) is shared  # read again without copying
    copies = extract_quotations(text)
    assert copies == list(shared) and all(c is not s for c, s in zip(copies, shared, strict=True))
    copies[0].speaker = "someone else"
    assert shared_quotations(text)[0].speaker == "Dmitry Peskov"
    assert shared_quotations("") == ()


def test_a_post_in_title_case_is_a_title_not_another_organisation() -> None:
    text = ("Harbourside FC will play two friendlies in January against the Kelso national team.\n\n"
            "\"We look forward to facing the Kelso national team in what will be a good first test for our squad,\" "
            "said Chief Soccer Officer and Sporting Director Aldous Pennyworth.\n\n"
            "\"Nobody will be better prepared than us,\" said New Constructs CEO Ilse Varga.")
    passages = chunks("harbourside", text, title="Harbourside FC friendly matches for 2024")
    assert resolve_speaker("Harbourside FC's sporting director", passages).name == "Aldous Pennyworth"
    assert resolve_speaker("Harbourside FC's CEO", passages).name != "Ilse Varga"  # another company's CEO


TITLED = """Tennis great Lena Moss King spoke at the Lena Moss King Cup in Prague on Monday.
"We are at a tipping point," King said. "People see it now."
"""


def test_a_name_that_ends_in_a_title_is_asked_by_name() -> None:
    # "King" is her surname here: the phrase is a name, not the role "king" held by someone called "Lena Moss"
    for phrase in ("Lena Moss King", "King"):
        found = resolve_speaker(phrase, chunks("cup", TITLED))
        assert {f.speaker for f in found.found} == {"Lena Moss King"}, phrase
        assert "We are at a tipping point" in [f.quotation.quote for f in found.found]


PODCAST = """Corvin Mallery hosts a podcast, Deep Snap with Bastian and Corvin Mallery, with his brother.
"I never read those posts again," Mallery said of his old tweets.
His brother Bastian Mallery laughed at him. "He wrote every one of them at two in the morning," Bastian Mallery said.
"""


def test_a_possessor_is_not_the_holder_of_his_own_kin_role() -> None:
    """"Corvin Mallery's brother" is Bastian, though the article names Corvin beside "brother" and quotes him
    by surname; Bastian's brother is the "Mallery" of an article about Corvin."""
    pod = chunks("pod", PODCAST, title="Corvin Mallery says he tried to delete his old tweets")
    assert resolve_speaker("Corvin Mallery's brother", pod).name == "Bastian Mallery"
    assert {f.quotation.quote for f in resolve_speaker("Bastian Mallery's brother", pod).found} \
        == {"I never read those posts again"}


PARENTS = """Who are Ilse Varnholt's parents?
Ilse Varnholt is the second child of Greta and Anselm Varnholt. Greta had skating in her blood.
The couple took Ilse to the rink every morning.
Later, the loss of Anselm's father was hard for Greta, who said, "We learned to carry it together."
"""


def test_kin_told_from_the_other_side() -> None:
    """"the second child of Greta and Anselm Varnholt": Greta is Ilse Varnholt's mother, a person, though the
    article gives her first name only."""
    found = resolve_speaker("Ilse Varnholt's mother", chunks("skate", PARENTS))
    assert found.name == "Greta" and [f.quotation.quote for f in found.found] == ["We learned to carry it together."]
    assert resolve_speaker("Ilse Varnholt's coach", chunks("skate", PARENTS)).found == []


def test_a_hyphenated_title_word_counts_for_the_first_name_after_it() -> None:
    """'the Vale-Tomas Reyne timeline': Tomas Reyne, named most, is the "Reyne" quoted, not his brother Pavel's."""
    text = ("Vale-Tomas Reyne timeline: everything to know.\nTomas Reyne met Vale in June. His brother, Pavel Reyne, "
            "joked about it on their show with Donna Reyne.\n\"I was nervous,\" Reyne said.\n")
    assert resolve_speaker("Pavel Reyne's brother", chunks("vale", text)).name == "Reyne"
    assert resolve_speaker("Tomas Reyne", chunks("vale", text)).name == "Reyne"
