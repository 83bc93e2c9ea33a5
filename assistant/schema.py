"""The data that flows through the answering chain, as plain dataclasses.

``Answer.to_dict()`` is exactly what ``assistant ask --json`` prints and what
the evaluation engine and the UI consume.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

REFUSAL = "The indexed articles don't say."  # every refusal starts with this sentence


@dataclass
class Passage:
    """One retrieved chunk, with its article's full stored text for quoting."""

    article_id: str
    chunk_id: str
    title: str
    source: str
    url: str
    published: str
    start: int  # chunk offsets into article_text
    end: int
    score: float
    article_text: str
    # the article's quotations as stored at index time (``Engine.quotations_for``); None: not attached
    quotations: tuple[Any, ...] | None = field(default=None, repr=False, compare=False)
    part: str = ""  # the sub-question this passage was retrieved for; "" = the whole question
    author: str = ""  # the article's byline, when it has one

    @property
    def text(self) -> str:
        return self.article_text[self.start : self.end]


@dataclass
class Citation:
    n: int
    article_id: str
    title: str
    source: str
    url: str
    published: str
    quote: str  # == stored_article_text[start:end] when verified
    start: int
    end: int
    speaker: str = ""
    verified: bool = True
    kind: str = ""  # "direct" (shown in quotation marks), "reported" (the article's report), "" (a sentence)
    also_in: list[str] = field(default_factory=list)  # outlets that ran a syndicated copy of this article


@dataclass
class Answer:
    question: str
    standalone_question: str
    answered: bool
    answer: str  # prose with [n] markers that refer to citations
    citations: list[Citation] = field(default_factory=list)
    retrieved: list[dict] = field(default_factory=list)  # {article_id, chunk_id, title, score}
    timings_ms: dict[str, float] = field(default_factory=dict)
    unverified_quotes: list[dict] = field(default_factory=list)  # LLM quotes that failed the check
    answerer: str = "extractive"

    def to_dict(self) -> dict:
        return asdict(self)
