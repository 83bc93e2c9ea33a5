"""A sentence about another party than the one asked (rules of ``eligibility.check``): another country than the one
asked ("in Brazil"); or the question names a side, a venue, a game, a shop or the owner of a post in a slot
("against Argentina", "playing Hades", "at Amazon", "the Packers' quarterback") and the sentence fills that slot with
another name and never names the one asked ("against France", "playing Elden Ring", "at Best Buy", "Buccaneers
quarterback Baker Mayfield"). A North American major-league team named by its city in one and by its nickname in the
other ("against Washington", "against the Commanders") is no rival."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from assistant.answer.question import QuestionInfo
from assistant.answer.words import (
    COUNTRIES,
    WORD_RE,
    expand,
    name_present,
    proper_vocabulary,
    stem,
    term_present,
    vocabulary,
)
from index.quotations.wordlists import DAYS_MONTHS, ROLE_WORDS

if TYPE_CHECKING:
    from assistant.answer.facts import Candidate

_SLOT = r"against|playing|vs\.?|versus|at|beat|beating|facing|over"
_NAMED = re.compile(rf"\b({_SLOT})\s+(?:the\s+)?((?-i:[A-Z])[\w'’.&-]*(?:\s+(?-i:[A-Z])[\w'’.&-]*)*)", re.I)
_TEAMS = {  # city: the nicknames of its NFL, MLB, NBA and NHL teams
    "arizona": "cardinals diamondbacks coyotes", "atlanta": "falcons hawks braves", "baltimore": "ravens orioles",
    "boston": "celtics bruins red sox", "buffalo": "bills sabres", "carolina": "panthers hurricanes",
    "chicago": "bears bulls cubs white sox blackhawks", "cincinnati": "bengals reds",
    "cleveland": "browns guardians cavaliers cavs", "dallas": "cowboys mavericks mavs stars",
    "denver": "broncos nuggets", "detroit": "lions pistons tigers red wings", "houston": "texans astros rockets",
    "indianapolis": "colts pacers", "jacksonville": "jaguars jags", "kansas city": "chiefs royals",
    "las vegas": "raiders", "los angeles": "rams chargers dodgers angels lakers clippers kings",
    "miami": "dolphins heat marlins", "milwaukee": "bucks brewers", "minnesota": "vikings timberwolves twins wild",
    "new england": "patriots pats", "new orleans": "saints pelicans", "new york": "giants jets yankees mets knicks "
    "rangers islanders", "philadelphia": "eagles 76ers sixers phillies flyers", "pittsburgh": "steelers pirates "
    "penguins", "san francisco": "49ers niners giants", "seattle": "seahawks mariners kraken", "tampa bay":
    "buccaneers bucs rays lightning", "tennessee": "titans", "washington": "commanders nationals wizards capitals",
    "green bay": "packers", "toronto": "raptors maple leafs blue jays", "oakland": "athletics", "colorado": "rockies "
    "avalanche", "texas": "rangers", "san diego": "padres", "st. louis": "cardinals blues", "phoenix": "suns",
    "sacramento": "kings", "portland": "trail blazers", "memphis": "grizzlies", "orlando": "magic", "utah": "jazz",
    "charlotte": "hornets", "brooklyn": "nets", "golden state": "warriors", "oklahoma city": "thunder",
    "san antonio": "spurs", "calgary": "flames", "edmonton": "oilers", "vancouver": "canucks", "winnipeg": "jets",
    "ottawa": "senators", "montreal": "canadiens", "nashville": "predators", "anaheim": "ducks", "columbus": "blue "
    "jackets", "florida": "panthers marlins", "vegas": "golden knights",
}


_COLOURS = frozenset("red white blue golden trail".split())  # the first words of "Red Sox", "Golden Knights"


def team_named(city: str, vocab: set[str]) -> bool:
    """Do the (stemmed) words of an article name a team of the city a question names ("Washington": the
    Nationals, "How much did Soto turn down from Washington?")?"""
    nicknames = [w for w in _TEAMS.get(city.lower(), "").split() if w not in _COLOURS]
    return any(term_present(stem(w), vocab) for w in nicknames)


def _same_team(a: list[str], b: list[str]) -> bool:
    """Is one of the names a city and the other one of its teams' nicknames ("Washington", "Commanders")?"""
    x, y = " ".join(a).lower(), " ".join(b).lower()
    return f" {y} " in f" {_TEAMS.get(x, '')} " or f" {x} " in f" {_TEAMS.get(y, '')} "


def _slots(text: str) -> list[tuple[str, list[str]]]:
    out = []
    for m in _NAMED.finditer(text):
        words = [w.removesuffix("'s").removesuffix("’s") for w in WORD_RE.findall(m.group(2))]
        words = [w for w in words if w.lower() not in DAYS_MONTHS]
        if words:
            out.append((m.group(1).lower().rstrip("."), words))
    return out


def around(c: Candidate) -> set[str]:
    """The words beside a candidate sentence that may name the shop of its price: its neighbours, the line
    introducing its list and the rest of its list item ("God of War Ragnarök $62 ... Read our review. $62 at
    Amazon")."""
    text = c.passage.article_text
    line = text[text.rfind("\n", 0, c.start) + 1 : (text.find("\n", c.end) + 1 or len(text) + 1) - 1]
    return c.near | vocabulary(f"{c.lead} {line}")


def rival_slot(question: str, text: str, priced: Callable[[], set[str]] | None = None) -> bool:
    """Does ``text`` fill a slot the question names ("playing Hades") with another name only ("playing Elden
    Ring"), never naming the asked one? The owner of a post is one ("the Packers' quarterback": "Buccaneers
    quarterback Baker Mayfield"). ``priced``: for a price asked "at Best Buy", gives the words ``around`` the
    sentence: a price neither names the shop of is no answer, whatever shop it names."""
    if _rival_owner(question, text):
        return True
    asked = _slots(question)
    if not asked:
        return False
    said = _slots(text)
    vocab = vocabulary(text)
    for slot, names in asked:
        if any(name_present(n, vocab) for n in names):
            continue
        if priced is not None and slot == "at" and not all(name_present(n, priced()) for n in names):
            return True
        if any(s == slot and not {stem(w) for w in other} & {stem(n) for n in names} and not _same_team(names, other)
               for s, other in said):
            return True
    return False


_POST = "|".join(sorted(w for w in ROLE_WORDS if w.isalpha() and len(w) > 2))
_CAPS = r"((?-i:[A-Z])[\w.&-]*(?:\s+(?-i:[A-Z])[\w.&-]*){0,2})"
_OWNED_POST = re.compile(_CAPS + r"['’]s?\s+(?:[a-z-]+\s+){0,2}?(" + _POST + r")\b")  # "the Packers' quarterback"


class _OwnedPost(NamedTuple):
    owner: list[str]  # "Packers"
    stems: frozenset[str]
    held: re.Pattern  # the post held by a named side: "Buccaneers quarterback Baker Mayfield"


@functools.lru_cache(maxsize=256)
def _owned_post(question: str) -> _OwnedPost | None:
    """The owner and post a question asks about ("the Packers' quarterback"), read once per question, not per
    candidate sentence."""
    m = _OWNED_POST.search(question)
    if m is None:
        return None
    owner = [w.removesuffix("'s").removesuffix("’s") for w in m.group(1).split()]
    held = re.compile(_CAPS + r"\s+(?:[a-z-]+\s+){0,2}?" + m.group(2) + r"s?\s+(?-i:[A-Z])")
    return _OwnedPost(owner, frozenset(stem(w) for w in owner), held)


def _rival_owner(question: str, text: str) -> bool:
    """The question asks for the holder of a post someone owns ("Who is the Packers' quarterback?"); the sentence
    never names the owner and gives the post to another ("Buccaneers quarterback Baker Mayfield")."""
    asked = _owned_post(question)
    if asked is None or name_present(asked.owner[-1], vocabulary(text)):
        return False
    return any(not {stem(w) for w in o.group(1).split()} & asked.stems
               and not _same_team(asked.owner, o.group(1).split()) for o in asked.held.finditer(text))


def rival_place(info: QuestionInfo, text: str) -> bool:
    """The question asks about a country ("in Brazil"); the sentence names another one and not it, or, of two
    countries asked ("India's exports to Saudi Arabia"), names one and another in place of the second ("Israel's
    share in exports from India"); unless the question names an opponent: a match has two sides."""
    asked = [stem(n) for n in info.key_names if stem(n) in COUNTRIES]
    if not asked or re.search(r"\b(?:against|vs?\.?|versus|beat|beating|play|playing)\s+(?:the\s+)?[A-Z]", info.text):
        return False  # "Messi's role against Paraguay": the other side (Argentina) is no rival
    names = proper_vocabulary(text)
    if all(any(term_present(x, names) for x in expand(a)) for a in asked):
        return False
    allowed = {x for a in asked for x in expand(a)} | {stem(n) for n in info.key_names}
    allowed |= {x for a in asked if a in _UK_NATIONS for x in expand("uk")}  # England asked: "the UK" is no rival
    return any(n in COUNTRIES and n not in allowed for n in names)


_UK_NATIONS = frozenset(stem(w) for w in "england english scotland scottish wales welsh".split())


__all__ = ["around", "rival_place", "rival_slot", "team_named"]
