"""Speakers within one article: who each later mention ("Peskov", "the press secretary", "he")
refers to.

A ``Speaker`` is introduced by a full name (often with a role: "Kremlin spokesperson Dmitry
Peskov") and found again by its surname or by a role phrase whose role noun matches its role
("the press secretary" ~ "spokesperson"). Ambiguity (two people share the surname or the role)
resolves to nobody: anything unsafe is left out rather than guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from index.quotations.clauses import opens_predicate
from index.quotations.gender import pronoun_of
from index.quotations.phrases import Subject, Token, clean_name, is_cap, is_role, particle_at
from index.quotations.wordlists import (
    AUX_ADV,
    CLAUSE_OPENERS,
    GRAMMAR_WORDS,
    NAME_AUXILIARIES,
    PREPOSITIONS,
    PRESS,
    ROLE_QUALIFIERS,
    ROLE_WORDS,
    SENTENCE_ADVERBS,
    UNNAMED_HEADS,
    surname_of,
)


@dataclass
class Speaker:
    """A speaker in one article, as finally known (names and roles grow as the article goes on)."""

    name: str
    role: str = ""
    kind: str = "person"  # "person" | "org" | "unnamed"
    forms: set[str] = field(default_factory=set)  # every name form the article used

    @property
    def surname(self) -> str:
        return surname_of(self.name).lower()


# titles written with no full stop ("Dr Foley", "Mrs de Jongh"): no part of the name (with one, "Dr." is a post)
_TITLES = frozenset("Dr Prof Mr Mrs Ms Miss".split())


def untitled(name: str) -> str:
    """``name`` without a title that has no full stop: "Dr Foley" is Foley, "Mrs de Jongh" de Jongh."""
    title, _, rest = name.partition(" ")
    return rest if title in _TITLES and rest[:1].isalpha() else name


class Registry:
    """People introduced in an article, and who each later mention refers to."""

    def __init__(self) -> None:
        self.people: list[Speaker] = []
        self.surname_holders: set[str] = set()  # who a surname two of them share stands for (``surname_holders``)

    def add(self, name: str, role: str = "", kind: str = "person") -> Speaker:
        name = untitled(name) if kind == "person" else name
        found = self.find(name)
        if found is not None:
            if len(name.split()) > len(found.name.split()):  # a fuller form of a name seen short first
                found.name = name
            found.role = better_role(found.role, role)
            found.forms.add(name)
            return found
        person = Speaker(name, role, kind, {name})
        self.people.append(person)
        return person

    def find(self, name: str) -> Speaker | None:
        low = untitled(name).lower()
        for p in reversed(self.people):
            if p.name.lower() == low:
                return p
        parts = low.split()
        hits = [
            p
            for p in self.people
            if p.kind == "person" and (p.surname == parts[-1] or (len(parts) == 1 and p.surname == low))
            and (len(parts) == 1 or len(p.name.split()) == 1 or p.name.split()[0].lower() == parts[0]
                 or p.name.lower().split()[-len(parts) :] == parts)  # "Ten Hag" is "Erik ten Hag"
        ]  # "Jason Kelce" is not "Travis Kelce"
        if len({p.name for p in hits}) == 1:
            return hits[0]
        if len(parts) == 1 and self.surname_holders:  # "Scorsese": Martin, not "Francesca"
            rest = {p.name: p for p in hits if p.name in self.surname_holders}
            if len(rest) == 1:
                return next(iter(rest.values()))
        return None

    def titled(self, phrase: str) -> Speaker | None:
        """The person a title-ended phrase names, when the article made that title a surname: "Stephen King",
        "King", "author Stephen King" (``people.register_people`` registers "Stephen King" only then)."""
        words = phrase.split()
        for k in range(len(words)):
            found = self.find(" ".join(words[k:]))
            if found is not None and found.kind == "person" and found.surname == words[-1].lower():
                return found
        return None

    def by_role(self, role_phrase: str) -> Speaker | None:
        heads = role_keys(role_phrase)
        if not heads:
            return None
        hits = [p for p in self.people if p.kind == "person" and p.role and heads & role_keys(p.role)]
        if len({p.name for p in hits}) == 1:
            return hits[0]
        return None


def better_role(old: str, new: str) -> str:
    """Keep the more informative description of a role (an appositive beats a bare title)."""
    if not new:
        return old
    if not old:
        return new
    return new if len(new.split()) > len(old.split()) and len(new.split()) <= 8 else old


def role_keys(role: str) -> set[str]:
    """Role nouns of a phrase, press roles folded to one key ("press secretary" ~ "spokesperson")."""
    low = role.lower().replace("’", "'")
    keys = set()
    if any(p in low for p in PRESS):
        keys.add("<press>")
        low = low.replace("press secretary", " ").replace("press officer", " ").replace("press aide", " ")
    for w in re.findall(r"[\w'.-]+", low):
        w = w[:-2] if w.endswith("'s") else w
        if w in ROLE_WORDS and w not in ROLE_QUALIFIERS:
            keys.add("<press>" if w in PRESS else w.split("-")[0])
    return keys


def opener(word: str) -> bool:
    """A sentence-opening adverb, connective or preposition ("Certainly", "Meanwhile", "Beyond")."""
    w = word.lower()
    return (w in PREPOSITIONS or w in SENTENCE_ADVERBS or w in CLAUSE_OPENERS or w in AUX_ADV
            or w in _QUANTIFIERS)  # "Every PGMOL apology": no first name "Every"


_QUANTIFIERS = frozenset("every each all any no most both many several some".split())


def title_like(name: str) -> bool:
    """A capitalised run that is a title, not a person's name: "Taking Down Trump" (a verb, a function word)."""
    words = name.split()
    return words[0].lower().endswith("ing") or any(w.lower() in GRAMMAR_WORDS for w in words[1:])


_NAME_WORD_RE = re.compile(r"(?:[A-Z]\.)+|[A-Z][a-z\u00e0-\u00ff][\w'’.-]*|de|van|von|der|den|ten|la|le|du|da|di")
_NOT_FIRST_NAMES = frozenset("neither either both nor not only even all each every".split())


def name_like(name: str) -> bool:
    """Words that can make a person's name ("Vincent Namatjira", "Erik ten Hag"), not an acronym's ("Google AI"),
    a plural post ("Senators Brian Schatz") or a sentence's opening word ("Neither Bryan")."""
    words = name.split()
    first = words[0].lower()  # initials without stops may lead ("JJ Watt"), never end ("Open AI")
    given = words[0] in NAME_AUXILIARIES and len(words) > 1  # "Will Smith": a first name, not the auxiliary
    return all(_NAME_WORD_RE.fullmatch(w) or k < len(words) - 1 and re.fullmatch(r"[A-Z]{1,2}", w)
               for k, w in enumerate(words)) and (given or not opener(first) and first not in GRAMMAR_WORDS) \
        and first not in _NOT_FIRST_NAMES \
        and not is_role(first) and not is_role(first.removesuffix("s"))


def posted(toks: Sequence[Token], k: int) -> bool:
    """Do ``toks[k:]`` open with a post held somewhere: up to three lower-case words, the last a role, then "at" /
    "of" / "for" ("managing partner at Gutter Capital", "chief economist at", "senior fellow of")?"""
    for n in range(1, 4):
        words = [t.text for t in toks[k : k + n + 1]]
        if len(words) == n + 1 and all(w.islower() for w in words[:n]) and is_role(words[n - 1]) and words[n] in (
                "at", "of", "for"):
            return True
    return False


def named_in(person: Speaker, quote: str) -> bool:
    """Does the quote refer to the person by a word of their name ("Sonny" for Son): then they are not its
    speaker (people rarely speak of themselves in the third person)."""
    if not quote:
        return False
    forms = person.forms | {person.name}
    surnames = tuple({f.split()[-1].lower() for f in forms if len(f.split()[-1]) >= 3})
    firsts = {f.split()[0].lower() for f in forms if len(f.split()) > 1}
    caps = [w.lower() for w in re.findall(r"[A-Z][\w'’-]+", quote)]
    return bool(surnames) and any(w.startswith(surnames) or w in firsts for w in caps)


def words_alone(sent_tokens: list[list[Token]], surnames: set[str]) -> set[str]:
    """Which of these words appear on their own in the article's sentences (not right after another capitalised
    word, unless that is the sentence's opening adverb: "Certainly Palmer feels")."""
    found: set[str] = set()
    for toks in sent_tokens:
        for k, tok in enumerate(toks):
            word = clean_name(tok.text).removesuffix("'s").removesuffix("’s")
            if word in surnames and alone_after(toks, k):
                found.add(word)
    return found


def alone_after(toks: Sequence[Token], k: int) -> bool:
    """Does ``toks[k]`` follow no capitalised word of its own name (the first word of a sentence follows nothing; a
    sentence's opening adverb or connective is no name: "Certainly Palmer feels", "When Jason quipped")?"""
    return k == 0 or not is_cap(toks[k - 1].text) or toks[k - 1].end < toks[k].start - 1 or (
        k == 1 and opener(toks[0].text))


def first_called(sent_tokens: list[list[Token]], people: list[Speaker]) -> Counter[str]:
    """How often the article calls each person by their first name alone ("Francesca's face lit up", "Will began
    by"): a first name of one person's full name only, nobody's surname, with no capitalised word right before or
    after it."""
    firsts: dict[str, set[str]] = {}
    for p in people:
        if p.kind == "person" and len(p.name.split()) > 1:
            firsts.setdefault(p.name.split()[0], set()).add(p.name)
    surnames = {p.name.split()[-1] for p in people if p.kind == "person"}
    wanted = {first: names.pop() for first, names in firsts.items() if len(names) == 1 and first not in surnames}
    found: Counter[str] = Counter()
    for toks in sent_tokens:
        for k, tok in enumerate(toks):
            word = clean_name(tok.text).removesuffix("'s").removesuffix("’s")
            if word not in wanted or k == 0 and word in NAME_AUXILIARIES:  # "Will the Chiefs ...?"
                continue
            after = k + 1 == len(toks) or not is_cap(toks[k + 1].text) or toks[k + 1].start > tok.end + 1
            if alone_after(toks, k) and after:
                found[wanted[word]] += 1
    return found


def surname_holders(text: str, sent_tokens: list[list[Token]], people: list[Speaker]) -> set[str]:
    """Who a lone surname two people share refers to: of Martin and Francesca Scorsese, the one named in full
    first, when the article calls the others by first name twice or more ("Francesca") and not that one."""
    called = {name for name, n in first_called(sent_tokens, people).items() if n >= 2}
    out: set[str] = set()
    by_surname: dict[str, list[Speaker]] = {}
    for p in people:
        if p.kind == "person" and len(p.name.split()) > 1:
            by_surname.setdefault(p.surname, []).append(p)
    for same in by_surname.values():
        if len(same) < 2:
            continue
        first = min(same, key=lambda p: (text.find(p.name) if p.name in text else len(text)))
        if first.name not in called and all(p.name in called for p in same if p is not first):
            out.add(first.name)
    return out


_S_VERBS = frozenset({"was", "is", "has", "does"})  # verbs ending in "s" after a name ("Mikel Arteta was ...")


def subject_called(toks: list[Token], names: list[str], pronoun: str, adjacent: bool = False) -> str:
    """The one full name of ``names`` that is a clause's subject in these tokens and that the sentence goes on to
    call ``pronoun`` ("... when Alicia Plumer took to Facebook to say her son ..." then '"…," she wrote'), or that
    opens the sentence right before the pronoun (``adjacent``): a person, though no role or lone surname said so;
    "" when none or several."""
    found = []
    for name in {n for n in names if 2 <= len(n.split()) <= 3}:
        words = name.split()
        for j in range(len(toks) - len(words)):
            if [clean_name(t.text) for t in toks[j : j + len(words)]] != words:
                continue
            nxt = toks[j + len(words)]
            later = [pronoun_of(t.text) for t in toks if t.start > nxt.start]
            verb = opens_predicate(nxt.text) and (not nxt.text.lower().endswith("s") or nxt.text in _S_VERBS)
            if verb and (pronoun in later or adjacent and j == 0):  # not "series"
                found.append(name)
    return found[0] if len(found) == 1 else ""


def opens_on(toks: Sequence[Token], mentions: Sequence[Speaker]) -> Speaker | None:
    """The person of ``mentions`` a sentence opens on, named in full and set off by a comma ("Paul Barrett, deputy
    director of …, acknowledged both sides")."""
    for p in mentions:
        words = p.name.split()
        if len(words) > 1 and len(toks) > len(words) and [t.text for t in toks[: len(words)]] == words \
                and toks[len(words)].text == ",":
            return p
    return None


def focus_holder(post: Subject, prev: Subject | None, reg: Registry, speakers: frozenset[str],
                 quote: str) -> Speaker | None:
    """"'…,' says the club's manager" (an owner's post) right after a sentence whose subject is a person the
    article quotes elsewhere: that person, when the post heads the body ("the club's striker" is not who the
    sentence was about) and their own known post, if any, is the same; never someone the quote names."""
    if not re.search(r"['’]s?\s", post.text):
        return None
    person = reg.find(prev.name) if prev is not None and prev.kind == "name" else None
    if person is None or person.kind != "person" or person.name not in speakers or named_in(person, quote):
        return None
    keys = role_keys(post.role)
    return person if keys & _HEADS and (not person.role or role_keys(person.role) & keys) else None


_HEADS = frozenset("manager coach boss chief ceo president chairman chairwoman director founder owner head leader "
                   "<press>".split())  # posts that speak for the body they head


def mentioned_people(toks: Sequence[Token], reg: Registry, plain: Sequence[str]) -> list[Speaker]:
    """The registered people a sentence names: the longest tail of each capitalised run that names one
    ("Arsenal's Mikel Arteta"), but never a surname inside another full name the article gives ("Lucia
    Marin" is not "Paolo Marin")."""
    found: list[Speaker] = []
    k = 0
    while k < len(toks):
        j = k
        while j < len(toks) and (is_cap(toks[j].text) or particle_at(toks, j)):
            j += 1
        words = [clean_name(t.text).removesuffix("'s").removesuffix("’s") for t in toks[k:j]]
        for start in range(len(words)):
            tail = " ".join(words[start:])
            if start == len(words) - 1 and start > 0 and " ".join(words[start - 1 :]) in plain:
                break
            p = reg.find(tail)
            if p is not None and p.kind == "person":
                found.append(p)
                break
        k = j + 1
    # "Manchester United legend Peter Schmeichel": the club in his role is not a second person
    return [p for p in found if not any(q is not p and q.role and re.search(
        r"(?<!\w)" + re.escape(p.name) + r"(?!\w)", q.role) for q in found)]


def kin_holder(reg: Registry, owner: Speaker, role: str) -> Speaker | None:
    """"his lawyer" when the article names him: the one person whose role is that post of the owner
    ("Federline's attorney Mark Kaplan")."""
    posts = {"lawyer", "lawyers", "attorney", "attorneys"} if role.rstrip("s") in ("lawyer", "attorney") else {role}
    last = owner.name.split()[-1]
    held = [p for p in reg.people if p.kind == "person" and last in p.role
            and posts & {w.lower().strip(".,") for w in p.role.split()}]
    return held[0] if len(held) == 1 else None


def lone_source(name: str) -> bool:
    """One unnamed person ("a TikTok spokeswoman", "one fan"), not a group or an organisation ("a company")."""
    words = [w.lower() for w in re.findall(r"[\w'-]+", name)]
    head = next((w for w in reversed(words) if w in UNNAMED_HEADS or w in ROLE_WORDS), "")
    return len(words) > 1 and words[0] in ("a", "an", "one") and bool(head) and not head.endswith("s")


# titles of an office: "the president said" may be someone the article never named, so no antecedent for them
_OFFICES = frozenset("""president minister secretary chairman chairwoman chair director governor mayor senator ceo
    chief commissioner judge prosecutor ambassador premier chancellor king queen pope speaker leader head""".split())


def describes(subj: Subject) -> bool:
    """Is "the <subj>" a description with no owner ("the actor", "the Penske driver", "the hard-charging committee
    chairman"; not "the club's manager", nor a bare office, "the president", nor a press role: those name an office
    someone else may hold)? News writes it for someone named just before."""
    words = [w.lower() for w in subj.text.split()]
    # an owner: "of" after a lower-case word ("the head of ..."); "The Wolf of Wall Street director" is a title
    return ((len(words) >= 2 or words[0] not in _OFFICES) and not re.search(r"['’]s?\b|(?<![A-Z])\b[a-z][\w-]* of\b",
                                                                         subj.text)
            and "<press>" not in role_keys(subj.role))


def unnamed_role(subj: Subject, people: list[Speaker]) -> bool:
    """Is "the <subj>" ("the official", "the Commission official") a source the article never names: a singular
    unnamed-source noun that no person of the article holds as a role?"""
    words = subj.text.split()
    keys = role_keys(subj.role)
    return (words[-1].lower() in UNNAMED_HEADS and bool(keys) and not words[-1].endswith("s")
            and not any(p.role and keys & role_keys(p.role) for p in people))


__all__ = [
    "Registry", "Speaker", "alone_after", "better_role", "describes", "first_called", "focus_holder", "kin_holder",
    "lone_source", "mentioned_people", "named_in", "opener", "opens_on", "role_keys", "subject_called",
    "surname_holders", "title_like", "unnamed_role", "words_alone",
]
