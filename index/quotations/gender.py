"""Which pronoun a person of the article takes, read from the article itself.

Three patterns tell it: a sentence that names one person and the next sentence opens with "He"
or "She" ("Kalmus studies the climate. He said …"), a person's own speech verb followed by
the pronoun ("Miller said she …"), and a gendered noun right before the full name ("his wife Trisha
Yearwood") or linked after the name ("Yearwood became a bonus mom"). A person with both pronouns, or with none, stays
unknown, and "he said" may refer to them as before. Nothing here comes from lists of first names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from index.quotations.phrases import Token, clean_name, low
from index.quotations.wordlists import SPEECH_VERBS

_HE = frozenset("he him his himself".split())
_SHE = frozenset("she her hers herself".split())


def pronoun_of(word: str) -> str:
    """ "he", "she" or "" for a pronoun (also contracted with its verb: "he's", "she'd", "he'll")."""
    w = re.sub(r"'(?:s|d|ll|ve|re)$", "", low(word))
    return "he" if w in _HE else "she" if w in _SHE else ""


def gender_follows(after: Sequence[str]) -> bool:
    """Do the words after a name (its verb first) take "he"/"she" ("Donna said she …", "said that he …") or
    "him"/"her" ("Andy reminded her")? A possessive ("reported that her tour") shows nothing."""
    after = [low(w) for w in after]
    if len(after) > 2 and after[1] == "that":
        return pronoun_of(after[2]) != "" and after[2] not in ("his", "her")
    return len(after) > 1 and pronoun_of(after[1]) != "" and after[1] != "his"


def pronoun_taken(after: Sequence[str]) -> str:
    """"he"/"she" when the words after a speaker phrase take it ("the singer said that she …"), else ""."""
    return next((pronoun_of(w) for w in after if pronoun_of(w) and low(w) not in ("his", "her")), "")


def genders(sent_tokens: Sequence[Sequence[Token]], people_in: Callable[[int], set[str]],
            person_at: Callable[[str], str | None]) -> dict[str, str]:
    """Each person's pronoun ("he" / "she") where the article shows it unambiguously.

    ``people_in(k)``: the people named in sentence ``k``; ``person_at(name)``: the person a name
    refers to, or None."""
    votes: dict[str, Counter] = {}
    for k, toks in enumerate(sent_tokens):
        named = people_in(k)
        lead = {person_at(clean_name(t.text)) for t in toks[:4] if t.text[:1].isupper()}  # the sentence's subject
        if len(named) == 1 and named <= lead and k + 1 < len(sent_tokens) and sent_tokens[k + 1]:
            opener = pronoun_of(sent_tokens[k + 1][0].text) if sent_tokens[k + 1][0].text in ("He", "She") else ""
            if opener:
                votes.setdefault(next(iter(named)), Counter())[opener] += 1
        for i in range(1, len(toks) - 1):
            if low(toks[i + 1].text) in ("he", "she") and low(toks[i].text) in SPEECH_VERBS:
                j = i
                while j > 0 and toks[j - 1].text[:1].isupper():
                    j -= 1
                who = person_at(" ".join(t.text for t in toks[j:i])) if j < i else None
                if who is not None:
                    votes.setdefault(who, Counter())[low(toks[i + 1].text)] += 1
        j = 0
        while j < len(toks) and toks[j].text[:1].isupper():
            j += 1
        who = person_at(" ".join(clean_name(t.text) for t in toks[:j])) if j >= 2 else None
        for t in toks[j : j + 5] if who is not None else ():  # "Martin Scorsese has put his knowledge ..."
            if t.text[:1].isupper() or t.text == ",":
                break  # another name (or a clause) in between: the "his" may be theirs
            if low(t.text) == "his":  # ("her" can be an object: "X told her")
                votes.setdefault(who, Counter())["he"] += 1
                break
        for i, tok in enumerate(toks):  # "wife Trisha Yearwood", "Yearwood became a bonus mom"
            noun = _NOUNS.get(low(tok.text))
            if noun is None:
                continue
            at = i + 2 if i + 1 < len(toks) and toks[i + 1].text == "," else i + 1  # "his daughter, Francesca X"
            name = toks[at : at + 2] if at < len(toks) and toks[at].text[:1].isupper() else []
            who = person_at(" ".join(clean_name(t.text) for t in name)) if len(name) == 2 else None
            j = i - 1
            while who is None and j >= 0 and i - j <= 4 and low(toks[j].text) in _LINKS:
                j -= 1
            if who is None and 0 <= j < i - 1 and toks[j].text[:1].isupper() and low(toks[i - 1].text) in _LINKS:
                who = person_at(toks[j].text)
            if who is not None:
                votes.setdefault(who, Counter())[noun] += 1
    return {name: v.most_common(1)[0][0] for name, v in votes.items() if len(v) == 1}


# nouns that say "he" or "she", next to a name: before it ("wife Trisha Yearwood") or after a link ("Yearwood
# became a bonus mom", "Swift, the singer's mother" is not read: only the words listed in ``_LINKS`` link)
_NOUNS = {**dict.fromkeys("wife mother mom mum daughter sister actress girlfriend queen princess duchess "
                          "grandmother aunt niece businesswoman congresswoman spokeswoman sportswoman".split(), "she"),
          **dict.fromkeys("husband father dad son brother boyfriend king prince duke grandfather uncle nephew "
                          "businessman congressman spokesman sportsman".split(), "he")}
_LINKS = frozenset("is was became becomes , a an the bonus proud new former young".split())  # not "his"/"her":
# "Speaking about Kelce, his mother said" makes no mother of Kelce


# someone the article does not name, by a gendered noun ("startled the woman"): definite, so someone told of before
# (not "X is a man on the move", "X, the woman who …", nor "his brother", often named)
_UNNAMED_RE = re.compile(r"(?<!\bis\s)(?<!\bwas\s)(?<!\bas\s)(?<!,\s)\b[Tt]he\s+"
                         r"(?:(?:young|old|older|elderly|other)\s+)?(?P<n>woman|man|girl|boy|lady)\b(?!['’])")
_UNNAMED_OF = {"woman": "she", "man": "he", "girl": "she", "boy": "he", "lady": "she"}


def unnamed_one(sentence: str, pronoun: str) -> bool:
    """Does ``sentence`` speak of someone it does not name whom ``pronoun`` can refer to ("which startled the woman.
    She tried to leave")?"""
    return any(_UNNAMED_OF[low(m.group("n"))] == pronoun for m in _UNNAMED_RE.finditer(sentence))


__all__ = ["genders", "pronoun_of", "unnamed_one"]
