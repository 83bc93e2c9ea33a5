"""Reported speech: a clause the article gives as someone's statement, without quote marks.

``X said/acknowledged/told … that …`` (also ``X said he …``), cut at a coordinated second verb;
``according to X, …`` and ``…, according to X``; ``The economy is weak, Smith said.``
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.quotations import cues
from index.quotations.clauses import clause_after, clause_subject, that_after
from index.quotations.direct import quoted_as
from index.quotations.entities import Speaker
from index.quotations.phrases import only_punct, parse_np, subject_before, tokens
from index.quotations.wordlists import BARE_CLAUSE_VERBS, LISTENER_VERBS, OBJECT_VERBS
from index.text.sentences import Span

if TYPE_CHECKING:
    from index.quotations.attribution import Extractor


def attribute(ex: Extractor, idx: int, sent: Span) -> None:
    """Emit the reported statements of sentence ``idx``."""
    _that_clauses(ex, idx, sent)
    _according(ex, idx, sent)
    _parenthetical(ex, idx, sent)


def _that_clauses(ex: Extractor, idx: int, sent: Span) -> None:
    """'X said (that) …', 'X told Reuters he …', 'X rejected it, saying …', 'X did Y and said …'."""
    text = ex.text
    a, b = sent
    for m in cues.SPEECH_RE.finditer(text, a, b):
        if ex.inside_quote(m.start()):
            continue
        verb = m.group(1).lower()
        if any(q.kind == "reported" and q.sentence_start == a and q.start <= m.start() < q.end for q in ex.out):
            continue  # 'X said she thinks …': the thinking is part of what X said
        if _wh_object(text, a, m.start()):
            continue  # 'what he expected the period to be' is no statement
        clause_start = that_after(text, m.end(), b, verb in LISTENER_VERBS)
        if clause_start is None and verb in BARE_CLAUSE_VERBS:
            clause_start = clause_after(text, m.end(), b, verb in LISTENER_VERBS, verb in OBJECT_VERBS)
        if clause_start is None:
            continue
        opening = next((q for q in ex.quotes if q.open <= clause_start < q.close_end), None)
        if opening is not None:
            # 'X said that "…"' is direct speech; 'X said that "…" is …' reports a clause that opens with a quote
            if only_punct(text, opening.close_end, b):
                continue
            clause_start = opening.inner_start
        person = _speaker(ex, idx, a, m)
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


def _wh_object(text: str, a: int, verb_start: int) -> bool:
    """Is the verb's object a wh-word before its subject ("what he expected", "how she described")?"""
    words = text[a:verb_start].split()[-4:]
    return any(w.lower() in ("what", "how") for w in words[:-1])


def _speaker(ex: Extractor, idx: int, a: int, m: re.Match) -> Speaker | None:
    """Who speaks through the verb ``m``: its subject, or the subject of the clause it is coordinated
    with ("X embraced the role and said"), or, for a participle ("…, saying"), the speaker of the
    sentence so far or its main clause's subject."""
    text = ex.text
    subj = quoted_as(text, a, m) or subject_before(text, a, m.start())
    if subj is not None:
        return ex.people.resolve(subj, idx)
    head = text[a : m.start()].rstrip()
    if m.group(1).endswith("ing") and head.endswith(","):
        said = [p for q, p in zip(ex.out, ex.speaker_of) if q.sentence_start == a and q.end <= m.start()]
        if said:
            return said[-1]
        subj = clause_subject(text, a, len(head) + a - 1)
    elif re.search(r"(?:^|\W)(?:and|but|yet)(?:\s+(?:also|then|later))?$", head):
        coord = cues.coordinated_subject(text, a, m.start())
        subj = subject_before(text, a, coord) if coord is not None else clause_subject(text, a, m.start())
    return ex.people.resolve(subj, idx) if subj is not None else None


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
