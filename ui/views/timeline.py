"""A person's quotations as a timeline: a small chart of quotes over time, then days, newest first.

Each day lists its articles (title, outlet, how many quotes) and their quotations:
direct speech in quotation marks, reported speech labelled as the article's report.
Every quotation links to its span in the article (panel ``speakers``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from ui.views.html import also_in_html, clip, day, e, muted, plural, said_html, source_link

Row = Mapping[str, Any]


def _buckets(days: Sequence[str]) -> list[tuple[str, int]]:
    """(label, count) per month, or per day when everything falls within ~6 weeks; oldest first."""
    parsed = sorted(date.fromisoformat(d) for d in days)
    if not parsed:
        return []
    by_day = (parsed[-1] - parsed[0]).days <= 45
    counts: dict[date, int] = {}
    for d in parsed:
        key = d if by_day else d.replace(day=1)
        counts[key] = counts.get(key, 0) + 1
    if not by_day:  # show empty months between the first and the last
        m = parsed[0].replace(day=1)
        while m < parsed[-1].replace(day=1):
            m = date(m.year + m.month // 12, m.month % 12 + 1, 1)
            counts.setdefault(m, 0)
    fmt = (lambda d: f"{d.day} {d:%b}") if by_day else (lambda d: f"{d:%b %Y}")
    return [(fmt(k), counts[k]) for k in sorted(counts)]


def chart_html(days: Sequence[str]) -> str:
    """Quotes over time as labelled bars (every bar carries its number)."""
    buckets = _buckets(days)
    if not buckets:
        return ""
    top = max(n for _, n in buckets) or 1
    bars = "".join(
        f"<div class='na-bar' role='listitem' aria-label='{e(label)}: {plural(n, 'quote')}'>"
        f"<span class='na-bar-n'>{n}</span><span class='na-bar-fill' style='height:{max(3, round(100 * n / top))}%'>"
        f"</span><span class='na-bar-label'>{e(label)}</span></div>"
        for label, n in buckets
    )
    return ("<figure class='na-chart'><figcaption>Quotes over time</figcaption>"
            f"<div class='na-bars' role='list'>{bars}</div></figure>")


def _quote_item(r: Row, panel: str, show_speaker: bool) -> str:
    link = source_link(panel, str(r["article_id"]), int(r["start"]), int(r["end"]))
    who = f" <span class='na-who'>\u2014 {e(r.get('speaker'))}</span>" if show_speaker else ""
    kind = str(r.get("kind", ""))
    return (f"<li class='na-ref' data-kind='{e(kind)}'>{said_html(str(r['quote']), kind)}{who}"
            f"{also_in_html(r.get('also_in'))} "
            f"<a class='na-cite na-open' href='{link}'>open in article</a></li>")


def timeline_html(title: str, rows: Sequence[Row], *, also: Sequence[str] = (), panel: str = "speakers",
                  show_speaker: bool = False) -> str:
    """``rows`` (newest first, undated last) grouped by day, then by article, under a chart; with
    ``show_speaker`` each quotation names its speaker (when the rows are not all one person's)."""
    if not rows:
        return muted(f"No quotations by {title} in the indexed articles.")
    articles = {r["article_id"] for r in rows}
    days = [str(r.get("published") or "")[:10] for r in rows]
    dated = [d for d in days if day(d)]
    span = f" \u00b7 {day(min(dated))} \u2013 {day(max(dated))}" if dated else ""
    names = [n for n in also if n != title]
    aka = f"<p class='na-muted'>Also named {', '.join(e(n) for n in names)} in the articles.</p>" if names else ""
    head = (f"<header class='na-tl-head'><h3>{e(title)}</h3><p>{plural(len(rows), 'quotation')} in "
            f"{plural(len(articles), 'article')}{span}</p>{aka}</header>")
    groups: dict[str, dict[str, list[Row]]] = {}
    for r, d in zip(rows, days):
        groups.setdefault(d if day(d) else "", {}).setdefault(str(r["article_id"]), []).append(r)
    sections = []
    for d, by_article in groups.items():
        n = sum(len(v) for v in by_article.values())
        when = f"<time datetime='{e(d)}'>{e(day(d))}</time>" if d else "Undated"
        items = []
        for article_rows in by_article.values():
            first = article_rows[0]
            meta = " \u00b7 ".join(x for x in (e(first.get("source", "")), plural(len(article_rows), "quote")) if x)
            items.append(
                f"<article class='na-tl-article'><div class='na-src-head'><span class='na-title' "
                f"title='{e(first.get('title', ''))}'>{e(clip(str(first.get('title', '')), 110)) or 'Untitled'}</span>"
                f" <span class='na-meta'>{meta}</span></div><ol class='na-refs'>"
                + "".join(_quote_item(r, panel, show_speaker) for r in article_rows) + "</ol></article>"
            )
        sections.append(f"<section class='na-day'><h4>{when} <span class='na-count'>{plural(n, 'quote')}</span></h4>"
                        + "".join(items) + "</section>")
    return f"<div class='na-timeline'>{head}{chart_html(dated)}{''.join(sections)}</div>"


__all__ = ["chart_html", "timeline_html"]
