"""A quotation as data: who said what, where, in which words."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Quotation:
    """One attributed statement in an article; ``quote == article_text[start:end]``.

    ``kind`` is "direct" (the words inside quote marks) or "reported" (the clause after "said
    that", "according to X, ..."). ``speaker`` is the fullest name the article gives ("Dmitry
    Peskov" for "Peskov said", "he said", "the Kremlin spokesperson said"); ``aliases`` are the
    other forms the article used for the same speaker. ``speaker_type`` is "person", "org" or
    "unnamed" ("a senior official"). ``entity`` is the speaker's canonical key across articles
    (set by the index; "" before that).
    """

    start: int
    end: int
    quote: str
    speaker: str
    kind: str
    sentence_start: int
    sentence_end: int
    role: str = ""
    speaker_type: str = "person"
    aliases: tuple[str, ...] = field(default_factory=tuple)
    entity: str = ""


__all__ = ["Quotation"]
