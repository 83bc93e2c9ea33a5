"""The speaker phrase that ends right before a verb of speech ("Tristan Snell, a lawyer and author, wrote",
"Alden González of ESPN wrote", "an expert witness who argued"), read by ``subject_before``.
"""

from __future__ import annotations

import re

from index.quotations.asides import without_asides
from index.quotations.phrases import (
    Subject,
    Token,
    base,
    is_cap,
    is_role,
    kin_phrase,
    low,
    parse_np,
    phrase_start,
    tokens,
)
from index.quotations.wordlists import (
    AUX_ADV,
    BE_FORMS,
    CLAUSE_OPENERS,
    COLLECTIVE_VOICES,
    DETS,
    DOCUMENT_NOUNS,
    GRAMMAR_WORDS,
    INDEFINITES,
    LY_NOUNS,
    NAME_AUXILIARIES,
    ORG_EPITHETS,
    ORG_WORDS,
    PREPOSITIONS,
    SPEAKER_PRONOUNS,
)
from index.text.terms import stem

_PARTY_RE = re.compile(r"[A-Z]-[A-Z][A-Za-z.]*")
_OBJECT_PREPS = frozenset("in at from by on for against among across to".split())  # not "with X saying"


def _strip_trailing(toks: list[Token]) -> list[Token]:
    """Drop auxiliaries and adverbs before the verb ("X has also said"); a capitalised "Will" is a name."""
    while toks and (low(t := toks[-1].text) in AUX_ADV and t not in NAME_AUXILIARIES
                    or low(t).endswith("ly") and not is_cap(t) and low(t) not in LY_NOUNS):
        toks = toks[:-1]
    if len(toks) > 2 and toks[-1].text == "and" and toks[-2].text.islower() and toks[-2].text.endswith("ed") and (
            is_cap(toks[-3].text) or toks[-3].text.endswith(")")):  # "Brown (D-Ohio) disagreed and said": Brown
        return _strip_trailing(toks[:-2])
    return toks


def _relative_head(toks: list[Token]) -> list[Token]:
    """ "Trump's team hired an expert witness who argued": "an expert witness" spoke, not the clause's subject."""
    k = max((k for k, t in enumerate(toks[:-1]) if low(t.text) in INDEFINITES), default=0) if toks else 0
    return toks[k:-1] if k and low(toks[-1].text) == "who" else toks


# besides the articles, what opens an appositive that describes the person before it
_APPOSITIVE_OPENERS = frozenset("another one his her their".split())
_BODY_STEMS = frozenset(stem(w) for w in ORG_WORDS | ORG_EPITHETS)  # "banks", "startups": bodies, in any number


def _names_a_body(inner: list[Token]) -> bool:
    """Does the appositive's head noun (its last word before "of/in/at/…") name an organisation ("another startup
    in the space")?"""
    rest = inner[2:] if len(inner) > 2 and low(inner[1].text) == "of" else inner[1:]  # "one of the largest banks"
    cut = next((k for k, t in enumerate(rest) if low(t.text) in PREPOSITIONS), len(rest))
    return cut > 0 and stem(rest[cut - 1].text) in _BODY_STEMS


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
        post = inner[0].text not in INDEFINITES and any(  # "Vinhcent Le, member of the regulator's board, added",
            len(inner) > n + 1 and all(t.text.isalpha() and t.text.islower() for t in inner[:n])  # "X, editorial
            and (n == 1 or is_role(inner[n - 1].text)) and low(inner[n].text) in ("of", "at", "for")  # director of Y,"
            for n in (1, 2, 3))
        # "X, another parent in the suit, said" / "X, one of the organisers, said" / "X, her sister, said": X
        # speaks, with no post read from the phrase
        other = len(inner) > 1 and low(inner[0].text) in _APPOSITIVE_OPENERS and (
            low(inner[0].text) != "one" or low(inner[1].text) == "of")
        if not inner or not (low(inner[0].text) in DETS | {"who", "whose", "which"} or is_role(inner[0].text) or owner
                             or post or other):
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
        if np is not None and (low(inner[0].text) in ("who", "whose") or other and not _names_a_body(inner)):
            np.human = True  # "Sophie, who was named creator of the year, told the BBC": a person, not a role;
            # "Repzion, another creator on the platform, replied": a person, not an organisation
        elif np is not None and np.kind == "name" and not np.role and low(inner[0].text) != "which" and not other:
            appos = text[inner[0].start : inner[-1].end]
            np.role = re.sub(r"^(?:a|an|the)\s+", "", appos)
        return np
    if not toks:
        return None
    kin = kin_phrase(toks[-2:])  # "Kenwright's family said", "his widow told the BBC"
    if kin is not None:
        return kin
    owner = _document_owner(toks)
    if owner is not None:
        return owner
    if low(toks[-1].text) in SPEAKER_PRONOUNS and (len(toks) == 1 or not is_cap(toks[-2].text)):
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
    if not np_toks and low(toks[-1].text) in SPEAKER_PRONOUNS:
        np_toks = toks[-1:]
    elif not np_toks and len(toks) >= 2 and base(toks[-1].text) in ORG_WORDS | ORG_EPITHETS | DOCUMENT_NOUNS:
        # "the company said", "the Premier League club said", "a family statement read"
        k = len(toks) - 2
        while k > 0 and len(toks) - k < 6 and low(toks[k].text) not in DETS and toks[k].text[:1].isalpha() and (
            is_cap(toks[k].text) or low(toks[k].text) not in GRAMMAR_WORDS
        ):
            k -= 1
        if low(toks[k].text) in DETS:
            np_toks = toks[k:]
    return parse_np(np_toks) if np_toks else None


def _document_owner(toks: list[Token]) -> Subject | None:
    """"Meta's blog post says", "its statement added", "Ukraine's leadership says": the owner of the document or
    body speaks (a name, or the pronoun, for ``resolve`` to find)."""
    if not toks or base(toks[-1].text) not in DOCUMENT_NOUNS | COLLECTIVE_VOICES:
        return None
    k = len(toks) - 2
    while k >= 0 and len(toks) - k <= 4 and toks[k].text.isalpha() and toks[k].text.islower() and (
            low(toks[k].text) not in GRAMMAR_WORDS):
        k -= 1  # the document's own words: "blog", "annual", "latest"
    if k < 0:
        return None
    word = toks[k].text
    if low(word) in ("its", "his", "her"):
        return Subject("pronoun", {"its": "it"}.get(low(word), low(word)), toks[k].start)
    if is_cap(word) and word.endswith(("'s", "’s")) and (k == 0 or not is_cap(toks[k - 1].text)):
        name = word[:-2]
        return Subject("name", name, toks[k].start, name=name)
    return None


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


__all__ = ["subject_before"]
