"""The one sentence splitter: quotations, abbreviations, initials, lines, offsets."""

from __future__ import annotations

from index.text.sentences import sentence_spans


def test_sentence_spans_respect_quotes_abbreviations_and_lines() -> None:
    text = (
        'The U.S. envoy met Dr. Smith in Washington. She said: "We agreed. It went well." Then they left.\n'
        "Heading Line\nNext one."
    )
    spans = sentence_spans(text)
    parts = [text[a:b] for a, b in spans]
    assert parts == [
        "The U.S. envoy met Dr. Smith in Washington.",
        'She said: "We agreed. It went well."',
        "Then they left.",
        "Heading Line",
        "Next one.",
    ]
    text = "It includes Super Smash Bros. Ultimate and a membership. Warner Bros. Discovery paid."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "It includes Super Smash Bros. Ultimate and a membership.", "Warner Bros. Discovery paid."]
