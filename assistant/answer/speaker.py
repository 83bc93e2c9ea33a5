"""Strict speaker mode: "What did X say (about Y)?" answered only from X's attributed quotations.

Never narration, never another person's words. The quotations come from ``quotations.resolve_speaker``. Without a
topic, X's quotations are shown direct first, newest article first. With a topic, each quotation is scored by the
topic's words in the quotation's sentence and the sentence before it (an interview answer: the whole question
paragraph before it; ``lex``) and, with an encoder, the cosine between the topic and that sentence (``cos``; the
better of the topic as asked and the topic with its possessive read as the speaker, "its shutdown" -> "Bittrex's
shutdown"); a quotation is about the topic when ``lex >= TOPIC_LEXICAL`` or ``cos >= TOPIC_COSINE`` or their mean
clears ``TOPIC_MIXED``, or the topic's cosine to the quotation's sentence read with the one before it (which often
says what the quote answers) reaches ``CONTEXT_COSINE``. After those, quotations of an article whose opening is on
the topic, and quotations whose narration leading up to them (back to the speaker's quotation before, at most
``SECTION_BACK`` sentences, within the section) holds every topic word: a round-up's game told three sentences
before its coach speaks. Quotations on the topic rank by ``lex`` plus the better of the two cosines (a quote
introduced by the topic ranks by its introduction); a quote the speaker said right after one on the topic, in the
same paragraph ('"Let's go," Moore said. "That's it …"'), follows those on it. Several topics ("..., and what did he
say about Z?") each get their best quotations.

A topic that is the occasion ("to reporters", "in a statement", "on his podcast", "on Friday": ``is_occasion``) which
no quotation names is answered with X's quotations as without a topic.

When X is mentioned but never quoted, or quoted but never on the topic, the answer says exactly
that, in plain words, with ``answered`` false.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer.citations import citation, refuse, said
from assistant.answer.question import QuestionInfo, name_runs
from assistant.answer.quotations import Found, resolve_speaker
from assistant.answer.similarity import Embed, cosines_to
from assistant.answer.words import GENERIC, WORD_RE, content_terms, stem, term_present, vocabulary
from assistant.schema import Answer, Passage
from index.quotations.wordlists import without_suffix
from index.text.fold import fold
from index.text.sentences import Layout, layout, sentence_spans

TOPIC_LEXICAL = 0.5
TOPIC_COSINE = 0.45
TOPIC_MIXED = 0.42
CONTEXT_COSINE = 0.55  # the topic against the quote's sentence with the one before it
# ... or when the article's title and first sentences are about it (its quotations react to the topic)
LEDE_LEXICAL = 0.6
LEDE_COSINE = 0.55
# ... or when the sentences leading up to it in its section name the topic (a round-up's game: "... a tough loss
# that ended a gruelling road trip. [two sentences] But Breakers coach Mody Maor was in no mood ...")
SECTION_LEXICAL = 0.75  # every word of the topic; of a topic of four words or more, all but one
SECTION_BACK = 6
# a quotation goes on from the speaker's one before it in its paragraph with at most this much text between them
CARRIED_GAP = 200
DIRECT_BONUS = 0.4  # among quotations on the topic, the speaker's own words come first
POSITION_DECAY = 0.93
HEAD_BONUS = 0.3
REPORT_SENTENCE_MAX = 400  # reported speech is cited as its whole sentence up to this length
OPENERS = "\"“‘'«„"  # a sentence that opens with a quote mark goes on from the quote before it
CONTINUED = 3  # sentences of one speaker's run of quotes read back for the topic
_COUNTS = {1: "once", 2: "twice"}


def speaker_answer(
    info: QuestionInfo, question: str, passages: Sequence[Passage], embed: Embed | None, max_citations: int,
    shown: str = "",
) -> Answer:
    res = resolve_speaker(info.speaker, passages, " ".join([*info.topics, info.context]))  # "the exchange": Binance
    who = res.name or info.speaker
    if not res.found:
        if res.mentioned:
            return refuse(question, f"The retrieved articles mention {info.speaker} but never quote them.")
        return refuse(question, f"No retrieved article quotes or mentions {info.speaker}.")
    found = _distinct(res.found)
    if shown:
        fresh = [f for f in found if fold(f.quotation.quote).lower() not in shown]
        if not fresh:
            return refuse(question, f"The articles quote {who} only in what was already shown.")
        found = fresh
    topics = [t for t in info.topics if t] if info.topics else []
    if not topics:
        return _render(question, _newest_direct_first(found)[:max_citations])
    chosen: list[Found] = []
    missed: list[str] = []
    per_topic = max(1, max_citations // len(info.topics))
    for topic in info.topics:
        if not topic:
            rest = [f for f in _newest_direct_first(found) if f not in chosen]
            chosen += rest[:1]
            continue
        ranked = _about(topic, found, embed, who)
        if not ranked and is_occasion(topic, question):
            ranked = _newest_direct_first(found)  # "in a statement", "to reporters": when, not what about
        if not ranked:
            missed.append(topic)
        picked: list[Found] = []
        for f in ranked:
            if f not in chosen and not _restated(f, chosen + picked):
                picked.append(f)
        chosen += picked[:per_topic]
    if not chosen:
        n = len(found)
        times = _COUNTS.get(n, f"{n} times")
        none = "not" if n == 1 else "neither time" if n == 2 else "none of them"
        about = " or ".join(missed)
        return refuse(question, f"The articles quote {who} {times}, {none} about {about}.")
    return _render(question, chosen[:max_citations])


_OCCASION = re.compile(
    r"^(?:(?:a|an|the|his|her|their|its|this|that|last|on)\s+)?(?:[\w'’-]+\s+){0,2}?(?:reporters|journalists|the\s+press|"
    r"press|conference|presser|statement|interview|briefing|podcast|show|broadcast|call|post|posts|tweet|video|"
    r"speech|address|testimony|release|email|letter|memo|blog|x|twitter|instagram|tiktok|facebook|threads|"
    r"social\s+media|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|today|yesterday)"
    r"(?:\s+(?:with|to|on|for)\s+[\w'’ .-]+)?$", re.I)


def is_occasion(topic: str, question: str) -> bool:
    """Is the topic when or where X spoke ("to reporters", "in a statement", "on his podcast", "on Friday"), not
    what about? Then X's quotations answer it even when none names the occasion."""
    if not _OCCASION.match(topic.strip()):
        return False
    return bool(re.search(r"\b(?:to|at|in|on|during|via|through)\s+" + re.escape(topic.strip()) + r"\s*[?.!]*$",
                          question.strip()))


def _distinct(found: list[Found]) -> list[Found]:
    """Drop repeats: the same words (syndicated copies; of a quote one copy cuts short, "They're overdoing it." and
    "They're overdoing it a little bit, for sure", the longer, in the place of the first) or a span inside another
    of the same article."""
    out: list[Found] = []
    keys: list[str] = []
    for f in found:
        q = f.quotation
        key = fold(q.quote).lower().strip().rstrip(".,;:!?…").rstrip()
        shorter = next((k for k, have in enumerate(keys) if have in key and have != key), None)
        if shorter is not None and out[shorter].passage.article_id != f.passage.article_id:
            out[shorter], keys[shorter] = f, key
            continue
        if any(key in k or k in key for k in keys):
            continue
        if any(o.passage.article_id == f.passage.article_id and o.quotation.start <= q.start < o.quotation.end
               for o in out):
            continue
        keys.append(key)
        out.append(f)
    return out


def _newest_direct_first(found: list[Found]) -> list[Found]:
    order = {aid: k for k, aid in enumerate(dict.fromkeys(
        f.passage.article_id for f in sorted(found, key=lambda f: f.passage.published or "", reverse=True)))}
    return sorted(found, key=lambda f: (f.quotation.kind != "direct", order[f.passage.article_id], f.quotation.start))


def _place(f: Found, found: list[Found]) -> tuple[Layout, int | None, set[int]]:
    """The article's layout, the index of the quotation's sentence in it (None when no sentence holds its start), and
    where the speaker's quotations of that article begin their sentences."""
    lay = layout(f.passage.article_text)
    k = next((i for i, s in enumerate(lay.sentences) if s[0] <= f.quotation.sentence_start < s[1]), None)
    return lay, k, {o.quotation.sentence_start for o in found if o.passage.article_id == f.passage.article_id}


def _contexts(f: Found, found: list[Found]) -> tuple[str, str]:
    """The quotation's sentence and the sentence before it (which often says what it answers; for an answer opening
    its paragraph after a question, the whole question paragraph); and, for a quote
    that goes on from the same speaker's quote before it ('Djokovic spoke about Federer and Nadal. "…," he
    said. "We're not friends …"'), from the sentence before the first of them (up to ``CONTINUED`` back)."""
    text = f.passage.article_text
    q = f.quotation
    lay, k, starts = _place(f, found)
    if k is None:
        own = text[q.sentence_start : q.sentence_end]
        return own, own
    spans = lay.sentences
    first = k
    while first > 0 and k - first < CONTINUED and spans[first - 1][0] in starts and text[spans[first][0]] in OPENERS:
        first -= 1
    lead = k - 1  # an answer opening its paragraph after a question paragraph: the whole question says what it answers
    asked = lead >= 0 and text[spans[lead][0] : spans[lead][1]].rstrip().endswith("?")
    if asked and "\n" in text[spans[lead][1] : spans[k][0]]:
        while lead > 0 and "\n" not in text[spans[lead - 1][1] : spans[lead][0]]:
            lead -= 1
    return text[spans[max(0, lead)][0] : q.sentence_end], text[spans[max(0, min(lead, first - 1))][0] : q.sentence_end]


def _section(f: Found, found: list[Found]) -> str:
    """The narration leading up to the quotation: up to ``SECTION_BACK`` sentences back, stopping at its section's
    heading and at the speaker's quotation before it (which the narration before that introduced)."""
    lay, k, quoted = _place(f, found)
    if k is None:
        return ""
    first = k
    while first > 0 and k - first < SECTION_BACK and first not in lay.headings and \
            lay.sentences[first - 1][0] not in quoted:
        first -= 1
    return f.passage.article_text[lay.sentences[first][0] : f.quotation.sentence_start]


def _lede(p: Passage) -> str:
    """The article's title and its first two full sentences: what the article is about."""
    text = p.article_text
    firsts = [text[a:b] for a, b in sentence_spans(text) if len(text[a:b].split()) >= 8][:2]
    return " ".join([p.title, *firsts])


def _head(topic: str) -> str:
    """The topic's head noun ("mistake" in "Reece James's mistake", "relationship" in "his relationship
    with Federer and Nadal"): a quotation whose own sentence holds it is on the topic, and ranks higher."""
    first = re.split(r"\s(?:of|with|for|to|in|on|at|against|after|before|about|between|from)\s", topic, maxsplit=1)[0]
    terms = [t for t in content_terms(first) if t not in GENERIC]
    return terms[-1] if terms else ""


def _owned(topic: str, who: str) -> str:
    """The topic with its possessive pronoun read as the speaker ("its shutdown" -> "Bittrex's shutdown"): the
    encoder compares what the words are about, and "its" alone says nothing."""
    return re.sub(r"(?i)\b(?:his|her|its|their)\b", lambda m: who + "'s", topic, count=1) if who else topic


def _about(topic: str, found: list[Found], embed: Embed | None, who: str = "") -> list[Found]:
    """The quotations about ``topic``, best first (see the module docstring for the rule)."""
    terms = [t for t in dict.fromkeys(content_terms(topic)) if t not in GENERIC]
    pairs = [_contexts(f, found) for f in found]
    contexts = [vocabulary(own) for own, _ in pairs]
    runs = [vocabulary(run) if run != own else contexts[k] for k, (own, run) in enumerate(pairs)]
    ledes = {f.passage.article_id: _lede(f.passage) for f in found}
    sentences = [f.passage.article_text[f.quotation.sentence_start : f.quotation.sentence_end] for f in found]
    owned = _owned(topic, who)  # the quotation's sentence as close to "Bittrex's shutdown" as to "its shutdown"
    n = len(found)
    both = cosines_to(embed, [topic, owned], [fold(s) for s in sentences] + list(ledes.values())
                      + [fold(own) for own, _ in pairs])
    cos = [max(a, b) for a, b in zip(both[0][:n], both[1], strict=False)] if both else None
    lede_cos = dict(zip(ledes, both[0][n : n + len(ledes)], strict=True)) if both else {}
    ctx_cos = both[0][n + len(ledes) :] if both else None

    head = _head(topic)
    mine = {stem(w) for w in WORD_RE.findall(who)}
    # (``name_runs`` reads past a question's first word; "X " stands in for it, so the topic's first word counts too)
    fulls = [[stem(w.removesuffix("'s").removesuffix("’s")) for w in r] for r in name_runs("X " + topic) if len(r) >= 2]
    named = next((r for r in fulls if not set(r) & mine), [])  # a full name the topic is about, not the speaker's

    def share(vocab: set[str]) -> float:
        return sum(term_present(t, vocab) for t in terms) / len(terms) if terms else 0.0

    own_tier, article_tier = [], []
    position: dict[str, int] = {}
    for k, f in enumerate(found):
        aid = f.passage.article_id
        lex, c = share(contexts[k]), (cos[k] if cos else None)
        run_lex = max(lex, share(runs[k]))  # on the topic, also when the quote before it set the topic
        lede_lex, lc = share(vocabulary(ledes[aid])), lede_cos.get(aid)
        pos = position.get(aid, 0)
        position[aid] = pos + 1
        direct = DIRECT_BONUS if f.quotation.kind == "direct" else 0.0
        said = vocabulary(sentences[k])
        in_words = bool(head) and term_present(head, said)
        if named and all(term_present(t, said) for t in named):
            in_words = True  # "Dave Clark's role in buying Deliverr": "I give all the credit ... to Dave Clark"
        dense = c is not None and (c >= TOPIC_COSINE or (c + lex) / 2 >= TOPIC_MIXED
                                   or ctx_cos is not None and ctx_cos[k] >= CONTEXT_COSINE)
        if in_words or run_lex >= TOPIC_LEXICAL or dense:
            near = max(c or 0.0, ctx_cos[k] if ctx_cos is not None else 0.0)  # its sentence, or with the one before
            own_tier.append((lex + near + direct + HEAD_BONUS * in_words, k))
        elif lede_lex >= LEDE_LEXICAL or (lc is not None and lc >= LEDE_COSINE):
            # an article about the topic answers it first with its earliest quotations
            article_tier.append(((lede_lex + (lc or 0.0)) * POSITION_DECAY**pos + direct, k))
        elif (sec := share(vocabulary(_section(f, found)))) >= SECTION_LEXICAL:
            article_tier.append((sec * POSITION_DECAY**pos + direct, k))
    on = {k: score for score, k in own_tier}
    for k, j in _echoes(found):  # 'said he hoped Los Pumas "inspired" Argentina "not by our results but ..."':
        if k in on and on.get(j, -1.0) < on[k]:  # the whole quote it echoes comes first
            own_tier = [(score, i) for score, i in own_tier if i != j] + [(on[k] + 0.01, j)]
            on[j] = on[k] + 0.01
    carried = []  # '"Let's go," Moore said. "That's it. The players …"': one answer, one topic; after those on it
    for k, f in enumerate(found):
        before = _said_just_before(f, found)
        if k not in on and before is not None and before in on:
            carried.append((on[before], k))
    ranked = sorted(own_tier, key=lambda x: -x[0]) + sorted(carried, key=lambda x: -x[0]) + sorted(
        article_tier, key=lambda x: -x[0])
    return [found[k] for _, k in ranked]


ECHO_WORDS = 4  # a direct fragment this long, its words (``ECHO_SHARE`` of them) in a longer direct quote of the
ECHO_SHARE = 0.9  # same article, echoes it


def _echoes(found: list[Found]) -> list[tuple[int, int]]:
    """(k, j): the sentence of quotation k quotes a fragment of at least ``ECHO_WORDS`` words whose words are
    nearly all in the longer direct quotation j of the same article (a report that quotes a few words of what the
    article quotes in full elsewhere)."""
    wholes = {j: WORD_RE.findall(fold(g.quotation.quote).lower()) for j, g in enumerate(found)
              if g.quotation.kind == "direct"}
    vocab = {j: set(words) for j, words in wholes.items()}
    pairs = []
    for k, f in enumerate(found):
        q, text = f.quotation, f.passage.article_text
        for m in _FRAGMENT.finditer(fold(text[q.sentence_start : q.sentence_end])):
            frag = WORD_RE.findall(m.group(1).lower())
            if len(frag) < ECHO_WORDS:
                continue
            for j, whole in wholes.items():
                if j != k and found[j].passage.article_id == f.passage.article_id and len(whole) > len(frag) + 2 \
                        and sum(w in vocab[j] for w in frag) >= ECHO_SHARE * len(frag):
                    pairs.append((k, j))
    return pairs


_FRAGMENT = re.compile(r'"([^"]+)"')  # (in folded text, where every double quote mark is a straight one)


RESTATED = 0.6  # a report sharing this much of its content words with one already chosen says it again


def _restated(f: Found, chosen: list[Found]) -> bool:
    """Is ``f`` a report of what an already chosen quotation says ("he would speak during a scheduled hearing
    Friday" after "he will speak at the hearing on Friday")? Then a quotation saying something else goes in its
    place."""
    if f.quotation.kind != "reported":
        return False
    mine = set(content_terms(f.quotation.quote))
    for o in chosen:
        theirs = set(content_terms(o.quotation.quote))
        if mine and theirs and len(mine & theirs) >= RESTATED * len(mine | theirs):
            return True
    return False


def _said_just_before(f: Found, found: list[Found]) -> int | None:
    """The index of the quotation the same speaker said just before ``f`` in the same paragraph (only the
    attribution or a sentence of narration between them: '"Let's go," Moore said. "That's it …'), or None."""
    text = f.passage.article_text
    for k, o in enumerate(found):
        if o is f or o.passage.article_id != f.passage.article_id or o.speaker != f.speaker:
            continue
        gap = text[o.quotation.end : f.quotation.start]
        if o.quotation.end <= f.quotation.start and "\n" not in gap and len(gap) <= CARRIED_GAP:
            return k
    return None


def _surname(speaker: str) -> str:
    """How a person is named again: "Petersen" for "Ryan Petersen" and for an organisation speaking through
    him, "Flexport (Flexport founder Ryan Petersen)"; a surname keeps its lower-case particles ("ten Hag")."""
    inner = re.fullmatch(r".+? \((.+)\)", speaker)
    words = without_suffix((inner.group(1) if inner else speaker).split())  # "Robert F. Kennedy Jr.": Kennedy
    k = len(words) - 1
    while k > 1 and words[k - 1].islower():
        k -= 1
    return " ".join(words[k:])


def _report(f: Found) -> tuple[int, int]:
    """The span cited for ``f``: a direct quote as said; reported speech as the article's whole sentence, so that its
    verb and its subject stay the article's ("Berhalter confirmed that ...", not "X said that ..."), unless that
    sentence runs past ``REPORT_SENTENCE_MAX`` characters or opens on a direct quote."""
    q, text = f.quotation, f.passage.article_text
    a, b = q.sentence_start, q.sentence_end
    if q.kind != "reported" or not (a <= q.start and q.end <= b) or b - a > REPORT_SENTENCE_MAX:
        return q.start, q.end
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if text[a] in OPENERS and a < q.start:  # '"We're ready," she said, adding that ...': the quote is cited apart
        return q.start, q.end
    return a, b


def _render(question: str, chosen: list[Found]) -> Answer:
    citations, parts = [], []
    first_name = ""
    cited: set[tuple[str, int, int]] = set()
    for f in chosen:
        q = f.quotation
        start, end = _report(f)
        if (f.passage.article_id, start, end) in cited:  # two reported clauses of one sentence: cited once
            continue
        cited.add((f.passage.article_id, start, end))
        n = len(citations) + 1
        citations.append(citation(n, f.passage, start, end, f.speaker, q.kind))
        # the first speaker again ("Swift" after "Taylor Swift" too) is named by surname; another Clark in full
        same = f.speaker == first_name or bool(first_name) and _surname(f.speaker) == f.speaker
        name = _surname(f.speaker) if same and q.speaker_type == "person" else f.speaker
        name = name[:1].upper() + name[1:]
        quote = f.passage.article_text[start:end]
        named = q.kind == "reported" and _surname(f.speaker) in quote
        parts.append(said(name if q.kind == "direct" else f.speaker, quote, q.kind, n, again=same, named=named))
        first_name = first_name or f.speaker
    return Answer(
        question=question, standalone_question=question, answered=True, answer=" ".join(parts), citations=citations
    )


__all__ = ["CONTEXT_COSINE", "TOPIC_COSINE", "TOPIC_LEXICAL", "TOPIC_MIXED", "speaker_answer"]
