"""Speakers across articles: name forms merge into one entity, different people never do."""

from __future__ import annotations

from index.quotations.canonical import Mention, mention_key, resolve


def _entities(*mentions: tuple[str, str, str]):
    ms = [Mention(name, kind, article) for name, kind, article in mentions]
    found = resolve((m, 1) for m in ms)
    return [found[mention_key(m.name, m.speaker_type, m.article_id)] for m in ms]


def test_surname_joins_the_only_person_with_that_surname() -> None:
    full, short = _entities(("Marta Quillan", "person", "a1"), ("Quillan", "person", "a2"))
    assert full.key == short.key and full.name == "Marta Quillan" and full.count == 2
    assert "Quillan" in full.aliases


def test_spelling_variants_of_a_full_name_merge() -> None:
    a, b = _entities(("Volodymyr Zelensky", "person", "a1"), ("Volodymyr Zelenskyy", "person", "a2"))
    assert a.key == b.key


def test_plural_s_first_names_and_shared_first_names_never_merge() -> None:
    robert, roberts = _entities(("Robert", "person", "a1"), ("Julia Roberts", "person", "a2"))
    assert robert.key != roberts.key
    daniel, daniels = _entities(("Daniel", "person", "a1"), ("Stormy Daniels", "person", "a2"))
    assert daniel.key != daniels.key
    one, other = _entities(("Anna Berg", "person", "a1"), ("Anna Kowalczyk", "person", "a2"))
    assert one.key != other.key


def test_an_ambiguous_surname_stays_apart() -> None:
    a, b, short = _entities(("Tom Reyes", "person", "a1"), ("Ana Reyes", "person", "a2"), ("Reyes", "person", "a3"))
    assert len({a.key, b.key, short.key}) == 3


def test_people_organisations_and_unnamed_sources_are_kept_apart() -> None:
    org, person = _entities(("Apple Inc", "org", "a1"), ("Fiona Apple", "person", "a2"))
    assert org.key != person.key and org.speaker_type == "org" and person.speaker_type == "person"
    the, bare = _entities(("The Kremlin", "org", "a1"), ("Kremlin", "org", "a2"))
    assert the.key == bare.key
    one, two = _entities(("a senior official", "unnamed", "a1"), ("a senior official", "unnamed", "a2"))
    assert one.key != two.key and one.speaker_type == "unnamed"


def test_a_lone_word_guessed_as_an_organisation_joins_the_one_person_with_that_surname() -> None:
    full, guessed = _entities(("Marta Quillan", "person", "a1"), ("Quillan", "org", "a2"))
    assert full.key == guessed.key and full.speaker_type == "person"
    org, = _entities(("Valve", "org", "a1"))
    assert org.speaker_type == "org"
    kremlin, person = _entities(("The Kremlin", "org", "a1"), ("Anna Kremlin", "person", "a2"))
    assert kremlin.key != person.key


def test_a_speaker_name_with_no_name_word_is_its_own_entity() -> None:
    """A stray capital taken for a speaker ("The") has no name word: it stays an entity of its own, and the
    speaker list is built instead of failing (it raised KeyError on a 100k-chunk index)."""
    odd, org, person = _entities(("The", "person", "a1"), ("The", "org", "a2"), ("Marta Quillan", "person", "a3"))
    assert odd.name == "The" and org.name == "The" and person.name == "Marta Quillan"
    assert len({odd.key, org.key, person.key}) == 3
