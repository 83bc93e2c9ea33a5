"""Quotations embedded in narration: partial quotes woven into the reporter's sentence.

* inside a reported statement: 'X said it was "a disaster"' is X's;
* after a verb that names someone's words: 'X called it "a disaster"', 'what X describes as her
  "new normal"', 'X described him as "a leader"' are X's (a full name's even when they speak nowhere else);
* after a full name's verb of speech and a participle: 'Jane Doe posted on social media, praising the team's
  ability to "…"' is hers (not the second of two joined subjects, not after a verb of thinking);
* in a sentence whose subject speaks elsewhere in the article: 'Pochettino made James captain
  because of "his personality, his leadership"' is Pochettino's. A quote in Title Case (a title)
  or of one word (a term) is not taken this way;
* inside a direct quote: 'I told him, ‘You are wrong,’' is the outer speaker's own words again;
  '"Trump says Putin wants to meet," Snell wrote' reports Trump, named inside Snell's words.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.quotations import cues
from index.quotations.before_verb import subject_before
from index.quotations.clauses import clause_after, clause_subject, opens_predicate, that_after
from index.quotations.entities import Speaker
from index.quotations.phrases import Subject, is_cap, parse_np, tokens
from index.quotations.wordlists import BARE_CLAUSE_VERBS, LISTENER_VERBS, OBJECT_VERBS, THOUGHT_VERBS
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


def nested(ex: Extractor, idx: int, sent: Span) -> None:
    """Quotes and statements inside the direct quotes of sentence ``idx``."""
    text = ex.text
    outer = [(q, p) for q, p in zip(ex.out, ex.speaker_of, strict=True)
             if q.kind == "direct" and sent.start <= q.start < sent.end]
    for q, host in outer:
        for a, b in inner_spans(text, q.start, q.end):
            person = _inner_speaker(ex, idx, q.start, a, host)
            if person is not None:
                ex.emit(a, b, person, "direct", sent, idx)
        for m in cues.SPEECH_RE.finditer(text, q.start, q.end):
            verb = m.group(1).lower()
            start = that_after(text, m.end(), q.end, verb in LISTENER_VERBS)
            if start is None and verb in BARE_CLAUSE_VERBS:
                start = clause_after(text, m.end(), q.end, verb in LISTENER_VERBS, verb in OBJECT_VERBS)
            if start is None:
                continue
            subj = subject_before(text, q.start, m.start())
            if _first_person_before(text, q.start, m.start()):
                if verb in THOUGHT_VERBS:
                    continue  # "I think …" is what the speaker says now, already quoted
                person = host  # "I’ve said when they lead …": the speaker's own earlier words
            elif subj is not None and subj.kind == "name":
                person = ex.people.resolve(subj, idx)  # "Trump says Putin wants to meet"
            else:
                continue  # "he said …" inside a quote: someone only the speaker knows
            end = _SENTENCE_END_RE.search(text, start, q.end)
            if person is not None and person.kind == "person":
                ex.emit(start, end.start() if end else q.end, person, "reported", sent, idx)


def inner_spans(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Single-quoted spans inside ``text[a:b]`` (‘…’ or '…', the opener at a word start, the closer not
    followed by a letter: apostrophes are neither)."""
    spans, open_at = [], None
    for i in range(a, b):
        ch = text[i]
        if ch in "‘'" and (i == a or not text[i - 1].isalnum()) and i + 1 < b and text[i + 1].isalnum():
            open_at = i
        elif ch in "’'" and open_at is not None and (i + 1 >= b or not text[i + 1].isalpha()) and i > open_at + 1:
            spans.append((open_at + 1, i))
            open_at = None
    return spans


def _inner_speaker(ex: Extractor, idx: int, outer: int, a: int, host: Speaker) -> Speaker | None:
    """Who speaks a quote inside a quote: the outer speaker when they introduce it ("I told them, ‘…’", "to say to
    each other: ‘…’"), a person they name ("Jones said: ‘…’"), nobody known for "he", "they" or no verb."""
    text = ex.text
    verbs = list(cues.SPEECH_RE.finditer(text, outer, a))
    if not verbs:
        return None  # a term, a title, or words whose speaker the quote does not say
    v = verbs[-1]
    if _first_person_before(text, outer, v.start()) or re.search(r"\b(?:to|and)\s*$", text[outer : v.start()]):
        return host  # "I told them, ‘…’", "we had to say to each other: ‘…’"
    subj = subject_before(text, outer, v.start())
    return ex.people.resolve(subj, idx) if subj is not None and subj.kind == "name" else None


_FIRST_PERSON = re.compile(r"(?:I|we|We)(?:['’]\w+)?")
_AUX_WORDS = frozenset("have has had will would also just always never".split())


def _first_person_before(text: str, a: int, verb_start: int) -> bool:
    """Is the verb's subject "I" or "we" ("I have said", "we’ve said")?"""
    words = [w for w in text[a:verb_start].split() if w.lower() not in _AUX_WORDS]
    return bool(words) and bool(_FIRST_PERSON.fullmatch(words[-1].strip("\"“‘,")))
_SENTENCE_END_RE = re.compile(r"[.!?](?=\s)")


def _named_by(ex: Extractor, idx: int, sent: Span, mark: QuoteSpan) -> Speaker | None:
    """Whose words a quote in narration is: the subject of a naming verb before it, the full name the sentence
    opens on as a verb of speech's subject, or the sentence's subject when it speaks elsewhere in the article."""
    text = ex.text
    words = text[mark.inner_start : mark.inner_end].split()
    if not words or sum(is_cap(w) for w in words) * 2 > len(words) and len(words) > 1:
        return None  # a title ("The Lord of the Rings")
    head = text[sent.start : mark.open]
    naming = list(_NAMING_RE.finditer(head))
    if naming:
        verb = naming[-1]
        what = re.search(r"\bwhat\s+(.{1,60})$", head[: verb.start()].rstrip())
        subj = parse_np(tokens(text, sent.start + what.start(1), sent.start + what.end(1))) if what else None
        if subj is None:
            subj = subject_before(text, sent.start, sent.start + verb.start()) or clause_subject(
                text, sent.start, sent.start + verb.start())
        if subj is not None:  # 'Jane Doe called it "a disaster"': a full name's words, whether or not she speaks again
            return _speaker(ex, subj, idx, anyone=_full_name_alone(text, subj))
    if len(words) < 2:
        return None
    said = _named_speaker(ex, idx, sent.start, mark.open)
    if said is not None:
        return said
    subj = clause_subject(text, sent.start, mark.open)
    if subj is None:
        return None
    person = _speaker(ex, subj, idx)
    between = tokens(text, subj.start + len(subj.text), mark.open)
    for t, nxt in zip(between, between[1:], strict=False):
        if is_cap(t.text) and opens_predicate(nxt.text) and ex.people.reg.find(t.text) is not person:
            return None  # 'X replied: "…" before Donna advised: "…"': another subject speaks
    return person


# the end of the first of two joined subjects: "Senator Ed Markey and Representative Jane Doe called on …"
_JOINED_RE = re.compile(r"(?:\band|&)\s+(?:\w+\s+)?$")


def _named_speaker(ex: Extractor, idx: int, a: int, b: int) -> Speaker | None:
    """'Jane Doe posted on social media, praising the team's ability to "…"': the person the sentence opens on
    by full name, as the subject of its first verb of speech (not in an "-ing" form) before the quote."""
    verb = next((m for m in cues.SPEECH_RE.finditer(ex.text, a, b) if not m.group(1).endswith("ing")), None)
    if verb is None or ex.inside_quote(verb.start()) or verb.group(1) in THOUGHT_VERBS:
        return None  # 'X believes in the saying: "…"': not X's words
    subj = subject_before(ex.text, a, verb.start())
    if subj is None or not _full_name_alone(ex.text, subj) or ex.text[a : subj.start].strip():
        return None
    return _speaker(ex, subj, idx, anyone=True)


def _full_name_alone(text: str, subj: Subject) -> bool:
    """Is ``subj`` a full name and the only subject (not the second of "X and Y")?"""
    return subj.kind == "name" and len(subj.name.split()) > 1 and not _JOINED_RE.search(
        text, max(0, subj.start - 40), subj.start)


def _speaker(ex: Extractor, subj, idx: int, anyone: bool = False) -> Speaker | None:
    """The person ``subj`` is, when they speak elsewhere in the article (or ``anyone``: a named person whose words
    the verb itself says these are)."""
    if subj.kind not in ("name", "pronoun", "org", "role"):
        return None
    person = ex.people.resolve(subj, idx)
    if person is None or anyone and person.kind != "person":
        return None
    return person if anyone or person.name in ex.people.speakers else None


__all__ = ["inner_spans", "nested", "partial_quotes"]
