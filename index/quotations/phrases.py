"""Tokens and the noun phrases that can be speakers: a pronoun, a name with its role, a role phrase, an organisation.

``parse_np`` reads one phrase (``before_verb.subject_before`` finds the one that ends right before a speech verb).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from index.quotations.wordlists import (
    DAYS_MONTHS,
    DETS,
    DOCUMENT_NOUNS,
    EPONYM_NOUNS,
    GRAMMAR_WORDS,
    INDEFINITES,
    KIN_NOUNS,
    MID_PARTICLES,
    NAME_AUXILIARIES,
    OCCUPATION_RE,
    ORG_EPITHETS,
    ORG_WORDS,
    PARTICLES,
    ROLE_PREFIXES,
    ROLE_QUALIFIERS,
    ROLE_WORDS,
    SPEAKER_PRONOUNS,
    SPEECH_VERBS,
    SURNAME_TITLES,
    TIME_WORDS,
    UNNAMED_HEADS,
)

_WORD_RE = re.compile(r"[^\W\d_](?:[\w'’\-]|\.(?=[^\W\d_]))*\.?|\d+(?:[,.:]\d+)*|[^\w\s]")
_INITIALS_RE = re.compile(r"(?:[^\W\d_]\.)+")
_FIRST_PERSON_RE = re.compile(r"(?:I|We)(?:['’]\w+)?$")


class Token(NamedTuple):
    text: str
    start: int
    end: int


@dataclass
class Subject:
    """A phrase that may name a speaker, as read from the text."""

    kind: str  # "name" | "pronoun" | "role" | "org" | "unnamed" | "document" | "kin" ("his family")
    text: str
    start: int
    name: str = ""
    role: str = ""
    human: bool = False  # the text shows a person ("Oliver, 16,", "Sophie, who ..."), whatever the name's shape


def tokens(text: str, a: int, b: int) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _WORD_RE.finditer(text, a, b)]


def particle_at(toks: list[Token], j: int) -> bool:
    """A lower-case particle inside a name ("de Gaulle", "Erik ten Hag"; not "ten Democrats", which is a number)?"""
    w = low(toks[j].text)
    if j + 1 >= len(toks) or not is_cap(toks[j + 1].text):
        return False
    return w in PARTICLES or w in MID_PARTICLES and j > 0 and is_cap(toks[j - 1].text)


def is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def low(tok: str) -> str:
    return tok.lower().replace("’", "'")


def base(tok: str) -> str:
    """Lower case without a possessive 's."""
    w = low(tok)
    return w[:-2] if w.endswith("'s") else w


_OFFICER_RE = re.compile(r"C[A-Z]{1,2}O(?:['’]s)?")  # a chief officer: "CCO", "CPO", "CAIO"


def is_officer_initials(tok: str) -> bool:
    """A chief officer's initials, in capitals: "CCO", "CAIO", "CPO's" ("the CBO" is a name only after no name)."""
    return _OFFICER_RE.fullmatch(tok) is not None


def is_role(tok: str) -> bool:
    """A role word: "coach", "vice-president", and with a prefix "co-captain", "ex-manager", "vice-captain"; a chief
    officer's initials ("Acme CAIO Jane Roe")."""
    w = base(tok)
    parts = w.split("-")
    return w in ROLE_WORDS or parts[0] in ROLE_WORDS or len(parts) == 2 and parts[0] in ROLE_PREFIXES and (
        parts[1] in ROLE_WORDS) or OCCUPATION_RE.fullmatch(w) is not None or is_officer_initials(tok)


def clean_name(tok: str) -> str:
    """A name word without a sentence's full stop (initials keep theirs)."""
    if tok.endswith(".") and not _INITIALS_RE.fullmatch(tok):
        tok = tok[:-1]
    return tok


def title_link(toks: list[Token], j: int) -> bool:
    """Is ``toks[j]`` the "of" or "the" inside a capitalised title ("The Killers of the Flower Moon director")?"""
    if low(toks[j].text) not in ("of", "the") or j == 0 or j + 1 >= len(toks):
        return False
    before, after = toks[j - 1].text, toks[j + 1].text
    return (is_cap(before) or low(before) == "of") and (is_cap(after) or low(after) == "the")


def phrase_start(toks: list[Token]) -> int:
    """Index where a trailing subject noun phrase begins (len(toks) when none)."""
    i = len(toks)
    modified = False
    while i > 0:
        tok = toks[i - 1].text
        if toks[-1].text.islower() and is_role(toks[-1].text) and title_link(toks, i - 1):
            i -= 1  # an epithet after a title: "The Wolf of Wall Street director"
            continue
        if low(tok) in DETS:
            i -= 1
            break
        if is_cap(tok) or is_role(tok):
            i -= 1
            continue
        if i < len(toks) and particle_at(toks, i - 1):
            i -= 1
            continue
        if (i < len(toks) and is_role(toks[i].text) and not modified and tok.isalpha() and tok.islower()
                and tok not in GRAMMAR_WORDS and tok not in SPEECH_VERBS and not tok.endswith(("ed", "ing"))):
            modified = True  # a noun before the role: "committee chair X", "lead attorney X", "team spokesman X"
            i -= 1
            continue
        if low(tok) == "of" and i < len(toks) and is_role(toks[i].text) and i >= 2 and is_role(toks[i - 2].text):
            i -= 1
            continue
        if low(tok) in _ORG_JOINERS and i < len(toks) and is_cap(toks[i].text) and i >= 2 and is_cap(toks[i - 2].text) \
                and any(base(t.text) in ORG_WORDS for t in toks[i - 2 :]):
            i -= 1  # "Bank of America", "Securities and Exchange Commission"
            continue
        break
    return i


def parse_np(toks: list[Token]) -> Subject | None:
    """Read a noun phrase that should be a speaker: pronoun, name with role, role phrase, organisation."""
    kin = kin_phrase(toks)
    if kin is not None:
        return kin
    had_det = False
    det_start: int | None = None  # where "the" / "a" begins: the phrase starts there
    indefinite: Token | None = None  # "a senior official": someone the article does not name
    while toks and (low(toks[0].text) in GRAMMAR_WORDS or low(toks[0].text).rstrip(".") in DAYS_MONTHS):
        if low(toks[0].text) in SPEAKER_PRONOUNS and len(toks) == 1 or toks[0].text in NAME_AUXILIARIES:
            break
        if low(toks[0].text) in DETS:
            had_det, det_start = True, toks[0].start
        indefinite = toks[0] if low(toks[0].text) in INDEFINITES else None
        toks = toks[1:]
    if not toks or any(t.text in ",;:()" for t in toks) or _FIRST_PERSON_RE.match(toks[0].text):
        return None  # "I've said that …" inside a post: the writer, not a named speaker
    if indefinite is not None and low(toks[0].text) in TIME_WORDS:
        return None  # "one month after the singer revealed": a time, not a source
    start = det_start if det_start is not None else toks[0].start
    words = [t.text for t in toks]
    raw = " ".join(words)
    unnamed = _unnamed(toks, indefinite)
    if unnamed is not None:
        if unnamed.start > start:  # '"…," the witness told ET': the phrase starts at "the"
            unnamed.start, unnamed.name = start, f"the {unnamed.name}"
        return unnamed
    if len(words) == 1 and low(words[0]) in SPEAKER_PRONOUNS:
        return Subject("pronoun", raw, start)  # "they": an unnamed source going on (``Coreference``)
    if len(words) > 8:
        return None
    lows = [base(w) for w in words]
    if len(words) > 1 and is_role(words[-1]) and any(low(w).endswith("'s") for w in words[:-1]):
        return Subject("role", raw, start, role=raw)  # "the club's manager"
    poss = max((k for k, w in enumerate(words[:-1]) if low(w).endswith("'s")), default=-1)
    after = words[poss + 1 :]
    if poss >= 0 and 1 <= len(after) <= 3 and all(is_cap(w) and base(w) not in ORG_WORDS for w in after):
        # "MLB Network's Jon Morosi", "the club's Jane Doe": a person with an affiliation
        name = " ".join(clean_name(w) for w in after)
        return Subject("name", raw, start, name=name, role=" ".join(words[: poss + 1]))
    titled = any(is_role(w) for w in words[:-1]) and is_cap(words[-1]) and not is_role(words[-1]) and (
        base(words[-1]) not in ORG_WORDS  # "Premier League", "Prime Minister's Office": an organisation
    )
    if indefinite is not None and lows[-1] in ORG_WORDS and not is_cap(words[-1]):
        name = " ".join(t.text for t in [indefinite, *toks])  # "an Everton fans' group": an organisation unnamed
        return Subject("unnamed", name, indefinite.start, name=name)
    if had_det and not is_cap(words[-1]) and lows[-1] in DOCUMENT_NOUNS:
        named = [w for w in words[:-1] if is_cap(w) and not is_role(w)]
        if named and words[-len(named) - 1 : -1] == named:  # "an emailed Microsoft statement": Microsoft's
            name = re.sub(r"['’]s?$", "", " ".join(clean_name(w) for w in named))  # "The WSJ's report": WSJ
            return Subject("org", raw, start, name=name)
        if indefinite is not None:  # "a family statement read": a document with no named author
            name = " ".join(t.text for t in [indefinite, *toks])
            return Subject("unnamed", name, indefinite.start, name=name)
        return Subject("document", raw, start)  # "the report says": whoever issued it
    if had_det and not is_cap(words[-1]) and lows[-1] in ORG_EPITHETS:
        return Subject("pronoun", "it", start, role=lows[-1])  # "the iPhone maker said": a company named before
    if any(w in ORG_WORDS for w in lows) and not titled and not is_role(words[-1]):  # "Chief Soccer Officer": a role
        if had_det and not is_cap(words[-1]) and lows[-1] in ORG_WORDS:
            return Subject("pronoun", "it", start, role=lows[-1])  # "the company said", "the Premier League club said"
        if is_cap(words[0]) and is_cap(words[-1]) and all(is_cap(w) or low(w) in _ORG_JOINERS for w in words):
            name = ("the " if had_det else "") + " ".join(clean_name(w) for w in words)
            return Subject("org", raw, start, name=name)
        return None
    if len(words) > 1 and is_cap(words[-1]) and lows[-1] in ROLE_QUALIFIERS and all(
            is_cap(w) and not is_role(w) for w in words[:-1]):  # "Michigan State", "Penn State": a university
        return Subject("org", raw, start, name=("the " if had_det else "") + " ".join(clean_name(w) for w in words))
    name_like = [(is_cap(w) or low(w) in PARTICLES | MID_PARTICLES) and not _modifier(w) for w in words]
    last_role = max((k for k, w in enumerate(words) if is_role(w) or not name_like[k]), default=-1)
    name_words = words[last_role + 1 :]
    role_words = words[: last_role + 1]
    if name_words and (len(name_words) > 5 or not is_cap(name_words[-1])):
        return None
    if len(name_words) == 1 and base(clean_name(name_words[0])) in EPONYM_NOUNS:
        return None  # "the Billie Jean King Cup": a trophy, not a person called "Cup"
    role = " ".join(role_words)
    if not name_words:
        if role_words and any(is_role(w) for w in role_words):
            if indefinite is not None:  # "a Google spokesperson": someone the article does not name
                name = " ".join(t.text for t in [indefinite, *toks])
                return Subject("unnamed", name, indefinite.start, name=name)
            return Subject("role", raw, start, role=role)
        return None
    if any(low(w).rstrip(".") in DAYS_MONTHS for w in name_words):
        return None
    owned = [k for k, w in enumerate(name_words) if w.endswith(("'s", "’s", "s'", "s’"))]
    if len(owned) == 1 and owned[0] <= 1 and len(name_words) - owned[0] in (2, 3) and not had_det and not role_words:
        # "Bridgestone's Niaura says", "NBC Sports' Alex Pavlovic": the person, with the owner as the role
        role, name_words = " ".join(name_words[: owned[0] + 1]), name_words[owned[0] + 1 :]
    elif owned:
        return None
    name = " ".join(clean_name(w) for w in name_words)
    if had_det and not role_words:
        return Subject("org", raw, start, name="the " + name)
    return Subject("name", raw, start, name=name, role=role)


def titled_surname(words: list[str]) -> int:
    """Where a name ending in a title that is also a surname begins ("Stephen King", "Yankees star Aaron Judge":
    2), or -1. Only the shape: whether "King" is a surname is for the article to say (``people.register_people``
    asks that it also stand alone: "King said"), since "Burger King" and "Thai King" have the same shape."""
    if len(words) < 2 or base(words[-1]) not in SURNAME_TITLES or not is_cap(words[-1]):
        return -1
    k = len(words) - 1
    while k > 0 and len(words) - k <= 3 and is_cap(words[k - 1]) and not is_role(words[k - 1]) and not (
            _modifier(words[k - 1]) or base(words[k - 1]) in ORG_WORDS | ROLE_QUALIFIERS | DAYS_MONTHS
            or low(words[k - 1]).endswith(("'s", "’s"))):
        k -= 1
    return k if k < len(words) - 1 and (k == 0 or is_role(words[k - 1]) or not is_cap(words[k - 1])) else -1


def _modifier(word: str) -> bool:
    """ "Virginia-based", "London-born" describe, they do not name (a name has every part capitalised: "Smith-Rowe")."""
    return is_cap(word) and any(p[:1].islower() for p in word.split("-")[1:])


def kin_phrase(toks: list[Token]) -> Subject | None:
    """ "Kenwright's family", "his widow", "her parents": the relatives of a person, who speak for them. The
    owner ("Kenwright", "his") is the subject's name, the relation its role."""
    if len(toks) != 2 or low(toks[1].text) not in KIN_NOUNS:
        return None
    owner = toks[0].text
    if low(owner) in ("his", "her") or is_cap(owner) and owner.endswith(("'s", "’s")):
        return Subject("kin", f"{owner} {toks[1].text}", toks[0].start, name=clean_name(owner).removesuffix("'s")
                       .removesuffix("’s"), role=low(toks[1].text))
    return None


def _unnamed(toks: list[Token], indefinite: Token | None) -> Subject | None:
    """An unnamed source: "a senior official", "a spokesperson for the ministry", "officials", "analysts"."""
    words = [low(t.text) for t in toks]
    head = next((k for k, w in enumerate(words) if w in _OF_WORDS), len(words))
    if head == 0 or len(words) > 16:
        return None
    noun = words[head - 1]
    if is_cap(toks[head - 1].text) and head > 1 or any(is_cap(t.text) for t in toks[:head - 1]) and not (
        noun in UNNAMED_HEADS and (noun.endswith("s") or indefinite is not None)  # "one X user", "a Meta engineer"
    ):
        return None  # "Fed officials" and "Sources in …" are unnamed, "Alameda Research" or "Acme Corp staff" is not
    if indefinite is None:
        described = noun == "people" and head < len(words)  # "people familiar with", not "People" (a magazine)
        if noun not in UNNAMED_HEADS or not noun.endswith("s") and noun not in ("source", "insider") and not described:
            return None  # "the official" is someone named before (a role), "officials" and "the source" are not
    elif noun not in UNNAMED_HEADS and not is_role(toks[head - 1].text):
        return None
    name = " ".join(t.text for t in ([indefinite] if indefinite else []) + toks)
    return Subject("unnamed", name, (indefinite or toks[0]).start, name=name)


# words that end an unnamed source's head noun: "a spokesperson for …", "sources familiar with …", "one source who …"
_OF_WORDS = frozenset("for at of with from in inside who familiar close briefed involved based".split())
_ORG_JOINERS = frozenset({"of", "and", "&", "for"})  # inside an organisation's name


__all__ = ["Subject", "Token", "base", "clean_name", "is_cap", "is_role", "kin_phrase", "low", "parse_np",
           "phrase_start", "title_link", "titled_surname", "tokens"]
