"""Coreference within one article: which person or organisation each mention refers to.

People are introduced by full name, often with a role ("Kremlin spokesperson Dmitry Peskov");
later a surname, a role phrase ("the press secretary"), a lone first name that only one full
name has ("Jada") and he/she refer back to them; "it" and "the company" refer to the
organisation that spoke or was named just before. Anything ambiguous resolves to nobody.
"""

from __future__ import annotations

import bisect
import copy
import re

from index.quotations.acronyms import defined_acronyms
from index.quotations.clauses import clause_subject
from index.quotations.entities import (
    Registry,
    Speaker,
    better_role,
    describes,
    focus_holder,
    kin_holder,
    lone_source,
    mentioned_people,
    name_like,
    named_in,
    opens_on,
    subject_called,
    surname_holders,
    unnamed_role,
)
from index.quotations.gender import gender_follows, genders, pronoun_of, pronoun_taken, unnamed_one
from index.quotations.org_mentions import PRESS_NOUNS, PRONOUN_REACH, OrgMentions
from index.quotations.people import register_people
from index.quotations.phrases import Subject, clean_name, is_cap, low, tokens
from index.quotations.wordlists import DETS, ORG_EPITHETS, SPEECH_VERBS
from index.text.marks import QuoteSpan, inside_quotation
from index.text.sentences import Span

_APPOSED_RE = re.compile(r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+),\s+(?:the\s+)?$")
_TICKER_RE = re.compile(r"\s*\([A-Z]{2,5}\)")
_WRITINGS = frozenset("letter post tweet message email note memo".split())  # one writer's, not an institution's
_LEGAL_PAPERS = frozenset("complaint complaints lawsuit lawsuits suit indictment filing filings motion".split())
# "the" opening a description, past its modifiers: 'the "Bad Blood" singer', "the hard-charging committee chairman"
_DEFINITE_RE = re.compile(r"\b[Tt]he\s+(?:[\"“][^\"”]{1,40}[\"”]\s+|[\w'’-]+\s+){0,4}$")


class Coreference(OrgMentions):
    """The people and organisations of one article, and who each mention refers to.

    ``speakers``: names that speak somewhere in the article (from a first extraction pass);
    only they count as antecedents of he/she, so a passing name does not block the way back.
    The extractor calls ``resolve`` for a speaker phrase in sentence ``idx`` and ``spoke`` for
    every statement it attributes, in text order.
    """

    def __init__(self, text: str, sentences: tuple[Span, ...], quotes: tuple[QuoteSpan, ...],
                 barriers: frozenset[int], speakers: frozenset[str] = frozenset()) -> None:
        self.text = text
        self.sentences = sentences
        self.quotes = quotes
        self.barriers = barriers
        self.speakers = speakers
        self.reg = Registry()
        self.acronyms = defined_acronyms(text)  # "NMPA" -> "National Music Publishers Association"
        # each sentence's words outside quotation marks (names inside a quote are not mentions)
        self.sent_tokens = [[t for t in tokens(text, a, b) if not self.inside_quote(t.start)] for a, b in sentences]
        cast = register_people(text, sentences, self.sent_tokens, self.reg)
        self.plain = cast.plain  # capitalised full names that are not organisations
        self.alone, self.first_named = cast.alone, cast.first_named  # "Kelce" alone; "his brother Jason"
        self.sent_orgs = cast.sent_orgs  # organisations named in each sentence, and where
        self.reg.surname_holders = surname_holders(text, self.sent_tokens, self.reg.people)
        self.sent_mentions = [mentioned_people(toks, self.reg, self.plain) for toks in self.sent_tokens]
        self.sent_speakers: list[list[Speaker]] = [[] for _ in sentences]  # in the order their words come
        self._spoke_at: list[list[int]] = [[] for _ in sentences]
        self._genders: tuple[int, dict[str, str]] | None = None  # (people known, each one's pronoun)
        self._subjects: dict[int, Subject | None] = {}  # each sentence's main-clause subject, read when asked
        self._proper: set[str] | None = None  # words capitalised inside sentences

    def fork(self) -> Coreference:
        """A copy whose people and speakers can change without touching this one (the text analysis is shared)."""
        other = copy.copy(self)
        other.reg = Registry()
        other.reg.surname_holders = set(self.reg.surname_holders)
        twin = {id(p): Speaker(p.name, p.role, p.kind, set(p.forms)) for p in self.reg.people}
        other.reg.people.extend(twin.values())
        other.sent_mentions = [[twin[id(p)] for p in m] for m in self.sent_mentions]
        other.sent_speakers = [[twin.get(id(p), p) for p in sp] for sp in self.sent_speakers]
        other._spoke_at = [list(at) for at in self._spoke_at]
        other._genders = None
        return other

    def inside_quote(self, pos: int) -> bool:
        return inside_quotation(self.quotes, pos)

    def spoke(self, idx: int, person: Speaker, at: int) -> None:
        """``person``'s words start at ``at`` in sentence ``idx``: kept in text order, so the last speaker of a
        sentence is the one whose words come last, whichever rule found them first."""
        k = bisect.bisect_right(self._spoke_at[idx], at)
        self.sent_speakers[idx].insert(k, person)
        self._spoke_at[idx].insert(k, at)

    def _introduced(self, word: str, pos: int = -1, idx: int = -1) -> str | None:
        """The one full name in the article whose surname or first name is ``word`` ("Jada" -> "Jada Pinkett Smith").

        A first name finds a full name only when that is a person ("Apple" is not "Apple ID"): someone the
        article introduced as a person or refers to by surname, or a "he"/"she" follows the mention."""
        known = [p.name for p in self.reg.people if p.kind == "person" and " " in p.name]  # "Will X, the captain,"
        for pick in (-1, 0):
            names = {n for n in [*self.plain, *known] if n.split()[pick] == word}
            if len(names) == 1:
                full = names.pop()
                person = self.reg.find(full) is not None or full.split()[-1] in self.alone
                if pick == 0 and not (person or idx >= 0 and gender_follows(self._words_after(idx, pos + 1))):
                    return None
                return full
            if names:
                return None
        return None

    def resolve(self, subj: Subject, idx: int, quote: str = "") -> Speaker | None:
        """Who ``subj`` in sentence ``idx`` is; for "he"/"she", never someone the ``quote`` itself names
        ('"… Sonny was at the centre of that," he explained': not Son)."""
        if subj.kind == "name" and subj.name.isupper() and subj.name in self.acronyms:
            return Speaker(self.acronyms[subj.name], "", "org", {subj.name})  # "The PGMOL issued a statement"
        if subj.kind == "name":
            known = self.reg.find(subj.name)
            if known is not None and known.kind == "person":
                known.forms.add(subj.name)
                if len(subj.name.split()) > len(known.name.split()):
                    known.name = subj.name
                known.role = better_role(known.role, subj.role)
                return known
            full = self._introduced(subj.name, subj.start, idx) if len(subj.name.split()) == 1 else None
            if full is not None:
                person = self.reg.add(full, subj.role)
                person.forms.add(subj.name)
                return person
            # news introduces people by full name: a lone word nobody was introduced by is an organisation, unless
            # "he" or "she" follows it ("Donna said she could not choose") or the article calls it someone's kin
            # ... and a name that ends in an acronym ("ChatGPT-maker Open AI said") is one too
            follows = gender_follows(self._words_after(idx, subj.start + 1)) or subj.name in self.first_named
            person = (len(subj.name.split()) > 1 or subj.role) and name_like(subj.name) or subj.human or \
                follows or any(n.split()[-1] == subj.name for n in self.plain)
            end = self.text.find(subj.name.split()[-1], subj.start) + len(subj.name.split()[-1])
            ticker = _TICKER_RE.match(self.text, end) is not None  # "Palo Alto (PANW) said": a listed company
            person = person and not subj.name.isupper() and not ticker  # "TMZ reported"
            return self.reg.add(subj.name, subj.role, "person" if person else "org")
        if subj.kind == "org" or (subj.kind == "name" and subj.name in self.acronyms):
            name = subj.name[:1].upper() + subj.name[1:] if subj.name.startswith("the ") else subj.name
            full = self.acronyms.get(name.removeprefix("The "))
            return Speaker(full, "", "org", {name}) if full else Speaker(name, "", "org")
        if subj.kind == "role":
            found = self.reg.by_role(subj.role)
            definite = low(self.text[subj.start : subj.start + 4]) == "the " or _DEFINITE_RE.search(
                self.text, max(0, subj.start - 60), subj.start) is not None
            if not definite and (titled := self.reg.titled(subj.role)) is not None:
                return titled  # "Stephen King said", "King added": a surname, not a title
            if found is None and definite and describes(subj):  # "the Team Penske driver said": the one in focus
                found = self._in_focus(idx, quote) or self._antecedent(
                    idx, pronoun_taken(self._words_after(idx, subj.start + len(subj.text))), quote) or (
                    self._lede_person(idx, quote))  # "the Chiefs star", nobody nearer: the one the article opened with
            if found is None and idx not in self.barriers:  # "'…,' says the club's manager"
                found = focus_holder(subj, self._subject(idx - 1) if idx else None, self.reg, self.speakers, quote)
            if found is None and definite and unnamed_role(subj, self.reg.people):  # "the Commission official said"
                found = self._unnamed_again(idx, subj.text) or Speaker("the " + subj.text, "", "unnamed")
            return found
        if subj.kind == "unnamed":
            return Speaker(subj.name, "", "unnamed")
        if subj.kind == "kin":  # "his family": the family of the person "his" is
            pronoun = pronoun_of(subj.name)
            owner = (self._possessor(idx, subj.start) or self._antecedent(idx, pronoun, quote, anyone=True)
                     if pronoun else self.reg.find(subj.name))
            if owner is None:  # "his lawyer" with nobody for "his" is nobody; "Kenwright's family" is theirs
                return Speaker(f"{subj.name}'s {subj.role}", "", "unnamed") if not pronoun else None
            return kin_holder(self.reg, owner, subj.role) or Speaker(f"{owner.name}'s {subj.role}", "", "unnamed")
        if subj.kind == "pronoun":
            if low(subj.text) == "they":  # '"…," they added.' after an unnamed source's words: the same source
                return self._unnamed_before(idx)
            if low(subj.text) == "it":  # "the magazine said": the outlet the article named; "it": the organisation
                return self._outlet(idx) if subj.role in PRESS_NOUNS else self._epithet_org(idx, subj.start) \
                    if subj.role in ORG_EPITHETS else self._org_antecedent(idx, subj.start)
            pronoun, owner = pronoun_of(subj.text), self._possessor(idx, subj.start)
            agrees = owner is not None and self._agrees(owner, pronoun)
            return owner if agrees else self._antecedent(idx, pronoun, quote)
        if subj.kind == "document":
            words = subj.text.split()
            if words and low(words[-1]) in _LEGAL_PAPERS:
                # "the complaint alleges": the filer's words, and the company named last is often the one sued
                rest = words[1:] if low(words[0]) in DETS else words
                return Speaker(" ".join(["the", *rest]), "", "unnamed")
            writer = [p for k in (idx - 1, idx) if k >= 0 for p in self.sent_speakers[k]]
            if words and low(words[-1]) in _WRITINGS and writer:
                return writer[-1]  # 'S. wrote: "…" The letter continued: "…"': the writer's letter
            return self._issuer(idx)
        return None

    def _lede_person(self, idx: int, quote: str) -> Speaker | None:
        """The person the article opened with (the first sentence subject that names someone), if the quote does not
        name them: whom a description ("the Kansas City Chiefs star") nobody nearer fits is about."""
        k, lead = next(((k, s) for k in range(idx) if (s := self._subject(k)) is not None and s.kind == "name"),
                       (0, None))
        found = self.reg.find(lead.name) if lead is not None else None
        if lead is not None and found is None and any(  # "Dario Velmont has deleted his posts": a person
                low(t.text) in ("he", "she", "his", "her") for t in self.sent_tokens[k] if t.start > lead.start):
            found = self.resolve(lead, k)
        return found if found is not None and found.kind == "person" and not named_in(found, quote) else None

    def _in_focus(self, idx: int, quote: str) -> Speaker | None:
        """The person an epithet follows on from: back through the sentences right before it whose subject is
        he/she ("Blaney's spirit got the best of him. He was racing Ross Chastain. The Penske driver said") to
        the one that names them (as its subject or its one possessive); None without such a chain."""
        k = idx - 1
        while k >= 0 and idx - k <= PRONOUN_REACH + 1 and (k + 1) not in self.barriers:
            subj = self._subject(k)
            if subj is None or subj.kind != "pronoun" or low(subj.text) not in ("he", "she"):
                if k == idx - 1:
                    return None  # no he/she in between: nothing says who is in focus
                found = self._possessor(k, self.sentences[k].end)
                return found if found is not None and not named_in(found, quote) else None
            k -= 1
        return None

    def _words_after(self, idx: int, pos: int) -> list[str]:
        return [t.text for t in self.sent_tokens[idx] if t.start >= pos][:3]

    def _possessor(self, idx: int, pos: int) -> Speaker | None:
        """He/she after a person named earlier in the same sentence: the subject of the main clause
        ('Picking out Arteta's strengths, Pochettino explained why he thinks'), else the one person named
        with a possessive ('In Patel's case, he said')."""
        subj = clause_subject(self.text, self.sentences[idx].start, pos)
        if subj is not None and subj.kind == "name" and not self.inside_quote(subj.start):  # not '"They (Michigan) …"'
            known = self.reg.find(subj.name)
            if known is not None and known.kind == "person":
                return known
        found = {}
        for tok in self.sent_tokens[idx]:
            if tok.start >= pos:
                break
            if is_cap(tok.text) and low(tok.text).endswith(("'s", "s'")):  # "Patel's", "Reyes'"
                p = self.reg.find(clean_name(tok.text).rstrip("'’").removesuffix("'s").removesuffix("’s"))
                if p is not None and p.kind == "person":
                    found[p.name] = p
        return next(iter(found.values())) if len(found) == 1 else None

    def _unnamed_again(self, idx: int, phrase: str) -> Speaker | None:
        """"the official said" after "a Commission official told reporters": the unnamed source quoted last whose
        head noun it repeats, when the only one with that noun so far; else one a sentence just before opens on."""
        head = phrase.split()[-1].lower()
        same: dict[str, Speaker] = {}
        for k in range(idx):
            for p in self.sent_speakers[k]:
                words = p.name.lower().split()
                if p.kind == "unnamed" and words[-1] == head:
                    same.setdefault(" ".join(words[1:] if words[0] in DETS else words), p)
        before = () if same else (s for k in range(idx - 1, max(-1, idx - 3), -1) if (s := self._subject(k)))
        if subj := next((s for s in before if s.kind == "unnamed" and not self.inside_quote(s.start)
                         and s.name.lower().split()[-1] == head), None):
            return Speaker(subj.name, "", "unnamed")  # "A Flexport spokesperson rejected that. '…,' the spokesperson"
        return next(iter(same.values())) if len(same) == 1 else None

    def _unnamed_before(self, idx: int) -> Speaker | None:
        """The unnamed source ("the official", "a source close to the club") or the organisation ("the Queensland
        Rugby Union have said …") whose words the last two sentences before ``idx`` that quote anyone quote, if they
        are one: "they" goes on with them."""
        for k in range(idx - 1, max(-1, idx - 3), -1):
            if self.sent_speakers[k]:
                last = self.sent_speakers[k][-1]
                return last if last.kind in ("unnamed", "org") else None
        return None

    def _agrees(self, person: Speaker, pronoun: str) -> bool:
        """Can ``pronoun`` ("he"/"she"/"") refer to ``person``, as far as the article shows their pronoun?"""
        return not pronoun or self._pronoun(person) in ("", pronoun)

    def _pronoun(self, person: Speaker) -> str:
        """``person``'s pronoun as the article shows it ("he"/"she"), or "" when it shows none."""
        if self._genders is None or self._genders[0] != len(self.reg.people):  # read again when people were added
            self._genders = (len(self.reg.people), genders(self.sent_tokens, self._people_in, self._person_at))
        return self._genders[1].get(person.name, "")

    def _person_at(self, name: str) -> str | None:
        return p.name if (p := self.reg.find(name)) is not None and p.kind == "person" else None

    def _people_in(self, k: int) -> set[str]:
        return {p.name for p in self.sent_mentions[k]} | {p.name for p in self.sent_speakers[k] if p.kind == "person"}

    def _antecedent(self, idx: int, pronoun: str = "", quote: str = "", anyone: bool = False) -> Speaker | None:
        """He/she: the speaker of the nearest earlier sentence, or its only named person, whose pronoun agrees.

        Only people who speak somewhere in the article count as mentions (a "he said" refers
        to someone the article quotes), so a passing name does not block the way back; ``anyone``
        lifts that ("his family said": the family of someone who need not speak).
        """
        k = idx - 1
        steps = 0
        while k >= 0 and steps < PRONOUN_REACH:
            if (k + 1) in self.barriers and k + 1 <= idx:
                return None
            speakers = [p for p in self.sent_speakers[k] if p.kind == "person" and self._agrees(p, pronoun)
                        and not named_in(p, quote)]
            if speakers:
                return speakers[-1]
            # a sentence whose subject is the same he/she goes on about the same person, not the others it names
            # after it ("The next he's in a T-shirt alongside Cook. '…,' he says": not Cook); it costs no reach
            if pronoun and (s := self._subject(k)) is not None and s.kind == "pronoun" and low(s.text) == pronoun \
                    and not self._named_before(k, s.start):
                steps, k = steps + (idx - k > 2 * PRONOUN_REACH), k - 1
                continue
            if unnamed_one(self.text[slice(*self.sentences[k])], pronoun) and all(
                    self._pronoun(p) != pronoun for p in self.sent_mentions[k]):
                return None  # "Pepper made noises, which startled the woman. She tried to leave. ... she said"
            people = {p.name: p for p in self.sent_mentions[k]
                      if (anyone or not self.speakers or p.name in self.speakers) and self._agrees(p, pronoun)
                      and not named_in(p, quote)}
            lead = opens_on(self.sent_tokens[k], self.sent_mentions[k]) if not people and k == idx - 1 else None
            if pronoun and lead is None and not people and not self.sent_mentions[k] and k == idx - 1:
                lead = self._named_subject(k)  # "Jason mocked his brother. '…,' he joked": a first name before
            if pronoun and lead is not None and self._agrees(lead, pronoun) and not named_in(lead, quote):
                return lead  # "Paul Barrett, deputy director of …, acknowledged both sides. '…,' he wrote"
            if len(people) == 1:
                only = next(iter(people.values()))
                return self._apposed(k, only) or only
            if len(people) > 1:  # "Djokovic spoke about Federer and Nadal. '…,' he said": the subject
                return self._subject_person(k, people, pronoun)
            # "He said: '…'", "Referring to him as Phil, he said that …": the he/she is the sentence's subject
            opens = bool(self.sent_tokens[idx]) and low(self.sent_tokens[idx][0].text) == pronoun or (
                (own := self._subject(idx)) is not None and own.kind == "pronoun" and low(own.text) == pronoun)
            introduced = self._introduced_as(k, pronoun, k == idx - 1 and opens) if pronoun else None
            if introduced is not None and not named_in(introduced, quote):
                return introduced
            subj = self._subject(k) if pronoun and not people else None
            if subj is not None and subj.kind == "unnamed" and lone_source(subj.name) and not self.inside_quote(
                    subj.start) and any(low(t.text) in SPEECH_VERBS for t in self.sent_tokens[k]):
                return Speaker(subj.name, "", "unnamed")  # "A TikTok spokeswoman denied it. '…,' she said"
            steps, k = steps + 1, k - 1
        found = self._named_subject(idx - 1) if pronoun and idx not in self.barriers else None
        return found if found is None or self._agrees(found, pronoun) else None

    def _named_before(self, k: int, at: int) -> bool:
        """Does sentence ``k`` name a person before ``at`` ("One of Kyle Larson's reasons is simple, and he …")?"""
        ahead = self.text[self.sentences[k][0] : at]
        return any(re.search(r"\b" + re.escape(p.name.split()[-1]) + r"\b", ahead) for p in self.sent_mentions[k])

    def _apposed(self, k: int, person: Speaker) -> Speaker | None:
        """The person an appositive that names ``person`` only as a possessive describes ("For Kieran Crowley,
        Galthié's opposite number, his tenure ends. '…,' he said": Crowley), or None."""
        for t in self.sent_tokens[k]:
            found = self.reg.find(clean_name(t.text).removesuffix("'s").removesuffix("’s")) if is_cap(t.text) else None
            if found is None or found.name != person.name:
                continue
            possessive = t.text.endswith(("'s", "’s"))
            m = _APPOSED_RE.search(self.text, self.sentences[k].start, t.start) if possessive else None
            words = m.group(1).split() if m else []  # "For Kieran Crowley, ": the full name the run ends on
            return next((self.reg.add(" ".join(words[i:])) for i in range(len(words) - 1)
                         if " ".join(words[i:]) in self.plain), None)
        return None

    def _named_subject(self, k: int) -> Speaker | None:
        """The person sentence ``k`` is about when nobody else is in sight: its subject, a name the article gives a
        person elsewhere ("Jada furthered that belief. '…,' she said", "Bonta noted that …")."""
        subj = self._subject(k) if k >= 0 else None
        if subj is None or subj.kind != "name" or subj.name.isupper() or self.inside_quote(subj.start):
            return None
        known = self.reg.find(subj.name)
        if known is not None:
            return known if known.kind == "person" and name_like(known.name) else None
        if len(subj.name.split()) > 1:  # "New Zealand won. '…,' he said": nobody
            return None
        names = {n for n in self.plain if subj.name in (n.split()[0], n.split()[-1]) and name_like(n)}
        return self.reg.add(names.pop()) if len(names) == 1 else None

    def _subject(self, k: int) -> Subject | None:
        """Sentence ``k``'s main-clause subject (read once)."""
        if k not in self._subjects:
            self._subjects[k] = clause_subject(self.text, *self.sentences[k])
        return self._subjects[k]

    def _introduced_as(self, k: int, pronoun: str, adjacent: bool = False) -> Speaker | None:
        """A full name met once as a clause's subject in sentence ``k``, which goes on to call them he/she (or
        opens the sentence right before the he/she: "Mikel Arteta was not happy. He said: '…'")."""
        if self.sent_mentions[k]:
            return None  # someone the article already knows is named there
        name = subject_called(self.sent_tokens[k], [n for n in self.plain if self.reg.find(n) is None], pronoun,
                              adjacent)
        return self.reg.add(name) if name else None

    def _subject_person(self, k: int, people: dict[str, Speaker], pronoun: str) -> Speaker | None:
        """Of the people sentence ``k`` names, its main clause's subject, when that is the one in focus."""
        known = self.reg.find(subj.name) if (subj := self._subject(k)) is not None and subj.kind == "name" else None
        if known is None or known.name not in people:
            return None
        # someone the article quotes elsewhere, or whom the sentence itself goes on to call "he"/"she" ("Djokovic
        # spoke about the relationship he has with Federer"); "Senator Jones met Governor Reyes. He said": nobody
        again = pronoun and any(pronoun_of(t.text) == pronoun for t in self.sent_tokens[k] if t.start > subj.start)
        return known if known.name in self.speakers or again else None


__all__ = ["PRONOUN_REACH", "Coreference"]
