"""Tokens and the noun phrases that can be speakers: a pronoun, a name with its role, a role phrase, an organisation.

``parse_np`` reads one phrase; ``subject_before`` finds the speaker phrase that ends right before a speech verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from index.quotations.asides import without_asides
from index.quotations.wordlists import (
    AUX_ADV,
    BE_FORMS,
    CLAUSE_OPENERS,
    DAYS_MONTHS,
    DETS,
    DOCUMENT_NOUNS,
    GRAMMAR_WORDS,
    INDEFINITES,
    KIN_NOUNS,
    LY_NOUNS,
    MID_PARTICLES,
    NAME_AUXILIARIES,
    OCCUPATION_RE,
    ORG_WORDS,
    PARTICLES,
    PREPOSITIONS,
    PRONOUNS,
    ROLE_PREFIXES,
    ROLE_WORDS,
    SPEECH_VERBS,
    TIME_WORDS,
    UNNAMED_HEADS,
)

_WORD_RE = re.compile(r"[^\W\d_](?:[\w'’\-]|\.(?=[^\W\d_]))*\.?|\d+(?:[,.:]\d+)*|[^\w\s]")
_INITIALS_RE = re.compile(r"(?:[^\W\d_]\.)+")
_FIRST_PERSON_RE = re.compile(r"(?:I|We)(?:['’]\w+)?$")
_PARTY_RE = re.compile(r"[A-Z]-[A-Z][A-Za-z.]*")


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


def is_role(tok: str) -> bool:
    """A role word: "coach", "vice-president", and with a prefix "co-captain", "ex-manager", "vice-captain"."""
    w = base(tok)
    parts = w.split("-")
    return w in ROLE_WORDS or parts[0] in ROLE_WORDS or len(parts) == 2 and parts[0] in ROLE_PREFIXES and (
        parts[1] in ROLE_WORDS) or OCCUPATION_RE.fullmatch(w) is not None


def clean_name(tok: str) -> str:
    """A name word without a sentence's full stop (initials keep theirs)."""
    if tok.endswith(".") and not _INITIALS_RE.fullmatch(tok):
        tok = tok[:-1]
    return tok


def phrase_start(toks: list[Token]) -> int:
    """Index where a trailing subject noun phrase begins (len(toks) when none)."""
    i = len(toks)
    modified = False
    while i > 0:
        tok = toks[i - 1].text
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
    kin = _kin(toks)
    if kin is not None:
        return kin
    had_det = False
    det_start: int | None = None  # where "the" / "a" begins: the phrase starts there
    indefinite: Token | None = None  # "a senior official": someone the article does not name
    while toks and (low(toks[0].text) in GRAMMAR_WORDS or low(toks[0].text).rstrip(".") in DAYS_MONTHS):
        if low(toks[0].text) in PRONOUNS and len(toks) == 1 or toks[0].text in NAME_AUXILIARIES:
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
    if len(words) == 1 and low(words[0]) in PRONOUNS:
        return Subject("pronoun", raw, start)
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
    if any(w in ORG_WORDS for w in lows) and not titled and not is_role(words[-1]):  # "Chief Soccer Officer": a role
        if had_det and not is_cap(words[-1]) and lows[-1] in ORG_WORDS:
            return Subject("pronoun", "it", start, role=lows[-1])  # "the company said", "the Premier League club said"
        if is_cap(words[0]) and is_cap(words[-1]) and all(is_cap(w) or low(w) in _ORG_JOINERS for w in words):
            name = ("the " if had_det else "") + " ".join(clean_name(w) for w in words)
            return Subject("org", raw, start, name=name)
        return None
    name_like = [(is_cap(w) or low(w) in PARTICLES | MID_PARTICLES) and not _modifier(w) for w in words]
    last_role = max((k for k, w in enumerate(words) if is_role(w) or not name_like[k]), default=-1)
    name_words = words[last_role + 1 :]
    role_words = words[: last_role + 1]
    if name_words and (len(name_words) > 5 or not is_cap(name_words[-1])):
        return None
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
    owned = [k for k, w in enumerate(name_words) if w.endswith(("'s", "’s"))]
    if owned == [0] and len(name_words) in (2, 3) and not had_det and not role_words:
        # "Bridgestone's Niaura says": the person, with the owner as the role
        role, name_words = name_words[0], name_words[1:]
    elif owned:
        return None
    name = " ".join(clean_name(w) for w in name_words)
    if had_det and not role_words:
        return Subject("org", raw, start, name="the " + name)
    return Subject("name", raw, start, name=name, role=role)


def _modifier(word: str) -> bool:
    """ "Virginia-based", "London-born" describe, they do not name (a name has every part capitalised: "Smith-Rowe")."""
    return is_cap(word) and any(p[:1].islower() for p in word.split("-")[1:])


def _kin(toks: list[Token]) -> Subject | None:
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
        if noun not in UNNAMED_HEADS or not noun.endswith("s") and noun not in ("source", "insider"):
            return None  # "the official" is someone named before (a role), "officials" and "the source" are not
    elif noun not in UNNAMED_HEADS and not is_role(toks[head - 1].text):
        return None
    name = " ".join(t.text for t in ([indefinite] if indefinite else []) + toks)
    return Subject("unnamed", name, (indefinite or toks[0]).start, name=name)


# words that end an unnamed source's head noun: "a spokesperson for …", "sources familiar with …", "one source who …"
_OF_WORDS = frozenset("for at of with from in who familiar close briefed involved based".split())
_ORG_JOINERS = frozenset({"of", "and", "&", "for"})  # inside an organisation's name
_OBJECT_PREPS = frozenset("in at from by on for against among across to".split())  # not "with X saying"




def _strip_trailing(toks: list[Token]) -> list[Token]:
    """Drop auxiliaries and adverbs before the verb ("X has also said"); a capitalised "Will" is a name."""
    while toks and (low(t := toks[-1].text) in AUX_ADV and t not in NAME_AUXILIARIES
                    or low(t).endswith("ly") and not is_cap(t) and low(t) not in LY_NOUNS):
        toks = toks[:-1]
    return toks


def _relative_head(toks: list[Token]) -> list[Token]:
    """ "Trump's team hired an expert witness who argued": "an expert witness" spoke, not the clause's subject."""
    k = max((k for k, t in enumerate(toks[:-1]) if low(t.text) in INDEFINITES), default=0) if toks else 0
    return toks[k:-1] if k and low(toks[-1].text) == "who" else toks


def subject_before(text: str, lo: int, verb_start: int) -> Subject | None:
    """The speaker phrase that ends right before a speech verb (adverbs, an appositive allowed); None before a
    passive ("X was asked by Y, '…?'": the words are not X's)."""
    toks = without_asides(tokens(text, lo, verb_start))
    aux = [t for t in toks if not low(t.text).endswith("ly")][-1:]
    verb = text[verb_start : verb_start + 20].split()[:1]
    if aux and low(aux[0].text) in BE_FORMS and verb and not low(verb[0]).rstrip(",.:").endswith("ing"):
        return None
    toks = _strip_trailing(toks)
    if len(toks) > 2 and low(toks[-1].text) == "who" and toks[-2].text == ",":
        head = toks[:-2]  # "was hard for Eileen Smith, who said, '…'": the person before "who"
        np = parse_np(head[phrase_start(head) :])
        if np is not None and np.kind == "name":
            np.human = True
            return np
    if toks and toks[-1].text == ",":
        # an appositive: "Tristan Snell, a lawyer and author, wrote" / "Her spokesperson, Jane Doe, said"
        k = len(toks) - 2
        while k >= 0 and toks[k].text not in ",;:":
            k -= 1
        if k < 0 or toks[k].text != ",":
            return None
        inner = toks[k + 1 : -1]
        head = toks[:k]
        aside = inner and (low(inner[0].text) in PREPOSITIONS | CLAUSE_OPENERS and low(inner[0].text) not in DETS
                           or len(inner) == 1 and (_PARTY_RE.fullmatch(inner[0].text) or inner[0].text.isdigit()))
        if aside:
            # an aside, not an appositive: "Ohanian, for example, shared" / "Crocker, in a meeting with X, said" /
            # a party and state: "Rep. Jane Doe, R-Fla., said" / an age: "Stapleton, 45, told Fox News"
            head = _strip_trailing(head)
            np = parse_np(head[phrase_start(head) :]) if head else None
            if np is not None and inner[0].text.isdigit():
                np.human = True  # "Oliver, 16, said": a person, not an organisation
            return np if np is not None and np.kind != "pronoun" or len(head) == 1 else None
        inner_np = parse_np(inner) if inner else None
        if inner_np is not None and inner_np.kind == "name" and not inner_np.role:
            before = head[phrase_start(head) :]
            outer = parse_np(before) if before else None
            if outer is not None and outer.kind == "role":
                inner_np.role = outer.role
            return inner_np
        owner = len(inner) > 1 and re.search(r"['’]s$", inner[0].text) and is_cap(inner[0].text) and any(
            is_role(t.text) for t in inner[1:])  # "Yann LeCun, Meta's chief AI scientist, said"
        post = len(inner) > 2 and inner[0].text.isalpha() and inner[0].text.islower() and low(inner[1].text) in (
            "of", "at") and inner[0].text not in INDEFINITES  # "Vinhcent Le, member of the regulator's board, added"
        if not inner or not (low(inner[0].text) in DETS | {"who", "whose", "which"} or is_role(inner[0].text) or owner
                             or post):
            return None
        head = _strip_trailing(head)
        # a second appositive before this one: "X, chief officer at Y, a Z company, said"
        while head and "," in (t.text for t in head):
            c = max(i for i, t in enumerate(head) if t.text == ",")
            seg = head[c + 1 :]
            if not seg or not (low(seg[0].text) in DETS or is_role(seg[0].text)) or c == 0:
                break
            inner, head = seg, _strip_trailing(head[:c])
        np = parse_np(head[phrase_start(head) :]) if head else None
        if np is not None and low(inner[0].text) in ("who", "whose"):
            np.human = True  # "Sophie, who was named creator of the year, told the BBC": a person, not a role
        elif np is not None and np.kind == "name" and not np.role and low(inner[0].text) != "which":
            appos = text[inner[0].start : inner[-1].end]
            np.role = re.sub(r"^(?:a|an|the)\s+", "", appos)
        return np
    if not toks:
        return None
    kin = _kin(toks[-2:])  # "Kenwright's family said", "his widow told the BBC"
    if kin is not None:
        return kin
    if low(toks[-1].text) in PRONOUNS and (len(toks) == 1 or not is_cap(toks[-2].text)):
        return parse_np(toks[-1:])  # "a message ... in which he wrote": the pronoun right before the verb
    # an unnamed source with its modifiers: "Sources in the sector say", "One source who was briefed said"
    cut = max((k + 1 for k, t in enumerate(toks) if t.text in ",;:—–" or low(t.text) == "that"), default=0)
    if len(toks) - cut <= 16:
        whole = parse_np(_relative_head(toks[cut:]))
        if whole is not None and whole.kind == "unnamed":
            return whole
    np_toks = toks[phrase_start(toks) :]
    affiliated = _name_of(toks, len(toks) - len(np_toks)) if np_toks else None
    if affiliated is not None:
        return affiliated
    if np_toks and len(np_toks) < len(toks) and low(toks[-len(np_toks) - 1].text) in _OBJECT_PREPS:
        return None  # "a group of artists in Europe has warned": Europe is no subject
    if not np_toks and low(toks[-1].text) in PRONOUNS:
        np_toks = toks[-1:]
    elif not np_toks and len(toks) >= 2 and base(toks[-1].text) in ORG_WORDS | DOCUMENT_NOUNS:
        # "the company said", "the Premier League club said", "a family statement read"
        k = len(toks) - 2
        while k > 0 and len(toks) - k < 6 and low(toks[k].text) not in DETS and toks[k].text[:1].isalpha() and (
            is_cap(toks[k].text) or low(toks[k].text) not in GRAMMAR_WORDS
        ):
            k -= 1
        if low(toks[k].text) in DETS:
            np_toks = toks[k:]
    return parse_np(np_toks) if np_toks else None


def _name_of(toks: list[Token], k: int) -> Subject | None:
    """"Alden González of ESPN wrote", "Senator Jane Doe of Ohio said": the person named before "of" speaks, with
    their title and the place or body after it as their role (``toks[k:]`` is the phrase after "of")."""
    if k < 3 or low(toks[k - 1].text) != "of":
        return None
    j = k - 1
    while j > 0 and is_cap(toks[j - 1].text) and not is_role(toks[j - 1].text) and (
            base(toks[j - 1].text) not in ORG_WORDS):
        j -= 1
    first = j
    while j > 0 and is_role(toks[j - 1].text) and is_cap(toks[j - 1].text):
        j -= 1
    np = parse_np(toks[j : k - 1]) if 2 <= k - 1 - first <= 4 else None
    if np is None or np.kind != "name" or (np.role and j == first) or (
            j > 0 and low(toks[j - 1].text) not in DETS | {",", "and"}):
        return None
    np.role = " ".join([np.role, *(t.text for t in toks[k - 1 :])]).strip()
    return np


__all__ = ["Subject", "Token", "base", "clean_name", "is_cap", "is_role", "low", "parse_np", "phrase_start",
           "subject_before", "tokens"]
