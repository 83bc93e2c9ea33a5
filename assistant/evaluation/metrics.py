"""Pure metric functions for the evaluation engine: no I/O, no engine, no state.

Each function states its rule exactly, because evaluation numbers are only
comparable when everyone computes them the same way. ``evaluation.py``
decides which metric applies to which case; this module only computes.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from index.articles import canonical_url
from index.text.fold import fold, verify

# --- retrieval -------------------------------------------------------------


def squeeze(text: str) -> str:
    """Remove only spaces and newlines (the MultiHop-RAG rule); case, tabs and quotes stay."""
    return text.replace(" ", "").replace("\n", "")


def fact_in_chunk(fact: str, chunk_text: str) -> bool:
    """MultiHop-RAG hit rule: the fact is a substring of the chunk once both are squeezed."""
    needle = squeeze(fact)
    return bool(needle) and needle in squeeze(chunk_text)


def source_matches(expected: Iterable[str], *, article_id: str = "", title: str = "", url: str = "") -> bool:
    """An article matches when its id equals, its title equals case-insensitively, or its URL equals
    (compared canonically: scheme/host case, fragment, tracking query and trailing slash ignored)
    one expected source."""
    title_key = " ".join(title.split()).casefold()
    url_key = canonical_url(url) or url.strip()
    for source in expected:
        source = source.strip()
        if not source:
            continue
        if article_id and source == article_id:
            return True
        if title_key and " ".join(source.split()).casefold() == title_key:
            return True
        if url_key and (canonical_url(source) or source) == url_key:
            return True
    return False


def first_hit_rank(hits: Sequence[bool], k: int | None = None) -> int | None:
    """1-based rank of the first hit within the top ``k`` (all when None), or None."""
    for rank, hit in enumerate(hits[: k if k is not None else len(hits)], start=1):
        if hit:
            return rank
    return None


def hit_at_k(hits: Sequence[bool], k: int | None = None) -> float:
    """1.0 when any of the top ``k`` is a hit, else 0.0."""
    return 1.0 if first_hit_rank(hits, k) is not None else 0.0


def reciprocal_rank(hits: Sequence[bool], k: int | None = None) -> float:
    """1/rank of the first hit within the top ``k`` (MRR@k when averaged), 0.0 when none."""
    rank = first_hit_rank(hits, k)
    return 1.0 / rank if rank else 0.0


# --- quotes and citations --------------------------------------------------


def fragment_found(fragment: str, quotes: Iterable[str]) -> bool:
    """An expected fragment is found when, folded, it lies inside one folded shown quote."""
    needle = fold(fragment)
    return bool(needle) and any(needle in fold(q) for q in quotes)


def quote_recall(expected: Sequence[str], shown: Sequence[str]) -> float | None:
    """Share of expected fragments found inside the shown quotes; None when none are expected."""
    wanted = [f for f in expected if fold(f)]
    if not wanted:
        return None
    return sum(fragment_found(f, shown) for f in wanted) / len(wanted)


def _name_words(name: str) -> list[str]:
    """Lower-case, accent-free words of a name, without a parenthetical descriptor or possessive."""
    name = re.sub(r"\([^)]*\)", " ", name)
    name = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    words = re.findall(r"[\w'’-]+", name.lower())
    return [re.sub(r"['’]s$", "", w) for w in words if w not in {"the", "a", "an"}]


def speaker_is(expected: str, shown: str) -> bool:
    """Does a citation's speaker name the expected speaker? The last word of one (a surname, or an
    organisation's name) must be a word of the other: "Mooney" ~ "Darnell Mooney", "Binance" ~
    "Binance (spokesperson)", "Open AI" ~ "OpenAI"; "Robert" !~ "Julia Roberts"; an acronym is the name whose
    capitalised words it spells ("PGMOL" ~ "Professional Game Match Officials Limited")."""
    e, s = _name_words(expected), _name_words(shown)
    if not e or not s:
        return False
    return e[-1] in s or s[-1] in e or "".join(e) == "".join(s) or (  # spaced or not: "Open AI" ~ "OpenAI"
        _spells(expected, shown) or _spells(shown, expected))


def _spells(acronym: str, name: str) -> bool:
    caps = [w for w in name.split() if w[:1].isupper()]
    return acronym.strip().isupper() and len(caps) >= 2 and "".join(w[0] for w in caps) == acronym.strip()


def citation_is_valid(quote: str, start: int, end: int, article_text: str) -> bool:
    """Exact check, no folding: the quote is the stored text between its offsets."""
    return verify(quote, article_text, start, end)


def citation_validity(
    citations: Sequence[tuple[str, str, int, int]], article_text: Callable[[str], str]
) -> tuple[float | None, list[int]]:
    """Share of ``(article_id, quote, start, end)`` that are valid, and the indexes that are not.

    An article that cannot be read (``article_text`` raises) makes its citations invalid.
    None when there are no citations.
    """
    if not citations:
        return None, []
    bad: list[int] = []
    for i, (article_id, quote, start, end) in enumerate(citations):
        try:
            text = article_text(article_id)
        except Exception:  # noqa: BLE001 - an unreadable article is an invalid citation, by rule
            bad.append(i)
            continue
        if not citation_is_valid(quote, start, end, text):
            bad.append(i)
    return (len(citations) - len(bad)) / len(citations), bad


# --- answers ---------------------------------------------------------------

_MARKER = re.compile(r"\[\d+(?:\s*[,;]\s*\d+)*\]")


def normalize_answer(text: str) -> str:
    """Lowercase, fold, delete Unicode punctuation, collapse spaces. ``[n]`` citation markers go first;
    dashes and slashes separate words ("Portland, Maine-based" holds "Portland, Maine"), and so does a
    possessive ("Nicolas Otamendi's early goal" holds "Nicolas Otamendi")."""
    text = re.sub(r"'s\b", " s", fold(_MARKER.sub(" ", text)).lower())
    text = "".join(" " if unicodedata.category(ch) == "Pd" or ch == "/" else ch for ch in text)
    text = "".join(ch for ch in text if not unicodedata.category(ch).startswith("P"))
    return " ".join(text.split())


def answer_contained(expected: str, answer: str) -> bool:
    """The normalised expected answer occurs in the normalised answer on whole-token boundaries."""
    gold = normalize_answer(expected)
    return bool(gold) and f" {gold} " in f" {normalize_answer(answer)} "


def token_f1(expected: str, answer: str) -> float:
    """SQuAD-style token F1 over normalised tokens (1.0 when both are empty)."""
    gold = normalize_answer(expected).split()
    pred = normalize_answer(answer).split()
    if not gold or not pred:
        return float(gold == pred)
    same = sum((Counter(gold) & Counter(pred)).values())
    if same == 0:
        return 0.0
    precision, recall = same / len(pred), same / len(gold)
    return 2 * precision * recall / (precision + recall)


# --- aggregates ------------------------------------------------------------


def percentile(values: Iterable[float], q: float) -> float | None:
    """The q-th percentile (0..100) by linear interpolation between closest ranks (numpy's default)."""
    data = sorted(values)
    if not data:
        return None
    if not 0 <= q <= 100:
        raise ValueError("q must be between 0 and 100")
    pos = (len(data) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return data[lo] + (data[hi] - data[lo]) * (pos - lo)


def mean(values: Iterable[float | None]) -> float | None:
    """Mean over the defined (non-None) values; None when there are none."""
    defined = [v for v in values if v is not None]
    return sum(defined) / len(defined) if defined else None


__all__ = [
    "answer_contained",
    "citation_is_valid",
    "speaker_is",
    "citation_validity",
    "fact_in_chunk",
    "first_hit_rank",
    "fragment_found",
    "hit_at_k",
    "mean",
    "normalize_answer",
    "percentile",
    "quote_recall",
    "reciprocal_rank",
    "source_matches",
    "squeeze",
    "token_f1",
]


# --- MultiHop-RAG MAP ------------------------------------------------------


def multihop_map_at_k(facts: Sequence[str], chunks: Sequence[str], k: int = 10) -> float:
    """MultiHop-RAG's MAP@k variant for one query: at each rank r <= k whose chunk is a hit, add
    (number of facts first found at r) / r; divide by min(number of facts, k). Facts and chunks are
    squeezed as in ``fact_in_chunk``; the fact count includes duplicates, as in their script."""
    if not facts:
        return 0.0
    gold = [squeeze(f) for f in facts]
    found: set[str] = set()
    total = 0.0
    for rank, chunk in enumerate(chunks[:k], start=1):
        text = squeeze(chunk)
        if not any(g and g in text for g in gold):
            continue
        new = [g for g in dict.fromkeys(gold) if g and g in text and g not in found]
        found.update(new)
        total += len(new) / rank
    return total / min(len(facts), k)


__all__ += ["multihop_map_at_k"]
