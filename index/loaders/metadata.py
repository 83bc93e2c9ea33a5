"""Article metadata from loose inputs: missing values, dates, titles, and the ``Article`` itself.

Stored text is the normalised body (Unicode NFC, newlines unified, BOM dropped) without its page
furniture lines (``furniture.strip_furniture``: widget labels, share bars, sign-up prompts, photo
credits and captions), leading/trailing whitespace removed. Offsets point into exactly that text.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from index.articles import Article, article_id
from index.loaders.furniture import strip_furniture
from index.text import normalize_text
from index.text.sentences import sentence_spans

TITLE_MAX = 150
MISSING = {"", "none", "null", "nan", "n/a"}
BODY_KEYS = ("body", "text", "content")
DATE_KEYS = ("published_at", "published", "date")
KNOWN_KEYS = {"title", "source", "url", "author", "authors", "id", "doc_index", *BODY_KEYS, *DATE_KEYS}


def clean_value(value: Any) -> str:
    """A metadata value as one line of text; "None"/"null"/"" and friends mean missing."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(v for v in (clean_value(x) for x in value) if v)
    if isinstance(value, dict):
        return clean_value(value.get("name"))
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    text = " ".join(normalize_text(str(value)).split())
    return "" if text.lower() in MISSING else text


_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d", "%Y.%m.%d", "%B %d %Y")


def normalize_date(value: Any) -> str:
    """ISO 8601 when parseable (dates stay dates, datetimes keep time and zone); else as given."""
    raw = clean_value(value)
    if not raw:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        try:
            return dt.date.fromisoformat(raw).isoformat()
        except ValueError:
            return raw
    try:
        return dt.datetime.fromisoformat(
            raw.replace(" ", "T", 1) if re.match(r"\d{4}-\d{2}-\d{2} ", raw) else raw
        ).isoformat()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(raw).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(raw, fmt).date().isoformat()
        except ValueError:
            continue
    return raw


def _first_sentence(line: str) -> str:
    """The line up to the end of its first sentence of at least 20 characters."""
    for span in sentence_spans(line):
        if span.end >= 20:
            return line[: span.end]
    return line


def title_from_text(text: str, markdown: bool = False) -> str:
    """First non-blank line; its first sentence if very long; at most ~200 characters."""
    for line in text.splitlines():
        line = line.strip()
        if markdown:
            line = line.lstrip("#").strip()
        if line:
            break
    else:
        return ""
    line = " ".join(line.split())
    if len(line) <= TITLE_MAX:
        return line
    sentence = _first_sentence(line)
    if len(sentence) <= TITLE_MAX:
        return sentence
    # a lede sentence is no headline: keep its main clause (up to the first comma past 60 characters)
    comma = sentence.find(", ", 60)
    if 0 < comma <= TITLE_MAX:
        return sentence[:comma]
    cut = line[:TITLE_MAX].rsplit(" ", 1)[0] or line[:TITLE_MAX]
    return cut.rstrip(" ,;:-") + "…"


def first_value(record: dict, keys: Iterable[str]) -> Any:
    for key in keys:
        if key in record and clean_value(record[key]):
            return record[key]
    return None


def make_article(
    *,
    body: str,
    relpath: str,
    root: Path | None,
    title: str = "",
    source: str = "",
    url: str = "",
    published: Any = None,
    author: Any = "",
    key: str = "",
    markdown: bool = False,
    extra: dict | None = None,
) -> Article:
    text = normalize_text(body)
    text = strip_furniture(text)[0].strip() or text.strip()  # a page of nothing but furniture keeps it all
    url = clean_value(url)
    path = f"{relpath}#{key}" if key else relpath
    return Article(
        id=article_id(url=url, relpath=relpath, key=key),
        text=text,
        title=clean_value(title) or title_from_text(text, markdown=markdown),
        source=clean_value(source),
        url=url,
        published=normalize_date(published),
        author=clean_value(author),
        path=path,
        root=str(root.resolve()) if root is not None else "",
        extra=extra or {},
    )


__all__ = ["BODY_KEYS", "DATE_KEYS", "KNOWN_KEYS", "clean_value", "first_value", "make_article", "normalize_date",
           "title_from_text"]
