""""What did X say?" about people quoted in articles that no test set uses: answered from X's own words?

For ``--articles`` MultiHop-RAG articles drawn at random (``--seed``) from those that are neither a source of
``tests/data/news_eval.jsonl`` nor an annotated article of ``tests/data/attribution/``, the person the
extractor finds quoted most often (a name of two or more words) is asked about twice, by full name and by
surname ("What did Josh Arnold say?", "What did Arnold say?"), through ``Engine.ask`` on an index of the
609 articles (``--home``, built with the real encoder when missing). An answer counts when it is given and
every citation is attributed to that person (same surname). This measures retrieval plus speaker lookup
end to end; whether the extractor attributed the words correctly is the attribution test's job.

    .venv/bin/python bench/speakers.py --home DIR [--seed 21] [--articles 60]

Last line: one JSON object. MultiHop-RAG (Tang & Yang, 2024), ODC-BY.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
from pathlib import Path

import _common as c

from assistant.engine import Engine
from index.quotations import extract_quotations

TESTS = Path(__file__).resolve().parent.parent / "tests" / "data"


def unseen_articles() -> list[dict]:
    """The corpus articles that no test set is written on."""
    used = {s for line in (TESTS / "news_eval.jsonl").open() for s in json.loads(line).get("sources", [])}
    used |= {json.loads(p.read_text()).get("title", "") for p in (TESTS / "attribution").glob("*.json")}
    return [a for a in json.loads(c.CORPUS.read_text()) if a["title"] not in used]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", default=None, help="data home (the MultiHop index is built there when missing)")
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--articles", type=int, default=60)
    args = ap.parse_args()
    settings = c.make_settings(args.home or c.default_home("speakers"))
    engine = Engine(settings)
    report = engine.index([c.CORPUS])  # a no-op when the home holds them already
    print(f"index {settings.home}: {report.articles} articles (+{report.added} added)")
    rng = random.Random(args.seed)
    asked = answered = 0
    failures = []
    for article in rng.sample(unseen_articles(), args.articles):
        people = [q.speaker for q in extract_quotations(article["body"])
                  if q.speaker_type == "person" and len(q.speaker.split()) >= 2]
        if not people:
            continue
        person = collections.Counter(people).most_common(1)[0][0]
        surname = person.split()[-1]
        for form in (person, surname):
            answer = engine.ask(f"What did {form} say?")
            asked += 1
            good = answer.answered and all(surname in (cit.speaker or "") for cit in answer.citations)
            answered += good
            if not good:
                failures.append({"asked": form, "article": article["title"][:70], "answer": answer.answer[:140]})
    for f in failures:
        print(f"missed {f['asked']!r} ({f['article']}): {f['answer']}")
    print(f"{answered} of {asked} answered from the person's own quotations (seed {args.seed})")
    c.last_line({"seed": args.seed, "asked": asked, "answered": answered,
                 "share": round(answered / asked, 3) if asked else None, "machine": c.machine()})


if __name__ == "__main__":
    main()
