"""The feed list: the feeds a reader follows, kept in ``<home>/feeds.json``.

Each entry is the URL as given plus when it was added and the result of its last poll. URLs are
matched by their canonical form (``index.articles.canonical_url``), so a trailing slash or a
tracking parameter does not add a second copy. Writes are read-modify-write under a file lock,
so the poller recording a result never loses a feed added meanwhile from the command line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from index.articles import canonical_url
from index.errors import NotFound
from index.web.addresses import split_url
from index.web.jsonfile import read_json, write_json

FILE = "feeds.json"


@dataclass
class Subscription:
    url: str
    added: str = ""
    last_polled: str = ""
    last_result: str = ""  # "2 new, 1 changed, 47 unchanged" or "failed: <reason>"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class FeedList:
    def __init__(self, home: Path) -> None:
        self.path = Path(home) / FILE

    def _read(self) -> list[Subscription]:
        data = read_json(self.path, {"feeds": []})
        return [Subscription(**{k: str(v) for k, v in row.items() if k in Subscription.__annotations__})
                for row in data.get("feeds", [])]

    def _write(self, feeds: list[Subscription]) -> None:
        write_json(self.path, {"feeds": [asdict(f) for f in feeds]})

    def _lock(self):
        from filelock import FileLock

        self.path.parent.mkdir(parents=True, exist_ok=True)
        return FileLock(str(self.path) + ".lock", timeout=10)

    def list(self) -> list[Subscription]:
        return self._read()

    def add(self, url: str) -> bool:
        """Add ``url`` (http or https); False when it is already in the list."""
        url = url.strip()
        split_url(url)  # FetchError naming the rule for ftp:, file:, a missing host...
        with self._lock():
            feeds = self._read()
            if any(canonical_url(f.url) == canonical_url(url) for f in feeds):
                return False
            feeds.append(Subscription(url=url, added=_now()))
            self._write(feeds)
        return True

    def remove(self, url: str) -> Subscription:
        with self._lock():
            feeds = self._read()
            keep = [f for f in feeds if canonical_url(f.url) != canonical_url(url.strip())]
            if len(keep) == len(feeds):
                raise NotFound(f"{url} is not in the feed list; `assistant feeds list` shows it")
            self._write(keep)
        return next(f for f in feeds if f not in keep)

    def record(self, results: Iterable[tuple[str, str]]) -> None:
        """Remember each ``(url, result line)`` of a poll."""
        results = dict(results)
        if not results:
            return
        with self._lock():
            feeds = self._read()
            now = _now()
            for f in feeds:
                if f.url in results:
                    f.last_polled, f.last_result = now, results[f.url]
            self._write(feeds)

    def to_rows(self) -> list[dict[str, Any]]:
        return [asdict(f) for f in self._read()]


__all__ = ["FeedList", "Subscription"]
