"""Tables that read on a phone: each cell names its column (``data-label``), so on a narrow
screen a row becomes a small card (see ``page.css``) instead of columns squeezed letter by letter.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ui.views.html import day, e, muted, plural, source_link


def table_html(columns: Sequence[str], rows: Sequence[Sequence[str]], *, cls: str = "", caption: str = "") -> str:
    """A table of already-escaped cell HTML (``columns`` are plain text), under its caption."""
    head = "".join(f"<th scope='col'>{e(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td data-label='{e(c)}'>{cell}</td>" for c, cell in zip(columns, row)) + "</tr>"
        for row in rows
    )
    cap = f"<p class='na-caption na-muted'>{e(caption)}</p>" if caption else ""
    return f"{cap}<table class='na-table {cls}'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def articles_table_html(rows: Sequence[Mapping[str, Any]]) -> str:
    """The indexed articles, newest first; a title opens the article in the panel beside the table."""
    if not rows:
        return muted("No articles are indexed yet.")
    cells = [
        [f"<a class='na-open-article' href='{source_link('articles', str(r['id']))}'>{e(r['title']) or 'Untitled'}</a>",
         e(r.get("source", "")), e(day(str(r.get("published", "")))), str(int(r.get("chunks", 0)))]
        for r in rows
    ]
    search = ("<input type='search' class='na-filter' placeholder='Filter by title or outlet' "
              "aria-label='Filter the articles'>")
    return (f"<div class='na-table-wrap'>{search}"
            + table_html(["Title", "Outlet", "Date", "Chunks"], cells, cls="na-articles",
                         caption=plural(len(rows), "article")) + "</div>")


__all__ = ["articles_table_html", "table_html"]
