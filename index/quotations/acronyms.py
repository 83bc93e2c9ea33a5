"""Acronyms an article defines: "the National Music Publishers Association (NMPA)" -> "NMPA" speaks as the
association."""

from __future__ import annotations

import re

_ACRONYM_RE = re.compile(r"((?:[A-Z][\w&'’.-]*\s+)(?:(?:of|for|and|the|on|[A-Z][\w&'’.-]*)\s+){0,8}?)\(([A-Z]{2,8})\)")


def defined_acronyms(text: str) -> dict[str, str]:
    """Acronyms the article defines: "the National Music Publishers Association (NMPA)"; and one it only uses whose
    letters are the initials of one name it gives ("the QRU" after "the Queensland Rugby Union")."""
    found: dict[str, str] = {}
    for m in _ACRONYM_RE.finditer(text):
        words = m.group(1).split()
        acronym = m.group(2)
        for start in range(len(words)):  # the shortest tail of capitalised words whose initials spell it
            caps = [w for w in words[start:] if w[:1].isupper()]
            if "".join(w[0] for w in caps) == acronym and words[start][:1].isupper():
                found.setdefault(acronym, " ".join(words[start:]))
                break
    used = {a for a in _USED_RE.findall(text) if a not in found}
    if used:
        spelled: dict[str, set[str]] = {}
        for m in _RUN_RE.finditer(text):
            words = m.group().split()
            for k in range(len(words) - 2):  # "The Queensland Rugby Union": also the run past its first word
                if words[k][:1].isupper():
                    tail = words[k:]
                    name = re.sub(r"['’]s?$", "", " ".join(tail))  # "the National Football League’s": the league
                    spelled.setdefault("".join(w[0] for w in tail if w[:1].isupper()), set()).add(name)
        for acronym in used:
            names = spelled.get(acronym, set())
            if len(names) == 1:
                found[acronym] = names.pop()
    return found


_USED_RE = re.compile(r"\b([A-Z]{3,6})\b")
# a run of three or more capitalised words, small joining words allowed ("Institute for the Study of War")
_RUN_RE = re.compile(r"[A-Z][\w&'’-]*(?:\s+(?:(?:of|for|and|the|on)\s+){0,2}[A-Z][\w&'’-]*){2,7}")


__all__ = ["defined_acronyms"]
