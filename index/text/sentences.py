"""The one sentence splitter: sentences as character spans of the stored text.

Rules (chosen by measurement against pysbd and syntok, see ``BENCHMARKS.md``):

* a line break always ends a sentence (paragraphs, headings and list items are lines);
* inside a line, a sentence ends at ``.``, ``!``, ``?`` or ``…`` (closing quote marks and
  brackets included) followed by whitespace and a capital, a digit or an opening mark;
* never inside a quotation that goes on ("He said: "It works. We know." Then ..." is two
  sentences, not three), quote marks paired by ``index.text.marks``;
* not after an abbreviation ("Mr.", "Jan.", "Gov.") or initials ("U.S.", "p.m.", "J. K.").

Spans are stripped of surrounding whitespace, never empty, in text order, and together they
cover every non-whitespace character of the text.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from index.text.marks import QuoteSpan, quote_spans

SPLITTER_VERSION = "quote-aware-v4"  # v2: "Fr.", "Msgr.", "Supt." end no sentence; v3: "Adv."; v4: "Bros."

_BOUNDARY_RE = re.compile(r"[.!?…]+[\"”’')\]»]*(?=\s+[\"“‘'(\[«„]?[^\W_a-z])")
_ABBREV = set(
    """
    mr mrs ms dr prof sen rep gov gen lt col capt sgt st jr sr inc corp co ltd no nos vs jan feb mar
    apr jun jul aug sep sept oct nov dec mt ft rev hon adm cmdr maj pres approx dept est fig vol etc
    fr msgr supt det insp cpl pvt adv bros
""".split()
)
_INITIALS_RE = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")


class Span(NamedTuple):
    start: int
    end: int


class Layout(NamedTuple):
    """A text's sentences, its quotations' marks, and which sentences open a heading line."""

    sentences: tuple[Span, ...]
    quotes: tuple[QuoteSpan, ...]
    headings: frozenset[int]  # indices into ``sentences``


def stripped(text: str, a: int, b: int) -> Span | None:
    """``text[a:b]`` without surrounding whitespace, as a span; None when nothing is left."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return Span(a, b) if b > a else None


def paragraphs(text: str) -> list[Span]:
    """Non-blank lines, stripped."""
    out = []
    pos = 0
    for line in text.split("\n"):
        span = stripped(text, pos, pos + len(line))
        pos += len(line) + 1
        if span is not None:
            out.append(span)
    return out


def is_heading(line: str) -> bool:
    """A short line that does not end like a sentence: a headline or a section title."""
    return len(line.split()) <= 8 and line.rstrip()[-1:] not in '.!?:"”’)'


def _is_abbrev(text: str, dot: int, lo: int) -> bool:
    """Is the period at ``dot`` part of an abbreviation or of initials?"""
    j = dot
    while j > lo and not text[j - 1].isspace() and text[j - 1] not in '("“':
        j -= 1
    word = text[j:dot]
    if not word:
        return False
    if _INITIALS_RE.fullmatch(word) and len(word.replace(".", "")) <= 3 and (len(word) == 1 or "." in word):
        return True
    return word.lower() in _ABBREV


def _split_line(text: str, a: int, b: int, quotes: list[QuoteSpan]) -> list[Span]:
    cuts = [a]
    for m in _BOUNDARY_RE.finditer(text, a, b):
        p, end = m.start(), m.end()
        inside = next((q for q in quotes if q.contains(p)), None)
        if inside is not None and not (inside.close_end == end and inside.closed):
            continue  # a full stop inside a quotation that goes on
        if text[p] == "." and len(m.group().rstrip("\"”’')]»")) == 1 and _is_abbrev(text, p, a):
            continue
        while end < b and text[end].isspace():
            end += 1
        cuts.append(end)
    cuts.append(b)
    return [span for s, e in zip(cuts, cuts[1:]) if (span := stripped(text, s, e)) is not None]


@functools.lru_cache(maxsize=64)
def layout(text: str) -> Layout:
    """Sentences, quotation marks and heading lines of ``text`` (cached: articles are read many times)."""
    sentences: list[Span] = []
    quotes: list[QuoteSpan] = []
    headings: set[int] = set()
    for a, b in paragraphs(text):
        q = quote_spans(text, a, b)
        quotes.extend(q)
        if is_heading(text[a:b]):
            headings.add(len(sentences))
        sentences.extend(_split_line(text, a, b, q))
    return Layout(tuple(sentences), tuple(quotes), frozenset(headings))


def sentence_spans(text: str) -> list[Span]:
    """Sentence offsets in ``text``: ``text[s.start:s.end]`` is one sentence."""
    return list(layout(text).sentences)


__all__ = ["Layout", "SPLITTER_VERSION", "Span", "is_heading", "layout", "paragraphs", "sentence_spans", "stripped"]
