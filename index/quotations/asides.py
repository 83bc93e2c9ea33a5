"""Asides inside a speaker phrase, taken out before it is read.

"Check Point (CHKP) President Rupal Shah Hollenbeck said": a parenthesis of a few words is dropped.
"Robert Kyncl, CEO of Warner Music Group – and an ex-high flyer at YouTube – commented": a dashed
aside right before the verb becomes the comma that closes the appositive.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

PARENTHESIS_WORDS = 4  # a parenthesis this short is a ticker, an acronym or a party, not a clause
_DASHES = ("–", "—")


class _Tok(Protocol):
    text: str

    def _replace(self, **kw: str) -> _Tok: ...


T = TypeVar("T", bound=_Tok)


def without_asides(toks: Sequence[T]) -> list[T]:
    out: list[T] = []
    k = 0
    while k < len(toks):
        if toks[k].text == "(":
            close = next((j for j in range(k + 1, min(len(toks), k + PARENTHESIS_WORDS + 2)) if toks[j].text == ")"),
                         None)
            if close is not None:
                k = close + 1
                continue
        out.append(toks[k])
        k += 1
    if len(out) > 2 and out[-1].text in _DASHES:
        first = next((j for j in range(len(out) - 1) if out[j].text in _DASHES), None)
        if first is not None and any(t.text == "," for t in out[:first]):
            out = [*out[:first], out[first]._replace(text=",")]
    return out


__all__ = ["without_asides"]
