"""``assistant feeds add|list|remove|update`` and the serve-time poller, against a real local server."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from news_server import Item, NewsServer, Route, atom, rss

from assistant.cli import cli
from assistant.engine import Engine
from index.embeddings import FakeEncoder
from index.errors import StoreError
from index.settings import Settings
from index.web.poller import FeedPoller

CORPUS = json.loads((Path(__file__).parent / "data" / "multihop-rag" / "corpus.json").read_text(encoding="utf-8"))


def items(server: NewsServer, start: int, n: int) -> list[Item]:
    return [Item(f"urn:{i}", CORPUS[i]["title"], server.url(f"/p/{i}"), CORPUS[i]["body"])
            for i in range(start, start + n)]


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("ASSISTANT_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ASSISTANT_ENCODER", "fake")
    monkeypatch.setenv("ASSISTANT_ALLOW_PRIVATE_URLS", "1")
    monkeypatch.setenv("ASSISTANT_FETCH_DELAY", "0")

    def invoke(*args: str):
        return CliRunner().invoke(cli, list(args), catch_exceptions=False)

    return invoke


def test_add_list_remove(run):
    assert run("feeds", "list").stdout.startswith("No feeds")
    assert run("feeds", "add", "https://wire.example/rss").stdout.strip() == "added https://wire.example/rss"
    again = run("feeds", "add", "HTTPS://wire.example/rss/")
    assert "already in the feed list" in again.stdout
    run("feeds", "add", "https://other.example/atom.xml")
    rows = json.loads(run("feeds", "list", "--json").stdout)
    assert [r["url"] for r in rows] == ["https://wire.example/rss", "https://other.example/atom.xml"]
    assert run("feeds", "remove", "https://wire.example/rss").exit_code == 0
    missing = run("feeds", "remove", "https://wire.example/rss")
    assert missing.exit_code == 1 and missing.stderr.startswith("Error: https://wire.example/rss is not in the feed")
    refused = run("feeds", "add", "file:///etc/passwd")
    assert refused.exit_code == 1 and "only http and https" in refused.stderr
    assert [r["url"] for r in json.loads(run("feeds", "list", "--json").stdout)] == ["https://other.example/atom.xml"]


def test_update_prints_one_line_per_feed(run, server):
    server.routes["/rss"] = Route(rss(items(server, 0, 3), full=True), content_type="application/rss+xml", etag=True)
    server.routes["/atom"] = Route(atom(items(server, 3, 2)), content_type="application/atom+xml", etag=True)
    for url in ("/rss", "/atom", "/gone"):
        run("feeds", "add", server.url(url))
    first = run("feeds", "update")
    assert first.exit_code == 1, "a failed feed is an error"
    assert first.stdout.splitlines() == [
        f"{server.url('/rss')}: 3 new, 0 changed, 0 unchanged",
        f"{server.url('/atom')}: 2 new, 0 changed, 0 unchanged",
        f"{server.url('/gone')}: failed: HTTP 404 Not Found",
    ]
    server.routes["/atom"] = Route(atom(items(server, 3, 3)), content_type="application/atom+xml", etag=True)
    run("feeds", "remove", server.url("/gone"))
    second = run("feeds", "update")
    assert second.exit_code == 0 and second.stdout.splitlines() == [
        f"{server.url('/rss')}: 0 new, 0 changed, 3 unchanged",
        f"{server.url('/atom')}: 1 new, 0 changed, 2 unchanged",
    ]
    listed = run("feeds", "list").stdout
    assert "1 new, 0 changed, 2 unchanged" in listed and "0 new, 0 changed, 3 unchanged" in listed
    assert len(json.loads(run("articles", "--json").stdout)) == 6


def test_poller_polls_until_stopped_and_survives_a_failed_poll():
    calls: list[int] = []
    lines: list[str] = []
    polled_twice = threading.Event()

    def poll() -> list[str]:
        calls.append(1)
        if len(calls) == 1:
            raise StoreError("the index is locked")
        if len(calls) >= 2:
            polled_twice.set()
        return ["http://wire.test/rss: 1 new, 0 changed, 0 unchanged"]

    poller = FeedPoller(poll, minutes=0.001, log=lines.append).start()
    assert polled_twice.wait(10)
    poller.stop()
    n = len(calls)
    time.sleep(0.2)
    assert len(calls) == n, "a stopped poller polls no more"
    assert lines[0] == "feeds: poll failed: the index is locked"
    assert lines[1] == "feeds: http://wire.test/rss: 1 new, 0 changed, 0 unchanged"


def test_serve_starts_the_poller_only_when_the_setting_is_on(tmp_path, server):
    server.routes["/rss"] = Route(rss(items(server, 10, 2), full=True), content_type="application/rss+xml")
    base = Settings(home=str(tmp_path / "home"), encoder="fake", allow_private_urls=True, fetch_delay=0)
    assert Engine(base, encoder=FakeEncoder()).start_feed_poller() is None, "off by default"
    engine = Engine(base.replace(feed_poll_minutes=0.01), encoder=FakeEncoder())
    engine.feed_list.add(server.url("/rss"))
    poller = engine.start_feed_poller()
    try:
        deadline = time.monotonic() + 30
        while poller.polls < 1 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        poller.stop()
    assert len(engine.articles()) == 2
    assert engine.feed_list.list()[0].last_result == "2 new, 0 changed, 0 unchanged"
