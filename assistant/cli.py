"""The ``assistant`` command line. Every error is one line on stderr (exit 1, or 2 for usage)."""

from __future__ import annotations

import json
import os
import sys
from importlib.metadata import entry_points
from typing import Any

import click

from assistant.markup import neutralize
from index.errors import AssistantError
from index.settings import Settings, settings_options

STORE_SETTINGS = (
    "home",
    "chroma_host",
    "chroma_port",
    "collection",
    "encoder",
    "model_cache",
    "chunk_size",
    "chunk_overlap",
    "embed_title",
    "threads",
)
SHOW_SKIPPED = 10  # passed-over files listed in text output
ANSWER_SETTINGS = (*STORE_SETTINGS, "k", "llm", "llm_base_url", "llm_model", "llm_api_key", "llm_timeout")


class AssistantGroup(click.Group):
    """Renders our errors (and anything unexpected) as one line instead of a traceback.

    Commands from other packages (``assistant.commands`` entry points, e.g. ``serve``
    from ``ui``) are loaded on first lookup, so importing this module never imports them.
    """

    _plugins_loaded = False

    def _load_plugins(self) -> None:
        if not AssistantGroup._plugins_loaded:
            AssistantGroup._plugins_loaded = True
            _register_plugins()

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        self._load_plugins()
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._load_plugins()
        return super().list_commands(ctx)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AssistantError as exc:
            click.secho(f"Error: {exc}", err=True, fg="red")
            sys.exit(exc.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            sys.exit(130)
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            if os.environ.get("ASSISTANT_DEBUG"):
                raise
            message = " ".join(str(exc).split())[:300]
            click.secho(
                f"Error: unexpected {type(exc).__name__}: {message} (set ASSISTANT_DEBUG=1 for details)",
                err=True,
                fg="red",
            )
            sys.exit(1)


def make_engine(**options: Any):
    from assistant.engine import Engine

    return Engine(Settings.load(**options))


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def pick(options: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    return {n: options.pop(n) for n in names if n in options}


@click.group(cls=AssistantGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="news-assistant")
def cli() -> None:
    """Chat with news articles and get answers with verified, cited quotes. Offline."""


FETCH_SETTINGS = ("allow_private_urls", "fetch_timeout", "max_fetch_mb", "fetch_delay", "max_redirects")


@cli.command("index")
@click.argument("sources", nargs=-1)
@click.option("--rebuild", is_flag=True, help="Drop the index and build it again from these paths.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON report; no progress bar.")
@settings_options(*STORE_SETTINGS, "max_file_mb", "max_article_chars", *FETCH_SETTINGS)
def index_command(sources: tuple[str, ...], rebuild: bool, as_json: bool, **options: Any) -> None:
    """Index articles from SOURCES: files, folders, or http(s) URLs of article pages or RSS/Atom feeds.

    Default: corpus/. Unchanged articles are skipped without encoding, changed ones replaced,
    and articles gone from an indexed folder removed; a feed's unchanged items are not fetched
    again. Exit code 1 if any file or URL was rejected.
    """
    engine = make_engine(**options)
    paths = sources or ("corpus",)
    bar = None

    def progress(done: int, total: int, desc: str) -> None:
        nonlocal bar
        if as_json or not sys.stderr.isatty():
            return
        if bar is None:
            from tqdm import tqdm

            bar = tqdm(total=total, desc=desc, unit="article", file=sys.stderr)
        bar.n = done
        bar.refresh()

    report = engine.index(list(paths), rebuild=rebuild, progress=progress)
    if bar is not None:
        bar.close()
    data = report.to_dict()
    if as_json:
        echo_json(
            {
                k: data[k]
                for k in ("added", "updated", "skipped", "deleted", "rejected", "articles", "chunks", "encoded",
                          "quotations", "extracted_articles", "seconds")
            }
            | {"warnings": data["warnings"], "skipped_files": data["skipped_files"]}
        )
    else:
        for w in report.warnings:
            click.secho(f"warning: {w}", err=True, fg="yellow")
        for r in report.rejected:
            click.secho(f"rejected: {r['path']}: {r['reason']}", err=True, fg="red")
        for r in report.skipped_files[:SHOW_SKIPPED]:
            click.secho(f"skipped: {r['path']}: {r['reason']}", err=True, fg="yellow")
        if len(report.skipped_files) > SHOW_SKIPPED:
            more = len(report.skipped_files) - SHOW_SKIPPED
            click.secho(f"skipped: {more} more (--json lists them all)", err=True, fg="yellow")
        click.echo(
            f"{report.added} added, {report.updated} updated, {report.skipped} unchanged, {report.deleted} deleted, "
            f"{len(report.rejected)} rejected; {report.articles} articles, {report.chunks} chunks "
            f"({report.encoded} texts encoded), {report.quotations} quotations in {report.seconds:.1f}s"
        )
    if report.rejected:
        sys.exit(1)


@cli.command("articles")
@click.option("--json", "as_json", is_flag=True)
@settings_options(*STORE_SETTINGS)
def articles_command(as_json: bool, **options: Any) -> None:
    """List indexed articles (id, date, outlet, chunks, title), then the groups of syndicated copies."""
    rows = make_engine(**options).articles()
    if as_json:
        echo_json(rows)
        return
    for r in rows:
        date, outlet, title = r["published"][:10] or "-", r["source"] or "-", neutralize(r["title"])
        click.echo(f"{r['id']}\t{date}\t{outlet}\t{r['chunks']}\t{title}")
    groups = {r["group"]: r for r in rows if r["group"] and r["group"] == r["id"]}
    if groups:
        outlets = {r["id"]: r["source"] or r["id"] for r in rows}
        click.echo(f"\nsyndicated copies: {len(groups)} stor{'y' if len(groups) == 1 else 'ies'}")
        for rep, r in groups.items():
            others = ", ".join(f"{outlets[c]} ({c})" for c in r["copies"])
            click.echo(f"{rep}\t{outlets[rep]}: also in {others}")
    click.echo(f"{len(rows)} articles", err=True)


@cli.command("show")
@click.argument("article_id")
@click.option("--json", "as_json", is_flag=True)
@settings_options(*STORE_SETTINGS)
def show_command(article_id: str, as_json: bool, **options: Any) -> None:
    """Show one article's metadata and its stored text (the text offsets point into)."""
    data = make_engine(**options).article(article_id)
    if as_json:
        echo_json(data)
        return
    for key in ("id", "title", "source", "published", "author", "url", "path", "n_chunks"):
        if data.get(key) not in ("", None):
            click.echo(f"{key}: {data[key]}")
    click.echo("")
    click.echo(data["text"])


@cli.command("delete")
@click.argument("article_id")
@settings_options(*STORE_SETTINGS)
def delete_command(article_id: str, **options: Any) -> None:
    """Remove an article and its chunks from the index."""
    make_engine(**options).delete(article_id)
    click.echo(f"deleted {article_id}")


def filter_options(func):
    func = click.option("--until", default="", help="Only articles published on or before this date (YYYY-MM-DD).")(
        func
    )
    func = click.option("--since", default="", help="Only articles published on or after this date (YYYY-MM-DD).")(func)
    func = click.option("--source", "sources", multiple=True, help="Only articles from this outlet (repeatable).")(func)
    return func


def make_filters(sources: tuple[str, ...], since: str, until: str):
    """The --source/--since/--until options as ``Filters`` (imported here: the module stays light)."""
    from assistant.filters import Filters

    return Filters.from_options(sources, since, until)


@cli.command("search")
@click.argument("query")
@click.option("--mode", type=click.Choice(["hybrid", "fused", "dense", "bm25"]), default="hybrid", show_default=True,
              help="hybrid: sub-questions, outlet/date boosts, sentence rerank; fused: dense + BM25 only.")
@click.option("--json", "as_json", is_flag=True)
@filter_options
@settings_options(*STORE_SETTINGS, "k")
def search_command(query: str, mode: str, as_json: bool, sources, since, until, **options: Any) -> None:
    """Raw retrieval: the top chunks for QUERY with offsets and scores."""
    engine = make_engine(**options)
    rows = engine.search(query, filters=make_filters(sources, since, until), mode=mode)
    if as_json:
        echo_json(rows)
        return
    for i, r in enumerate(rows, 1):
        click.echo(
            f"{i}. [{r['score']:.4f}] {neutralize(r['title'])} ({r['source'] or '-'}) "
            f"{r['article_id']} {r['start']}-{r['end']}"
        )
        click.echo("   " + " ".join(r["text"].split())[:300])


def render_answer(answer) -> str:
    lines = [answer.answer, ""]
    if answer.citations:
        lines.append("Sources:")
    for c in answer.citations:
        who = f"{c.speaker}: " if c.speaker else ""
        meta = neutralize(", ".join(x for x in (c.title, c.source, c.published[:10]) if x))
        shown = f"reported: {c.quote}" if c.kind == "reported" else f"\u201c{c.quote}\u201d"
        lines.append(f"[{c.n}] {who}{shown}")
        lines.append(f"    {meta} ({c.article_id} {c.start}-{c.end})")
        if c.also_in:
            lines.append(f"    also in: {neutralize(', '.join(c.also_in))}")
    return "\n".join(lines).rstrip()


@cli.command("ask")
@click.argument("question")
@click.option("--json", "as_json", is_flag=True)
@filter_options
@settings_options(*ANSWER_SETTINGS)
def ask_command(question: str, as_json: bool, sources, since, until, **options: Any) -> None:
    """Answer QUESTION with numbered, verified quotes from the indexed articles."""
    engine = make_engine(**options)
    answer = engine.ask(question, filters=make_filters(sources, since, until))
    _notice_stale(engine)
    if as_json:
        echo_json(answer.to_dict())
    else:
        click.echo(render_answer(answer))


def _notice_stale(engine: Any) -> None:
    """One line on stderr when the index's quotations come from an older extractor (what to run)."""
    notice = engine.quotations_notice()
    if notice:
        click.secho(f"note: {notice}", err=True, fg="yellow")


@cli.command("chat")
@filter_options
@settings_options(*ANSWER_SETTINGS)
def chat_command(sources, since, until, **options: Any) -> None:
    """A multi-turn chat in the terminal (follow-ups keep the history). Ctrl-D to quit."""
    engine = make_engine(**options)
    filters = make_filters(sources, since, until)
    history: list[tuple[str, str]] = []
    click.echo("Ask about the indexed articles. Empty line or Ctrl-D to quit; /clear forgets the history.")
    _notice_stale(engine)
    while True:
        try:
            question = click.prompt(">", prompt_suffix=" ", default="", show_default=False)
        except (EOFError, click.exceptions.Abort):
            break
        question = question.strip()
        if not question:
            break
        if question == "/clear":
            history.clear()
            continue
        try:
            answer = engine.ask(question, history, filters=filters)
        except AssistantError as exc:
            click.secho(f"Error: {exc}", err=True, fg="red")
            continue
        click.echo(render_answer(answer) + "\n")
        history.append((question, answer.answer))


@cli.command("quotes")
@click.argument("speaker")
@click.option("--limit", type=int, default=None, help="Show at most this many quotes.")
@click.option("--json", "as_json", is_flag=True)
@settings_options(*STORE_SETTINGS)
def quotes_command(speaker: str, limit: int | None, as_json: bool, **options: Any) -> None:
    """Everything SPEAKER said across the indexed articles, newest first.

    SPEAKER is any name form ("Peskov", "Dmitry Peskov") or a role phrase ("the Kremlin spokesperson").
    """
    rows = make_engine(**options).quotes(speaker, limit)
    if as_json:
        echo_json(rows)
        return
    if not rows:
        click.echo(f"No quotes by {speaker} in the indexed articles.")
    for r in rows:
        shown = f"reported: {r['quote']}" if r["kind"] == "reported" else f"\u201c{r['quote']}\u201d"
        click.echo(f"{r['speaker']}: {shown}")
        click.echo(
            f"    {neutralize(r['title'])}, {r['source'] or '-'}, {r['published'][:10] or 'undated'} "
            f"({r['article_id']} {r['start']}-{r['end']})"
        )
        if r.get("also_in"):
            click.echo(f"    also in: {neutralize(', '.join(r['also_in']))}")


def _register_plugins() -> None:
    from assistant.evaluation.cli import eval_command  # part of this package: a broken import must fail loudly
    from assistant.feeds import feeds_command

    cli.add_command(eval_command, "eval")
    cli.add_command(feeds_command, "feeds")
    for ep in entry_points(group="assistant.commands"):
        try:
            cli.add_command(ep.load(), ep.name)
        except Exception as exc:  # noqa: BLE001 - a broken plugin must not break the CLI
            click.secho(f"warning: could not load command {ep.name}: {exc}", err=True, fg="yellow")


def main() -> None:
    cli(prog_name="assistant")


__all__ = ["cli", "main"]
