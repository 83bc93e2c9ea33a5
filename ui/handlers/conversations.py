"""The list of conversations the browser keeps: show one, start a new one, rename, delete."""

from __future__ import annotations

from typing import Any

from ui.conversations import ChatStore
from ui.handlers.chat import ChatUpdate, conversation_html
from ui.handlers.context import Context


def _shown(ctx: Context, store: ChatStore) -> ChatUpdate:
    return ChatUpdate(log=conversation_html(ctx, store.active), live="", store=store.to_json(),
                      conversations=(store.choices(), store.current))


def load(ctx: Context, store_data: Any) -> ChatUpdate:
    """On page load: the conversation the browser was on (a pending turn there was interrupted)."""
    store = ChatStore.load(store_data)
    conv = store.active
    if conv is not None and conv.turns and conv.turns[-1].status == "pending":
        conv.turns[-1].status = "stopped"
    return _shown(ctx, store)


def show(ctx: Context, store_data: Any, conv_id: str | None) -> ChatUpdate:
    store = ChatStore.load(store_data)
    if store.find(conv_id) is not None:
        store.current = conv_id
    return _shown(ctx, store)


def new_chat(ctx: Context, store_data: Any) -> ChatUpdate:
    store = ChatStore.load(store_data)
    store.current = None
    return _shown(ctx, store)


def rename(ctx: Context, store_data: Any, title: str | None) -> ChatUpdate:
    store = ChatStore.load(store_data)
    store.rename(store.current, title or "")
    return _shown(ctx, store)


def delete(ctx: Context, store_data: Any) -> ChatUpdate:
    store = ChatStore.load(store_data)
    store.delete(store.current)
    return _shown(ctx, store)


__all__ = ["delete", "load", "new_chat", "rename", "show"]
