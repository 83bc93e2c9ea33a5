"""Quotation marks: which opening mark pairs with which closing one, within one paragraph.

Pairs ``"…"``, ``“…”``, ``„…“`` / ``„…”`` (German and Polish low-high), ``«…»`` and ``»…«``;
when a paragraph has none of these, British-style single quotes ``‘…’`` (an opener at a
word start, a closer not followed by a letter, so apostrophes are not closers).

An unclosed double quote runs to the end of the paragraph (news prose leaves a quote open
when it continues in the next paragraph); its ``close_end`` then equals ``inner_end``. Marks the
source typed wrong still pair: an opening mark that ends its paragraph after the last word closes
the open quote ('… in genre only. “'), and a paragraph opened with ‘ and closed with ” is one quote.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import NamedTuple

# opening mark -> the closing marks it accepts
_PAIRS = {
    '"': '"\u201d',
    "\u201c": '\u201d"\u201f',  # “ ” (and a straight close typed by mistake)
    "\u201e": "\u201c\u201d",  # „ “  or „ ”
    "\u00ab": "\u00bb",  # « »
    "\u00bb": "\u00ab",  # » « (German)
}
_CLOSERS = set('"\u201d\u201f\u201c\u00bb\u00ab')
DOUBLE_MARKS = '"\u201c\u201d\u201e\u201f\u00ab\u00bb'


class QuoteSpan(NamedTuple):
    """One quotation's marks: ``text[open]`` is the opening mark, the words are ``text[inner_start:inner_end]``."""

    open: int
    inner_start: int
    inner_end: int
    close_end: int

    @property
    def closed(self) -> bool:
        return self.inner_end != self.close_end

    def contains(self, pos: int) -> bool:
        """Is ``pos`` among the quoted words?"""
        return self.inner_start <= pos < self.inner_end


def inside_quotation(quotes: Sequence[QuoteSpan], pos: int) -> bool:
    """Is ``pos`` among the quoted words of one of ``quotes`` (in text order, as ``quote_spans`` gives them)?"""
    k = bisect.bisect_right(quotes, pos, key=lambda q: q.inner_start) - 1
    return k >= 0 and quotes[k].contains(pos)


def quote_spans(text: str, lo: int, hi: int) -> list[QuoteSpan]:
    """Paired quotation marks in ``text[lo:hi]`` (one paragraph), in text order."""
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    for i in range(lo, hi):
        ch = text[i]
        if ch not in DOUBLE_MARKS:
            continue
        if open_at is not None and (ch in _PAIRS[text[open_at]] or _closes_paragraph(text, i, hi)):
            # a close, or an opener typed where the close belongs: 'in genre only. “' ending the paragraph
            spans.append(QuoteSpan(open_at, open_at + 1, i, i + 1))
            open_at = None
        elif ch in _PAIRS and (open_at is None or ch not in _CLOSERS or ch == text[open_at]):
            open_at = i  # an opener (a second one before a close restarts the quote)
        elif open_at is None and not spans and ch == "\u201d" and text[lo] == "\u2018" and (
                _closes_paragraph(text, i, hi)):
            spans.append(QuoteSpan(lo, lo + 1, i, i + 1))  # '‘We know … to us.”': a single opener, a double close
    if open_at is not None:
        spans.append(QuoteSpan(open_at, open_at + 1, hi, hi))
    return spans or _single_quote_spans(text, lo, hi)


def _closes_paragraph(text: str, i: int, hi: int) -> bool:
    """Does the mark at ``i`` end its paragraph, after the last word (only punctuation and spaces follow)?"""
    return i > 0 and not text[i - 1].isalnum() and not any(ch.isalnum() for ch in text[i + 1 : hi])


def _single_quote_spans(text: str, lo: int, hi: int) -> list[QuoteSpan]:
    spans = []
    open_at: int | None = None
    for i in range(lo, hi):
        ch = text[i]
        if ch == "\u2018" and (i == lo or not text[i - 1].isalnum()):
            open_at = i
        elif ch == "\u2019" and open_at is not None and (i + 1 >= hi or not text[i + 1].isalpha()):
            if i > open_at + 1 and not text[i - 1].isspace():
                spans.append(QuoteSpan(open_at, open_at + 1, i, i + 1))
                open_at = None
    return spans


__all__ = ["DOUBLE_MARKS", "QuoteSpan", "inside_quotation", "quote_spans"]
