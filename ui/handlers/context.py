"""What every handler works with: the engine, the catalog over it, and the server's folders."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from index.errors import NotFound
from ui.catalog import Catalog, catalog_for
from ui.views.html import hide_paths

if TYPE_CHECKING:
    from assistant.engine import Engine

Progress = Callable[[float, str], None]


@dataclass
class Context:
    engine: Engine
    catalog: Catalog
    corpus: Path | None = None  # the folder "Re-index" re-reads (absolute), if any
    testsets: dict[str, Path] = field(default_factory=dict)  # offered test sets by name

    @classmethod
    def of(cls, engine: Engine, *, corpus: Path | str | None = None,
           testsets: dict[str, Path] | None = None) -> Context:
        folder = Path(corpus).resolve() if corpus else None
        return cls(engine, catalog_for(engine), folder, dict(testsets or {}))


def reader_message(exc: Exception) -> str:
    """An engine error in a reader's words (no command-line advice, no local paths)."""
    if isinstance(exc, NotFound):
        return "This article is no longer in the index (it was deleted or re-indexed)."
    return hide_paths(str(exc))


__all__ = ["Context", "Progress", "reader_message"]
