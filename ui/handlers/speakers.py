"""The Speakers tab: the people quoted in the index and each one's timeline."""

from __future__ import annotations

from index.errors import AssistantError
from ui.handlers.context import Context, reader_message
from ui.views.html import e, error_html, muted
from ui.views.timeline import timeline_html


def choices(ctx: Context) -> list[tuple[str, str]]:
    """(label with the number of quotes, name) for every person quoted, most quoted first."""
    try:
        return [(f"{p.name} \u00b7 {p.count}", p.name) for p in ctx.catalog.people()]
    except AssistantError:
        return []


def people_html(ctx: Context, limit: int = 24) -> str:
    """The most quoted people as buttons that open their timeline."""
    try:
        people = ctx.catalog.people()[:limit]
    except AssistantError as exc:
        return error_html(reader_message(exc))
    if not people:
        return muted("Nobody is quoted in the indexed articles yet.")
    chips = "".join(f"<button type='button' class='na-chip' data-person='{e(p.name)}'>{e(p.name)}"
                    f"<span class='na-n'>{p.count}</span></button>" for p in people)
    return f"<div class='na-people'><h3>Most quoted</h3><div class='na-chips'>{chips}</div></div>"


def timeline(ctx: Context, name: str | None) -> str:
    """Everything a person said across the indexed articles, as a timeline."""
    name = " ".join((name or "").split())
    if not name:
        return people_html(ctx)
    try:
        person, rows = ctx.catalog.quotes_of(name)
    except AssistantError as exc:
        return error_html(reader_message(exc))
    if person is None:
        return timeline_html(f"Quotations by \u201c{name}\u201d", rows, show_speaker=True) if rows else muted(
            f"No quotations by {name} in the indexed articles.")
    return timeline_html(person.name, rows, also=person.variants)


__all__ = ["choices", "people_html", "timeline"]
