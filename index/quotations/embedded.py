"""Quotations embedded in other statements: a partial quote inside a reported clause."""

from __future__ import annotations

from typing import TYPE_CHECKING

from index.text.sentences import Span

if TYPE_CHECKING:
    from index.quotations.attribution import Extractor


def partial_quotes(ex: Extractor, idx: int, sent: Span) -> None:
    """A quotation inside a reported statement is the same speaker's words: 'X said it was "a disaster"'."""
    reported = [(q, p) for q, p in zip(ex.out, ex.speaker_of, strict=True)
                if q.kind == "reported" and q.sentence_start == sent.start]
    for mark in ex.quotes_in(*sent):
        if any(q.start == mark.inner_start for q in ex.out):
            continue
        host = next((p for q, p in reported if q.start <= mark.inner_start and mark.inner_end <= q.end + 2), None)
        if host is not None:
            ex.emit(mark.inner_start, mark.inner_end, host, "direct", sent, idx)


__all__ = ["partial_quotes"]
