"""The Gradio web UI: chat, speakers, articles and evaluation tabs over one Engine.

All behaviour lives in ``ui/handlers.py`` (plain functions); this module only lays
out components and wires events. Use ``launch(demo, settings)`` rather than
``demo.launch()``: it passes the theme with system fonts only (the default theme
would fetch Google fonts), the click script, the upload cap and a minimal set of
served paths.
"""

from __future__ import annotations

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from collections.abc import Sequence  # noqa: E402
from functools import partial  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import gradio as gr  # noqa: E402

from ui import handlers, render  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SYSTEM_FONTS = ("system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif")
MONO_FONTS = ("ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "Liberation Mono", "monospace")
WRITER = "index-writer"  # one indexing/deleting/evaluating job at a time


def default_concurrency() -> int:
    """Answering is CPU-bound (encoder + BM25): about one worker per core, at most 4."""
    return max(1, min(4, os.cpu_count() or 1))


def theme() -> gr.themes.Base:
    """The default look with local system fonts: plain strings, never ``gr.themes.GoogleFont``."""
    return gr.themes.Default(font=list(SYSTEM_FONTS), font_mono=list(MONO_FONTS))


def _progress_cb(progress: gr.Progress) -> handlers.Progress:
    return lambda fraction, desc: progress(fraction, desc=desc)


def build_app(engine: Any, *, corpus_dir: Path | str = "corpus",
              testset_dirs: Sequence[Path | str] | None = None) -> gr.Blocks:
    """The whole UI over ``engine`` (an ``assistant.engine.Engine``)."""
    corpus = Path(corpus_dir)
    testsets = handlers.testset_choices([Path(d) for d in (testset_dirs or [ROOT / "tests" / "data"])])
    default_testset = "seed_eval.jsonl" if "seed_eval.jsonl" in testsets else next(iter(testsets), None)
    examples = handlers.example_questions(engine)

    with gr.Blocks(title="News assistant", analytics_enabled=False) as demo:
        gr.Markdown("## News assistant\nAnswers quote the indexed articles verbatim; every quote is checked "
                    "against the stored text. Click a citation number to open its source.")
        with gr.Tabs():
            # -- chat -------------------------------------------------------------------------
            with gr.Tab("Chat", id="chat"):
                with gr.Row():
                    with gr.Column(scale=3):
                        chatbot = gr.Chatbot(label="Conversation", elem_id="chatbot", height=520,
                                             latex_delimiters=[], feedback_options=None, buttons=["copy"])
                        with gr.Row():
                            msg = gr.Textbox(placeholder="Ask about the articles\u2026", show_label=False,
                                             scale=8, elem_id="chat-input", autofocus=True)
                            send = gr.Button("Send", variant="primary", scale=1, elem_id="chat-send")
                            clear = gr.Button("Clear", scale=1, elem_id="chat-clear")
                        if examples:
                            gr.Examples(examples=[[q] for q in examples], inputs=[msg], label="Try")
                        with gr.Accordion("Filters", open=False):
                            outlets = gr.Dropdown(choices=[], multiselect=True, label="Outlets",
                                                  elem_id="filter-outlets")
                            with gr.Row():
                                since = gr.Textbox(label="Since (YYYY-MM-DD)", elem_id="filter-since")
                                until = gr.Textbox(label="Until (YYYY-MM-DD)", elem_id="filter-until")
                    with gr.Column(scale=2):
                        gr.Markdown("### Source")
                        chat_source = gr.HTML("<p class='na-muted'>Click a citation to see it in its article.</p>",
                                              elem_id="chat-source", js_on_load=None)
                turns = gr.State([])
                chat_key, chat_open = _open_controls("chat")

            # -- speakers ---------------------------------------------------------------------
            with gr.Tab("Speakers", id="speakers"):
                with gr.Row():
                    with gr.Column(scale=3):
                        with gr.Row():
                            speaker = gr.Dropdown(choices=[], allow_custom_value=True, label="Speaker",
                                                  elem_id="speaker-name", scale=4)
                            show_quotes = gr.Button("Show quotes", variant="primary", scale=1,
                                                    elem_id="speaker-show")
                        quotes = gr.HTML(elem_id="speaker-quotes", js_on_load=None)
                    with gr.Column(scale=2):
                        speakers_source = gr.HTML(elem_id="speakers-source", js_on_load=None)
                sp_key, sp_open = _open_controls("speakers")

            # -- articles ---------------------------------------------------------------------
            with gr.Tab("Articles", id="articles"):
                table = gr.Dataframe(headers=handlers.ARTICLE_COLUMNS, datatype="str", interactive=False,
                                     label="Indexed articles", elem_id="articles-table", wrap=True,
                                     column_widths=["46%", "14%", "11%", "7%", "22%"])
                with gr.Row():
                    with gr.Column():
                        files = gr.File(file_count="multiple", file_types=list(handlers.UPLOAD_SUFFIXES),
                                        label=f"Upload articles (max {engine.settings.max_upload_mb:g} MiB each)",
                                        elem_id="upload-files")
                        with gr.Row():
                            upload = gr.Button("Index uploads", variant="primary", elem_id="upload-index")
                            reindex = gr.Button(f"Re-index {corpus.name}/", elem_id="reindex")
                        index_status = gr.HTML(elem_id="index-status", js_on_load=None)
                    with gr.Column():
                        picked = gr.Dropdown(choices=[], label="Article", elem_id="article-pick")
                        with gr.Row():
                            show = gr.Button("Show", elem_id="article-show")
                            delete = gr.Button("Delete", variant="stop", elem_id="article-delete")
                        article_status = gr.HTML(elem_id="article-status", js_on_load=None)
                article_view = gr.HTML(elem_id="article-view", js_on_load=None)

            # -- evaluate ---------------------------------------------------------------------
            with gr.Tab("Evaluate", id="evaluate"):
                with gr.Row():
                    testset = gr.Dropdown(choices=list(testsets), value=default_testset, label="Test set",
                                          elem_id="eval-choice")
                    testset_file = gr.File(file_types=[".jsonl", ".json"], label="\u2026or upload a JSONL test set",
                                           elem_id="eval-upload")
                run = gr.Button("Run evaluation", variant="primary", elem_id="eval-run")
                eval_status = gr.HTML(elem_id="eval-status", js_on_load=None)
                with gr.Row():
                    metrics = gr.Dataframe(headers=["metric", "value", "note"], interactive=False,
                                           label="Metrics", elem_id="eval-metrics")
                    charts = gr.HTML(elem_id="eval-charts", js_on_load=None)
                cases = gr.Dataframe(headers=handlers.CASE_COLUMNS, interactive=False, wrap=True,
                                     label="Cases (failures first)", elem_id="eval-cases")
                download = gr.File(label="JSON report", interactive=False, elem_id="eval-download")

        # -- events -----------------------------------------------------------------------------
        chat_inputs = [msg, chatbot, turns, outlets, since, until]
        chat_fn = partial(handlers.chat, engine)
        msg.submit(chat_fn, chat_inputs, [chatbot, turns, msg], api_name="chat")
        send.click(chat_fn, chat_inputs, [chatbot, turns, msg], api_visibility="private")
        clear.click(handlers.clear_chat, None, [chatbot, turns, msg, chat_source], api_name="clear")
        # the chatbot's own trash button empties the messages; forget the history with them
        chatbot.clear(handlers.clear_chat, None, [chatbot, turns, msg, chat_source], api_visibility="private")
        chat_open.click(partial(handlers.open_source, engine), chat_key, chat_source, api_name="open_source",
                        show_progress="hidden").then(None, js=render.scroll_js("chat-source"))
        sp_open.click(partial(handlers.open_source, engine), sp_key, speakers_source, api_visibility="private",
                      show_progress="hidden").then(None, js=render.scroll_js("speakers-source"))

        quote_fn = partial(handlers.speaker_quotes, engine)
        show_quotes.click(quote_fn, speaker, quotes, api_name="quotes")
        speaker.select(quote_fn, speaker, quotes, api_visibility="private")

        def refresh() -> tuple[Any, ...]:
            choices = handlers.article_choices(engine)
            return (
                handlers.articles_table(engine),
                gr.Dropdown(choices=choices, value=None),
                gr.Dropdown(choices=handlers.speaker_choices(engine)),
                gr.Dropdown(choices=engine.sources()),
            )

        refreshed = [table, picked, speaker, outlets]

        def do_upload(paths: list[str] | None, progress: gr.Progress = gr.Progress()) -> str:
            return handlers.upload_and_index(engine, paths, progress=_progress_cb(progress))

        def do_reindex(progress: gr.Progress = gr.Progress()) -> str:
            return handlers.reindex(engine, corpus, progress=_progress_cb(progress))

        upload.click(do_upload, files, index_status, api_name="upload", concurrency_limit=1,
                     concurrency_id=WRITER).then(refresh, None, refreshed, api_visibility="private")
        reindex.click(do_reindex, None, index_status, api_name="reindex", concurrency_limit=1,
                      concurrency_id=WRITER).then(refresh, None, refreshed, api_visibility="private")
        show.click(partial(handlers.show_article, engine), picked, article_view, api_name="article")
        picked.select(partial(handlers.show_article, engine), picked, article_view, api_visibility="private")
        delete.click(partial(handlers.delete_article, engine), picked, article_status, api_name="delete",
                     concurrency_limit=1, concurrency_id=WRITER).then(refresh, None, refreshed,
                                                                       api_visibility="private")

        def do_eval(choice: str | None, upload_path: str | None, progress: gr.Progress = gr.Progress()):
            out = handlers.run_evaluation(engine, choice, upload_path, testsets, progress=_progress_cb(progress))
            return out.status, out.metrics, out.charts_html, out.cases, out.report_path

        run.click(do_eval, [testset, testset_file], [eval_status, metrics, charts, cases, download],
                  api_name="evaluate", concurrency_limit=1, concurrency_id=WRITER)
        demo.load(refresh, None, refreshed, api_visibility="private")

    demo.queue(default_concurrency_limit=default_concurrency(), max_size=256)
    return demo


def _open_controls(panel: str) -> tuple[gr.Textbox, gr.Button]:
    """The hidden textbox + button the page script fills and clicks when a citation is clicked."""
    key = gr.Textbox(visible="hidden", elem_id=f"{panel}-open-key", show_label=False)
    button = gr.Button("open", visible="hidden", elem_id=f"{panel}-open-btn")
    return key, button


def warm_up(engine: Any) -> None:
    """Build the store, encoder and chain once, before concurrent requests race to do it."""
    engine.warm_up()


def launch_options(settings: Any) -> dict[str, Any]:
    """Keyword arguments for ``Blocks.launch`` that keep the page local and uploads bounded."""
    return {
        "theme": theme(),
        "css": render.CSS,
        "head": render.CLICK_JS,
        "max_file_size": int(settings.max_upload_mb * 2**20),
        "allowed_paths": [],
        "footer_links": ["api"],
        "ssr_mode": False,
        "pwa": False,
        "mcp_server": False,
    }


def launch(demo: gr.Blocks, settings: Any, *, host: str | None = None, port: int | None = None,
           auth: tuple[str, str] | None = None, prevent_thread_lock: bool = False, quiet: bool = False) -> Any:
    """Serve ``demo`` on ``host:port`` (defaults from ``settings``) with ``launch_options``."""
    return demo.launch(
        server_name=host or settings.host, server_port=port or settings.port, auth=auth,
        prevent_thread_lock=prevent_thread_lock, quiet=quiet, share=False, inbrowser=False,
        **launch_options(settings),
    )


__all__ = ["build_app", "default_concurrency", "launch", "launch_options", "theme", "warm_up"]
