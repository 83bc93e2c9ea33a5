"""Speakers across articles as canonical entities.

Within an article the extractor already resolved "Peskov", "the Kremlin spokesperson" and "he"
to the fullest name the article gives. Across articles, name forms merge by general rules:

* people: a full name is its words (case and accents ignored); two full names with the same
  number of words, each a spelling variant of the other (``names.same_word``: "Zelensky" ~
  "Zelenskyy"), are one person. A one-word name ("Pochettino") joins the only person whose
  surname it is ("Mauricio Pochettino"); with no such person, or several, it stays apart. A lone
  word the extractor could only guess was an organisation ("Pochettino said" in an article that
  never gives his first name) joins a person only on an exact surname match.
  Never merged: a first name with a surname ("Robert" / "Julia Roberts": a plural ``s`` is
  not a spelling variant), two people who share a first name, people with organisations.
* organisations: the same words, with or without "the" ("The Kremlin" ~ "Kremlin").
* unnamed sources ("a senior official") are never merged across articles.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from index.quotations.names import name_tokens, same_word
from index.quotations.quotation import Quotation
from index.quotations.wordlists import ORG_WORDS


@dataclass
class Entity:
    """One speaker across the index."""

    key: str  # stable id: "person:mauricio pochettino", "org:kremlin", "unnamed:<article>:senior official"
    name: str  # the fullest, most used name form
    speaker_type: str  # "person" | "org" | "unnamed"
    count: int = 0  # quotations
    aliases: tuple[str, ...] = ()  # every name form seen
    roles: tuple[str, ...] = ()


class Mention:
    """How a speaker appears in one article's quotations (one per distinct article speaker)."""

    __slots__ = ("name", "speaker_type", "article_id", "aliases", "role")

    def __init__(self, name: str, speaker_type: str, article_id: str, aliases: Iterable[str] = (), role: str = ""):
        self.name, self.speaker_type, self.article_id = name, speaker_type, article_id
        self.aliases, self.role = tuple(aliases), role


def mention_key(name: str, speaker_type: str, article_id: str) -> tuple[str, str, str]:
    """What identifies a speaker within one article (the unit the entities are built from)."""
    return (name, speaker_type, article_id if speaker_type == "unnamed" else "")


@dataclass
class _Group:
    words: tuple[str, ...]
    kind: str
    forms: Counter = field(default_factory=Counter)
    roles: Counter = field(default_factory=Counter)
    members: list = field(default_factory=list)


def _guessed_org(name: str) -> bool:
    """A lone capitalised word the extractor typed as an organisation only because no one in its
    article was introduced by that name ("Apple said", but also "Trump said" in a follow-up story)."""
    return not name.lower().startswith("the ") and (name_tokens(name) or [""])[0] not in ORG_WORDS


def _same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return len(a) == len(b) and all(same_word(x, y) for x, y in zip(a, b))


def resolve(mentions: Iterable[tuple[Mention, int]]) -> dict[tuple[str, str, str], Entity]:
    """Entities for ``(mention, quotation count)`` pairs, keyed by ``mention_key`` of each mention."""
    groups: list[_Group] = []
    singles: list[tuple[Mention, int]] = []
    for m, n in mentions:
        # a name with no name word ("The", a stray capital the extractor took for a speaker) is its own entity
        words = tuple(name_tokens(m.name)) or (m.name.strip().lower(),)
        kind = m.speaker_type if m.speaker_type in ("org", "unnamed") else "person"
        if len(words) == 1 and (kind == "person" or (kind == "org" and _guessed_org(m.name))):
            singles.append((m, n))
            continue
        if kind == "unnamed":
            g = _Group(words, kind)
            groups.append(g)
        else:
            g = next((g for g in groups if g.kind == kind and _same_name(g.words, words)), None)
            if g is None:
                g = _Group(words, kind)
                groups.append(g)
        g.forms[m.name] += n
        g.forms.update({a: 0 for a in m.aliases if a not in g.forms})
        if m.role:
            g.roles[m.role] += n
        g.members.append((m, n))
    people = [g for g in groups if g.kind == "person"]
    for m, n in singles:
        word = (name_tokens(m.name) or [m.name.strip().lower()])[0]
        guessed = m.speaker_type == "org"
        hits = [g for g in people if (g.words[-1] == word if guessed else same_word(g.words[-1], word))]
        if len(hits) == 1:
            g = hits[0]
        else:
            kind = "org" if guessed else "person"
            g = next((g for g in groups if g.kind == kind and g.words == (word,)), None)
            if g is None:
                g = _Group((word,), kind)
                groups.append(g)
        g.forms[m.name] += n
        if m.role:
            g.roles[m.role] += n
        g.members.append((m, n))
    out: dict[tuple[str, str, str], Entity] = {}
    for g in groups:
        name = max(g.forms, key=lambda f: (len(name_tokens(f)), g.forms[f], f))
        article = g.members[0][0].article_id if g.kind == "unnamed" else ""
        key = f"{g.kind}:{article + ':' if article else ''}{' '.join(g.words)}"
        aliases = set(g.forms)
        for m, _ in g.members:
            aliases.update(m.aliases)
        entity = Entity(key, name, g.kind, sum(n for _, n in g.members), tuple(sorted(aliases)),
                        tuple(r for r, _ in g.roles.most_common()))
        for m, _ in g.members:
            out[mention_key(m.name, m.speaker_type, m.article_id)] = entity
    return out


def assign_entities(quotations: list[tuple[Quotation, str]]) -> list[Entity]:
    """Set ``entity`` on each ``(quotation, article_id)`` and return the distinct entities."""
    counts: dict[tuple[str, str, str], int] = {}
    mentions: dict[tuple[str, str, str], Mention] = {}
    for q, article_id in quotations:
        key = mention_key(q.speaker, q.speaker_type, article_id)
        counts[key] = counts.get(key, 0) + 1
        known = mentions.get(key)
        aliases = sorted(set(q.aliases) | set(known.aliases if known else ()))
        mentions[key] = Mention(q.speaker, q.speaker_type, article_id, aliases, q.role or (known.role if known else ""))
    entities = resolve((m, counts[k]) for k, m in mentions.items())
    for q, article_id in quotations:
        q.entity = entities[mention_key(q.speaker, q.speaker_type, article_id)].key
    return list({e.key: e for e in entities.values()}.values())


def by_count(entities: Iterable[Entity]) -> list[Entity]:
    """Distinct entities, most quoted first."""
    seen: dict[str, Entity] = {}
    for e in entities:
        seen.setdefault(e.key, e)
    return sorted(seen.values(), key=lambda e: (-e.count, e.name))


__all__ = ["Entity", "Mention", "assign_entities", "by_count", "mention_key", "resolve"]

