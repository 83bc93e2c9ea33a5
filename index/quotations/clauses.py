"""Clause syntax around a speech verb: whose clause it is, and where the reported clause after it starts.

``clause_subject`` reads the subject of a main clause past fronted adjuncts ("Ahead of the vote,
Jordan showed …" -> Jordan), for a verb coordinated with it ("X embraced the role and said …")
or a participle after it ("X rejected it, saying …"). ``clause_after`` finds the reported clause
a speech verb introduces without "that" ("said the plan was late", "told Reuters he would go",
"said on Tuesday it had"), or None when what follows is not a clause ("said goodbye", "told
reporters.").
"""

from __future__ import annotations

import re

from index.quotations.adjuncts import SUBJECT_PRONOUNS, skip_adjuncts
from index.quotations.before_verb import subject_before
from index.quotations.phrases import (
    Subject,
    Token,
    base,
    clean_name,
    is_cap,
    is_role,
    kin_phrase,
    low,
    parse_np,
    particle_at,
    title_link,
    tokens,
)
from index.quotations.wordlists import (
    AUX_ADV,
    BE_FORMS,
    CLAUSE_OPENERS,
    DETS,
    DOCUMENT_NOUNS,
    DOCUMENT_VERBS,
    GRAMMAR_WORDS,
    LISTENER_NOUNS,
    PREPOSITIONS,
    QUANTIFIERS,
    TIME_WORDS,
    UNNAMED_HEADS,
)

_OBJECT_PRONOUNS = frozenset("him her them us me you it".split())
_POSSESSIVES = frozenset("his her its their our my your".split())
# finite verbs and auxiliaries that show a clause has started
_AUX = frozenset(
    """
    is are was were be been has have had will would could can should must may might did does do shall
    isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't couldn't can't shouldn't didn't doesn't don't
    needs need wants want remains remain
""".split()
)


_NP_STOPS = _AUX | PREPOSITIONS | {"that", "and", "or", "but", "who", "which", "to"}
_AFTER_STOPS = frozenset("who which in on at during after before from to of and with as while".split())
_IRREGULAR_PAST = frozenset(
    """
    said told made gave took went came saw knew thought felt became began kept left met paid put ran sat spoke
    stood won wrote held brought built bought caught chose drew drove fell fought found got grew heard hit led
    lost meant rose sent set shot shut sold sought spent struck swore taught threw understood woke wore
""".split()
)
_PAST_ADJECTIVES = frozenset("set hit put shut shot lost".split())  # "the set list", "a lost cause": no verb
_SUBORDINATOR_RE = re.compile(r"\b(?:as|because|while|since|although|though|whereas)\s+")
_INDEFINITE_PRONOUNS = frozenset("something nothing everything anything somebody nobody everybody".split())


def _np_end(toks: list[Token], k: int) -> int:
    """Index past a noun phrase starting at ``k`` (determiners, capitalised words, adjectives, nouns)."""
    j = k
    if j < len(toks) and (low(toks[j].text) in DETS | _POSSESSIVES | QUANTIFIERS):
        j += 1
    while j < len(toks) and toks[j].text[:1].isalnum() and low(toks[j].text) not in _NP_STOPS | SUBJECT_PRONOUNS:
        if _verbish(toks[j].text) or j > k and low(toks[j].text) in DETS | _POSSESSIVES:
            break
        if j >= k + 2 and low(toks[j].text) in _IRREGULAR_PAST - _PAST_ADJECTIVES:
            break  # "the biggest difference came in …": the noun phrase ends at its verb
        j += 1
    return j


def opens_predicate(word: str) -> bool:
    """Can ``word`` open a predicate after a subject ("has", "showed", "speaks", "also", "simply")?"""
    w = low(word)
    if not w[:1].isalpha() or is_cap(word) or w in PREPOSITIONS | {"and", "or", "who", "which"}:
        return False
    if _verbish(word) or w in _IRREGULAR_PAST or w in AUX_ADV:
        return True
    return w.endswith(("ly", "s")) and w not in _POSSESSIVES | {"this", "is"} and not w.endswith(("'s", "ss"))


def _verbish(word: str) -> bool:
    w = low(word)
    return w in _AUX or (w.endswith("ed") and len(w) > 4 and "-" not in w and not is_cap(word))


def that_after(text: str, pos: int, b: int, listener: bool = False) -> int | None:
    """Where the clause starts in 'said (on Tuesday / in a statement) that …', 'told reporters that …';
    None when "that" is not the verb's complementiser ("reported revenue that fell", "shaped that decision")."""
    toks = tokens(text, pos, b)
    k = skip_adjuncts(toks, 0, before_that=True)
    if listener and k < len(toks) and low(toks[k].text) != "that":
        k = k + 1 if low(toks[k].text) in _OBJECT_PRONOUNS else _np_end(toks, k)
        k = skip_adjuncts(toks, k, before_that=True)
    if k + 1 < len(toks) and low(toks[k].text) == "that" and _clause_follows(toks, k + 1):
        return toks[k + 1].start
    return None


# words that, right after a verb's noun phrase, open a relative or an adverbial clause: the phrase was its object
_AFTER_OBJECT = frozenset("that which who as because when while after before if since though although once".split())


def _verb_near(toks: list[Token], end: int) -> bool:
    """Is there a finite verb in the three words after a noun phrase ending at ``end``?"""
    if end < len(toks) and low(toks[end].text) in _AFTER_OBJECT:
        return False  # "reported revenue that fell": a relative clause; "claimed the title as PSG won": an adjunct
    window = []
    for t in toks[end : end + 3]:
        if not t.text[:1].isalnum():
            break  # "said something important here. He said …": not past the sentence
        window.append(t)
    return any(_verbish(t.text) or low(t.text) in _IRREGULAR_PAST for t in window)


def _present_verb(toks: list[Token], start: int, end: int) -> bool:
    """Does a verb in the present end the subject ("the company welcomes competition"): a lower-case word in "-s"
    right after a singular common noun, with no verb after it ("the market share gains were" is a noun phrase)?"""
    for j in range(start, end):
        w, prev = low(toks[j].text), toks[j - 1].text
        nxt = low(toks[j + 1].text) if j + 1 < len(toks) else ""
        if w.endswith("s") and not w.endswith(("ss", "'s", "’s", "us", "is")) and len(w) > 3 and prev.isalpha() and \
                prev.islower() and not prev.endswith("s") and not _verbish(nxt) and nxt not in AUX_ADV:
            return True
    return False


def _clause_follows(toks: list[Token], k: int) -> bool:
    """Does a clause start at ``toks[k]`` (a subject pronoun, a quote, or a verb within a few words),
    rather than a noun phrase ("revealed that goal to …")?"""
    if k >= len(toks):
        return False
    first = re.split("['’]", low(toks[k].text))[0]  # "he’s", "they're": the pronoun and its verb
    if first in SUBJECT_PRONOUNS or toks[k].text in "“\"":
        return True
    return any(_verbish(t.text) or low(t.text) in _IRREGULAR_PAST or _present(t.text) for t in toks[k : k + 16])


def _present(word: str) -> bool:
    """A lowercase word that may be a verb in the present ("attaches", "goes"), not a possessive."""
    w = low(word)
    return w.endswith("s") and not w.endswith(("'s", "ss", "us", "is")) and w.isalpha() and w not in PREPOSITIONS


def clause_after(text: str, pos: int, b: int, listener: bool = False, strict: bool = False) -> int | None:
    """Where a reported clause with no "that" starts after a speech verb ending at ``pos``, or None.

    ``listener``: the verb takes the person told first ("told Reuters he …"). ``strict``: a clause
    opened by a determiner or a name must show its verb within a few words (for verbs that also
    take plain objects: "expects revenue growth", "confirmed the deal").
    """
    toks = tokens(text, pos, b)
    k = skip_adjuncts(toks, 0)
    if listener:
        if k < len(toks) and low(toks[k].text) in _OBJECT_PRONOUNS:
            k += 1
        else:
            end = _np_end(toks, k)
            if end == k:
                return None
            # "told reporters Walker suffered …": the listener ends on its common noun, a name opens the clause;
            # "told Reuters arrest records are …": a named listener ends on its name, a common noun opens the clause
            named = next((j for j in range(k + 1, end) if not is_cap(toks[j].text)), end) if is_cap(toks[k].text) \
                else end
            k = next((j for j in range(k + 1, end) if is_cap(toks[j].text) and not is_cap(toks[j - 1].text)
                      and low(toks[j - 1].text) not in DETS | _POSSESSIVES), end)
            if named < k and low(toks[named].text) not in LISTENER_NOUNS and _verb_near(toks, end):
                k = named
        k = skip_adjuncts(toks, k)
    if k >= len(toks) - 1:
        return None
    first, nxt = toks[k], toks[k + 1]
    w = low(first.text)
    if not nxt.text[:1].isalnum() and nxt.text not in "“\"":
        return None
    w = re.split("['’]", w)[0]  # "they’re", "he's"
    if w in SUBJECT_PRONOUNS:
        # "said it in a statement" is no clause; "said it’s in the process" is one
        return first.start if not (low(first.text) == "it" and low(nxt.text) in PREPOSITIONS) else None
    hyphened = w.replace("-", "").isalpha()  # "father-son prospect X has ...", "long-term rates would ..."
    if hyphened and w not in GRAMMAR_WORDS | _INDEFINITE_PRONOUNS and w.split("-")[0] not in QUANTIFIERS and (
        not is_cap(first.text)
    ):
        # a bare noun phrase as subject: "expects revenue growth to be up", "said prices would rise"
        end = _np_end(toks, k)
        return first.start if k < end < len(toks) and _verb_near(toks, end) else None
    if w in DETS | _POSSESSIVES | QUANTIFIERS or w.split("-")[0] in QUANTIFIERS or is_cap(first.text) or (
        first.text[0].isdigit()
    ):
        if w in PREPOSITIONS or w in CLAUSE_OPENERS:
            return None
        end = _np_end(toks, k)
        if _verb_near(toks, end):
            return first.start
        if not strict and end < len(toks) and (low(toks[end].text) in PREPOSITIONS or toks[end].text == ",") and (
            _clause_follows(toks, end)
        ):  # "said the behaviour of Peter Horton, the counsel, didn't meet …", "said the team, who lost, never …"
            return first.start
        if not strict and w in DETS and _present_verb(toks, k + 2, end):
            return first.start  # "said the company welcomes competition": a verb in the present, not a plural noun
        if strict or end == k or end >= len(toks):
            return None
        after = low(toks[end].text)
        if after in PREPOSITIONS | {"and", "or", "that", "who", "which", "to"} or not toks[end].text[:1].isalpha():
            return None
        return first.start
    return None


def subject_after(text: str, pos: int, b: int) -> Subject | None:
    """The speaker named after an inverted verb: '"…," said X', '…, says the club's manager, Paulo Reis',
    '"…," said a statement from Rep. Jane Doe'. Pronouns do not invert, so they are not read here."""
    toks = tokens(text, pos, b)
    stop = _after_stop(toks)
    if [low(t.text) for t in toks[1 : stop + 1]] == ["statement", "from"]:
        toks = toks[stop + 1 :]
        stop = _after_stop(toks)
    if stop < len(toks) and low(toks[stop].text) in ("at", "for", "from", "of", "with") and stop > 0 \
            and low(toks[stop - 1].text) in UNNAMED_HEADS:
        # "economists at Goldman Sachs", "a spokesperson for the ministry": the unnamed source's own phrase
        rest = toks[stop + 1 :]
        stop += 1 + _after_stop(rest)
    head = toks[:stop]
    if head and head[-1].text.endswith("."):  # '"…," said a Microsoft statement.': the full stop is not the name's
        head = [*head[:-1], head[-1]._replace(text=clean_name(head[-1].text))]
    subj = parse_np(head) or (kin_phrase(head) if len(head) == 2 else None)  # "said his mother, ..."
    if subj is not None and subj.kind == "role" and stop < len(toks) and toks[stop].text != ",":
        # "executive GM of marketing at the Swans, Loretta Johns": the role's own phrase, then the name
        comma = next((k for k in range(stop, min(len(toks), stop + 9)) if not toks[k].text[0].isalnum()), None)
        if comma is not None and toks[comma].text == ",":
            stop = comma
    if subj is not None and subj.kind in ("role", "kin") and [t.text for t in toks[stop : stop + 1]] == [","]:
        rest = toks[stop + 1 :]  # "said the club's manager, Paulo Reis", "said his mother, Jessica Goeller"
        end = next((k for k, t in enumerate(rest) if not t.text[0].isalnum()), len(rest))
        named = parse_np(rest[:end])
        if named is not None and named.kind == "name":
            named.role = named.role or subj.role
            subj = named
    return subj if subj is not None and subj.kind != "pronoun" else None


def _after_stop(toks: list[Token]) -> int:
    """Where a speaker phrase after the verb ends: '… said X, who …' / '… said X in a statement' (an "and" between
    roles goes on: '… said co-founder and billionaire Mike Cannon-Brookes', '… adds co-founder and CTO Jo Lee', '… said
    Chief Soccer Officer and Sporting Director Chris Henderson')."""
    return next((k for k, t in enumerate(toks) if not t.text[0].isalnum() and not (  # "the 62-year-old actor"
        t.text == "-" and 0 < k < len(toks) - 1 and toks[k - 1].text.isdigit()) or low(t.text) in _AFTER_STOPS and not (
        low(t.text) == "and" and 0 < k < len(toks) - 1 and is_role(toks[k - 1].text)
        and (not is_cap(toks[k + 1].text) or any(is_role(n.text) for n in toks[k + 1 : k + 3])))), len(toks))


def issuer(text: str, a: int, subj: Subject, verb: str) -> Subject:
    """'X released a statement saying …', 'X posted a tweet confirming …': the statement speaks for X."""
    if subj.kind == "unnamed" and is_document(subj) and verb.endswith("ing"):
        return clause_subject(text, a, subj.start) or subj
    return subj


def nearest_subject(text: str, a: int, pos: int) -> Subject | None:
    """The subject of the last clause before ``pos``: '…, as the company has not submitted it, claiming …' -> the
    company; the main clause's when no subordinate clause comes between."""
    for m in reversed(list(_SUBORDINATOR_RE.finditer(text, a, pos))):
        subj = clause_subject(text, m.end(), pos)
        if subj is not None:
            return subj
    return clause_subject(text, a, pos)


def clause_subject(text: str, a: int, pos: int) -> Subject | None:
    """The subject of the main clause of ``text[a:pos]``: the first noun phrase that a verb follows,
    past fronted adjuncts ("Ahead of the vote, Jordan showed …"); None when there is none."""
    toks = tokens(text, a, pos)
    starts = [0] + [k + 1 for k, t in enumerate(toks) if t.text == ","]
    for s in starts:
        if s >= len(toks):
            break
        if low(toks[s].text) in ("and", "but", "so", "yet") and s + 1 < len(toks):
            s += 1  # "But a fans' group called …"
        if s == 0 and low(toks[0].text) in TIME_WORDS:  # "Last week Azrieli published …", "Earlier this month"
            s = skip_adjuncts(toks, 0)
            if s >= len(toks):
                break
        w = low(toks[s].text)
        if w in PREPOSITIONS or w in CLAUSE_OPENERS:
            continue
        j = s
        while j < len(toks) and (
            is_cap(toks[j].text) or is_role(toks[j].text) or low(toks[j].text) in DETS | _POSSESSIVES
            or particle_at(toks, j)
            or (j == s and low(toks[j].text) in SUBJECT_PRONOUNS)
        ):
            j += 1
        if j > s and low(toks[s].text) in DETS | QUANTIFIERS:  # "an Everton fans' group called …"
            while j < len(toks) and j - s < 8 and toks[j].text[:1].isalpha() and not opens_predicate(toks[j].text) and (
                low(toks[j].text) not in PREPOSITIONS | {"and", "or", "who", "which", "that"} or title_link(toks, j)
            ):
                j += 1
        if j == s or j >= len(toks):
            continue
        if toks[j].text == ",":  # (also after a fronted phrase: "Yearning for a change, Tess Moone, a writer, sold …")
            appos = _past_appositive(text, a, toks, j)  # "Dr. Jane Doe, CEO of Acme, announced the hire, noting …"
            if appos is not None:
                return appos
        if not opens_predicate(toks[j].text):
            continue
        np = parse_np(toks[s:j])
        if np is not None and np.kind in ("name", "org", "pronoun", "role", "unnamed"):
            return np
        return None
    return None


def _past_appositive(text: str, a: int, toks: list[Token], j: int) -> Subject | None:
    """The subject before an appositive that a predicate follows ("Jane Doe, CEO of Acme, announced …"): the
    phrase before the comma at ``j`` when, within a few words, another comma is followed by a verb; else None."""
    for c in range(j + 2, min(len(toks) - 1, j + 12)):
        if toks[c].text != ",":
            continue
        passive = low(toks[c + 1].text) in BE_FORMS and c + 2 < len(toks) and opens_predicate(toks[c + 2].text)
        if not opens_predicate(toks[c + 1].text) or passive:
            return None  # "X, the co-founder, was asked by Y": not X's words
        subj = subject_before(text, a, toks[c + 1].start)
        if subj is None or subj.kind not in ("name", "role"):
            return None
        # a post or occupation in the appositive ("CEO of Acme", "a 31-year-old travel writer"), not "Pebble, the app"
        return subj if any(is_role(t.text) for t in toks[j + 1 : c]) or subj.kind == "name" and re.search(
            r"(?:er|or|ist|ian|ant|ent)$", subj.role) else None
    return None


def is_document(subj: Subject) -> bool:
    """Does the phrase name a document ("the statement", "a family statement") rather than a speaker?"""
    return subj.kind == "document" or subj.kind == "unnamed" and base(subj.name.split()[-1]) in DOCUMENT_NOUNS


def fits_verb(subj: Subject, verb: str) -> bool:
    """Only a document "reads" ('"…," the statement read'); any speaker says, writes, adds."""
    return low(verb) not in DOCUMENT_VERBS or is_document(subj)


def only_punct(text: str, a: int, b: int) -> bool:
    return not any(ch.isalnum() for ch in text[a:b])


__all__ = [
    "clause_after", "clause_subject", "fits_verb", "is_document", "issuer", "nearest_subject", "only_punct",
    "opens_predicate", "subject_after", "that_after",
]
