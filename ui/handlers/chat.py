"""The chat: ask, regenerate, stop, and open a citation's source. Plain functions over a ``Context``.

``ask`` and ``regenerate`` are generators of ``ChatUpdate`` (a field left ``None`` is not
changed): first the question with a placeholder and the conversation store holding the
pending turn, then the answer as it grows (an LLM's prose while it is written; the
extractive answer revealed in a few steps), last the finished turn in the log and the
store. A stop leaves the pending turn in the store; ``stop`` marks it stopped.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from assistant.schema import Answer
from index.errors import AssistantError
from ui.conversations import MAX_QUESTION, ChatStore, Conversation, Turn
from ui.handlers.context import Context, reader_message
from ui.prefs import Prefs
from ui.views.answer import draft_html, reveal_steps
from ui.views.article import article_html, empty_panel
from ui.views.conversation import SEARCHING, live_html, log_html, welcome_html
from ui.views.html import error_html, parse_link

Choices = tuple[list[tuple[str, str]], str | None]


@dataclass
class ChatUpdate:
    log: str | None = None
    live: str | None = None
    store: dict[str, Any] | None = None
    box: str | None = None
    conversations: Choices | None = None  # (choices, selected id)


def example_questions(ctx: Context, limit: int = 4) -> list[str]:
    """Questions about what is indexed: the most quoted people (full names), then short, whole titles; with
    the (local, cheap) extractive answerer only those it does answer. Worked out once per index revision."""

    def build() -> list[str]:
        people = [p.name for p in ctx.catalog.people() if len(p.name.split()) >= 2]
        titles = [" ".join(str(r["title"]).split()) for r in ctx.catalog.articles()]
        candidates = [f"What did {name} say?" for name in people[:3]]
        candidates += [f"What happened in \u201c{t}\u201d?" for t in titles if 12 <= len(t) <= 70][:limit + 2]
        answered = [q for q in candidates if ctx.engine.settings.llm or ctx.engine.ask(q).answered]
        people_first = [q for q in answered if q.startswith("What did ")][:2]
        return (people_first + [q for q in answered if q not in people_first])[:limit]

    try:
        return ctx.catalog.memo(f"examples-{limit}", build)
    except AssistantError:
        return []


def welcome(ctx: Context) -> str:
    try:
        summary = ctx.catalog.summary()
    except AssistantError:
        summary = None
    return welcome_html(summary, example_questions(ctx))


def conversation_html(ctx: Context, conv: Conversation | None, *, latest: bool = True) -> str:
    """The finished turns of ``conv`` (citations to deleted articles shown as deleted); else the welcome."""
    return log_html(conv, ctx.catalog.alive(), welcome=welcome(ctx) if conv is None or not conv.turns else "",
                    latest=latest)


def stored_conversation_html(ctx: Context, store_data: Any) -> str:
    """The conversation the browser is on, rendered against the index as it is now."""
    return conversation_html(ctx, ChatStore.load(store_data).active)


def _run(ctx: Context, store: ChatStore, conv: Conversation, question: str, prefs: Prefs) -> Iterator[ChatUpdate]:
    history = conv.history()
    log = conversation_html(ctx, conv, latest=False) if conv.turns else "<div class='na-log'></div>"
    i, run = len(conv.turns), uuid.uuid4().hex[:8]
    turn = Turn(question)
    conv.turns.append(turn)
    yield ChatUpdate(log=log, live=live_html(i, question, SEARCHING, run), store=store.to_json(), box="",
                     conversations=(store.choices(), store.current))
    answer: Answer | None = None
    drafted = False
    try:
        for item in ctx.engine.ask_stream(question, history or None, k=prefs.k, filters=prefs.filters()):
            if isinstance(item, Answer):
                answer = item
            else:
                drafted = True
                yield ChatUpdate(live=live_html(i, question, draft_html(item), run))
    except AssistantError as exc:
        turn.status, turn.error = "error", reader_message(exc)
    if answer is not None:
        if not drafted:
            for html in reveal_steps(answer, i, ctx.catalog.alive()):
                yield ChatUpdate(live=live_html(i, question, html, run))
        turn.answer, turn.status = answer, "done"
        turn.note = "" if answer.answered else prefs.note()
    elif turn.status == "pending":
        turn.status, turn.error = "error", "No answer came back."
    yield ChatUpdate(log=conversation_html(ctx, conv), live="", store=store.to_json())


def ask(ctx: Context, message: str | None, store_data: Any, prefs_data: Any) -> Iterator[ChatUpdate]:
    """Answer ``message`` in the current conversation (a new one when there is none)."""
    question = " ".join((message or "").split())[:MAX_QUESTION]
    if not question:
        yield ChatUpdate(box="")
        return
    store = ChatStore.load(store_data)
    yield from _run(ctx, store, store.start(question), question, Prefs.load(prefs_data))


def regenerate(ctx: Context, store_data: Any, prefs_data: Any) -> Iterator[ChatUpdate]:
    """Ask the current conversation's last question again, replacing its answer."""
    store = ChatStore.load(store_data)
    conv = store.active
    if conv is None or not conv.turns:
        yield ChatUpdate()
        return
    last = conv.turns.pop()
    yield from _run(ctx, store, store.start(last.question), last.question, Prefs.load(prefs_data))


def stop(ctx: Context, store_data: Any) -> ChatUpdate:
    """After a stop: the pending turn is kept, marked stopped, and can be regenerated."""
    store = ChatStore.load(store_data)
    conv = store.active
    if conv is not None and conv.turns and conv.turns[-1].status == "pending":
        conv.turns[-1].status = "stopped"
    return ChatUpdate(log=conversation_html(ctx, conv), live="", store=store.to_json())


def open_source(ctx: Context, key: str | None) -> str:
    """The source panel for a link: the article with the linked span marked (none for an empty span)."""
    parsed = parse_link(key or "")
    if parsed is None:
        return error_html("That link is not valid.")
    article_id, start, end = parsed
    try:
        article = ctx.engine.article(article_id)
    except AssistantError as exc:
        return f"<div class='na-article na-empty'>{error_html(reader_message(exc))}</div>"
    if end > len(article["text"]):
        return empty_panel("The cited passage is no longer in this article (it was re-indexed since).")
    return article_html(article, start, end, back=True)


__all__ = ["ChatUpdate", "ask", "conversation_html", "example_questions", "open_source", "regenerate", "stop",
           "stored_conversation_html", "welcome"]
