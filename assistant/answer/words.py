"""Words as the answerer compares them: a crude stemmer, content terms, aliases and number words.

One rule each (the stemmer and the function words are ``index.text.terms``'): ``content_terms``
(stemmed words minus function words and question words), ``term_present`` (a stem or a close
prefix variant in a vocabulary), ``expand`` (a term and its general-knowledge aliases:
country names and their demonyms, common abbreviations, number words and ordinals), and
``date_words`` (how questions name a publication date).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Sequence

from index.text import terms
from index.text.terms import WEB_ADDRESS_RE, WORD_RE, stem

QUESTION_WORDS = frozenset({"who", "whom", "whose", "what", "when", "where", "which", "why", "how", "many", "much"})
# Words that say how something was said or asked, not what about.
# "Fiji-born", "London-based": a place of origin asked as part of a description ("born in Fiji" names it)
ORIGIN_WORDS = frozenset("born bred raised based".split())
GENERIC = frozenset(
    """
    say said says tell told happen happened know think thing according article articles news report
    reported mention mentioned describe explain did does doe do get make made go went quote respond
    react response reaction comment else other more also again anything something
""".split()
)
_NUMBER_WORDS = "zero one two three four five six seven eight nine ten eleven twelve".split()
_ORDINALS = "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()
# General-knowledge equivalences, each group read as one term (a stem maps to all stems of its group).
_COUNTRY_GROUPS = [
    "us u-s usa u-s-a america american americans united-states",
    "uk u-k britain british united-kingdom",
    "china chinese", "japan japanese", "brazil brazilian", "india indian", "russia russian", "ukraine ukrainian",
    "germany german", "france french", "italy italian", "spain spanish", "canada canadian", "mexico mexican",
    "australia australian", "israel israeli", "iran iranian", "korea korean", "argentina argentine argentinian",
    "england english", "scotland scottish", "ireland irish", "wales welsh", "netherlands dutch",
    "portugal portuguese", "norway norwegian", "sweden swedish", "denmark danish", "finland finnish",
    "poland polish", "belgium belgian", "switzerland swiss", "austria austrian", "greece greek",
    "egypt egyptian", "nigeria nigerian", "kenya kenyan", "pakistan pakistani", "indonesia indonesian",
    "vietnam vietnamese", "taiwan taiwanese", "singapore singaporean", "colombia colombian", "chile chilean",
    "jamaica jamaican", "new-zealand", "south-africa", "saudi-arabia saudi", "qatar qatari",
    "nepal nepali nepalese", "bangladesh bangladeshi", "sri-lanka sri-lankan", "thailand thai", "malaysia malaysian",
    "philippines filipino", "cambodia cambodian", "myanmar", "mongolia mongolian", "kazakhstan kazakh",
    "afghanistan afghan", "iraq iraqi", "syria syrian", "lebanon lebanese", "yemen yemeni", "kuwait kuwaiti",
    "oman omani", "bahrain bahraini", "united-arab-emirates uae emirati", "armenia armenian",
    "azerbaijan azerbaijani", "belarus belarusian", "hungary hungarian", "romania romanian", "bulgaria bulgarian",
    "serbia serbian", "croatia croatian", "slovenia slovenian", "slovakia slovak", "czech-republic czechia czech",
    "estonia estonian", "latvia latvian", "lithuania lithuanian", "iceland icelandic", "morocco moroccan",
    "algeria algerian", "tunisia tunisian", "libya libyan", "sudan sudanese", "ethiopia ethiopian", "ghana ghanaian",
    "senegal senegalese", "cameroon cameroonian", "uganda ugandan", "tanzania tanzanian", "zimbabwe zimbabwean",
    "zambia zambian", "peru peruvian", "venezuela venezuelan", "ecuador ecuadorian", "bolivia bolivian",
    "paraguay paraguayan", "uruguay uruguayan", "cuba cuban", "haiti haitian", "panama panamanian",
    "costa-rica costa-rican", "honduras honduran", "guatemala guatemalan", "trinidad-and-tobago trinidadian",
]
_ALIAS_GROUPS = [
    *_COUNTRY_GROUPS,
    "eu e-u european-union",
    "un u-n united-nations",
    "ceo chief-executive chief-executive-officer", "cfo finance-chief chief-financial-officer",
    "cto chief-technology-officer", "coo chief-operating-officer",
    "ai artificial-intelligence", "sell sold sale selling", "q1 first-quarter", "q2 second-quarter", "q3 third-quarter",
    "q4 fourth-quarter", "cinema theater theatre", "film movie", "percent per-cent",
    "revenue sales turnover", "profit earnings net-income",
    "score scored scorer goal netted brace strike header", "win won winner winning victory",
    "dock docked deduct deducted deduction", "write wrote written penned",
    "job employee worker staff staffer position",  # "How many jobs is X cutting?": "cutting 900 employees"
]


def content_terms(text: str) -> list[str]:
    """Stemmed content words of a text, in order (function words and question words dropped)."""
    return terms.content_terms(text, drop=QUESTION_WORDS)


@functools.lru_cache(maxsize=8192)
def vocabulary(text: str) -> frozenset[str]:
    """Every stemmed word of a text and the parts of its hyphenated words ("R-Iowa"), plus the joined
    forms of its two- and three-word runs (``united-states``) so multi-word aliases can be found; a text
    opening with a list number ("7. ") also holds that ordinal ("seventh")."""
    words = [stem(w) for w in WORD_RE.findall(text)]
    out = set(words) | {stem(part) for w in words if "-" in w for part in w.split("-") if part}
    out.update(map("-".join, zip(words, words[1:])))
    out.update(map("-".join, zip(words, words[1:], words[2:])))
    out.update(_number_forms(words))
    rank = re.match(r"\s*(\d{1,2})\.\s", text)  # "7. Lautaro Martinez - 37 goals" is the seventh of a list
    if rank and int(rank.group(1)) < len(_ORDINALS):
        out.add(_ORDINALS[int(rank.group(1))])
    out.update(acronyms(text))
    return frozenset(out)


@functools.lru_cache(maxsize=256)
def proper_vocabulary(text: str) -> frozenset[str]:
    """Stems of the capitalised words and figures of a text (names and numbers, wherever they stand),
    the initials of its name runs and the sites of its web addresses ("mlbtraderumors.com")."""
    words = [w for word in WORD_RE.findall(text) for w in (word, *word.split("-")[1:]) if w]
    sites = {stem(m.lower()) for m in WEB_ADDRESS_RE.findall(text)}
    return frozenset({stem(w) for w in words if w[:1].isupper() or any(ch.isdigit() for ch in w)} | acronyms(text)
                     | sites)


def run_present(run: Sequence[str], vocab: Collection[str]) -> bool:
    """Is a run of names from a question in ``vocab``: every word, or the run written as one word, as a web
    address writes it ("MLB Trade Rumors" as "mlbtraderumors.com")?"""
    return all(name_present(w, vocab) for w in run) or len(run) > 1 and term_present(stem("".join(run).lower()), vocab)


_CAP_RUN = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:of|for|the|de|&)?\s*[A-Z][\w'’-]*)+")


def acronyms(text: str) -> set[str]:
    """Initials of the capitalised name runs of a text ("National Association of Realtors" -> "nar",
    "Changpeng Zhao" -> "cz"), so a question may name either form."""
    out = set()
    for m in _CAP_RUN.finditer(text):
        words = [w for w in m.group().split() if w[:1].isupper()]
        if words[0] in ("The", "A", "An"):  # "The National Australia Bank" opening a sentence is "NAB"
            words = words[1:]
        if 2 <= len(words) <= 6:
            out.add("".join(w[0] for w in words).lower())
    return out


_ORDINAL_RE = re.compile(r"(\d+)(?:st|nd|rd|th)")


def _number_forms(words: list[str]) -> set[str]:
    """'3rd' and 'third' are one term, and so are '3' and 'three'."""
    out = set()
    for w in words:
        if not w[:1].isdigit():
            continue
        m = _ORDINAL_RE.fullmatch(w)
        if m and int(m.group(1)) < len(_ORDINALS):
            out.add(_ORDINALS[int(m.group(1))])
        elif w.isdigit() and int(w) < len(_NUMBER_WORDS):
            out.add(_NUMBER_WORDS[int(w)])
    return out


def _stems(group: str) -> frozenset[str]:
    return frozenset("-".join(stem(p) for p in w.split("-")) for w in group.split())


COUNTRIES: frozenset[str] = frozenset().union(*(_stems(g) for g in _COUNTRY_GROUPS))
# the places and peoples as written ("United States", "Saudi Arabia", "Brazilian"), for a question typed in lower case
COUNTRY_NAMES: frozenset[str] = frozenset(" ".join(p.capitalize() for p in w.split("-"))
                                          for g in _COUNTRY_GROUPS for w in g.split() if len(w) > 3 and w.isalpha()
                                          or "-" in w and all(len(p) > 1 for p in w.split("-")))

_ALIASES: dict[str, frozenset[str]] = {}
for _group in _ALIAS_GROUPS:
    for _s in _stems(_group):
        _ALIASES[_s] = _ALIASES.get(_s, frozenset()) | _stems(_group)



def expand(term: str) -> frozenset[str]:
    """A stemmed term and its aliases (``american`` -> us, u.s., america, united-states, ...)."""
    return _ALIASES.get(term, frozenset()) | {term}


def by_prefix(vocab: Collection[str], only: Collection[str] | None = None) -> dict[str, tuple[str, ...]]:
    """The words of five letters or more of a vocabulary, by their first five letters (``term_present``'s
    ``prefixes``, for a caller that looks many terms up in one vocabulary; ``only`` those prefixes)."""
    index: dict[str, list[str]] = {}
    for v in vocab:
        if len(v) >= 5 and (only is None or v[:5] in only):
            index.setdefault(v[:5], []).append(v)
    return {k: tuple(words) for k, words in index.items()}


_by_prefix = functools.lru_cache(maxsize=4096)(by_prefix)


def term_present(term: str, vocab: Collection[str], prefixes: dict[str, tuple[str, ...]] | None = None) -> bool:
    """Is a stemmed term (or an alias, or a close prefix variant of five letters or more) in ``vocab``?
    ``prefixes``: ``by_prefix(vocab)`` when the caller has it (a frozen vocabulary's is cached here)."""
    for t in expand(term):
        if t in vocab:
            return True
    if len(term) >= 5:
        # a prefix variant shares the first five letters: looked up by them when the index is at hand
        if prefixes is None and isinstance(vocab, frozenset):
            prefixes = _by_prefix(vocab)
        near = prefixes.get(term[:5], ()) if prefixes is not None else vocab
        return any(
            len(v) >= 5 and (v.startswith(term) or term.startswith(v)) and abs(len(v) - len(term)) <= 2
            or "-" in term and starts_alike(v.split("-"), term.split("-"))  # "second-gen": "second-generation"
            for v in near
        )
    return False


def starts_alike(words: list[str], parts: list[str]) -> bool:
    """As many words as parts, each the start of the other (three letters or more): "tenth gen" ~ "tenth generation"."""
    return len(words) == len(parts) and all(
        min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a)) for a, b in zip(words, parts))


def name_present(name: str, vocab: set[str]) -> bool:
    """Is a name from a question in ``vocab``: whole, or every part of a hyphenated pair
    ("Jamaica-Canada" in "Jamaica vs Canada")?"""
    if term_present(stem(name), vocab):
        return True
    parts = [p for p in name.split("-") if p]
    return len(parts) > 1 and all(term_present(stem(p), vocab) for p in parts)


def ordinal_value(word: str) -> int | None:
    """'third' -> 3, '3rd' -> 3; None for anything else."""
    low = word.lower()
    if low in _ORDINALS:
        return _ORDINALS.index(low)
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", low)
    return int(m.group(1)) if m else None


def ordinal_word(word: str) -> str:
    """'10th' -> 'tenth' (up to twelfth, as ``vocabulary`` also reads them); any other word as it is."""
    n = ordinal_value(word)
    return _ORDINALS[n] if n is not None and n < len(_ORDINALS) else word


def specifier_stem(spec: str) -> str:
    """How a specifier is looked up in a ``vocabulary``: stemmed words joined by hyphens."""
    return "-".join(stem(w) for w in spec.split())


def specifier_present(spec: str, vocab: Collection[str]) -> bool:
    """Is a specifier in ``vocab``: as written, with its ordinal in words ("10th" as "tenth"), or word by word as
    a phrase there of which each word is the start of the other ("10th-gen" in "tenth generation"); an ordinal
    before a noun also as the noun numbered ("second player" as "player two", "player 2")?"""
    written = specifier_stem(spec.replace("-", " ")).split("-")
    for parts in (written, [ordinal_word(w) for w in written]):
        if term_present("-".join(parts), vocab):
            return True
        if len(parts) > 1 and any(starts_alike(x.split("-"), parts) for x in vocab
                                  if x.count("-") == len(parts) - 1 and x.startswith(parts[0])):
            return True
    n = ordinal_value(written[0]) if len(written) == 2 else None
    return n is not None and n < len(_NUMBER_WORDS) and any(
        f"{written[1]}-{x}" in vocab for x in (str(n), _NUMBER_WORDS[n]))


MONTHS = "January February March April May June July August September October November December".split()


def date_words(published: str) -> str:
    """'2023-10-07T12:00:00+00:00' -> '2023 October 7 07 7th' (how questions name dates)."""
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", published or "")
    if not m:
        return ""
    year, month, day = m.groups()
    n = int(day)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{year} {MONTHS[int(month) - 1]} {n} {day} {n}{suffix}"


__all__ = [
    "COUNTRIES",
    "COUNTRY_NAMES",
    "GENERIC",
    "acronyms",
    "MONTHS",
    "ORIGIN_WORDS",
    "QUESTION_WORDS",
    "WORD_RE",
    "content_terms",
    "date_words",
    "expand",
    "name_present",
    "run_present",
    "ordinal_value",
    "ordinal_word",
    "proper_vocabulary",
    "specifier_present",
    "specifier_stem",
    "starts_alike",
    "stem",
    "term_present",
    "vocabulary",
]
