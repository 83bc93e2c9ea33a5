"""``assistant serve``: the web UI on 127.0.0.1:7860 by default.

Listening on any other interface needs ``--auth USER:PASS`` or an explicit
``--allow-remote``: the UI can upload, index and delete articles.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Any

import click

from assistant.cli import ANSWER_SETTINGS
from index.errors import UsageError
from index.settings import Settings, settings_options


def is_loopback(host: str) -> bool:
    if host in {"localhost", "localhost.localdomain"}:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def parse_auth(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    user, sep, password = value.partition(":")
    if not sep or not user or not password:
        raise UsageError("--auth must be USER:PASS (both non-empty)")
    return user, password


@click.command("serve")
@click.option("--auth", "auth", default=None, envvar="ASSISTANT_AUTH", metavar="USER:PASS",
              help="Require this login (needed to listen on a non-loopback host). [env ASSISTANT_AUTH]")
@click.option("--allow-remote", is_flag=True, help="Allow a non-loopback --host without --auth.")
@click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder the Articles tab can re-read (default: ./corpus when it exists).")
@settings_options(*ANSWER_SETTINGS, "max_file_mb", "host", "port", "max_upload_mb")
def serve_command(auth: str | None, allow_remote: bool, corpus_dir: Path, **options: Any) -> None:
    """Serve the web UI (chat, speakers, articles, evaluation) over the same engine as the CLI."""
    settings = Settings.load(**options)
    credentials = parse_auth(auth)
    if not is_loopback(settings.host) and credentials is None and not allow_remote:
        raise UsageError(
            f"--host {settings.host} listens beyond this machine: add --auth USER:PASS (or --allow-remote)"
        )
    from assistant.engine import Engine
    from ui.app import build_app, launch, warm_up

    if corpus_dir is None and Path("corpus").is_dir():
        corpus_dir = Path("corpus")
    corpus_dir = corpus_dir.resolve() if corpus_dir else None  # where the server started, not where it runs
    engine = Engine(settings)
    click.echo("loading the index and the encoder\u2026", err=True)
    warm_up(engine)
    engine.start_feed_poller()  # polls the feed list every feed_poll_minutes (0, the default: off)
    demo = build_app(engine, corpus_dir=corpus_dir)
    click.echo(f"serving on http://{settings.host}:{settings.port}", err=True)
    launch(demo, settings, auth=credentials)


__all__ = ["is_loopback", "parse_auth", "serve_command"]

