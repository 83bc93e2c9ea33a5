"""The quote check: a shown quote is a substring of the stored text under the documented folding only."""

from __future__ import annotations

import unicodedata

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from index.text.fold import fold, locate, strip_marks, verify

TEXT = (
    "Kremlin spokesperson Dmitry Peskov said: \u201cIf, after taking office, the political will to resume\n"
    "contacts remains, then, of course, President Putin will only welcome this.\u201d\n"
    "He added: \u201cWe don\u2019t set conditions.\u201d "
    "Later he said: \u201cWe don\u2019t set conditions.\u201d"
)


def test_exact_substring_gives_original_offsets() -> None:
    quote = "President Putin will only welcome this."
    span = locate(quote, TEXT)
    assert span is not None
    start, end = span
    assert TEXT[start:end] == quote
    assert verify(quote, TEXT, start, end)


def test_whitespace_runs_match_across_newlines() -> None:
    span = locate("to resume   contacts remains", TEXT)
    assert span is not None
    assert TEXT[span[0] : span[1]] == "to resume\ncontacts remains"


def test_straight_quote_marks_match_curly_ones() -> None:
    span = locate("We don't set conditions.", TEXT)
    assert span is not None
    assert TEXT[span[0] : span[1]] == "We don\u2019t set conditions."


def test_surrounding_quote_marks_and_spaces_are_stripped() -> None:
    for given_quote in (
        '  "President Putin will only welcome this."',
        "\u201cPresident Putin will only welcome this.\u201d",
    ):
        span = locate(given_quote, TEXT)
        assert span is not None
        assert TEXT[span[0] : span[1]] == "President Putin will only welcome this."


def test_strip_marks_keeps_apostrophes_that_are_not_paired() -> None:
    assert strip_marks("runners'") == "runners'"
    assert strip_marks("\u2018quoted\u2019") == "quoted"
    assert strip_marks("\u201c  inner \u201d") == "inner"


def test_nearest_match_to_hint_wins() -> None:
    first = TEXT.index("We don")
    second = TEXT.rindex("We don")
    assert locate("We don't set conditions.", TEXT)[0] == first
    assert locate("We don't set conditions.", TEXT, hint=second - 3)[0] == second
    assert locate("We don't set conditions.", TEXT, hint=first + 5)[0] == first
    assert locate("We don't set conditions.", TEXT, hint=len(TEXT))[0] == second


def test_nothing_else_is_forgiven() -> None:
    assert locate("president putin will only welcome this.", TEXT) is None  # case
    assert locate("President Putin will welcome this.", TEXT) is None  # a dropped word
    assert locate("President Putin will only welcome this!", TEXT) is None  # punctuation
    assert locate("Vladimir Putin", TEXT) is None


def test_too_short_or_empty_is_none() -> None:
    assert locate("", TEXT) is None
    assert locate("  \u201c\u201d ", TEXT) is None
    assert locate("He", TEXT) is None
    assert locate("He ", TEXT) is None
    assert locate("He added", "") is None


def test_nfc_both_ways() -> None:
    composed = "Le ministre a d\u00e9clar\u00e9: \u00abNon.\u00bb"
    decomposed = unicodedata.normalize("NFD", composed)
    span = locate("a d\u00e9clar\u00e9", decomposed)
    assert span is not None
    assert unicodedata.normalize("NFC", decomposed[span[0] : span[1]]) == "a d\u00e9clar\u00e9"
    span = locate(unicodedata.normalize("NFD", "a d\u00e9clar\u00e9"), composed)
    assert span is not None and composed[span[0] : span[1]] == "a d\u00e9clar\u00e9"


def test_verify_is_exact_and_bounds_checked() -> None:
    assert verify("Kremlin", TEXT, 0, 7)
    assert not verify("kremlin", TEXT, 0, 7)
    assert not verify("Kremlin", TEXT, 1, 8)
    assert not verify("", TEXT, -1, -1)
    assert not verify("x", "x", 0, 5)


def test_fold_documented_rules() -> None:
    assert fold("  \u201cA\u201d\u00a0\u2018b\u2019 \n\t c  ") == "\"A\" 'b' c"
    assert fold(unicodedata.normalize("NFD", "\u00e9")) == "\u00e9"
    assert fold(fold("x \u201cy\u201d")) == fold("x \u201cy\u201d")


_ALPHABET = st.sampled_from(list("ab c\n\u201c\u201d\"'\u2019.,\u00e9") + ["e\u0301", "  "])


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, min_size=1, max_size=40).map("".join), st.data())
def test_any_substring_is_found_with_faithful_offsets(text: str, data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(text)))
    j = data.draw(st.integers(i, len(text)))
    # a substring that cuts a character from its combining accent is not a quote of this text
    assume(not (i < len(text) and unicodedata.combining(text[i])))
    assume(not (j < len(text) and unicodedata.combining(text[j])))
    sub = text[i:j]
    span = locate(sub, text)
    needle = fold(strip_marks(sub))
    if len(needle) < 3:
        assert span is None
        return
    assert span is not None
    assert fold(text[span[0] : span[1]]) == needle
