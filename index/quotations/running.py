"""The running speaker: a quote with no attribution goes on from the last person quoted.

News prose names a speaker once and then lets their quotes run on, narration between them
('"…," reveals Ilit Ostrovitch-Levi.' … 'Since then, most of the agency's work has focused on
…. "We work very reactively …"'). A quote is the running speaker's when, after every other rule
has had its say, nobody was credited with it and:

* it is a statement, not a scare quote: it opens its sentence and runs to at least
  ``MIN_WORDS`` words;
* its sentence names nobody and has no speech verb of its own (a cue the other rules missed
  may name someone else);
* the last direct quotation before it is a person's, at most ``REACH`` paragraphs back, and
  in between no other person is named, no section starts and no statement went uncredited.

It runs as the sentences are read, so a he/she further on can find the running speaker.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.quotations import cues
from index.quotations.clauses import only_punct
from index.quotations.entities import Speaker, name_like
from index.text.sentences import Span

if TYPE_CHECKING:
    from index.quotations.attribution import Extractor
    from index.quotations.quotation import Quotation

MIN_WORDS = 5  # a shorter quote is as likely a phrase the article borrows as someone's statement
REACH = 3  # paragraphs between the last quotation and this one


def running(ex: Extractor, idx: int, sent: Span) -> None:
    """Credit each unattributed statement quote of sentence ``idx`` to the running speaker, where there is one."""
    text = ex.text
    quotes = ex.quotes_in(sent.start, sent.end)
    outside = "".join(text[a:b] for a, b in cues.gaps(sent.start, sent.end, quotes))
    if ex.people.sent_mentions[idx] or cues.SPEECH_RE.search(outside):
        return
    for q in quotes:
        if ex.credited(q):
            continue
        if len(text[q.inner_start : q.inner_end].split()) < MIN_WORDS or not only_punct(text, sent.start, q.open):
            continue
        person = _running_speaker(ex, idx, q.open)
        if person is not None:
            ex.emit(q.inner_start, q.inner_end, person, "direct", sent, idx)


def _running_speaker(ex: Extractor, idx: int, at: int) -> Speaker | None:
    before = [o for o in ex.out if o.end <= at and o.kind == "direct"]
    if not before:
        return None
    last: Quotation = max(before, key=lambda o: o.end)
    person = ex.speaker_of[ex.out.index(last)]
    if person.kind != "person":
        return None
    first = ex.sentence_at(last.end - 1)
    if any(k in ex.barriers for k in range(first + 1, idx + 1)):
        return None
    if len(re.findall(r"\n+", ex.text[last.end : at])) > REACH:
        return None
    for k in range(first, idx):
        if any(p.name != person.name for p in ex.people.sent_mentions[k]):
            return None
    for q in ex.quotes:  # an uncredited statement in between: someone the rules could not name spoke last
        if last.end <= q.open and q.close_end <= at and len(ex.text[q.inner_start : q.inner_end].split()) >= MIN_WORDS \
                and not ex.credited(q):
            return None
    own = {w for form in person.forms | {person.name} for w in form.split()}
    between = ex.text[last.end : at]
    for name in ex.people.plain:  # a full name the registry does not hold ("Amy Neville, another parent, …")
        if name_like(name) and not set(name.split()) & own and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", between):
            return None
    return person


__all__ = ["MIN_WORDS", "REACH", "running"]
