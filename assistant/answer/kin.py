"""Kin asked as a post: "the hostage's father", "Emily Hand's mother", "Travis Kelce's brother".

``KIN_ROLES`` are the kin nouns a speaker phrase may end on (the person is named where the article quotes them);
``kin_of`` reads kin from the other side: "Mikaela Shiffrin is the second child of Eileen and Jeff Shiffrin" makes
Eileen, whose mentions hold "Shiffrin" and "child", Mikaela's mother; "her son Travis" makes Travis Donna Kelce's son.
"""

from __future__ import annotations

from assistant.answer.words import stem, term_present

KIN_ROLES = frozenset({"father", "mother", "dad", "mom", "mum", "husband", "wife", "brother", "sister", "grandfather",
                       "grandmother", "uncle", "aunt", "cousin", "fiance", "fiancee", "girlfriend", "boyfriend",
                       "stepfather", "stepmother", "son", "daughter", "widow", "parents", "relatives"})
_PARENTS = "mother father parent mom dad mum"
_CHILDREN = "son daughter child children"
_INVERSE = {stem(k): {stem(v) for v in other.split()} for ks, other in (
    (_PARENTS, _CHILDREN), (_CHILDREN, _PARENTS), ("brother sister sibling", "brother sister sibling"),
    ("wife husband spouse", "wife husband spouse married")) for k in ks.split()}


def kin_of(head: str, possessor: str, near: set[str]) -> bool:
    """Is the kin post ``head`` (a stem) of ``possessor`` ("Mikaela Shiffrin") told from the other side around a
    person's mentions (``near``): the possessor's surname and the reverse kin word ("child" for "mother")?"""
    surname = possessor.split()[-1:]
    return head in _INVERSE and bool(surname) and term_present(stem(surname[0]), near) and any(
        term_present(t, near) for t in _INVERSE[head])


__all__ = ["KIN_ROLES", "kin_of"]
