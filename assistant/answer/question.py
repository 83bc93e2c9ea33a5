"""What a question asks, by general rules: its mode, expected answer type, key terms and parts.

* Speaker questions ("What did X say (about Y)?" and its other forms, ``speaker_question``) give
  ``speaker`` X and ``topic`` Y; "..., and what did he say about Z?" adds a second topic (``topics``).
* The expected answer type (``answer_type``, the table in ``asked_type``): "amount" (how much, what
  share/price/cost), "score" (the final score, the scoreline), "number" (how many/old/long/big, what record),
  "rank" (which number, what place), "date" (when, what year/day/time), "name" (who, which <person or
  organisation noun>), "place" (where, which city/country), or "" when the question does not
  fix one.
* Key terms: ``key_names`` (capitalised words past the first, and words with digits, which a
  retrieved article must contain), ``specifiers`` (numbers, years, ordinals, months and "last season",
  which must be near the answer sentence) and ``terms`` (all content words, stemmed).
* ``context``: what a follow-up carried over from the previous turn (``assistant.followups``);
  its words help rank sentences but are never required.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.answer import speaker_question
from assistant.answer.asked_type import answer_type_of
from assistant.answer.speaker_question import DOCUMENTS, find_soft_speaker, find_speaker, looks_like_speaker
from assistant.answer.words import (
    GENERIC,
    MONTHS,
    ORIGIN_WORDS,
    QUESTION_WORDS,
    WORD_RE,
    content_terms,
    ordinal_value,
    specifier_stem,
    stem,
)
from index.quotations.phrases import is_officer_initials
from index.quotations.wordlists import ROLE_WORDS
from index.text.terms import FUNCTION_WORDS

# A follow-up's standalone question carries the previous turn after this mark (``with_context``).
CONTEXT_MARK = " (following up on: "


def with_context(question: str, context: str) -> str:
    """``question`` with what the previous turn was about appended, in words a reader can follow."""
    question, context = question.strip(), context.strip()
    return f"{question}{CONTEXT_MARK}{context})" if context else question


def split_context(text: str) -> tuple[str, str]:
    """The inverse of ``with_context``: (question, carried context or "")."""
    i = text.find(CONTEXT_MARK)
    if i < 0 or not text.endswith(")"):
        return text, ""
    return text[:i].strip(), text[i + len(CONTEXT_MARK) : -1].strip()



_SOURCE_NAMED = re.compile(
    r"(?:\b(?:[Tt]he|[Aa]n?)\s+['‘\"“]?|['‘\"“])(?:[Tt]he\s+)?(?P<o>(?:(?:[A-Z][\w.&-]*|\|)\s*){1,8}?)['’\"”]?"
    r"(?:['’]s)?\s+(?:article|articles|report|reports|piece|story|review|preview|coverage)\b"
    r"|(?:\b(?:by|from|per|according\s+to|and)|,)\s+['‘\"“](?:[Tt]he\s+)?(?P<q>[^'’\"”]+)['’\"”]"
    r"|\b(?:article|report|piece|story)\s+(?:by|from|in)\s+(?:[Tt]he\s+)?(?P<b>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,4})"
)
_ROLE_ABBREVIATIONS = {"ceo", "cfo", "cto", "coo", "cmo", "cio", "gm", "vp", "svp", "evp", "md", "pr", "hr"}


@dataclass
class QuestionInfo:
    """What the question asks, by general rules (see the module docstring)."""

    text: str
    wh: str = ""  # who/when/where/how many/how much/why/what/which/""
    answer_type: str = ""  # amount | score | number | rank | date | name | place | ""
    speaker: str = ""
    topic: str = ""
    topics: list[str] = field(default_factory=list)  # every asked topic of a speaker question, in order
    terms: list[str] = field(default_factory=list)
    key_names: list[str] = field(default_factory=list)  # words a retrieved article must contain
    specifiers: list[str] = field(default_factory=list)  # words that must be near the answer sentence
    outlets: list[str] = field(default_factory=list)  # named as sources: answers come from them when retrieved
    context: str = ""  # carried over from the previous turn; ranks, never required
    context_terms: list[str] = field(default_factory=list)
    result: bool = False  # asks for an outcome: who won, the final score, did X beat Y
    who_said: bool = False  # "Who said ...?", "Which official warned ...?": someone's words, so a sentence that speaks
    outcome: list[str] = field(default_factory=list)  # a sentence reporting the outcome holds one of these
    counted: list[str] = field(default_factory=list)  # what "how many" counts, stemmed ("touchdown", "pass")
    institution: list[str] = field(default_factory=list)  # the kind "which hospital" asks for, and its other names
    role: str = ""  # the post "who is/became X's <role>" asks about, stemmed ("observer", "economist")
    one_of_parts: bool = False  # asked of one outlet of several: the other names may be the other articles'
    soft_speaker: bool = False  # "Why did X decide ...?": X's words when quoted on it, else a fact question
    # a follow-up naming only a thing ("And the LCD model?"): asks what the previous turn did, of the thing whose
    # words (not the previous turn's) are listed here
    fragment: list[str] = field(default_factory=list)


def analyse_question(question: str) -> QuestionInfo:
    question, context = split_context(" ".join(question.split()))
    q = question
    info = QuestionInfo(text=q, context=context)
    low = q.lower()
    for wh in ("how many", "how much", "who", "whom", "whose", "when", "where", "why", "what", "which"):
        if re.search(r"\b" + wh + r"\b", low):
            info.wh = {"whom": "who", "whose": "who"}.get(wh, wh)
            break
    info.answer_type = answer_type_of(q)
    if not info.answer_type and context and _FRAGMENT.match(q):  # "And the LCD model?" after "how long did ...?"
        info.wh, info.answer_type = analyse_question(context).wh or info.wh, answer_type_of(context)
        info.fragment = [t for t in content_terms(q) if t not in GENERIC and t not in content_terms(context)]
    info.speaker, info.topic, info.topics = find_speaker(q)
    if info.speaker and (core := speaker_question.without_occasion(q)) != q:  # "When the roster came out, what
        info.answer_type = answer_type_of(core)  # did X say ...?": when X said it, not a date asked
    if not info.speaker:
        info.speaker, info.topic = find_soft_speaker(q)
        if info.answer_type and re.search(r"\baccording\s+to\b", low):  # "When did they meet, according to X?":
            info.speaker = info.topic = ""  # a fact, with X as its source
        info.topics = [info.topic] if info.topic else []
        info.soft_speaker = bool(info.speaker)
    how = re.search(r"\bhow\s+(\w+)", low)  # "how old", "how long": the kind of answer, not a topic word
    asking = {stem(w) for w in asking_words(q)}  # "came out on top": how the question is put
    info.terms = [t for t in content_terms(q) if t not in GENERIC and not (how and t == stem(how.group(1)))
                  and t not in asking]
    info.context_terms = [t for t in content_terms(context) if t not in GENERIC and t not in info.terms]
    info.key_names = _key_names(q)
    info.outlets = outlets_in(q)
    info.specifiers = _specifiers(q)
    info.outcome = _outcome_terms(low)
    info.counted = _counted(q)
    info.institution = _institution(low)
    info.role = _role_asked(q)
    info.who_said = bool(_WHO_SAID.search(q))
    info.result = bool(
        re.search(_WIN_ASKED + r"|" + _OUTCOME_ASKED + r"|\bwho\s+(?:won|win|wins|beat|lost)\b|\bfinal\s+score\b|"
                  r"^did\s+(?:[\w'’-]+\s+){1,6}?(?:win|beat|lose)\b|"
                  r"\bwhat\s+was\s+the\s+(?:result|outcome|score)\b|" + _ENDED_UP + r"\b|\beventually\b|"
                  r"\bultimately\b|\bin\s+the\s+end\b|\bwho\s+was\s+elected\b|\bactual(?:ly)?\b|"
                  + _CHOSEN + r"|" + _SENTENCED + r"|"
                  r"^how\s+did\s+.+?\s+(?:do|fare|perform|play)\s+(?:against|versus|vs\.?)\s|" + _RULING, low)
    )
    return info


# Other ways of asking who won ("Who came out on top?", "Which team lifted the trophy?", "Did X prevail?") and how
# a contest or a decision turned out ("How did the final end?", "Did the appeal succeed?", "Was the merger approved?")
_WIN_ASKED = (r"\b(?:who|which\s+(?:[\w'’-]+\s+){0,2}?(?:team|side|club|player|nation|country|candidate|horse|"
              r"driver))\s+"
              r"(?:triumphed|prevailed|clinched|came\s+out\s+on\s+top|(?:claimed|took|won|lifted|secured)\s+the\s+"
              r"(?:title|trophy|crown|cup|championship|race|gold)|was\s+crowned)\b|"
              r"^did\s+(?:[\w'’-]+\s+){1,6}?(?:prevail|triumph)\b")
_OUTCOME_ASKED = (r"^how\s+did\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:final|match|game|semi-final|quarter-final|race|"
                  r"fight|bout|vote|election|ballot|trial|case|series|tie)\s+(?:end|go|finish|turn\s+out)\b|"
                  r"^(?:did|was|were)\s+(?:[\w'’-]+\s+){1,6}?(?:succeed|successful|go\s+through|went\s+through|"
                  r"approved|rejected|upheld|overturned)\b")


# a follow-up that names only a thing ("And the original model?", "What about the 512GB version?"): it asks what the
# previous question asked, of that thing
_FRAGMENT = re.compile(r"(?i)^(?:and|or|but|what\s+about|how\s+about)\b(?!.*\b(?:is|are|was|were|did|does|do|has|have|"
                       r"had|will|would|can|could|say|said)\b)")
_WHO_SAID = re.compile(r"^(?:who|which\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+)\s+(?:said|says|described|warned|claimed|argued|"
                       r"insisted|predicted|admitted|declared|tweeted|quipped|joked)\b", re.I)  # not "wrote the code"


def asking_words(text: str) -> set[str]:
    """The words of a way of asking who won or how it ended ("came out on top", "lifted the trophy", "turn out"):
    how the question is put, not words an article must hold."""
    m = re.search(_WIN_ASKED + r"|" + _OUTCOME_ASKED, text.lower())
    return {w for w in WORD_RE.findall(m.group(0)) if w in _ASKING} if m else set()


_ASKING = frozenset("came come out top triumphed prevailed prevail triumph clinched claimed took lifted secured trophy "
                    "crowned crown end go finish turn succeed successful through went".split())


# "Did the judge grant the motion?": a ruling asked for, which a hearing "scheduled for" it does not report
_RULING = (r"^did\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:judge|court|jury|board|committee|panel|regulator)s?\s+"
           r"(?:grant|approve|reject|dismiss|deny|accept|uphold|block|overturn|throw\s+out|rule|find)\b|"
           r"^(?:how|what)\s+did\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:judge|court|jury|panel|regulator)s?\s+"
           r"(?:rule|decide)\b")  # "How did the judge rule on the motion?"
_RULED = ("grant", "approv", "reject", "dismiss", "deni", "deny", "accept", "uphold", "upheld", "block", "overturn",
          "threw", "thrown", "rule", "ruling", "found", "verdict")
_WIN = ("win", "won", "beat", "defeat", "victory", "victori", "triumph", "champion", "clinch", "lost", "los", "edg",
        "prevail", "lift", "crown")


def _outcome_terms(low: str) -> list[str]:
    """Words one of which a sentence must hold to report the asked outcome: the win family for
    "who won / did X beat Y", the verb after "end up / eventually / ultimately" otherwise."""
    if re.search(r"\bwho\s+(?:won|win|wins|beat|lost)\b|^did\s+(?:[\w'’-]+\s+){1,6}?(?:win|beat|lose|defeat)\b|"
                 + _WIN_ASKED, low):
        return list(_WIN)
    ruling = re.search(_RULING, low)
    if ruling:  # not the words of what was ruled on: "grant the motion to dismiss" is not answered by "dismiss"
        return [t for t in _RULED if t not in low[ruling.end() :]]
    m = re.search(r"(?:" + _ENDED_UP + r"|\beventually|\bultimately)\s+(?:being\s+|getting\s+)?(\w+)", low)
    if m and m.group(1) not in FUNCTION_WORDS:  # "laying off": "laid off" (a past the stemmer does not read)
        return [stem(m.group(1)), *{"lay": ["laid"], "say": ["said"]}.get(stem(m.group(1)), [])]
    if re.search(_SENTENCED, low):  # "What sentence did she receive?": a sentence saying she was sentenced
        return [stem("sentenced")]
    if re.search(_CHOSEN, low):  # "Who did United appoint?": a sentence saying someone was appointed, hired, named
        return [stem(w) for w in ("appointed", "appointment", "hired", "named", "chose", "chosen", "picked", "selected",
                                  "replaced", "successor")]
    return []


# "ended up": an outcome asked; "will end up costing": a forecast, which a sentence looking ahead answers
_ENDED_UP = r"(?<!will\s)(?<!would\s)(?<!could\s)(?<!might\s)\b(?:end|ended)\s+up"
_SENTENCED = (r"^what\s+(?:prison\s+|jail\s+)?(?:sentence|term)\s+did\b|"
              r"^how\s+long\s+(?:was|were|is|will)\s+.+?\s+(?:sentenced|jailed)\b|"
              r"^how\s+long\s+(?:a\s+|of\s+a\s+)?(?:prison\s+|jail\s+)?(?:sentence|term)\s+did\b")
_CHOSEN = r"^who\s+(?:did|has|have)\s+.+?\s(?:appoint|hire|name|choose|pick|select)\b"


_ANY_COUNT = {stem(w) for w in ("time", "people", "person", "one")}  # counted in too many other words


def _counted(q: str) -> list[str]:
    """What "how many" counts: the words before the verb or name ("monthly active users" in "How many monthly
    active users does it have"), stemmed; [] when none ("How many of them") or the noun is one every count can
    take other words for ("times", "people")."""
    m = re.search(r"\bhow\s+many\s+(.*)", q, re.I)
    words: list[str] = []
    found = WORD_RE.findall(m.group(1)) if m else []
    for k, w in enumerate(found):
        if w.lower() in FUNCTION_WORDS or len(words) == 3 or (words and (w[:1].isupper() or w.endswith("ed"))):
            break  # the verb or the name after the noun phrase: "fans watched Floyd Mayweather's fight"
        if not words and w[:1].isupper() and found[k + 1 : k + 2] and found[k + 1][:1].islower():
            continue  # "How many EU users": whose users, not what is counted ("How many Grand Slams" counts them)
        words.append(stem(w))
    return [] if _ANY_COUNT.intersection(words) else words


# An institution asked for is named with its kind ("Inova Fairfax Hospital", "Stanford University"), or one of these.
_INSTITUTIONS = {
    "hospital": "hospital clinic infirmary medical-center medical-centre", "school": "school", "airport": "airport",
    "university": "university college institute school academy", "college": "college university institute",
    "prison": "prison jail",
}
_INSTITUTION_ASKED = re.compile(
    r"^(?:(?:in|at|from)\s+)?(?:which|what)\s+(?:[\w'’-]+\s+)?(" + "|".join(_INSTITUTIONS) + r")s?\b|"
    r"^where\b.*\b(?:to|at|in|from)\s+(?:[\w'’-]+\s+)?(" + "|".join(_INSTITUTIONS) + r")\b"
)


def _institution(low: str) -> list[str]:
    """"Which hospital treated her?", "Where did he go to medical school?": the kind asked for and its
    other names, stemmed (a sentence naming no such place, "St. Anne's Hospital", cannot answer)."""
    m = _INSTITUTION_ASKED.search(low)
    return [specifier_stem(w.replace("-", " ")) for w in _INSTITUTIONS[m.group(1) or m.group(2)].split()] if m else []


_ROLE_ASKED = re.compile(
    r"^(?i:who(?:['’]s|\s+(?:is|was|are|were|became|becomes|has\s+become|will\s+be))\s+(?:the\s+|an?\s+)?)"
    r"(?:[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*(?:['’]s|(?<=s)['’])\s+)?(?P<role>[\w'’-]+(?:\s+[\w'’-]+){0,3}?)"
    r"(?:\s+(?:at|of|on|for|in|to|with|from|after|before|when|during|since|now)\b.*)?\s*[?.!]*$"
)


_RANKED = re.compile(r"(?i)(?:old|young|bigg|larg|small|high|low|rich|tall|fast|long|short|great|late|earli|cheap|"
                     r"strong|new)est|last|top|best|worst")  # "Who is the oldest of ...": a rank, not a post


# "which CEO ...", "which executive ...": a post of a company's or a country's leadership asked for by name
_WHICH_POST = re.compile(r"\bwhich\s+(ceo|executive|founder|co-founder|chairman|chairwoman|president|cfo|coo|cto)\b",
                         re.I)


def _role_asked(q: str) -> str:
    """"Who became Microsoft's non-voting observer on OpenAI's board?": the post asked about, its head noun
    stemmed ("observer"); "" when the question names a person or a place in a list ("Who is seventh ...",
    "Who is the oldest of ..."). "Which CEO ..." asks for the holder of a post too."""
    which = _WHICH_POST.search(q)
    if which:
        return stem(which.group(1).lower())
    m = _ROLE_ASKED.match(q)
    if not m:
        return ""
    head = m.group("role").split()[-1]
    ranked = any(_RANKED.fullmatch(part) for w in m.group("role").split() for part in w.split("-"))
    if (head[:1].isupper() and not head.isupper()) or head.lower() in FUNCTION_WORDS or ranked \
            or ordinal_value(head) is not None or head.endswith("ed"):  # "Who is she married to": no post
        return ""  # "Who was the top-ranked tight end": a place in a ranking, not a post
    return stem(head)


_TITLE_SMALL = frozenset("a an the and or but nor of in on at to for by with from as vs v".split())


def _is_post_word(low: str) -> bool:
    """A post or an honorific, no name: "chief", "Sen.", "Mr" (a word read without its full stop)."""
    return low.rstrip(".") in ROLE_WORDS or low + "." in ROLE_WORDS


def _key_names(q: str) -> list[str]:
    words = WORD_RE.findall(q)
    capitalised = [w for w in words[1:] if w[:1].isupper()]
    names: list[str] = []
    # "What Did The Mayor Say About The Budget": every word capitalised but small ones ("of", "the")
    lower = [w for w in words[1:] if not w[:1].isupper() and not w[:1].isdigit()]
    title_case = len(words) >= 6 and len(capitalised) > 0.6 * (len(words) - 1) and all(
        w.lower() in _TITLE_SMALL for w in lower)
    if words and not title_case:
        for k, w in ((k, w) for k, w in enumerate(words) if k > 0 and w[:1].isupper()):
            low_w = w.lower()
            if (
                low_w in FUNCTION_WORDS
                or low_w in QUESTION_WORDS
                or _is_post_word(low_w)
                or low_w in _ROLE_ABBREVIATIONS
                or is_officer_initials(w) and words[k - 1][:1].isupper()  # "Acme's CCO": a post, not a name
                or w.upper() == w[:1]
            ):
                continue
            if "-" in w and w.rsplit("-", 1)[1] in ORIGIN_WORDS:
                w = w.rsplit("-", 1)[0]  # "Fiji-born": "born in Fiji" names Fiji
            names.append(w.rstrip("'’"))  # "'The Age'": the closing quote mark is no part of the name
    # an outlet named as a source ("the Sporting News article", "according to 'The Age'") is not a key name
    outlets = {w for o in outlets_in(q) for w in o.split()}
    names = [n for n in names if n.strip("'’") not in outlets]
    # numbers and years in a question must be found as written ("the 2030 World Cup")
    names += [w for w in words if any(ch.isdigit() for ch in w) and w not in names]
    return names


def outlets_in(q: str) -> list[str]:
    """Outlets the question names as sources ("the Sporting News article", "according to 'The Age'")."""
    return [" ".join((m.group("o") or m.group("q") or m.group("b")).split()) for m in _SOURCE_NAMED.finditer(q)]


def _specifiers(q: str) -> list[str]:
    """Numbers, years, ordinals and months: the words that pin a question to one figure or period.

    An ordinal keeps the noun it qualifies ("third quarter", "second place"), so "Q3" can match it,
    and a small number keeps the name it numbers ("Game 1"), so a score of 1 does not match it.
    """
    out = []
    found = list(WORD_RE.finditer(q))
    words = [m.group() for m in found]
    for k, w in enumerate(words):
        low = w.lower()
        if ordinal_value(low) not in (None, 0, 1):
            nxt = words[k + 1] if k + 1 < len(words) else ""
            out.append(f"{w} {nxt}" if nxt.isalpha() and nxt.lower() not in FUNCTION_WORDS else w)
        elif any(ch.isdigit() for ch in w) or w in MONTHS:
            prev = words[k - 1] if k > 0 else ""
            ratio = q[found[k].end() : found[k].end() + 2][:1] in ("/", ":")  # "Partner Plus 70/30": no "Plus 70"
            numbered = w.isdigit() and len(w) < 4 and prev[:1].isupper() and k > 1 and not ratio  # "Game 1", "Deck 2"
            out.append(f"{prev} {w}" if numbered else w)
    # a period named relative to the article ("last season"): a figure for the current one does not answer
    out += [" ".join(m.group().lower().split()) for m in _LAST_PERIOD.finditer(q)]
    return out


_LAST_PERIOD = re.compile(r"\b(?:last|previous)\s+season\b", re.I)


def name_runs(q: str) -> list[list[str]]:
    """The question's names grouped into runs of capitalised words past the first ("New Zealand", "Ireland");
    a capitalised small word inside a name keeps it one run ("Si No Estás", "Lord Of The Rings")."""
    runs: list[list[str]] = []
    current: list[str] = []
    words = [*WORD_RE.findall(q)[1:], ""]
    for k, w in enumerate(words):
        low = w.lower()
        plain = low in FUNCTION_WORDS or low in QUESTION_WORDS or _is_post_word(low)
        if w[:1].isupper() and not plain:
            current.append(w.rstrip("'’"))
            continue
        if current and low in FUNCTION_WORDS and w[:1].isupper() and any(x[:1].isupper() for x in words[k + 1 : k + 3]):
            continue
        if current:
            runs.append(current)
        current = []
    return runs


__all__ = [
    "CONTEXT_MARK",
    "DOCUMENTS",
    "QuestionInfo",
    "analyse_question",
    "asking_words",
    "answer_type_of",
    "looks_like_speaker",
    "name_runs",
    "outlets_in",
    "split_context",
    "with_context",
]
