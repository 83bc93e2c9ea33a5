"""Speaker questions: "What did X say (about Y)?" and the other ways readers ask for someone's words.

"How did X react to Y", "X's response", "Did X comment on / say anything about / think Y", "What reason did X give
for Y", "Quote X on Y", "What was said by X", "Give me X's quotes", "Any quotes from X on Y", "How did X describe Y",
"What did X make of Y", "What did X warn would happen if Y", "X's exact words on Y", "X's reaction to Y", "In X's
words, what about Y", "What concern did X raise about Y", "How did X rate Y", "Did X apologize?" (the act is the
topic), "When the roster came out, what did X say ...?" (an occasion before the question),
the terse "X on Y?" give the speaker X and the topic Y; "..., and what did he
say about Z?" adds a second topic. "Why did X ...?" and "Does X regret ...?" are soft (``find_soft_speaker``): X's
words when the articles quote X on it, else a fact question. A leading "And" / "So" / "But" is no part of X.
"""

from __future__ import annotations

import functools
import re

from assistant.answer.org_speakers import ORG_NOUNS
from assistant.answer.words import WORD_RE
from index.quotations.org_mentions import PRESS_NOUNS
from index.quotations.wordlists import OCCUPATION_RE, ROLE_WORDS
from index.text.terms import FUNCTION_WORDS

_SPEAKER_VERBS = (
    r"say|said|says|tell|told|state|stated|claim|claimed|think|believe|write|wrote|argue|argued|mean|"
    r"comment|add|added|announce|announced|want|suggest|suggested|predict|predicted|warn|warned|post|posted|"
    r"tweet|tweeted|testify|testified|reveal|revealed|admit|admitted|insist|insisted|explain|explained|"
    r"note|noted|stress|stressed|emphasi[sz]e|emphasi[sz]ed|acknowledge|acknowledged|concede|conceded|mention|"
    r"mentioned|confirm|confirmed|deny|denied|promise|promised|pledge|pledged|vow|vowed|point\s+out|pointed\s+out|"
    r"hint|hinted|quip|quipped|joke|joked|complain|complained|urge|urged|"
    r"be\s+quoted\s+as\s+saying|quoted\s+as\s+saying"
)
_TAIL = r"\s*[?.!]*\s*$"
_TOPIC = (
    r"(?:\s+(?:on\s+the\s+(?:subject|topic|issue|matter|question)\s+of|with\s+(?:regard|respect)\s+to|in\s+relation\s+to|"
    r"as\s+to|re:?|about|on|regarding|concerning|of|to|over|after|before|in|at|during|when|following|whether|that|for)"
    r"\s+(?P<t>.+?))?"
)
_REACT = (
    r"respond|react|reply|answer|comment|describe|assess|explain|justify|defend|address|view|see|"
    r"responded|reacted|replied|answered|commented|described|assessed|explained|justified|defended|addressed|"
    r"hit\s+back|hit\s+out|fire\s+back|fired\s+back|lash\s+out|lashed\s+out|retort|retorted"
)
_SPEAKER_PATTERNS = [
    # "What does X see as the biggest myth ...?": X's view, the rest its topic
    re.compile(r"^what\s+(?:did|does|do)\s+(?P<x>.+?)\s+(?-i:see|sees|saw|regard|regards|view|views|consider|"
               r"considers)\s+as\s+(?P<t>.+?)" + _TAIL, re.I),
    re.compile(
        r"^(?:what(?:\s+else)?|which\s+\w+)\s+(?:did|does|do|has|have|had|is|was)\s+(?P<x>.+?)\s+"
        r"(?:(?:also|else|first|publicly|ever)\s+)?(?:have\s+to\s+|had\s+to\s+|been\s+(?=\w+ing\b))?(?-i:"
        + _SPEAKER_VERBS + r"|saying|telling|writing|posting|claiming|arguing|tweeting|suggesting|warning)\b"
        r"(?:\s+(?P<o>(?-i:[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3})|the\s+press|(?-i:[a-z]+)))?" + _TOPIC + _TAIL,
        re.I,
    ),
    # "What did X say Manchester United need to do?": a clause said, its topic
    re.compile(r"^what\s+(?:did|does|do|has|have)\s+(?P<x>.+?)\s+(?-i:say|said|says|think|thinks|believe|believes)\s+"
               r"(?P<t>(?:the\s+|(?-i:[A-Z]))[^\s?!]+(?:\s+[^\s?!]+){2,}?)" + _TAIL, re.I),
    # "What performance improvements did Apple claim for its M3 chips?": what X claimed or said, on the topic
    re.compile(r"^what\s+(?:[\w-]+\s+){1,3}?(?:did|does|do|has|have|had)\s+(?P<x>.+?)\s+(?-i:claim|claimed|claims|say|"
               r"said|says|promise|promised|predict|predicted|argue|argued)\b" + _TOPIC + _TAIL, re.I),
    re.compile(r"^(?:quote|cite)\s+(?P<x>.+?)" + _TOPIC + _TAIL, re.I),
    re.compile(
        r"^how\s+(?:did|does|has|have|do|was|were)\s+(?P<x>.+?)\s+(?-i:" + _REACT + r")\b" + _TOPIC + _TAIL, re.I
    ),
    re.compile(
        r"^what(?:['’]s|\s+(?:was|were|is|are))\s+(?P<x>.+?)['’]s?\s+(?:response|reaction|comments?|statements?|"
        r"remarks?|views?|position|words|quotes?|explanation|message|take|thoughts|opinions?|stance|verdict|"
        r"assessment|answer|reply|argument|warning|criticism|complaint|defen[cs]e|account|advice)\b" + _TOPIC + _TAIL,
        re.I,
    ),
    re.compile(  # "What's Jefferies' Paul Hitchens take on ...?": a name whose possessive the reader left off
        r"^what(?:['’]s|\s+(?:was|were|is|are))\s+(?P<x>(?:\S+\s+){0,3}?(?-i:[A-Z][\w.-]*\s+[A-Z][\w.-]*))\s+"
        r"(?-i:take|thoughts|views?|stance|verdict|opinion|reaction|response)\s+(?:on|about|regarding|to)\s+(?P<t>.+?)"
        + _TAIL, re.I,
    ),
    re.compile(
        r"^(?:did|has|have|had)\s+(?P<x>.+?)\s+(?:(?:ever|already|also|actually|officially)\s+)?(?P<v>(?-i:say|said|comment|commented|speak|spoken|talk|talked|mention|"
        r"mentioned|address|addressed|critici[sz]e|critici[sz]ed|praise|praised|deny|denied|confirm|confirmed|"
        r"defend|defended|welcome|welcomed|apologi[sz]e|apologi[sz]ed|explain|explained))(?:\s+"
        r"(?:anything\s+|publicly\s+)?(?:about|on|regarding|whether|if|that|for)?\s*"
        r"(?P<t>.+?))?" + _TAIL,
        re.I,
    ),
    re.compile(
        r"^(?:did|does|do)\s+(?P<x>.+?)\s+(?-i:think|believe|expect|feel)\s+(?:that\s+)?(?P<t>.+?)" + _TAIL, re.I
    ),
    re.compile(
        r"^what\s+(?:[\w-]+\s+)?(?:reason|reasons|explanation|justification|message|warning|advice|tips?|lessons?|"
        r"recommendations?|suggestions?|predictions?|excuse|assurances?|promises?|arguments?|criticism|concerns?|"
        r"worry|worries|fears?|doubts?|objections?|complaints?|questions?|points?)\s+"
        r"(?:did|does|do|has|have|had)\s+(?P<x>.+?)\s+(?-i:give|gave|given|offer|offered|provide|provided|send|sent|"
        r"have|make|made|share|shared|put\s+forward|raise|raised|express|expressed|voice|voiced|air|aired|flag|"
        r"flagged)\b" + _TOPIC + _TAIL,
        re.I,
    ),
    # "How did X describe the talks?", "How does X explain Y?": the object is the topic
    re.compile(r"^how\s+(?:did|does|has|have|do)\s+(?P<x>.+?)\s+(?-i:describe|described|assess|assessed|view|viewed|"
               r"rate|rated|judge|judged|evaluate|evaluated|"
               r"see|characteri[sz]e|characteri[sz]ed|sum\s+up|explain|explained|justify|justified|defend|defended)\s+"
               r"(?P<t>.+?)" + _TAIL, re.I),
    # "What does X say keeps his marriage going?", "What did X warn would happen if ...?": the clause is the topic
    # ... and "What did X say Blaney's championship means to the company?": a clause opening on a name
    re.compile(r"^what\s+(?:did|does|do|has|have|had)\s+(?P<x>.+?)\s+(?-i:" + _SPEAKER_VERBS + r")\s+"
               r"(?P<t>(?-i:[a-z]|[A-Z][\w.'’&-]*\s+[a-z]).+?)" + _TAIL, re.I),
    # "How did X say streamers should think about ads?": what X said, the clause the topic
    re.compile(r"^how\s+(?:did|does|do|has|have)\s+(?P<x>.+?)\s+(?-i:say|said)\s+(?:that\s+)?(?P<t>.+?)" + _TAIL,
               re.I),
    # "How did X feel about Y?", "How does X think Y differs?", "What does X expect from Y?": X's own words
    re.compile(r"^how\s+(?:did|does|do)\s+(?P<x>.+?)\s+(?-i:feel|felt|think)\s+(?:about\s+)?(?P<t>.+?)" + _TAIL, re.I),
    re.compile(r"^what\s+(?:did|does|do)\s+(?P<x>.+?)\s+(?-i:expect|hope|fear|want)\s+(?:from\s+|of\s+|for\s+)?"
               r"(?P<t>.+?)" + _TAIL, re.I),
    # "What did X make of Y?": X's view of Y
    re.compile(r"^what\s+(?:did|does|do)\s+(?P<x>.+?)\s+(?-i:make)\s+of\s+(?P<t>.+?)" + _TAIL, re.I),
    # "What was said by X?", "Show me what X said", "Give me X's quotes", "Any quotes from X on Y?"
    re.compile(r"^what\s+(?:was|has\s+been|is\s+being)\s+(?-i:said|written|posted)\s+by\s+(?P<x>.+?)" + _TOPIC + _TAIL,
               re.I),
    re.compile(r"^(?:(?:show|tell|give)\s+me|summari[sz]e|recap)\s+what\s+(?:else\s+)?(?P<x>.+?)\s+(?:has\s+)?(?-i:"
               + _SPEAKER_VERBS + r")\b" + _TOPIC + _TAIL, re.I),
    re.compile(r"^(?:(?:give|show|find|list)\s+(?:me\s+)?|tell\s+me\s+about\s+)?(?:all\s+|any\s+)?(?:the\s+)?(?P<x>.+?)['’]s?\s+"
               r"(?:(?:exact|own|actual|latest|full)\s+)?(?:quotes|quotations|comments|remarks|statements|words)\b"
               + _TOPIC + _TAIL, re.I),
    # "In X's own words, what about Y?"
    re.compile(r"^in\s+(?P<x>.+?)['’]s?\s+(?:own\s+|exact\s+)?words,?\s+(?:what\s+(?:about|of)\s+|on\s+)?(?P<t>.+?)"
               + _TAIL, re.I),
    re.compile(r"^(?:(?:give|show|find|list)\s+(?:me\s+)?)?(?:all\s+|any\s+)?(?:the\s+)?(?:quotes|quotations|comments|"
               r"remarks|statements)\s+(?:from|by)\s+(?P<x>.+?)" + _TOPIC + _TAIL, re.I),
    # "What quotes are there from X about Y?", "Are there any quotes from X on Y?"
    re.compile(r"^(?:what|which|are\s+there(?:\s+any)?)\s+(?:quotes|quotations|comments|remarks|statements)\s+"
               r"(?:are\s+there\s+|do\s+you\s+have\s+|exist\s+)?(?:from|by)\s+(?P<x>.+?)" + _TOPIC + _TAIL, re.I),
]
# the terse search form "Sam Asghari on the custody fight?", "Meta's spokesperson on the EDPB?" (see _terse_speaker)
_TERSE = re.compile(r"^(?P<x>(?:the\s+)?(?-i:[A-Z])[\w.'’&-]*(?:\s+[\w.'’&-]+){0,5}?)\s+on\s+(?P<t>[^?]+?)\s*\?\s*$",
                    re.I)
# ... and "Pochettino's reaction to the defeat?", "Apple's response to the ruling", "Klopp's thoughts on Salah?"
_TERSE_OWN = re.compile(r"^(?P<x>.+?)['’]s?\s+(?:reactions?|responses?|thoughts|take|views?|stance|verdict|opinions?|"
                        r"assessment|explanation)\b" + _TOPIC + _TAIL, re.I)
_ASKS_AFTER = re.compile(r",\s*(?:what|who|whom|which|how|when|where|why|is|are|was|were|did|does|do|can|could|will|"
                         r"would|has|have)\b", re.I)
# "on" + these is a state, not a topic: "Tesla on track?", "Inflation on the rise?", "Smith on trial?"
_ON_IDIOMS = re.compile(r"^(?:the\s+)?(?:rise|track|hold|stage|board|time|fire|sale|top|display|way|course|line|move|"
                        r"mend|table|ballot|trial|run|loan|strike|leave|tour|air|duty|brink|verge|market|record|field|"
                        r"bench|pitch|target|horizon|cards|agenda|form|edge|ice|schedule|budget|par)\b(?!['’])", re.I)
# Questions about a person's reasons or feelings ("Why did X decide to ...?", "Does X regret ...?"): their own words
# answer them when the articles quote them on it; otherwise they are fact questions.
_SOFT_PATTERNS = [
    # "According to X, ...?", "..., according to X?": their words when quoted, else the fact with X as its source;
    # read first ("Why did NASCAR split the deal, according to Adam Stern?" asks Stern, not NASCAR)
    re.compile(r"^according\s+to\s+(?P<x>[^,]+?),\s*(?P<t>.+?)" + _TAIL, re.I),
    re.compile(r"^(?P<t>(?:what|why|how|who|when|where|which|is|are|was|were|did|does|do)\b.+?),?\s+according\s+to\s+"
               r"(?P<x>[^,?]+?)" + _TAIL, re.I),
    # "Why did Universal's boss say the label agreed ...?": the reason they gave
    re.compile(r"^why\s+(?:did|does|do|has|have|had)\s+(?P<x>.+?)\s+(?-i:say|says|said)\s+(?:that\s+)?(?P<t>.+?)"
               + _TAIL, re.I),
    # "Why does the sleep therapist think women ...?": a post's reasons
    # ... and "Why does 10 Minute School's COO think ...?": an organisation's post
    re.compile(r"^why\s+(?:did|does|do)\s+(?P<x>(?:the|a|an|(?:[\w.&-]+\s+){0,4}?[\w.&-]+['’]s)\s+(?:[\w'’-]+\s+){0,3}?"
               r"[\w'’-]+)\s+(?-i:think|thinks|"
               r"believe|believes|say|says|argue|argues|feel|feels)\s+(?:that\s+)?(?P<t>.+?)" + _TAIL, re.I),
    re.compile(r"^why\s+(?:did|does|do|has|have|had|would|is|was)\s+(?P<x>(?:the\s+)?(?-i:[A-Z])[\w.'’&-]*"
               r"(?:\s+(?-i:[A-Z])[\w.'’&-]*)*\s+(?P<r>(?-i:[a-z])[\w-]*))\s+(?P<t>(?-i:[a-z]).+?)" + _TAIL, re.I),
    re.compile(r"^why\s+(?:did|does|do|has|have|had|would|is|was)\s+(?P<x>(?:the\s+)?(?-i:[A-Z])[\w.'’&-]*"
               r"(?:\s+(?-i:[A-Z])[\w.'’&-]*)*)\s+(?P<t>(?-i:[a-z]).+?)" + _TAIL, re.I),
    # "How did Convoy's CEO decide which industry to enter?": the reasons they gave
    re.compile(r"^how\s+(?:did|does|do)\s+(?P<x>.+?)\s+(?-i:decide|choose|chose|pick|come\s+up\s+with|settle\s+on)\s+"
               r"(?P<t>.+?)" + _TAIL, re.I),
    # "How has Thomas Hand been coping since ...?": how a person is feeling, in their words when quoted
    re.compile(r"^how\s+(?:is|are|was|were|has|have|had)\s+(?P<x>(?-i:[A-Z])[\w.'’&-]*(?:\s+(?-i:[A-Z])[\w.'’&-]*)*)"
               r"\s+(?:been\s+)?(?P<t>(?:coping|feeling|holding\s+up|dealing|handling)\b.*?)" + _TAIL, re.I),
    # "Did Samu Kerevi have a message for the fans?": the message is in their words when they are quoted
    re.compile(r"^(?:does|did|do|has|had)\s+(?P<x>(?-i:[A-Z])[\w.'’&-]*(?:\s+(?-i:[A-Z])[\w.'’&-]*)*)\s+(?-i:have|give|"
               r"send|share|deliver|offer|got)\s+(?P<t>(?:a|an|any|some)\s+(?:message|advice|warning|words?|response|reply|"
               r"thoughts?|update)\b.*?)" + _TAIL, re.I),
    re.compile(r"^(?:does|did|do)\s+(?P<x>(?-i:[A-Z])[\w.'’&-]*(?:\s+(?-i:[A-Z])[\w.'’&-]*)*)\s+(?-i:regret|regrets|like|"
               r"love|hate|support|oppose|agree|want|plan|worry|fear|miss|enjoy|blame)\s+(?P<t>.+?)" + _TAIL, re.I),
]
# Nouns that make "X" a piece of writing, not a speaker ("Sporting News's preview"); they name the
# source asked of, not words its text must hold.
DOCUMENTS = {
    "report", "reports", "preview", "previews", "article", "articles", "story", "stories", "piece", "review",
    "reviews", "study", "survey", "analysis", "list", "timeline", "data", "figures", "filing", "documents",
}
# ", and what did he say about Z?" / ", and how did she assess Z?": a second part about the same speaker
_SECOND_PART = re.compile(
    r",?\s+and\s+(?:what|how)\s+(?:else\s+)?(?:did|does|has|had|was)\s+(?:he|she|they|it|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)"
    r"\s+(?P<v>\w+)\b(?P<rest>.*)$",
    re.I,
)
_ORG_PRONOUN_NOUNS = {"group", "board", "family", "company's"} | ORG_NOUNS


_PLAIN_SPEECH = frozenset("say said comment commented speak spoken talk talked mention mentioned".split())
_LEAD = re.compile(r"^(?:and|so|but|also|ok|okay|well|then|now)\b[,\s]+", re.I)  # "And what did he say ...?"


# a clause before the question that says when it was asked of ("When the October roster came out, what did ...")
_OCCASION_LEAD = re.compile(r"^(?:when|after|before|once|as|following|since|while|during)\b[^,?]{3,80},\s*"
                            r"(?=(?:what|how|did|does|do|has|have)\b)", re.I)


def without_occasion(q: str) -> str:
    """The question without a clause before it that says when ("When the roster came out, ...")."""
    return _OCCASION_LEAD.sub("", q)


def find_speaker(q: str) -> tuple[str, str, list[str]]:
    """The speaker a question asks about, its topic and every topic asked ("", "", [] for other questions); a
    clause before the question that says when ("When the roster came out, what did X say ...?") is no part of it."""
    q = _LEAD.sub("", q)
    found = _find_speaker(q)
    core = without_occasion(q)
    return _find_speaker(core) if not found[0] and core != q else found


def _find_speaker(q: str) -> tuple[str, str, list[str]]:
    first, second = q, ""
    m2 = _SECOND_PART.search(q)
    if m2 and m2.start() > 0:
        first, second = q[: m2.start()] + "?", m2.group("rest")
    speaker = topic = ""
    for rx in [*_SPEAKER_PATTERNS, _TERSE_OWN, _TERSE]:
        m = rx.match(first)
        if m and rx is _TERSE and (not _terse_speaker(m.group("x")) or _ON_IDIOMS.match(m.group("t"))
                                   or _ASKS_AFTER.search(m.group("t"))):
            continue  # "Based on a Bloomberg article, how much ...?": the question comes after the comma
        if m and rx is _TERSE_OWN and not _terse_speaker(m.group("x")):
            continue  # "The market's reaction to the Fed?", "What was the market's reaction?": no speaker
        if m and looks_like_speaker(m.group("x")):
            speaker = _HONORIFIC.sub("", m.group("x").strip())  # "Mr. Zelensky": the name the articles quote
            topic = _clean_topic((m.groupdict().get("t") or "").strip())
            verb = (m.groupdict().get("v") or "").lower()
            if not topic and verb and verb not in _PLAIN_SPEECH:
                topic = verb  # "Did SSSniperwolf apologize?": the words in which she did
            break
    if not speaker:
        return "", "", []
    topics = [topic] if topic else []
    if second:
        t = re.sub(r"^\s*(?:about|on|regarding|whether|that|of|to|at|in)\s+", "", second.strip(" ?.!"), flags=re.I)
        if t:
            topics = [topic or "", _clean_topic(t)]
    return speaker, topic, topics


_INTERPOSED = re.compile(r"^(what|why|how|who|when|where|which|is|are|was|were|did|does|do),\s+"
                         r"(according\s+to\s+[^,]+),\s+", re.I)


def find_soft_speaker(q: str) -> tuple[str, str]:
    """The person and topic of a question about their reasons or feelings (``_SOFT_PATTERNS``), or ("", "")."""
    # "Why, according to X, did ...?" read as "According to X, why did ...?"
    q = _INTERPOSED.sub(lambda m: f"{m.group(2)}, {m.group(1).lower()} ", _LEAD.sub("", q))
    for rx in _SOFT_PATTERNS:
        m = rx.match(q)
        role = m.groupdict().get("r") if m else None  # "the Zelda producer": a lower-case word only as a post
        if m and role and not (role in ROLE_WORDS or role.endswith(("er", "or", "ist"))):
            continue
        if m and (done := _PASSIVE.match(q)) and done.group(1).lower() not in _FEELINGS and "according" not in q:
            return "", ""  # "Why was Sam Altman fired?": the reason is whoever fired him, not his own words
        if m and looks_like_speaker(m.group("x")) and _short_enough(m.group("x")):
            return m.group("x").strip(), _clean_topic(m.group("t").strip())
    return _post_asked_why(q)


# "Why was X fired?": done to X (a past participle after a name), unless it says how X felt ("Why was X upset?")
_PASSIVE = re.compile(r"^why\s+(?:is|was|are|were)\s+(?:the\s+)?(?-i:[A-Z])[\w.'’&-]*(?:\s+(?-i:[A-Z])[\w.'’&-]*)*\s+"
                      r"(?:not\s+)?(\w+(?:ed|en)|sent|cut|hit|let|put|sold|told|left|made|kept|held|caught|taught|"
                      r"brought|bought|thrown|shown|paid|set)\b", re.I)
_FEELINGS = frozenset("""excited disappointed frustrated worried concerned surprised pleased upset annoyed angered
    delighted thrilled saddened shocked stunned satisfied relieved interested motivated determined tired bored scared
    frightened embarrassed ashamed convinced confused puzzled amazed impressed encouraged inspired""".split())


_WHY_THE = re.compile(r"^why\s+(?:did|does|do|has|have|had|would|is|was)\s+the\s+(?P<rest>.+?)" + _TAIL, re.I)


def _post_asked_why(q: str) -> tuple[str, str]:
    """"Why did the (head) coach want him to ...?": the post (its last word a role, up to three words) and what
    follows it, or ("", "") ("Why did the market fall?" asks no one)."""
    m = _WHY_THE.match(q)
    words = m.group("rest").split() if m else []
    for j in range(min(2, len(words) - 2), -1, -1):
        if words[j].lower() in ROLE_WORDS and words[j].islower() and words[j + 1].islower():
            return "the " + " ".join(words[: j + 1]), _clean_topic(" ".join(words[j + 1 :]))
    return "", ""


def _short_enough(x: str) -> bool:
    """A speaker phrase of up to five words, or of up to eight when it is a post held in something ("the head of
    Fidelity's Japan business"): longer ones are clauses, not people."""
    words = x.split()
    post = re.match(r"(?:the|a|an)\s+(?:[\w-]+\s+)?([\w-]+)\s+(?:of|at|for)\s", x, re.I)
    return len(words) <= 5 or len(words) <= 8 and bool(post) and post.group(1).lower() in ROLE_WORDS


@functools.cache
def asking_verbs() -> frozenset[str]:
    """The verbs speaker questions are asked with ("say", "react", "comment" ...), as plain words."""
    return frozenset(re.findall(r"[a-z]+", _SPEAKER_VERBS + "|" + _REACT + "|make|give|feel|expect|hope|fear|want"))


def _terse_speaker(x: str) -> bool:
    """The X of "X on Y?" is a speaker only when it is a name or a post and nothing else: capitalised words, a
    possessive, a role or organisation noun ("Meta's spokesperson", "Time magazine"), lower-case qualifiers of a
    post a name owns ("Inter Miami's sporting director"), one capitalised word that is no request and no plural
    ("Klopp"; not "Thoughts", "News", "Tariffs on China?", which costs "Jones on ...?"), never a verb or a question
    word ("Who won on Sunday?", "What on earth?")."""
    words = x.split()
    if words[0].lower() in ("what", "who", "which", "how", "why", "when", "where", "is", "are", "was", "were"):
        return False
    if len(words) == 1:
        return x[:1].isupper() and x.lower() not in FUNCTION_WORDS | _REQUESTS and not x.endswith("s")
    nouns = ROLE_WORDS | _ORG_PRONOUN_NOUNS | PRESS_NOUNS
    owned_post = words[-1].lower() in ROLE_WORDS and any(w[:1].isupper() for w in words)
    return all(w[:1].isupper() or w.lower() in ("the", "of") or w.lower().rstrip("'’s") in ROLE_WORDS
               or w.lower() in nouns or owned_post and w.isalpha() and w.islower() for w in words)


# what "X on Y?" asks for when X is no speaker: "Thoughts on the final?", "Anything on Ohtani?"
_REQUESTS = frozenset("""anything something everything nothing more news update updates info information detail details
    thought thoughts stat stats data background context analysis latest help advice tip tips focus comment
    comments reaction reactions view views opinion opinions take takes report reports notes facts figures numbers
    insight insights rumor rumors rumour rumours""".split())


_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame)\.?\s+(?=[A-Z])")
# where the words were read, not what they were about: "… about Y in the article?", "… on Y, in this piece"
_WHERE_READ = re.compile(r"(?:,?\s+(?:in|from)\s+|^)(?:the|this|that|these|those|your)\s+(?:article|articles|piece|"
                         r"story|stories|coverage)$", re.I)


def _clean_topic(topic: str) -> str:
    """The topic's own words: no "the topic of", no "in the article" after it, and no verb a clause topic opens on
    ("is weighing on shoppers")."""
    topic = _WHERE_READ.sub("", re.sub(r"^(?:the\s+)?(?:topic\s+of\s+)", "", topic))
    topic = re.sub(r"^(?:is|are|was|were|would|will|could|should|might|has|have|had|be|been)\s+(?:being\s+)?", "",
                   topic, flags=re.I)
    topic = topic.strip(" ,;:")
    return "" if topic.lower() in ("it", "that", "this", "them") else topic  # "about it": no topic of its own


_DUAL_POSTS = frozenset("founder co-founder cofounder chairman chairwoman chair president owner".split())


def looks_like_speaker(x: str) -> bool:
    """A name, an organisation or a role phrase: has a capitalised word or a role/organisation/occupation noun."""
    words = WORD_RE.findall(x)
    if not words or len(words) > 9 or any(w in DOCUMENTS for w in words):  # "Civic Data" is a name, "the data" not
        return False
    pairs = [{m.group(1).lower(), m.group(2).lower()} for m in re.finditer(r"(\S+)\s(?:and|or)\s(\S+)", x)]
    two = [p for p in pairs if not (p <= ROLE_WORDS and p & _DUAL_POSTS)]  # "co-founder and CEO": one person's posts
    if two or re.search(r"\beach\b|\bboth\b", x):  # two outlets or people: not one speaker
        return False
    if any(w[:1].isupper() for w in words):
        return True
    return any(w.lower() in ROLE_WORDS or w.lower() in _ORG_PRONOUN_NOUNS or OCCUPATION_RE.fullmatch(w.lower())
               for w in words)  # "the sleep therapist": an occupation by its ending


__all__ = ["DOCUMENTS", "asking_verbs", "find_soft_speaker", "find_speaker", "looks_like_speaker", "without_occasion"]
