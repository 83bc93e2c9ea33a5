"""The default answerer: picks verbatim sentences and quotations, offline and deterministic.

No language model writes anything here. The answer is built from sentences of
the retrieved articles (cited with exact offsets) and, for "what did X say"
questions, from X's quotations found by ``index.quotations``. The only model
is an optional injected sentence encoder (``embed``) used to score sentences.

Two modes, chosen by general question patterns:

* speaker questions ("What did X say (about Y)?", "Quote X", "How did X
  respond/react", "What does X think", "What was X's reaction"): X's quotations,
  direct first then reported, newest article first, de-duplicated. Scope: every
  quotation of an article in which a retrieved chunk names X (so "he said" a few
  paragraphs later still counts), and, in other articles, only quotations that
  overlap a retrieved chunk. With a topic Y, only quotations relevant to Y. When X
  has no such quotation, the question is answered in factual mode.
* factual questions: each sentence of the retrieved chunks is scored by dense
  cosine to the question (when ``embed`` is given), weighted lexical overlap of
  content words, an answer-type bonus (when -> a date, how many -> a number, who
  -> a name) and a small retrieval-rank prior; the best 1-3 distinct sentences
  are the answer.

Refusal ("The indexed articles don't say.") when a key term of the question
(a name, or most content words) appears in no retrieved passage, when the
best sentence's relevance is below ``min_score``, or when some question word is
in no passage and the best evidence is weak (cosine < ``STRICT_COSINE``, or
lexical coverage < ``STRICT_LEXICAL`` without an encoder). Relevance is
``max(cos, (cos + lex) / 2)`` with an encoder and ``lex`` without, so dense
evidence alone (paraphrase) or dense plus lexical evidence can carry an answer,
and a stray shared word cannot. With all-MiniLM-L6-v2 a relevant sentence has
cosine above ~0.45 and an unrelated one below ~0.25.

Article text is data: it is only ever quoted, never followed, and nothing is
rendered; the answer is plain text and citations carry the raw quotes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from assistant.schema import REFUSAL, Answer, Citation, Passage
from index.quotations import Quotation, extract_quotations, speaker_matches
from index.quotations.wordlists import ROLE_WORDS
from index.text.fold import fold, verify
from index.text.sentences import sentence_spans
from index.text.terms import FUNCTION_WORDS as STOPWORDS
from index.text.terms import content_terms, stem

Embed = Callable[[list[str]], list[list[float]]]

DEFAULT_MIN_SCORE = 0.48
# Sentences embedded per answer: the best by lexical evidence and rank (keeps a query near the floor).
EMBED_BUDGET = 8
# When one sentence holds nearly all the question's words and clearly leads, the encoder is not needed.
DECISIVE_LEXICAL = 0.8
DECISIVE_MARGIN = 0.15
# When some question words are in no passage, the best sentence needs this much evidence.
STRICT_COSINE = 0.5
STRICT_LEXICAL = 0.6
# A best sentence below both of these is partial evidence: refuse.
PARTIAL_COSINE = 0.5
PARTIAL_LEXICAL = 0.55
_MAX_SENTENCES = 3
_TYPE_BONUS = 0.08
_RANK_PRIOR = 0.04

_QUESTION_WORDS = {"who", "whom", "whose", "what", "when", "where", "which", "why", "how", "many", "much"}
_GENERIC = set(
    """
    say said says tell told happen happened know think thing according article articles news report
    reported mention mentioned describe explain did does doe do get make made go went quote respond
    react response reaction comment else other more also again anything something
""".split()
)
_WORD_RE = re.compile(r"[^\W_][\w'’\-]*")
_SPEAKER_VERBS = (
    r"say|said|says|tell|told|state|stated|claim|claimed|think|believe|write|wrote|argue|argued|mean|"
    r"comment|add|added|announce|announced|want|suggest|suggested|predict|predicted|warn|warned"
)
_TAIL = r"\s*[?.!]*\s*$"
_TOPIC = r"(?:\s+(?:about|on|regarding|concerning|of|to|over|after)\s+(?P<t>.+?))?"
_SPEAKER_PATTERNS = [
    re.compile(
        r"^(?:what(?:\s+else)?|which\s+\w+)\s+(?:did|does|do|has|have|had|is|was)\s+(?P<x>.+?)\s+(?:(?:also|else)\s+)?(?:"
        + _SPEAKER_VERBS
        + r")\b"
        + _TOPIC
        + _TAIL,
        re.I,
    ),
    re.compile(r"^(?:quote|cite)\s+(?P<x>.+?)" + _TOPIC + _TAIL, re.I),
    re.compile(
        r"^how\s+(?:did|does|has|have|do|was|were)\s+(?P<x>.+?)\s+(?:respond|react|reply|answer|comment|"
        r"responded|reacted|replied|answered|commented)\b" + _TOPIC + _TAIL,
        re.I,
    ),
    re.compile(
        r"^what\s+(?:was|were|is|are)\s+(?P<x>.+?)['’]s?\s+(?:response|reaction|comments?|statements?|"
        r"remarks?|views?|position|words|quotes?)\b" + _TOPIC + _TAIL,
        re.I,
    ),
    re.compile(
        r"^did\s+(?P<x>.+?)\s+(?:say|comment)\s+(?:anything\s+)?(?:about|on)\s+(?P<t>.+?)" + _TAIL, re.I
    ),
]
_DATE_RE = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|"
    r"july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|"
    r"yesterday|today|tomorrow|tonight|last\s+(?:week|month|year)|next\s+(?:week|month|year)|"
    r"(?:1[89]|20)\d\d)\b",
    re.I,
)
_NUMBER_RE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|"
    r"millions?|billions?|half|percent)\b",
    re.I,
)
_ELSE_RE = re.compile(r"\b(?:else|other|more|also|again)\b", re.I)
_PLACE_RE = re.compile(r"\b(?:in|at|from|near|to)\s+(?:the\s+)?[A-Z]")
_NAME_RE = re.compile(r"(?<=\S\s)[A-Z][a-z]+")


# --------------------------------------------------------------------------- words


# --------------------------------------------------------------------------- question analysis


@dataclass
class QuestionInfo:
    """What the question asks, by general rules."""

    text: str
    wh: str = ""  # who/when/where/how many/how much/why/what/""
    speaker: str = ""
    topic: str = ""
    terms: list[str] = field(default_factory=list)
    key_names: list[str] = field(default_factory=list)  # capitalised words that must be found


def analyse_question(question: str) -> QuestionInfo:
    q = " ".join(question.split())
    info = QuestionInfo(text=q)
    low = q.lower()
    for wh in ("how many", "how much", "who", "whom", "whose", "when", "where", "why", "what", "which"):
        if re.search(r"\b" + wh + r"\b", low):
            info.wh = {"whom": "who", "whose": "who"}.get(wh, wh)
            break
    for rx in _SPEAKER_PATTERNS:
        m = rx.match(q)
        if m and _looks_like_speaker(m.group("x")):
            info.speaker = m.group("x").strip()
            info.topic = (m.groupdict().get("t") or "").strip()
            break
    info.terms = [t for t in content_terms(q) if t not in _GENERIC]
    words = _WORD_RE.findall(q)
    capitalised = [w for w in words[1:] if w[:1].isupper()]
    if words and len(capitalised) <= 0.6 * max(1, len(words) - 1):
        names = []
        for w in capitalised:
            low_w = w.lower()
            if (
                low_w in STOPWORDS
                or low_w in _QUESTION_WORDS
                or low_w.rstrip(".") in ROLE_WORDS
                or w.upper() == w[:1]
            ):
                continue
            names.append(w)
        info.key_names = names
    # numbers and years in a question must be found as written ("the 2030 World Cup")
    info.key_names += [w for w in words if any(ch.isdigit() for ch in w) and w not in info.key_names]
    return info


def _looks_like_speaker(x: str) -> bool:
    """A name, an organisation or a role phrase: has a capitalised word or a role noun."""
    words = _WORD_RE.findall(x)
    if not words or len(words) > 7:
        return False
    if any(w[:1].isupper() for w in words):
        return True
    return any(w.lower() in ROLE_WORDS for w in words)


# --------------------------------------------------------------------------- scoring helpers


def _cosines(embed: Embed | None, question: str, texts: list[str]) -> list[float] | None:
    """Cosine of each text to the question, from one batch call to the encoder."""
    if embed is None or not texts:
        return None
    vectors = embed([question, *texts])
    q = vectors[0]
    qn = math.sqrt(sum(x * x for x in q)) or 1.0
    out = []
    for v in vectors[1:]:
        vn = math.sqrt(sum(x * x for x in v)) or 1.0
        out.append(sum(a * b for a, b in zip(q, v, strict=False)) / (qn * vn))
    return out


def _lexical(q_terms: list[str], weights: dict[str, float], s_terms: set[str]) -> float:
    total = sum(weights[t] for t in set(q_terms))
    if total <= 0:
        return 0.0
    return sum(weights[t] for t in set(q_terms) if t in s_terms) / total


def _relevance(cos: float | None, lex: float) -> float:
    if cos is None:
        return lex
    return max(cos, (cos + lex) / 2)


def _type_bonus(wh: str, sentence: str) -> float:
    if wh == "when" and _DATE_RE.search(sentence):
        return _TYPE_BONUS
    if wh in {"how many", "how much"} and _NUMBER_RE.search(sentence):
        return _TYPE_BONUS
    if wh == "who" and _NAME_RE.search(sentence):
        return _TYPE_BONUS
    if wh == "where" and _PLACE_RE.search(sentence):
        return _TYPE_BONUS
    return 0.0


def _term_present(term: str, vocab: set[str]) -> bool:
    if term in vocab:
        return True
    if len(term) >= 5:
        return any(
            len(v) >= 5 and (v.startswith(term) or term.startswith(v)) and abs(len(v) - len(term)) <= 2
            for v in vocab
        )
    return False


_MONTHS = "January February March April May June July August September October November December".split()


def _date_words(published: str) -> str:
    """'2023-10-07T12:00:00+00:00' -> '2023 October 7 07 7th' (how questions name dates)."""
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", published)
    if not m:
        return ""
    year, month, day = m.groups()
    n = int(day)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{year} {_MONTHS[int(month) - 1]} {n} {day} {n}{suffix}"


def _passage_vocab(p: Passage) -> set[str]:
    # outlet and publication date are part of what a passage says ("as TechCrunch reported on Oct 7")
    about = " ".join([p.text, p.title or "", p.source or "", _date_words(p.published or "")])
    return {stem(w) for w in _WORD_RE.findall(about)}


def _missing_terms(info: QuestionInfo, passages: Sequence[Passage]) -> tuple[list[str], list[str]]:
    """Question words no retrieved passage (text or title) contains: (fatal, others).

    Fatal: a name, or more than half of the other content words. The others make
    the answer need stronger evidence.
    """
    vocab: set[str] = set()
    for p in passages:
        vocab |= _passage_vocab(p)
    missing = [n for n in info.key_names if not _term_present(stem(n), vocab)]
    if missing:
        return missing, []
    name_stems = {stem(n) for n in info.key_names}
    words: dict[str, str] = {}
    for w in _WORD_RE.findall(info.text):
        words.setdefault(stem(w), w)
    others = [t for t in dict.fromkeys(info.terms) if t not in name_stems]
    lost = [t for t in others if not _term_present(t, vocab)]
    shown = [words.get(t, t) for t in lost]
    if others and len(lost) * 2 > len(others):
        return shown, []
    return [], shown


def _refuse(question: str, reason: str) -> Answer:
    return Answer(
        question=question,
        standalone_question=question,
        answered=False,
        answer=f"{REFUSAL} {reason}".strip(),
        citations=[],
    )


def _citation(n: int, p: Passage, start: int, end: int, speaker: str = "", kind: str = "") -> Citation:
    quote = p.article_text[start:end]
    if not (start < end and verify(quote, p.article_text, start, end)):  # survives python -O, unlike assert
        raise ValueError(f"citation offsets {start}-{end} are outside article {p.article_id}")
    return Citation(
        n=n,
        article_id=p.article_id,
        title=p.title,
        source=p.source,
        url=p.url,
        published=p.published,
        quote=quote,
        start=start,
        end=end,
        speaker=speaker,
        verified=True,
        kind=kind,
    )


def _one_line(s: str) -> str:
    return " ".join(s.split())


def _recency_order(passages: Sequence[Passage]) -> list[int]:
    """Passage indices, newest article first, undated last, rank order otherwise."""
    idx = list(range(len(passages)))
    dated = sorted(
        (i for i in idx if passages[i].published), key=lambda i: passages[i].published, reverse=True
    )
    return dated + [i for i in idx if not passages[i].published]


# --------------------------------------------------------------------------- speaker mode


def _speaker_answer(
    info: QuestionInfo,
    question: str,
    passages: Sequence[Passage],
    embed: Embed | None,
    max_citations: int,
    min_score: float,
    shown: str = "",
) -> Answer | None:
    by_article: dict[str, list[int]] = {}
    for i, p in enumerate(passages):
        by_article.setdefault(p.article_id, []).append(i)
    surname = (info.speaker.split() or [""])[-1].lower().rstrip("'’s")
    found: list[tuple[int, Passage, Quotation]] = []
    seen_articles: set[str] = set()
    for order, i in enumerate(_recency_order(passages)):
        p = passages[i]
        if p.article_id in seen_articles:
            continue
        seen_articles.add(p.article_id)
        chunks = [passages[j] for j in by_article[p.article_id]]
        named = any(surname and surname in c.text.lower() for c in chunks)
        for q in extract_quotations(p.article_text):
            if not speaker_matches(info.speaker, q.speaker, role=q.role):
                continue
            if not named and not any(q.sentence_start < c.end and c.start < q.sentence_end for c in chunks):
                continue
            found.append((order, p, q))
    if shown:
        # a follow-up ("What else did he say?"): leave out what the previous answer already quoted
        fresh = [item for item in found if fold(item[2].quote).lower() not in shown]
        found = fresh or found
    if not found:
        return None
    if info.topic:
        topic_terms = [t for t in content_terms(info.topic) if t not in _GENERIC]
        sents = [p.article_text[q.sentence_start : q.sentence_end] for _, p, q in found]
        cos = _cosines(embed, question, sents)
        weights = {t: 1.0 for t in topic_terms}
        kept = []
        for k, item in enumerate(found):
            lex = _lexical(topic_terms, weights, set(content_terms(sents[k]))) if topic_terms else 0.0
            rel = _relevance(cos[k] if cos else None, lex)
            if lex > 0 or rel >= min_score:
                kept.append(item)
        found = kept
        if not found:
            return None
    found.sort(key=lambda x: (x[2].kind != "direct", x[0], x[2].start))
    citations: list[Citation] = []
    parts: list[str] = []
    seen: set[str] = set()
    spans: list[tuple[str, int, int]] = []
    for _, p, q in found:
        key = fold(q.quote).lower()
        if key in seen or any(aid == p.article_id and a <= q.start and q.end <= b for aid, a, b in spans):
            continue
        if any(key in s or s in key for s in seen):
            continue
        seen.add(key)
        spans.append((p.article_id, q.start, q.end))
        n = len(citations) + 1
        citations.append(_citation(n, p, q.start, q.end, q.speaker, q.kind))
        who = q.speaker if n == 1 or q.speaker_type != "person" else q.speaker.split()[-1]
        who = who[:1].upper() + who[1:]
        also = "" if n == 1 else " also"
        if q.kind == "direct":
            parts.append(f"{who}{also} said: \u201c{_one_line(q.quote)}\u201d [{n}]")
        else:
            clause = re.sub(r",([\"”’]?)$", r"\1", _one_line(q.quote).rstrip("."))
            parts.append(f"{who}{also} said that {clause}. [{n}]")
        if len(citations) >= max_citations:
            break
    return Answer(
        question=question,
        standalone_question=question,
        answered=True,
        answer=" ".join(parts),
        citations=citations,
    )


# --------------------------------------------------------------------------- factual mode


@dataclass
class _Candidate:
    passage: Passage
    rank: int
    start: int
    end: int
    text: str
    terms: set[str]
    score: float = 0.0
    relevance: float = 0.0
    lex: float = 0.0
    cos: float | None = None


def _candidates(passages: Sequence[Passage]) -> list[_Candidate]:
    out: list[_Candidate] = []
    seen_spans: set[tuple[str, int]] = set()
    seen_text: set[str] = set()
    for rank, p in enumerate(passages):
        for s, e in sentence_spans(p.article_text):
            if e <= p.start or s >= p.end:
                continue
            inside = min(e, p.end) - max(s, p.start)
            if inside * 2 < e - s:
                continue
            text = p.article_text[s:e]
            if len(text.split()) < 4 or (p.article_id, s) in seen_spans:
                continue
            key = fold(text).lower()
            if key in seen_text:
                continue  # the same sentence in a syndicated copy
            seen_spans.add((p.article_id, s))
            seen_text.add(key)
            terms = set(content_terms(text))
            speaker = _speaker_at(p, s, e)
            if speaker:  # "He told reporters ..." is also a sentence about its resolved speaker
                terms.update(content_terms(speaker))
            out.append(_Candidate(p, rank, s, e, text, terms))
    return out


def _near_duplicate(a: _Candidate, b: _Candidate) -> bool:
    if a.passage.article_id == b.passage.article_id and a.start < b.end and b.start < a.end:
        return True
    if not a.terms or not b.terms:
        return False
    return len(a.terms & b.terms) / len(a.terms | b.terms) > 0.6


def _speaker_at(p: Passage, start: int, end: int) -> str:
    for q in extract_quotations(p.article_text):
        if q.sentence_start <= start < q.sentence_end or start <= q.start < end:
            return q.speaker
    return ""


def _factual_answer(
    info: QuestionInfo,
    question: str,
    passages: Sequence[Passage],
    embed: Embed | None,
    max_citations: int,
    min_score: float,
    absent: Sequence[str] = (),
) -> Answer:
    cands = _candidates(passages)
    if info.speaker:
        # "What did X say ...?" with no quotation of X: only sentences about X can answer it
        who = {stem(w) for w in _WORD_RE.findall(info.speaker)} - {stem(r) for r in ROLE_WORDS} - _GENERIC
        who -= {stem(w) for w in STOPWORDS}
        cands = [c for c in cands if who & c.terms]
        if not cands:
            return _refuse(question, f"No retrieved passage quotes or mentions {info.speaker}.")
    numbers = [stem(n) for n in info.key_names if any(ch.isdigit() for ch in n)]
    if numbers and cands:
        # "the 2030 World Cup": an answer must come from a passage that has the number itself
        vocabs = {p.chunk_id: _passage_vocab(p) for p in passages}
        cands = [c for c in cands if all(_term_present(n, vocabs[c.passage.chunk_id]) for n in numbers)]
        if not cands:
            return _refuse(question, "No retrieved passage mentions " + ", ".join(numbers) + " with the rest.")
    if not cands:
        return _refuse(question, "No retrieved passage has a usable sentence.")
    n_docs = len(cands)
    df: dict[str, int] = {}
    for c in cands:
        for t in c.terms:
            df[t] = df.get(t, 0) + 1
    name_stems = {stem(n) for n in info.key_names}
    weights = {
        t: (1.0 + math.log((n_docs + 1) / (df.get(t, 0) + 1))) * (1.5 if t in name_stems else 1.0)
        for t in info.terms
    }
    n_pass = max(1, len(passages))
    for c in cands:
        c.lex = _lexical(info.terms, weights, c.terms) if info.terms else 0.0
    by_lex = sorted((c.lex for c in cands), reverse=True)
    if embed is not None and by_lex[0] >= DECISIVE_LEXICAL and (
        len(by_lex) == 1 or by_lex[0] - by_lex[1] >= DECISIVE_MARGIN
    ):
        embed = None
    if embed is not None and len(cands) > EMBED_BUDGET:
        # only the most promising sentences are embedded: lexical evidence first, then retrieval rank
        cands = sorted(cands, key=lambda c: (-(c.lex + _type_bonus(info.wh, c.text)), c.rank, c.start))
        cands = cands[:EMBED_BUDGET]
    cos = _cosines(embed, question, [c.text for c in cands])
    for k, c in enumerate(cands):
        c.cos = cos[k] if cos else None
        c.relevance = _relevance(c.cos, c.lex)
        short = 0.05 if len(c.text.split()) < 7 else 0.0
        c.score = c.relevance + _type_bonus(info.wh, c.text) + _RANK_PRIOR * (1 - c.rank / n_pass) - short
    ranked = sorted(cands, key=lambda c: (-c.score, c.rank, c.start))
    best = ranked[0]
    if best.relevance < min_score:
        return _refuse(
            question, f"No retrieved sentence is relevant enough (best relevance {best.relevance:.2f})."
        )
    if absent:
        # part of the question is in no passage: only clear evidence for the rest will do
        strong = (
            max((c.cos for c in cands), default=0.0) >= STRICT_COSINE if cos else best.lex >= STRICT_LEXICAL
        )
        if not strong:
            return _refuse(question, "Not found in the retrieved articles: " + ", ".join(absent) + ".")
    q_terms = set(info.terms)
    cover = len(q_terms & best.terms) / len(q_terms) if q_terms else 1.0
    if best.cos is not None and best.cos < PARTIAL_COSINE and (best.lex < PARTIAL_LEXICAL or cover <= 0.5):
        # the best sentence shares only part of the question and is not close in meaning either
        return _refuse(question, "The retrieved sentences match only part of the question.")
    chosen = [best]
    floor = max(min_score, 0.8 * best.relevance)
    for c in ranked[1:]:
        if len(chosen) >= min(_MAX_SENTENCES, max_citations):
            break
        if c.relevance >= floor and not any(_near_duplicate(c, o) for o in chosen):
            chosen.append(c)
    citations = []
    parts = []
    for n, c in enumerate(chosen, start=1):
        citations.append(_citation(n, c.passage, c.start, c.end, _speaker_at(c.passage, c.start, c.end)))
        parts.append(f"{_one_line(c.text)} [{n}]")
    return Answer(
        question=question,
        standalone_question=question,
        answered=True,
        answer=" ".join(parts),
        citations=citations,
    )


# --------------------------------------------------------------------------- entry point


def answer_extractive(
    question: str,
    passages: list[Passage],
    *,
    embed: Embed | None,
    max_citations: int = 4,
    min_score: float = DEFAULT_MIN_SCORE,
    already_shown: str = "",
) -> Answer:
    """Answer from verbatim sentences/quotations of ``passages`` or refuse; see the module docstring."""
    question = question.strip()
    if not question:
        return _refuse(question, "The question is empty.")
    if not passages:
        return _refuse(question, "No passages were retrieved.")
    info = analyse_question(question)
    missing, absent = _missing_terms(info, passages)
    if missing:
        return _refuse(
            question, "Not found in the retrieved articles: " + ", ".join(dict.fromkeys(missing)) + "."
        )
    if info.speaker:
        shown = fold(already_shown).lower() if _ELSE_RE.search(question) else ""
        answer = _speaker_answer(info, question, passages, embed, max(1, max_citations), min_score, shown)
        if answer is not None:
            return answer
    return _factual_answer(info, question, passages, embed, max(1, max_citations), min_score, absent)


__all__ = [
    "DEFAULT_MIN_SCORE",
    "QuestionInfo",
    "analyse_question",
    "answer_extractive",
    "content_terms",
    "stem",
]
