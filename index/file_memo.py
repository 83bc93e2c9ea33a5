"""What each indexed file gave last time, so that an unchanged file is not parsed again.

An unchanged re-index used to read, decode, normalise and clean every article of every file
(0.6 s for the 609-article MultiHop file) only to find the same content hashes. The memo
(``<home>/file_memo.json``) records, per file and root, the SHA-256 of its raw bytes, the loader's
identity (``LOADER_VERSION``: the source of the loaders and the text rules they apply, and the
size limits) and the articles it gave, each with its content and metadata hashes. A file whose
bytes, loader and limits are the same, and whose articles are all still stored, complete, from
that file and with those hashes, counts its articles as skipped without being parsed; anything
else (a changed, moved or re-rooted file, another loader, an article changed or deleted through
another client) is parsed as before. Only files that loaded cleanly (no rejection, no warning)
are remembered, and only after the run that wrote their articles finished.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

_HERE = Path(__file__).parent
_SOURCES = sorted((_HERE / "loaders").glob("*.py")) + sorted((_HERE / "text").glob("*.py"))
LOADER_VERSION = "loaders-" + hashlib.sha256(b"".join(p.read_bytes() for p in _SOURCES)).hexdigest()[:12]
FILE_NAME = "file_memo.json"


def raw_digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class FileMemo:
    def __init__(self, home: Path, limits: str, *, fresh: bool = False) -> None:
        """``fresh``: remember nothing from earlier runs (``--rebuild`` parses every file)."""
        self.path = home / FILE_NAME
        self.version = f"{LOADER_VERSION}/{limits}"
        try:
            data = {} if fresh else json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        self.files: dict[str, Any] = data.get("files", {}) if data.get("version") == self.version else {}
        self.staged: dict[str, Any] = {}

    @staticmethod
    def key(file: Path, root: Path) -> str:
        return f"{file.resolve()}|{root.resolve()}"

    def unchanged(self, key: str, digest: str, existing: dict[str, dict[str, Any]], source_file: str) -> list[str]:
        """The ids of the articles the file gave last time, when nothing about it changed; else []."""
        entry = self.files.get(key)
        if not entry or entry.get("sha256") != digest or not entry.get("articles"):
            return []
        for aid, (content_hash, meta_hash) in entry["articles"].items():
            old = existing.get(aid)
            if not (old and old.get("complete") and old.get("source_file") == source_file
                    and old.get("content_hash") == content_hash and old.get("meta_hash") == meta_hash):
                return []
        return list(entry["articles"])

    def stage(self, key: str, digest: str, articles: dict[str, tuple[str, str]]) -> None:
        """Remember a cleanly loaded file's articles (written by ``commit`` once the run has stored them)."""
        self.staged[key] = {"sha256": digest, "articles": articles}

    def forget(self, key: str) -> None:
        self.files.pop(key, None)
        self.staged.pop(key, None)

    def commit(self) -> None:
        files = {**self.files, **self.staged}
        tmp = self.path.with_suffix(".tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps({"version": self.version, "files": files}), encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError:
            pass  # a cache: the next run parses the files again


__all__ = ["FILE_NAME", "LOADER_VERSION", "FileMemo", "raw_digest"]
