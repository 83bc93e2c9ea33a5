"""Sentence-aware chunking that keeps character offsets.

Every chunk is ``text[start:end]`` exactly: chunks are made of whole
sentences (a sentence longer than the chunk size is cut at whitespace), and
neighbouring chunks share whole trailing sentences up to ``overlap``
characters. Together the chunks cover every non-whitespace character.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CHUNKER_VERSION = "sent-v1"

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before
# whitespace, or at a line break. Common abbreviations do not end a sentence.
_BOUNDARY = re.compile(r"""(?<=[.!?])["'”’)\]]*(?=\s)|\n""")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|Inc|Ltd|Co|Corp|vs|etc|No|Vol|Jan|Feb|Mar|Apr|"
    r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|U\.N|E\.U|a\.m|p\.m|e\.g|i\.e)|\b[A-Z])\.$"
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Chunk:
    index: int
    start: int
    end: int
    text: str


def sentence_spans(text: str) -> list[Span]:
    """Sentences (and lines) as offset spans, stripped of surrounding whitespace."""
    spans: list[Span] = []
    pos = 0
    for m in _BOUNDARY.finditer(text):
        cut = m.end()
        piece = text[pos:cut]
        if m.group() != "\n" and _ABBREV.search(piece.rstrip("\"'”’)]")):
            continue
        _add_stripped(text, pos, cut, spans)
        pos = cut
    _add_stripped(text, pos, len(text), spans)
    return spans


def _add_stripped(text: str, start: int, end: int, out: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span(start, end))


def _split_long(text: str, span: Span, size: int) -> list[Span]:
    """Cut an over-long sentence at whitespace into pieces of at most ``size``."""
    pieces: list[Span] = []
    start = span.start
    while span.end - start > size:
        cut = text.rfind(" ", start + size // 2, start + size)
        if cut <= start:
            cut = start + size
        _add_stripped(text, start, cut, pieces)
        start = cut
    _add_stripped(text, start, span.end, pieces)
    return pieces


def chunk_text(text: str, size: int = 1000, overlap: int = 150, *, min_overlap_sentences: bool = False) -> list[Chunk]:
    """Chunks of whole sentences up to ``size`` characters; neighbours share trailing sentences within ``overlap``.

    With ``min_overlap_sentences`` a chunk's last sentence is always repeated at the start of the
    next one (when it is at most half a chunk long), even when it is longer than ``overlap``.
    """
    units: list[Span] = []
    for span in sentence_spans(text):
        units.extend(_split_long(text, span, size) if span.end - span.start > size else [span])
    chunks: list[Chunk] = []
    i = 0
    while i < len(units):
        j = i
        while j + 1 < len(units) and units[j + 1].end - units[i].start <= size:
            j += 1
        start, end = units[i].start, units[j].end
        chunks.append(Chunk(len(chunks), start, end, text[start:end]))
        if j + 1 >= len(units):
            break
        # Next chunk starts with trailing sentences of this one, within the overlap budget.
        nxt = j + 1
        while nxt - 1 > i and units[j].end - units[nxt - 1].start <= overlap:
            nxt -= 1
        if min_overlap_sentences and nxt == j + 1 and j > i and units[j].end - units[j].start <= size // 2:
            nxt = j
        i = nxt
    return chunks


__all__ = ["CHUNKER_VERSION", "Chunk", "chunk_text", "sentence_spans"]
