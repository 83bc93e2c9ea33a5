"""Reported speech: a clause the article gives as someone's statement, without quote marks.

``X said/acknowledged/told … that …`` (also ``X said he …``), cut at a coordinated second verb;
``according to X, …`` and ``…, according to X``; ``The economy is weak, Smith said.``
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.quotations import cues
from index.quotations.direct import quoted_as
from index.quotations.phrases import only_punct, parse_np, subject_before, tokens
from index.quotations.wordlists import BARE_CLAUSE_VERBS
from index.text.sentences import Span

if TYPE_CHECKING:
    from index.quotations.attribution import Extractor


def attribute(ex: Extractor, idx: int, sent: Span) -> None:
    """Emit the reported statements of sentence ``idx``."""
    _that_clauses(ex, idx, sent)
    _according(ex, idx, sent)
    _parenthetical(ex, idx, sent)


def _that_clauses(ex: Extractor, idx: int, sent: Span) -> None:
    text = ex.text
    a, b = sent
    for m in cues.SPEECH_RE.finditer(text, a, b):
        if ex.inside_quote(m.start()):
            continue
        verb = m.group(1).lower()
        rest = text[m.end() : b]
        t = cues.THAT_RE.match(rest)
        if t is not None and cues.ANY_VERB_RE.search(t.group(1)):
            t = None
        if t is not None:
            clause_start = m.end() + t.end()
        elif verb in BARE_CLAUSE_VERBS and (cues.BARE_SUBJECT_RE.match(rest) or cues.NAMED_SUBJECT_RE.match(rest)):
            clause_start = m.end() + 1
        else:
            continue
        if any(q.open <= clause_start < q.close_end for q in ex.quotes):
            continue
        # the subject: before the verb, or the subject of the verb this one is coordinated with
        subj = quoted_as(text, a, m) or subject_before(text, a, m.start())
        if subj is None:
            coord = cues.coordinated_subject(text, a, m.start())
            if coord is not None:
                subj = subject_before(text, a, coord)
        person = ex.people.resolve(subj, idx) if subj is not None else None
        if person is None:
            continue
        clause_end = b
        if cues.SUBORDINATE_RE.match(text, a):
            comma = text.find(",", clause_start, b)
            while comma != -1 and ex.inside_quote(comma):
                comma = text.find(",", comma + 1, b)
            if comma != -1:
                clause_end = comma
        for rx in (cues.COORD_RE, cues.CLAUSE_END_RE):
            nxt = rx.search(text, clause_start, clause_end)
            while nxt is not None and ex.inside_quote(nxt.end() - 1):
                nxt = rx.search(text, nxt.end(), clause_end)
            if nxt is not None:
                clause_end = nxt.start()
        ex.emit(clause_start, clause_end, person, "reported", sent, idx)


def _parenthetical(ex: Extractor, idx: int, sent: Span) -> None:
    """'The flu triggers inflammation, Sylvester said, which …' / '…, the company said in a statement.'

    The clause before ``, X said`` is X's statement when the sentence starts with it (not with a
    quote: that is direct speech) and nothing but a short adjunct follows the verb.
    """
    text = ex.text
    a, b = sent
    if text[a] in '"“”„«‘\'' or any(q.start >= a and q.end <= b for q in ex.out):
        return
    for m in cues.SPEECH_RE.finditer(text, a, b):
        if ex.inside_quote(m.start()) or m.group(1).lower() not in BARE_CLAUSE_VERBS | {"says", "told"}:
            continue
        comma = text.rfind(",", a, m.start())
        if comma <= a or ex.inside_quote(comma):
            continue
        tail = cues.PARENTHETICAL_TAIL_RE.match(text, m.end(), b)
        if tail is None or "that" in text[m.end() : tail.end()].split():
            continue
        toks = tokens(text, comma + 1, m.start())
        subj = parse_np(toks) if toks else None
        if subj is None or subj.kind == "pronoun" and len(toks) != 1:
            continue
        if subj.kind != "pronoun" and text[subj.start : m.start()].strip() != text[comma + 1 : m.start()].strip():
            continue
        person = ex.people.resolve(subj, idx)
        if person is not None and len(text[a:comma].split()) >= 4:
            ex.emit(a, comma, person, "reported", sent, idx)
        return


def _according(ex: Extractor, idx: int, sent: Span) -> None:
    text = ex.text
    a, b = sent
    for m in cues.ACCORDING_RE.finditer(text, a, b):
        if ex.inside_quote(m.start()):
            continue
        stop = re.search(r"[,.;:!?]|\s(?:who|which|in|on|at|during)\s", text[m.end() : b])
        np_end = m.end() + stop.start() if stop else b
        subj = parse_np(tokens(text, m.end(), np_end))
        if subj is None or subj.kind == "pronoun":
            continue
        person = ex.people.resolve(subj, idx)
        if person is None:
            continue
        if only_punct(text, a, m.start()) and np_end < b and text[np_end] == ",":
            ex.emit(np_end + 1, b, person, "reported", sent, idx)
        elif only_punct(text, np_end, b) and text[a : m.start()].rstrip().endswith(","):
            ex.emit(a, m.start(), person, "reported", sent, idx)


__all__ = ["attribute"]
