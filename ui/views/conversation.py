"""The conversation: a welcome page when it is empty, then each turn's question and answer.

``log_html`` renders the finished turns; the turn being answered is rendered apart
(``live_html``) so that streaming re-renders only it. Turn ``i`` has the element id
``turn-<i>`` in both, so the page keeps its place when a finished turn moves to the log.
"""

from __future__ import annotations

from collections.abc import Sequence

from ui.catalog import Summary
from ui.conversations import Conversation, Turn
from ui.views.answer import Alive, answer_html
from ui.views.html import day, e, error_html, plural

STOPPED = "Stopped before the answer was complete. Regenerate to ask again."


def question_html(i: int, question: str) -> str:
    return (f"<div class='na-q' id='q-{i}'><span class='na-sr'>You asked:</span>"
            f"<p>{e(question)}</p></div>")


def turn_html(i: int, turn: Turn, alive: Alive, latest: bool = False) -> str:
    if turn.status == "done" and turn.answer is not None:
        body = answer_html(turn.question, turn.answer, i, alive, filters_note=turn.note)
    elif turn.status == "error":
        body = error_html(turn.error or "The question could not be answered.")
    else:
        body = f"<p class='na-muted na-stopped'>{STOPPED}</p>"
    cls = "na-turn na-latest" if latest else "na-turn"
    return f"<article class='{cls}' id='turn-{i}'>{question_html(i, turn.question)}{body}</article>"


def live_html(i: int, question: str, body: str, run: str = "") -> str:
    """The turn being answered: its question, then ``body`` (a placeholder or the answer so far).
    ``run`` names this answering run: the page scrolls a new run's question into view once."""
    return (f"<article class='na-turn na-live' id='turn-{i}' data-live='{i}-{e(run)}'>{question_html(i, question)}"
            f"{body}</article>")


SEARCHING = ("<div class='na-answer na-pending' aria-busy='true'><p class='na-muted'>"
             "<span class='na-spinner' aria-hidden='true'></span>Searching the articles\u2026</p></div>")


def welcome_html(summary: Summary | None, examples: Sequence[str]) -> str:
    """What a first visit shows: what is indexed, how answers work, questions to start with."""
    if summary is None or not summary.articles:
        what = ("<h2>No articles yet</h2><p>Add some in the <b>Articles</b> tab (upload files or add a web "
                "address), then ask about them here.</p>")
    else:
        span = (f", published {day(summary.first)} \u2013 {day(summary.last)}"
                if summary.first and summary.last else "")
        outlets = f"From {plural(summary.outlets, 'outlet')}{span}. " if summary.outlets else (
            f"Published {span[len(', published '):]}. " if span else "")
        what = (f"<h2>Ask about {plural(summary.articles, 'news article')}</h2>"
                f"<p>{outlets}Answers quote the articles word for word; "
                "each number opens the quote in its article. Reported speech is marked as the article's report, "
                "never dressed as a quote.</p>")
    chips = "".join(f"<button type='button' class='na-chip' data-ask='{e(q)}'>{e(q)}</button>" for q in examples)
    start = f"<p class='na-muted'>Try one:</p><div class='na-chips'>{chips}</div>" if chips else ""
    return f"<div class='na-welcome'>{what}{start}</div>"


def log_html(conv: Conversation | None, alive: Alive, *, welcome: str = "", latest: bool = True) -> str:
    """Every finished turn of ``conv``; the welcome page when there is none. The last turn is the
    ``latest`` (with room below it) unless a new turn is being answered after it."""
    if conv is None or not conv.turns:
        return f"<div class='na-log na-log-empty'>{welcome}</div>"
    last = len(conv.turns) - 1
    turns = "".join(turn_html(i, t, alive, latest and i == last) for i, t in enumerate(conv.turns))
    return f"<div class='na-log' aria-label='{e(conv.title)}'>{turns}</div>"


__all__ = ["SEARCHING", "STOPPED", "live_html", "log_html", "question_html", "turn_html", "welcome_html"]
