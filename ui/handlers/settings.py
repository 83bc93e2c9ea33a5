"""The answer settings a reader changes often, checked and remembered in the browser."""

from __future__ import annotations

from typing import Any

from ui.prefs import Prefs, date_message
from ui.views.html import e


def save(k: float | None, outlets: list[str] | None, since: str | None, until: str | None,
         old: Any) -> tuple[dict[str, Any], str]:
    """The settings to remember and a note; a date that is not one is named and left out."""
    prefs = Prefs.load(old)
    prefs.k = int(k) if k is not None else None
    prefs.sources = [s for s in outlets or [] if isinstance(s, str)]
    problems = []
    for name in ("since", "until"):
        value = ((since if name == "since" else until) or "").strip()
        problem = date_message(name, value) if value else ""
        if problem:
            problems.append(f"{'Since' if name == 'since' else 'Until'}: {problem} This filter is off until then.")
            value = ""
        setattr(prefs, name, value)
    prefs = Prefs.load(prefs.to_json())
    note = "".join(f"<p class='na-error'>{e(p)}</p>" for p in problems)
    return prefs.to_json(), note or (f"<p class='na-muted'>{e(prefs.note())}</p>" if prefs.note() else "")


def controls(data: Any, default_k: int) -> tuple[int, list[str], str, str]:
    """What the settings controls show for the remembered settings."""
    prefs = Prefs.load(data)
    return prefs.k or default_k, prefs.sources, prefs.since, prefs.until


__all__ = ["controls", "save"]
