"""Sentence splitters compared: the project's quote-aware one against pysbd and syntok.

Two measures, each splitter run line by line (a line break always ends a sentence):

(a) the 54 hand-annotated articles (``tests/data/attribution/``): how many gold direct
    quotations of more than one sentence a splitter cuts apart (a boundary strictly inside the
    quoted words). Cutting a quotation breaks attribution of its later sentences and chunks a
    quote in two.
(b) a hand-written set of news sentences with abbreviations, initials, times, dates and quotes
    (``CASES`` below), with the exact expected sentences: boundaries missed and boundaries invented.

Needs ``pip install pysbd syntok`` (not project dependencies). Last line: one JSON object.

    .venv/bin/python bench/sentences.py
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from index.text.sentences import paragraphs, sentence_spans  # noqa: E402

CASES = [
    ["The meeting starts at 9 a.m. on Monday.", "It ends at 5 p.m. sharp."],
    ["Talks resumed on Jan. 5 in Geneva.", "Both sides attended."],
    ["The U.S. and the U.K. signed the deal.", "Markets rose."],
    ["J. K. Rowling spoke first.", "Then the panel began."],
    ["Mr. Smith met Dr. Jones at St. Mary's.", "They talked for an hour."],
    ['"We agreed. It went well," she said.', "Then they left."],
    ['He said: "It works. We know it works."', "The room was silent."],
    ["Sen. Warren and Gov. Newsom disagreed.", "Rep. Jeffries stayed quiet."],
    ["Shares of Apple Inc. rose 3%.", "Shares of Google fell."],
    ["The company earned $4.5 billion in Q3.", "Analysts expected $4.2 billion."],
    ["Why now?", "Because the vote is on Tuesday."],
    ["It was, he said, \u201cthe best day of my life.\u201d", "Fans cheered."],
    ["She moved to Washington, D.C. in 2019.", "She still lives there."],
    ["The deal closes in Sept. 2024, the firm said.", "Regulators must approve it."],
    ["Prof. Li of the Univ. of Toronto led the study.", "It took three years."],
    ["\u201cI don\u2019t know. Maybe. We\u2019ll see,\u201d the coach said.", "The team trains on Friday."],
    ["Gen. Milley testified at 10:30 a.m. Thursday.", "The hearing lasted four hours."],
    ["The No. 1 seed lost.", "The No. 2 seed won."],
    ["A.J. Brown caught two touchdowns.", "The Eagles won 28-23."],
    ["It happened around 2 a.m.", "Police arrived minutes later."],
    ["The firm moved to the U.S.", "Its rival stayed in Europe."],
]


def ours(line: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in sentence_spans(line)]


def pysbd_spans():
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def split(line: str) -> list[tuple[int, int]]:
        return [(s.start, s.start + len(s.sent.rstrip())) for s in seg.segment(line)]

    return split


def syntok_spans():
    import syntok.segmenter as segmenter

    def split(line: str) -> list[tuple[int, int]]:
        out = []
        for para in segmenter.analyze(line):
            for sent in para:
                start = sent[0].offset
                end = sent[-1].offset + len(sent[-1].value)
                out.append((start, end))
        return out

    return split


def by_line(split, text: str) -> list[int]:
    """Boundary offsets (sentence starts) inside lines, over the whole text."""
    starts = []
    for a, b in paragraphs(text):
        for s, _e in split(text[a:b]):
            if s > 0:
                starts.append(a + s)
    return starts


def quote_cuts(split, texts_and_gold) -> tuple[int, int]:
    from test_attribution import gold_span

    cut = total = 0
    for text, raw, gold in texts_and_gold:
        starts = by_line(split, text)
        for g in gold:
            if g["kind"] != "direct":
                continue
            span = gold_span(g, text, raw)
            if isinstance(span, str) or "\n" in text[span[0] : span[1]]:
                continue
            inner = text[span[0] : span[1]]
            if sum(inner.count(p) for p in ".!?") < 2:
                continue  # one sentence or less: nothing to cut
            total += 1
            if any(span[0] < s < span[1] - 1 for s in starts):
                cut += 1
    return cut, total


def case_errors(split) -> tuple[int, int, int]:
    missed = invented = 0
    boundaries = 0
    for sentences in CASES:
        line = " ".join(sentences)
        want = set()
        pos = 0
        for sent in sentences[:-1]:
            pos += len(sent) + 1
            want.add(pos)
        got = {s for s, _ in split(line) if s > 0}
        boundaries += len(want)
        missed += len(want - got)
        invented += len(got - want)
    return missed, invented, boundaries


def main() -> None:
    import test_attribution as ta

    texts = ta._stored_texts()
    raw = ta._raw_bodies()
    data = []
    for title, record in ta.annotations():
        text = texts.get(title, ta.SEED.read_text(encoding="utf-8"))
        data.append((text, raw.get(title), record["quotations"]))
    splitters = {"quote-aware (ours)": ours}
    for name, make in (("pysbd", pysbd_spans), ("syntok", syntok_spans)):
        try:
            splitters[name] = make()
        except ImportError:
            print(f"{name}: not installed (pip install {name}); skipped")
    results = {}
    for name, split in splitters.items():
        t = time.perf_counter()
        cut, total = quote_cuts(split, data)
        seconds = time.perf_counter() - t
        missed, invented, boundaries = case_errors(split)
        results[name] = {"quotes_cut": cut, "multi_sentence_quotes": total, "cases_missed": missed,
                         "cases_invented": invented, "case_boundaries": boundaries,
                         "seconds_54_articles": round(seconds, 2)}
        print(f"{name:20s} quotations cut {cut}/{total}; cases: {missed} missed, {invented} invented "
              f"of {boundaries} boundaries; {seconds:.2f}s")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
