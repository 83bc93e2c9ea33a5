"""One answer as HTML: prose with linked ``[n]`` markers, then its sources grouped by article.

A marker links to its source span (``#open:chat:...``) and names the source entry it
previews (``data-ref``), which the page script shows as a card on hover or focus.
A source whose article has been deleted since is shown as deleted, without a link.
A quote the prose already contains in full is not printed a second time: its entry
keeps the speaker and kind, and the card still shows the words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from assistant.schema import Answer, Citation
from ui.export import answer_export
from ui.views.html import also_in_html, clip, day, e, said_html, source_link

Alive = Callable[[str], bool]
_MARKER = re.compile(r"\[(\d+)\]")
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


def _folded(text: str) -> str:
    return " ".join(text.translate(_QUOTES).split()).casefold()


def ref_id(turn: int, n: int) -> str:
    return f"ref-t{turn}-{n}"


def prose_html(text: str, citations: Sequence[Citation], turn: int, alive: Alive) -> str:
    """The answer prose, escaped, with every known ``[n]`` marker made a link to its source."""
    by_n = {c.n: c for c in citations}

    def link(m: re.Match[str]) -> str:
        c = by_n.get(int(m.group(1)))
        if c is None:
            return m.group(0)
        if not alive(c.article_id):
            return f"<span class='na-cite na-gone' title='This source was deleted from the index'>[{c.n}]</span>"
        return (f"<a class='na-cite' href='{source_link('chat', c.article_id, c.start, c.end)}' "
                f"data-ref='{ref_id(turn, c.n)}' aria-label='Source {c.n}'>[{c.n}]</a>")

    return _MARKER.sub(link, e(text))


def _ref_html(c: Citation, turn: int, alive: bool, quoted_above: bool) -> str:
    if not alive:
        return (f"<li class='na-ref na-gone' id='{ref_id(turn, c.n)}'><span class='na-cite'>[{c.n}]</span> "
                "This source was deleted from the index.</li>")
    link = source_link("chat", c.article_id, c.start, c.end)
    who = f" <span class='na-who'>\u2014 {e(c.speaker)}</span>" if c.speaker else ""
    unverified = "" if c.verified else " <span class='na-unverified'>(not verified)</span>"
    above = " <span class='na-above'>quoted above</span>" if quoted_above and c.kind == "direct" else ""
    return (
        f"<li class='na-ref{' na-ref-above' if quoted_above else ''}' id='{ref_id(turn, c.n)}' data-kind='{e(c.kind)}'"
        f" data-outlet='{e(c.source)}' data-date='{e(day(c.published))}' data-speaker='{e(c.speaker)}'>"
        f"<a class='na-cite' href='{link}' data-ref='{ref_id(turn, c.n)}' title='Open in the article'>[{c.n}]</a> "
        f"{said_html(c.quote, c.kind)}{above}{who}{also_in_html(getattr(c, 'also_in', None))}{unverified}</li>"
    )


def sources_html(answer: Answer, turn: int, alive: Alive) -> str:
    """The citations grouped by article (title, outlet and date once per article), numbers kept."""
    groups: dict[str, list[Citation]] = {}
    for c in answer.citations:
        groups.setdefault(c.article_id, []).append(c)
    prose = _folded(answer.answer)
    parts = []
    for article_id, cites in groups.items():
        first = cites[0]
        live = alive(article_id)
        meta = " \u00b7 ".join(e(x) for x in (first.source, day(first.published)) if x)
        head = "" if not live else (
            f"<div class='na-src-head'><span class='na-title' title='{e(first.title)}'>"
            f"{e(clip(first.title, 90)) or 'Untitled'}</span>{f' <span class=na-meta>{meta}</span>' if meta else ''}"
            "</div>"
        )
        refs = "".join(_ref_html(c, turn, live, len(c.quote) > 20 and _folded(c.quote) in prose) for c in cites)
        parts.append(f"<section class='na-src-article'>{head}<ol class='na-refs'>{refs}</ol></section>")
    return f"<div class='na-sources' aria-label='Sources'>{''.join(parts)}</div>"


def _notes(answer: Answer) -> str:
    failed = [u for u in answer.unverified_quotes if not u.get("quote")]
    dropped = [u for u in answer.unverified_quotes if u.get("quote")]
    notes = []
    if failed:
        notes.append("The language model could not answer; this answer was taken from the articles directly.")
    if dropped:
        notes.append(f"{len(dropped)} more quote{'s' if len(dropped) != 1 else ''} offered by the language model "
                     "could not be found in the articles and {} not shown.".format("is" if len(dropped) == 1
                                                                                  else "are"))
    return "".join(f"<p class='na-muted na-note'>{e(n)}</p>" for n in notes)


def answer_html(question: str, answer: Answer, turn: int, alive: Alive, *, filters_note: str = "") -> str:
    """The finished answer: prose, sources, notes, and the copy actions (plain text and Markdown)."""
    body = [f"<p class='na-prose'>{prose_html(answer.answer, answer.citations, turn, alive)}</p>"]
    if answer.citations:
        body.append(sources_html(answer, turn, alive))
    elif filters_note:
        body.append(f"<p class='na-muted na-note'>{e(filters_note)}</p>")
    body.append(_notes(answer))
    copies = "".join(
        f"<div class='na-copy-src' data-format='{fmt}' hidden>"
        f"{e(answer_export(question, answer, markdown=md, alive=alive))}</div>"
        for fmt, md in (("text", False), ("markdown", True))
    )
    actions = ("<div class='na-actions'><button type='button' class='na-act' data-copy='text'>Copy</button>"
               "<button type='button' class='na-act' data-copy='markdown'>Copy as Markdown</button></div>")
    kind = "na-answered" if answer.answered else "na-refused"
    return f"<div class='na-answer {kind}' data-turn='{turn}'>{''.join(body)}{actions}{copies}</div>"


def draft_html(prose: str) -> str:
    """An answer still being written (an LLM's prose so far): plain text, no links yet."""
    return (f"<div class='na-answer na-draft' aria-busy='true'><p class='na-prose'>{e(prose)}"
            "<span class='na-caret' aria-hidden='true'></span></p>"
            "<p class='na-muted na-note'>Writing\u2026 the quotes are checked against the articles at the end.</p>"
            "</div>")


def reveal_steps(answer: Answer, turn: int, alive: Alive, steps: int = 4) -> Iterator[str]:
    """Up to ``steps`` progressively longer renderings of the prose (the extractive answer's instant reveal)."""
    words = answer.answer.split(" ")
    size = max(6, -(-len(words) // steps))
    for i in range(size, len(words), size):
        partial = prose_html(" ".join(words[:i]), answer.citations, turn, alive)
        yield f"<div class='na-answer na-draft' aria-busy='true'><p class='na-prose'>{partial} \u2026</p></div>"


__all__ = ["Alive", "answer_html", "draft_html", "prose_html", "ref_id", "reveal_steps", "sources_html"]
