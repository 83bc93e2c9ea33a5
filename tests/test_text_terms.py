"""The one stemmer and stopword list: BM25 terms and the answerer's content terms."""

from __future__ import annotations

import pytest

from index.text.terms import FUNCTION_WORDS, STOPWORDS, content_terms, stem, tokenize


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("displaced", "displac"), ("displacing", "displac"), ("displace", "displac"), ("companies", "company"),
        ("boxes", "box"), ("Apple’s", "appl"), ("apple", "appl"), ("status", "status"), ("agreed", "agree"),
        ("running", "run"), ("ran", "run"), ("won", "win"), ("winning", "win"), ("broke", "break"),
        ("breaking", "break"), ("sold", "sell"), ("stopped", "stop"), ("selling", "sell"), ("lost", "los"),
        ("losing", "los"), ("vote", "vot"), ("voted", "vot"), ("free", "free"), ("arose", "aris"), ("arises", "aris"),
        ("rise", "ris"),
    ],
)
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_bm25_terms_are_stemmed_and_drop_only_the_short_list() -> None:
    assert tokenize("The companies said they were displaced before the vote") == [
        "company", "displac", "befor", "vot"
    ]
    assert STOPWORDS < FUNCTION_WORDS and "before" not in STOPWORDS  # questions use "before", "after", "more"


def test_content_terms_drop_function_words_and_keep_word_shapes() -> None:
    assert content_terms("What did the envoy say about Zelensky's plan before the talks?") == [
        "envoy", "zelensky", "plan", "talk"
    ]


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_contractions_of_pronouns_and_auxiliaries_carry_no_content(apostrophe: str) -> None:
    """"the friendlies they've lined up": a topic of two content words, not three; "Didn't Epic" names Epic."""
    text = f"the preseason friendlies they{apostrophe}ve lined up, and it didn{apostrophe}t matter"
    assert content_terms(text) == ["preseason", "friendly", "lin", "matter"]
    assert f"didn{apostrophe}t" in FUNCTION_WORDS
