"""Who said what: quotations and their speakers in one article, by general rules of news prose.

Two kinds of statement:

* ``direct``: the words inside quote marks, attributed by a speech verb next to them:
  ``X said: "…"``, ``"…," X said``, ``"…," said X``, ``X told reporters "…"``; a second quote
  right after ``"…," X said,`` continues X, and a sentence that is only a quote right after a
  quote by X continues X.
* ``reported``: the clause after ``that`` in ``X said/acknowledged/told … that …`` (also
  ``X said he …`` and ``according to X, …``), cut at a coordinated second verb.

Speakers are resolved within the article (``coreference.Coreference``): a surname, a role
phrase and he/she find the person introduced earlier. The article is read twice: the second
pass knows who speaks somewhere in it, so a passing name does not capture a later "he said".
"""

from __future__ import annotations

import copy
import functools
import re
from dataclasses import replace

from index.quotations import cues
from index.quotations.coreference import Coreference
from index.quotations.entities import Speaker
from index.quotations.phrases import (
    Subject,
    is_cap,
    low,
    only_punct,
    parse_np,
    subject_before,
    tokens,
)
from index.quotations.quotation import Quotation
from index.quotations.wordlists import BARE_CLAUSE_VERBS, DETS
from index.text.marks import QuoteSpan, inside_quotation
from index.text.sentences import Span, layout

# Words that end a speaker phrase after the verb: '"…," said X, who …' / '… said X in a statement'.
_NP_STOPS = frozenset("who which in on at during after before from to of and with as while".split())


class _Extractor:
    def __init__(self, text: str, people: Coreference) -> None:
        self.text = text
        self.sentences, self.quotes, self.barriers = people.sentences, people.quotes, people.barriers
        self.people = people
        self.out: list[Quotation] = []
        self.speaker_of: list[Speaker] = []

    # ----- helpers
    def _quotes_in(self, a: int, b: int) -> list[QuoteSpan]:
        return [q for q in self.quotes if a <= q.open < b]

    def _inside_quote(self, pos: int) -> bool:
        return inside_quotation(self.quotes, pos)

    def _emit(self, a: int, b: int, person: Speaker, kind: str, sent: Span, idx: int) -> None:
        text = self.text
        while a < b and text[a].isspace():
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] in ",;"):
            b -= 1
        if kind == "reported":
            while b > a and text[b - 1] in ".:":
                b -= 1
        if b - a < 3 or len(text[a:b].split()) < (3 if kind == "reported" else 1):
            return
        if any(q.start == a and q.end == b for q in self.out):
            return
        self.out.append(Quotation(a, b, text[a:b], person.name, kind, sent.start, sent.end, person.role, person.kind))
        self.speaker_of.append(person)
        self.people.spoke(idx, person)

    # ----- the rules
    def run(self) -> list[Quotation]:
        for idx, sent in enumerate(self.sentences):
            self._direct(idx, sent)
            self._reported(idx, sent)
            self._partial_quotes(idx, sent)
        for q, person in zip(self.out, self.speaker_of, strict=True):  # names and roles as finally known
            q.speaker, q.role, q.speaker_type = person.name, person.role, person.kind
            q.aliases = tuple(sorted(person.forms - {person.name}))
        self.out.sort(key=lambda q: q.start)
        return self.out

    def _partial_quotes(self, idx: int, sent: Span) -> None:
        """A quotation inside a reported statement is the same speaker's words: 'X said it was "a disaster"'."""
        reported = [(q, p) for q, p in zip(self.out, self.speaker_of)
                    if q.kind == "reported" and q.sentence_start == sent.start]
        for mark in self._quotes_in(*sent):
            if any(q.start == mark.inner_start for q in self.out):
                continue
            host = next((p for q, p in reported if q.start <= mark.inner_start and mark.inner_end <= q.end + 2), None)
            if host is not None:
                self._emit(mark.inner_start, mark.inner_end, host, "direct", sent, idx)

    def _direct(self, idx: int, sent: Span) -> None:
        text = self.text
        a, b = sent
        quotes = self._quotes_in(a, b)
        prev_close = a
        attributed: list[tuple[QuoteSpan, Speaker]] = []
        for q in quotes:
            person = self._attribute_quote(idx, b, q, prev_close)
            if person is not None:
                attributed.append((q, person))
            prev_close = q.close_end
        # a second quote right after `"…," X said,` continues X
        for q in quotes:
            if any(q is aq for aq, _ in attributed):
                continue
            for aq, person in attributed:
                if aq.close_end <= q.open and cues.is_attribution_gap(text, aq.close_end, q.open):
                    attributed.append((q, person))
                    break
        # a sentence that is nothing but a quote continues the previous sentence's speaker
        if quotes and not attributed and idx > 0 and idx not in self.barriers:
            outside = "".join(text[s:e] for s, e in cues.gaps(a, b, quotes))
            prev = [q for q in self.out if q.sentence_end <= a]
            follows = bool(prev) and prev[-1].sentence_start == self.sentences[idx - 1].start
            if follows and not any(ch.isalnum() for ch in outside):
                last = prev[-1]
                person = Speaker(last.speaker, last.role, last.speaker_type)
                attributed.extend((q, person) for q in quotes)
        for q, person in sorted(attributed, key=lambda x: x[0].open):
            self._emit(q.inner_start, q.inner_end, person, "direct", sent, idx)

    def _attribute_quote(self, idx: int, b: int, q: QuoteSpan, lo: int) -> Speaker | None:
        text = self.text
        if q.closed:
            # "…," X said / "…," he told attendees
            m = cues.SPEECH_RE.search(text, q.close_end, b)
            if m and not self._inside_quote(m.start()):
                subj = subject_before(text, q.close_end, m.start())
                if subj is not None and only_punct(text, q.close_end, subj.start):
                    return self.people.resolve(subj, idx)
            # "…," said X
            m = cues.AFTER_VERB_RE.match(text, q.close_end, b)
            if m:
                toks = tokens(text, m.end(), b)
                stop = next((k for k, t in enumerate(toks) if not t.text[0].isalnum() or low(t.text) in _NP_STOPS),
                            len(toks))
                if [low(t.text) for t in toks[1 : stop + 1]] == ["statement", "from"]:
                    # '"…," said a statement from Rep. Jane Doe'
                    toks = toks[stop + 1 :]
                    stop = next((k for k, t in enumerate(toks) if not t.text[0].isalnum() or low(t.text) in _NP_STOPS),
                                len(toks))
                subj = parse_np(toks[:stop])
                if subj is not None and subj.kind == "role" and [t.text for t in toks[stop : stop + 1]] == [","]:
                    # '"…," says the club's manager, Paulo Reis.'
                    rest = toks[stop + 1 :]
                    end = next((k for k, t in enumerate(rest) if not t.text[0].isalnum()), len(rest))
                    named = parse_np(rest[:end])
                    if named is not None and named.kind == "name":
                        named.role = named.role or subj.role
                        subj = named
                if subj is not None and subj.kind != "pronoun":
                    return self.people.resolve(subj, idx)
        # X said: "…" / X told reporters "…" / X wrote on X, formerly Twitter: "…" / X said that "…"
        prefix = text[lo : q.open].rstrip()
        verbs = [m for m in cues.SPEECH_RE.finditer(text, lo, q.open) if not self._inside_quote(m.start())]
        if not verbs:
            return self._colon_speaker(idx, lo, prefix) if prefix.endswith(":") else None
        v = verbs[-1]
        between = text[v.end() : q.open].strip()
        if prefix.endswith(":"):
            if re.search(r"\bthat\b", between) or len(between.split()) > 12:
                return None
        else:
            adjunct = between.endswith(",") and cues.ADJUNCT_RE.match(between) and len(between.split()) <= 10
            between = between.rstrip(",")
            if between != "that" and not adjunct and (re.search(r"\bthat\b|[.;:!?]", between)
                                                      or len(between.split()) > 3):
                return None
        subj = self._quoted_as(lo, v) or subject_before(text, lo, v.start()) or self._participle_subject(lo, v)
        return self.people.resolve(subj, idx) if subj is not None else None

    def _colon_speaker(self, idx: int, lo: int, prefix: str) -> Speaker | None:
        """'Andy Smith, mayor of the city: "…"' and the headline form 'Smith: "…"': a name and a colon."""
        colon = lo + len(prefix) - 1
        subj = subject_before(self.text, lo, colon)
        if subj is None or subj.kind == "pronoun" or not only_punct(self.text, lo, subj.start):
            return None
        return self.people.resolve(subj, idx)

    def _quoted_as(self, a: int, verb: re.Match) -> Subject | None:
        """'The agency quoted Deputy Minister Ivan Sorokin as saying …': the person between "quoted" and "as"."""
        found = [m for m in cues.QUOTED_AS_RE.finditer(self.text, a, verb.end()) if m.end() == verb.end()]
        return parse_np(tokens(self.text, found[-1].start(1), found[-1].end(1))) if found else None

    def _participle_subject(self, a: int, verb: re.Match) -> Subject | None:
        """'Jordan showed no signs of stepping aside, insisting: "…"': the subject of the main clause."""
        if not verb.group(1).endswith("ing") or not self.text[a : verb.start()].rstrip().endswith(","):
            return None
        toks = tokens(self.text, a, verb.start())
        end = 0
        while end < len(toks) and (is_cap(toks[end].text) or low(toks[end].text) in DETS):
            end += 1
        subj = parse_np(toks[:end]) if end else None
        return subj if subj is not None and subj.kind in ("name", "org") else None

    def _reported(self, idx: int, sent: Span) -> None:
        text = self.text
        a, b = sent
        for m in cues.SPEECH_RE.finditer(text, a, b):
            if self._inside_quote(m.start()):
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
            if any(q.open <= clause_start < q.close_end for q in self.quotes):
                continue
            # the subject: before the verb, or the subject of the verb this one is coordinated with
            subj = self._quoted_as(a, m) or subject_before(text, a, m.start())
            if subj is None:
                coord = cues.coordinated_subject(text, a, m.start())
                if coord is not None:
                    subj = subject_before(text, a, coord)
            person = self.people.resolve(subj, idx) if subj is not None else None
            if person is None:
                continue
            clause_end = b
            if cues.SUBORDINATE_RE.match(text, a):
                comma = text.find(",", clause_start, b)
                while comma != -1 and self._inside_quote(comma):
                    comma = text.find(",", comma + 1, b)
                if comma != -1:
                    clause_end = comma
            for rx in (cues.COORD_RE, cues.CLAUSE_END_RE):
                nxt = rx.search(text, clause_start, clause_end)
                while nxt is not None and self._inside_quote(nxt.end() - 1):
                    nxt = rx.search(text, nxt.end(), clause_end)
                if nxt is not None:
                    clause_end = nxt.start()
            self._emit(clause_start, clause_end, person, "reported", sent, idx)
        self._according(idx, sent)
        self._parenthetical(idx, sent)

    def _parenthetical(self, idx: int, sent: Span) -> None:
        """'The flu triggers inflammation, Sylvester said, which …' / '…, the company said in a statement.'

        The clause before ``, X said`` is X's statement when the sentence starts with it (not with a
        quote: that is direct speech) and nothing but a short adjunct follows the verb.
        """
        text = self.text
        a, b = sent
        if text[a] in '"“”„«‘\'' or any(q.start >= a and q.end <= b for q in self.out):
            return
        for m in cues.SPEECH_RE.finditer(text, a, b):
            if self._inside_quote(m.start()) or m.group(1).lower() not in BARE_CLAUSE_VERBS | {"says", "told"}:
                continue
            comma = text.rfind(",", a, m.start())
            if comma <= a or self._inside_quote(comma):
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
            person = self.people.resolve(subj, idx)
            if person is not None and len(text[a:comma].split()) >= 4:
                self._emit(a, comma, person, "reported", sent, idx)
            return

    def _according(self, idx: int, sent: Span) -> None:
        text = self.text
        a, b = sent
        for m in cues.ACCORDING_RE.finditer(text, a, b):
            if self._inside_quote(m.start()):
                continue
            stop = re.search(r"[,.;:!?]|\s(?:who|which|in|on|at|during)\s", text[m.end() : b])
            np_end = m.end() + stop.start() if stop else b
            subj = parse_np(tokens(text, m.end(), np_end))
            if subj is None or subj.kind == "pronoun":
                continue
            person = self.people.resolve(subj, idx)
            if person is None:
                continue
            if only_punct(text, a, m.start()) and np_end < b and text[np_end] == ",":
                self._emit(np_end + 1, b, person, "reported", sent, idx)
            elif only_punct(text, np_end, b) and text[a : m.start()].rstrip().endswith(","):
                self._emit(a, m.start(), person, "reported", sent, idx)


@functools.lru_cache(maxsize=64)
def _extract_cached(text: str) -> tuple[Quotation, ...]:
    people = Coreference(text, *layout(text))
    first = _Extractor(text, copy.deepcopy(people)).run()  # who speaks at all, for the second pass's he/she
    people.speakers = frozenset(q.speaker for q in first)
    return tuple(_Extractor(text, people).run())


def extract_quotations(text: str) -> list[Quotation]:
    """All attributed direct and reported statements in ``text``, in text order (fresh copies)."""
    if not text:
        return []
    return [replace(q) for q in _extract_cached(text)]


__all__ = ["extract_quotations"]
