"""Words as terms: the one stopword list and the one stemmer (BM25, the answerer, quotations).

``stem`` is a crude lemma: lower case, no possessive, no plural ``s``, no ``-ing``/``-ed``,
no final ``e`` ("displace" ~ "displaced" ~ "displacing"). ``tokenize`` is what BM25 indexes
and searches: word characters, stopwords dropped, each word stemmed. ``content_terms`` is
the same for prose (apostrophes and hyphens kept inside words), in text order.
"""

from __future__ import annotations

import functools
import re

# Words BM25 ignores. Measured on the 887 MultiHop queries (BENCHMARKS.md): the longer
# FUNCTION_WORDS list below costs BM25 Hits@10 (temporal and comparative words such as
# "before", "after", "more" carry meaning in questions), so BM25 drops only these.
STOPWORDS = frozenset(
    """
    a an and are as at be been but by did do does for from had has have he her him his how i if in into is it
    its me my of on or our she so that the their them then there these they this to was we were what when where
    which who whom why will with would you your about after also than said says say
""".split()
)
# STOPWORDS plus the other words that carry no content in prose: what ``content_terms`` drops
# and what can never be part of a name.
FUNCTION_WORDS = STOPWORDS | frozenset(
    """
    or though although however while before meanwhile still yet now later earlier speaking asked since
    because those here being not no yes over under during until despite amid among against without
    within can could should may might must shall too very just only even more most some any all both
    each other such own same up down out off again further once us whose per via upon let like unlike
    what's it's many much
""".split()
)
# contractions of pronouns and auxiliaries ("they've lined up", "we're", "didn't"), with either apostrophe
_CONTRACTIONS = """
    i'm i've i'd i'll you're you've you'd you'll he's he'd he'll she's she'd she'll we're we've we'd we'll
    they're they've they'd they'll that's there's who's let's isn't aren't wasn't weren't don't doesn't didn't
    won't wouldn't can't couldn't shouldn't hasn't haven't hadn't
""".split()
FUNCTION_WORDS = FUNCTION_WORDS | frozenset(_CONTRACTIONS) | frozenset(w.replace("'", "’") for w in
                                                                         [*_CONTRACTIONS, "what's", "it's"])

# Irregular past forms read as their verb ("won" ~ "win", "broke up" ~ "break up", "sold" ~ "sell").
_IRREGULAR = {
    form: base
    for base, forms in (
        ("win", "won"), ("lose", "lost"), ("beat", "beaten"), ("break", "broke broken"), ("sell", "sold"),
        ("buy", "bought"), ("pay", "paid"), ("lead", "led"), ("leave", "left"), ("take", "took taken"),
        ("give", "gave given"), ("make", "made"), ("meet", "met"), ("begin", "began begun"), ("rise", "rose risen"),
        ("fall", "fell fallen"), ("grow", "grew grown"), ("spend", "spent"), ("hold", "held"), ("keep", "kept"),
        ("bring", "brought"), ("think", "thought"), ("find", "found"), ("choose", "chose chosen"),
        ("drive", "drove driven"), ("fly", "flew flown"), ("throw", "threw thrown"), ("fight", "fought"),
        ("send", "sent"), ("build", "built"), ("feel", "felt"), ("catch", "caught"), ("teach", "taught"),
        ("seek", "sought"), ("shoot", "shot"), ("steal", "stole stolen"), ("speak", "spoke spoken"),
        ("write", "wrote written"), ("know", "knew known"), ("show", "shown"), ("run", "ran"), ("come", "came"),
        ("go", "went gone"), ("see", "saw seen"), ("tell", "told"), ("sit", "sat"), ("stand", "stood"),
        ("wear", "wore worn"), ("swear", "swore sworn"), ("freeze", "froze frozen"), ("forget", "forgot forgotten"),
        ("strike", "struck"), ("sing", "sang sung"), ("eat", "ate eaten"), ("draw", "drew drawn"),
        ("hide", "hid hidden"),
        ("bear", "bore borne"), ("deal", "dealt"), ("mean", "meant"), ("lend", "lent"), ("bend", "bent"),
        ("sleep", "slept"), ("sweep", "swept"), ("weep", "wept"), ("flee", "fled"), ("feed", "fed"), ("bleed", "bled"),
        ("hang", "hung"), ("dig", "dug"), ("stick", "stuck"), ("swing", "swung"), ("wake", "woke woken"),
        ("ride", "rode ridden"), ("arise", "arose arisen"), ("shake", "shook shaken"), ("tear", "tore torn"),
    )
    for form in forms.split()
}
_DOUBLED = re.compile(r"([bdgmnprt])\1$")  # "winn(ing)" ~ "win", "stopp(ed)" ~ "stop", not "sell", "miss"
_TOKEN_RE = re.compile(r"\w+", re.UNICODE)
WORD_RE = re.compile(r"[^\W_][\w'’\-]*")
# a web address, its site's name the group: "mlbtraderumors.com", "Cleveland.com"
WEB_ADDRESS_RE = re.compile(r"\b([a-z][a-z0-9-]{2,})\.(?:com|org|net|co\.uk|com\.au|io|tv)\b", re.I)


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude lemma of one word (see the module docstring)."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    w = _IRREGULAR.get(w, w)
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("sses", "xes", "ches", "shes", "zes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 5 and w.endswith("ing"):
        return _undouble(w[:-3])
    if len(w) > 4 and w.endswith("ed"):
        return w[:-1] if w.endswith("eed") else _undouble(w[:-2]) if not w.endswith("ied") else w[:-3] + "y"
    if len(w) > 3 and w.endswith("e") and not w.endswith("ee"):
        return w[:-1]
    return w


def _undouble(w: str) -> str:
    return w[:-1] if len(w) >= 4 and _DOUBLED.search(w) else w


def tokenize(text: str) -> list[str]:
    """BM25 terms of ``text``: stemmed word-character runs, stopwords dropped."""
    return [stem(w) for w in _TOKEN_RE.findall(text.lower()) if w not in STOPWORDS]


def content_terms(text: str, drop: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """Stemmed content words of prose, in order (function words, words in ``drop`` and 1-letter words out)."""
    out = []
    for m in WORD_RE.finditer(text):
        low = m.group().lower()
        if low in FUNCTION_WORDS or low in drop or len(low) < 2:
            continue
        out.append(stem(low))
    return out


__all__ = ["FUNCTION_WORDS", "STOPWORDS", "WEB_ADDRESS_RE", "WORD_RE", "content_terms", "stem", "tokenize"]
