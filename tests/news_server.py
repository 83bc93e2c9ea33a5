"""A real HTTP server on 127.0.0.x for the web tests: pages, RSS 2.0 and Atom feeds, redirects, slow and huge bodies.

Routes are set by the tests (``server.routes[path] = Route(...)``) and may change between two
runs. The server answers conditional requests from a route's ETag / Last-Modified, counts hits
per path and keeps every request's headers, so tests can prove what was (not) fetched.
"""

from __future__ import annotations

import email.utils
import hashlib
import threading
import time
from collections import Counter
from dataclasses import dataclass
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: bool = False  # send an ETag (a hash of the body) and honour If-None-Match
    last_modified: str = ""  # an HTTP date; honour If-Modified-Since
    location: str = ""  # for redirects
    delay: float = 0.0  # seconds before the response starts
    drip: float = 0.0  # seconds between 1 KiB pieces of the body
    size: int = 0  # a generated body of this many bytes instead of ``body``
    send_length: bool = True

    @property
    def tag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:16] + '"'


class NewsServer:
    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str], float]] = []  # path, headers, time.monotonic()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                path = self.path.split("?", 1)[0]
                server.hits[path] += 1
                server.requests.append((path, {k.lower(): v for k, v in self.headers.items()}, time.monotonic()))
                route = server.routes.get(path)
                try:
                    if route is None:
                        self._send(404, b"not here", "text/plain")
                    else:
                        self._route(route)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading (size cap, timeout): expected

            def _send(self, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

            def _not_modified(self, route: Route) -> bool:
                if route.etag and self.headers.get("If-None-Match") == route.tag:
                    return True
                since = self.headers.get("If-Modified-Since")
                if route.last_modified and since and not self.headers.get("If-None-Match"):
                    return email.utils.parsedate_to_datetime(since) >= email.utils.parsedate_to_datetime(
                        route.last_modified)
                return False

            def _route(self, route: Route) -> None:
                if route.delay:
                    time.sleep(route.delay)
                headers = {}
                if route.etag:
                    headers["ETag"] = route.tag
                if route.last_modified:
                    headers["Last-Modified"] = route.last_modified
                if route.location:
                    self._send(route.status, b"", "text/plain", {"Location": route.location})
                    return
                if self._not_modified(route):
                    self.send_response(304)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.end_headers()
                    return
                if route.size or route.drip:
                    self._stream(route, headers)
                    return
                self._send(route.status, route.body, route.content_type, headers)

            def _stream(self, route: Route, headers: dict[str, str]) -> None:
                size = route.size or len(route.body)
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                if route.send_length:
                    self.send_header("Content-Length", str(size))
                for k, v in headers.items():
                    self.send_header(k, v)
                self.end_headers()
                piece = 1024 if route.drip else 64 * 1024
                sent = 0
                while sent < size:
                    n = min(piece, size - sent)
                    self.wfile.write(route.body[sent : sent + n] if not route.size else b"x" * n)
                    sent += n
                    if route.drip:
                        time.sleep(route.drip)

        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        self.host = host
        self.port = self.httpd.server_address[1]
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def __enter__(self) -> NewsServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# -- content -----------------------------------------------------------------------------------

def article_page(title: str, body: str, *, site: str = "Example Wire", canonical: str = "",
                 author: str = "", published: str = "") -> bytes:
    """An article page with furniture around the story (nav, share bar, footer)."""
    paras = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n") if p.strip())
    meta = f'<meta property="og:site_name" content="{escape(site)}">'
    if canonical:
        meta += f'<link rel="canonical" href="{escape(canonical)}">'
    if author:
        meta += f'<meta name="author" content="{escape(author)}">'
    if published:
        meta += f'<meta property="article:published_time" content="{escape(published)}">'
    return (f"<!doctype html><html><head><title>{escape(title)} | {escape(site)}</title>{meta}</head><body>"
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{escape(title)}</h1>{paras}</article>"
            f"<footer>Share this story. Copyright {escape(site)}.</footer></body></html>").encode()


@dataclass
class Item:
    key: str
    title: str
    link: str
    body: str
    published: str = "Mon, 09 Oct 2023 09:00:00 GMT"
    author: str = ""


def rss(items: list[Item], *, title: str = "Example Wire", full: bool = False) -> bytes:
    """RSS 2.0; ``full`` puts each story in ``content:encoded``, else only a one-line description."""
    out = []
    for it in items:
        content = ""
        if full:
            paras = "".join(f"<p>{escape(p)}</p>" for p in it.body.split("\n") if p.strip())
            content = f"<content:encoded><![CDATA[{paras}]]></content:encoded>"
        author = f"<dc:creator>{escape(it.author)}</dc:creator>" if it.author else ""
        out.append(f"<item><guid isPermaLink='false'>{escape(it.key)}</guid><title>{escape(it.title)}</title>"
                   f"<link>{escape(it.link)}</link><pubDate>{it.published}</pubDate>{author}"
                   f"<description>{escape(it.body.split('.')[0])}.</description>{content}</item>")
    return ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0' "
            "xmlns:content='http://purl.org/rss/1.0/modules/content/' xmlns:dc='http://purl.org/dc/elements/1.1/'>"
            f"<channel><title>{escape(title)}</title><link>http://example.test/</link>"
            f"{''.join(out)}</channel></rss>").encode()


def atom(items: list[Item], *, title: str = "Example Atom Wire") -> bytes:
    """Atom 1.0 carrying every story in full (``content type="html"``)."""
    out = []
    for it in items:
        paras = "".join(f"<p>{escape(p)}</p>" for p in it.body.split("\n") if p.strip())
        when = email.utils.parsedate_to_datetime(it.published).isoformat()
        author = f"<author><name>{escape(it.author)}</name></author>" if it.author else ""
        out.append(f"<entry><id>{escape(it.key)}</id><title>{escape(it.title)}</title>"
                   f"<link rel='alternate' href='{escape(it.link)}'/><updated>{when}</updated>{author}"
                   f"<content type='html'>{escape(paras)}</content></entry>")
    return ("<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
            f"<title>{escape(title)}</title><id>urn:example:feed</id><updated>2023-10-09T09:00:00Z</updated>"
            f"{''.join(out)}</feed>").encode()
