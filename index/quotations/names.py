"""Matching names: does a name from a question refer to a speaker?

Case- and accent-insensitive; a surname or the full name matches ("peskov" ~ "Dmitry
Peskov", "Putin" !~ "Peskov"); spelling variants that differ by one trailing letter of a long
word match (Zelensky / Zelenskyy); a lone first name matches a person's first name. A query
that is a role phrase ("the Kremlin spokesperson") matches when all its words are in the
speaker's name plus role and a role noun agrees; a role noun that ends the speaker's own name ("King" of "Billie
Jean King") is a surname, asked capitalised and without "the". A generational suffix is no surname ("Kennedy" ~
"Robert F. Kennedy Jr."), and a person's initials in capitals name them ("RFK Jr.", "AOC").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from index.quotations.entities import role_keys
from index.quotations.wordlists import DETS, GRAMMAR_WORDS, INDEFINITES, ROLE_WORDS, without_suffix
from index.text.terms import WEB_ADDRESS_RE


def name_tokens(name: str) -> list[str]:
    """Lower-case, accent-free words of a name, without possessives, initials' dots and articles."""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(ch for ch in name if not unicodedata.combining(ch)).lower().replace("’", "'")
    out = []
    for w in re.findall(r"[\w'.-]+", name):
        w = w[:-2] if w.endswith("'s") else w.rstrip(".'")
        if w and w not in DETS:
            out.append(w)
    return without_suffix(out)  # "Robert F. Kennedy Jr." is asked as "Kennedy"


def same_word(a: str, b: str) -> bool:
    """Equal, or spelling variants that differ by one trailing letter other than a plural ``s``
    (Zelensky / Zelenskyy; never Robert / Roberts, Daniel / Daniels)."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 5 and len(long_) - len(short) == 1 and long_.startswith(short) and long_[-1] != "s"


def name_match(q_names: list[str], toks: list[str]) -> bool:
    """Every query word is a word of the name, and the query's last word is its surname (or a lone first name)."""
    if not all(any(same_word(w, t) for t in toks) for w in q_names):
        return False
    if same_word(q_names[-1], toks[-1]) or len(toks) == 1:
        return True
    return len(q_names) == 1 and same_word(q_names[0], toks[0])


def _site(toks: list[str]) -> str:
    """The site of a web address that is a speaker's whole name ("mlbtraderumors" of "mlbtraderumors.com"), or ""."""
    m = WEB_ADDRESS_RE.fullmatch(toks[0]) if len(toks) == 1 else None
    return m.group(1) if m else ""


def speaker_matches(query_name: str, speaker: str, aliases: Iterable[str] = (), role: str = "") -> bool:
    """Does a name from a question (a name, a surname or a role phrase) refer to this speaker?"""
    words = query_name.split()  # a capitalised word inside a name is part of it ("Will Smith" is no "Smith")
    in_name = {t for w, nxt in zip(words, words[1:]) if w[:1].isupper() and nxt[:1].isupper() for t in name_tokens(w)}
    q = [w for w in name_tokens(query_name) if w not in GRAMMAR_WORDS or w in in_name]
    if not q and len(words) == 1 and words[0][:1].isupper():
        q = name_tokens(query_name)  # a name alone that is also a word: "Will"
    if not q:
        return False
    q_roles = [w for w in q if w in ROLE_WORDS]
    q_names = [w for w in q if w not in ROLE_WORDS]
    role_toks = name_tokens(role)
    role_phrase = q[-1] in ROLE_WORDS  # "the Kremlin spokesperson": a role, not the name "Kremlin"
    proper = query_name.strip()[:1].isupper()
    low_first = words[0].lower() if words else ""
    initials = len(q_names) == 1 and re.fullmatch(r"[A-Z]{3,4}", words[0] if len(words) else "") is not None
    for name in (speaker, *aliases):
        toks = name_tokens(name)
        if initials and len(toks) == len(q_names[0]) and "".join(t[0] for t in toks) == q_names[0]:
            return True  # "RFK Jr." is Robert F. Kennedy Jr.
        if not toks or (proper and name.split()[0] in INDEFINITES | DETS):
            continue  # "Fan" (a surname) is not "one fan", "Complaint" not "the complaint"
        joined = "".join(q_names)
        if q_names and (name_match(q_names, toks) or joined in ("".join(toks), _site(toks))) and not role_phrase:
            return True  # (spaced or not: "Open AI" is "OpenAI"; "MLB Trade Rumors" is mlbtraderumors.com)
        if role_phrase and proper and low_first not in DETS and same_word(q[-1], toks[-1]) and name_match(q, toks):
            return True  # "Billie Jean King", "King" for her: a title that is the speaker's surname
        if q_roles and role_toks:
            have = toks + role_toks
            if all(any(same_word(w, t) for t in have) for w in q_names) and (
                set(q_roles) <= set(have) or role_keys(" ".join(q_roles)) & role_keys(role)
            ):
                return True
    return False


__all__ = ["name_match", "name_tokens", "same_word", "speaker_matches"]
