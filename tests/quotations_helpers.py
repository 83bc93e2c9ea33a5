"""Shared by the quotation tests: who each quotation of a text is credited to."""

from __future__ import annotations

from index.quotations import extract_quotations


def speakers(text: str) -> dict[str, str]:
    """Each quotation's words -> its speaker."""
    return {q.quote: q.speaker for q in extract_quotations(text)}
