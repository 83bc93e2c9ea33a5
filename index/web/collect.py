"""From a URL to the articles that may have changed: a page, or every item of an RSS/Atom feed.

What is fetched again on a re-run (the rest is "unchanged": no request, no parsing, no encoding):

- the URL itself, conditionally (If-None-Match / If-Modified-Since from the last run); a 304, or
  a body with the same SHA-256 as last time, means nothing in it changed;
- for a feed, only the items whose fingerprint (everything the feed says about them) is new or
  differs from the last run; an item's page is fetched conditionally too.

The cache is trusted only while the articles it names are still complete in the index (after a
``--rebuild``, a ``delete`` or against another store everything is fetched again). A source that
fails as a whole (refused, unreachable, HTTP error, broken feed, no article) yields ``error`` and no
articles, so the index keeps what it had; one item that fails in a feed is rejected on its own,
and the feed's validators are not kept so that the next run tries the item again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from index.articles import Article
from index.errors import FetchError, LoadError
from index.web.cache import WebCache
from index.web.feeds import Feed, FeedItem, looks_like_feed, parse_feed
from index.web.fetch import Fetched, Fetcher
from index.web.pages import item_article, page_article

Progress = Callable[[int, int, str], None]


@dataclass
class SourceResult:
    """What one URL gave: candidate articles, ids known unchanged, problems, and what to remember."""

    url: str
    kind: str = ""  # "feed" or "page" ("" when it failed before we could tell)
    articles: list[Article] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[LoadError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str = ""  # the whole source failed: nothing of it changes
    cache_entry: dict[str, Any] | None = None


def _fresh(ids: list[str], existing: Mapping[str, Mapping[str, Any]]) -> bool:
    """All of ``ids`` are complete articles in the index (so a "not modified" can be trusted)."""
    return all(existing.get(aid, {}).get("complete") for aid in ids)


def _validators(entry: Mapping[str, Any]) -> dict[str, str]:
    return {"etag": entry.get("etag", ""), "last_modified": entry.get("last_modified", "")}


def _known_ids(entry: Mapping[str, Any]) -> list[str]:
    if "items" in entry:
        return [item["article_id"] for item in entry["items"].values()]
    return [entry["article_id"]] if entry.get("article_id") else []


def _sha(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def collect_url(url: str, fetcher: Fetcher, cache: WebCache, existing: Mapping[str, Mapping[str, Any]],
                max_chars: int, progress: Progress | None = None) -> SourceResult:
    """Fetch ``url`` (a page or a feed) and return what may need indexing; never raises ``FetchError``."""
    result = SourceResult(url=url)
    entry = cache.get(url)
    known = _known_ids(entry)
    trusted = bool(known) and _fresh(known, existing)
    try:
        fetched = fetcher.get(url, **(_validators(entry) if trusted else {}))
    except FetchError as err:
        return _failed(result, err)
    if trusted and (fetched.not_modified or entry.get("body_hash") == _sha(fetched.body)):
        result.kind = "feed" if "items" in entry else "page"
        result.unchanged = known
        result.cache_entry = {**entry, **({} if fetched.not_modified else _fetched_validators(fetched))}
        return result
    if fetched.not_modified:  # we did not ask for a 304: a broken server
        return _failed(result, FetchError(url, "HTTP 304 Not Modified to an unconditional request"))
    if looks_like_feed(fetched.body, fetched.content_type):
        return _collect_feed(result, fetched, fetcher, entry, existing, max_chars, progress)
    result.kind = "page"
    loaded = page_article(fetched, max_chars)
    result.warnings.extend(loaded.warnings)
    if loaded.rejected:
        return _failed(result, loaded.rejected[0])
    result.articles = loaded.articles
    result.cache_entry = {**_fetched_validators(fetched), "article_id": loaded.articles[0].id}
    return result


def _failed(result: SourceResult, err: LoadError) -> SourceResult:
    failure = err if isinstance(err, FetchError) else FetchError(result.url, err.reason)
    result.error = failure.reason
    result.rejected = [failure]
    result.articles, result.unchanged, result.cache_entry = [], [], None
    return result


def _fetched_validators(fetched: Fetched) -> dict[str, str]:
    return {"etag": fetched.etag, "last_modified": fetched.last_modified, "body_hash": _sha(fetched.body)}


def _collect_feed(result: SourceResult, fetched: Fetched, fetcher: Fetcher, entry: Mapping[str, Any],
                  existing: Mapping[str, Mapping[str, Any]], max_chars: int,
                  progress: Progress | None) -> SourceResult:
    result.kind = "feed"
    try:
        feed = parse_feed(fetched.url, fetched.body, fetched.content_type)
    except FetchError as err:
        return _failed(result, err)
    old_items: Mapping[str, Mapping[str, Any]] = entry.get("items", {})
    items: dict[str, dict[str, Any]] = {}
    first: dict[str, FeedItem] = {}
    for item in feed.items:  # one per key: the first wins
        first.setdefault(item.key, item)
    todo = list(first.values())
    for done, item in enumerate(todo, start=1):
        old = old_items.get(item.key, {})
        aid = old.get("article_id", "")
        present = bool(aid) and _fresh([aid], existing)
        if present and old.get("fingerprint") == item.fingerprint:
            result.unchanged.append(aid)
            items[item.key] = dict(old)
        else:
            record = _collect_item(result, feed, item, fetcher, old if present else {}, max_chars)
            if record is not None:
                items[item.key] = record
            elif old:
                items[item.key] = dict(old)  # keep the old fingerprint: the next run tries this item again
        if progress:
            progress(done, len(todo), "fetching")
    result.cache_entry = {**({} if result.rejected else _fetched_validators(fetched)), "items": items}
    return result


def _collect_item(result: SourceResult, feed: Feed, item: FeedItem, fetcher: Fetcher, old: Mapping[str, Any],
                  max_chars: int) -> dict[str, Any] | None:
    """Load one new or changed item; its cache record, or None when it failed (rejected in ``result``)."""
    record: dict[str, Any] = {"fingerprint": item.fingerprint}
    if item.content_html:
        loaded = item_article(feed.url, feed.title, item, max_chars)
    elif item.link:
        try:
            page = fetcher.get(item.link, **_validators(old))
        except FetchError as err:
            result.rejected.append(err)
            return None
        if page.not_modified and old:
            result.unchanged.append(old["article_id"])
            return {**old, **record}
        record.update(etag=page.etag, last_modified=page.last_modified)
        loaded = page_article(page, max_chars, item)
    else:
        result.rejected.append(FetchError(feed.url, f"item {item.key!r} has neither a link nor its content"))
        return None
    result.warnings.extend(loaded.warnings)
    if loaded.rejected:
        result.rejected.extend(loaded.rejected)
        return None
    article = loaded.articles[0]
    result.articles.append(article)
    return {**record, "article_id": article.id}


def source_summary(row: Mapping[str, Any]) -> str:
    """What one URL of an index run (a row of ``IndexReport.sources``) gave: new, changed, or why it failed."""
    if row.get("error"):
        return f"failed: {row['error']}"
    line = f"{row['added']} new, {row['updated']} changed, {row['skipped']} unchanged"
    if row.get("rejected"):
        line += f"; {row['rejected']} item{'s' if row['rejected'] != 1 else ''} failed"
    return line


__all__ = ["SourceResult", "collect_url", "source_summary"]
