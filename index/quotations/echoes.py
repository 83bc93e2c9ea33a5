"""Echoes: a quote that repeats words the article credits elsewhere is the same speaker's.

Pages repeat a speaker's words in a pull quote or a subheading ('"We're going to wait for more
data."' set off on its own line, the body crediting "a spokesperson for Consumer Reports" with
them). After the whole article is read, a quote nobody was credited with that opens its sentence
(not a phrase borrowed by narration: 'using what they assess as "unfair practices"' is the
narrator's), of at least ``MIN_WORDS`` words, whose words lie inside exactly one speaker's credited
quotations is that speaker's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.quotations.clauses import only_punct
from index.text.fold import fold

if TYPE_CHECKING:
    from index.quotations.attribution import Extractor

MIN_WORDS = 4  # a shorter phrase is as likely a stock phrase two people use


def _plain(text: str) -> str:
    return " " + re.sub(r"\W+", " ", fold(text).lower()).strip() + " "


def echoes(ex: Extractor) -> None:
    """Credit each uncredited quote that repeats one speaker's credited words to that speaker."""
    credited = [(_plain(q.quote), person) for q, person in zip(ex.out, ex.speaker_of, strict=True)]
    for q in ex.quotes:
        if ex.credited(q):
            continue
        words = _plain(ex.text[q.inner_start : q.inner_end])
        if len(words.split()) < MIN_WORDS:
            continue
        people = {person.name: person for said, person in credited if words in said}
        if len(people) != 1:
            continue
        idx = ex.sentence_at(q.open)
        if only_punct(ex.text, ex.sentences[idx].start, q.open):
            ex.emit(q.inner_start, q.inner_end, next(iter(people.values())), "direct", ex.sentences[idx], idx)


__all__ = ["MIN_WORDS", "echoes"]
