"""Organisations asked by what they are: "the company", "the carmaker", "the crypto exchange", "Ruby Franke's law
firm".

``described_org`` finds the organisation such a phrase names among the retrieved articles: the one quoted most in
the best-ranked article that quotes an organisation and holds every name of the phrase ("Ruby Franke"), leaving out
news outlets (an article's own source, or an outlet that "reported"). A qualifier the organisation's own name holds
("law" of "law firm" in "Winward Law") settles a tie. The answerer then takes that organisation's quotations as it
does for a name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from assistant.answer.words import WORD_RE, stem, term_present, vocabulary
from assistant.schema import Passage
from index.quotations import Quotation
from index.quotations.wordlists import ORG_EPITHETS

# nouns that describe an organisation, as a question asks for one ("What did the carmaker say?")
ORG_NOUNS = frozenset({"company", "firm", "club", "team", "startup", "retailer", "bank", "lender", "insurer",
                       "studio", "publisher", "network", "league", "federation", "union", "ministry", "agency",
                       "regulator", "watchdog", "developer", "brand", "business", "organisation", "organization",
                       "charity", "operator", "provider", "distributor", "label", "automaker", "chipmaker"}
                      | ORG_EPITHETS)
_ORG_STEMS = frozenset(stem(w) for w in ORG_NOUNS)
_OUTLET_VERBS = ("reported", "reports", "first reported")


def is_org_noun(word_stem: str) -> bool:
    return word_stem in _ORG_STEMS


def described_org(head: str, quals: Sequence[str], names: Sequence[str], articles: Iterable[Passage],
                  quotations_of: Callable[[Passage], Sequence[Quotation]], topic: str = "") -> str:
    """The organisation an organisation noun (stem ``head``) with its qualifiers (stems: "law", "crypto") and names
    ("Ruby", "Franke") describes, or "". A quoted organisation the topic names ("the layoffs at Spotify") comes
    first; else, in the best-ranked article that holds the names and the noun, the quoted organisation the article
    calls by the noun ("Binance, the world's largest crypto exchange", "the streaming platform Twitch"), whose name
    holds a qualifier ("Winward Law" for "law firm") or which its title names."""
    asked = {stem(w) for w in WORD_RE.findall(topic)}
    kinds = set(quals) - {stem(n.lower()) for n in names} - {stem(n) for n in names}  # "law", not "Franke"
    named = any(w[:1].isupper() for w in WORD_RE.findall(topic))
    for p in articles:
        vocab = vocabulary(f"{p.title} {p.article_text}")
        if not all(term_present(stem(n), vocab) for n in names):
            continue
        called = term_present(head, vocab)  # an article that never uses the noun names it only by a qualifier
        titled = {stem(w) for w in WORD_RE.findall(p.title)}
        scores: Counter[str] = Counter()
        for q in quotations_of(p):
            own = {stem(w) for w in WORD_RE.findall(q.speaker)}
            if q.speaker_type != "org" and not own & kinds or not own or q.speaker in scores or _is_outlet(q, p):
                continue  # ("Winward Law", read as a person's name, is the "law firm")
            if own <= asked:
                return q.speaker
            if named:
                continue  # "the layoffs at Spotify": the company is Spotify or nobody
            by_noun = 3 * _called(q.speaker, head, p.article_text) + 2 * (own <= titled) if called else 0
            scores[q.speaker] = by_noun + 10 * len(own & kinds)
        best = scores.most_common(1)
        if best and best[0][1] > 0:
            return best[0][0]
    return ""


def _called(org: str, head: str, text: str) -> bool:
    """Does the text call ``org`` by the noun: "Binance, the world's largest crypto exchange,", "the streaming
    platform Twitch", "Tesla is the carmaker …"?"""
    name, noun = re.escape(org), re.escape(head) + r"[\w-]*"
    return re.search(rf"\b{name}(?:['’]s)?(?:,|\s+is)\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,4}}{noun}\b"
                     rf"|\b[Tt]he\s+(?:[\w'’-]+\s+){{0,3}}{noun}\s+{name}\b", text) is not None


def _is_outlet(q: Quotation, p: Passage) -> bool:
    """A news outlet, not the organisation asked about: the article's own source, or one that "reported" it."""
    if p.source and stem(q.speaker.removeprefix("The ").removeprefix("the ")) in stem(p.source):
        return True
    cue = p.article_text[q.sentence_start : q.sentence_end].replace(q.quote, " ")
    return any(f"{q.speaker} {verb}" in cue for verb in _OUTLET_VERBS)


__all__ = ["ORG_NOUNS", "described_org", "is_org_noun"]
