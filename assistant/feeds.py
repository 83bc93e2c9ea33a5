"""``assistant feeds add|list|remove|update``: the feeds a reader follows, kept in the data home.

``add``/``list``/``remove`` only edit ``<home>/feeds.json`` (nothing is fetched, the index is not
opened). ``update`` polls every feed in one index run and prints one line per feed: how many items
were new, changed and unchanged, or why it failed; exit code 1 when any feed or item failed.
``assistant serve`` polls the same list every ``feed_poll_minutes`` (0 = off).
"""

from __future__ import annotations

import sys
from typing import Any

import click

from assistant.cli import FETCH_SETTINGS, STORE_SETTINGS, echo_json, make_engine
from index.settings import Settings, settings_options


def _feed_list(home: str | None):
    from index.web.subscriptions import FeedList

    return FeedList(Settings.load(home=home).home_path)


@click.group("feeds")
def feeds_command() -> None:
    """Follow RSS/Atom feeds: keep a list in the data home and poll it."""


@feeds_command.command("add")
@click.argument("url")
@settings_options("home")
def add_command(url: str, home: str | None) -> None:
    """Add the feed at URL (http or https) to the list; `feeds update` fetches it."""
    if _feed_list(home).add(url):
        click.echo(f"added {url}")
    else:
        click.echo(f"{url} is already in the feed list")


@feeds_command.command("list")
@click.option("--json", "as_json", is_flag=True)
@settings_options("home")
def list_command(as_json: bool, home: str | None) -> None:
    """The feeds in the list, with the result of their last poll."""
    rows = _feed_list(home).to_rows()
    if as_json:
        echo_json(rows)
        return
    if not rows:
        click.echo("No feeds; add one with `assistant feeds add URL`.")
    for r in rows:
        last = f"{r['last_polled']}: {r['last_result']}" if r["last_polled"] else "not polled yet"
        click.echo(f"{r['url']}\t{last}")


@feeds_command.command("remove")
@click.argument("url")
@settings_options("home")
def remove_command(url: str, home: str | None) -> None:
    """Remove URL from the list (its articles stay in the index; `assistant delete` removes one)."""
    removed = _feed_list(home).remove(url)
    click.echo(f"removed {removed.url}")


@feeds_command.command("update")
@click.option("--json", "as_json", is_flag=True, help="Print the per-feed results as JSON.")
@settings_options(*STORE_SETTINGS, "max_article_chars", *FETCH_SETTINGS)
def update_command(as_json: bool, **options: Any) -> None:
    """Poll every feed in the list: fetch new and changed items and index them."""
    from index.web.collect import source_summary

    engine = make_engine(**options)
    if not engine.feed_list.list():
        click.echo("No feeds; add one with `assistant feeds add URL`.")
        return
    report = engine.update_feeds()
    if as_json:
        echo_json({"feeds": report.sources, "rejected": report.rejected, "articles": report.articles})
    else:
        for row in report.sources:
            color = "red" if row["error"] else None
            click.secho(f"{row['url']}: {source_summary(row)}", fg=color)
        for r in report.rejected:
            if not any(r["path"] == row["url"] for row in report.sources):
                click.secho(f"  item {r['path']}: {r['reason']}", err=True, fg="red")
        click.echo(f"{report.articles} articles, {report.chunks} chunks in {report.seconds:.1f}s", err=True)
    if report.rejected:
        sys.exit(1)


__all__ = ["feeds_command"]
