"""Conversations as the browser keeps them (Gradio ``BrowserState``): plain JSON, read defensively.

The browser holds ``{"version": 1, "current": id | None, "conversations": [...]}``; each
conversation has an id, a title and its turns; a turn holds the question, the answer
(``Answer.to_dict()`` without the retrieved chunks) and a status: ``pending`` while it is
being answered (and when the page went away meanwhile), ``done``, ``stopped`` or ``error``.
The data comes back from the browser, so ``ChatStore.load`` accepts anything and keeps
only what is well formed; every text is escaped when it is rendered.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from assistant.schema import Answer, Citation
from ui.views.html import clip

VERSION = 1
MAX_CONVERSATIONS = 50
MAX_TURNS = 40
MAX_QUESTION = 2000
STATUSES = ("pending", "done", "stopped", "error")


def answer_to_json(answer: Answer) -> dict[str, Any]:
    """What a turn keeps of an Answer: everything but the retrieved chunks and the timings."""
    data = asdict(answer)
    data.pop("retrieved", None)
    data.pop("timings_ms", None)
    return data


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in names}


def answer_from_json(data: Any) -> Answer | None:
    """The Answer a turn stored, or None when the stored value is not one."""
    if not isinstance(data, dict):
        return None
    try:
        citations = [Citation(**_known(Citation, c)) for c in data.get("citations") or [] if isinstance(c, dict)]
        answer = Answer(**{**_known(Answer, data), "citations": citations})
        for c in answer.citations:
            c.n, c.start, c.end = int(c.n), int(c.start), int(c.end)
            for name in ("article_id", "title", "source", "url", "published", "quote", "speaker", "kind"):
                setattr(c, name, str(getattr(c, name) or ""))
        answer.answer = str(answer.answer or "")
        answer.answered = bool(answer.answered)
        answer.unverified_quotes = [u for u in answer.unverified_quotes or [] if isinstance(u, dict)]
        return answer
    except (TypeError, ValueError):
        return None


@dataclass
class Turn:
    question: str
    answer: Answer | None = None
    status: str = "pending"
    error: str = ""
    note: str = ""  # e.g. which filters were on

    def to_json(self) -> dict[str, Any]:
        return {"question": self.question, "answer": None if self.answer is None else answer_to_json(self.answer),
                "status": self.status, "error": self.error, "note": self.note}

    @classmethod
    def load(cls, data: Any) -> Turn | None:
        if not isinstance(data, dict) or not isinstance(data.get("question"), str):
            return None
        status = data.get("status") if data.get("status") in STATUSES else "pending"
        answer = answer_from_json(data.get("answer"))
        if status == "done" and answer is None:
            status = "stopped"
        return cls(data["question"][:MAX_QUESTION], answer, status, str(data.get("error") or ""),
                   str(data.get("note") or ""))


@dataclass
class Conversation:
    id: str
    title: str
    turns: list[Turn] = field(default_factory=list)
    updated: float = 0.0

    def history(self, before: int | None = None) -> list[tuple[str, str]]:
        """(question, answer text) of the answered turns before turn ``before``: what follow-ups build on."""
        turns = self.turns if before is None else self.turns[:before]
        return [(t.question, t.answer.answer) for t in turns if t.status == "done" and t.answer is not None]

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "updated": self.updated,
                "turns": [t.to_json() for t in self.turns[-MAX_TURNS:]]}

    @classmethod
    def load(cls, data: Any) -> Conversation | None:
        if not isinstance(data, dict) or not isinstance(data.get("id"), str) or not data["id"]:
            return None
        raw = data.get("turns") if isinstance(data.get("turns"), list) else []
        turns = [t for t in map(Turn.load, raw) if t is not None]
        try:
            updated = float(data.get("updated") or 0.0)
        except (TypeError, ValueError):
            updated = 0.0
        return cls(data["id"][:64], str(data.get("title") or "Conversation")[:200], turns[-MAX_TURNS:], updated)


def title_for(question: str) -> str:
    """A conversation's title: its first question on one line, cut at a word boundary."""
    return clip(question, 60) or "Conversation"


@dataclass
class ChatStore:
    conversations: list[Conversation] = field(default_factory=list)
    current: str | None = None

    @classmethod
    def load(cls, data: Any) -> ChatStore:
        if not isinstance(data, dict):
            return cls()
        raw = data.get("conversations") if isinstance(data.get("conversations"), list) else []
        convs = [c for c in (Conversation.load(x) for x in raw) if c is not None]
        seen: set[str] = set()
        convs = [c for c in convs if not (c.id in seen or seen.add(c.id))]
        current = data.get("current") if isinstance(data.get("current"), str) else None
        store = cls(convs[:MAX_CONVERSATIONS], current)
        if store.find(current) is None:
            store.current = None
        return store

    def to_json(self) -> dict[str, Any]:
        return {"version": VERSION, "current": self.current,
                "conversations": [c.to_json() for c in self.conversations[:MAX_CONVERSATIONS]]}

    def find(self, conv_id: str | None) -> Conversation | None:
        return next((c for c in self.conversations if c.id == conv_id), None) if conv_id else None

    @property
    def active(self) -> Conversation | None:
        return self.find(self.current)

    def start(self, question: str) -> Conversation:
        """The conversation a new question goes into: the current one, or a new one at the top."""
        conv = self.active
        if conv is None:
            conv = Conversation(id=uuid.uuid4().hex[:12], title=title_for(question))
            self.conversations.insert(0, conv)
            self.current = conv.id
        conv.updated = time.time()
        return conv

    def choices(self) -> list[tuple[str, str]]:
        """(title, id) for the list of conversations, most recently used first."""
        return [(c.title, c.id) for c in sorted(self.conversations, key=lambda c: -c.updated)]

    def rename(self, conv_id: str | None, title: str) -> bool:
        conv = self.find(conv_id)
        title = " ".join((title or "").split())[:200]
        if conv is None or not title:
            return False
        conv.title = title
        return True

    def delete(self, conv_id: str | None) -> bool:
        conv = self.find(conv_id)
        if conv is None:
            return False
        self.conversations.remove(conv)
        if self.current == conv_id:
            self.current = None
        return True


__all__ = ["MAX_CONVERSATIONS", "MAX_TURNS", "ChatStore", "Conversation", "Turn", "answer_from_json",
           "answer_to_json", "title_for"]
