"""HTML pages: the main article text (trafilatura), with scripts and hidden elements removed first."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from index.errors import LoadError
from index.loaders.metadata import clean_value, make_article
from index.loaders.result import LoadResult

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date",
    "dc.date.issued",
    "date",
)


def _html_date(tree: Any) -> str:
    """A publication datetime from meta tags or JSON-LD (trafilatura keeps only the day)."""
    for meta in tree.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if name in _DATE_META and clean_value(meta.get("content")):
            return meta.get("content")
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if clean_value(item.get("datePublished")):
                    return item["datePublished"]
                stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
    return ""


def _strip_invisible(tree: Any) -> None:
    """Drop scripts, styles and hidden elements so their text can never reach the index."""
    doomed = []
    for el in tree.iter():
        if not isinstance(el.tag, str):  # comments, processing instructions
            doomed.append(el)
            continue
        tag = el.tag.lower()
        if (
            tag in {"script", "style", "noscript", "template"}
            or el.get("hidden") is not None
            or (el.get("aria-hidden") or "").lower() == "true"
            or _HIDDEN_STYLE.search(el.get("style") or "")
        ):
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def load_html(text: str, relpath: str, root: Path | None) -> LoadResult:
    """The main text of an HTML page as one article (``root`` None: not from a folder, e.g. a URL)."""
    import lxml.html
    import trafilatura
    from lxml.etree import ParserError

    result = LoadResult()
    text = re.sub(r"\A\s*<\?xml[^>]*\?>", "", text)  # lxml refuses str input with an encoding declaration
    try:
        tree = lxml.html.document_fromstring(text)
    except (ParserError, ValueError) as exc:
        result.rejected.append(LoadError(relpath, f"HTML could not be parsed: {exc}"))
        return result
    date = _html_date(tree)
    page_title = clean_value(tree.findtext(".//title"))
    _strip_invisible(tree)
    try:
        doc = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False)
    except Exception as exc:  # noqa: BLE001 - third-party extractor: any failure rejects this one file
        result.rejected.append(LoadError(relpath, f"HTML extraction failed: {type(exc).__name__}: {exc}"))
        return result
    body = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not body.strip():
        result.rejected.append(LoadError(relpath, "no main article text found in the HTML"))
        return result
    result.articles.append(
        make_article(
            body=body,
            relpath=relpath,
            root=root,
            title=doc.title or page_title,
            source=doc.sitename or doc.hostname,
            url=doc.url,
            published=date or doc.date,
            author=doc.author,
        )
    )
    return result


__all__ = ["load_html"]
