"""Reported speech: a clause the article gives as someone's statement, without quote marks.

``X said/acknowledged/told … that …`` (also ``X said he …``), cut at a coordinated second verb;
``The economy is weak, Smith said.``; credits (``according to X``, ``As X suggests, …``, ``X, who Y said is …``) are
read by ``credits.py``, views without a clause (``In his view, …``, ``X attributes the rise to …``, ``X urged
customers to …``) by ``views.py``.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from index.quotations import cues
from index.quotations.adjuncts import skip_adjuncts
from index.quotations.before_verb import subject_before
from index.quotations.clauses import (
    clause_after,
    clause_subject,
    fits_verb,
    issuer,
    nearest_subject,
    only_punct,
    opens_predicate,
    subject_after,
    that_after,
)
from index.quotations.credits import according, as_credit, who_said
from index.quotations.direct import quoted_as
from index.quotations.entities import Speaker
from index.quotations.phrases import Subject, is_cap, low, parse_np, tokens
from index.quotations.views import PASSIVE_RE, cause, in_view, urged
from index.quotations.wordlists import (
    AFTER_QUOTE_VERBS,
    AUX_ADV,
    BARE_CLAUSE_VERBS,
    DETS,
    LISTENER_NOUNS,
    LISTENER_VERBS,
    OBJECT_VERBS,
)
from index.text.sentences import Span
from index.text.terms import FUNCTION_WORDS

if TYPE_CHECKING:
    from index.quotations.attribution import Extractor

# 'Speaking about the deal, X said …': a participle phrase is no statement
_PARTICIPLE_OPENING_RE = re.compile(r"(?!(?:Nothing|Something|Anything|Everything)\b)"  # pronouns, not participles
                                    r"[A-Z][a-z]+ing\s+(?:about|to|on|at|with|after|before|from|of|in)\b")
_EXPLETIVES = frozenset("it this that".split())  # "It comes as …", "This came after …": no speaker
_IMPERSONAL = frozenset("felt feels feel thought".split())  # "it felt", "it was thought"
_AS_PHRASE_RE = re.compile(r"[Aa]s (?:a result|well|of|for|part|such|usual)\b")  # adverbial, not a clause
OPENING_MARKS = '"“”„«‘\''
# verbs that are no statement after a comma: "…, but the laptop feels like a different species"
_NOT_PARENTHETICAL = frozenset("feel feels felt hope hopes fear fears expect expects think".split())
# verbs that answer a quote, and in a game a score: "Even when Ohio State tied the score, Michigan answered."
_REPLIES = frozenset("answered answers responded responds".split())


def attribute(ex: Extractor, idx: int, sent: Span) -> None:
    """Emit the reported statements of sentence ``idx``."""
    _that_clauses(ex, idx, sent)
    according(ex, idx, sent)
    as_credit(ex, idx, sent)
    who_said(ex, idx, sent)
    cause(ex, idx, sent)
    urged(ex, idx, sent, _speaker)
    in_view(ex, idx, sent)
    _parenthetical(ex, idx, sent)


def _that_clauses(ex: Extractor, idx: int, sent: Span) -> None:
    """'X said (that) …', 'X told Reuters he …', 'X rejected it, saying …', 'X did Y and said …'.

    Not in a sentence credited as a whole ('Traders expect …, according to CME Group'): the credit says
    whose report the sentence is."""
    text = ex.text
    a, b = sent
    if cues.END_CREDIT_RE.search(text, a, b):
        return
    for m in itertools.chain(cues.SPEECH_RE.finditer(text, a, b), cues.GO_ON_RE.finditer(text, a, b)):
        if ex.inside_quote(m.start()):
            continue
        verb = m.group(1).lower()
        if any(q.kind == "reported" and q.sentence_start == a and q.start <= m.start() < q.end for q in ex.out):
            continue  # 'X said she thinks …': the thinking is part of what X said
        if _wh_object(text, a, m.start()):
            continue  # 'what he expected the period to be' is no statement
        if PASSIVE_RE.search(text, a, m.start()):
            continue  # 'she is said to have …', 'it was announced that …': nobody named speaks
        clause_start = that_after(text, m.end(), b, verb in LISTENER_VERBS)
        go_on = m.re is cues.GO_ON_RE  # "continues to maintain they will …": a bare clause, its verb shown soon
        if clause_start is None and (verb in BARE_CLAUSE_VERBS or go_on):
            clause_start = clause_after(text, m.end(), b, verb in LISTENER_VERBS, verb in OBJECT_VERBS or go_on)
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
        subordinate = cues.SUBORDINATE_RE.match(text, a) is not None
        if subordinate or _RELATIVE_RE.fullmatch(text, a, m.start()):
            comma = text.find(",", clause_start, b)
            while comma != -1 and ex.inside_quote(comma):
                comma = text.find(",", comma + 1, b)
            if comma != -1 and (subordinate or _main_verb_after(text, comma)):
                clause_end = comma
        for rx in (cues.COORD_RE, cues.CLAUSE_END_RE):
            nxt = rx.search(text, clause_start, clause_end)
            while nxt is not None and ex.inside_quote(nxt.end() - 1):
                nxt = rx.search(text, nxt.end(), clause_end)
            if nxt is not None:
                clause_end = nxt.start()
        ex.emit(clause_start, clause_end, person, "reported", sent, idx)


# "Gull, who said that the plan would work, resigned": a relative clause right after the sentence's subject, set off
# by commas; the statement ends with it when the main clause's verb follows the comma
_RELATIVE_RE = re.compile(r"\s*(?:\S+\s+){0,5}?\S+,\s+(?:who|which)\s+[^,;]*")


def _main_verb_after(text: str, comma: int) -> bool:
    """Does a verb go on after ``comma`` ("…, resigned", "…, has since left"), not more of the statement ("…, as well
    as", "…, one current member", "…, using them")?"""
    m = re.match(r",\s+([a-z]+)", text[comma:])
    word = m.group(1) if m else ""
    return word in AUX_ADV or (word.endswith(("ed", "s")) and not word.endswith("ss") and word not in FUNCTION_WORDS)


def _wh_object(text: str, a: int, verb_start: int) -> bool:
    """Is the verb's object a wh-word before its subject ("what he expected", "how she described")?"""
    words = text[a:verb_start].split()[-4:]
    return any(w.lower() in ("what", "how") for w in words[:-1])


def _speaker(ex: Extractor, idx: int, a: int, m: re.Match) -> Speaker | None:
    """Who speaks through the verb ``m``: its subject, or the subject of the clause it is coordinated
    with ("X embraced the role and said"), or, for a participle ("…, saying"), the speaker of the
    sentence so far or its main clause's subject."""
    text = ex.text
    passive = cues.PASSIVE_QUOTED_RE.search(text, a, m.start())  # "X was quoted as saying that …"
    subj = quoted_as(text, a, m) or subject_before(text, a, passive.start() if passive else m.start())
    if subj is not None and subj.kind == "pronoun" and low(subj.text) == "it" and m.group(1) in _IMPERSONAL:
        return None  # 'it felt the Raiders were …': nobody speaks
    if subj is not None:
        return ex.people.resolve(issuer(text, a, subj, m.group(1)), idx) if fits_verb(subj, m.group(1)) else None
    head = text[a : m.start()].rstrip()
    plain = m.group(1) in ("saying", "stating", "noting", "adding", "explaining", "arguing", "insisting", "warning")
    also = re.search(r",?\s+also$", head) if plain or re.match(r"\s*(?:that\b|[:\"“])", text[m.end() :]) else None
    # "X called him a 'cancer' also stating that …" (not "Topley was better, also claiming a pair of victims")
    if m.group(1).endswith("ing") and (head.endswith(",") or also):
        said = [p for q, p in zip(ex.out, ex.speaker_of, strict=True) if q.sentence_start == a and q.end <= m.start()]
        if said:
            return said[-1]
        comma = a + (also.start() if also else len(head) - 1)
        last = [v for v in cues.SPEECH_RE.finditer(text, a, comma) if text[v.end() : comma].strip() == ""
                and not _NOUN_BEFORE_RE.search(text, a, v.start())]  # not 'rejected the claims, saying'
        if last:  # '…, Gimenez said, adding that …'
            subj = subject_before(text, a, last[-1].start())
        else:  # '…, said CEO Jane Doe, adding …' / 'X rejected it, saying …' / '…, as the company has not, claiming …'
            said_x = re.search(r",\s*(?:said|says)\s+([^,]+)$", text[a:comma])
            subj = subject_after(text, a + said_x.start(1), comma) if said_x else nearest_subject(text, a, comma)
    elif m.group(1).endswith("ing") and _PUBLISHED_RE.search(head):
        subj = clause_subject(text, a, m.start())  # 'Azrieli published its results for the quarter saying that …'
        subj = subj if subj is not None and subj.kind in ("name", "org", "unnamed") else None
    elif re.search(r"(?:^|\W)(?:and|but|yet)(?:\s+(?:also|then|later))?$", head):
        coord = cues.coordinated_subject(text, a, m.start())
        subj = subject_before(text, a, coord) if coord is not None else clause_subject(text, a, m.start())
        if subj is not None and subj.kind == "pronoun" and low(subj.text) in _EXPLETIVES:
            subj = nearest_subject(text, a, m.start())  # "It comes as Cheika embraced the role and said …"
    return ex.people.resolve(subj, idx) if subj is not None else None


# a determiner or possessive right before a speech word makes it a noun: "the claims", "his reports"
_NOUN_BEFORE_RE = re.compile(r"(?i)\b(?:the|these|those|his|her|its|their|our|such|any|no|all)\s+$|['’]s?\s+$")
# what an organisation or person puts out that then "says": 'X published its results saying that …'
_PUBLISHED_RE = re.compile(r"\b(?:published|released|issued|posted|put\s+out|filed|sent\s+out)\b")
# words no statement ends on: before ", it claimed," they show it runs on past the aside
_RUNS_ON = frozenset("""would will can could should may might must shall is are was were be been being has have had
    that which who whose the a an to of and or but""".split())


def _parenthetical(ex: Extractor, idx: int, sent: Span) -> None:
    """'The flu triggers inflammation, Sylvester said, which …' / '…, the company said in a statement.' /
    '…, said Dr. Jane Doe, an expert.' / 'That would have been "ludicrous," he said.'

    The clause before ``, X said`` is X's statement when the sentence starts with it (a sentence
    that starts with a quote is direct speech) and only a short adjunct follows the verb; what
    follows a second comma or a dash is X's too.
    """
    text = ex.text
    a, b = sent
    while a < b and not text[a].isalnum() and text[a] not in OPENING_MARKS:
        a += 1  # zero-width and stray marks before the first word
    if a == b or text[a] in OPENING_MARKS:
        return
    for m in cues.SPEECH_RE.finditer(text, a, b):
        verb = m.group(1).lower()
        if ex.inside_quote(m.start()) or verb.endswith("ing") or verb in _NOT_PARENTHETICAL | _REPLIES:
            continue
        comma = _comma_before(ex, a, m.start())
        if comma is None:
            continue
        subj = _subject_between(text, comma + 1, m.start())
        after, inverted = m.end(), False
        lead = text[a:comma].split()
        opener_only = len(lead) == 1 and (low(lead[0]) in _RUNS_ON or low(lead[0]).endswith("ly"))
        if subj is None and text[comma + 1 : m.start()].strip(" \n”\"’") == "" and verb in AFTER_QUOTE_VERBS and (
            verb not in LISTENER_VERBS | {"asked"}
        ) and not re.match(r"\s+that\b", text[m.end() : b]):
            # '…, said Dr. Jane Doe' (not '…, told Live Science': that names the listener; not 'X, a strategist,
            # noted that …': the appositive's comma, and the clause after "that" is X's statement)
            subj = subject_after(text, m.end(), b)  # '…, said Dr. Jane Doe, an expert'
            after, inverted = _appositive_end(text, m.end(), b, opener_only), True
        if subj is None or low(subj.text.split()[-1]) in ("i", "we"):
            continue  # ('…, a book I wrote in 2020': the author, no speaker)
        toks = tokens(text, after, b)
        k = skip_adjuncts(toks, 0)
        if k < len(toks) and toks[k].text not in ",—–.!?":
            k = _closing_phrase(toks, k, verb in LISTENER_VERBS)  # '…, X said in an interview.' / '…, X told CNBC.'
            if k is None or PASSIVE_RE.search(text, comma, m.start()) or re.search(r"\bno\s+longer\s+$",
                                                                                      text[comma : m.start()]):
                continue  # '…, investors are no longer assured of an exit'
        rest = toks[k + 1] if k + 1 < len(toks) else None
        if rest is not None and rest.text in OPENING_MARKS:
            return  # 'Speaking about it, X said, "…"': the verb introduces a quote
        person = ex.people.resolve(subj, idx)
        if person is None:
            continue  # '…, when it announces its next move on rates, said X': nobody there, X later
        if lead and lead[-1] in _RUNS_ON and not opener_only:  # lower case: "since May," is a month
            return  # 'features that would, it claimed, detect …': one statement cut by the aside, neither part
        paren = text.rfind("(", a, comma)
        start = paren + 1 if paren != -1 and ")" not in text[paren:comma] else a  # '… (70 percent, says Epic)'
        semi = text.rfind(";", start, comma)
        if semi != -1 and not ex.inside_quote(semi):
            start = semi + 1  # 'X joined early; Spill has "not paid for a user," Parham said': the clause after ";"
        dash = max(text.rfind(" — ", start, comma), text.rfind(" – ", start, comma))
        if dash != -1 and not ex.inside_quote(dash) and text[dash + 3 : dash + 4] in OPENING_MARKS:
            return  # 'X were blown away — "Nobody came close," wrote Vulture —': the quote is all of it (direct)
        if len(text[start:comma].split()) >= 4 and _states(ex, start, comma):
            ex.emit(start, comma, person, "reported", sent, idx)
        # 'A, X said, B': B is X's too ('Temptation, said Reehil, is …'; 'But, he added, B' and 'Critically, says X,
        # B': all of B), not an appositive after an inverted speaker ('said X, co-founder of Y')
        if rest is not None and toks[k].text in ",—–" and not low(rest.text).endswith("ing") and (
                not inverted or opener_only or opens_predicate(rest.text)):
            ex.emit(toks[k].end, b, person, "reported", sent, idx)
        return


# where or how something was said: "in an interview", "at the launch", "on X", "during a call" (not "asked for a
# review", "pointed to a product", "wrote with a co-author": what the verb is about)
_WHERE_SAID = frozenset("in at on during via through after before following over".split())


def _closing_phrase(toks: list, k: int, listener: bool = False) -> int | None:
    """Past a prepositional phrase of a few words with no verb that runs to a comma, dash or the sentence's end
    ("in an interview.", "at the company's launch in New Delhi,"), after a verb of telling also past who was told
    ("told CNBC.", "told reporters in Paris,"): where it ends; else None."""
    if listener:
        j = k + (low(toks[k].text) in DETS)
        while j < len(toks) and j - k < 5 and toks[j].text not in ",—–.!?" and (
                is_cap(toks[j].text) or low(toks[j].text).rstrip(".") in LISTENER_NOUNS):
            j += 1
        if j == k or j > k and low(toks[j - 1].text) in DETS:
            return None
        if j == len(toks):
            return j - 1 if toks[-1].text.endswith((".", "!", "?")) else None
        if toks[j].text in ",—–.!?":
            return j
        k = j  # "told CNBC in an interview."
    if low(toks[k].text) not in _WHERE_SAID:
        return None
    j = k + 1
    while j < len(toks) and j - k <= 10 and toks[j].text not in ",—–.!?;:":
        if opens_predicate(toks[j].text) and not low(toks[j].text).endswith("ly") or toks[j].text in OPENING_MARKS:
            return None
        j += 1
    if j == len(toks) and toks[-1].text.endswith((".", "!", "?")) and j - k <= 10:
        return j - 1  # the sentence's full stop glued to the phrase's last word ("interview.")
    return j if j < len(toks) and toks[j].text in ",—–.!?" and j - k <= 10 else None


def _states(ex: Extractor, a: int, comma: int) -> bool:
    """Is ``text[a:comma]`` a statement of its own? Not a participle phrase ('Speaking about it, X said'), not a
    subordinate clause ('If machines grew smarter, they argued, …'), not a caption glued to a quote
    ('Credit: AP "There is mistrust," X said': the quote is direct speech)."""
    text = ex.text
    # ('If you plan to borrow, it's best to be careful, X said': the main clause after the subordinate one is there)
    main = any(text[k] == "," and not ex.inside_quote(k) for k in range(a, comma))
    if _PARTICIPLE_OPENING_RE.match(text, a) or cues.SUBORDINATE_RE.match(text, a) and not _AS_PHRASE_RE.match(
        text, a
    ) and not main:
        return False
    opening = next((q for q in ex.quotes if a <= q.open < comma), None)
    before = tokens(text, a, opening.open) if opening is not None else []
    prose = sum(t.text.isalpha() and t.text.islower() for t in before) >= 4  # 'the total area of one gram "can …,"'
    if opening is not None and only_punct(text, opening.close_end, comma) and (
            text[a : opening.open].rstrip().endswith(":") or not prose and not any(
            opens_predicate(t.text) for t in before)):
        return False  # 'posted this tweet: "…," wrote X': direct speech (not 'Altman's exit "is shocking as he has been
        # the face of" AI, said X': it runs on)
    return True


def _comma_before(ex: Extractor, a: int, pos: int) -> int | None:
    """The comma that closes the statement before ``, X said`` (also inside a closing quote: '"ludicrous," he said')."""
    text = ex.text
    comma = text.rfind(",", a, pos)
    while comma > a and text[comma - 1].isdigit() and text[comma + 1 : comma + 2].isdigit():
        comma = text.rfind(",", a, comma)  # "140,000" is a number, not a clause boundary
    if comma <= a:
        return None
    if ex.inside_quote(comma) and not any(q.inner_end == comma + 1 for q in ex.quotes):
        return None
    return comma


def _subject_between(text: str, a: int, b: int) -> Subject | None:
    """The speaker phrase that is all of ``text[a:b]`` (', Smith said' / ', the company said')."""
    toks = tokens(text, a, b)
    if toks and toks[-1].text in ('"', "”"):
        return None
    subj = parse_np(toks) if toks else None
    if subj is None or subj.kind == "pronoun" and len(toks) != 1 and not subj.role:
        return None  # (", the company said": "it", the company the article named)
    if subj.kind != "pronoun" and text[subj.start : b].strip() != text[a:b].strip():
        return None
    return subj


def _appositive_end(text: str, pos: int, b: int, statement_follows: bool = False) -> int:
    """Past the speaker and an appositive after an inverted verb: 'said Dr. Jane Doe, a physician and expert —'
    (not when the statement follows the speaker: 'Critically, says Lipson, the staging is …')."""
    toks = tokens(text, pos, b)
    k = next((i for i, t in enumerate(toks) if t.text in ",—–."), len(toks))
    if k < len(toks) and toks[k].text == "," and k + 1 < len(toks) and low(toks[k + 1].text) in DETS and (
            not statement_follows):
        k = next((i for i in range(k + 1, len(toks)) if toks[i].text in "—–."), len(toks))
    return toks[k].start if k < len(toks) else b


__all__ = ["attribute"]
