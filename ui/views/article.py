"""The source panel: an article's stored text, escaped, with the cited span marked.

The panel head carries the title, outlet, date, author and address, a "back" button
(the page script returns to the citation that opened the panel) and a close button
(the panel is a sheet over the page on a phone).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ui.views.html import MARK_ID, day, e, muted


def _head(article: Mapping[str, Any], back: bool) -> str:
    meta = " \u00b7 ".join(x for x in (e(article.get("source", "")), e(day(str(article.get("published", "")))),
                                       e(article.get("author", ""))) if x)
    url = str(article.get("url") or "")
    link = (f" \u00b7 <a class='na-ext' href='{e(url)}' target='_blank' rel='noopener noreferrer nofollow'>original</a>"
            if url.startswith(("http://", "https://")) else "")
    back_btn = "<button type='button' class='na-back'>\u21a9 Back</button>" if back else ""
    return (
        f"<div class='na-article-head'><div class='na-panel-bar'>{back_btn}"
        "<button type='button' class='na-close' aria-label='Close the source'>\u2715</button></div>"
        f"<h3>{e(article.get('title')) or 'Untitled'}</h3>"
        f"<p class='na-meta'>{meta}{link}</p></div>"
    )


def article_html(article: Mapping[str, Any], start: int | None = None, end: int | None = None, *,
                 back: bool = False) -> str:
    """``article``'s stored text with ``[start:end]`` wrapped in ``<mark id=MARK_ID>`` (nothing marked when
    the span is empty or outside the text)."""
    text = str(article.get("text", ""))
    if start is not None and end is not None and 0 <= start < end <= len(text):
        body = f"{e(text[:start])}<mark id='{MARK_ID}'>{e(text[start:end])}</mark>{e(text[end:])}"
    else:
        body = e(text)
    return f"<div class='na-article'>{_head(article, back)}<div class='na-article-text'>{body}</div></div>"


def empty_panel(message: str) -> str:
    return f"<div class='na-article na-empty'>{muted(message)}</div>"


__all__ = ["article_html", "empty_panel"]
