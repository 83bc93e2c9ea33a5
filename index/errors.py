"""Every error this project raises on purpose, in one tree.

Third-party exceptions (chromadb, langchain, torch, httpx) are caught at the
boundary where we call them and re-raised as one of these with ``from exc``,
so the CLI and the UI render every failure through a single handler as one
clear line, never a traceback.

    AssistantError                 base: ``str(err)`` is the one-line message
    ├── UsageError                 bad option or argument (CLI exit code 2)
    ├── ConfigError                a setting has an invalid value
    ├── EncoderError               the packaged encoder is missing or fails
    ├── StoreError                 Chroma could not be opened, read or written
    │   ├── StoreUnavailable       the Chroma server does not answer
    │   ├── IndexMismatch          index built with another encoder/chunker
    │   └── IndexLocked            another writer holds the index lock
    ├── NotFound                   no article with that id
    ├── LoadError                  one input file or record was rejected
    │   └── FetchError             a URL could not be fetched, was refused, or is no article or feed
    ├── LLMError                   the configured LLM endpoint failed
    └── EvaluationError            a test set could not be read or run
"""

from __future__ import annotations


class AssistantError(Exception):
    """Base class; the message is written for the user, in one line."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(str(message).split()))

    @property
    def message(self) -> str:
        return str(self)


class UsageError(AssistantError):
    exit_code = 2


class ConfigError(AssistantError):
    exit_code = 2


class EncoderError(AssistantError):
    pass


class StoreError(AssistantError):
    pass


class StoreUnavailable(StoreError):
    pass


class IndexMismatch(StoreError):
    pass


class IndexLocked(StoreError):
    pass


class NotFound(AssistantError):
    pass


class LoadError(AssistantError):
    """A file or record that cannot be indexed; ``path`` names it."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = " ".join(reason.split())
        super().__init__(f"{path}: {self.reason}")


class FetchError(LoadError):
    """A URL that was refused or could not be fetched or read; ``path`` is the URL."""


class LLMError(AssistantError):
    pass


class EvaluationError(AssistantError):
    pass


__all__ = [
    "AssistantError",
    "ConfigError",
    "EncoderError",
    "EvaluationError",
    "FetchError",
    "IndexLocked",
    "IndexMismatch",
    "LLMError",
    "LoadError",
    "NotFound",
    "StoreError",
    "StoreUnavailable",
    "UsageError",
]
