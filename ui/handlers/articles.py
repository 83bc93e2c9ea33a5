"""The Articles tab: what is indexed (count, table), one article at a time, and deleting one."""

from __future__ import annotations

from index.errors import AssistantError
from ui.handlers.context import Context, reader_message
from ui.views.article import article_html, empty_panel
from ui.views.html import day, e, error_html, parse_link, plural
from ui.views.tables import articles_table_html


def summary_html(ctx: Context) -> str:
    """The line under the title on every tab: how many articles, outlets, which dates (and a word when the stored
    quotations come from an older extractor)."""
    try:
        s = ctx.catalog.summary()
    except AssistantError as exc:
        return error_html(reader_message(exc))
    if not s.articles:
        return "<p class='na-summary'>No articles indexed yet \u2014 add some in the Articles tab.</p>"
    outlets = f" from {plural(s.outlets, 'outlet')}" if s.outlets else ""
    span = f" \u00b7 {day(s.first)} \u2013 {day(s.last)}" if s.first and s.last else ""
    stale = ("<span class='na-stale'> \u00b7 Who-said-what is out of date: \u201cRe-read\u201d the folder "
             "(Articles tab) to refresh it</span>") if ctx.engine.quotations_notice() else ""
    return (f"<p class='na-summary'><span class='na-count'>{plural(s.articles, 'article')}</span>{outlets}{span}"
            f"{stale}</p>")


def table_html(ctx: Context) -> str:
    try:
        return articles_table_html(ctx.catalog.articles())
    except AssistantError as exc:
        return error_html(reader_message(exc))


def show(ctx: Context, key: str | None) -> tuple[str, str | None]:
    """The article a table link names, and its id (the one "Delete" would remove)."""
    parsed = parse_link(key or "")
    if parsed is None:
        return error_html("That link is not valid."), None
    try:
        return article_html(ctx.engine.article(parsed[0]), back=True), parsed[0]
    except AssistantError as exc:
        return empty_panel(reader_message(exc)), None


def confirm_text(ctx: Context, article_id: str | None) -> str:
    """What the delete confirmation asks, naming the article."""
    if not article_id:
        return ""
    try:
        title = ctx.engine.article_meta(article_id).get("title") or article_id
    except AssistantError:
        title = article_id
    return (f"<p class='na-confirm'>Delete \u201c{e(title)}\u201d from the index? Its quotes disappear from "
            "answers, speakers and search. The file it came from is not touched.</p>")


def delete(ctx: Context, article_id: str | None) -> str:
    """Remove one article; a status line (HTML)."""
    if not article_id:
        return error_html("Open an article first, then delete it.")
    try:
        title = ctx.engine.article_meta(article_id).get("title", "") or article_id
        ctx.engine.delete(article_id)
    except AssistantError as exc:
        return error_html(reader_message(exc))
    return f"<p class='na-done'>Deleted \u201c{e(title)}\u201d.</p>"


__all__ = ["confirm_text", "delete", "show", "summary_html", "table_html"]
