"""The people quoted in the index, as the Speakers tab lists them, from whichever speaker data the engine has.

With stored quotations, ``Engine.speakers()`` gives canonical entities (name forms merged across
articles, ``speaker_type`` "person" | "org" | "unnamed", ``count``, ``aliases``): people are the
"person" entities, and a person's quotations are the ``Engine.quotes`` rows of that entity.

Before that, ``Engine.speakers()`` gives (name, count) pairs, and people come from the rows of
``Engine.all_quotations()``: those whose ``speaker_type`` is "person" (rows without one count as
people), with the name variants of one article merged here (``shown_speaker``: "Pochettino" and
"Mauricio Pochettino"). A name of unknown type ("Kelce", "Apple") is listed only when it merges
into a person that way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from assistant.engine import Engine

Row = dict[str, Any]
MAYBE_PERSON = ("person", "unknown", "unnamed")  # speaker types of quotation rows that may name a person


@dataclass(frozen=True)
class Person:
    name: str
    count: int  # quotations
    variants: tuple[str, ...]  # every name form seen
    key: str = ""  # the entity key, when the engine has entities


class People(NamedTuple):
    people: list[Person]  # most quoted first
    rows: dict[str, list[Row]] | None  # each person's quotation rows (newest first), when read from rows


def read_people(engine: Engine) -> People:
    speakers = engine.speakers()
    if speakers and not isinstance(speakers[0], tuple):  # canonical entities (stored quotations)
        people = [Person(e.name, e.count, tuple(e.aliases) or (e.name,), e.key) for e in speakers
                  if e.speaker_type == "person"]
        return People(sorted(people, key=lambda p: (-p.count, p.name)), None)
    return _from_rows(engine.all_quotations())


def _speaker_matches() -> Callable[..., bool]:
    """The engine's name matcher, wherever this version of the engine keeps it."""
    try:
        from index.quotations import speaker_matches  # with stored quotations
    except ImportError:
        from assistant.speakers import speaker_matches
    return speaker_matches


def shown_speaker(rows: list[Row]) -> list[str]:
    """For each quotation row, the name it is listed under.

    Within one article, a name that matches exactly one longer speaker name of that article
    (``speaker_matches``: "Pochettino" and "Mauricio Pochettino", "Jada" and "Jada Pinkett
    Smith") is that person; across articles nothing is merged (two articles' "Smith" may be
    two people).
    """
    speaker_matches = _speaker_matches()
    names_in: dict[str, set[str]] = {}
    for r in rows:
        names_in.setdefault(r["article_id"], set()).add(r["speaker"])
    merged: dict[tuple[str, str], str] = {}
    for article_id, names in names_in.items():
        for name in names:
            size = len(name.split())
            longer = [other for other in names if len(other.split()) > size and speaker_matches(name, other)]
            if len(longer) == 1:
                merged[(article_id, name)] = longer[0]
    return [merged.get((r["article_id"], r["speaker"]), r["speaker"]) for r in rows]


def _from_rows(all_rows: list[Row]) -> People:
    candidates = [r for r in all_rows if r.get("speaker") and r.get("speaker_type", "person") in MAYBE_PERSON]
    persons = {r["speaker"] for r in candidates if r.get("speaker_type", "person") == "person"}
    rows: dict[str, list[Row]] = {}
    variants: dict[str, set[str]] = {}
    for row, name in zip(candidates, shown_speaker(candidates)):
        if name in persons:
            rows.setdefault(name, []).append(row)
            variants.setdefault(name, set()).add(row["speaker"])
    people = [Person(name, len(r), tuple(sorted(variants[name], key=len))) for name, r in rows.items()]
    return People(sorted(people, key=lambda p: (-p.count, p.name)), rows)


def _rows_of(engine: Engine, people: People, person: Person) -> list[Row]:
    if people.rows is not None:
        return people.rows[person.name]
    return [r for r in engine.quotes(person.name) if r.get("entity", person.key) == person.key]


def quotes_of(engine: Engine, people: People, name: str) -> tuple[Person | None, list[Row]]:
    """A person's quotations, newest first: by a listed name or name form, or the one listed person the
    name refers to ("Peskov"); else whatever ``Engine.quotes`` finds for it (no organisations), with no
    person."""
    key = " ".join(name.split()).casefold()
    for p in people.people:
        if any(v.casefold() == key for v in (p.name, *p.variants)):
            return p, _rows_of(engine, people, p)
    found = [r for r in engine.quotes(name) if r.get("speaker_type") != "org"]
    if people.rows is not None:
        matches = _speaker_matches()
        matching = [p for p in people.people if any(matches(name, v) for v in (p.name, *p.variants))]
    else:
        entities = {r.get("entity") for r in found}
        matching = [p for p in people.people if p.key in entities] if len(entities) == 1 else []
    if len(matching) == 1:
        return matching[0], _rows_of(engine, people, matching[0])
    return None, found


__all__ = ["MAYBE_PERSON", "People", "Person", "quotes_of", "read_people", "shown_speaker"]
