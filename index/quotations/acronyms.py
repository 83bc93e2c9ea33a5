"""Acronyms an article defines: "the National Music Publishers Association (NMPA)" -> "NMPA" speaks as the
association."""

from __future__ import annotations

import re

_ACRONYM_RE = re.compile(r"((?:[A-Z][\w&'’.-]*\s+)(?:(?:of|for|and|the|on|[A-Z][\w&'’.-]*)\s+){0,8}?)\(([A-Z]{2,8})\)")


def defined_acronyms(text: str) -> dict[str, str]:
    """Acronyms the article defines: "the National Music Publishers Association (NMPA)"."""
    found: dict[str, str] = {}
    for m in _ACRONYM_RE.finditer(text):
        words = m.group(1).split()
        acronym = m.group(2)
        for start in range(len(words)):  # the shortest tail of capitalised words whose initials spell it
            caps = [w for w in words[start:] if w[:1].isupper()]
            if "".join(w[0] for w in caps) == acronym and words[start][:1].isupper():
                found.setdefault(acronym, " ".join(words[start:]))
                break
    return found


__all__ = ["defined_acronyms"]
