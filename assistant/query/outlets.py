"""Outlet names in a question, matched against the outlets actually in the index.

An outlet is known by several names: its ``source`` as stored ("The Independent - Sports"),
the part before a section separator ("The Independent"), either with or without a leading
"The", and the name in its web address (``www.independent.co.uk`` -> "independent").
All are compared as *keys*: lower case, accents and everything but letters and digits
removed, so "the Guardian", "The Guardian", "guardian" and "theguardian" are one key, and
"CBS Sports" meets "CBSSports.com".

A name in a question counts when it is written like a name (its words capitalised, "the"
aside), or, in lower case, next to a word that marks an outlet ("per the guardian",
"according to techcrunch", "the guardian's live blog"): so "on the verge of" and "a
fortune" are not outlets. Nothing here knows any particular outlet: the catalogue is built
from the stored articles' metadata.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

_SECTION = re.compile(r"\s+(?:[-|:–—])\s+|:\s+")
_WORD = re.compile(r"\w+(?:[.&'’]\w+)*", re.UNICODE)
_LINKERS = frozenset({"the", "of", "and", "for", "on", "in", "&"})
_CUE_BEFORE = re.compile(
    r"\b(?:according\s+to|per|via|reported\s+by|reporting\s+by|going\s+by|reports?\s+(?:from|in)|as\s+reported\s+(?:by|in))"
    r"\s+$", re.IGNORECASE)
_CUE_AFTER = re.compile(
    r"^(?:['’]s?(?!\w)|\s+(?:reported|reports|reporting|said|says|wrote|writes|story|stories|article|articles|piece|"
    r"coverage|report|roundup|review|live\s+blog|columnist|journalist|reporter)\b)", re.IGNORECASE)
_SUFFIXES = (".com", ".co.uk", ".com.au", ".org", ".net")
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu"})
MIN_KEY = 3
MAX_WORDS = 6


def key(name: str) -> str:
    """The comparison key of a name: lower case, no accents, letters and digits only."""
    folded = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in folded.lower() if ch.isalnum() and not unicodedata.combining(ch))


def _without_the(name: str) -> str:
    return re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)


def name_keys(source: str) -> set[str]:
    """Keys of an outlet name: whole, before a section separator, each with and without "The"."""
    source = source.strip()
    if not source:
        return set()
    names = {source, _SECTION.split(source, maxsplit=1)[0]}
    for n in list(names):
        low = n.lower()
        for suffix in _SUFFIXES:
            if low.endswith(suffix):
                names.add(n[: -len(suffix)])
    names |= {_without_the(n) for n in names}
    return {k for k in map(key, names) if len(k) >= MIN_KEY}


def host_key(url: str) -> str:
    """The outlet's name in a web address: the label before the public suffix."""
    host = urlsplit(url.strip()).hostname or "" if url else ""
    labels = [p for p in host.lower().split(".") if p]
    if len(labels) < 2:
        return ""
    labels = labels[:-1]  # top-level domain
    if len(labels) >= 2 and labels[-1] in _SECOND_LEVEL:
        labels = labels[:-1]
    k = key(labels[-1])
    return k if len(k) >= MIN_KEY else ""


def outlet_keys(source: str, url: str) -> frozenset[str]:
    """Every key an article's outlet answers to."""
    keys = name_keys(source or "")
    host = host_key(url or "")
    if host:
        keys.add(host)
    return frozenset(keys)


@dataclass(frozen=True)
class OutletMention:
    """An outlet named in a text: where, as written, and its key."""

    start: int
    end: int
    text: str
    key: str


class OutletCatalog:
    """The outlets of an index, by key; finds their names in questions."""

    def __init__(self, keys: Iterable[str] = ()) -> None:
        """``keys``: every key of every stored article's outlet (``outlet_keys``)."""
        self.keys: set[str] = set(keys)

    def __len__(self) -> int:
        return len(self.keys)

    def find(self, text: str) -> list[OutletMention]:
        """Outlet names in ``text``, longest first where they overlap, in order of position."""
        words = [(m.start(), m.end(), re.sub(r"['’]s?$", "", m.group())) for m in _WORD.finditer(text)]
        keys = [key(w) for _, _, w in words]  # a run's key is its words' keys joined (``key`` works per character)
        found: list[OutletMention] = []
        taken = [False] * len(words)
        for size in range(min(MAX_WORDS, len(words)), 0, -1):
            for i in range(len(words) - size + 1):
                if any(taken[i : i + size]):
                    continue
                group = words[i : i + size]
                k = "".join(keys[i : i + size])
                if k not in self.keys or group[0][2].lower() in _LINKERS - {"the"}:
                    continue
                start, end = group[0][0], group[-1][1]
                if not (_written_as_name([w for _, _, w in group]) or _cued(text, start, end)):
                    continue
                for j in range(i, i + size):
                    taken[j] = True
                found.append(OutletMention(start, end, text[start:end], k))
        return sorted(found, key=lambda m: m.start)


def _written_as_name(words: list[str]) -> bool:
    content = [w for w in words if w.lower() not in _LINKERS]
    return bool(content) and all(w[0].isupper() or w[0].isdigit() or any(c.isupper() for c in w) for w in content)


def _cued(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 30) : start]
    before = re.sub(r"\bthe\s+$", "", before, flags=re.IGNORECASE)
    return bool(_CUE_BEFORE.search(before) or _CUE_AFTER.search(text[end : end + 20]))


__all__ = ["OutletCatalog", "OutletMention", "host_key", "key", "name_keys", "outlet_keys"]
