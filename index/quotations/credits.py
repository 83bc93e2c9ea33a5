"""Credits: "According to X, …", "…, according to X.", "… when, according to X, …".

X may be a person, an organisation, a pronoun for someone just named ("According to him, …"), the author of a
document ("data from CME Group", "TikTok's website", "Trump's most recent ethics disclosure") or a document with
no author ("a press release"); "Paul Hoynes of Cleveland.com" is the person; a day after the source ("from AMC
Theatres Sunday") is no part of its name. A credit that ends its sentence may carry an appositive, a relative
clause or an acronym after the source ("…, according to AnitaB.org, which supports …", "(NAR)").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.quotations import cues
from index.quotations.clauses import clause_after, only_punct
from index.quotations.gender import pronoun_of
from index.quotations.phrases import Subject, base, is_role, low, parse_np, tokens
from index.quotations.wordlists import CLAUSE_OPENERS, DAYS_MONTHS, DOCUMENT_NOUNS, ORG_EPITHETS, ORG_WORDS
from index.text.sentences import Span
from index.text.terms import WEB_ADDRESS_RE

if TYPE_CHECKING:
    from index.quotations.attribution import Extractor

# what is published, between a document noun and its author: "a report published by X"
_PUBLISHED = frozenset("compiled published released issued prepared provided collected".split())

_APPOSITIVE = re.compile(r"\s*(?:the|a|an)\s+[^,;:]{0,60}?\b(\w+),")  # ", the web metrics company,"
# a direct quote already credited right before "according to": '"…," Trump said, according to …'
_QUOTE_CREDITED = re.compile(r"[”\"’],?\s+(?:[A-Z][\w'’.-]*\s+){1,3}(?:said|says|told|added|wrote)\s*,?$")


def according(ex: Extractor, idx: int, sent: Span) -> None:
    """'According to X, …', '…, according to X.', '… when, according to X, …'; X may be a document
    ('according to data from CME Group' -> CME Group, 'according to a press release')."""
    text = ex.text
    a, b = sent
    for m in cues.ACCORDING_RE.finditer(text, a, b):
        if ex.inside_quote(m.start()):
            continue
        stop = re.search(r"[,;:!?—–(]|\.(?!\w)|\s(?:who|which|in|on|at|during)\s", text[m.end() : b])
        np_end = m.end() + stop.start() if stop else b
        toks = tokens(text, m.end(), np_end)
        alone = low(toks[0].text) if len(toks) == 1 else ""
        # "According to him, …": he or she, for someone just named
        subj = Subject("pronoun", pronoun_of(alone), toks[0].start) if alone in ("him", "her") else _source(toks)
        if subj is not None and subj.kind == "role":
            subj, np_end = _named_after_role(text, m.end(), np_end, b, subj)
        if subj is None or subj.kind == "pronoun" and low(subj.text) not in ("he", "she", "it"):
            continue
        person = ex.people.resolve(subj, idx)
        if person is None:
            continue
        before = text[a : m.start()].rstrip()
        if _QUOTE_CREDITED.search(before):
            continue  # '"…," Trump said, according to Discourse Blog, "…"': the blog is where, not who
        opens = only_punct(text, a, m.start()) or low(before.rstrip(",")) in CLAUSE_OPENERS  # 'However, according to'
        if np_end < b and text[np_end] == "," and opens:
            appos = _APPOSITIVE.match(text, np_end + 1, b)  # 'According to Similarweb, the web metrics company, …'
            if appos and base(appos.group(1)) not in ORG_WORDS and not is_role(appos.group(1)):
                appos = None
            ex.emit(appos.end() if appos else np_end + 1, b, person, "reported", sent, idx)  # 'According to X, …'
        elif np_end < b and text[np_end] == "," and before.endswith(","):
            if clause_after(text, np_end + 1, b) is not None or cues.SUBORDINATE_RE.match(text, a):
                ex.emit(np_end + 1, b, person, "reported", sent, idx)  # '… when, according to X, the unions left.'
            else:  # '… rose 5%, according to figures from X, after a decade of losses.'
                ex.emit(a, len(before) + a - 1, person, "reported", sent, idx)
        elif (only_punct(text, np_end, b) or _CREDIT_TAIL.match(text, np_end, b)) and before.endswith(","):
            ex.emit(a, m.start(), person, "reported", sent, idx)  # '…, according to X(, a Y / (NAR)).'


def _named_after_role(text: str, a: int, np_end: int, b: int, role: Subject) -> tuple[Subject, int]:
    """'according to executive GM of marketing at the Swans, Loretta Johns.': the person the role phrase
    goes on to name after a comma (the whole phrase is their role), else the role as it was."""
    m = re.match(r"[^,.;:!?\"“”]{0,80},\s*", text[np_end:b])
    if m is None:
        return role, np_end
    start = np_end + m.end()
    end = start + len(re.match(r"[^,.;:!?—–()]*", text[start:b]).group().rstrip())
    named = parse_np(tokens(text, start, end)) if end > start else None
    if named is None or named.kind != "name" or not only_punct(text, end, b):
        return role, np_end
    named.role = named.role or " ".join(text[a : np_end + m.start()].split())
    return named, end


# what an owner's credit names ("TikTok's website", "Trump's ethics disclosure"): documents, and where they are
_CREDITED = DOCUMENT_NOUNS | {"website", "blog", "disclosure"}
# what may follow the source of a credit that ends its sentence: an appositive, a relative clause, an acronym
_CREDIT_TAIL = re.compile(r",\s+(?:a|an|the|which|who)\b[^;:]*$|\s*\([^()]{1,40}\)\s*[.!?]?\s*$")


def _source(toks: list) -> Subject | None:
    """Who a credit names: a speaker, or the author of a document ('data from X', "X's report"), or the
    document itself when it has no author ('a press release')."""
    words = [low(t.text) for t in toks]
    for k, w in enumerate(words):
        if w in ("of", "at") and k >= 2:  # "Paul Hoynes of Cleveland.com": the person, not the outlet
            person = parse_np(toks[:k])
            if person is not None and person.kind == "name" and len(person.name.split()) > 1:
                person.human = True
                return person
        if w in DOCUMENT_NOUNS and k + 1 < len(words):
            j = k + 2 if words[k + 1] in _PUBLISHED and k + 2 < len(words) else k + 1
            if words[j] in ("from", "by", "of"):
                author = parse_np(toks[j + 1 :])
                if author is not None and (author.kind != "name" or len(author.name.split()) > 1 or author.role):
                    return author
                break  # 'a report from Argentina': a place, not an author
        owned = any(x in _CREDITED for x in words[k + 1 : k + 5])  # "Trump's most recent ethics disclosure"
        if w.endswith("'s") and owned:
            return parse_np([*toks[:k], toks[k]._replace(text=toks[k].text[:-2])])
        if k == 0 and w in ("his", "her") and owned:  # "his filing" (not "its website": often another company's)
            return Subject("pronoun", pronoun_of(w), toks[0].start)
    if words and words[-1] in DOCUMENT_NOUNS and len(words) <= 4 and words[0] in ("a", "an"):
        name = " ".join(t.text for t in toks)
        return Subject("unnamed", name, toks[0].start, name=name)
    while len(toks) > 1 and words[len(toks) - 1] in DAYS_MONTHS:
        toks = toks[:-1]  # "estimates from AMC Theatres Sunday": the day it was said, not the name
    return parse_np(toks) or _described_business(toks) or _site(toks)


def _site(toks: list) -> Subject | None:
    """'according to mlbtraderumors.com': a web address names its site, an organisation, in lower case too."""
    if len(toks) == 1 and WEB_ADDRESS_RE.fullmatch(toks[0].text):
        return Subject("org", toks[0].text, toks[0].start, name=toks[0].text)
    return None


# "As mlbtraderumors.com suggests, …", "As Reuters reported, …": the rest of the sentence is the source's
_AS_CREDIT = re.compile(
    r"(?:(?:But|And|Yet|So|Still),?\s+)?As\s+(?P<np>[^,;:()\"“”]{2,60}?)\s+(?:has\s+|had\s+)?"
    r"(?:said|says|noted|notes|suggests|suggested|reported|reports|put\s+it|puts\s+it|pointed\s+out|points\s+out|"
    r"explained|explains|wrote|writes|observed|observes|argued|argues|predicted|predicts|stated|states)"
    r"(?:\s+(?:on|in|last|earlier|this)\b[^,;:]{0,30})?,\s*"
)


def as_credit(ex: Extractor, idx: int, sent: Span) -> None:
    """'As mlbtraderumors.com suggests, Torres is expected to earn …', 'As Reuters reported, …': the clause after
    the comma is the source's report ('As expected, …' names no one)."""
    m = _AS_CREDIT.match(ex.text, sent.start, sent.end)
    if m is None or ex.inside_quote(m.start()) or m.end() >= sent.end:
        return
    subj = _source(tokens(ex.text, m.start("np"), m.end("np")))
    if subj is None or subj.kind == "pronoun" and low(subj.text) not in ("he", "she"):
        return
    person = ex.people.resolve(subj, idx)
    if person is not None:
        ex.emit(m.end(), sent.end, person, "reported", sent, idx)


# what a business is called before its name in a credit: "data firm EntTelligence", "consultancy Kpler"
_BUSINESS_NOUNS = ORG_WORDS | ORG_EPITHETS | {"consultancy", "tracker", "provider", "outfit", "analytics"}


def _named(word: str) -> bool:
    """A word of a name: capitalised, or in camel case ("iSpot", "eBay")."""
    return word[:1].isupper() or word[:1].islower() and any(ch.isupper() for ch in word[1:])


def _described_business(toks: list) -> Subject | None:
    """'according to data firm EntTelligence' / 'according to ad tracking firm iSpot': the name after a lower-case
    description whose last word is a kind of business (an organisation, the description its role)."""
    k = next((j for j, t in enumerate(toks) if _named(t.text)), len(toks))
    lead = [low(t.text) for t in toks[:k]]
    lead = lead[1:] if lead and lead[0] in ("the", "a", "an") else lead
    if not lead or k == len(toks) or len(toks) - k > 4 or lead[-1] not in _BUSINESS_NOUNS:
        return None
    if not all(w.replace("-", "").isalpha() for w in lead) or not all(_named(t.text) for t in toks[k:]):
        return None
    name = " ".join(t.text for t in toks[k:])
    return Subject("org", name, toks[k].start, name=name, role=" ".join(lead))


# "Antonee Robinson, who Gregg Berhalter said is dealing with a sports hernia": the clause after the verb is the
# speaker's report about the one the relative pronoun stands for
_WHO_SAID = re.compile(
    r",\s+(?:who|whom|which)\s+(?P<np>(?:[a-z][\w-]*\s+){0,2}(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*|he|she)\s+"
    r"(?:has\s+|had\s+)?"
    r"(?:said|says|believes|believed|thinks|thought|claims|claimed|insists|insisted|added|confirmed|revealed)\s+"
    r"(?=(?:is|was|has|had|will|would|could|can|remains|remained|needs|needed|should|must|isn['’]t|wasn['’]t|"
    r"won['’]t)\b)")


def who_said(ex: Extractor, idx: int, sent: Span) -> None:
    """'Robinson, who Berhalter said is dealing with a hernia, …': from the verb after "said" to the end of the
    sentence is the speaker's report."""
    for m in _WHO_SAID.finditer(ex.text, sent.start, sent.end):
        if ex.inside_quote(m.start()):
            continue
        np = m.group("np")
        subj = (Subject("pronoun", np, m.start("np")) if np in ("he", "she")
                else parse_np(tokens(ex.text, m.start("np"), m.end("np"))))
        person = ex.people.resolve(subj, idx) if subj is not None else None
        if person is not None:
            ex.emit(m.end(), sent.end, person, "reported", sent, idx)


__all__ = ["according", "as_credit", "who_said"]
