"""HTML for the web UI: answers, citations, quotes, article text with the quoted span marked.

Every string that comes from an article, a question or an error goes through
``html.escape``: article text is untrusted input (an article may contain
``<script>``). Structure is ours, content is always escaped.

Citation links are plain anchors whose fragment names the span to open,
``#open:<panel>:<article_id>:<start>:<end>``: the chatbot's sanitiser strips
``data-*`` attributes but keeps ``href``, and a small script in the page head
(``CLICK_JS``) turns a click on such a link into a request to the server.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from assistant.schema import Answer, Citation

MARK_ID = "quote-mark"
_LINK_PART = re.compile(r"^[A-Za-z0-9_-]+$")
_MARKER = re.compile(r"\[(\d+)\]")
_ABS_PATH = re.compile(r"(?<![\w.~])(?:[A-Za-z]:)?[/\\](?:[^\s/\\'\"]+[/\\])+([^\s/\\'\"]+)")


def e(value: Any) -> str:
    """Escape anything for HTML text or a quoted attribute."""
    return html.escape("" if value is None else str(value), quote=True)


def hide_paths(text: str) -> str:
    """Replace absolute file paths in a message by their basename (no local paths in the UI)."""
    return _ABS_PATH.sub(lambda m: m.group(1), text)


def source_link(panel: str, article_id: str, start: int, end: int) -> str:
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


def byline(title: str, source: str, published: str) -> str:
    parts = [f"<span class='na-title'>{e(title) or 'Untitled'}</span>"]
    if source:
        parts.append(f"<span class='na-outlet'>{e(source)}</span>")
    parts.append(f"<span class='na-date'>{e(published[:10]) if published else 'undated'}</span>")
    return " · ".join(parts)


def citation_html(c: Citation, panel: str = "chat") -> str:
    """One citation as a block quote: number, quote, then speaker, title, outlet, date."""
    link = source_link(panel, c.article_id, c.start, c.end)
    speaker = f"<b class='na-speaker'>{e(c.speaker)}</b> · " if c.speaker else ""
    status = "" if c.verified else " <span class='na-unverified'>(not verified)</span>"
    return (
        f"<blockquote class='na-quote'><a class='na-cite' href='{link}' title='Open the source'>[{c.n}]</a> "
        f"\u201c{e(c.quote)}\u201d{status}<br><small>{speaker}{byline(c.title, c.source, c.published)}</small>"
        "</blockquote>"
    )


def answer_text_html(text: str, citations: Sequence[Citation], panel: str = "chat") -> str:
    """The answer prose, escaped, with every known ``[n]`` marker made a link to its source."""
    by_n = {c.n: c for c in citations}

    def link(m: re.Match[str]) -> str:
        c = by_n.get(int(m.group(1)))
        if c is None:
            return m.group(0)
        return f"<a class='na-cite' href='{source_link(panel, c.article_id, c.start, c.end)}'>[{c.n}]</a>"

    return _MARKER.sub(link, e(text))


def answer_html(answer: Answer, panel: str = "chat") -> str:
    """The whole rendered answer: prose with linked markers, then the numbered quotes."""
    body = f"<div class='na-answer'><p>{answer_text_html(answer.answer, answer.citations, panel)}</p>"
    if answer.citations:
        body += "<div class='na-sources'>" + "".join(citation_html(c, panel) for c in answer.citations) + "</div>"
    elif not answer.answered:
        body += "<p class='na-muted'>No verified quote in the indexed articles answers this.</p>"
    return body + "</div>"


def stream_answer(answer: Answer, words_per_step: int = 6, panel: str = "chat") -> Iterator[str]:
    """Progressively longer renderings of the answer prose, then the full answer with its quotes."""
    words = answer.answer.split(" ")
    for i in range(words_per_step, len(words), words_per_step):
        partial = " ".join(words[:i])
        yield f"<div class='na-answer'><p>{answer_text_html(partial, answer.citations, panel)} \u2026</p></div>"
    yield answer_html(answer, panel)


def error_html(message: str) -> str:
    return f"<div class='na-error'>\u26a0 {e(hide_paths(message))}</div>"


def question_html(question: str) -> str:
    return f"<p>{e(question)}</p>"


def article_html(article: Mapping[str, Any], start: int | None = None, end: int | None = None) -> str:
    """An article's stored text with ``[start:end]`` wrapped in ``<mark id=MARK_ID>``; all text escaped."""
    text = str(article.get("text", ""))
    head = (
        f"<div class='na-article-head'><h3>{e(article.get('title')) or 'Untitled'}</h3><small>"
        + " · ".join(
            x
            for x in (
                e(article.get("source", "")),
                e(str(article.get("published", ""))[:10]) or "undated",
                e(article.get("author", "")),
            )
            if x
        )
        + "</small></div>"
    )
    if start is not None and end is not None and 0 <= start <= end <= len(text):
        body = f"{e(text[:start])}<mark id='{MARK_ID}'>{e(text[start:end])}</mark>{e(text[end:])}"
    else:
        body = e(text)
    return f"<div class='na-article'>{head}<div class='na-article-text'>{body}</div></div>"


def quotes_html(rows: Sequence[Mapping[str, Any]], speaker: str, panel: str = "speakers") -> str:
    """A speaker's quotes (already newest first) as block quotes linking to their source."""
    if not rows:
        return f"<p class='na-muted'>No quotes by {e(speaker)} in the indexed articles.</p>"
    items = []
    for r in rows:
        link = source_link(panel, r["article_id"], r["start"], r["end"])
        items.append(
            f"<blockquote class='na-quote'>\u201c{e(r['quote'])}\u201d<br><small><b class='na-speaker'>"
            f"{e(r['speaker'])}</b> · {byline(r.get('title', ''), r.get('source', ''), r.get('published', ''))}"
            f" · <a class='na-cite' href='{link}'>open source</a></small></blockquote>"
        )
    return f"<p>{len(rows)} quote{'s' if len(rows) != 1 else ''}, newest first.</p>" + "".join(items)


# The page-level script: a click on a citation link puts its key into the panel's hidden
# textbox and presses the panel's hidden button (both rendered with visible="hidden").
CLICK_JS = """
<script>
(function () {
  if (window.__naCiteInstalled) return;
  window.__naCiteInstalled = true;
  document.addEventListener('click', function (ev) {
    var a = ev.target && ev.target.closest ? ev.target.closest('a[href^="#open:"]') : null;
    if (!a) return;
    ev.preventDefault();
    ev.stopPropagation();
    var key = a.getAttribute('href').slice(1);
    var panel = key.split(':')[1];
    var box = document.querySelector('#' + panel + '-open-key textarea, #' + panel + '-open-key input');
    var btn = document.querySelector('#' + panel + '-open-btn');
    if (!box || !btn) return;
    var setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(box), 'value').set;
    setter.call(box, key);
    box.dispatchEvent(new Event('input', { bubbles: true }));
    setTimeout(function () { btn.click(); }, 0);
  }, true);
})();
</script>
"""

# Run after a source panel updates: bring its highlighted span into view (polls briefly,
# since the panel re-renders asynchronously after the event completes).
def scroll_js(panel_id: str) -> str:
    return f"""
() => {{
  let tries = 0;
  const go = () => {{
    const m = document.querySelector('#{panel_id} mark#{MARK_ID}');
    if (m) {{ m.scrollIntoView({{block: 'center', behavior: 'instant'}}); }}
    else if (tries++ < 40) {{ setTimeout(go, 50); }}
  }};
  setTimeout(go, 30);
}}
"""


CSS = """
.na-quote{margin:.4em 0;padding:.3em .8em;border-left:3px solid #8aa4c8;background:rgba(127,127,127,.06)}
.na-quote small{color:#666}
.na-cite{font-weight:600;text-decoration:none;cursor:pointer}
.na-error{color:#b3261e}
.na-muted{color:#777}
.na-unverified{color:#b3261e}
.na-article{max-height:520px;overflow:auto;padding:.5em .8em;border:1px solid rgba(127,127,127,.3);border-radius:6px}
.na-article-text{white-space:pre-wrap;line-height:1.5}
.na-article mark{background:#ffe066;color:inherit;padding:0 .1em}
"""


__all__ = [
    "CLICK_JS",
    "CSS",
    "MARK_ID",
    "answer_html",
    "answer_text_html",
    "article_html",
    "citation_html",
    "e",
    "error_html",
    "hide_paths",
    "parse_link",
    "question_html",
    "quotes_html",
    "scroll_js",
    "source_link",
    "stream_answer",
]
