"""What the last fetch of each URL returned, so that a re-run fetches only what changed.

``<home>/web-cache.json`` maps a URL to ``{etag, last_modified, body_hash, article_id}`` (a page)
or ``{etag, last_modified, body_hash, items: {key: {fingerprint, article_id, etag, last_modified}}}``
(a feed). Entries are staged while a run fetches and written only after the index write succeeded
(``commit``), so a run that fails or is killed is simply redone. The cache is only a hint: before
trusting an entry the caller checks that its articles are still in the index.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from index.web.jsonfile import read_json, write_json

FILE = "web-cache.json"
VERSION = 1


class WebCache:
    def __init__(self, home: Path) -> None:
        self.path = Path(home) / FILE
        data = read_json(self.path, {})
        self.urls: dict[str, dict[str, Any]] = data.get("urls", {}) if data.get("version") == VERSION else {}
        self._staged: dict[str, dict[str, Any]] = {}

    def get(self, url: str) -> dict[str, Any]:
        return self.urls.get(url, {})

    def stage(self, url: str, entry: dict[str, Any]) -> None:
        self._staged[url] = entry

    def commit(self) -> None:
        if self._staged:
            self.urls.update(self._staged)
            self._staged = {}
            write_json(self.path, {"version": VERSION, "urls": self.urls})


__all__ = ["WebCache"]
