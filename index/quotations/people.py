"""The first pass over an article: the people it introduces, and the organisations each sentence names.

``register_people`` adds to a ``Registry`` every name introduced with a role or an appositive, and
every full name whose surname also stands alone; ``coreference.Coreference`` resolves mentions
against what it finds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from index.quotations.entities import Registry, alone_after, name_like, opener, posted, title_like, words_alone
from index.quotations.phrases import Token, base, is_cap, is_role, low, parse_np, particle_at, titled_surname
from index.quotations.wordlists import DETS, KIN_NOUNS, NAME_AUXILIARIES, ORG_WORDS, ROLE_QUALIFIERS, UNNAMED_HEADS
from index.text.sentences import Span

# a nickname between the first name and the surname: Tyler “Ninja” Blevins
_NICKNAMED_RE = re.compile(r"\b([A-Z][\w'’-]+) [“\"]([A-Z][^”\"\n]{0,30})[”\"] ([A-Z][\w'’-]+)\b")
_CORPORATE = frozenset("inc corp ltd llc plc co".split())  # "OpenAI, Inc.": the suffix alone names nobody
# one person's kin or counsel, named by a lone first name: "his brother Jason, 35,", "his mother, Donna,",
# "Taylor, Mikaela's brother,"
_KIN = "|".join(sorted(KIN_NOUNS - {"family", "relatives", "parents", "children", "reps"}))  # one person each
_OWNER = r"(?:[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w.'’-]*['’]s?)\s+(?:(?:younger|older|elder|late|little|big)\s+)?"
_KIN_NAMED_RE = re.compile(rf"\b{_OWNER}(?:{_KIN}),?\s+([A-Z][a-z]+)\b(?![\w'’-]|\s+[A-Z])"
                           rf"|\b([A-Z][a-z]+),\s+{_OWNER}(?:{_KIN})\b")
# first names sharing one surname: "Eileen and Jeff Shiffrin", "New Heights with Jason and Travis Kelce"
_GIVEN_PAIR_RE = re.compile(r"\b([A-Z][a-z]+) and ([A-Z][a-z]+) ([A-Z][\w'’-]+)\b")


@dataclass
class Cast:
    plain: list[str]  # capitalised full names that are not organisations
    alone: set[str]  # surnames of full names that also stand alone ("Kelce said")
    sent_orgs: list[list[tuple[str, int]]]  # organisations named in each sentence, and where
    first_named: set[str]  # first names used alone for a person ("his brother Jason")


def register_people(text: str, sentences: Sequence[Span], sent_tokens: list[list[Token]], reg: Registry) -> Cast:
    """First pass: the people of the article.

    A name introduced with a role ("spokesperson Dmitry Peskov") or an appositive ("Jane Doe,
    the mayor,") is a person. So is a full name without one ("Allison Miller knows ...") whose
    surname also stands alone somewhere in the article ("Miller said"): news refers to people
    by surname, never to places ("New Zealand") or events by their last word.
    """
    plain: list[tuple[str, tuple[str, str]]] = []  # full names introduced without a role, (first, last)
    title_names: dict[str, str] = {}  # names that end in a title ("Stephen King"), with the role before them
    sent_orgs: list[list[tuple[str, int]]] = []
    for (a, b), toks in zip(sentences, sent_tokens, strict=True):
        sent_orgs.append([])
        asks = text[a:b].rstrip().endswith("?")  # "Will Texas make the playoffs?": no "Will Texas"
        i = 0
        while i < len(toks):
            j = i
            while j < len(toks) and (
                is_cap(toks[j].text)
                or is_role(toks[j].text)
                or particle_at(toks, j)
            ):
                j += 1
            if j > i:
                run = toks[i:j]
                if i == 0 and len(run) > 1 and opener(run[0].text) and (run[0].text not in NAME_AUXILIARIES
                                                                        or asks):
                    run = run[1:]  # "Certainly Palmer feels ...": the sentence's adverb is no first name
                last = run[-1].text
                if last.endswith(("'s", "’s")):  # "Ange Postecoglou's men", "the EU's analysis"
                    run = [*run[:-1], run[-1]._replace(text=last[:-2], end=run[-1].end - 2)]
                np = parse_np(run)
                nxt = toks[j].text if j < len(toks) else ""
                after = toks[j + 1].text if j + 1 < len(toks) else ""
                suffix = all(low(w).rstrip(".") in _CORPORATE for w in np.name.split()) if np is not None else False
                if np is not None and np.kind == "org" and not np.name.startswith("the ") and not suffix:
                    sent_orgs[-1].append((np.name, np.start))
                words = [t.text for t in run]
                k = titled_surname(words) if np is not None and np.kind == "role" and low(words[0]) not in DETS \
                    else -1
                if k >= 0 and name_like(" ".join(words[k:])):
                    title_names[" ".join(words[k:])] = " ".join(words[:k])
                qualifies = low(nxt).rstrip(".") in UNNAMED_HEADS  # "three senior OpenAI researchers": no person
                if np is not None and np.kind == "name" and not np.name.isupper() and not qualifies:
                    appos = nxt == "," and (low(after) in DETS and any(is_role(t.text) for t in toks[j + 2 : j + 5])
                                            or is_role(after) and not is_cap(after)  # "X, deputy director of"
                                            or posted(toks, j + 1))  # "X, managing partner at Y,"
                    # "Boston Dynamics CTO, Aaron Saunders": a role set off before the name
                    titled = i >= 2 and toks[i - 1].text == "," and is_role(toks[i - 2].text) \
                        and len(np.name.split()) >= 2
                    if any(is_role(w) and base(w) not in ROLE_QUALIFIERS for w in np.role.split()) or appos or titled:
                        reg.add(np.name, np.role)
                    elif len(np.name.split()) >= 2 and not title_like(np.name):
                        plain.append((np.name, (np.name.split()[0], np.name.split()[-1])))
                i = j
            i += 1
    nicknames: dict[str, str] = {}  # 'Tyler “Ninja” Blevins': Tyler Blevins, also called Ninja
    for m in _NICKNAMED_RE.finditer(text):
        first, nick, last = m.groups()
        if name_like(f"{first} {last}") and not {base(first), base(last)} & ORG_WORDS and not is_role(last):
            plain.append((f"{first} {last}", (first, last)))
            nicknames[f"{first} {last}"] = nick
    alone = words_alone(sent_tokens, {last for _, (_first, last) in plain})
    persons = [name for name, _ in plain if not any(base(w) in ORG_WORDS for w in name.split())]
    lasts = [n.split()[-1] for n in persons]
    for name, (_first, last) in plain:  # "Manchester City" is no person, though "City" stands alone
        known = reg.find(name)  # "Badger, a pharmacist," met first is "Hanh Badger"
        upgrade = known is not None and " " not in known.name and lasts.count(last) == 1
        if last in alone and (known is None or upgrade) and name in persons and name_like(name):
            reg.add(name)
    for name, nick in nicknames.items():
        if (person := reg.find(name)) is not None and person.kind == "person":
            person.forms.add(nick)  # asked by the nickname: "What did Ninja say?"
    for name, role in title_names.items():  # "Stephen King" is a person when "King" also names him alone ("King said")
        if title_alone(sent_tokens, name.split()[-1]) and reg.find(name) is None:
            reg.add(name, role)
    return Cast(persons, alone, sent_orgs, _first_named(text, persons))


def _first_named(text: str, persons: list[str]) -> set[str]:
    """First names the article uses alone for a person: a relative beside a full name ("Eileen and Jeff Shiffrin":
    Eileen), someone's kin ("his brother Jason, 35,", "his mother, Donna,", "Taylor, Mikaela's brother,"). A lone
    word nobody was introduced by is otherwise read as an organisation."""
    out = set()
    for m in _GIVEN_PAIR_RE.finditer(text):
        first, other, last = m.groups()
        surname = re.search(r"[A-Z][\w'’.-]*\s+$", text[max(0, m.start() - 30) : m.start()])
        if f"{other} {last}" in persons and name_like(f"{other} {last}") and not surname:
            out.add(first)  # not "Alejandro Garnacho and Bruno Fernandes": Garnacho is a surname
    out.update(m.group(1) or m.group(2) for m in _KIN_NAMED_RE.finditer(text))
    return {w for w in out if not opener(w) and base(w) not in ORG_WORDS and name_like(w)}


def title_alone(sent_tokens: list[list[Token]], title: str) -> bool:
    """Does the title stand alone, as a surname does ("King said", "for King,"), not as a title does ("the King",
    "King Charles", "Burger King")?"""
    for toks in sent_tokens:
        for k, tok in enumerate(toks):
            after = toks[k + 1].text if k + 1 < len(toks) else ""
            if tok.text.removesuffix("'s").removesuffix("’s") in (title, title.upper()) and alone_after(toks, k) \
                    and not (k and low(toks[k - 1].text) in DETS) and not is_cap(after):
                return True
    return False


__all__ = ["Cast", "register_people"]
