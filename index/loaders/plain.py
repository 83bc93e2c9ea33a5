"""Plain text and Markdown articles, with optional YAML front matter for metadata."""

from __future__ import annotations

import re
from pathlib import Path

from index.errors import LoadError
from index.loaders.metadata import DATE_KEYS, KNOWN_KEYS, clean_value, first_value, make_article
from index.loaders.result import LoadResult
from index.text import normalize_text

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)


def load_text(text: str, relpath: str, root: Path, markdown: bool) -> LoadResult:
    result = LoadResult()
    meta: dict = {}
    body = normalize_text(text)
    match = _FRONT_MATTER.match(body)
    if match:
        import yaml

        try:
            parsed = yaml.safe_load(match.group(1) or "") or {}
        except yaml.YAMLError as exc:
            parsed = None
            result.warnings.append(
                f"{relpath}: front matter is not valid YAML, ignored ({type(exc).__name__})"
            )
            body = body[match.end() :]
        if isinstance(parsed, dict):
            meta = {str(k).lower(): v for k, v in parsed.items()}
            body = body[match.end() :]
    if not body.strip():
        result.rejected.append(LoadError(relpath, "no text after the front matter"))
        return result
    extra = {k: clean_value(v) for k, v in meta.items() if k not in KNOWN_KEYS and clean_value(v)}
    result.articles.append(
        make_article(
            body=body,
            relpath=relpath,
            root=root,
            title=meta.get("title"),
            source=meta.get("source"),
            url=meta.get("url"),
            published=first_value(meta, DATE_KEYS),
            author=first_value(meta, ("author", "authors")),
            markdown=markdown,
            extra=extra,
        )
    )
    return result


__all__ = ["load_text"]
