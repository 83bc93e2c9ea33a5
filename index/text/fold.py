"""Finding a quote in the stored article text: the check behind every quote we show.

A quote is accepted only when it is a verbatim substring of the stored article
text under this normalisation, and nothing more (``fold``):

* Unicode NFC;
* curly, low and prime double quotes (“ ” „ ‟ ″) count as ``"``, and curly, low
  and prime single quotes/apostrophes (‘ ’ ‚ ‛ ′) count as ``'``;
* any run of whitespace (spaces, tabs, newlines, no-break spaces) matches any
  other run.

Case, punctuation, dashes and spelling must match exactly. ``locate`` returns
offsets into the *original* text, so the quote a user sees is
``text[start:end]`` and ``verify`` can re-check it at any time.
"""

from __future__ import annotations

import functools
import unicodedata

_DOUBLE = "\u201c\u201d\u201e\u201f\u2033"  # “ ” „ ‟ ″
_SINGLE = "\u2018\u2019\u201a\u201b\u2032"  # ‘ ’ ‚ ‛ ′
_QUOTE_MAP = str.maketrans({**{c: '"' for c in _DOUBLE}, **{c: "'" for c in _SINGLE}})
# Marks stripped from both ends of a quote before it is looked up.
_OUTER_DOUBLE = '"' + _DOUBLE + "\u00ab\u00bb"  # also « »
_OUTER_SINGLE = "'" + _SINGLE + "\u2039\u203a"  # also ‹ ›
MIN_QUOTE_CHARS = 3


def _fold_char(ch: str) -> str:
    return ch.translate(_QUOTE_MAP)


def fold(s: str) -> str:
    """The matching normaliser: NFC, straight quote marks, single spaces, stripped ends."""
    s = unicodedata.normalize("NFC", s).translate(_QUOTE_MAP)
    return " ".join(s.split())


def _groups(text: str) -> list[tuple[int, int]]:
    """Spans of a base character plus its combining marks, the units NFC may merge."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        spans.append((i, j))
        i = j
    return spans


@functools.lru_cache(maxsize=128)
def _folded(text: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """Folded text plus, for each folded character, its start and end offset in ``text``.

    Cached because the same article is searched for many quotes; the cache key is
    the text itself (its hash is computed once by Python and kept on the str).
    """
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    plain = unicodedata.is_normalized("NFC", text)
    spans = ((i, i + 1) for i in range(len(text))) if plain else _groups(text)
    in_space = False
    for a, b in spans:
        piece = text[a:b]
        if piece.isspace():
            if in_space:
                ends[-1] = b
                continue
            in_space = True
            out.append(" ")
            starts.append(a)
            ends.append(b)
            continue
        in_space = False
        if not plain:
            piece = unicodedata.normalize("NFC", piece)
        for ch in _fold_char(piece):
            out.append(ch)
            starts.append(a)
            ends.append(b)
    return "".join(out), tuple(starts), tuple(ends)


def strip_marks(quote: str) -> str:
    """Remove surrounding whitespace and quote marks (single marks only when paired)."""
    q = quote.strip()
    while True:
        before = q
        q = q.strip(_OUTER_DOUBLE).strip()
        if len(q) >= 2 and q[0] in _OUTER_SINGLE and q[-1] in _OUTER_SINGLE:
            q = q[1:-1].strip()
        if q == before:
            return q


def locate(quote: str, text: str, hint: int | None = None) -> tuple[int, int] | None:
    """Offsets ``(start, end)`` of ``quote`` in ``text`` under ``fold``, or None.

    With several matches, the one whose start is nearest ``hint`` (else the first).
    """
    needle = fold(strip_marks(quote or ""))
    if len(needle) < MIN_QUOTE_CHARS or not text:
        return None
    hay, starts, ends = _folded(text)
    best: tuple[int, int] | None = None
    best_dist = -1
    pos = hay.find(needle)
    while pos != -1:
        span = (starts[pos], ends[pos + len(needle) - 1])
        if hint is None:
            return span
        dist = abs(span[0] - hint)
        if best is None or dist < best_dist:
            best, best_dist = span, dist
        elif span[0] > hint:
            break  # matches come in order: later ones are only farther away
        pos = hay.find(needle, pos + 1)
    return best


def verify(quote: str, text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is exactly ``quote`` (offsets in range)."""
    return 0 <= start <= end <= len(text) and text[start:end] == quote


__all__ = ["MIN_QUOTE_CHARS", "fold", "locate", "strip_marks", "verify"]
