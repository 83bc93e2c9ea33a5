"""Query analysis: what a question asks (its sub-questions) and which outlets and dates it names.

``QueryAnalyser.analyse(question)`` returns a ``QueryAnalysis`` whose ``parts`` are the
searches retrieval runs, each a ``SubQuestion`` (text, outlet keys, date ranges, and the
text searched: without the outlet names, which are matched against metadata instead):

- a compound question is searched as its sub-questions (``split_parts``), each with the
  outlets and dates written inside it; a sub-question naming no outlet takes the question's
  outlets, one naming no date the question's dates ("In TechCrunch's reporting, what did A
  say in September, and what did B say?" asks TechCrunch twice, September twice). The whole
  question is not searched as well: measured on MultiHop-RAG and the compound questions,
  it added nothing the sub-questions did not find, and cost one more query encoding;
- a simple question is one search, the question itself;
- a (sub-)question naming several outlets or several dates is asked once per outlet or
  date ("Do Engadget and Polygon agree ...?" looks for Engadget's and Polygon's evidence
  separately; "on September 26 compared with October 10"): same text, one name each, so
  no extra encoding or search, only another scoring of the same candidates.

Outlets are matched against the outlets in the index (``OutletCatalog``), dates resolved
against ``reference``, the collection's "today" (its newest publication date), so "last
Tuesday" means the Tuesday before the newest article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from assistant.query.dates import DateRange, DateSpan, find_dates
from assistant.query.outlets import OutletCatalog, OutletMention
from assistant.query.parts import split_parts


@dataclass(frozen=True)
class SubQuestion:
    """One search: its text, the outlets (keys) and dates it names, and the text searched.

    ``search`` is ``text`` without the outlet names: they are matched against the articles'
    metadata, and as words they would only find articles that mention the outlet.
    """

    text: str
    outlets: frozenset[str] = frozenset()
    dates: tuple[DateRange, ...] = ()
    search: str = ""

    def __post_init__(self) -> None:
        if not self.search:
            object.__setattr__(self, "search", self.text)


@dataclass(frozen=True)
class QueryAnalysis:
    question: str
    parts: tuple[SubQuestion, ...]
    outlet_mentions: tuple[OutletMention, ...] = field(default=(), repr=False)
    date_mentions: tuple[DateSpan, ...] = field(default=(), repr=False)

    @property
    def outlets(self) -> frozenset[str]:
        """Every outlet the question names (keys)."""
        return frozenset(m.key for m in self.outlet_mentions)

    @property
    def dates(self) -> tuple[DateRange, ...]:
        """Every date the question names, in order."""
        return tuple(dict.fromkeys(d.range for d in self.date_mentions))

    @property
    def part_labels(self) -> list[str]:
        """The sub-questions as passages are labelled (``Passage.part``): "" for the whole question, then each part."""
        return list(dict.fromkeys("" if p.text == self.question else p.text for p in self.parts))

    @property
    def sub_questions(self) -> list[str]:
        """The distinct texts searched, in order."""
        return list(dict.fromkeys(p.search for p in self.parts))


def _fan_out(part: SubQuestion) -> list[SubQuestion]:
    """One search per named outlet, or per named date, when a part names several."""
    if len(part.outlets) > 1:
        return [SubQuestion(part.text, frozenset({o}), part.dates, part.search) for o in sorted(part.outlets)]
    if len(part.dates) > 1:
        return [SubQuestion(part.text, part.outlets, (d,), part.search) for d in part.dates]
    return []


_EMPTY_QUOTES = re.compile(r"(['\"‘’“”])\s*(['\"‘’“”])")


def _without(text: str, start: int, spans: list[tuple[int, int]]) -> str:
    """``text`` (found at ``start`` in the question) with the given question spans taken out."""
    for a, b in sorted(spans, reverse=True):
        a, b = a - start, b - start
        if 0 <= a < b <= len(text):
            text = text[:a] + " " + text[b:]
    text = _EMPTY_QUOTES.sub(" ", text)
    return re.sub(r"\s+([,.;:?!])", r"\1", " ".join(text.split()))


class QueryAnalyser:
    """Analyses questions against one collection's outlets and dates."""

    def __init__(self, catalog: OutletCatalog | None = None, reference: date | None = None) -> None:
        self.catalog = catalog or OutletCatalog()
        self.reference = reference or date.today()

    def analyse(self, question: str) -> QueryAnalysis:
        question = " ".join(question.split())
        outlets = self.catalog.find(question)
        dates = find_dates(question, self.reference)
        named = [(m.start, m.end) for m in outlets] + [(d.start, d.end) for d in dates]
        names = [(m.start, m.end) for m in outlets]
        whole = SubQuestion(question, frozenset(m.key for m in outlets), tuple(dict.fromkeys(d.range for d in dates)),
                            _without(question, 0, names))
        spans = split_parts(question, named)
        parts = [whole]
        if len(spans) > 1:
            parts = []
            for span in spans:
                own_outlets = frozenset(m.key for m in outlets if span.start <= m.start < span.end)
                own_dates = tuple(dict.fromkeys(d.range for d in dates if span.start <= d.start < span.end))
                parts.append(SubQuestion(span.text, own_outlets or whole.outlets, own_dates or whole.dates,
                                         _without(span.text, span.start, names)))
        for part in list(parts):
            parts.extend(_fan_out(part))
        return QueryAnalysis(question, tuple(dict.fromkeys(parts)), tuple(outlets), tuple(dates))


__all__ = ["QueryAnalyser", "QueryAnalysis", "SubQuestion"]
