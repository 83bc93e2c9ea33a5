"""``assistant serve``: the web UI on 127.0.0.1:7860 by default.

Listening on any other interface needs ``--auth USER:PASS`` or an explicit
``--allow-remote``: the UI can upload, index and delete articles.
"""

from __future__ import annotations

import ipaddress
import threading
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
    from ui.app import build_app, launch

    if corpus_dir is None and Path("corpus").is_dir():
        corpus_dir = Path("corpus")
    corpus_dir = corpus_dir.resolve() if corpus_dir else None  # where the server started, not where it runs
    engine = Engine(settings)
    demo = build_app(engine, corpus_dir=corpus_dir)
    # The page is served at once; the index, the encoder and the example questions load meanwhile (a
    # question asked before that waits for it: the engine builds each part once, under its lock).
    click.echo("loading the index and the encoder in the background\u2026", err=True)
    threading.Thread(target=_warm_then_poll, args=(engine,), name="warm-up", daemon=True).start()
    click.echo(f"serving on http://{settings.host}:{settings.port}", err=True)
    launch(demo, settings, auth=credentials)


def _warm_then_poll(engine: Any) -> None:
    from ui.app import warm_up

    try:
        warm_up(engine)
        click.echo("warmed up: the index, the encoder and the example questions are loaded", err=True)
    except Exception as exc:  # noqa: BLE001 - reported once; each request reports its own error as usual
        click.echo(f"warm-up failed: {exc}", err=True)
    engine.start_feed_poller()  # polls the feed list every feed_poll_minutes (0, the default: off)


__all__ = ["is_loopback", "parse_auth", "serve_command"]

