"""Signed text: embedded social posts ("— Name (@handle) Month D, YYYY") and signed paragraphs ("… —Pete Volk").

A post is short: its text is the signed paragraph before the signature (links, hashtags and
"pic.twitter.com" addresses at its end dropped) and, when that is only links or a last word, the
short paragraphs right before it, up to the length of a post. The signer is the speaker.

A paragraph that ends with a dash and a person's name after its last sentence is that person's: a
roundup's blurb signed by the critic who wrote it ("… an excellent start to a month of horrors.
—Toussaint Egan"), or a quotation signed by the one who said it. Only the signed paragraph is theirs;
a hyphen signs nothing ("… - New Romantics" names a song).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.quotations.phrases import Subject, parse_np, tokens
from index.text.sentences import Span, paragraphs

if TYPE_CHECKING:
    from index.quotations.attribution import Extractor

POST_CHARS = 280  # a post's text is at most this long
TAIL_CHARS = 12  # a signed paragraph shorter than this ends a post of several paragraphs
_SIGNATURE_RE = re.compile(r"\s[—–-]\s*([^()\n—–]{1,60}?)\s*\(@\w{1,30}\)\s+[A-Z][a-z]+\.? \d{1,2}, \d{4}\s*$")
_LINK_TAIL_RE = re.compile(r"(?:\s*(?:https?://\S+|pic\.twitter\.com/\S+|#\w+|\||\bLIVE\b))+\s*$")
_CLOCK_RE = re.compile(r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|GMT|ET|BST)?", re.I)
_OPENERS = '"“„«‘'
# a post that only tells readers where to watch or click: an advert, not a statement
_PROMO_RE = re.compile(r"[^\w#@]*(?:stream|watch|click|tap|listen|subscribe|download|tune\s+in|sign\s+up|"
                       r"also\s+available|available\s+now|read\s+more|get\s+tickets)\b", re.I)


def posts(ex: Extractor) -> None:
    """Emit every signed post of the article as its signer's direct words."""
    text = ex.text
    paras = paragraphs(text)
    for k, (a, b) in enumerate(paras):
        sig = _SIGNATURE_RE.search(text, a, b)
        if sig is None:
            continue
        subj = _signer(text, sig.start(1), sig.end(1))
        if subj is None:
            continue
        start, end = a, a + len(_LINK_TAIL_RE.sub("", text[a : sig.start()]))
        if _PROMO_RE.match(text, a, sig.start()):
            continue  # the account's own advert ("📱: Stream on #NFLPlus", "WATCH | …"): no statement
        if end - a < TAIL_CHARS and k:  # only links or a last word: the post began in the paragraphs before
            if end <= a:
                start = end = paras[k - 1].end
            j = k - 1
            while j >= 0 and end - paras[j].start <= POST_CHARS and text[paras[j].start] not in _OPENERS:
                if text[paras[j].end - 1] in ":”\"" or _SIGNATURE_RE.search(text, *paras[j]) or _CLOCK_RE.match(
                    text, paras[j].start
                ):
                    break  # the article's own text: a quote's end, another post, a live blog's timestamped entry
                start = paras[j].start
                j -= 1
        if end - start < 3:
            continue
        idx = ex.sentence_at(sig.start())
        person = ex.people.resolve(subj, idx)
        if person is not None:
            first = ex.sentences[ex.sentence_at(start)]
            ex.emit(start, end, person, "direct", Span(first.start, ex.sentences[idx].end), idx)


_SIGNED_RE = re.compile(r"(?<=[.!?”\"’)])\s*[—–]\s?([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2})\s*$")


_LABEL_RE = re.compile(r"((?:[^.!?:\n]|\.(?=\S)|(?<=\b[A-Z])\.){1,80}):\s+")  # "T.J. Watt:" keeps its initials


def signed(ex: Extractor) -> None:
    """Emit every paragraph signed with a person's name as their direct words (its one quotation, when it is
    nothing else: '"When I met my mom, I truly felt unconditional love." — Diane Bazella')."""
    text = ex.text
    for a, b in paragraphs(text):
        sig = _SIGNED_RE.search(text, a, b)
        if sig is None or _SIGNATURE_RE.search(text, a, b) or len(text[a : sig.start()].split()) < 6:
            continue
        subj = _signer(text, sig.start(1), sig.end(1))
        if subj is None or subj.kind != "name":
            continue
        start, end = a, sig.start()
        while end > start and text[end - 1].isspace():
            end -= 1
        label = _LABEL_RE.match(text, start, end)
        if label and sum(w[:1].isupper() or not w[:1].isalpha() for w in label.group(1).split()) * 10 >= 7 * len(
                label.group(1).split()):
            start = label.end()  # "PITTSBURGH STEELERS | Linebacker T.J. Watt: The Steelers are ...": the entry's label
        if text[start] in _OPENERS and text[end - 1] in '"”' and not any(
                ch in '"“”' for ch in text[start + 1 : end - 1]):
            start, end = start + 1, end - 1  # the quotation alone, without its marks
        if any(o.start < end and start < o.end for o in ex.out):
            continue  # words already credited (a quotation the sentence's own attribution gave)
        idx = ex.sentence_at(sig.start())
        person = ex.people.resolve(subj, idx)
        if person is not None and person.kind == "person":
            first = ex.sentences[ex.sentence_at(start)]
            ex.emit(start, end, person, "direct", Span(first.start, ex.sentences[idx].end), idx)


def _signer(text: str, a: int, b: int) -> Subject | None:
    """The signature's name: a person's name as such, anything else ("247Sports") as an organisation."""
    while b > a and not (text[b - 1].isalnum() or text[b - 1] in ".)"):
        b -= 1  # an emoji or a flag after the name
    np = parse_np(tokens(text, a, b))
    if np is not None and np.kind == "name" and np.name == text[a:b]:
        return np
    return Subject("org", text[a:b], a, name=text[a:b]) if any(ch.isalpha() for ch in text[a:b]) else None


__all__ = ["POST_CHARS", "TAIL_CHARS", "posts", "signed"]
