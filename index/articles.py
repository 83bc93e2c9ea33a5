"""The unit we index: one news article with its normalised text and metadata."""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from datetime import UTC
from urllib.parse import urlsplit, urlunsplit

from index.text import content_hash


@dataclass
class Article:
    """An article as loaded. ``text`` is normalised; offsets point into it."""

    id: str
    text: str
    title: str = ""
    source: str = ""  # the outlet, e.g. "Newsweek"; the file name when unknown
    url: str = ""
    published: str = ""  # ISO 8601 date or datetime, "" when unknown
    author: str = ""
    path: str = ""  # where it came from, relative to the indexed root
    root: str = ""  # absolute indexed root: the scope of deletions
    extra: dict = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    def to_dict(self) -> dict:
        data = asdict(self)
        data.pop("extra")
        return data


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, drop the fragment, query tracking and trailing slash."""
    url = (url or "").strip()
    if not url:
        return ""
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return ""
    query = "&".join(
        p for p in parts.query.split("&") if p and not re.match(r"(utm_[a-z]+|fbclid|gclid)=", p)
    )
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))


def article_id(*, url: str = "", relpath: str = "", key: str = "") -> str:
    """Stable id: from the canonical URL when there is one, else path (+ record key).

    Short and readable: a slug of the last path part plus 12 hex digits of a hash.
    """
    canon = canonical_url(url)
    basis = ("url:" + canon) if canon else ("path:" + relpath + (("#" + key) if key else ""))
    digest = hashlib.sha256(basis.encode("utf-8")).hexdigest()[:12]
    stem = canon.rstrip("/").rsplit("/", 1)[-1] if canon else relpath.rsplit("/", 1)[-1]
    if key and not canon:
        stem = f"{stem}-{key}"
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:40] or "article"
    return f"{slug}-{digest}"


def published_timestamp(published: str) -> int:
    """Epoch seconds of an ISO 8601 date/datetime (UTC when naive); -1 when unknown."""
    from datetime import datetime

    if not published:
        return -1
    try:
        dt = datetime.fromisoformat(published.strip().replace("Z", "+00:00"))
    except ValueError:
        return -1
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return int(dt.timestamp())
