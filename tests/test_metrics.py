"""The metric functions, checked on hand-made inputs against their stated rules."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.evaluation import metrics as m
from index.errors import NotFound

# --- MultiHop-RAG hit rule --------------------------------------------------


def test_fact_hit_ignores_only_spaces_and_newlines():
    chunk = "The trial\nstarted on Tuesday.  Prosecutors said\nhe lied."
    assert m.fact_in_chunk("The trial started on Tuesday.", chunk)
    assert m.fact_in_chunk("started on Tues day. Prosecutors", chunk)  # spaces anywhere are ignored
    assert m.fact_in_chunk("Prosecutors said he lied.", chunk)


def test_fact_hit_is_case_punctuation_and_quote_sensitive():
    chunk = "He said \u201cno comment\u201d to reporters."
    assert not m.fact_in_chunk('He said "no comment" to reporters.', chunk)  # straight vs curly
    assert m.fact_in_chunk("He said \u201cno comment\u201d to reporters.", chunk)
    assert not m.fact_in_chunk("he said \u201cno comment\u201d to reporters.", chunk)  # case
    assert not m.fact_in_chunk("He said \u201cno comment\u201d to reporters!", chunk)  # punctuation


def test_squeeze_keeps_tabs_and_other_whitespace():
    assert m.squeeze("a b\nc\td\u00a0e") == "abc\td\u00a0e"
    assert not m.fact_in_chunk("a b", "a\tb")


def test_empty_fact_is_never_a_hit():
    assert not m.fact_in_chunk(" \n", "anything")


# --- ranks --------------------------------------------------------------------


def test_first_hit_rank_hit_at_k_and_reciprocal_rank():
    hits = [False, False, True, True]
    assert m.first_hit_rank(hits) == 3
    assert m.hit_at_k(hits) == 1.0
    assert m.hit_at_k(hits, 2) == 0.0
    assert m.hit_at_k(hits, 3) == 1.0
    assert m.reciprocal_rank(hits) == pytest.approx(1 / 3)
    assert m.reciprocal_rank(hits, 2) == 0.0
    assert m.reciprocal_rank([]) == 0.0
    assert m.first_hit_rank([False]) is None


def test_mrr_is_the_mean_of_reciprocal_ranks():
    queries = [[True], [False, True], [False, False, False, True], [False, False]]
    mrr = m.mean(m.reciprocal_rank(h) for h in queries)
    assert mrr == pytest.approx((1 + 0.5 + 0.25 + 0) / 4)


# --- sources ------------------------------------------------------------------


def test_source_matches_by_id_title_case_insensitively_or_url():
    expected = ["abc-123", "The FTX Trial Is Bigger", "https://Example.com/a/b/?utm_source=x#frag"]
    assert m.source_matches(expected, article_id="abc-123")
    assert m.source_matches(expected, article_id="zzz", title="the ftx trial is bigger")
    assert m.source_matches(expected, article_id="zzz", url="https://example.com/a/b")
    assert not m.source_matches(
        expected, article_id="abc-1234", title="The FTX trial", url="https://example.com/a"
    )
    assert not m.source_matches([], article_id="abc-123")
    assert not m.source_matches([""], article_id="", title="", url="")


# --- quotes -------------------------------------------------------------------


def test_quote_recall_counts_expected_fragments_found_in_one_quote():
    shown = ["The minister said taxes will rise next year.", "Growth slowed to 1%."]
    assert m.quote_recall(["taxes will rise", "Growth slowed"], shown) == 1.0
    assert m.quote_recall(["taxes will rise", "inflation fell"], shown) == 0.5  # a missing fragment lowers it
    assert m.quote_recall(["inflation fell"], shown) == 0.0
    assert m.quote_recall([], shown) is None
    # a fragment spanning two separate quotes is not "inside the shown quotes"
    assert m.quote_recall(["next year. Growth"], shown) == 0.0


def test_quote_recall_folds_quotes_and_whitespace():
    shown = ["He called it \u201ca  disaster\u201d\nyesterday."]
    assert m.quote_recall(['"a disaster" yesterday'], shown) == 1.0
    assert m.quote_recall(["A disaster"], shown) == 0.0  # folding keeps case


def test_citation_validity_exact_offsets():
    text = "Alpha beta gamma. Delta epsilon."
    store = {"a1": text}
    good = ("a1", "beta gamma", 6, 16)
    assert text[6:16] == "beta gamma"
    assert m.citation_validity([good], store.__getitem__) == (1.0, [])
    not_in_article = ("a1", "zeta eta", 6, 14)
    assert m.citation_validity([good, not_in_article], store.__getitem__) == (0.5, [1])
    wrong_offsets = ("a1", "beta gamma", 5, 15)
    assert m.citation_validity([wrong_offsets], store.__getitem__) == (0.0, [0])
    out_of_range = ("a1", "", 40, 40)
    assert m.citation_validity([out_of_range], store.__getitem__) == (0.0, [0])
    assert m.citation_validity([], store.__getitem__) == (None, [])


def test_citation_validity_does_not_fold():
    text = "He said \u201cyes\u201d."
    assert not m.citation_is_valid('"yes"', 8, 13, text)
    assert m.citation_is_valid("\u201cyes\u201d", 8, 13, text)


def test_citation_of_unreadable_article_is_invalid():
    def article_text(article_id: str) -> str:
        raise NotFound(f"no article {article_id}")

    assert m.citation_validity([("gone", "x", 0, 1)], article_text) == (0.0, [0])


# --- answers ------------------------------------------------------------------


def test_normalize_answer():
    assert (
        m.normalize_answer("  Sam  Bankman-Fried, [1] said \u201cNo!\u201d [2, 3] ")
        == "sam bankman fried said no"
    )


def test_answer_contained_on_token_boundaries():
    assert m.answer_contained("Sam Bankman-Fried", "The accused is sam bankman-fried [1].")
    assert not m.answer_contained("yes", "Yesterday it rained.")
    assert m.answer_contained("Yes", "Yes, it did [2].")
    assert not m.answer_contained("", "anything")
    assert m.answer_contained("Portland, Maine", "One Portland, Maine-based startup [1].")
    assert not m.answer_contained("Maine", "A Mainebased startup.")


def test_a_possessive_does_not_hide_the_name_it_follows():
    assert m.answer_contained("Nicolas Otamendi", "Nicolas Otamendi’s early goal was enough [1].")
    assert m.answer_contained("Nicolas Otamendi", "Nicolas Otamendi's early goal was enough [1].")
    assert not m.answer_contained("Otamendi", "The Otamendis were there.")


def test_token_f1_squad_style():
    assert m.token_f1("the cat sat", "the cat sat") == 1.0
    # gold 3 tokens, prediction 4 tokens, 2 shared: P=1/2, R=2/3, F1=4/7
    assert m.token_f1("the cat sat", "a cat sat down") == pytest.approx(4 / 7)
    assert m.token_f1("cat", "dog") == 0.0
    assert m.token_f1("", "") == 1.0
    assert m.token_f1("cat", "") == 0.0
    # repeated tokens count once per occurrence in both
    assert m.token_f1("go go", "go") == pytest.approx(2 * 1 * 0.5 / 1.5)


# --- aggregates -----------------------------------------------------------------


def test_percentile_by_hand():
    assert m.percentile([], 50) is None
    assert m.percentile([7.0], 95) == 7.0
    assert m.percentile([4, 1, 3, 2], 50) == 2.5
    assert m.percentile(range(1, 21), 95) == pytest.approx(19.05)
    assert m.percentile([10, 20], 0) == 10
    assert m.percentile([10, 20], 100) == 20
    with pytest.raises(ValueError):
        m.percentile([1], 101)


@given(st.lists(st.floats(0, 1e6), min_size=1, max_size=50), st.sampled_from([50, 95, 5, 99]))
def test_percentile_matches_numpy_linear(values, q):
    assert m.percentile(values, q) == pytest.approx(float(np.percentile(values, q)), rel=1e-9, abs=1e-9)


def test_mean_skips_undefined():
    assert m.mean([1.0, None, 0.0]) == 0.5
    assert m.mean([None]) is None


@pytest.mark.parametrize(
    ("expected", "shown", "same"),
    [
        ("Darnell Mooney", "Mooney", True),
        ("Binance", "Binance (spokesperson)", True),
        ("OpenAI", "Open AI", True),  # spaced or not, one name
        ("Julia Roberts", "Robert", False),
        ("OpenAI", "Open Society", False),
        ("PGMOL", "Professional Game Match Officials Limited", True),  # an acronym and the name it spells
        ("Institute for the Study of War", "ISW", True),
        ("PGMOL", "Premier League", False),
    ],
)
def test_speaker_is(expected: str, shown: str, same: bool) -> None:
    assert m.speaker_is(expected, shown) is same
