"""JSON and JSON Lines feeds: a list of article objects (or an object with an articles/items/data list)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from index.errors import LoadError
from index.loaders.metadata import BODY_KEYS, DATE_KEYS, KNOWN_KEYS, clean_value, first_value, make_article
from index.loaders.result import LoadResult

_LIST_KEYS = ("articles", "items", "data")


def _records(data: Any) -> list | None:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in _LIST_KEYS:
            if isinstance(data.get(key), list):
                return data[key]
        if first_value(data, BODY_KEYS) is not None:
            return [data]
    return None


def load_json(text: str, relpath: str, root: Path, jsonl: bool) -> LoadResult:
    result = LoadResult()
    numbered: list[tuple[int, Any]] = []  # (line number or 0, record)
    if not jsonl:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            if exc.msg != "Extra data":
                result.rejected.append(
                    LoadError(relpath, f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")
                )
                return result
            jsonl = True  # several objects, one per line: read it as JSONL
        else:
            records = _records(data)
            if records is None:
                result.rejected.append(
                    LoadError(
                        relpath,
                        "JSON is neither a list of articles nor an object with an articles/items/data list",
                    )
                )
                return result
            numbered = [(0, r) for r in records]
    if jsonl:
        for lineno, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                numbered.append((lineno, json.loads(line)))
            except json.JSONDecodeError as exc:
                result.rejected.append(LoadError(relpath, f"invalid JSON on line {lineno}: {exc.msg}"))
    for position, (lineno, record) in enumerate(numbered):
        where = f"line {lineno}" if lineno else f"record {position}"
        if not isinstance(record, dict):
            result.rejected.append(LoadError(f"{relpath}#{position}", f"{where} is not a JSON object"))
            continue
        key = clean_value(first_value(record, ("id", "doc_index"))) or str(position)
        body = first_value(record, BODY_KEYS)
        if not isinstance(body, str) or not body.strip():
            result.rejected.append(LoadError(f"{relpath}#{key}", f"{where} has no body/text/content"))
            continue
        extra = {k: v for k, v in record.items() if k not in KNOWN_KEYS and clean_value(v)}
        result.articles.append(
            make_article(
                body=body,
                relpath=relpath,
                root=root,
                title=record.get("title"),
                source=record.get("source"),
                url=record.get("url"),
                published=first_value(record, DATE_KEYS),
                author=first_value(record, ("author", "authors")),
                key=key,
                extra=extra,
            )
        )
    return result


__all__ = ["load_json"]
