"""The Gradio web UI: chat, speakers, articles and evaluation over one Engine.

Behaviour lives in ``ui/handlers/`` (plain functions), layout in ``ui/tabs/``, HTML in
``ui/views/``; this module wires events. Conversations and answer settings live in the
browser (``gr.BrowserState``, encrypted with a key kept in the data home, so they outlive
a server restart). Use ``launch(demo, settings)`` rather than ``demo.launch()``: it passes
the theme with system fonts only (the default theme would fetch Google fonts), the page
script and styles, the upload type guard, the upload cap and a minimal set of served paths.
"""

from __future__ import annotations

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import secrets  # noqa: E402
from collections.abc import Callable, Iterator, Sequence  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import TYPE_CHECKING, Any  # noqa: E402

import gradio as gr  # noqa: E402
from starlette.middleware import Middleware  # noqa: E402

from ui import page  # noqa: E402
from ui.handlers import Context, articles, chat, conversations, evaluation, settings, speakers, uploads  # noqa: E402
from ui.handlers.chat import ChatUpdate  # noqa: E402
from ui.tabs import articles as articles_tab  # noqa: E402
from ui.tabs import chat as chat_tab  # noqa: E402
from ui.tabs import evaluate as evaluate_tab  # noqa: E402
from ui.tabs import sidebar as sidebar_tab  # noqa: E402
from ui.tabs import speakers as speakers_tab  # noqa: E402
from ui.upload_guard import UploadTypeGuard  # noqa: E402
from ui.views.article import empty_panel  # noqa: E402

if TYPE_CHECKING:
    from assistant.engine import Engine
    from index.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SYSTEM_FONTS = ("system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif")
MONO_FONTS = ("ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "Liberation Mono", "monospace")
WRITER = "index-writer"  # one indexing/deleting/evaluating job at a time
HIDDEN = {"show_progress": "hidden", "api_visibility": "private"}


def default_concurrency() -> int:
    """Answering is CPU-bound (encoder + BM25): about one worker per core, at most 4."""
    return max(1, min(4, os.cpu_count() or 1))


def theme() -> gr.themes.Base:
    """The default look with local system fonts: plain strings, never ``gr.themes.GoogleFont``."""
    return gr.themes.Default(font=list(SYSTEM_FONTS), font_mono=list(MONO_FONTS))


def browser_secret(settings: Settings) -> str:
    """The key the browser's stored conversations are encrypted with, kept in the data home."""
    path = settings.home_path / "ui-secret"
    try:
        return path.read_text(encoding="ascii").strip()
    except OSError:
        pass
    value = secrets.token_hex(16)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(value, encoding="ascii")
        path.chmod(0o600)
    except OSError:
        pass  # a read-only home: conversations last until the server restarts
    return value


def _progress(progress: gr.Progress) -> Callable[[float, str], None]:
    return lambda fraction, desc: progress(fraction, desc=desc)


def _emit(u: ChatUpdate) -> tuple[Any, ...]:
    """A ChatUpdate as the values of ``chat_outputs`` (unchanged ones skipped)."""
    radio = title = gr.skip()
    if u.conversations is not None:
        choices, current = u.conversations
        radio = gr.Radio(choices=choices, value=current)
        title = next((t for t, cid in choices if cid == current), "")
    return tuple(gr.skip() if v is None else v for v in (u.log, u.live, u.store, u.box)) + (radio, title)


def _stream(updates: Iterator[ChatUpdate]) -> Iterator[tuple[Any, ...]]:
    for u in updates:
        yield _emit(u)


def build_app(engine: Engine, *, corpus_dir: Path | str | None = None,
              testset_dirs: Sequence[Path | str] | None = None) -> gr.Blocks:
    """The whole UI over ``engine``; ``corpus_dir`` is the folder "Re-read" indexes again (if any)."""
    testsets = evaluation.testset_choices([Path(d) for d in (testset_dirs or [ROOT / "tests" / "data"])])
    ctx = Context.of(engine, corpus=corpus_dir, testsets=testsets)
    default_testset = "seed_eval.jsonl" if "seed_eval.jsonl" in testsets else next(iter(testsets), None)
    default_k = engine.settings.k
    secret = browser_secret(engine.settings)

    with gr.Blocks(title="News assistant", analytics_enabled=False) as demo:
        chats = gr.BrowserState({}, storage_key="na-conversations", secret=secret)
        prefs = gr.BrowserState({}, storage_key="na-settings", secret=secret)
        bar = sidebar_tab.build(default_k)
        with gr.Row(elem_id="na-header"):
            gr.HTML("<h1>News assistant</h1>", js_on_load=None, min_width=200)
            header = gr.HTML(elem_id="na-summary", js_on_load=None)
        with gr.Tabs(elem_id="na-tabs"):
            ct = chat_tab.build()
            st = speakers_tab.build()
            at = articles_tab.build(engine.settings.max_upload_mb, ctx.corpus)
            et = evaluate_tab.build(list(testsets), default_testset)

        # -- chat and conversations -------------------------------------------------------------
        chat_outputs = [ct.log, ct.live, chats, ct.message, bar.conversations, bar.title]
        toggles = [ct.send, ct.stop, ct.regenerate]

        def busy() -> tuple[Any, ...]:
            return gr.Button(visible=False), gr.Button(visible=True), gr.Button(interactive=False)

        def idle() -> tuple[Any, ...]:
            return gr.Button(visible=True), gr.Button(visible=False), gr.Button(interactive=True)

        def ask(message: str, store: Any, prefs_data: Any) -> Iterator[tuple[Any, ...]]:
            yield from _stream(chat.ask(ctx, message, store, prefs_data))

        def regenerate(store: Any, prefs_data: Any) -> Iterator[tuple[Any, ...]]:
            yield from _stream(chat.regenerate(ctx, store, prefs_data))

        runs = []
        for trigger, fn, inputs, api in ((ct.message.submit, ask, [ct.message, chats, prefs], "chat"),
                                         (ct.send.click, ask, [ct.message, chats, prefs], None),
                                         (ct.regenerate.click, regenerate, [chats, prefs], "regenerate")):
            run = trigger(busy, None, toggles, **HIDDEN).then(
                fn, inputs, chat_outputs, show_progress="hidden",
                **({"api_name": api} if api else {"api_visibility": "private"}))
            run.then(idle, None, toggles, **HIDDEN)
            runs.append(run)

        def stop(store: Any) -> tuple[Any, ...]:
            return _emit(chat.stop(ctx, store)) + idle()

        ct.stop.click(stop, chats, chat_outputs + toggles, cancels=runs, **HIDDEN)
        _open(ct.source, "chat", lambda key: chat.open_source(ctx, key), api_name="open_source")

        bar.conversations.input(lambda s, cid: _emit(conversations.show(ctx, s, cid)), [chats, bar.conversations],
                                chat_outputs, **HIDDEN)
        bar.new.click(lambda s: _emit(conversations.new_chat(ctx, s)), chats, chat_outputs, api_name="new_conversation",
                      show_progress="hidden")
        for trigger in (bar.rename.click, bar.title.submit):
            trigger(lambda s, t: _emit(conversations.rename(ctx, s, t)), [chats, bar.title], chat_outputs, **HIDDEN)
        bar.delete.click(lambda: gr.Row(visible=True), None, bar.confirm, **HIDDEN)
        bar.confirm_no.click(lambda: gr.Row(visible=False), None, bar.confirm, **HIDDEN)
        bar.confirm_yes.click(lambda s: _emit(conversations.delete(ctx, s)) + (gr.Row(visible=False),), chats,
                              chat_outputs + [bar.confirm], **HIDDEN)

        pref_inputs = [bar.k, bar.outlets, bar.since, bar.until, prefs]
        for trigger in (bar.k.release, bar.outlets.input, bar.since.blur, bar.since.submit, bar.until.blur,
                        bar.until.submit):
            trigger(settings.save, pref_inputs, [prefs, bar.settings_note], **HIDDEN)

        # -- speakers -----------------------------------------------------------------------------
        st.person.input(lambda name: speakers.timeline(ctx, name), st.person, st.timeline, show_progress="hidden",
                        api_name="quotes")
        st.pick.click(lambda name: (name, speakers.timeline(ctx, name)), st.pick_key, [st.person, st.timeline],
                      **HIDDEN)
        _open(st.source, "speakers", lambda key: chat.open_source(ctx, key))

        # -- articles -----------------------------------------------------------------------------
        def refresh(store: Any, person: str | None) -> tuple[Any, ...]:
            """Everything that shows what is indexed, after the index changed."""
            outlets = ctx.catalog.outlets()
            return (articles.summary_html(ctx), articles.table_html(ctx),
                    gr.Dropdown(choices=speakers.choices(ctx)),
                    speakers.timeline(ctx, person),
                    gr.Dropdown(choices=outlets), chat.stored_conversation_html(ctx, store),
                    empty_panel(chat_tab.SOURCE_HINT), empty_panel(speakers_tab.SOURCE_HINT),
                    empty_panel(articles_tab.ARTICLE_HINT), None, gr.Button(visible=False), gr.Column(visible=False),
                    evaluation.sample_testset(ctx))

        refreshed = [header, at.table, st.person, st.timeline, bar.outlets, ct.log, ct.source.view, st.source.view,
                     at.source.view, at.picked, at.delete, at.confirm, et.sample]
        after_change = {"fn": refresh, "inputs": [chats, st.person], "outputs": refreshed, **HIDDEN}

        def upload(files: list[str] | None, progress: gr.Progress = gr.Progress()) -> str:
            return uploads.upload_and_index(ctx, files, progress=_progress(progress))

        def add_address(address: str, progress: gr.Progress = gr.Progress()) -> str:
            return uploads.add_address(ctx, address, progress=_progress(progress))

        def reindex(progress: gr.Progress = gr.Progress()) -> str:
            return uploads.reindex(ctx, progress=_progress(progress))

        writer = {"concurrency_limit": 1, "concurrency_id": WRITER}
        at.upload.click(upload, at.files, at.status, api_name="upload", **writer).then(**after_change)
        at.add.click(add_address, at.address, at.status, api_name="add_address", **writer).then(**after_change)
        at.address.submit(add_address, at.address, at.status, **writer, **HIDDEN).then(**after_change)
        at.reindex.click(reindex, None, at.status, api_name="reindex", **writer).then(**after_change)

        def show_article(key: str) -> tuple[Any, ...]:
            view, article_id = articles.show(ctx, key)
            return view, article_id, gr.Button(visible=article_id is not None), gr.Column(visible=False)

        at.source.button.click(show_article, at.source.key, [at.source.view, at.picked, at.delete, at.confirm],
                               show_progress="hidden", api_name="article").then(None, js=page.show_mark_js("articles"))
        at.delete.click(lambda aid: (gr.Column(visible=True), articles.confirm_text(ctx, aid)), at.picked,
                        [at.confirm, at.confirm_text], **HIDDEN)
        at.confirm_no.click(lambda: gr.Column(visible=False), None, at.confirm, **HIDDEN)
        at.confirm_yes.click(lambda aid: articles.delete(ctx, aid), at.picked, at.status, api_name="delete",
                             **writer).then(**after_change)

        # -- evaluation ---------------------------------------------------------------------------
        def run_eval(choice: str | None, upload_path: str | None, progress: gr.Progress = gr.Progress()):
            out = evaluation.run_evaluation(ctx, choice, upload_path, progress=_progress(progress))
            return out.status, out.metrics, out.cases, out.report_path

        et.run.click(run_eval, [et.testset, et.upload], [et.status, et.metrics, et.cases, et.download],
                     api_name="evaluate", **writer)
        # one test set at a time: an upload clears the listed choice and the other way round
        et.upload.upload(lambda f: (gr.Dropdown(value=None), evaluation.selected_note(None, f)), et.upload,
                         [et.testset, et.selected], **HIDDEN)
        et.upload.clear(lambda c: evaluation.selected_note(c, None), et.testset, et.selected, **HIDDEN)
        et.testset.input(lambda c: (None, evaluation.selected_note(c, None)), et.testset, [et.upload, et.selected],
                         **HIDDEN)

        # -- page load ----------------------------------------------------------------------------
        def on_load(store: Any, prefs_data: Any) -> tuple[Any, ...]:
            k, outlets, since, until = settings.controls(prefs_data, default_k)
            return (_emit(conversations.load(ctx, store))
                    + (k, gr.Dropdown(choices=ctx.catalog.outlets(), value=outlets), since, until,
                       articles.summary_html(ctx), articles.table_html(ctx), gr.Dropdown(choices=speakers.choices(ctx)),
                       speakers.people_html(ctx), evaluation.sample_testset(ctx),
                       evaluation.selected_note(default_testset, None)))

        demo.load(on_load, [chats, prefs], chat_outputs + [bar.k, bar.outlets, bar.since, bar.until, header, at.table,
                                                           st.person, st.timeline, et.sample, et.selected], **HIDDEN)
        demo.load(None, js=page.OPEN_SIDEBAR_JS)

    demo.queue(default_concurrency_limit=default_concurrency(), max_size=256)
    return demo


def _open(panel: Any, name: str, fn: Callable[[str], str], api_name: str | None = None) -> None:
    """Wire a source panel's hidden button: render the article, then bring the marked span into view."""
    extra = {"api_name": api_name} if api_name else {"api_visibility": "private"}
    panel.button.click(fn, panel.key, panel.view, show_progress="hidden", **extra).then(
        None, js=page.show_mark_js(name))


def warm_up(engine: Engine) -> None:
    """Build the store, encoder, chain, the speaker list and the example questions once, before concurrent
    requests race to do it."""
    engine.warm_up()
    chat.example_questions(Context.of(engine))


def launch_options(settings: Settings) -> dict[str, Any]:
    """Keyword arguments for ``Blocks.launch`` that keep the page local and uploads bounded and typed."""
    max_bytes = int(settings.max_upload_mb * 2**20)
    return {
        "theme": theme(),
        "css": page.css(),
        "head": page.head(),
        "max_file_size": max_bytes,
        "allowed_paths": [],
        "footer_links": ["api"],
        "ssr_mode": False,
        "pwa": False,
        "mcp_server": False,
        "app_kwargs": {"middleware": [Middleware(UploadTypeGuard, max_bytes=max(64 * 2**20, 8 * max_bytes))]},
    }


def launch(demo: gr.Blocks, settings: Settings, *, host: str | None = None, port: int | None = None,
           auth: tuple[str, str] | None = None, prevent_thread_lock: bool = False, quiet: bool = False) -> Any:
    """Serve ``demo`` on ``host:port`` (defaults from ``settings``) with ``launch_options``."""
    return demo.launch(
        server_name=host or settings.host, server_port=port or settings.port, auth=auth,
        prevent_thread_lock=prevent_thread_lock, quiet=quiet, share=False, inbrowser=False,
        **launch_options(settings),
    )


__all__ = ["browser_secret", "build_app", "default_concurrency", "launch", "launch_options", "theme", "warm_up"]
