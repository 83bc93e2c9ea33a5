"""Interviews printed as questions and answers: the answers are the interviewee's words, without quote marks.

Two layouts. **Labelled**: each turn opens on its speaker's name and a colon ("Jon Copley: This new book answers
…", "KING: We started the WTA …", "JC: We're finding out …"); a labelled answer is the person's own words when it
follows a question and speaks in the first person (``named_answer``, sentence by sentence). **Transcript**: the
page says it prints an interview ("This interview has been lightly edited for clarity", "Here's a Q&A with King",
"we speak to Alejandra Olea", "sat down with …") and then alternates the interviewer's questions with paragraphs
of answers, with no names at all.

``answers`` reads the whole article once the sentences are done. An answer runs from the paragraph after a
question up to the next question (a paragraph with a sentence ending in "?"), a turn labelled with another name,
or a heading; a labelled answer goes on in the unlabelled paragraphs after it. The interviewee of an unlabelled
answer is the one person the interview has answering: the only person whose labelled turns answer, or, in a
transcript, the one person named in the last paragraph before the first question that names anybody ("This time
it's Boston Dynamics CTO, Aaron Saunders.", "Olea also discusses …"). Two people answering, or nobody clear:
nothing is credited. Quoted words inside an answer are left to the rules of direct speech.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.quotations.entities import Speaker
from index.text.sentences import Span, is_heading, paragraphs

if TYPE_CHECKING:
    from index.quotations.attribution import Extractor

ANSWER_MIN_WORDS = 6  # an answer is a paragraph of prose, not "Yeah." or "Thank you."
MARKER_REACH = 12  # the interview marker is within this many paragraphs before the first question
MIN_EXCHANGES = 2  # a transcript has at least this many questions answered in the first person
_FIRST_PERSON_RE = re.compile(r"\b(?:I|I['’]m|I['’]ve|I['’]d|[Ww]e|[Ww]e['’]re|[Mm]y|[Oo]ur|[Mm]e|[Uu]s)\b")
# a turn set off by its speaker's name: "Jon Copley: This new book answers the top 10 questions …"
_NAMED_TURN_RE = re.compile(r"((?:[A-Z][\w.'’-]+ ){0,3}[A-Z][\w'’-]+):[ \t]+(?=[A-Z])")
_MARKER_RE = re.compile(
    r"\b(?:(?:interview|transcript|conversation|Q&A)s?\b[^.\n]{0,40}\b(?:edited|condensed)"
    r"|(?:Q&As?|interviews?|conversation|chat)\s+with\b|sat\s+down\s+(?:\w+\s+){0,3}?with\b"
    r"|(?:we|I)\s+(?:speak|spoke|talk|talked|chat|chatted)\s+(?:to|with)\b)",
    re.I,
)
_QUESTION_END_RE = re.compile(r"\?[\"”’')\]]*\s*$")
_QUOTED_QUESTION_RE = re.compile(r"[‘“\"][^‘“\"’”]*\?[’”\"]\s*$")  # "… said, ‘can you help us?’"
# the interviewer recalling the interviewee's words, a prompt that asks without a question mark
_RECALLS_RE = re.compile(r"You(?:['’]ve| have)? (?:once |often |always |previously |recently )?"
                         r"(?:said|says|say|talked|spoken|written|wrote|mentioned|described|called|noted|told)\b")
# the interviewer announcing the next subject: "I want to touch quickly on …", "Let’s talk about …"
_PROMPT_RE = re.compile(r"\b(?:I\s+want\s+to\s+(?:ask|talk|touch|get\s+into|start|go\s+back|turn)|"
                        r"I['’]d\s+(?:like|love)\s+to\s+(?:ask|talk|start)|[Ll]et['’]s\s+(?:talk|turn|move\s+on)|"
                        r"[Tt]ell\s+(?:me|us)\s+(?:about|more))\b")
_NOTE_RE = re.compile(r"\[|\(?Editor['’]s note", re.I)  # "[Editor’s note: Every journalist …]"
_YOU_RE = re.compile(r"\b(?:you|your|you['’]re|you['’]ve)\b", re.I)


def _label_person(ex: Extractor, label: str) -> Speaker | None:
    """The person a turn's label names: a name the article gives in full, a surname in capitals ("KING"), or
    initials ("JC" for Jon Copley) that only one person of the article has."""
    if label.isupper() and 2 <= len(label) <= 3:
        held = {p.name: p for p in ex.people.reg.people if p.kind == "person" and len(p.name.split()) == len(label)
                and "".join(w[0] for w in p.name.split()) == label}
        person = next(iter(held.values())) if len(held) == 1 else None
    else:
        person = ex.people.reg.find(label)
    if person is None or person.kind != "person" or " " not in person.name:
        return None  # "Update: …", "Warning: …", an outlet, or a name the article never gives in full
    return person


def named_answer(ex: Extractor, idx: int, sent: Span) -> None:
    """A sentence that opens on a person's name (or initials) and a colon, with no quote marks, right after the
    interviewer's question ("…?" then "Jon Copley: This new book answers the questions that I know people have"):
    the person's answer, word for word, up to the next question, the next name and colon, or the paragraph's end.
    It speaks in the first person; a list of people with a line on each ("Nikola Jokic: Falling short of …") does
    not."""
    text = ex.text
    a, b = sent
    m = _NAMED_TURN_RE.match(text, a)
    if m is None or ex.quotes_in(a, b):
        return
    label = m.group(1)
    person = _label_person(ex, label)
    if person is None:
        return
    start, end, k = m.end(), b, idx
    while k + 1 < len(ex.sentences) and "\n" not in text[end : ex.sentences[k + 1].start]:
        nxt = ex.sentences[k + 1]
        if ex.quotes_in(nxt.start, nxt.end) or text[nxt.start : nxt.end].rstrip().endswith("?") or \
                _NAMED_TURN_RE.match(text, nxt.start):
            break
        end, k = nxt.end, k + 1
    asked = idx > 0 and text[ex.sentences[idx - 1].start : ex.sentences[idx - 1].end].rstrip().endswith("?")
    own = _FIRST_PERSON_RE.search(text, start, end) is not None  # an answer speaks for itself ("I", "we", "my")
    if len(text[start:end].split()) >= ANSWER_MIN_WORDS and own and (asked or label.isupper()):
        ex.emit(start, end, person, "direct", Span(a, end), idx)


def _is_question(ex: Extractor, a: int, b: int, sent_ids: list[int]) -> bool:
    """The interviewer's turn: it ends on a question, or addresses the interviewee before a question ("You’re only a
    couple months in. How's it going? Actually, I made a new account …"). A question quoted inside an answer
    ("Coyne said, ‘can you help us?’") or asked with no "you" before it ("I’m like, really? If you watch …") is
    the answerer's own."""
    text = ex.text
    asks = [i for i in sent_ids if _QUESTION_END_RE.search(text, ex.sentences[i].start, ex.sentences[i].end)
            and not _QUOTED_QUESTION_RE.search(text, ex.sentences[i].start, ex.sentences[i].end)]
    if _RECALLS_RE.match(text, a) or _PROMPT_RE.search(text, a, b) and _YOU_RE.search(text, a, b):
        return True  # "You’ve said the King-Riggs match was …", "I want to touch on the layoffs that you …": prompts
    # a question amid an answer's prose is the answerer's own ("... in our daily lives. When would you pay as much for
    # a robot as you would a car? When it achieves ..."): the interviewer addresses the guest before asking
    return bool(asks) and (asks[-1] == sent_ids[-1]
                           or _YOU_RE.search(text, a, ex.sentences[asks[-1]].start) is not None)


def _turns(ex: Extractor, paras: list[tuple[int, int]], sent_of: list[list[int]]) -> list[tuple[str, Speaker | None]]:
    """Per paragraph: "heading", "asker" (a turn labelled with no person: "TechCrunch:", "Question:", "AP:"),
    "question", "labelled" (a person's labelled turn) or "prose", and the labelled person."""
    text = ex.text
    turns: list[tuple[str, Speaker | None]] = []
    for (a, b), ids in zip(paras, sent_of, strict=True):
        m = _NAMED_TURN_RE.match(text, a)
        label = _label_person(ex, m.group(1)) if m else None
        if not ids or is_heading(text[a:b]) or _NOTE_RE.match(text, a):
            turns.append(("heading", None))
        elif m is not None and label is None:
            turns.append(("asker", None))
        elif label is not None and turns and turns[-1][0] == "asker":
            turns.append(("labelled", label))  # "AP: …?" then "KING: … How the heck did we do that?": an answer
        elif _is_question(ex, a, b, ids):
            turns.append(("question", label))
        else:
            turns.append(("labelled" if label else "prose", label))
    asked = {id(p): sum(1 if k == "question" else -1 for k, q in turns if q is p) for _, p in turns if p is not None}
    # a person whose labelled turns mostly ask is the interviewer ("Alex Heath: …?")
    return [("question" if p is not None and asked[id(p)] > 0 else k, p) for k, p in turns]


def answers(ex: Extractor) -> None:
    """Emit the unlabelled answer paragraphs of an interview as the interviewee's direct words."""
    text = ex.text
    paras = paragraphs(text)
    sent_of: list[list[int]] = [[] for _ in paras]
    k = 0
    for i, s in enumerate(ex.sentences):
        while k < len(paras) and paras[k][1] <= s.start:
            k += 1
        if k < len(paras):
            sent_of[k].append(i)
    turns = _turns(ex, paras, sent_of)
    for k, (kind, _p) in enumerate(turns):  # a labelled turn answers when it was read as the person's answer
        if kind == "labelled" and not any(paras[k][0] <= q.start < paras[k][1] for q in ex.out):
            turns[k] = ("unread", None)
    answerers = {p.name: p for kind, p in turns if kind == "labelled" and p is not None}
    if answerers:
        begin = next(i for i, (kind, _) in enumerate(turns) if kind == "labelled")
    else:
        begin, interviewee = _transcript(ex, paras, sent_of, turns)
        answerers = {interviewee.name: interviewee} if interviewee is not None else {}
    if not answerers:
        return
    sole = next(iter(answerers.values())) if len(answerers) == 1 else None
    current: Speaker | None = None
    for k in range(begin, len(paras)):
        kind, label = turns[k]
        a, b = paras[k]
        if kind in ("labelled", "unread"):
            current = label  # nobody after a name-and-colon line that answered nothing ("Joel Embiid: +250 …")
        elif kind == "question":
            current = sole
        elif kind == "asker":  # the answer follows a labelled question; a labelled remark may go on below it
            current = sole if _QUESTION_END_RE.search(text, a, b) else None
        elif kind == "prose" and current is not None:
            _emit_answer(ex, sent_of[k], current)


def _transcript(ex: Extractor, paras: list[tuple[int, int]], sent_of: list[list[int]],
                turns: list[tuple[str, Speaker | None]]) -> tuple[int, Speaker | None]:
    """Where a transcript's questions begin and whom it interviews: its first question has the page's word that it
    prints an interview a few paragraphs before it, and the last paragraph before that question naming anybody
    names one person."""
    text = ex.text
    q = next((k for k, (kind, _) in enumerate(turns) if kind == "question"), None)
    if q is not None and any(_MARKER_RE.search(text, a, b) for a, b in paras[max(0, q - MARKER_REACH) : q]):
        replies = [k + 1 for k in range(q, len(turns) - 1) if turns[k][0] == "question" and turns[k + 1][0] == "prose"]
        own = sum(_FIRST_PERSON_RE.search(text, *paras[k]) is not None for k in replies)
        if own < MIN_EXCHANGES or 3 * own < 2 * len(replies):
            return len(paras), None  # questions the article asks itself, answered in its own voice
        for k in range(q - 1, -1, -1):
            named = {p.name: p for i in sent_of[k] for p in ex.people.sent_mentions[i] if p.kind == "person"}
            if named:
                return q, (next(iter(named.values())) if len(named) == 1 else None)
    return len(paras), None


def _emit_answer(ex: Extractor, ids: list[int], person: Speaker) -> None:
    """The paragraph's runs of sentences without quote marks, each long enough, as ``person``'s words."""
    run: list[int] = []
    for i in [*ids, -1]:
        s = ex.sentences[i] if i >= 0 else None
        if s is not None and not ex.quotes_in(s.start, s.end) and \
                not any(q.start < s.end and s.start < q.end for q in ex.out):
            run.append(i)
            continue
        if run:
            start, end = ex.sentences[run[0]].start, ex.sentences[run[-1]].end
            if len(ex.text[start:end].split()) >= ANSWER_MIN_WORDS:
                ex.emit(start, end, person, "direct", Span(start, end), run[0])
            run = []


__all__ = ["ANSWER_MIN_WORDS", "answers", "named_answer"]
