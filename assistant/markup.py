"""Article text is data: markup in it must not become markup wherever an answer is shown.

Quotes stay verbatim in ``Citation.quote`` (the promise), and every field that comes from
an article (quote, title, source, url, author) is untrusted text for whoever renders it.
The answer *prose* and the titles printed by the CLI are neutralised instead, so that a
consumer rendering ``assistant ask --json``'s ``answer`` as HTML or Markdown, or a
terminal user pasting it, never gets a live tag, image or link:

* ``<`` and ``>`` become ``‹`` and ``›`` (no HTML tag, no autolink);
* ``![`` becomes ``! [`` and ``](`` becomes ``] (`` (no Markdown image or inline link).

The text stays readable and nothing else changes.
"""

from __future__ import annotations

_SWAPS = (("<", "\u2039"), (">", "\u203a"), ("![", "! ["), ("](", "] ("))


def neutralize(text: str) -> str:
    """``text`` with HTML tags and Markdown images/links made inert (see the module docstring)."""
    for old, new in _SWAPS:
        text = text.replace(old, new)
    return text


__all__ = ["neutralize"]
