"""RSS and Atom feeds (feedparser) as lists of items: what each item says, and whether it carries the article.

A feed must be well-formed: feedparser reads broken XML leniently, but a feed we cannot read
exactly is refused whole (``FetchError``) so that a broken download never half-updates the index.
An item "carries the article" when its content (``content:encoded`` or Atom ``content``, not the
summary or description) has at least ``FULL_CONTENT_WORDS`` words; otherwise its page is fetched.
``FeedItem.fingerprint`` hashes everything the feed says about an item: when it is unchanged
since the last run, the item is not fetched again.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field

from index.errors import FetchError

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml")
FULL_CONTENT_WORDS = 100
_FEED_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S)
_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class FeedItem:
    key: str  # the item's guid/id, else its link, else its title
    link: str  # absolute URL of the item's page ("" when it has none)
    title: str = ""
    author: str = ""
    published: str = ""  # as the feed writes it (normalised later)
    outlet: str = ""  # the item's <source> ("" when it names none)
    content_html: str = ""  # the full article when the feed carries it, else ""
    fingerprint: str = ""


@dataclass
class Feed:
    url: str
    title: str = ""
    items: list[FeedItem] = field(default_factory=list)


def looks_like_feed(body: bytes, content_type: str) -> bool:
    """An XML feed by its content type, or by its first element when the server says nothing useful."""
    kind = content_type.split(";", 1)[0].strip().lower()
    if kind in FEED_TYPES:
        return True
    return kind in {"", "text/plain", "application/octet-stream"} and bool(_FEED_START.match(body[:4096]))


def _words(html: str) -> int:
    return len(_TAGS.sub(" ", html).split())


def _full_content(entry: dict) -> str:
    values = [c.get("value") or "" for c in entry.get("content") or []]
    best = max(values, key=_words, default="").strip()
    return best if _words(best) >= FULL_CONTENT_WORDS else ""


def _fingerprint(entry: dict) -> str:
    keys = ("id", "link", "title", "author", "published", "updated", "summary")
    data = [entry.get(k) or "" for k in keys] + [c.get("value") or "" for c in entry.get("content") or []]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode("utf-8")).hexdigest()


def parse_feed(url: str, body: bytes, content_type: str = "") -> Feed:
    """Items of an RSS 0.9x/1.0/2.0 or Atom feed; ``FetchError`` when it is not one or is broken."""
    import feedparser
    from feedparser.exceptions import ThingsNobodyCaresAboutButMe

    headers = {"content-location": url, "content-type": content_type or "application/xml"}
    parsed = feedparser.parse(body, response_headers=headers)
    problem = parsed.get("bozo_exception")
    if problem is not None and not isinstance(problem, ThingsNobodyCaresAboutButMe):
        where = ""
        if hasattr(problem, "getLineNumber"):
            where = f" at line {problem.getLineNumber()}, column {problem.getColumnNumber()}"
        message = getattr(problem, "getMessage", lambda: str(problem))()
        raise FetchError(url, f"not a valid feed: broken XML{where}: {message}")
    if not parsed.get("version"):
        raise FetchError(url, "not an RSS or Atom feed")
    title = (parsed.feed.get("title") or "").strip()
    feed = Feed(url=url, title=title)
    for entry in parsed.entries:
        link = (entry.get("link") or "").strip()
        key = (entry.get("id") or link or entry.get("title") or "").strip()
        if not key:
            continue
        source = entry.get("source") or {}
        feed.items.append(FeedItem(
            key=key, link=link, title=(entry.get("title") or "").strip(), author=entry.get("author") or "",
            published=entry.get("published") or entry.get("updated") or "",
            outlet=(source.get("title") or "").strip(),
            content_html=_full_content(entry), fingerprint=_fingerprint(entry),
        ))
    return feed


__all__ = ["FULL_CONTENT_WORDS", "Feed", "FeedItem", "looks_like_feed", "parse_feed"]
