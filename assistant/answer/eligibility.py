"""Which candidate sentences may answer a fact question: the rules 2-4 of ``facts`` (and rule 1, the type).

``check`` says why a sentence cannot answer ("type", "specifier", "withheld", "name", "doer", "preview") or "" when it
can: it carries the answer type; the question's specifiers are in it, or near it while it names no rival value;
it does not say the detail is not given ("does not specify which", "declined to say") or not given yet ("will
update this story once I hear back"); the key names are in its article (a country asked always; for a follow-up
naming nothing, the previous turn's names), and a follow-up's new names ("How much of that went to Apple?") and
the doer of "how much did X raise" are in it or, for the doer, beside it (and a sentence opening on another name,
"Kane, who has scored nine goals", gives that one's figure); it names no rival country or stage, nor a sibling
of the product variant asked (``variants``: "Galaxy Watch 6" for the "Watch 6 Classic"); a
superlative asked ("the cheapest") is stated; the value is in the form asked (``values``: a rate, a unit, a share, a
sum of money, a year, odds, a betting line with figures for the two sides asked); a figure asked of one name is not a
total for a list it is one of; it names what "how many" counts, the kind of institution "which hospital" asks for,
the post "who is X's CFO" asks about and the credit "who directed / plays / led the round" asks ("Directed by",
"portrayed by", "led by": ``asked_type.credit_words``); a follow-up naming only a thing ("And the LCD model?") has
a word of it in it; and for a result question it reports an outcome rather than looking ahead ("will face", "hopes
to", "dream of", "has the space to sign"), with both sides asked of in or beside it and the opponent asked ("did X
beat Y", "X's game against Y") in it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.answer.asked_type import credit_words
from assistant.answer.doers import agent_named, other_subject
from assistant.answer.evidence import counts
from assistant.answer.previews import looks_ahead
from assistant.answer.question import QuestionInfo, name_runs
from assistant.answer.rivals import around, rival_place, rival_slot, team_named
from assistant.answer.types import SCORE, carries
from assistant.answer.values import (
    gives_money,
    gives_odds,
    gives_rate,
    gives_share,
    gives_span,
    gives_spread,
    gives_unit,
    gives_year,
    line_sides,
    relative_year,
)
from assistant.answer.variants import names_sibling
from assistant.answer.withheld import withholds
from assistant.answer.words import (
    COUNTRIES,
    MONTHS,
    WORD_RE,
    expand,
    name_present,
    ordinal_value,
    proper_vocabulary,
    run_present,
    specifier_present,
    stem,
    term_present,
    vocabulary,
)
from index.quotations.wordlists import SPEECH_VERBS

if TYPE_CHECKING:
    from assistant.answer.facts import Candidate

# an outcome word that is only intended ("to sign", "could win"), except "went on to win"
_INTENDED = re.compile(r"(?:(?<!\bon\s)\bto|\b(?:will|would|could|might|may|can|cannot))\s+(?:\w+\s+)?", re.I)


def check(info: QuestionInfo, c: Candidate, article_named: bool) -> str:
    """Why ``c`` cannot answer (one of the rules in the module docstring), or "" when it can.
    ``article_named``: ``names_in_article`` of the candidate's article (found once per article)."""
    two_sides = info.result and info.answer_type == "name" and _sides(info.text)
    if info.who_said and not (c.speaker or any(w.lower() in SPEECH_VERBS for w in WORD_RE.findall(c.text))):
        return "type"  # "Who said ...?": a sentence with nobody's words in it names no one who said them
    if info.answer_type and not carries(info.answer_type, c.text, info.text) and not two_sides:
        return "type"  # ("who won A vs B": the winner is one of the names asked, the outcome rules below decide)
    own = vocabulary(c.text)
    for spec in _own_specifiers(info):
        if specifier_present(spec, own) or relative_year(spec, c.text, c.passage.published):
            continue
        if not specifier_present(spec, c.near) or _competes(spec, c.text):
            return "specifier"
    if withholds(c.text):
        return "withheld"  # "Its blog post does not specify which hashtags ...": the article says it is not given
    if not article_named:
        return "name"
    if names_sibling(info.text, f"{c.lead} {c.text}") or info.fragment and not set(info.fragment) & c.terms:
        return "specifier"  # "Galaxy Watch 6 went down to $269" gives no price of the Watch 6 Classic; "And the
        # original model?" (a ``fragment``): a sentence not about the thing is not about what is asked
    if info.context and info.answer_type and not all(name_present(n, own | vocabulary(c.lead) | (
            c.near if info.fragment else set())) for n in _new_names(info)):
        return "name"  # "How much of that went to Apple?" after Google's payments: a sentence naming Apple
    if info.answer_type in ("amount", "number") and not agent_named(info.text, own | c.near | vocabulary(c.lead)):
        return "doer"  # "How much did Adaptive raise?": Mistral's round, in an article naming Adaptive elsewhere
    if info.answer_type in ("amount", "number") and not agent_named(info.text, own) and other_subject(c.text):
        return "doer"  # "How many goals did Lewandowski score?": "Kane, who has scored nine goals ..." is Kane's count
    priced = (lambda: around(c)) if info.answer_type == "amount" else None  # read when a price is asked "at" a shop
    if rival_place(info, c.text) or _rival_stage(info.text, c.text) or rival_slot(info.text, c.text, priced):
        return "specifier"
    if not _keeps_superlative(info.text, f"{c.lead} {c.text}"):
        return "specifier"
    if info.answer_type in ("amount", "number") and _one_of_many(info, c.text):
        return "specifier"
    if info.answer_type in ("amount", "number") and not gives_rate(info.text, c.text):
        return "specifier"
    if not all(gives(info.text, c.text) for gives in (gives_unit, gives_year, gives_share, gives_money, gives_odds,
                                                gives_span, gives_spread)):
        return "type"
    if not all(name_present(w, own | c.near) for w in line_sides(info.text)):
        return "name"  # "the point spread for the Rose Bowl between Alabama and Michigan": that game's line
    if info.answer_type == "score" and _interim_only(c.text):
        return "preview"  # "a catch that put the Chiefs up 41-0": a score during the game, not its result
    if not _names_counted(info.counted, c.text, own | vocabulary(c.lead)):
        return "type"
    if info.role and not _names_post(info, own | c.terms | vocabulary(c.lead)):
        return "type"  # "Who became its observer?": a sentence naming board members, none as observer
    if (credit := credit_words(info.text)) is not None and not credit.search(f"{c.lead} {c.text}"):
        return "type"  # "Who directed it?": "Directed by Shawn Levy", not a sentence naming another filmmaker
    if info.institution and not any(term_present(t, proper_vocabulary(c.text)) for t in info.institution):
        return "type"  # "Which hospital": a sentence naming one ("St. Anne's Hospital", "the Mayo Clinic")
    if info.result and looks_ahead(info.text, c.text, c.passage.title or "", c.lead):
        return "preview"  # a sentence that looks ahead, or one of a preview (``previews``)
    done = vocabulary(_INTENDED.sub(" ", c.text)) if info.outcome else own  # "has the space to sign him": no outcome
    if info.outcome and not any(t in done or any(w.startswith(t) for w in done) for t in info.outcome):
        return "preview"
    if info.result and not (_names_own_half(info, own, c.near) and _both_sides(info, own | c.near)
                            and _opponent_named(info.text, own)):
        return "name"
    return ""


_SCORE = SCORE
# a score while the game was on: "put the Chiefs up 41-0", "led 14-7 at half-time", "a 21-3 lead", "narrowed the gap
# to 18-17 just before the break"
_INTERIM = re.compile(rf"\b(?:put|puts|putting|moved|moving)\s+(?:\w+\s+){{1,3}}?(?:up|ahead)\s+(?:by\s+)?{_SCORE}|"
                      rf"\b(?:narrow|cut|close|reduce)[a-z]*\s+the\s+(?:gap|deficit|arrears)\s+to\s+{_SCORE}|"
                      rf"{_SCORE}\s+(?:lead|advantage|(?:(?:just|right)\s+)?(?:at|before)\s+(?:half-?time|the\s+"
                      rf"(?:break|half|interval))|"
                      rf"(?:after|through)\s+(?:the\s+)?(?:first|second|third|1st|2nd|3rd)\s+(?:quarter|period|half))\b",
                      re.I)
# a live blog's line for a score while the game was on: "End of third quarter: Bears 16, Panthers 10", "Halftime: ..."
_INTERIM_LINE = re.compile(r"^\s*(?:(?:end\s+of|after)\s+(?:the\s+)?(?:first|second|third|1st|2nd|3rd)\s+"
                           r"(?:quarter|period|half|inning)|half-?time|HT)\s*:", re.I)


def _interim_only(text: str) -> bool:
    """Every score in the sentence is one during the game (``_INTERIM``, ``_INTERIM_LINE``), none its result."""
    if _INTERIM_LINE.match(text):
        return True
    scores = re.findall(_SCORE, text)
    return bool(scores) and len(_INTERIM.findall(text)) >= len(scores)


def _names_counted(counted: list[str], text: str, vocab: set[str]) -> bool:
    """"How many rebounds ..." is answered only by a sentence (or its list's line) naming what is counted, not one
    counting points; an acronym ending in the noun's initial names it too ("five STIs" for "how many infections"), a
    unit's symbol after its number ("12MP"), and wins or defeats games ("a 2-7 record, the only two victories")."""
    if not counted or any(term_present(x, vocab) for t in counted for x in expand(t)) or (
            counted[-1] in ("gam", "match") and vocab & {"victory", "win", "defeat", "loss", "draw"}):
        return True
    if counts(counted[-1], text, symbols_only=True):
        return True
    return any(m.group(1)[-1].lower() == counted[-1][0] for m in re.finditer(r"\b([A-Z]{2,6})s?\b", text))


_CHIEF = re.compile(r"\bchief\s+([a-z]+)\s+officer\b", re.I)


def _names_post(info: QuestionInfo, vocab: set[str]) -> bool:
    """The post asked about is named: its head noun ("observer"); for a "chief <x> officer", that x too, its
    initials ("CFO") or another name of it ("finance chief"), not another officer."""
    m = _CHIEF.search(info.text)
    if m:
        x = stem(m.group(1))
        return term_present(f"chief-{x}-officer", vocab) or term_present(x, vocab) or f"c{x[0]}o" in vocab
    if info.role == "ceo":  # "chief executive", "chief executive officer"
        return term_present("ceo", vocab) or term_present("chief-execut", vocab) or term_present("execut", vocab)
    return term_present(info.role, vocab)


_NAME = r"[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*"
_LIST = re.compile(rf"{_NAME}(?:,\s+{_NAME}){{1,}},?\s+(?:and|&)\s+{_NAME}")


# what joins the two sides of a contest: "the Chiefs and the Bills", "Alcaraz or Djokovic", "Leeds vs Hull"
_SIDES_JOIN = re.compile(r"\s*(?:,\s*)?(?:vs\.?|v\.?|versus|against|and|or|&|-|–|played|faced|met|hosted|visited|"
                         r"took\s+on)\s+(?:the\s+)?$", re.I)


def _sides(question: str) -> bool:
    """Does the question name two sides of a contest ("Who won, Alcaraz or Djokovic?"): two names joined as rivals,
    not a place and a player ("the race at Lernerville Speedway that Kyle Larson took part in")?"""
    runs = name_runs(question)
    if len(runs) != 2:
        return False
    first = re.search(r"\b" + r"\W+".join(map(re.escape, runs[0])) + r"\b", question)
    second = re.search(r"\b" + r"\W+".join(map(re.escape, runs[1])) + r"\b", question[first.end():]) if first else None
    return second is not None and _SIDES_JOIN.fullmatch(" " + question[first.end(): first.end() + second.start()]) \
        is not None


def _one_of_many(info: QuestionInfo, text: str) -> bool:
    """"How much is Amazon paying?" and the sentence gives one figure for "Fox Sports, NBC, Amazon and Warner
    Bros.": a total for a list of three or more, not that one's part (unless the question names several)."""
    runs = name_runs(info.text)
    if re.search(r"\b(?:each|apiece|respectively|per)\b", text, re.I):
        return False  # "Apple, Samsung and Mozilla each got $1 billion": the figure is every one's
    for m in _LIST.finditer(text):
        members = vocabulary(m.group())
        asked = [r for r in runs if all(name_present(w, members) for w in r)]
        if len(asked) == 1 and len(runs) <= 2:
            return True
    return False


def _new_names(info: QuestionInfo) -> list[str]:
    """The names a follow-up brings that its previous turn did not ("Apple" in "How much of that went to Apple?")."""
    before = vocabulary(info.context)
    lasts = {r[-1] for r in name_runs(info.text)}  # of "Bill Kenwright", the surname: "Kenwright sold a stake"
    owners = set(re.findall(r"([A-Z][\w.-]*)['’]s\b", info.text))  # "Detroit's rookie": the rookie is asked of
    return [n for n in info.key_names if n in lasts and n.removesuffix("'s").removesuffix("’s") not in owners
            and not any(ch.isdigit() for ch in n) and not name_present(n, before)]


def _own_specifiers(info: QuestionInfo) -> list[str]:
    """The specifiers one sentence must match: dates are left out when the question names two or more
    (they date different articles: "Between the report on September 26 and the one on December 15")."""
    specs = info.specifiers
    if info.answer_type == "date":  # "When will the clocks go forward after the October 2023 change?": not then
        specs = [s for s in specs if not _anchor(s, info.text)]
    months = [s for s in specs if s in MONTHS]
    if len(months) < 2:
        return specs
    dated = [s for s in specs if s.split()[0] in MONTHS or re.fullmatch(r"\d{1,4}(?:st|nd|rd|th)?", s)]
    return [s for s in specs if s not in dated]


def _anchor(spec: str, q: str) -> bool:  # "When ... after the October 2023 change?", "since 2019"
    return bool(re.search(r"\b(?i:after|since|following|before)\s+(?:[\w'’-]+\s+){0,3}?" + re.escape(spec) + r"\b", q))


_DATE_NUMBERS = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?|"
                           r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + "|".join(MONTHS) + r")(?:,?\s+(\d{4}))?")


def names_in_article(info: QuestionInfo, article_vocab: set[str]) -> bool:
    """Figures and countries asked must be in the sentence's article; of the names, all of them for a question with
    one or two, at least half for a question spanning several articles. A question naming two dates
    ("the report on October 7, 2023 ... the article on October 30") dates two articles: their days, years
    and months are no figure or name one article must hold."""
    if not info.key_names and info.context:  # "Who led the round?" after a turn about 10 Minute School: its round
        carried = name_runs(info.context)
        return not carried or any(run_present(r, article_vocab) for r in carried)
    dates = list(_DATE_NUMBERS.finditer(info.text))
    dated = {n for m in dates for n in m.groups() if n} | set(MONTHS) if len(dates) >= 2 else set()
    figures = [n for n in info.key_names if any(ch.isdigit() for ch in n)]
    if not all(name_present(n, article_vocab) for n in figures if n not in dated
               and ordinal_value(n.split("-")[0]) is None):  # "10th-gen": a specifier, in the sentence or beside it
        return False
    countries = [stem(n) for n in info.key_names if stem(n) in COUNTRIES]  # "in Japan": an article that never
    if not info.one_of_parts and not all(any(term_present(x, article_vocab) for x in expand(c)) for c in countries):
        return False  # names Japan says nothing of Japan, however many other names it shares
    words = {n for n in info.key_names if n not in figures and n not in dated}
    runs = [r for r in name_runs(info.text) if words & set(r)] or [[n] for n in words]
    found = sum(run_present([w for w in r if w in words], article_vocab)
                or len(r) == 1 and team_named(r[0], article_vocab) for r in runs)  # "Washington": the Nationals
    if info.one_of_parts:
        return found >= 1 or not runs
    return found == len(runs) if len(runs) <= 2 else found * 2 >= len(runs)


# A superlative asked ("the cheapest season ticket") and the words that state it.
_CHEAP = r"cheapest|lowest|least\s+expensive|lowest[- ]priced|as\s+low\s+as|start(?:s|ing)?\s+at"
_DEAR = r"most\s+expensive|priciest|highest[- ]priced"
_MOST = r"biggest|largest|record|up\s+to|maximum|as\s+much\s+as|as\s+high\s+as"  # "fines of up to £18 million"
_SUPERLATIVES = [  # "the biggest day": also "the most popular", "the pinnacle"
    (r"cheapest|lowest|least\s+expensive", _CHEAP), (_DEAR, _DEAR),
    (r"biggest|largest|maximum", _MOST + r"|most[\s-][a-z]+|pinnacle|busiest|greatest|peak|top"),
    ("highest", rf"highest|top|{_MOST}"), *((w, w) for w in "smallest oldest youngest longest shortest".split()),
    (r"fastest|quickest", r"fastest|quickest"), (r"richest|wealthiest", r"richest|wealthiest"),
]


def _keeps_superlative(question: str, text: str) -> bool:
    """"What did the cheapest season ticket cost?" is answered by a sentence stating the superlative ("the
    cheapest", "the lowest-priced", "as low as"), not by any price: an average or another ticket's is not the
    cheapest."""
    for asked, stated in _SUPERLATIVES:
        if re.search(r"\b(?:" + asked + r")\b", question, re.I):
            return bool(re.search(r"\b(?:" + stated + r")\b", text, re.I))
    return True


_STAGE = re.compile(r"\b(semi|quarter)[- ]?finals?\b|\b(round[- ]robin|group[- ]stage|knockout[- ]stage|last[- ]16|"
                    r"round\s+of\s+(?:16|32)|qualif(?:ying|ier|iers|ication))\b", re.I)
_FINAL = re.compile(r"(?<![-\w])finals?\b", re.I)


def _rival_stage(question: str, text: str) -> bool:
    """"the final" asked, only an earlier stage in the sentence (a semi-final, quarter-final, round-robin, group or
    knockout stage, qualifying), and the other way round."""
    asked_final = bool(_FINAL.search(_STAGE.sub("", question)))
    asked_stage = {(m.group(1) or m.group(2)).lower() for m in _STAGE.finditer(question)}
    has_final = bool(_FINAL.search(_STAGE.sub("", text)))
    has_stage = {(m.group(1) or m.group(2)).lower() for m in _STAGE.finditer(text)}
    if asked_final and not asked_stage:
        return bool(has_stage) and not has_final
    return bool(asked_stage) and bool(has_stage) and not asked_stage & has_stage


def _names_own_half(info: QuestionInfo, own: set[str], near: set[str]) -> bool:
    """An outcome is about the sides asked of: at least half the question's names are in the sentence itself (one
    side of a pair written "Bears-Panthers" names the pair: "The Bears grinded out a 16-13 victory"); an event
    keeps its qualifier beside it ("the Cricket World Cup": "the ODI World Cup" in an article titled on cricket)."""
    phrases = _side_runs(info.text)
    return not phrases or sum(_side_present(ph, own, either=True) or _event_present(ph, own, near)
                              for ph in phrases) * 2 >= len(phrases)


def _event_present(run: list[str], own: set[str], near: set[str]) -> bool:
    return len(run) > 2 and run[-1] in _EVENT_NOUNS and all(name_present(w, own) for w in run[-2:]) and all(
        name_present(w, own | near) for w in run[:-2])


def _side_runs(question: str) -> list[list[str]]:
    """The question's runs of names, a pair written with a hyphen standing alone: "the Bears-Panthers Thursday
    Night Football game" has the pair and "Thursday Night Football"."""
    out: list[list[str]] = []
    for run in name_runs(question):
        cur: list[str] = []
        for w in run:
            if _PAIR.fullmatch(w):
                out += [cur, [w]] if cur else [[w]]
                cur = []
            else:
                cur.append(w)
        if cur:
            out.append(cur)
    return out


_EVENT_NOUNS = frozenset("Bowl Cup Open Series Classic Championship Championships Trophy Final Games Tournament Prix "
                         "Invitational Derby Shield".split())
_PAIR = re.compile(r"[A-Z][\w'’.]*-[A-Z][\w'’.]*")  # "Bears-Panthers", "Jamaica-Canada"


def _side_present(run: list[str], vocab: set[str], either: bool = False) -> bool:
    """Is a side the question names in ``vocab``: all its words, its last ("Chiefs", "Charlo") or, for a two-word
    name, its first ("Canelo" for "Canelo Alvarez")? ``either``: a hyphenated pair is present when one of its
    sides is."""
    if either and len(run) == 1 and _PAIR.fullmatch(run[0]):
        return any(name_present(w, vocab) for w in run[0].split("-"))
    if len(run) > 1 and run[-1] in _EVENT_NOUNS:  # "Boca Raton Bowl": "Bowl" alone names every bowl game
        return all(name_present(w, vocab) for w in run)
    return all(name_present(w, vocab) for w in run) or name_present(run[-1], vocab) or (
        len(run) == 2 and name_present(run[0], vocab))


def _both_sides(info: QuestionInfo, vocab: set[str]) -> bool:
    """An outcome asked between two named sides ("the Dolphins' game against the Patriots") is reported
    with both of them in or beside the sentence: a result against a third side is another game's."""
    phrases = _side_runs(info.text)
    return len(phrases) != 2 or all(_side_present(ph, vocab) for ph in phrases)


_OPPONENT = re.compile(r"\b(?:against|beat|beats|beating|defeat|defeated)\s+(?:the\s+)?"
                       r"((?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*)*)", re.I)


def _opponent_named(question: str, vocab: set[str]) -> bool:
    """"Did Bayern win their game against Union Berlin?": the sentence reporting the result names the opponent (the
    last word of the name: "Berlin", "State" of "Arizona State", "Okoro" of "Jermell Okoro"); a result beside a
    mention of the game is another game's ("Frankfurt beat Bayern 5-1." then "The game against Union Berlin was
    postponed.")."""
    m = _OPPONENT.search(question)
    words = m.group(1).split() if m else []
    return not words or name_present(words[-1], vocab)  # "Okoro" for "Jermell Okoro"; "State", not "Arizona"


def _competes(spec: str, text: str) -> bool:
    """Does ``text`` name another value of the specifier's kind ("first ballot" for "second ballot",
    another year or span of time for 2022, another month)? Then the specifier in a neighbouring sentence
    is not its own."""
    words = spec.split()
    if ordinal_value(words[0]) is not None and len(words) == 2:
        rx = r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+" + words[1]
        return bool(re.search(rx, text, re.I))
    if re.fullmatch(r"(?:19|20)\d\d", spec):  # or its own span of time: "a record of 41 goals in a single season"
        return bool(re.search(r"\b(?:19|20)\d\d\b|\bin\s+a\s+(?:single\s+)?(?:season|calendar\s+year)\b|"
                              r"\ball[- ]time\b|\bcareer\b|\b(?:last|previous)\s+(?:year|season)\b", text, re.I))
    if spec in MONTHS:
        return any(re.search(r"\b" + m + r"\b", text) for m in MONTHS if m != spec)
    if re.fullmatch(_SCORE, spec):  # "the 2-1 loss": a sentence telling of a 2-2 is about another moment or game
        return any(re.sub(r"\s", "", x).replace("–", "-") != spec.replace("–", "-") for x in re.findall(_SCORE, text))
    return False


__all__ = ["check"]
