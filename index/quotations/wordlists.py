"""Word lists of news attribution: speech verbs, role nouns, organisation nouns, name particles.

General English only: no person, outlet or article is named here.
"""

from __future__ import annotations

import re

from index.text.terms import FUNCTION_WORDS

# How a quote was said ('"…," moaned X', '"…," X fumed'): verbs of speech, and they invert after a quote too.
# Narration verbs such as smiled or laughed are left out: "X smiled when asked whether …" is no quotation.
_MANNER = """
    moaned groaned fumed snapped sighed gushed raged exclaimed shouted yelled screamed whispered muttered
    mused reflected teased confessed proclaimed pleaded demanded corrected chimed laughed interjected concurred
"""
SPEECH_VERBS = frozenset(
    """
    said says say told tells wrote writes added adds noted notes acknowledged acknowledges
    emphasized emphasised emphasizes emphasises stressed stresses explained explains argued argues
    claimed claims insisted insists warned warns stated states declared declares announced announces
    asked replied replies responded continued posted tweeted commented remarked observed admitted
    admits suggested suggests confirmed confirms maintained maintains predicted predicts recalled
    conceded concedes contended contends agreed reiterated urged denied clarified pointed estimated believes
    believed saying adding noting telling writing acknowledging emphasizing emphasising stressing
    explaining arguing claiming insisting warning stating declaring announcing clarifying confirming
    suggesting admitting reiterating testified testifies testifying alleged alleges alleging revealed reveals
    revealing joked jokes recounted countered quipped retorted asserted asserts asserting concluding
    shared shares highlighted highlights hinted hints reported reports feared fears hoped hopes expects
    expected figured theorized theorised informed reminded conceding predict thinks felt feels reckons
    assured vowed pledged promised cautioned lamented complained boasted conceded disclosed indicated
    signalled signaled concluded believe think hope fear expect read reads confesses specified specifies
    comments elaborates elaborated assures clarifies recalls responds reiterates observes concludes discloses
    cautions laments boasts recounts quips retorts denies agrees informs reminds muses urges answered answers asks
""".split()
) | frozenset(_MANNER.split()) | {"pointed out", "points out"} | frozenset(
    "suspects recommends recommended advised advises estimates".split()) | {  # not "suspected" ("suspected flaws")
    # a noun or adjective phrase in the verb's place: "X made the point that …", "X is adamant that …"
    "made the point", "makes the point", "expressed hope", "expressed confidence", "expressed concern",
    "is adamant", "was adamant", "remains adamant", "is insistent", "was insistent", "is convinced", "was convinced",
}
# Verbs only a document speaks with: '"…," a family statement read'.
DOCUMENT_VERBS = frozenset({"read", "reads"})
# Verbs that may introduce a clause with no "that": "X said he would ...", "X believes the plan is ..."
# (not "feels": "she feels guilty", "feels a responsibility to ...").
BARE_CLAUSE_VERBS = frozenset(
    """
    said says say added adds argued argues claimed claims insisted insists warned warns noted notes saying
    testified explained explains revealed reveals admitted admits announced announces told tells believes
    believed believe thinks think hoped hopes feared fears expects expected expect figured predicted
    predicts predict estimated reckons confirmed confirms acknowledged acknowledges conceded concedes conceding
    adding noting insisting claiming arguing warning explaining revealing admitting wrote writes suggested
    suggests stressed stresses reported reports asserted asserts asserting contended contends contending stated
    states stating confessed confesses specified specifies suspects estimates
""".split()
)
# Of those, verbs that also take a plain object ("expects revenue growth", "confirmed the deal"):
# their clause must show its verb within a few words.
OBJECT_VERBS = frozenset(
    """
    announced announces revealed reveals expects expected expect predicted predicts predict estimated estimates
    confirmed confirms acknowledged acknowledges admitted admits suggested suggests wrote writes noted notes
    explained explains reported reports feared fears stressed stresses claimed claims conceded concedes
    added adds adding stated states
""".split()
)
# Verbs of thinking rather than saying: "I think …" inside a quote is no earlier statement.
THOUGHT_VERBS = frozenset(
    """
    think thinks thought believe believes believed feel feels felt hope hopes hoped fear fears feared expect
    expects expected figured reckons
""".split()
)
# Verbs whose first object is the person told: "told Reuters he would …".
LISTENER_VERBS = frozenset("told tells telling informed reminded assured warned warns".split())
# who is told, after a name: "told Fox News reporters", "told ESPN viewers" (the clause starts after them)
LISTENER_NOUNS = frozenset("""reporters journalists viewers fans audience audiences listeners readers podcast show
    program programme radio station hosts host panel crowd media press correspondents members lawmakers investors
    analysts staff employees workers colleagues supporters followers subscribers guests""".split())
# Verbs that follow a quote with the speaker after them: '"…," said X'.
AFTER_QUOTE_VERBS = (
    "said says wrote writes added adds told asked continued explained noted argued insisted warned replied "
    "posted tweeted stated declared recalled joked admitted revealed testified "
    "tells continues explains notes argues insists warns replies states declares recalls jokes admits reveals "
    "quipped countered responded commented remarked observed recounted recounts acknowledged acknowledges "
    "conceded concedes emphasized emphasised stressed cautioned concluded asks began comments elaborates elaborated "
    "assures assured answered answers"
).split() + _MANNER.split()
AUX_ADV = frozenset(
    """
    also later then previously once again had has have would was is will recently further earlier
    often still now reportedly initially subsequently separately privately publicly simply already
    too just did does can could may might should first last
""".split()
)
# auxiliaries that are also first names when capitalised inside a sentence: '"…," Will added'
NAME_AUXILIARIES = frozenset({"Will"})
PRONOUNS = frozenset({"he", "she", "it"})  # "it" stands for an organisation
PLURAL_PRONOUNS = frozenset({"they", "we"})
SPEAKER_PRONOUNS = PRONOUNS | {"they"}  # "they added": a singular they for an unnamed source going on
DETS = frozenset({"the", "a", "an"})
BE_FORMS = frozenset("is are was were be been being".split())  # a passive's auxiliary: "was asked by"
# what opens a phrase for someone the article does not name: "a senior official", "one fan", "another viewer"
INDEFINITES = frozenset("a an one some several many multiple two three four other another".split())
PRESS = (
    "spokesperson", "spokesman", "spokeswoman", "spokespeople", "press secretary", "press officer",
    "press aide", "mouthpiece",
)
ROLE_WORDS = frozenset(
    """
    president president-elect vice vice-president prime minister secretary spokesperson spokesman
    spokeswoman press senator sen. rep. representative congressman congresswoman governor gov. mayor
    chancellor chief ceo director ambassador commissioner chairman chairwoman chair chairperson
    speaker leader king queen prince princess pope general gen. admiral adm. colonel col. lt.
    lieutenant captain capt. sgt. sergeant commander officer judge justice attorney lawyer professor
    prof. dr. mr. mrs. ms. adv. rev. reverend fr. msgr. det. supt. analyst economist expert official adviser advisor
    aide author founder
    executive deputy foreign defense defence state interior finance treasury coach manager editor
    correspondent reporter journalist host anchor researcher scientist envoy diplomat negotiator
    candidate nominee lawmaker legislator counsel prosecutor head premier archbishop bishop cardinal
    rabbi imam sheikh emir senior former acting assistant associate general-elect strategist
    pollster historian activist campaigner commentator columnist presidential ministerial delegate
    mp mep sir dame lord lady councillor councilor superintendent inspector detective trooper
    attorney-general solicitor barrister physician doctor surgeon nurse teacher principal student
    spokesperson's owner partner president's architect engineer cfo coo cto cmo vp boss striker midfielder
    defender goalkeeper winger quarterback pitcher skipper singer songstress songwriter crooner hitmaker frontman
    frontwoman rocker vocalist actor actress rapper musician comedian
    presenter broadcaster pundit legend star icon veteran driver player forward keeper rookie teammate
    receiver linebacker cornerback batter bowler batsman jockey golfer boxer fighter filmmaker novelist
    centre fullback flanker hooker fly-half scrum-half halfback back-rower
    streamer influencer creator vtuber youtuber tiktoker blogger vlogger podcaster gamer
    entrepreneur investor billionaire co-founder cofounder gm cio evp svp liaison producer advocate
""".split()
)
# occupations by their ending: "neurologist", "psychiatrist", "pediatrician", "photographer"
OCCUPATION_RE = re.compile(r"(?=[a-z]{7})(?!(?:against|amongst|amidst|assist|consist|exist|insist|persist|resist)$)"
                           r"[a-z]{3,}(?:ologist|iatrist|ician|ographer|ist)")
# Titles that are also surnames: "Stephen King", "Aaron Judge", "Nick Pope" (``phrases.titled_surname``)
SURNAME_TITLES = frozenset("king queen judge pope prince bishop".split())
# Nouns a title's holder lends a name to, never a person's name after the title: "the Billie Jean King Cup"
EPONYM_NOUNS = frozenset("cup trophy award awards prize medal open classic championship championships tournament "
                         "day stadium arena".split())
# Role words that qualify a role rather than name one ("senior official", "foreign minister").
ROLE_QUALIFIERS = frozenset(
    """
    senior former acting deputy vice assistant associate foreign defense defence state interior finance
    treasury press presidential ministerial
""".split()
)
ORG_WORDS = frozenset(
    """
    kremlin ministry office department house agency newsweek reuters times post news council
    committee party government police army military court university inc inc. corp corp. bank union
    commission administration company group institute foundation nato un u.n. eu pentagon parliament
    senate congress cabinet embassy service forces ap afp cnn bbc fbi cia tass ria journal network
    association federation league board bureau authority authorities ltd llc plc organization
    organisation fund centre center club team campaign coalition alliance guardian telegraph
    games studios studio entertainment media records labs technologies systems holdings capital ventures
    airlines motors pharmaceuticals inc. llp gmbh ag sa plc. network networks magazine newspaper school
    university college hospital clinic firm football basketball soccer baseball hockey sports support street
    city united county rovers athletic wanderers albion hotspur regulator watchdog startup start-up
    retailer lender insurer chipmaker
""".split()
)
# Nouns that describe a business the article named just before ("the iPhone maker", "the digital freight broker",
# "the Cupertino tech giant"): an epithet, read back only to the organisation a sentence is about
ORG_EPITHETS = frozenset("maker carmaker automaker manufacturer giant broker exchange platform chain airline "
                         "conglomerate marketplace".split())
# Adverbs that open a sentence (capitalised only there): "Certainly Palmer feels ..." names no "Certainly Palmer".
SENTENCE_ADVERBS = frozenset("""
    certainly clearly perhaps maybe surely obviously naturally presumably arguably ultimately finally eventually
    apparently actually really interestingly importantly crucially notably unsurprisingly understandably
    undoubtedly predictably fortunately unfortunately thankfully luckily sadly hopefully frankly honestly
    basically essentially originally currently thus hence therefore nonetheless otherwise besides even only
    """.split())
ROLE_PREFIXES = frozenset("co ex vice deputy assistant interim acting joint".split())  # "co-captain", "ex-manager"
LY_NOUNS = frozenset("family ally assembly rally supply".split())  # nouns, not adverbs: "his family said"
# Relatives and representatives who speak for a person: "Kenwright's family said", "his widow told the BBC",
# "his lawyer said in a statement".
KIN_NOUNS = frozenset("family relatives parents widow widower wife husband children lawyer lawyers attorney attorneys "
                      "publicist agent reps mother father mom dad son daughter brother sister".split())
# Unnamed sources: "a senior official", "officials", "experts", "sources familiar with ...".
UNNAMED_HEADS = frozenset(
    """
    official officials source sources expert experts analyst analysts person people insider insiders
    spokesperson spokesman spokeswoman representative witness witnesses critics observers residents
    staffer staffers employee employees aide aides executive executives investor investors trader traders
    lawmakers legislators economists strategists researchers scientists doctors diplomats players members
    fans leaders ministers negotiators organizers organisers supporters opponents campaigners activists
    attendees viewers users customers voters students parents workers participants visitors readers
    listeners consumers shoppers buyers sellers owners economists bankers advocates protesters protestors
    others commenters followers rep signatories groups unions survivors victims plaintiffs defendants families
    critic observer resident lawmaker legislator economist strategist researcher scientist doctor diplomat
    player member fan leader minister negotiator organizer organiser supporter opponent campaigner activist
    attendee viewer user customer voter student parent worker participant visitor reader listener consumer
    shopper buyer seller owner banker advocate protester protestor commenter follower survivor victim plaintiff
    defendant secretary ambassador envoy governor mayor commissioner chancellor
    """.split()
)
# What a statement can be read from: "according to a press release", "the report says".
DOCUMENT_NOUNS = frozenset(
    """
    statement statements release report reports filing filings data figures survey poll study document
    documents records letter complaint lawsuit indictment transcript memo submission tweet post note message
    email
    announcement estimates forecast analysis research
""".split()
)
# the body that speaks for its owner: "Ukraine's leadership says", "Biden's administration said"
COLLECTIVE_VOICES = frozenset("leadership government administration management".split())
PARTICLES = frozenset("de van von der den da del della di du la le bin al ibn dos das ter el y".split())
MID_PARTICLES = frozenset({"ten"})  # a particle only inside a name: "Erik ten Hag", never "ten Democrats"
DAYS_MONTHS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december
""".split()
)
PREPOSITIONS = frozenset(
    """
    in on at during after before from via to through with for over about against among amid since until
    under into onto upon by without within across behind beside between beyond near per despite following
    of as like
""".split()
)
# Words that open a fronted adverbial or subordinate clause, never a subject: "Ahead of the vote, …".
CLAUSE_OPENERS = frozenset(
    """
    ahead after before when while as if though although because since once whether where meanwhile however
    still yet now later earlier then also instead indeed moreover furthermore nevertheless separately today
    yesterday tonight last next this speaking asked asking writing announcing following given despite
    according unlike like and but or so
""".split()
)
QUANTIFIERS = frozenset("some many most no all both each every several few any one two three four five".split())
TIME_WORDS = frozenset(
    """
    today yesterday tonight tomorrow recently previously earlier later last this next week month year
    morning afternoon evening night weekend
""".split()
)
GRAMMAR_WORDS = FUNCTION_WORDS | frozenset("another someone anyone everyone nobody one".split())  # never in a name

# generational suffixes, no surname: "Robert F. Kennedy Jr." is Kennedy
NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())


def without_suffix(words: list[str]) -> list[str]:
    """A name's words without its generational suffixes ("Robert F. Kennedy Jr." -> "Robert F. Kennedy")."""
    end = len(words)
    while end > 1 and words[end - 1].lower().rstrip(",") in NAME_SUFFIXES:
        end -= 1
    return words[:end]


def surname_of(name: str) -> str:
    """The last word of a name that is not a generational suffix ("Kennedy" of "Robert F. Kennedy Jr.")."""
    words = without_suffix(name.split())
    return words[-1] if words else ""


__all__ = [
    "AFTER_QUOTE_VERBS", "AUX_ADV", "BARE_CLAUSE_VERBS", "BE_FORMS", "CLAUSE_OPENERS", "COLLECTIVE_VOICES",
    "DAYS_MONTHS", "DETS",
    "DOCUMENT_NOUNS",
    "INDEFINITES", "KIN_NOUNS", "LY_NOUNS", "NAME_AUXILIARIES", "OCCUPATION_RE", "ROLE_PREFIXES", "SENTENCE_ADVERBS",
    "DOCUMENT_VERBS", "GRAMMAR_WORDS", "LISTENER_NOUNS", "LISTENER_VERBS", "OBJECT_VERBS", "ORG_WORDS", "PARTICLES",
    "PLURAL_PRONOUNS",
    "SPEAKER_PRONOUNS",
    "NAME_SUFFIXES",
    "PREPOSITIONS", "PRESS", "PRONOUNS", "QUANTIFIERS", "ROLE_QUALIFIERS", "ROLE_WORDS", "SPEECH_VERBS",
    "THOUGHT_VERBS", "TIME_WORDS", "UNNAMED_HEADS", "surname_of",
    "without_suffix",
]
