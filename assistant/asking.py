"""The question inside the way it was asked: "Quick question: how many ...", "Can you tell me what did X say
about Y", "According to the articles, who won?", "..., please?", "how many people came" typed in lower case
without a question mark.

``plain_question`` takes the asking words off (a greeting, "quick question:", "I'd like to know", "do you know",
"could you check:", "can you / could you / please" before "tell me", "tell me" before a question in its own word
order, "according to / based on the articles", a trailing "please" / "thanks", a request after the question mark
such as "Please cite the article."), gives the question a capital and, when it opens
with a question word, its question mark. Everything else is left as typed: "Tell me what X said" stays (that
is how a speaker question is asked), and "According to Varga, ..." names a source, not the articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from assistant.answer.speaker_question import asking_verbs, find_speaker
from assistant.answer.words import COUNTRY_NAMES
from index.quotations.wordlists import ROLE_WORDS
from index.text.terms import FUNCTION_WORDS

_GREETING = r"(?:(?:hey|hi|hello|ok|okay|so|well|right|um|hmm)\b[,!.]?\s+)*"
_ASKING = (
    r"(?:(?:a\s+|one\s+)?(?:quick|simple|short)\s+question|question)\s*[:,\-–—]\s*"
    r"|(?:i(?:['’]d|\s+would)\s+like\s+to\s+know|i\s+want\s+to\s+know|i(?:['’]m|\s+am)\s+wondering|i\s+wonder(?:ed)?|"
    r"i\s+was\s+wondering)\b\s*[:,\-–—]?\s*"
    r"|(?:do|did|would)\s+you\s+(?:happen\s+to\s+)?know\b\s*[:,]?\s*"
    r"|(?:(?:do\s+)?you\s+have\s+)?any\s+idea\b\s*[:,]?\s*|(?:real|very)\s+quick(?:ly)?\s*[:,\-–—]+\s*|quick\s+one\s*[:,\-–—]+\s*"
    r"|just\s+wondering\b\s*[:,\-–—]?\s*"
    r"|(?:(?:can|could|would)\s+you\s+(?:please\s+)?|please\s+)?(?:check|find\s+out|look\s+up|confirm|verify)\s*[:\-–—]\s*"
    r"|(?:according\s+to|based\s+on|going\s+by|from|using|search|look\s+(?:in|through)|in)\s+"
    r"(?:the|these|those|your|my|our)\s+(?:indexed\s+)?"
    r"(?:articles?|sources?|news|documents?|stories|coverage|reports?)\s*[:,]\s*"
    r"|i\s+need\s+to\s+know\b\s*[:,]?\s*"
    r"|from\s+what\s+you(?:['’]ve|\s+have)?\s+(?:indexed|read|got|know|have)\s*[:,]\s*"
)
_PREFIX = re.compile(r"^\s*" + _GREETING + r"(?:" + _ASKING + r")", re.I)
# a lead-in of words that only ask, before a comma, colon or dash and the question ("Just curious, ...", "Out of
# curiosity, ...", "Sorry, ...", "Q: ...", "Please answer: ...", "Can you look into this: ...", "Quick check - ..."),
# or "Do the articles say" before it; a lead-in with any other word ("After the final, ...") is part of the question
_CHATTER_WORDS = frozenset(
    "just so ok okay well sorry curious curiosity out of q question quick quickly check please pls plz answer help me "
    "can could would you look into this one given the coverage articles article sources source news stories a an "
    "honest honestly seriously random by way btw also now next another follow up simple".split())
_WH = (r"(?=(?:what|who|whom|whose|which|when|where|why|how|did|does|do|is|are|was|were|has|have|had|can|could|will|"
       r"would|should)\b)")
_LEAD_IN = re.compile(r"^\s*((?:[\w'’]+\s+){0,5}[\w'’]+)\s*(?:[,:]|\s[-–—])\s*" + _WH, re.I)
_DO_THEY_SAY = re.compile(r"^\s*(?:do|does)\s+(?:the|any|your)\s+(?:articles?|sources?|news|coverage|stories|"
                          r"reports?)\s+(?:say|mention|tell|show)\s+" + _WH, re.I)


def _without_lead_in(q: str) -> str:
    """``q`` without a lead-in of asking words (``_CHATTER_WORDS``) or "Do the articles say" before the question."""
    m = _LEAD_IN.match(q)
    if m and all(w.lower() in _CHATTER_WORDS for w in m.group(1).split()):
        return q[m.end() :]
    return _DO_THEY_SAY.sub("", q, count=1)


# a greeting before the question itself: "Hey, what did X say?", "Hi! How many ...?", "Hello there, who won?"
_HELLO = re.compile(r"^\s*(?:(?:hey|hi|hello|hiya|greetings|good\s+(?:morning|afternoon|evening)|so|ok|okay|well|"
                    r"alright|right|hmm+|um+|uh+|oh|ah)(?:\s+there)?"
                    r"\s*[,!.]+\s*|(?:hey|hi|hello)\s+(?=(?:what|who|how|when|where|which|why|did|does|is|was)\b))+",
                    re.I)
# a request after the question: "… ? Please cite the article.", "… ? Sources please.", "… ? Be brief."
_AFTERWORD = re.compile(r"(?<=[?.!])\s+(?:(?:please\s+)?(?:cite|quote|give|include|show|add|list|link)\s+(?:me\s+)?"
                        r"(?:the|your|a|its|some)?\s*(?:article|articles|source|sources|citations?|references?|"
                        r"links?|evidence)\b|(?:sources?|citations?)\s*,?\s*please\b|be\s+brief\b|keep\s+it\s+short\b|"
                        r"(?:a\s+)?(?:short|brief|quick)\s+answer\b|briefly\b|in\s+short\b|thanks\b|thank\s+you\b|"
                        r"\(\s*(?:with|incl\.?|including)?\s*(?:sources?|citations?|references?|links?)(?:\s+please)?\s*\))"
                        r"[^?]*$", re.I)
_POLITE_TELL = re.compile(r"^\s*" + _GREETING + r"(?:(?:can|could|would|will)\s+you\s+(?:please\s+|pls\s+|plz\s+)?|"
                          r"(?:please|pls|plz)\s+)"
                          r"(?=(?:tell|show|give)\s+me\b)", re.I)
# "tell me" before a question in its own order ("tell me what did X say", "tell me did Y win", "tell me who won",
# "tell me how many ..."), not before "what X said" (a speaker question asked that way)
_AUX = r"(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could|should)\b"
_TELL_DIRECT = re.compile(r"^\s*(?:tell|show)\s+me\s*[:,]?\s+(?=(?:what|how)\s+(?:" + _AUX[3:-3] + r"|many|much|long|"
                          r"old|big|far|often)\b|(?:who|whom|which|when|where|why)\b|" + _AUX + r")", re.I)
_SUFFIX = re.compile(r"[,;\s]+(?:please|thanks|thank\s+you|thx|cheers|do\s+you\s+know|any\s+idea|"
                     r"(?:according\s+to|based\s+on|going\s+by)\s+(?:the|these|your)\s+(?:news|articles?|sources?|"
                     r"reports?|coverage|stories))\s*[.!]*(?=\s*[?.!]*\s*$)", re.I)
# a question closed with a full stop ("How many came."), not an abbreviation's ("… in the U.S.")
_STOP_END = re.compile(r"\.\s*$")
_ABBREVIATION_END = re.compile(r"(?:[A-Z]|\b(?:Inc|Ltd|Co|Jr|Sr|St|vs|No))\.\s*$")
_QUESTION_WORD = re.compile(r"^(?:what|who|whom|whose|which|when|where|why|how|is|are|was|were|did|does|do|has|have|"
                            r"had|can|could|will|would|should)\b", re.I)


def plain_question(question: str) -> str:
    """``question`` without the words that only ask it (see the module docstring); unchanged when there are none."""
    q = _AFTERWORD.sub("", question.strip())
    for _ in range(3):  # "Hi, quick question: can you tell me ..."
        q = _HELLO.sub("", q, count=1)
        q = _PREFIX.sub("", q, count=1)
        q = _POLITE_TELL.sub("", q, count=1)
        q = _TELL_DIRECT.sub("", q, count=1)
        q = _without_lead_in(q)
    q = _SUFFIX.sub("", q).strip()
    if not q:
        return question
    q = q[:1].upper() + q[1:]
    if _QUESTION_WORD.match(q) and _STOP_END.search(q) and not _ABBREVIATION_END.search(q):
        q = _STOP_END.sub("", q)
    if _QUESTION_WORD.match(q) and q[-1:] not in "?.!":
        q += "?"
    return q


def cased_names(names: Iterable[str]) -> dict[str, str]:
    """A name's lower-case form -> the name ("dmitry peskov" -> "Dmitry Peskov"), for the speakers the index knows, and
    the first name and surname of each full name ("peskov" -> "Peskov"); a one-word name that is no part of a full
    name ("Time") or is a function word ("Will") is left out."""
    names = list(names)
    parts = [w for n in names if len(n.split()) > 1 for w in (n.split()[0], n.split()[-1])]  # "Peskov", "Dmitry"
    surnames = {w.lower() for w in parts}
    out: dict[str, str] = {}
    for name in [*names, *parts]:
        words = name.split()
        if not words or len(words) > MAX_NAME_WORDS or not all(w[:1].isupper() for w in words):
            continue
        if len(words) == 1 and (len(name) < 3 or name.lower() in FUNCTION_WORDS or name.lower() not in surnames):
            continue  # one word: only the first name or surname of a full name ("Peskov"; not "Time", "Back")
        out.setdefault(name.lower(), name)
    return out


MAX_NAME_WORDS = 4
_WORD = re.compile(r"[^\W_][\w.-]*")  # a word of a name: letters first, then letters, digits, dots, hyphens


# "And where did she study?", "So how many ...?": a follow-up's link word, read before the question is condensed
_LINK_WORD = re.compile(r"^\s*(?:and|so|but|also)\s+(?=(?:what|who|whom|whose|which|when|where|why|how|is|are|was|were|"
                        r"did|does|do|has|have|had|can|could|will|would)\b)", re.I)


def unlinked(question: str) -> str:
    """A condensed question without the "And" / "So" it was asked with ("And where did Jo Reid study?" -> "Where did
    Jo Reid study?"): the link told the condenser it follows on, and is no part of what is asked."""
    q = _LINK_WORD.sub("", question, count=1)
    return q[:1].upper() + q[1:] if q != question else question


def unshouted(question: str) -> str:
    """A question typed all in capitals ("WHAT DID PESKOV SAY?") in lower case, for the names to take the capitals the
    index gives them as in one typed in lower case; any other question as typed."""
    letters = [ch for ch in question if ch.isalpha()]
    return question.lower() if len(letters) >= 8 and not any(ch.islower() for ch in letters) else question


def typed_in_lower_case(question: str) -> bool:
    """No capital past the first letter: "what did dmitry peskov say?" (names the reader did not capitalise)."""
    return not any(ch.isupper() for ch in question[1:])


def with_capitals(question: str, cased: Mapping[str, str]) -> str:
    """A question typed all in lower case ("what did dmitry peskov say?") with the capitals of the names it types
    ("What did Dmitry Peskov say?"): a full name the index knows anywhere, and in the speaker slot of a speaker
    question a surname it knows ("what did peskov say") or any name of two words or more ("what did sam asghari
    say": someone never quoted is still asked about). Other words keep their case; a question with any capital
    past its first letter is left as typed."""
    if not typed_in_lower_case(question):
        return question
    spans = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(question)]
    out, pos, k = [], 0, 0
    while k < len(spans):
        for n in range(min(MAX_NAME_WORDS, len(spans) - k), 1, -1):
            run = spans[k : k + n]
            if any(question[run[j][1] : run[j + 1][0]] != " " for j in range(n - 1)):
                continue  # a name's words are one space apart
            name = cased.get(" ".join(w for _, _, w in run))
            if name is not None:
                out.append(question[pos : run[0][0]] + name)
                pos, k = run[-1][1], k + n
                break
        else:
            k += 1
    return _speaker_capitals("".join(out) + question[pos:], cased)


def capitals_from(question: str, texts: Iterable[str], typed_lower: bool = False) -> str:
    """A question typed all in lower case with the capitals the retrieved ``texts`` give its words: a word they
    write at least twice, always capitalised where no sentence starts (not in a web address: "oregon.gov"):
    "daye" -> "Daye", "tiktok" -> "TikTok", never "time", which they also write in lower case; and the names of
    countries and peoples ("the united states" -> "the United States") the texts never write in lower case (a
    "turkey" of a recipe stays one). Unchanged when typed with capitals, unless ``typed_lower`` says the reader typed
    it in lower case (a follow-up condensed with the capitals of the turn before: "How much had shopify paid for
    Flexport?")."""
    if not typed_lower and not typed_in_lower_case(question):
        return question
    body = "\n".join(texts)
    keep = FUNCTION_WORDS | asking_verbs() | ROLE_WORDS
    forms: dict[str, str] = {}
    for word in {w.lower() for w in _WORD.findall(question)}:
        if len(word) < 3 or word in keep or not word.isalpha():
            continue
        mid = _mid_sentence(word, body)
        if len(mid) >= 2 and all(w[:1].isupper() for w in mid):
            forms[word] = max(dict.fromkeys(mid), key=mid.count)  # a tie goes to the first form written
    typed = question[:1] + _WORD.sub(lambda m: forms.get(m.group().lower(), m.group()) if m.group().isalpha()
                                     else m.group(), question[1:])
    for place in COUNTRY_NAMES:  # "the united states": a place, unless the articles write it in lower case ("turkey")
        if place.lower() in typed and not re.search(r"(?<![\w'’./@#])" + re.escape(place.lower()) + r"\b", body):
            typed = re.sub(r"\b" + re.escape(place.lower()) + r"\b", place, typed)
    return typed


def written_in_lower_case(word: str, texts: Iterable[str]) -> bool:
    """Do the texts write ``word`` in lower case more often than not where no sentence starts ("Impact on jobs?":
    "impact" is a word, not a name; "Swift", now and then "a swift reply", is a name)?"""
    mid = _mid_sentence(word.lower(), "\n".join(texts))
    return sum(w[:1].islower() for w in mid) * 2 > len(mid)


def _mid_sentence(word: str, body: str) -> list[str]:
    """``word`` as ``body`` writes it wherever no sentence starts, outside web addresses ("oregon.gov")."""
    seen = re.finditer(r"(?<![\w'’./@#])" + re.escape(word) + r"(?![\w-]|\.\w|/)", body, re.I)
    return [m.group() for m in seen if not _SENTENCE_START.search(body, max(0, m.start() - 3), m.start())]


_SENTENCE_START = re.compile(r"(?:^|[.!?:\n\"“‘(]\s*|\n)$")


_DETERMINERS = frozenset("the a an its their his her our your this that these those".split())


def _speaker_capitals(question: str, cased: Mapping[str, str]) -> str:
    """The speaker slot of a speaker question, given capitals when it has none: the names the index knows, and
    every other word but a post or a function word when the slot holds two words or more."""
    keep = FUNCTION_WORDS | asking_verbs() | ROLE_WORDS  # the words around a name, and posts, keep their case
    speaker = find_speaker(question)[0]
    source = question
    if not speaker:
        source = _WORD.sub(lambda m: m.group() if m.group().lower() in keep else m.group()[:1].upper() + m.group()[1:],
                           question)
        speaker = find_speaker(source)[0]
    at = source.find(speaker) if speaker else -1
    words = _WORD.findall(speaker)
    if at < 0 or any(ch.isupper() for ch in question[at : at + len(speaker)]) or len(words) > MAX_NAME_WORDS:
        return question
    if words and words[0].lower() in _DETERMINERS:  # "the management": a common noun, though a name ends with it
        cased = {k: v for k, v in cased.items() if " " in k}
    if not any(w.lower() in cased for w in words) and (len(words) < 2 or any(w.lower() in FUNCTION_WORDS
                                                                             for w in words)):
        return question  # one unknown word ("what did valve say?") may be no name at all

    slot = question[at : at + len(speaker)]
    owner = re.search(r"['’]s?(?=\s)", slot)  # "epic's lead attorney": after the owner comes the post, in lower case

    def cap(m: re.Match) -> str:
        w = m.group()
        known = cased.get(w.lower())
        if owner is not None and m.start() > owner.start():
            return w
        return known or (w if w.lower() in keep or len(words) < 2 else w[:1].upper() + w[1:])

    return question[:at] + _WORD.sub(cap, slot) + question[at + len(speaker) :]


__all__ = ["capitals_from", "cased_names", "plain_question", "typed_in_lower_case", "with_capitals",
           "written_in_lower_case"]
