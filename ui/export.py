"""An answer as a reader copies it: plain text or Markdown, with the numbered quotes and their sources.

No HTML ever: the prose, then one line per citation (direct quotes in quotation
marks, reported speech labelled as the article's report), with speaker, title,
outlet, date and address. A citation whose article has since been deleted says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.schema import Answer, Citation
from ui.views.html import also_in, day

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|])")
KIND_LABEL = {"reported": "Reported by the article:", "": "From the article:"}


def _md(text: str) -> str:
    """Markdown-escape article text so that a viewer shows it as written."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _said(c: Citation, md: bool) -> str:
    text = _md(c.quote) if md else c.quote
    if c.kind == "direct":
        return f"\u201c{text}\u201d"
    label = KIND_LABEL.get(c.kind, KIND_LABEL[""])
    return f"*{label}* {text}" if md else f"{label} {text}"


def _where(c: Citation) -> str:
    where = ", ".join(x for x in (c.title.strip(), c.source, day(c.published)) if x)
    others = also_in(getattr(c, "also_in", None))
    return f"{where} (also in {', '.join(others)})" if others else where


def _line(c: Citation, md: bool, alive: bool) -> str:
    label = f"**[{c.n}]**" if md else f"[{c.n}]"
    if not alive:
        return f"{label} (this source was deleted from the index)"
    who = f" \u2014 **{c.speaker}**" if md and c.speaker else (f" \u2014 {c.speaker}" if c.speaker else "")
    where = _where(c)
    if where:
        where = f" *{_md(where)}*." if md else f" {where}."
    url = f" {c.url}" if c.url else ""
    return f"{label} {_said(c, md)}{who}.{where}{url}"


def answer_export(question: str, answer: Answer, *, markdown: bool = False,
                  alive: Callable[[str], bool] = lambda _id: True) -> str:
    """The question, the answer prose and its sources, as plain text (default) or Markdown."""
    md = markdown
    lines = [f"**Question:** {question}" if md else f"Question: {question}", "", answer.answer.strip()]
    if answer.citations:
        lines += ["", "**Sources**" if md else "Sources"]
        lines += [("- " if md else "") + _line(c, md, alive(c.article_id)) for c in answer.citations]
    return "\n".join(lines).strip() + "\n"


__all__ = ["answer_export"]
