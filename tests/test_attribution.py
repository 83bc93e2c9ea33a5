"""Who said what, measured on 94 hand-annotated articles (``tests/data/attribution/``).

Each article is loaded by the real loader (so furniture cleaning applies) and its quotations
are extracted by ``index.quotations.extract_quotations``. Scoring rules (evaluation side only):

* A gold quotation is located in the stored text under the project's fold (its
  ``occurrence``-th match). The annotations were made on the raw bodies: a gold quotation on a
  line the loader removes as page furniture (a photo caption, a promoted headline) is not in the
  stored text and counts as missed. A predicted quotation **matches** a gold one when their character
  spans overlap by at least half of the longer of the two spans. Matching is one-to-one,
  greedy by overlap length.
* The predicted speaker is **right** when ``assistant.evaluation.metrics.speaker_is`` accepts
  it against the gold speaker (the last word of one is a word of the other: "Pochettino" ~
  "Mauricio Pochettino", "a senior official" ~ "senior official"), never the product's own
  matcher.
* ``precision`` = predictions that match a gold quotation with the right speaker / all
  predictions. A prediction that matches no gold quotation (narration, a scare quote, a title)
  counts against it.
* ``recall`` = gold quotations matched with the right speaker / all gold quotations.
* ``coverage`` = gold quotations matched by any prediction (speaker right or wrong) / all gold.

Rules are tuned on ``dev``; ``holdout`` is only reported. The floors below sit a little under
what holdout measures, so a regression fails. Figures are printed in the terminal summary and
written to ``test-artifacts/attribution.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from assistant.evaluation.metrics import speaker_is
from index.loaders import load_file
from index.loaders.furniture import furniture_rule
from index.quotations import extract_quotations
from index.text import normalize_text
from index.text.fold import locate

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "attribution"
MULTIHOP = ROOT / "tests" / "data" / "multihop-rag" / "corpus.json"
SEED = ROOT / "corpus" / "000_863afebc424a52ba.txt"
REPORT: list[str] = []  # read by conftest's terminal summary

# A little under what was measured (BENCHMARKS.md, 2026-11-30 eleventh session) on 134 articles: dev 0.935 / 0.726 /
# 0.745, holdout 0.851 / 0.577 / 0.631 (precision / recall / coverage). The 24 articles added then were annotated
# blind and measured before any rule was written from them: dev 0.882 / 0.506 / 0.566, holdout 0.936 / 0.673 / 0.691;
# on the 110 articles before them, dev 0.940 / 0.769 and holdout 0.807 / 0.536 at the tenth session's end, now
# 0.942 / 0.772 and 0.824 / 0.547 (0.815 / 0.542 of it from the extractor, the rest from an acronym counting as the
# name it spells). Now (fourteenth session, the running speaker and pull quotes): dev 0.936 / 0.737 / 0.756,
# holdout 0.852 / 0.585 / 0.640. Fifteenth session (he/she past an unnamed woman, acronyms, asides, statement
# labels, present-tense clauses, "suspects"/"estimates", a quote paragraph after a sentence about a named person,
# titles with no full stop): dev 0.940 / 0.745 / 0.760, holdout 0.850 / 0.589 / 0.645. Sixteenth (chief officers'
# initials as posts): dev 0.941 / 0.745 / 0.759, holdout unchanged. The goal is 0.95 / 0.85 on holdout.
FLOORS = {
    "dev": {"precision": 0.92, "recall": 0.71, "coverage": 0.73},
    "holdout": {"precision": 0.84, "recall": 0.56, "coverage": 0.62},
}


@dataclass
class Score:
    predicted: int = 0
    gold: int = 0
    right: int = 0  # matched with the right speaker
    covered: int = 0  # gold matched by any prediction
    unlocated: list[str] = field(default_factory=list)  # gold quotations on lines removed as furniture
    lost: list[str] = field(default_factory=list)  # gold quotations missing from the stored text otherwise
    misses: list[dict] = field(default_factory=list)  # for reading failures
    # per kind ("direct" / "reported"): predictions by their kind, gold by its kind
    kinds: dict[str, dict[str, int]] = field(default_factory=dict)

    def count(self, kind: str, what: str) -> None:
        row = self.kinds.setdefault(kind, {"predicted": 0, "gold": 0, "right_predicted": 0, "right_gold": 0})
        row[what] += 1

    def figures(self) -> dict[str, float]:
        return {
            "precision": round(self.right / self.predicted, 3) if self.predicted else 0.0,
            "recall": round(self.right / self.gold, 3) if self.gold else 0.0,
            "coverage": round(self.covered / self.gold, 3) if self.gold else 0.0,
        }

    def by_kind(self) -> dict[str, dict[str, float]]:
        """Precision over predictions of each kind, recall over gold quotations of each kind."""
        out = {}
        for kind, row in sorted(self.kinds.items()):
            out[kind] = {
                "precision": round(row["right_predicted"] / row["predicted"], 3) if row["predicted"] else 0.0,
                "recall": round(row["right_gold"] / row["gold"], 3) if row["gold"] else 0.0,
                "predicted": row["predicted"], "gold": row["gold"],
            }
        return out


def nth_span(quote: str, text: str, occurrence: int = 1) -> tuple[int, int] | None:
    """The ``occurrence``-th match of ``quote`` in ``text`` under the fold."""
    pos, span = 0, None
    for _ in range(max(1, occurrence)):
        found = locate(quote, text[pos:])
        if found is None:
            return None
        span = (pos + found[0], pos + found[1])
        pos = span[0] + 1
    return span


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _line_at(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start : end if end != -1 else len(text)].strip()


def gold_span(g: dict, text: str, raw: str | None) -> tuple[int, int] | str:
    """Where a gold quotation is in the stored text; "furniture" when the loader removed its line,
    "lost" when it is missing otherwise. ``occurrence`` counts matches in the raw body."""
    occurrence = g.get("occurrence", 1)
    if raw is not None:
        on_furniture = [bool(furniture_rule(_line_at(raw, sp[0])))
                        for sp in (nth_span(g["text"], raw, n) for n in range(1, occurrence + 1)) if sp]
        if on_furniture and on_furniture[-1]:
            return "furniture"
        occurrence -= sum(on_furniture[:-1])
    return nth_span(g["text"], text, occurrence) or "lost"


def score_article(text: str, gold: list[dict], score: Score, title: str, raw: str | None = None) -> None:
    spans: list[tuple[int, int] | None] = []
    for g in gold:
        span = gold_span(g, text, raw)
        if isinstance(span, str):
            (score.unlocated if span == "furniture" else score.lost).append(g["text"])
            span = None
        spans.append(span)
    preds = extract_quotations(text)
    score.predicted += len(preds)
    score.gold += len(gold)
    for p in preds:
        score.count(p.kind, "predicted")
    for g in gold:
        score.count(g["kind"], "gold")
    pairs = []
    for i, p in enumerate(preds):
        for j, span in enumerate(spans):
            if span is None:
                continue
            ov = _overlap((p.start, p.end), span)
            if ov * 2 >= max(p.end - p.start, span[1] - span[0]):
                pairs.append((ov, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _ov, i, j in sorted(pairs, reverse=True):
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        score.covered += 1
        if speaker_is(gold[j]["speaker"], preds[i].speaker):
            score.right += 1
            score.count(preds[i].kind, "right_predicted")
            score.count(gold[j]["kind"], "right_gold")
        else:
            score.misses.append({"title": title, "why": "wrong speaker", "quote": preds[i].quote[:90],
                                 "predicted": preds[i].speaker, "gold": gold[j]["speaker"]})
    for i, p in enumerate(preds):
        if i not in used_p:
            score.misses.append({"title": title, "why": "no such quotation", "quote": p.quote[:300],
                                 "predicted": p.speaker, "kind": p.kind})
    for j, g in enumerate(gold):
        if j not in used_g:
            score.misses.append({"title": title, "why": "missed", "quote": g["text"][:90], "gold": g["speaker"],
                                 "cue": g.get("cue", "")})


def _stored_texts() -> dict[str, str]:
    """Stored article text by title, as the real loaders make it."""
    texts = {}
    for path, root in ((MULTIHOP, MULTIHOP.parent), (SEED, SEED.parent)):
        for article in load_file(path, root, 50_000_000).articles:
            texts.setdefault(" ".join(article.title.split()), article.text)
    return texts


def _raw_bodies() -> dict[str, str]:
    """Normalised bodies before furniture removal, by title."""
    rows = json.loads(MULTIHOP.read_text(encoding="utf-8"))
    return {" ".join(r["title"].split()): normalize_text(r["body"]) for r in rows}


def annotations() -> list[tuple[str, dict]]:
    """(title, record) of every annotated article."""
    out = []
    for path in sorted(DATA.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        out.append((" ".join(record["title"].split()), record))
    return out


def measure() -> dict[str, Score]:
    texts = _stored_texts()
    raw = _raw_bodies()
    scores = {"dev": Score(), "holdout": Score()}
    for title, record in annotations():
        text = texts[title] if title in texts else SEED.read_text(encoding="utf-8")
        score_article(text, record["quotations"], scores[record["split"]], title, raw.get(title))
    return scores


@pytest.fixture(scope="module")
def scores() -> dict[str, Score]:
    result = measure()
    figures = {split: {**s.figures(), "predicted": s.predicted, "gold": s.gold, "by_kind": s.by_kind()}
               for split, s in result.items()}
    (ROOT / "test-artifacts").mkdir(exist_ok=True)
    (ROOT / "test-artifacts" / "attribution.json").write_text(json.dumps(figures, indent=2))
    for split, f in figures.items():
        REPORT.append(
            f"attribution {split}: precision {f['precision']:.3f} recall {f['recall']:.3f} "
            f"coverage {f['coverage']:.3f} ({f['predicted']} predicted, {f['gold']} gold)"
        )
        for kind, k in f["by_kind"].items():
            REPORT.append(f"    {kind}: precision {k['precision']:.3f} recall {k['recall']:.3f} "
                          f"({k['predicted']} predicted, {k['gold']} gold)")
    return result


def test_every_gold_quotation_is_in_the_stored_text_unless_on_a_furniture_line(scores: dict[str, Score]) -> None:
    """Cleaning removes captions and promoted headlines, never a line of the article itself."""
    assert [q for s in scores.values() for q in s.lost] == []
    assert 0 < sum(len(s.unlocated) for s in scores.values()) <= 8  # 5 on captions and promoted headlines


@pytest.mark.parametrize("split", ["dev", "holdout"])
def test_attribution_floors(scores: dict[str, Score], split: str) -> None:
    got = scores[split].figures()
    for metric, floor in FLOORS[split].items():
        assert got[metric] >= floor, (split, metric, got)
