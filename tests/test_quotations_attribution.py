"""Quotations and speakers, on the seed article and on invented prose with other names."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.quotations import Quotation, extract_quotations

SEED = Path(__file__).resolve().parents[1] / "corpus" / "000_863afebc424a52ba.txt"


@pytest.fixture(scope="module")
def seed() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_quotes(seed: str) -> list[Quotation]:
    return extract_quotations(seed)


def _by(quotes: list[Quotation], speaker: str, kind: str | None = None) -> list[Quotation]:
    return [q for q in quotes if q.speaker == speaker and (kind is None or q.kind == kind)]


def _with(quotes: list[Quotation], fragment: str) -> Quotation:
    hits = [q for q in quotes if fragment in q.quote]
    assert len(hits) == 1, (fragment, hits)
    return hits[0]


def test_offsets_are_exact(seed: str, seed_quotes: list[Quotation]) -> None:
    assert seed_quotes
    for q in seed_quotes:
        assert seed[q.start : q.end] == q.quote
        assert q.sentence_start <= q.start < q.end <= q.sentence_end
        assert q.kind in {"direct", "reported"}
        assert q.quote == q.quote.strip()


def test_peskov_direct_quote_with_title_split_off(seed_quotes: list[Quotation]) -> None:
    q = _with(seed_quotes, "If, after taking office")
    assert q.speaker == "Dmitry Peskov"
    assert q.kind == "direct"
    assert "spokesperson" in q.role and "Kremlin" in q.role
    assert q.quote.startswith("If, after taking office")
    assert q.quote.endswith("the need for this dialogue.")  # the whole quote, across its inner sentences


def test_peskov_reported_statements_via_name_role_and_pronoun(seed_quotes: list[Quotation]) -> None:
    formal = _with(seed_quotes, "had not received a formal request")
    assert (formal.speaker, formal.kind) == ("Dmitry Peskov", "reported")
    assert formal.quote == "Russia had not received a formal request for a meeting"
    acknowledged = _with(
        seed_quotes, "had often expressed his willingness"
    )  # "The press secretary acknowledged that"
    assert acknowledged.speaker == "Dmitry Peskov"
    assert "emphasized" not in acknowledged.quote  # the coordinated second statement is separate
    emphasized = _with(seed_quotes, "more appropriate to wait")
    assert emphasized.speaker == "Dmitry Peskov"
    conditions = _with(seed_quotes, "attaches no conditions")  # "He told reporters ... that"
    assert conditions.speaker == "Dmitry Peskov"
    assert conditions.quote == "Russia attaches no conditions to the possibility of face-to-face talks"


def test_trump_quote_with_pronoun_after_it(seed_quotes: list[Quotation]) -> None:
    q = _with(seed_quotes, "setting it up")
    assert q.speaker == "Donald Trump"
    assert q.kind == "direct"
    assert q.quote == "wants to meet, and we're setting it up"
    added = _with(seed_quotes, "displaced about 6 million")  # "He added that ..." right after
    assert added.speaker == "Donald Trump" and added.kind == "reported"
    partial = [q for q in seed_quotes if q.quote == "bloody mess"]  # a quote inside the reported clause
    assert [(q.speaker, q.kind) for q in partial] == [("Donald Trump", "direct")]


def test_colon_introduced_quotes(seed_quotes: list[Quotation]) -> None:
    z = _with(seed_quotes, "European security guarantees")
    assert z.speaker == "Volodymyr Zelensky" and z.kind == "direct"
    assert "President" in z.role
    assert z.quote.endswith("from the U.S. and Europe.")
    s = _with(seed_quotes, "his #1 asset")
    assert s.speaker == "Tristan Snell" and s.kind == "direct"  # "wrote on X, formerly Twitter:"
    assert "lawyer" in s.role


def test_no_quote_is_attributed_to_a_place_or_to_a_name_inside_a_quote(seed_quotes: list[Quotation]) -> None:
    speakers = {q.speaker for q in seed_quotes}
    # "The Kremlin has responded …, clarifying that no official request … has been made": the Kremlin speaks
    assert speakers <= {"Dmitry Peskov", "Donald Trump", "Volodymyr Zelensky", "Tristan Snell", "The Kremlin"}
    assert not _by(seed_quotes, "Vladimir Putin")


def test_a_statement_named_inside_a_quote_is_nested_in_it(seed_quotes: list[Quotation]) -> None:
    # Snell wrote "Trump says Putin wants to meet with him, …": Snell's words, and inside them Trump's reported
    # statement (one outer and one inner record, as the annotation guide has it), never Snell's words as Trump's
    outer = _with(seed_quotes, "his #1 asset")
    inner = [q for q in _by(seed_quotes, "Donald Trump", "reported") if "Putin wants to meet with him" in q.quote]
    assert outer.speaker == "Tristan Snell" and len(inner) == 1
    assert outer.start < inner[0].start < inner[0].end < outer.end and "Well, of course" not in inner[0].quote


INVENTED = """Mayor Anne Hidalgo said on Monday that the city would close three bridges for repairs. \
"We have no choice," she said. "The bridges are a hundred years old."
"It is a disaster," said opposition leader Pierre de la Fontaine, who called for an inquiry.
According to Reuters, the closures will last until March.
The plan was criticised by local business owners, according to shop owner Marie O'Brien.
German Chancellor Olaf Scholz told reporters in Berlin: "We will not send troops."
Scholz added that Germany would increase aid. He also warned that the winter would be hard.
The company's spokeswoman, Jane Doe, said, "We regret the delay," and promised refunds.
"""


@pytest.fixture(scope="module")
def invented() -> list[Quotation]:
    return extract_quotations(INVENTED)


def test_invented_patterns(invented: list[Quotation]) -> None:
    assert _with(invented, "close three bridges").speaker == "Anne Hidalgo"
    no_choice = _with(invented, "We have no choice")
    assert (no_choice.speaker, no_choice.kind) == ("Anne Hidalgo", "direct")
    assert no_choice.quote == "We have no choice"  # the comma before the closing mark is dropped
    assert _with(invented, "hundred years old").speaker == "Anne Hidalgo"  # a quote-only sentence continues
    disaster = _with(invented, "It is a disaster")
    assert disaster.speaker == "Pierre de la Fontaine" and "leader" in disaster.role
    reuters = _with(invented, "closures will last")
    assert reuters.speaker == "Reuters" and reuters.kind == "reported"
    assert _with(invented, "criticised by local business").speaker == "Marie O'Brien"
    troops = _with(invented, "We will not send troops.")
    assert troops.speaker == "Olaf Scholz" and "Chancellor" in troops.role
    assert _with(invented, "increase aid").speaker == "Olaf Scholz"  # surname
    assert _with(invented, "winter would be hard").speaker == "Olaf Scholz"  # pronoun
    assert _with(invented, "regret the delay").speaker == "Jane Doe"  # name in the appositive


def test_unsafe_pronoun_is_left_unattributed() -> None:
    text = (
        "Senator Mary Jones met Governor Tom Reyes in Austin on Friday.\n"
        "He said that the talks had gone well."
    )
    assert not any("talks had gone well" in q.quote for q in extract_quotations(text))


def test_role_noun_resolves_only_to_a_matching_person() -> None:
    text = (
        "White House spokeswoman Karen Lee spoke after Defense Secretary Paul Grant left.\n"
        "The press secretary said that the meeting was productive.\n"
        "The president said that no decision had been made."
    )
    quotes = extract_quotations(text)
    assert _with(quotes, "meeting was productive").speaker == "Karen Lee"
    assert not any("no decision" in q.quote for q in quotes)  # nobody was introduced as president
