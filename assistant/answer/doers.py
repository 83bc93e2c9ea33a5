"""Whose figure a sentence gives: the doer a "how much / how many did X ..." question asks about.

``agent_named(question, vocab)``: the sentence (with what surrounds it) names the doer asked, and the owner of the
thing asked after the verb ("paying to renew Joe Rogan's podcast deal"); ``other_subject(text)``:
the sentence opens on a name as its subject ("Kane, who has scored nine goals", a list line "5. Romelu Lukaku - 40
goals"), so its figure is that one's. ``eligibility.check`` rules a sentence out ("doer") on either.
"""

from __future__ import annotations

import re

from assistant.answer.words import WORD_RE, name_present
from index.quotations.wordlists import ORG_WORDS, ROLE_WORDS
from index.text.terms import FUNCTION_WORDS

# where the doer of a "how much / how many" question starts: "did the Amsterdam startup Adaptive raise"
_AGENT_Q = re.compile(r"^how\s+(?:much|many)\b.*?\b(?:did|does|do|has|have|had|will|would|is|are|was|were)\s", re.I)


def agent_named(question: str, vocab: set[str]) -> bool:
    """The sentence (with its neighbours and title) names the doer the question asks about, if it names one: the
    last name before the verb ("the Amsterdam AI startup Adaptive raise": Adaptive; "is the self-driving car company
    Cruise cutting": Cruise), past the nouns of a description ("startup", "company"); any word of it, or its initials
    ("the Bank of England": "the BOE"; three letters or more: "Robert Lewandowski" is not "Romelu Lukaku")."""
    m = _AGENT_Q.search(question)
    run: list[str] = []
    words = WORD_RE.findall(question[m.end() :]) if m else []
    k, owned = 0, False
    for k, w in enumerate(words):
        if w[:1].isupper() and w != "I":
            joined = run and k > 0 and words[k - 1].lower() in ("of", "for", "and")
            run = [*run, w] if joined or (run and words[k - 1][:1].isupper()) else [w]
            owned = owned or w.endswith(("'s", "’s"))
        elif run and (base := w.lower().removesuffix("'s").removesuffix("’s")) in ORG_WORDS | ROLE_WORDS:
            owned = owned or base != w.lower()  # "the NTU team's battery"
        elif run and w.lower() not in ("of", "for", "and"):
            break  # the verb
    if owned:
        return True  # "How much did Israel's Gaza barrier cost?": the thing asked is the barrier
    objects = [w for w in words[k + 1 :] if w[:1].isupper()]  # "are the Padres paying Yuki Matsui": him, too
    owner = [w.removesuffix("'s").removesuffix("’s") for w in objects if w.endswith(("'s", "’s"))]
    if owner and not any(name_present(w, vocab) for w in owner):
        return False  # "paying to renew Joe Rogan's podcast deal": the deal asked is his, named with the figure
    run = [w.removesuffix("'s").removesuffix("’s") for w in run]
    if not run or any(name_present(w, vocab) for w in run + objects):
        return True
    rest = question[m.end() :] if m else ""
    first = rest.find(run[0])
    whole = WORD_RE.findall(rest[first : rest.find(run[-1], first) + len(run[-1])])  # "Bank of England"
    initials = {"".join(w[0] for w in form).lower() for form in (run, whole)}  # of three letters or more: two
    return len(run) > 1 and any(len(i) >= 3 and i in vocab for i in initials)  # are any two names' ("RL", "RL")


_SUBJECT_NAME = re.compile(r"(?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’.-]+(?:,\s+\d{1,3},)?"  # "Marisa Johnson, 26, has"
                           r"(?:,\s+(?:who|whose)\b|\s+(?:has|have|had|is|was|"
                           r"scored|made|earned|raised|sold|spent|paid|got|received|took|won|posted|recorded|beat|lost|led\s+by|"
                           r"finished|totaled|totalled|added|netted|tallied|collected)\b)|"
                           r"(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’.-]+\s*(?:\(|[-–—]\s)")  # a list line: a full name


def other_subject(text: str) -> bool:
    """Does the sentence open on a name as its subject ("Kane, who has scored nine goals", "Mistral raised", a list
    line's "5. Romelu Lukaku (Roma) - 40 goals")?
    Its figure is then that one's, unless the name is the doer asked (checked by the caller)."""
    m = _SUBJECT_NAME.match(re.sub(r"^\s*\d{1,3}\.\s+", "", text).lstrip("“\"‘' "))  # "5. Romelu Lukaku - 40 goals"
    return bool(m) and m.group().split()[0].lower() not in FUNCTION_WORDS


__all__ = ["agent_named", "other_subject"]
