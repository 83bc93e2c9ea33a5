"""Direct speech: the words inside quote marks and the speech verb next to them.

``X said: "…"``, ``"…," X said``, ``"…," said X``, ``X told reporters "…"``, ``X said in a
statement on Tuesday, "…"``, ``X: "…"``; a second quote right after ``"…," X said,`` continues X,
and a sentence that is only a quote right after a quote by X continues X.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from index.quotations import cues
from index.quotations.before_verb import subject_before
from index.quotations.blocks import introduced
from index.quotations.clauses import clause_subject, fits_verb, is_document, issuer, only_punct, subject_after
from index.quotations.entities import Speaker, name_like
from index.quotations.phrases import Subject, low, parse_np, tokens
from index.quotations.running import MIN_WORDS
from index.quotations.wordlists import AFTER_QUOTE_VERBS, GRAMMAR_WORDS, PREPOSITIONS, SPEECH_VERBS
from index.text.marks import QuoteSpan
from index.text.sentences import Span

if TYPE_CHECKING:
    from index.quotations.attribution import Extractor

# a quote inside a question put to the speaker: "When asked why …", "Asked whether …"
_ASKED_RE = re.compile(r"\b[Aa]sked\s+(?:why|whether|if|about|how|what|when|where|who)\b[^,;:]*$")


# a sentence that opens with the verb, 'Said Keeley, "…"', or "in the words of": the speaker comes after
_AS_PUT_RE = re.compile(r"\s*As\s+(he|she|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+(?:put|puts|phrased|phrases)\b"
                        r"[^\"“”]{0,60},")
_INVERTED_RE = re.compile(r"(?:\s*(?:Said|Says|Added|Adds|Asked|Asks|Wrote|Writes|Explained|Explains)|.*?\b[Ii]n\s+"
                          r"the\s+words\s+of)\s+([^,:;]{2,80}?)\s*[,:]", re.S)


# a quote signed at the end of its paragraph: '"…" — Marcus Urann', '"…" - Pastor Bradley', '— X to Fox News'
_SIGNED_RE = re.compile(r"[ \t]*[—–-][ \t]*((?:[A-Z][\w.'’-]*[ \t]+){0,3}[A-Z][\w'’-]*)(?:[ \t]+to[ \t]+[A-Z][^\n]*)?"
                        r"[ \t]*(?=\n|$)")


def attribute(ex: Extractor, idx: int, sent: Span) -> None:
    """Emit the quotations of sentence ``idx`` whose speaker the sentence (or the one before) names."""
    text = ex.text
    a, b = sent
    quotes = ex.quotes_in(a, b)
    prev_close = a
    attributed: list[tuple[QuoteSpan, Speaker]] = []
    for q in quotes:
        if _ASKED_RE.search(text, prev_close, q.open):
            prev_close = q.close_end
            continue  # 'When asked why they didn't "just divorce," she replied': the question's words
        person = _attribute_quote(ex, idx, b, q, prev_close)
        tail = _asked_tail(ex, idx, q) if person is None else None
        if tail is not None:  # '"Who knows?" Palmer said.': the splitter cut after the question mark
            person = _attribute_quote(ex, idx, tail.end, q, prev_close)
            sent = Span(a, tail.end) if person is not None else sent
        if person is not None:
            attributed.append((q, person))
        if person is not None or len(text[q.inner_start : q.inner_end].split()) > 3:
            prev_close = q.close_end  # a scare quote nobody said ('to make "just" 10 movies') bounds nothing
    # a second quote right after `"…," X said,` continues X
    for q in quotes:
        if any(q is aq for aq, _ in attributed):
            continue
        for aq, person in attributed:
            if aq.close_end <= q.open and cues.is_attribution_gap(text, aq.close_end, q.open):
                attributed.append((q, person))
                break
    attributed.extend(_continued(ex, idx, sent, quotes, attributed))
    for q, person in sorted(attributed, key=lambda x: x[0].open):
        ex.emit(q.inner_start, q.inner_end, person, "direct", sent, idx)


def _asked_tail(ex: Extractor, idx: int, q: QuoteSpan) -> Span | None:
    """The short sentence after a quote that ends a sentence with "?" or "!" ('"Who knows?" Palmer mused.'):
    a capitalised name after such a quote starts a new sentence for the splitter, yet it says who spoke."""
    text = ex.text
    if idx + 1 >= len(ex.sentences) or text[q.inner_end - 1 : q.inner_end] not in ("?", "!"):
        return None
    nxt = ex.sentences[idx + 1]
    if not only_punct(text, q.close_end, nxt.start) or "\n" in text[q.close_end : nxt.start]:
        return None
    return nxt if len(text[nxt.start : nxt.end].split()) <= 8 and text[nxt.end - 1] in ".," else None


def _continued(ex: Extractor, idx: int, sent: Span, quotes: list[QuoteSpan],
               attributed: list[tuple[QuoteSpan, Speaker]]) -> list[tuple[QuoteSpan, Speaker]]:
    """Quotes that continue the previous sentence's speaker: a sentence that is nothing but quotes, or
    one that opens with a quote of its own ('"…," X said. "It goes on …" and a caption glued on')."""
    a, b = sent
    if not quotes or attributed or idx == 0 or idx in ex.barriers:
        return []
    prev = [q for q in ex.out if q.sentence_end <= a]
    prev = [q for q in prev if not any(o is not q and o.start <= q.start and q.end <= o.end for o in prev)]
    outside = "".join(ex.text[s:e] for s, e in cues.gaps(a, b, quotes))
    only_quotes = not any(ch.isalnum() for ch in outside)
    if not prev or prev[-1].sentence_end < ex.sentences[idx - 1].end:
        # the last statement not inside another one ("…" Snell wrote, not the Trump he quotes) is further back
        context = _context_speaker(ex, idx) if only_quotes else None
        return [(q, context) for q in quotes] if context is not None else []
    last = prev[-1]
    person = Speaker(last.speaker, last.role, last.speaker_type)
    if only_quotes:
        return [(q, person) for q in quotes]
    first = quotes[0]
    opens = only_punct(ex.text, a, first.open) and len(ex.text[first.inner_start : first.inner_end].split()) >= 3
    if last.kind != "direct" or not opens or cues.SPEECH_RE.search(outside):
        return []
    return [(q, person) for q in quotes if q is first or len(ex.text[q.inner_start : q.inner_end].split()) >= 3]


def _is_paragraph(ex: Extractor, sent: Span) -> bool:
    """Is the sentence a paragraph of its own (the only sentence on its line)?"""
    text = ex.text
    line_end = text.find("\n", sent.end)
    line = text[text.rfind("\n", 0, sent.start) + 1 : line_end if line_end != -1 else len(text)]
    return line.strip() == text[sent.start : sent.end]


def _context_speaker(ex: Extractor, idx: int) -> Speaker | None:
    """A quote paragraph with no attribution, right after a paragraph about one person who speaks in the article
    ('The experience has given Miller a new sense …' then '"A viral illness can set you up …"'): that person's."""
    k = idx - 1
    if k < 0 or idx in ex.barriers:
        return None
    if (intro := introduced(ex, k)) is not None:
        return intro  # 'The Big Ten said in a statement:' / 'From Michigan:' as a paragraph before it
    para = [k]
    while para[-1] > 0 and "\n" not in ex.text[ex.sentences[para[-1] - 1].end : ex.sentences[para[-1]].start]:
        para.append(para[-1] - 1)
    named = {p.name: p for p in ex.people.sent_mentions[k] if p.name in ex.people.speakers}
    named.update({p.name: p for j in para for p in ex.people.sent_speakers[j] if p.kind == "person"})
    if not named:  # 'This point was backed by neurologist Cath Mummery. "It has been a long road."'
        named = {p.name: p for p in ex.people.sent_mentions[k] if name_like(p.name) and not _after(ex, k, p)}
    subj = clause_subject(ex.text, *ex.sentences[k]) if not named else None
    statement = len(ex.text[slice(*ex.sentences[idx])].split()) >= MIN_WORDS  # not a phrase ("Who could blame them?")
    if subj is not None and (subj.kind == "pronoun" and re.split("['’]", low(subj.text))[0] in ("he", "she") or (
            statement and subj.kind == "name" and len(subj.name.split()) > 1 and name_like(subj.name))):
        # 'She stood her ground.' then '"If you chase two rabbits, you lose them both."': whoever "she" is; 'Tess
        # Moone sold her Perth home.' then '"Our stay has stretched out …"': the person the sentence is about
        person = ex.people.resolve(subj, k)
        return person if person is not None and person.kind == "person" else None
    return next(iter(named.values())) if len(named) == 1 else None


def _after(ex: Extractor, k: int, person: Speaker) -> bool:
    """Does every mention of ``person`` in sentence ``k`` follow a preposition, "by" aside ("in Midtown Manhattan")?"""
    toks = ex.people.sent_tokens[k]
    forms = {w for f in person.forms | {person.name} for w in f.split()}
    at = [i for i, t in enumerate(toks) if t.text.removesuffix("'s").removesuffix("’s") in forms
          and (i == 0 or toks[i - 1].text not in forms)]
    return bool(at) and all(i > 0 and low(toks[i - 1].text) in PREPOSITIONS and low(toks[i - 1].text) != "by"
                            for i in at)


def _attribute_quote(ex: Extractor, idx: int, b: int, q: QuoteSpan, lo: int) -> Speaker | None:
    text = ex.text
    if q.closed:
        signed = _SIGNED_RE.match(text, q.close_end, b)
        if signed:  # a pull quote signed after a dash: '"…" — Don McLean to Fox News Digital'
            subj = parse_np(tokens(text, signed.start(1), signed.end(1)))
            return ex.people.resolve(subj, idx) if subj is not None and subj.kind == "name" else None
        # "…," X said / "…," he told attendees / "…," X, an analyst at a think tank, said (not "think")
        for m in itertools.islice(cues.SPEECH_RE.finditer(text, q.close_end, b), 2):
            if ex.inside_quote(m.start()):
                break
            passive = cues.PASSIVE_QUOTED_RE.search(text, q.close_end, m.start())  # "X was quoted as saying"
            subj = subject_before(text, q.close_end, passive.start() if passive else m.start())
            if subj is not None and subj.kind == "name" and not only_punct(text, q.close_end, subj.start):
                _descriptor(text, q.close_end, subj)  # '"…," back-rower Dalton Papali'i said': a role
            if subj is not None and only_punct(text, q.close_end, subj.start) and fits_verb(subj, m.group(1)):
                return ex.people.resolve(subj, idx, quote=text[q.inner_start : q.inner_end])
        # "…," said X
        m = cues.AFTER_VERB_RE.match(text, q.close_end, b)
        if m:
            subj = subject_after(text, m.end(), b)
            if subj is not None:
                return ex.people.resolve(subj, idx)
        # "…," according to economists at Goldman Sachs (not "according to a report": whose words it carries)
        m = cues.AFTER_ACCORDING_RE.match(text, q.close_end, b)
        subj = subject_after(text, m.end(), b) if m else None
        if subj is not None and not is_document(subj):
            return ex.people.resolve(subj, idx)
    # X said: "…" / X told reporters "…" / X wrote on X, formerly Twitter: "…" / X said that "…"
    prefix = text[lo : q.open].rstrip()
    verbs = [m for m in cues.SPEECH_RE.finditer(text, lo, q.open) if not ex.inside_quote(m.start())]
    inverted = _INVERTED_RE.fullmatch(text, lo, lo + len(prefix))
    if inverted:  # 'Said Keeley, "…"', 'In the words of MLB Commissioner Rob Manfred, "…"'
        subj = subject_after(text, inverted.start(1), inverted.end(1))
        return ex.people.resolve(subj, idx) if subj is not None else None
    put = _AS_PUT_RE.fullmatch(text, lo, lo + len(prefix))
    if put:  # 'As he put it in a video for the festival, "…"'
        subj = parse_np(tokens(text, put.start(1), put.end(1)))
        return ex.people.resolve(subj, idx) if subj is not None and subj.kind in ("name", "pronoun") else None
    if not verbs:
        return _colon_speaker(ex, idx, lo, prefix) if prefix.endswith(":") else None
    v = verbs[-1]
    between = text[v.end() : q.open].strip()
    if prefix.endswith(":"):
        if re.search(r"\bthat\b", between) or len(between.split()) > 12:
            return None
    else:
        # 'X said in a statement on Tuesday, "…"' / 'X told colleagues behind closed doors, "…"'
        adjunct = between.endswith(",") and len(between.split()) <= 10
        between = between.rstrip(",")
        if between != "that" and not adjunct and (re.search(r"\bthat\b|[.;:!?]", between)
                                                  or len(between.split()) > 3):
            return None
    aside = text[lo : v.start()].rstrip().endswith(",") and text[v.end() : q.open].rstrip().endswith(",") and \
        v.group(1) in AFTER_QUOTE_VERBS
    subj = aside and subject_after(text, v.end(), q.open)  # 'An exorcist, said Reehil, "is a priest …"'
    subj = subj or quoted_as(text, lo, v) or subject_before(text, lo, v.start()) or _participle_subject(text, lo, v)
    if subj is None or not fits_verb(subj, v.group(1)):
        return None
    return ex.people.resolve(issuer(text, lo, subj, v.group(1)), idx)


_APPOSITIVE_OPENERS = ("the", "a", "an", "his", "her", "their")  # "the lead author, X," / "her husband, X,"


def _descriptor(text: str, a: int, subj: Subject) -> None:
    """Words between a quote and the name after it that describe the person ("back-rower", "flanker",
    "veteran striker", and after a team or employer "Wallabies centre", "Sky Sports pundit"): up to three
    lower-case words (no grammar word or verb of speech), after at most two capitalised ones; or an appositive
    role set off by a comma ("the lead author of the study, Dr. X"). They become the name's role and the name
    starts where they do."""
    gap = text[a : subj.start]
    lead = len(gap) - len(gap.lstrip(" ,\u201d\"'’"))
    words = gap[lead:].rstrip().removesuffix(",").split()  # "Ofcom's online safety lead, Gill Whitehead"
    if gap.rstrip().endswith(",") and words and words[0] in _APPOSITIVE_OPENERS and len(words) <= 10 and not any(
            w in SPEECH_VERBS for w in words):  # "the lead author of that study, USC biologist Dr. Val Longo"
        subj.role, subj.start = " ".join(words[1:]), a + lead
        return
    owner = 0
    while owner < min(2, len(words) - 1) and re.fullmatch(r"[A-Z][\w'’&.-]*", words[owner]):
        owner += 1
    plain = words[owner:]
    if not 1 <= len(plain) <= 3 or not all(re.fullmatch(r"[a-z][a-z-]*[a-z]", w) for w in plain):
        return
    if any(w in GRAMMAR_WORDS or w in SPEECH_VERBS for w in plain):
        return
    subj.role = subj.role or " ".join(words)
    subj.start = a + lead


# 'Ten Hag on his strikers: "…"': a name, then what the quote is about
_ON_RE = re.compile(r"\s*(?P<who>[^,:;\"“”]{2,60}?)\s+on\b(?P<what>[^:\"“”]{1,60}):")


def _colon_speaker(ex: Extractor, idx: int, lo: int, prefix: str) -> Speaker | None:
    """'Andy Smith, mayor of the city: "…"' and the headline form 'Smith: "…"': a name and a colon; 'Smith on the
    deal: "…"'."""
    colon = lo + len(prefix) - 1
    on = _ON_RE.fullmatch(ex.text, lo, colon + 1)
    if on is not None and len(on.group("what").split()) <= 8:
        subj = parse_np(tokens(ex.text, on.start("who"), on.end("who")))
        if subj is not None and subj.kind == "name":
            person = ex.people.resolve(subj, idx)  # a person, not a phrase the sentence opens on ('Prices on …')
            return person if person is not None and person.kind == "person" else None
    comma = ex.text.find(",", lo, colon)
    # 'Andy Smith, mayor of the city and a fan: "…"': the name before the description
    subj = parse_np(tokens(ex.text, lo, comma)) if comma != -1 else None
    if subj is not None and subj.kind == "name" and len(subj.name.split()) > 1:
        subj.role = ex.text[comma + 1 : colon].strip()
    else:
        subj = subject_before(ex.text, lo, colon)
    if subj is None or subj.kind == "pronoun" or not only_punct(ex.text, lo, subj.start):
        return None
    return ex.people.resolve(subj, idx)


def quoted_as(text: str, a: int, verb: re.Match) -> Subject | None:
    """'The agency quoted Deputy Minister Ivan Sorokin as saying …': the person between "quoted" and "as"."""
    found = [m for m in cues.QUOTED_AS_RE.finditer(text, a, verb.end()) if m.end() == verb.end()]
    return parse_np(tokens(text, found[-1].start(1), found[-1].end(1))) if found else None


def _participle_subject(text: str, a: int, verb: re.Match) -> Subject | None:
    """'Ahead of the vote, Jordan showed no signs of stepping aside, insisting: "…"' (or "A Google spokesperson rejected
    it, saying", "X fought back tears before saying: '…'"): the main clause's subject, a name, an organisation or an
    unnamed source."""
    head = text[a : verb.start()].rstrip()
    linked = re.search(r"\s(?:before|after|while|by)$", head)  # "she fought back tears before saying: '…'"
    if not verb.group(1).endswith("ing") or not (head.endswith(",") or linked):
        return None
    subj = clause_subject(text, a, a + linked.start() if linked else a + len(head) - 1)
    if subj is not None and linked and subj.kind == "pronoun" and low(subj.text) in ("he", "she"):
        return subj
    return subj if subj is not None and subj.kind in ("name", "org", "unnamed", "role") else None


__all__ = ["attribute", "quoted_as"]
