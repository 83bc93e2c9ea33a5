"""Word lists of news attribution: speech verbs, role nouns, organisation nouns, name particles.

General English only: no person, outlet or article is named here.
"""

from __future__ import annotations

from index.text.terms import FUNCTION_WORDS

SPEECH_VERBS = frozenset(
    """
    said says say told tells wrote writes added adds noted notes acknowledged acknowledges
    emphasized emphasised emphasizes emphasises stressed stresses explained explains argued argues
    claimed claims insisted insists warned warns stated states declared declares announced announces
    asked replied replies responded continued posted tweeted commented remarked observed admitted
    admits suggested suggests confirmed confirms maintained maintains predicted predicts recalled
    conceded concedes contended agreed reiterated urged denied clarified pointed estimated believes
    believed saying adding noting telling writing acknowledging emphasizing emphasising stressing
    explaining arguing claiming insisting warning stating declaring announcing clarifying confirming
    suggesting admitting reiterating testified testifies testifying alleged alleges alleging revealed reveals
    revealing joked jokes recounted countered quipped told tells explained
""".split()
)
# Verbs that may introduce a clause with no "that": "X said he would ...".
BARE_CLAUSE_VERBS = frozenset(
    "said says added argued claimed insisted warned noted saying testified explained revealed admitted".split()
)
# Verbs that follow a quote with the speaker after them: '"…," said X'.
AFTER_QUOTE_VERBS = (
    "said says wrote writes added adds told asked continued explained noted argued insisted warned replied "
    "posted tweeted stated declared recalled joked admitted revealed testified"
).split()
AUX_ADV = frozenset(
    """
    also later then previously once again had has have would was is will recently further earlier
    often still now reportedly initially subsequently separately privately publicly simply already
    too just did does can could may might should first last
""".split()
)
PRONOUNS = frozenset({"he", "she", "it"})  # "it" stands for an organisation
PLURAL_PRONOUNS = frozenset({"they", "we"})
DETS = frozenset({"the", "a", "an"})
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
    prof. dr. mr. mrs. ms. analyst economist expert official adviser advisor aide author founder
    executive deputy foreign defense defence state interior finance treasury coach manager editor
    correspondent reporter journalist host anchor researcher scientist envoy diplomat negotiator
    candidate nominee lawmaker legislator counsel prosecutor head premier archbishop bishop cardinal
    rabbi imam sheikh emir senior former acting assistant associate general-elect strategist
    pollster historian activist campaigner commentator columnist presidential ministerial delegate
    mp mep sir dame lord lady councillor councilor superintendent inspector detective trooper
    attorney-general solicitor barrister physician doctor surgeon nurse teacher principal student
    spokesperson's owner partner president's architect engineer cfo coo cto cmo vp boss striker midfielder
    defender goalkeeper winger quarterback pitcher skipper singer actor actress rapper musician comedian
    presenter broadcaster pundit
""".split()
)
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
""".split()
)
# Unnamed sources: "a senior official", "officials", "experts", "sources familiar with ...".
UNNAMED_HEADS = frozenset(
    """
    official officials source sources expert experts analyst analysts person people insider insiders
    spokesperson spokesman spokeswoman representative witness witnesses critics observers residents
    staffer staffers employee employees aide aides executive executives investor investors trader traders
    """.split()
)
PARTICLES = frozenset("de van von der den da del della di du la le bin al ibn dos das ter el y".split())
DAYS_MONTHS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december
""".split()
)
GRAMMAR_WORDS = FUNCTION_WORDS | frozenset("another someone anyone everyone nobody one".split())  # never in a name

__all__ = [
    "AFTER_QUOTE_VERBS", "AUX_ADV", "BARE_CLAUSE_VERBS", "DAYS_MONTHS", "DETS", "GRAMMAR_WORDS", "ORG_WORDS",
    "PARTICLES", "PLURAL_PRONOUNS", "PRESS", "PRONOUNS", "ROLE_QUALIFIERS", "ROLE_WORDS", "SPEECH_VERBS",
    "UNNAMED_HEADS",
]
