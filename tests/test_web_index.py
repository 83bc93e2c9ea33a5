"""Indexing URLs and feeds from a real local HTTP server: re-runs fetch and encode only what changed,
and every bad source gives one clear line and leaves the index as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from news_server import Item, NewsServer, Route, article_page, atom, rss

from assistant.cli import cli
from assistant.engine import Engine
from index.embeddings import FakeEncoder
from index.sentence_vectors import sentence_texts
from index.settings import Settings

CORPUS = json.loads((Path(__file__).parent / "data" / "multihop-rag" / "corpus.json").read_text(encoding="utf-8"))
FEED_LM = "Mon, 09 Oct 2023 09:00:00 GMT"


def story(i: int, server: NewsServer) -> Item:
    doc = CORPUS[i]
    return Item(key=f"urn:story:{i}", title=doc["title"], link=server.url(f"/items/{i}.html"), body=doc["body"],
                author=f"Reporter {i}")


def publish(server: NewsServer, items: list[Item], kind: str) -> None:
    for it in items:
        path = it.link.split(str(server.port), 1)[1]
        server.routes[path] = Route(article_page(it.title, it.body, canonical=f"https://wire.example/{path}"),
                                    etag=True)
    body = rss(items) if kind == "rss" else atom(items)
    server.routes["/feed.xml"] = Route(body, content_type=f"application/{kind}+xml", etag=True,
                                       last_modified=FEED_LM)


def item_hits(server: NewsServer) -> int:
    return sum(n for path, n in server.hits.items() if path.startswith("/items/"))


@pytest.mark.parametrize("kind", ["rss", "atom"])  # rss: each item's page fetched; atom: full content in the feed
def test_feed_of_50_then_3_changed_and_2_added(server, web_settings, kind):
    encoder = FakeEncoder()
    engine = Engine(web_settings, encoder=encoder)
    items = [story(i, server) for i in range(50)]
    publish(server, items, kind)
    feed = server.url("/feed.xml")

    first = engine.index([feed])
    assert (first.added, first.updated, first.skipped, first.rejected) == (50, 0, 0, [])
    assert first.sources == [{"url": feed, "kind": "feed", "added": 50, "updated": 0, "skipped": 0, "rejected": 0,
                              "error": ""}]
    assert item_hits(server) == (50 if kind == "rss" else 0)

    for i in (3, 17, 41):  # corrected stories: new text, a new date in the feed
        items[i].body += "\nCorrection: an earlier version of this story misstated a figure."
        items[i].published = "Tue, 10 Oct 2023 12:00:00 GMT"
    # two new stories on top; the feed keeps its 50 newest items, so the 2 oldest drop out of it
    items = [story(50, server), story(51, server), *items[:48]]
    publish(server, items, kind)
    server.hits.clear()
    texts_before = encoder.texts_encoded

    second = engine.index([feed])
    assert (second.added, second.updated, second.skipped, second.deleted) == (2, 3, 45, 0)
    assert second.articles == len(engine.articles()) == 52, "stories that left the feed stay in the index"
    changed = {a["id"]: a["chunks"] for a in engine.articles() if a["path"].split("/")[-1].split(".")[0]
               in {"3", "17", "41", "50", "51"}}
    assert len(changed) == 5
    # only chunks of the 5 new or changed articles may be encoded (their unchanged chunks come from the
    # content-addressed vector cache): 0 encoder calls for the 45 skipped
    assert encoder.texts_encoded - texts_before == second.encoded
    sentences = {s for _, doc, meta in engine.store.iter_chunks() if meta["article_id"] in changed
                 for s in sentence_texts(doc)}
    assert 0 < second.encoded <= len(sentences)
    assert server.hits["/feed.xml"] == 1
    assert item_hits(server) == (5 if kind == "rss" else 0), "unchanged items are not fetched again"
    assert "Correction: an earlier version" in engine.article(changed and next(
        a["id"] for a in engine.articles() if a["path"].endswith("/items/17.html")))["text"]

    server.hits.clear()
    calls_before = encoder.calls
    third = engine.index([feed])
    assert (third.added, third.updated, third.skipped) == (0, 0, 50)
    assert encoder.calls == calls_before and third.encoded == 0
    assert server.hits["/feed.xml"] == 1 and item_hits(server) == 0
    assert server.requests[-1][1].get("if-none-match"), "the feed is asked for conditionally"


def test_an_article_page_keeps_title_outlet_author_date_and_canonical_url(server, web_settings):
    doc = CORPUS[7]
    server.routes["/story"] = Route(article_page(doc["title"], doc["body"], site="The Daily Example",
                                                 canonical="https://daily.example/world/story-7?utm_source=x",
                                                 author="Jane Roe", published="2023-10-05T08:30:00Z"))
    server.routes["/short-link"] = Route(status=301, location="/story")
    engine = Engine(web_settings, encoder=FakeEncoder())
    report = engine.index([server.url("/short-link")])
    assert (report.added, report.rejected) == (1, [])
    (row,) = engine.articles()
    assert row["title"] == doc["title"] and row["source"] == "The Daily Example" and row["author"] == "Jane Roe"
    assert row["published"].startswith("2023-10-05") and row["url"].startswith("https://daily.example/world/story-7")
    assert row["path"] == server.url("/short-link")
    assert doc["body"].split("\n")[0][:200] in engine.article(row["id"])["text"]
    again = engine.index([server.url("/short-link")])
    assert (again.added, again.updated, again.skipped, again.encoded) == (0, 0, 1, 0)


def test_a_feed_item_that_fails_is_one_line_and_the_rest_are_indexed(server, web_settings):
    items = [story(i, server) for i in range(4)]
    publish(server, items, "rss")
    del server.routes["/items/2.html"]
    engine = Engine(web_settings, encoder=FakeEncoder())
    report = engine.index([server.url("/feed.xml")])
    assert report.added == 3 and report.rejected == [
        {"path": server.url("/items/2.html"), "reason": "HTTP 404 Not Found"}]
    publish(server, items, "rss")  # the page is back: the next run fetches only it
    server.hits.clear()
    again = engine.index([server.url("/feed.xml")])
    assert (again.added, again.skipped, again.rejected) == (1, 3, []) and item_hits(server) == 1


def test_the_cache_is_not_trusted_for_articles_no_longer_in_the_index(server, web_settings):
    publish(server, [story(i, server) for i in range(3)], "rss")
    engine = Engine(web_settings, encoder=FakeEncoder())
    engine.index([server.url("/feed.xml")])
    victim = engine.articles()[0]["id"]
    engine.delete(victim)
    report = engine.index([server.url("/feed.xml")])
    assert (report.added, report.skipped) == (1, 2)
    rebuilt = engine.index([server.url("/feed.xml")], rebuild=True)
    assert rebuilt.added == 3


# -- probes: each gives one clear line and changes nothing ------------------------------------------

BROKEN_XML = b"<?xml version='1.0'?><rss version='2.0'><channel><title>x</title><item><title>a</titl></item>"
EMPTY_PAGE = b"<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
APP_SHELL = b"<html><head><title>News</title><script>render()</script></head><body><div id='app'></div></body></html>"
PROBES = {  # path: (route, the reason shown)
    "/broken.xml": (Route(BROKEN_XML, content_type="application/rss+xml"), "not a valid feed: broken XML"),
    "/missing": (None, "HTTP 404 Not Found"),
    "/slow": (Route(b"late", delay=4), "timed out after 0.5 s"),
    "/empty-page": (Route(EMPTY_PAGE), "no main article text found in the HTML"),
    "/app-shell": (Route(APP_SHELL), "no main article text found in the HTML"),
    "/huge": (Route(size=50 * 1024 * 1024), "response too large"),
    "/huge-unsized": (Route(size=50 * 1024 * 1024, send_length=False), "response too large"),
    "/loop": (Route(status=302, location="/loop"), "too many redirects"),
    "/image": (Route(b"\x89PNG\r\n\x1a\n" + b"\0" * 100, content_type="image/png"), "not an article page or a feed"),
}
REFUSED = {  # url template: the reason shown ({port}: the server's)
    "ftp://127.0.0.1:{port}/x": "only http and https URLs are fetched",
    "http://10.20.30.40/x": "10.20.30.40 is a private address",
    "http://169.254.169.254/latest/meta-data/": "169.254.169.254 is a link-local address",
    "http://[::1]:{port}/good": "::1 is a loopback address",
    "http://127.0.0.1:{port}/good": "127.0.0.1 is a loopback address",
}


@pytest.fixture
def indexed(server, tmp_path, monkeypatch):
    """A home with one article already indexed from the server, and the CLI pointed at it."""
    monkeypatch.setenv("ASSISTANT_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ASSISTANT_ENCODER", "fake")
    monkeypatch.setenv("ASSISTANT_FETCH_DELAY", "0")
    monkeypatch.setenv("ASSISTANT_FETCH_TIMEOUT", "0.5")
    doc = CORPUS[1]
    server.routes["/good"] = Route(article_page(doc["title"], doc["body"]), etag=True)
    for path, (route, _) in PROBES.items():
        if route is not None:
            server.routes[path] = route
    result = CliRunner().invoke(cli, ["index", server.url("/good"), "--allow-private-urls"])
    assert result.exit_code == 0, result.output
    return server


def snapshot() -> tuple:
    engine = Engine(Settings.load())
    records = engine.store.article_records(complete_only=False)
    return (engine.store.revision(), engine.store.chunk_count(),
            sorted((aid, m["content_hash"], m["meta_hash"]) for aid, m in records.items()))


def _one_line(args: list[str]) -> str:
    before = snapshot()
    result = CliRunner().invoke(cli, ["index", *args])
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("rejected: "), result.stderr
    assert "0 added, 0 updated" in result.stdout
    assert snapshot() == before, "a bad source must leave the index as it was"
    return lines[0]


@pytest.mark.parametrize("path", sorted(PROBES))
def test_bad_sources_give_one_line_and_change_nothing(indexed, path):
    line = _one_line([indexed.url(path), "--allow-private-urls"])
    assert line == f"rejected: {indexed.url(path)}: " + line.split(": ", 2)[2]
    assert PROBES[path][1] in line


@pytest.mark.parametrize("template", sorted(REFUSED))
def test_refused_addresses_give_one_line_change_nothing_and_send_nothing(indexed, template):
    indexed.hits.clear()
    line = _one_line([template.format(port=indexed.port)])  # allow_private_urls is off by default
    assert REFUSED[template] in line
    assert sum(indexed.hits.values()) == 0
