"""Organisations asked by what they are: "the company", "the carmaker", "the crypto exchange", "Ruby Franke's law
firm".

``described_org`` finds the quoted organisation such a phrase means among the retrieved articles: one the
question's topic or the turn before names ("the layoffs at Spotify", "What did the exchange say?" after a question
about Binance), when the noun is "company" or "firm" or the article calls it by the noun; else, in the
best-ranked article that holds the names of the phrase ("Ruby Franke"), the one the article calls by the noun
("Binance, the world's largest crypto exchange"), whose name says its kind ("Winward Law" for "law firm") or which
its title names. News outlets (an article's own source, or one that "reported") are never it. The answerer then
takes that organisation's quotations as it does for a name.
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
_ANY_ORG = frozenset(stem(w) for w in ("company", "firm", "business", "organisation", "organization"))


def is_org_noun(word_stem: str) -> bool:
    return word_stem in _ORG_STEMS


def described_org(head: str, quals: Sequence[str], names: Sequence[str], articles: Iterable[Passage],
                  quotations_of: Callable[[Passage], Sequence[Quotation]], topic: str = "") -> str:
    """The organisation an organisation noun (stem ``head``) with its qualifiers (stems: "law", "crypto") and names
    ("Ruby", "Franke") describes, or "". A quoted organisation the topic names comes first when the noun is
    "company" or "firm" (then it is the only one: "the company" of "the layoffs at Spotify") or the article calls it
    by the noun (not Meta for "the regulator" of "Meta's ad-free plan"); else, in the best-ranked article that
    holds the names and the noun, the quoted organisation the article calls by the noun ("Binance, the world's
    largest crypto exchange", "the streaming platform Twitch"), whose name holds a qualifier ("Winward Law" for
    "law firm") or which its title names."""
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
            if not own or q.speaker in scores or q.speaker_type == "unnamed" or _is_outlet(q, p):
                continue
            by_noun = called and _called(q.speaker, head, p.article_text)
            if q.speaker_type != "org" and not own & kinds and not by_noun:
                continue  # a person only as the article calls them: "Winward Law", "Datatilsynet, the regulator,"
            if own <= asked and (head in _ANY_ORG or by_noun):
                return q.speaker  # "the company" of "Spotify's layoffs"; "the regulator" of "Meta's plan" is not Meta
            if named and head in _ANY_ORG:
                continue  # "the layoffs at Spotify": the company is Spotify or nobody
            scores[q.speaker] = 3 * by_noun + 2 * (called and own <= titled) + 10 * len(own & kinds)
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
