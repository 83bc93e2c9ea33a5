"""What a reader sets often, remembered per browser (Gradio ``BrowserState``): how many passages an
answer reads, and the outlet and date filters. Read defensively: the value comes from the browser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.filters import Filters
from index.errors import UsageError

K_RANGE = (2, 20)


@dataclass
class Prefs:
    k: int | None = None  # None: the server's setting
    sources: list[str] = field(default_factory=list)
    since: str = ""
    until: str = ""

    @classmethod
    def load(cls, data: Any) -> Prefs:
        if not isinstance(data, dict):
            return cls()
        try:
            k = int(data["k"]) if data.get("k") is not None else None
        except (TypeError, ValueError):
            k = None
        if k is not None:
            k = max(K_RANGE[0], min(K_RANGE[1], k))
        sources = [str(s) for s in data.get("sources") or [] if isinstance(s, str) and s][:50] \
            if isinstance(data.get("sources"), list) else []
        prefs = cls(k, sources, str(data.get("since") or "")[:40], str(data.get("until") or "")[:40])
        try:
            prefs.filters()
        except UsageError:
            prefs.since = prefs.until = ""
        return prefs

    def to_json(self) -> dict[str, Any]:
        return {"k": self.k, "sources": list(self.sources), "since": self.since, "until": self.until}

    def filters(self) -> Filters:
        """The search filters; ``UsageError`` names a field that is not a date."""
        return Filters.from_options(self.sources, self.since, self.until)

    def note(self) -> str:
        """The filters in words, for a reader wondering why nothing was found ("" when none is set)."""
        parts = []
        if self.sources:
            parts.append("outlets: " + ", ".join(self.sources[:4]) + ("\u2026" if len(self.sources) > 4 else ""))
        if self.since:
            parts.append(f"since {self.since}")
        if self.until:
            parts.append(f"until {self.until}")
        return f"Filters are on ({'; '.join(parts)}); they may leave the answer out." if parts else ""


def date_message(field_name: str, value: str) -> str:
    """"" when ``value`` is empty or a date; else what to type instead."""
    try:
        Filters.from_options((), value if field_name == "since" else "", value if field_name == "until" else "")
    except UsageError:
        return f"\u201c{value.strip()}\u201d is not a date: type it as YYYY-MM-DD (for example 2023-11-30)."
    return ""


__all__ = ["K_RANGE", "Prefs", "date_message"]
