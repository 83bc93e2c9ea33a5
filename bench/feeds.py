"""Following a feed with the real encoder: what a re-run fetches and encodes.

A local HTTP server (``tests/news_server.py``, 127.0.0.1 only) serves an RSS 2.0 feed of 50
MultiHop-RAG stories, each on its own article page. The feed is indexed, then republished with 3
stories corrected and 2 new ones on top (the feed keeps its 50 newest items), indexed again, then
indexed a third time unchanged. Each run reports added/updated/skipped, the requests the server
saw, the texts the encoder embedded and the time; the time of the unchanged run is also given as
a ratio of the first run (the machine is shared).

    .venv/bin/python bench/feeds.py [--home DIR] [--items 50]

Last line: one JSON object. MultiHop-RAG (Tang & Yang, 2024), ODC-BY.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

import _common as c

from assistant.engine import Engine
from index.embeddings import get_encoder
from index.settings import Settings
from tests.news_server import Item, NewsServer, Route, article_page, rss


def publish(server: NewsServer, items: list[Item]) -> None:
    for it in items:
        server.routes[it.link.split(str(server.port), 1)[1]] = Route(article_page(it.title, it.body), etag=True)
    server.routes["/feed.xml"] = Route(rss(items), content_type="application/rss+xml", etag=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", default=None)
    ap.add_argument("--items", type=int, default=50)
    args = ap.parse_args()
    corpus = json.loads(c.CORPUS.read_text(encoding="utf-8"))
    settings = Settings(home=args.home or c.default_home("feeds"), allow_private_urls=True, fetch_delay=0)
    encoder = get_encoder(settings.encoder, settings.threads)
    encoder.embed_documents(["warm up"])
    engine = Engine(settings, encoder=encoder)
    print(f"machine: {c.machine()}")
    runs: dict[str, Any] = {}
    with NewsServer() as server:
        def story(i: int) -> Item:
            return Item(f"urn:story:{i}", corpus[i]["title"], server.url(f"/items/{i}.html"), corpus[i]["body"])

        items = [story(i) for i in range(args.items)]
        plan = {"first": items}
        changed = [story(i) for i in range(args.items)]
        for i in (3, 17, 41):
            changed[i].body += "\nCorrection: an earlier version of this story misstated a figure."
            changed[i].published = "Tue, 10 Oct 2023 12:00:00 GMT"
        plan["3 changed, 2 new"] = [story(args.items), story(args.items + 1), *changed[: args.items - 2]]
        plan["unchanged"] = plan["3 changed, 2 new"]
        for name, feed in plan.items():
            publish(server, feed)
            server.hits.clear()
            texts = encoder.texts_encoded
            report = engine.index([server.url("/feed.xml")])
            runs[name] = {
                "added": report.added, "updated": report.updated, "skipped": report.skipped,
                "rejected": len(report.rejected), "requests": sum(server.hits.values()),
                "texts_encoded": encoder.texts_encoded - texts, "seconds": round(report.seconds, 3),
            }
            r = runs[name]
            print(f"{name}: {r['added']} added, {r['updated']} updated, {r['skipped']} skipped, "
                  f"{r['rejected']} rejected; {r['requests']} requests, {r['texts_encoded']} texts encoded, "
                  f"{r['seconds']:.2f} s")
    ratio = runs["unchanged"]["seconds"] / runs["first"]["seconds"]
    print(f"unchanged re-run / first run: {ratio:.4f}")
    print(json.dumps({"items": args.items, "runs": runs, "unchanged_over_first": round(ratio, 4),
                      "machine": c.machine()}))


if __name__ == "__main__":
    main()
