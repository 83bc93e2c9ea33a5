"""The pieces every view is made of: escaping, citation links, dates, messages.

Every string that comes from an article, a question, a browser or an error goes
through ``e`` (``html.escape``): article text is untrusted input (an article may
contain ``<script>``). Structure is ours, content is always escaped.

Citation links are plain anchors whose fragment names the span to open,
``#open:<panel>:<article_id>:<start>:<end>`` (``start == end``: the whole article,
nothing marked); the page script (``ui/static/page.js``) turns a click on one into
a request to the server.
"""

from __future__ import annotations

import html
import re
from datetime import date
from typing import Any

MARK_ID = "quote-mark"
_LINK_PART = re.compile(r"^[A-Za-z0-9_-]+$")
_ABS_PATH = re.compile(r"(?<![\w.~:/])(?:[A-Za-z]:)?[/\\](?:[^\s/\\'\"]+[/\\])+([^\s/\\'\"]+)")
_URL = re.compile(r"^https?://", re.IGNORECASE)


def e(value: Any) -> str:
    """Escape anything for HTML text or a quoted attribute."""
    return html.escape("" if value is None else str(value), quote=True)


def hide_paths(text: str) -> str:
    """Replace absolute file paths in a message by their basename (no local paths in the UI); URLs stay."""
    return _ABS_PATH.sub(lambda m: m.group(1), text)


def display_name(path: str) -> str:
    """How a file or address from a report is shown: a URL whole, a local path by its basename."""
    return path if _URL.match(path) else hide_paths(path)


def source_link(panel: str, article_id: str, start: int = 0, end: int = 0) -> str:
    """The fragment a citation link carries; only id-safe characters, so it needs no escaping."""
    if not (_LINK_PART.match(panel) and _LINK_PART.match(article_id)):
        return "#"
    return f"#open:{panel}:{article_id}:{int(start)}:{int(end)}"


def parse_link(value: str) -> tuple[str, int, int] | None:
    """``(article_id, start, end)`` from a link fragment (or the bare key), None when malformed."""
    parts = (value or "").strip().lstrip("#").split(":")
    if len(parts) != 5 or parts[0] != "open" or not _LINK_PART.match(parts[2]):
        return None
    try:
        start, end = int(parts[3]), int(parts[4])
    except ValueError:
        return None
    if not 0 <= start <= end:
        return None
    return parts[2], start, end


def day(published: str) -> str:
    """``2023-10-20T21:30:28+00:00`` -> ``20 Oct 2023``; "" when there is no usable date."""
    try:
        d = date.fromisoformat(str(published or "")[:10])
    except ValueError:
        return ""
    return f"{d.day} {d:%b %Y}"


def clip(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary with an ellipsis when longer than ``limit``."""
    text = " ".join(str(text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.-\u2013\u2014 ")
    return (cut or text[: limit - 1]) + "\u2026"


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def error_html(message: str) -> str:
    return f"<div class='na-error' role='alert'>\u26a0 {e(hide_paths(message))}</div>"


def muted(message: str) -> str:
    return f"<p class='na-muted'>{e(message)}</p>"


def also_in(outlets: object) -> list[str]:
    """The other outlets that ran a syndicated copy (``Citation.also_in`` / a quotation row's ``also_in``,
    when the engine groups copies), as a clean list."""
    return [str(o) for o in outlets if o] if isinstance(outlets, list | tuple) else []


def also_in_html(outlets: object) -> str:
    names = also_in(outlets)
    return f" <span class='na-also'>also in {e(', '.join(names))}</span>" if names else ""


def said_html(text: str, kind: str) -> str:
    """What a source says, honest about whose words they are.

    ``direct``: the speaker's words, in quotation marks. ``reported``: the article's own
    words reporting what was said, labelled and never in quotation marks. ``""``: a
    sentence of the article, labelled likewise.
    """
    if kind == "direct":
        return f"<span class='na-said na-direct'>\u201c<span class='na-words'>{e(text)}</span>\u201d</span>"
    label, tip = (("article's report", "The article's own words reporting what was said; not a direct quote")
                  if kind == "reported" else ("article text", "A sentence of the article"))
    return (f"<span class='na-said na-{'reported' if kind == 'reported' else 'plain'}'>"
            f"<span class='na-badge' title='{tip}'>{label}</span> <span class='na-words'>{e(text)}</span></span>")


__all__ = [
    "MARK_ID",
    "also_in",
    "also_in_html",
    "clip",
    "day",
    "display_name",
    "e",
    "error_html",
    "hide_paths",
    "muted",
    "parse_link",
    "plural",
    "said_html",
    "source_link",
]
