"""Fact mode: find the sentence that answers the question, or refuse.

Candidates are the sentences of the retrieved chunks (list lines such as "Revenue: $12.94 billion
vs. $12.98 billion expected" included; captions ("Alexei Popyrin celebrates with ..."), widget text,
shop links ("$549 at Steam") and embedded posts ("pic.twitter.com/...", "— Name (@handle) November
18, 2023"), cut-off teasers, questions and bare headings left out); a list line is read with the
line that introduces it ("Here's how Acme did compared with expectations:") and keeps its number
("7. ", which answers "seventh"). A sentence that opens with a pronoun ("It was set by Jorgen Juve")
or a definite description of the subject ("The company", "The well-reviewed Japanese film", "The new
model") is read and cited together with the sentence before it, which names what it refers to. A
candidate can answer only when (``eligibility.check``)

1. it carries a value of the expected answer type that the question did not give
   (``types.carries``): an amount, a number, a date, a name;
2. every specifier of the question (numbers, years, ordinals, months) is in the sentence, or in
   its immediate neighbour, title or publication date while the sentence names no rival value
   ("first ballot" for "second ballot", another year, another country than the one asked, a
   semi-final for the final);
3. every key name of the question is in the candidate's article (text, title or outlet);
4. for "who won / what was the final score / did X beat Y / who was eventually elected" it does
   not look ahead ("will face", "ahead of", "hopes to"): a preview is not a result.

When some eligible sentence gives the answer in the form the question demands (a currency sum for
"how much did X sell", a percentage for "what share", a year for "what year"), only those stay; for "how much
does X cost / is X paying / did X spend" a sentence without a sum of money never answers.
Eligible sentences are ranked by dense cosine to the question blended with the idf-weighted share
of the question's words (that share alone without an encoder) plus small bonuses (a currency or
percentage for amount questions, the follow-up context's words, retrieval rank). The best-ranked
one whose ``relevance`` reaches ``min_score`` is the answer (a sentence counting what "how many" asks,
"seven years of revenue", gets ``COUNT_CREDIT``); up to two more close ones follow.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.answer.citations import Span, distinct, joined, refuse, sentence_answer
from assistant.answer.eligibility import check, names_in_article
from assistant.answer.evidence import Lexical, counts, form_is_required, preference, required_form
from assistant.answer.question import QuestionInfo, name_runs, with_context
from assistant.answer.quotations import Found, is_role_phrase, quotations_of, resolve_speaker
from assistant.answer.similarity import Embed, cosines, relevance
from assistant.answer.voices import outlet_voice, speaks_for, voice_asked
from assistant.answer.withheld import withholds_asked
from assistant.answer.words import (
    acronyms,
    content_terms,
    date_words,
    proper_vocabulary,
    stem,
    term_present,
    vocabulary,
)
from assistant.schema import Answer, Passage
from index.quotations.wordlists import ROLE_QUALIFIERS, ROLE_WORDS
from index.text.fold import fold
from index.text.sentences import sentence_spans

DEFAULT_MIN_SCORE = 0.45
EMBED_BUDGET = 16  # sentences embedded per answer: the best by lexical evidence, answer form and rank
MAX_SENTENCES = 3
_RANK_PRIOR = 0.04
_HOLDER_BONUS = 0.15  # "Who is Nike's CFO?": sentences naming the person the role resolves to
HOLDER_RELEVANCE = 0.6
COUNT_CREDIT = 0.05
LEXICAL_SHARE = 0.5
# a person described, not named ("The Senegal forward then struck twice", "The 28-year-old might capture ...")
_PERSON = "|".join(sorted(w for w in ROLE_WORDS - ROLE_QUALIFIERS if w.isalpha() and len(w) > 3))
_ANAPHOR = re.compile(
    r"(?:It|This|That|These|Those|He|She|They|His|Her|Their|The\s+(?:record|figure|number|move|deal|company|firm)|"
    r"The\s+(?:[\w-]+\s+){0,3}?(?:film|movie|blockbuster|prequel|sequel|club|team|side|studio|group|league|band|"
    r"model|device|console|phone|handset))\s"
)
_DESCRIBED = re.compile(r"The\s+(?:[\w'’.-]+\s+){0,3}?(?i:" + _PERSON + r"|[\w-]+-year-old|man|woman)\s+(?=[a-z])")
_WIDGET = re.compile(
    r"\b(?:getty\s+images|ap\s+photo|photo\s*:|image\s*:|credit\s*:|via\s+reuters|shutterstock|"
    r"sign\s+up|subscribe|newsletter|read\s+more|click\s+here|advertisement|follow\s+us|share\s+this)\b|"
    r"^\s*loading\b|…\s*$|\?\?\?|^\s*(?:more|read\s+more|related|watch|listen|see\s+also)\s*:"
    r"|\bdoi:\s*10\.\d{4}|\bpic\.twitter\.com/|\(@\w+\)\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}"  # a reference; a post
    r"|^(?-i:(?:[A-Z][\w'’.-]+\s){1,4})(?:celebrates|reacts|gestures|poses|looks\s+on|is\s+pictured|"
    r"are\s+pictured)\b"  # a photo caption: "Alexei Popyrin celebrates with ... after his win."
    r"|(?-i:[A-Z])[\w'’.-]*\s+\((?:far\s+)?(?:left|right|centre|center|middle|(?-i:L|R))\)"  # "Shai Hope (right) ..."
    r"|[$£€]\s?\d[\d.,]*\s+at\s+(?-i:[A-Z][\w&'’-]*(?:\s[A-Z][\w&'’-]*){0,3})\s*$",  # a shop link: "$549 at Steam"
    re.I,
)


@dataclass
class Candidate:
    passage: Passage
    rank: int
    start: int
    end: int
    text: str
    terms: set[str]
    near: set[str]  # words of the neighbouring sentences, title and publication date
    lead: str = ""  # the line that introduces a list line ("Here's how Acme did:"), read with it
    score: float = 0.0
    relevance: float = 0.0
    lex: float = 0.0
    cos: float | None = None
    why_not: str = ""  # which rule made it ineligible ("" when eligible)
    speaker: str = ""  # the speaker of the quotation it holds, if any ("Who said ...?" needs someone's words)

    @property
    def span(self) -> Span:
        return Span(self.passage, self.start, self.end)


@dataclass
class Pool:
    """The candidates of some passages, with the per-article vocabularies the rules need."""

    candidates: list[Candidate] = field(default_factory=list)
    articles: dict[str, set[str]] = field(default_factory=dict)  # article_id -> ``article_names``


def build_pool(passages: Sequence[Passage]) -> Pool:
    pool = Pool()
    seen_spans: set[tuple[str, int]] = set()
    seen_text: set[str] = set()
    for rank, p in enumerate(passages):
        if p.article_id not in pool.articles:
            pool.articles[p.article_id] = article_names(p)
        spans = sentence_spans(p.article_text)
        about = vocabulary(" ".join([p.title or "", p.source or "", date_words(p.published or "")]))
        for k, (s, e) in enumerate(spans):
            if e <= p.start or s >= p.end or (min(e, p.end) - max(s, p.start)) * 2 < e - s:
                continue
            text = p.article_text[s:e]
            if len(text.split()) < 3 or (p.article_id, s) in seen_spans or not _answers_anything(text):
                continue
            key = fold(text).lower()
            if key in seen_text:
                continue  # the same sentence in a syndicated copy
            seen_spans.add((p.article_id, s))
            seen_text.add(key)
            prev = p.article_text[spans[k - 1][0] : spans[k - 1][1]] if k > 0 else ""
            first = k  # the candidate's first sentence: the one before, when it is read with it
            if re.fullmatch(r"\d{1,3}\.", prev) and "\n" not in p.article_text[spans[k - 1][1] : s]:
                s = spans[k - 1][0]  # "7. Lautaro Martinez - 37 goals": a numbered list line keeps its number
                text = p.article_text[s:e]
            elif (prev and (_ANAPHOR.match(text) or _DESCRIBED.match(text) and not speaker_at(p, s, e))
                  and spans[k - 1][1] > p.start - 400 and _answers_anything(prev)):
                # "It was set by Jorgen Juve": read with the sentence it continues (a quotation's speaker is resolved)
                s, first = spans[k - 1][0], k - 1
                text = p.article_text[s:e]
                pool.candidates = [c for c in pool.candidates if not (c.passage.article_id == p.article_id
                                                                       and c.start == s)]
            terms = set(content_terms(text)) | {a for a in acronyms(text) if len(a) >= 3}  # "NAB": "National ..."
            speaker = speaker_at(p, s, e, with_role=True)
            if speaker:  # "He told reporters ..." is also a sentence about its resolved speaker (and role)
                terms.update(content_terms(speaker))
            around = " ".join(p.article_text[a:b] for a, b in spans[max(0, first - 1) : k + 2])
            lead = _lead_in(p.article_text, spans, k)
            pool.candidates.append(Candidate(p, rank, s, e, text, terms, vocabulary(around + " " + lead) | about, lead,
                                             speaker=speaker))
    # an article whose outlet is not known may be from any outlet retrieved beside it ("in Engadget's deals list")
    outlets = vocabulary(" ".join({p.source for p in passages if p.source}))
    for p in passages:
        if not p.source:
            pool.articles[p.article_id] |= outlets
    return pool


def _lead_in(text: str, spans: list[tuple[int, int]], k: int) -> str:
    """For a list line, the line ending in a colon that introduces its list (up to 8 lines above), else ""."""
    a, b = spans[k]
    if text[a:b].rstrip().endswith((".", "!", "?", "\"", "”")) and ":" not in text[a:b][:40]:
        return ""
    for j in range(k - 1, max(-1, k - 9), -1):
        line = text[spans[j][0] : spans[j][1]].rstrip()
        if line.endswith(":"):
            return line
        if line.endswith((".", "!", "?")):
            return ""
    return ""


def _answers_anything(text: str) -> bool:
    """Not widget text, a caption, a cut-off teaser, a question or a bare heading (title case, or a short
    line with no end mark, figure or colon: "Timeline of the board's decision")."""
    if _WIDGET.search(text) or text.rstrip().endswith("?"):
        return False
    words = text.split()
    capitalised = sum(w[:1].isupper() for w in words)
    unended = text.rstrip()[-1:] not in '.!"”’)'
    field = _FIELD.match(text)  # "Director: Fritz Lang": a field of a listing, in title case, not a heading
    heading = len(words) <= 12 and unended and capitalised >= 0.7 * len(words) and not field
    label = len(words) <= 8 and unended and ":" not in text
    return not (heading or label) or any(ch.isdigit() for ch in text)


_FIELD = re.compile(r"[A-Z][a-z]+(?:\s[a-z]+){0,2}:\s+\S")


def article_names(p: Passage) -> set[str]:
    """What an article names: its capitalised words and their initials, its title, outlet, byline and date."""
    return proper_vocabulary(p.article_text) | vocabulary(
        " ".join([p.title or "", p.source or "", p.author or "", date_words(p.published or "")])
    )


def speaker_at(p: Passage, start: int, end: int, with_role: bool = False) -> str:
    """The speaker of the quotation in ``p.article_text[start:end]`` (and their role), or ""."""
    for q in quotations_of(p, read_only=True):
        if q.sentence_start <= start < q.sentence_end or start <= q.start < end:
            return f"{q.speaker} {q.role}" if with_role else q.speaker
    return ""


def rank_candidates(info: QuestionInfo, question: str, pool: Pool, embed: Embed | None) -> list[Candidate]:
    """The eligible candidates of ``pool``, best first, with their scores set."""
    cands = pool.candidates
    named = {aid: names_in_article(info, vocab) for aid, vocab in pool.articles.items()}
    for c in cands:
        c.why_not = check(info, c, named[c.passage.article_id])
    eligible = [c for c in cands if not c.why_not]
    if not eligible:
        return []
    in_form = [c for c in eligible if required_form(info, c.text)]
    if not in_form and form_is_required(info):
        return []  # "how much does X cost?": a sentence without a sum of money does not answer
    eligible = in_form or eligible  # "how much did X sell": a sum of money, when some sentence gives one
    holder = _role_holder(info, cands)
    lexical = Lexical(info, [c.terms for c in cands])
    n_pass = max(1, max(c.rank for c in cands) + 1)
    bonus: dict[int, float] = {}
    for c in eligible:
        c.lex = lexical.score(c.terms, c.near)
        bonus[id(c)] = preference(info, c.text) + _RANK_PRIOR * (1 - c.rank / n_pass)
        if holder and re.search(r"\b" + re.escape(holder) + r"\b", c.text):
            bonus[id(c)] += _HOLDER_BONUS
    if embed is not None and len(eligible) > EMBED_BUDGET:
        eligible = sorted(eligible, key=lambda c: (-(c.lex + bonus[id(c)]), c.rank, c.start))[:EMBED_BUDGET]
    cos = cosines(embed, with_context(info.text, info.context), [f"{c.lead} {c.text}".strip() for c in eligible])
    for k, c in enumerate(eligible):
        c.cos = cos[k] if cos else None
        c.relevance = relevance(c.cos, c.lex)
        if info.counted and counts(info.counted[-1], c.text):
            c.relevance += COUNT_CREDIT  # "How many years": "seven years of revenue" counts the very thing asked
        elif info.answer_type == "place" and required_form(info, c.text):
            c.relevance += COUNT_CREDIT  # "Where is X headquartered?": "Based in Hangzhou" is the very thing asked
        if holder and re.search(r"\b" + re.escape(holder) + r"\b", c.text):
            c.relevance = max(c.relevance, HOLDER_RELEVANCE)  # the attribution itself says who holds the role
        c.score = _order(c) + bonus[id(c)]
    return sorted(eligible, key=lambda c: (-c.score, c.rank, c.start))


def _order(c: Candidate) -> float:
    """What ranks eligible candidates: dense and lexical evidence blended (``LEXICAL_SHARE`` lexical),
    so the sentence that holds the question's own words beats a looser paraphrase; ``relevance``
    alone (which a paraphrase can carry) decides whether the best is good enough."""
    if c.cos is None:
        return c.relevance
    return (1 - LEXICAL_SHARE) * c.cos + LEXICAL_SHARE * c.lex


def _role_holder(info: QuestionInfo, cands: list[Candidate]) -> str:
    """For "Who is Nike's CFO?": the surname of the quoted person whose role the phrase names, or ""."""
    m = re.match(r"(?i)who(?:['’]s|\s+(?:is|was|are|were))\s+(?P<x>.+?)[?.!]*$", info.text)
    if not m or info.answer_type != "name" or not is_role_phrase(m.group("x")):
        return ""
    passages = list({c.passage.article_id: c.passage for c in cands}.values())
    name = resolve_speaker(m.group("x"), passages).name
    return name.split()[-1] if name else ""


def pick(ranked: list[Candidate], min_score: float, limit: int) -> list[Candidate]:
    """The best-ranked candidate whose relevance reaches ``min_score`` and up to ``limit - 1`` close,
    distinct others ranked after it; [] when none is relevant enough."""
    strong = [k for k, c in enumerate(ranked) if c.relevance >= min_score]
    if not strong:
        return []
    chosen = [ranked[strong[0]]]
    floor = max(min_score, 0.65 * chosen[0].relevance)
    for c in ranked[strong[0] + 1 :]:
        if len(chosen) >= limit:
            break
        if c.relevance >= floor and not any(_near_duplicate(c, o) for o in chosen):
            chosen.append(c)
    return chosen


def _near_duplicate(a: Candidate, b: Candidate) -> bool:
    if a.passage.article_id == b.passage.article_id and a.start < b.end and b.start < a.end:
        return True
    if not a.terms or not b.terms:
        return False
    return len(a.terms & b.terms) / len(a.terms | b.terms) > 0.6


def why_refused(info: QuestionInfo, pool: Pool) -> str:
    """A plain reason for a refusal, from the rule that ruled most candidates out."""
    reasons = [c.why_not for c in pool.candidates if c.why_not]
    if not pool.candidates:
        return "No retrieved passage has a usable sentence."
    if reasons and len(reasons) == len(pool.candidates):
        top = max(dict.fromkeys(reasons), key=reasons.count)  # a tie goes to the first candidate's reason
        if top == "specifier" and info.specifiers:
            return f"No retrieved sentence mentions {joined(distinct(info.specifiers))} with the rest of the question."
        if top == "specifier":  # a superlative or a rate asked, or a rival place or stage
            return "No retrieved sentence says it of exactly what the question asks."
        if top == "type":
            kind = {"amount": "an amount", "score": "a score", "number": "a number", "rank": "a rank",
                    "date": "a date", "name": "a name", "place": "a place"}.get(info.answer_type, "what it asks for")
            return f"No retrieved sentence on this gives {kind}."
        if top == "name":
            names = distinct([" ".join(r) for r in name_runs(info.text) if set(r) & set(info.key_names)]
                             or info.key_names)
            return ("No retrieved article mentions " + ("both " if len(names) == 2 else "all of " if names[2:] else "")
                    + joined(names) + ".")
        if top == "doer":  # "How many goals did Lewandowski score?": figures of others ("Kane, who has scored nine")
            names = distinct([" ".join(r) for r in name_runs(info.text) if set(r) & set(info.key_names)])
            return f"No retrieved sentence gives that figure for {joined(names) or 'what the question names'}."
        if top == "withheld":
            return "The retrieved article says this is not given."
        if top == "preview":
            return "The retrieved articles only look ahead to it; none reports the result."
    return "No retrieved sentence is relevant enough."


def from_outlets(info: QuestionInfo, passages: Sequence[Passage]) -> Sequence[Passage]:
    """The passages of the outlets the question names as its sources, when any was retrieved."""
    wanted = [o.lower().removeprefix("the ").split() for o in info.outlets]
    mine = [p for p in passages if p.source and any(all(w in p.source.lower() for w in o) for o in wanted if o)]
    return mine or passages


def fact_answer(
    info: QuestionInfo,
    question: str,
    passages: Sequence[Passage],
    embed: Embed | None,
    max_citations: int,
    min_score: float = DEFAULT_MIN_SCORE,
    voice: Sequence[Found] = (),
    outlet: str = "",
    one_voice: bool = False,
) -> Answer:
    """The best sentences of ``passages`` for a fact question, or a refusal that says why. ``voice``: the
    quotations of the person a soft speaker question named ("Why did X decide ...?", "According to X, ...");
    when any of them is relevant enough, the answer is only their words, not narration or another's quote.
    ``outlet``: the outlet asked about as a speaker ("What did Fortune say ...?"), whose articles ``passages``
    are, or one the question asks about as a voice ("Who does WIRED think ...?"): a sentence of its article that
    quotes no one is the outlet's own words and is cited as theirs. ``one_voice``: the question asks one person's
    view ("According to the head of X, why ...?"): when the best sentence quotes someone, only their words follow it."""
    pool = build_pool(from_outlets(info, passages))
    ranked = rank_candidates(info, question, pool, embed)
    limit = min(MAX_SENTENCES, max_citations)
    chosen = pick([c for c in ranked if _voiced(c, voice)], min_score, limit) if voice else []
    chosen = chosen or pick(ranked, min_score, limit)
    if not chosen and _sole_answer(info, ranked, min_score):
        chosen = ranked[:1]
    if not chosen:
        return refuse(question, why_refused(info, pool))
    if chosen[0].speaker and (one_voice or voice_asked(info.text, chosen[0].speaker)):
        # one person's view asked: the best sentence's speaker, no one else's words
        chosen = [c for c in chosen if c.speaker == chosen[0].speaker]
    if any(c.why_not == "withheld" and c.passage.article_id == chosen[0].passage.article_id
           and withholds_asked(info, c.text) and c.terms & set(info.terms) for c in pool.candidates):
        return refuse(question, "The retrieved article says this is not given.")  # "does not specify which ..."
    outlet = outlet or outlet_voice(info.text, [c.passage for c in chosen])
    if outlet and any(speaks_for(outlet, c.passage) for c in chosen):  # the outlet's view asked: its words alone
        chosen = [c for c in chosen if speaks_for(outlet, c.passage)]

    def said_by(s: Span) -> str:
        return speaker_at(s.passage, s.start, s.end) or (outlet if outlet and speaks_for(outlet, s.passage) else "")

    return sentence_answer(question, [c.span for c in chosen], said_by, name_speakers=info.who_said)


# a figure, date or name asked, and one sentence of all those retrieved carries it with everything asked about: it
# answers a little below the bar, when what the question measures ("revenue", "fine") is in it
SOLE_MARGIN = 0.05
_MEASURED = {stem(w) for w in "revenue sales profit earnings income salary wage fine price cost fee valuation funding "
             "budget debt loss turnover dividend bonus payout".split()}


def _sole_answer(info: QuestionInfo, ranked: list[Candidate], min_score: float) -> bool:
    """Is the one eligible candidate close enough to the bar ("$20 billion in sales in 2022" for "How much did
    Keytruda bring in in sales in 2022?"), naming what is measured (not a stock price for "how much revenue")?"""
    if not info.answer_type or len(ranked) != 1 or ranked[0].relevance < min_score - SOLE_MARGIN:
        return False
    return all(term_present(t, vocabulary(ranked[0].text)) for t in info.terms if t in _MEASURED)


def _voiced(c: Candidate, voice: Sequence[Found]) -> bool:
    """Does the candidate sentence hold one of these quotations (or its attribution)?"""
    return any(f.passage.article_id == c.passage.article_id
               and (f.quotation.sentence_start <= c.start < f.quotation.sentence_end
                    or c.start <= f.quotation.start < c.end) for f in voice)


__all__ = ["DEFAULT_MIN_SCORE", "EMBED_BUDGET", "Candidate", "Pool", "build_pool", "fact_answer", "pick",
           "rank_candidates", "speaker_at"]
