"""Loading files and folders: the gates every format goes through, then the format's own loader.

Size, binary and encoding checks, symlinks that leave the indexed root, and duplicate ids are
the same for every format. A bad file or record never stops a batch: it becomes a ``LoadError``
in ``LoadResult.rejected`` and the good ones load.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from index.articles import Article, canonical_url
from index.errors import LoadError
from index.loaders.decode import decode_bytes
from index.loaders.discover import HTML_SUFFIXES, JSON_SUFFIXES, SUPPORTED_SUFFIXES, discover, inside_root, relpath_of
from index.loaders.html import load_html
from index.loaders.plain import load_text
from index.loaders.records import load_json
from index.loaders.result import LoadResult
from index.settings import Settings

DEFAULT_MAX_CHARS: int = Settings.max_article_chars  # the setting's default, declared once


def read_bytes(path: Path, max_bytes: int, relpath: str) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise LoadError(relpath, f"file too large ({size:,} bytes; the limit is {max_bytes:,})")
        if not os.access(path, os.R_OK):
            raise LoadError(relpath, "permission denied")
        data = path.read_bytes()
    except PermissionError as exc:
        raise LoadError(relpath, "permission denied") from exc
    except IsADirectoryError as exc:
        raise LoadError(relpath, "is a directory, not a file") from exc
    except OSError as exc:
        raise LoadError(relpath, f"cannot read: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise LoadError(relpath, f"file too large ({len(data):,} bytes; the limit is {max_bytes:,})")
    return data


def load_file(path: Path, root: Path, max_bytes: int, max_chars: int = DEFAULT_MAX_CHARS) -> LoadResult:
    """Load one file below ``root``; every problem is reported in the result, never raised."""
    path = Path(path)
    root = Path(root)
    relpath = relpath_of(path, root)
    result = LoadResult()
    try:
        if path.is_symlink() and not inside_root(path, root.resolve()):
            raise LoadError(relpath, "symlink points outside the indexed folder")
        if not path.exists():
            raise LoadError(relpath, "no such file")
        if path.is_dir():
            if not os.access(path, os.R_OK | os.X_OK):
                raise LoadError(relpath or path.name, "permission denied (folder cannot be listed)")
            raise LoadError(relpath, "is a directory, not a file")
        suffix = path.suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES:
            supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
            raise LoadError(relpath, f"unsupported file type {suffix or '(none)'!r}; supported: {supported}")
        data = read_bytes(path, max_bytes, relpath)
        if not data.strip():
            raise LoadError(relpath, "empty file")
        text, warnings = decode_bytes(data, relpath)
        result.warnings.extend(warnings)
        if not text.strip():
            raise LoadError(relpath, "empty file (whitespace only)")
    except LoadError as err:
        result.rejected.append(err)
        return result
    if suffix in HTML_SUFFIXES:
        loaded = load_html(text, relpath, root)
    elif suffix in JSON_SUFFIXES:
        loaded = load_json(text, relpath, root, jsonl=suffix == ".jsonl")
    else:
        loaded = load_text(text, relpath, root, markdown=suffix != ".txt")
    for art in loaded.articles:
        cap_length(art, max_chars, loaded.warnings)
    result.extend(loaded)
    return _drop_duplicates(result, {})


def cap_length(art: Article, max_chars: int, warnings: list[str]) -> None:
    """Cut an over-long article at the last sentence end (else whitespace) before ``max_chars``."""
    if len(art.text) <= max_chars:
        return
    head = art.text[:max_chars]
    cut = max(head.rfind(". "), head.rfind(".\n"), head.rfind("\n"))
    if cut < max_chars // 2:
        cut = head.rfind(" ")
    cut = cut + 1 if cut >= max_chars // 2 else max_chars
    original = len(art.text)
    art.text = art.text[:cut].rstrip()
    warnings.append(
        f"{art.path}: article is {original:,} characters; indexed the first {len(art.text):,} "
        f"(max_article_chars is {max_chars:,})"
    )


def _drop_duplicates(result: LoadResult, seen: dict[str, Article]) -> LoadResult:
    """Keep the first article per id; later ones become rejections naming the first."""
    kept: list[Article] = []
    for art in result.articles:
        first = seen.get(art.id)
        if first is not None:
            why = (
                f"same URL as {first.path}"
                if art.url and canonical_url(art.url)
                else f"same id as {first.path}"
            )
            if first.root != art.root:
                why += f" in {first.root}"
            result.rejected.append(LoadError(art.path, f"duplicate article ({why}); kept the first"))
            continue
        seen[art.id] = art
        kept.append(art)
    result.articles = kept
    return result


def load_paths(
    paths: Iterable[Path], max_bytes: int, max_chars: int = DEFAULT_MAX_CHARS
) -> list[tuple[Path, LoadResult]]:
    """Load files and folders; one ``(root, result)`` per root, in the order roots were first named.

    Article ids are unique across the whole call: a duplicate (same URL, or same
    relative path under two roots) is rejected, naming the article kept.
    """
    results: dict[Path, LoadResult] = {}
    done: set[tuple[Path, str]] = set()
    seen: dict[str, Article] = {}
    for raw in paths:
        raw = Path(raw)
        try:
            root, files = discover(raw)
        except LoadError as err:
            results.setdefault(raw.absolute(), LoadResult()).rejected.append(err)
            continue
        bucket = results.setdefault(root, LoadResult())
        for file in files:
            marker = (root, relpath_of(file, root))
            if marker in done:
                continue
            done.add(marker)
            bucket.extend(_drop_duplicates(load_file(file, root, max_bytes, max_chars), seen))
    return list(results.items())


__all__ = ["cap_length", "load_file", "load_paths"]
