"""Quotations embedded in narration: partial quotes woven into the reporter's sentence.

* inside a reported statement: 'X said it was "a disaster"' is X's;
* after a verb that names someone's words: 'X called it "a disaster"', 'what X describes as her
  "new normal"', 'X described him as "a leader"' are X's;
* in a sentence whose subject speaks elsewhere in the article: 'Pochettino made James captain
  because of "his personality, his leadership"' is Pochettino's. A quote in Title Case (a title)
  or of one word (a term) is not taken this way.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.quotations.clauses import clause_subject, opens_predicate
from index.quotations.entities import Speaker
from index.quotations.phrases import is_cap, parse_np, subject_before, tokens
from index.text.marks import QuoteSpan
from index.text.sentences import Span

if TYPE_CHECKING:
    from index.quotations.attribution import Extractor

# verbs that name the words that follow as someone's: "called it", "described him as", "refers to as"
_NAMING_RE = re.compile(
    r"\b(?:call(?:s|ed|ing)?|describ(?:e|es|ed|ing)|refer(?:s|red|ring)?\s+to|dub(?:s|bed)?|label(?:s|led|ed)?|"
    r"term(?:s|ed)?|brand(?:s|ed)?|characteri[sz](?:e|es|ed|ing))\b"
)


def partial_quotes(ex: Extractor, idx: int, sent: Span) -> None:
    """Attribute the quotes of sentence ``idx`` that no speech verb claimed."""
    reported = [(q, p) for q, p in zip(ex.out, ex.speaker_of, strict=True)
                if q.kind == "reported" and q.sentence_start == sent.start]
    for mark in ex.quotes_in(*sent):
        if any(q.start <= mark.inner_start < q.end and q.kind == "direct" for q in ex.out):
            continue
        host = next((p for q, p in reported if q.start <= mark.inner_start and mark.inner_end <= q.end + 2), None)
        if host is None:
            host = _named_by(ex, idx, sent, mark)
        if host is not None:
            ex.emit(mark.inner_start, mark.inner_end, host, "direct", sent, idx)


def _named_by(ex: Extractor, idx: int, sent: Span, mark: QuoteSpan) -> Speaker | None:
    """Whose words a quote in narration is: the subject of a naming verb before it, or the sentence's subject
    when that subject speaks elsewhere in the article."""
    text = ex.text
    words = text[mark.inner_start : mark.inner_end].split()
    if not words or sum(is_cap(w) for w in words) * 2 > len(words) and len(words) > 1 or not ex.people.speakers:
        return None  # a title ("The Lord of the Rings"), or the first reading, which does not know the speakers
    head = text[sent.start : mark.open]
    naming = list(_NAMING_RE.finditer(head))
    if naming:
        verb = naming[-1]
        what = re.search(r"\bwhat\s+(.{1,60})$", head[: verb.start()].rstrip())
        subj = parse_np(tokens(text, sent.start + what.start(1), sent.start + what.end(1))) if what else None
        if subj is None:
            subj = subject_before(text, sent.start, sent.start + verb.start()) or clause_subject(
                text, sent.start, sent.start + verb.start())
        if subj is not None:
            return _speaker(ex, subj, idx)
    if len(words) < 2:
        return None
    subj = clause_subject(text, sent.start, mark.open)
    if subj is None:
        return None
    person = _speaker(ex, subj, idx)
    between = tokens(text, subj.start + len(subj.text), mark.open)
    for t, nxt in zip(between, between[1:], strict=False):
        if is_cap(t.text) and opens_predicate(nxt.text) and ex.people.reg.find(t.text) is not person:
            return None  # 'X replied: "…" before Donna advised: "…"': another subject speaks
    return person


def _speaker(ex: Extractor, subj, idx: int) -> Speaker | None:
    if subj.kind not in ("name", "pronoun", "org", "role"):
        return None
    person = ex.people.resolve(subj, idx)
    return person if person is not None and person.name in ex.people.speakers else None


__all__ = ["partial_quotes"]
