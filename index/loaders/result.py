"""What one load produced."""

from __future__ import annotations

from dataclasses import dataclass, field

from index.articles import Article
from index.errors import LoadError


@dataclass
class LoadResult:
    """What one load produced: articles, per-file/record rejections, and warnings."""

    articles: list[Article] = field(default_factory=list)
    rejected: list[LoadError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def extend(self, other: LoadResult) -> None:
        self.articles.extend(other.articles)
        self.rejected.extend(other.rejected)
        self.warnings.extend(other.warnings)


__all__ = ["LoadResult"]
