"""The people quoted in the index, as the Speakers tab lists them.

``Engine.speakers()`` gives canonical speaker entities (name forms merged across articles,
``speaker_type`` "person" | "org" | "unnamed", ``count``, ``aliases``; see ``index.quotations``):
people are the "person" entities, and a person's quotations are the ``Engine.quotes`` rows of
that entity.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from assistant.engine import Engine

Row = dict[str, Any]


@dataclass(frozen=True)
class Person:
    name: str
    count: int  # quotations
    variants: tuple[str, ...]  # every name form seen
    key: str = ""  # the entity key


class People(NamedTuple):
    people: list[Person]  # most quoted first


def read_people(engine: Engine) -> People:
    people = [Person(e.name, e.count, tuple(e.aliases) or (e.name,), e.key) for e in engine.speakers()
              if e.speaker_type == "person"]
    return People(sorted(people, key=lambda p: (-p.count, p.name)))


def _rows_of(engine: Engine, person: Person) -> list[Row]:
    return [r for r in engine.quotes(person.name) if r.get("entity", person.key) == person.key]


def quotes_of(engine: Engine, people: People, name: str) -> tuple[Person | None, list[Row]]:
    """A person's quotations, newest first: by a listed name or name form, or the one listed person the
    name refers to ("Peskov"); else whatever ``Engine.quotes`` finds for it (no organisations), with no
    person."""
    key = " ".join(name.split()).casefold()
    for p in people.people:
        if any(v.casefold() == key for v in (p.name, *p.variants)):
            return p, _rows_of(engine, p)
    found = [r for r in engine.quotes(name) if r.get("speaker_type") != "org"]
    entities = {r.get("entity") for r in found}
    matching = [p for p in people.people if p.key in entities] if len(entities) == 1 else []
    if len(matching) == 1:
        return matching[0], _rows_of(engine, matching[0])
    return None, found


__all__ = ["People", "Person", "quotes_of", "read_people"]
