"""The extractive answerer: question analysis, speaker mode, fact mode, follow-up context, citations."""

from assistant.answer.answerer import answer_extractive
from assistant.answer.facts import DEFAULT_MIN_SCORE, EMBED_BUDGET
from assistant.answer.question import QuestionInfo, analyse_question
from assistant.answer.quotations import quotations_of
from assistant.answer.words import content_terms, stem

__all__ = [
    "DEFAULT_MIN_SCORE",
    "EMBED_BUDGET",
    "QuestionInfo",
    "analyse_question",
    "answer_extractive",
    "content_terms",
    "quotations_of",
    "stem",
]
