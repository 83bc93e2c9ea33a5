"""Web articles: a fetched page, or a feed item that carries its full content, as an ``Article``.

Text extraction is the HTML loader's (``index.loaders.html``: trafilatura, with hidden elements
removed), so a page and a file of the same HTML give the same stored text. Web articles keep:

- ``id``: from the URL that was asked for (the feed item's link, or the URL given; a link-less
  item: the feed URL and the item's guid), so re-runs find the same article whatever the page declares;
- ``url``: the page's canonical URL (``<link rel=canonical>``/``og:url``), else the final URL
  after redirects;
- ``path``: the URL that was asked for; ``root``: "" (no folder, so never removed by a folder scan);
- title, outlet, author and date: what the feed item says first, then what the page says.
"""

from __future__ import annotations

import dataclasses
from urllib.parse import urlsplit

from index.articles import article_id
from index.errors import FetchError, LoadError
from index.loaders.decode import decode_bytes
from index.loaders.files import cap_length
from index.loaders.html import load_html
from index.loaders.metadata import clean_value, normalize_date
from index.loaders.result import LoadResult
from index.web.feeds import FeedItem
from index.web.fetch import Fetched

HTML_TYPES = ("text/html", "application/xhtml+xml")
MIN_PAGE_WORDS = 30  # less than this on a web page is navigation or a teaser, not an article


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


def _finish(result: LoadResult, asked: str, url: str, max_chars: int, item: FeedItem | None,
            feed_title: str = "") -> LoadResult:
    """Give the extracted article its web identity and the feed item's metadata."""
    done = LoadResult(rejected=result.rejected, warnings=result.warnings)
    for art in result.articles:
        item = item or FeedItem(key=asked, link=asked)
        ident = article_id(url=item.link) if item.link else article_id(relpath=asked)
        web = dataclasses.replace(
            art, id=ident, url=clean_value(art.url) or url, path=asked, root="",
            title=clean_value(item.title) or art.title,
            source=clean_value(item.outlet) or art.source or clean_value(feed_title) or _host(url),
            author=clean_value(item.author) or art.author,
            published=normalize_date(item.published) or art.published,
            extra={"fetched_from": asked},
        )
        cap_length(web, max_chars, done.warnings)
        done.articles.append(web)
    return done


def page_article(fetched: Fetched, max_chars: int, item: FeedItem | None = None) -> LoadResult:
    """The article on a fetched HTML page; a rejection (never an exception) when there is none."""
    kind = fetched.content_type.split(";", 1)[0].strip().lower()
    if kind and kind not in HTML_TYPES and not kind.startswith("text/"):
        return LoadResult(rejected=[FetchError(fetched.url, f"not an article page or a feed (content type {kind})")])
    if not fetched.body.strip():
        return LoadResult(rejected=[FetchError(fetched.url, "empty response")])
    try:
        text, warnings = decode_bytes(fetched.body, fetched.url)
    except LoadError as err:
        return LoadResult(rejected=[FetchError(fetched.url, err.reason)])
    result = load_html(text, fetched.url, None)
    result.warnings[:0] = warnings
    for art in result.articles:
        if len(art.text.split()) < MIN_PAGE_WORDS:
            words = len(art.text.split())
            return LoadResult(rejected=[FetchError(
                fetched.url, f"no main article text found in the HTML (only {words} word{'s' * (words != 1)})")])
    return _finish(result, fetched.url, fetched.final_url, max_chars, item)


def item_article(feed_url: str, feed_title: str, item: FeedItem, max_chars: int) -> LoadResult:
    """The article a feed item carries in full (``item.content_html``)."""
    asked = item.link or f"{feed_url}#{item.key}"
    html = f"<html><head><title></title></head><body><article>{item.content_html}</article></body></html>"
    result = load_html(html, asked, None)
    return _finish(result, asked, item.link or feed_url, max_chars, item, feed_title)


__all__ = ["HTML_TYPES", "item_article", "page_article"]
