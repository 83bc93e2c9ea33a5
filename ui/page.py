"""The page's own script and styles (``ui/static``), and the small scripts events run in the browser."""

from __future__ import annotations

from functools import cache
from pathlib import Path

STATIC = Path(__file__).resolve().parent / "static"


@cache
def css() -> str:
    return (STATIC / "page.css").read_text(encoding="utf-8")


@cache
def head() -> str:
    """What goes into ``<head>``: the page script (no external resource)."""
    return f"<script>\n{(STATIC / 'page.js').read_text(encoding='utf-8')}\n</script>"


def show_mark_js(panel: str) -> str:
    """Run after a source panel updates: bring its highlighted span into view inside the panel."""
    return f"() => {{ window.__na && window.__na.showMark('{panel}'); }}"


# Open the sidebar (conversations, settings) on wide screens; a phone starts with it closed.
OPEN_SIDEBAR_JS = """
() => {
  if (!window.matchMedia('(min-width: 1100px)').matches) return;
  const bar = document.querySelector('.sidebar');
  if (bar && !bar.classList.contains('open')) {
    const toggle = bar.querySelector('button.toggle-button, .toggle-button, button');
    if (toggle) toggle.click();
  }
}
"""


__all__ = ["OPEN_SIDEBAR_JS", "STATIC", "css", "head", "show_mark_js"]
