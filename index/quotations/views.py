"""Views and requests the article reports as someone's without a clause after a verb of saying: "In Smith's view,
…", "X attributes the rise to …" / "blamed the loss on …", "X urged customers to patch …"."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from index.quotations.before_verb import subject_before
from index.quotations.entities import Speaker
from index.quotations.phrases import Subject, parse_np, tokens
from index.text.sentences import Span

if TYPE_CHECKING:
    from index.quotations.attribution import Extractor

SpeakerOf = Callable[["Extractor", int, int, re.Match], "Speaker | None"]  # who speaks through a verb match

_IN_VIEW_RE = re.compile(
    r"In (?:the (?:view|opinion|eyes) of (?P<np>[^,]{2,60})|(?P<poss>[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3})['’]s? "
    r"(?:view|opinion|eyes)|(?P<pron>his|her|its) (?:view|opinion|eyes)),\s*"
)
_PRONOUN_OF = {"his": "he", "her": "she", "its": "it"}
PASSIVE_RE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$")


def in_view(ex: Extractor, idx: int, sent: Span) -> None:
    """'In his opinion, …', "In Smith's view, …", 'In the view of the NMPA, …': the rest is the holder's view."""
    text = ex.text
    m = _IN_VIEW_RE.match(text, sent.start, sent.end)
    if m is None:
        return
    group = next(g for g in ("np", "poss", "pron") if m.group(g))
    if group == "pron":
        subj = Subject("pronoun", _PRONOUN_OF[m.group(group)], m.start(group))
    else:
        subj = parse_np(tokens(text, m.start(group), m.end(group)))
    person = ex.people.resolve(subj, idx) if subj is not None else None
    if person is not None:
        ex.emit(m.end(), sent.end, person, "reported", sent, idx)


# "Krinsky attributes this upward trend to renewed buying interest": the cause its holder gives, a view reported
_CAUSE_RE = re.compile(r"\b(attribute[sd]?|blame[sd]?)\s+(?!to\b|on\b)[^.;:!?\"“”]{3,80}?\s+(?:to|on)\s+\S")


def cause(ex: Extractor, idx: int, sent: Span) -> None:
    """'X attributes the drop to …', 'the company blamed the loss on …': the statement from the verb on, X's view
    (not 'the drop was attributed to …', which names no holder, nor a sentence that quotes someone already)."""
    text = ex.text
    a, b = sent
    m = _CAUSE_RE.search(text, a, b)
    if m is None or ex.inside_quote(m.start()) or PASSIVE_RE.search(text, a, m.start()):
        return
    if any(q.sentence_start == a for q in ex.out):
        return
    subj = subject_before(text, a, m.start())  # named: "the company" may be a source credited just before
    person = ex.people.resolve(subj, idx) if subj is not None and subj.kind in ("name", "org") else None
    if person is not None:
        ex.emit(m.start(), b, person, "reported", sent, idx)


# "Atlassian … has urged customers to patch against the flaw": what the speaker asked of someone, reported
_URGED_RE = re.compile(r"(?<!\w)((?:has\s+|have\s+|had\s+)?(?:urged|urges))\s+(?!by\b)"
                       r"[^.;:!?\"“”]{2,60}?\s+to\s+[a-z]")


def urged(ex: Extractor, idx: int, sent: Span, speaker: SpeakerOf) -> None:
    """'X urged customers to patch …' (also 'X has not said how but has urged …'): from the verb on, X's words."""
    text = ex.text
    a, b = sent
    m = _URGED_RE.search(text, a, b)
    if m is None or ex.inside_quote(m.start()) or PASSIVE_RE.search(text, a, m.start()):
        return
    if not any(q.sentence_start == a for q in ex.out) and (person := speaker(ex, idx, a, m)) is not None:
        ex.emit(m.start(), b, person, "reported", sent, idx)


__all__ = ["PASSIVE_RE", "SpeakerOf", "cause", "in_view", "urged"]
