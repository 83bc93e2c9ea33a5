"""The Articles tab: the indexed articles, adding more (files, a web address), re-reading the corpus
folder, and one article at a time in the panel (where it can be deleted, after a confirmation)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import gradio as gr

from ui.handlers.uploads import UPLOAD_SUFFIXES, accepted_types
from ui.tabs.common import SourcePanel
from ui.views.article import empty_panel

ARTICLE_HINT = "Click a title to read the article here."


@dataclass
class ArticlesTab:
    table: gr.HTML
    files: gr.File
    upload: gr.Button
    address: gr.Textbox
    add: gr.Button
    reindex: gr.Button
    status: gr.HTML
    source: SourcePanel
    picked: gr.State
    delete: gr.Button
    confirm: gr.Column
    confirm_text: gr.HTML
    confirm_yes: gr.Button
    confirm_no: gr.Button


def build(max_upload_mb: float, corpus: Path | None) -> ArticlesTab:
    with gr.Tab("Articles", id="articles"), gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=320):
            with gr.Accordion("Add articles", open=False, elem_id="add-articles"):
                files = gr.File(file_count="multiple", file_types=list(UPLOAD_SUFFIXES),
                                label=f"Upload files ({accepted_types()}; up to {max_upload_mb:g} MiB each)",
                                elem_id="upload-files", height=160)
                upload = gr.Button("Add the uploaded files", variant="primary", elem_id="upload-index")
                with gr.Row(equal_height=True):
                    address = gr.Textbox(label="Add a web address or feed", placeholder="https://\u2026",
                                         scale=4, elem_id="add-url")
                    add = gr.Button("Add", scale=1, min_width=70, elem_id="add-url-btn")
                reindex = gr.Button(f"Re-read the folder {corpus.name}/" if corpus else "Re-read the corpus folder",
                                    visible=bool(corpus and corpus.is_dir()), elem_id="reindex")
            status = gr.HTML(elem_id="index-status", js_on_load=None)
            table = gr.HTML(elem_id="articles-table", js_on_load=None)
        with gr.Column(scale=2, min_width=320, elem_id="articles-side", elem_classes=["na-side"]) as column:
            delete = gr.Button("Delete this article\u2026", variant="stop", size="sm", visible=False,
                               elem_id="article-delete")
            with gr.Column(visible=False, elem_id="article-confirm", elem_classes=["na-confirm-box"]) as confirm:
                confirm_text = gr.HTML(js_on_load=None)
                with gr.Row():
                    confirm_yes = gr.Button("Delete", variant="stop", size="sm", elem_id="article-delete-yes")
                    confirm_no = gr.Button("Keep", size="sm", elem_id="article-delete-no")
            view = gr.HTML(empty_panel(ARTICLE_HINT), elem_id="articles-source", js_on_load=None)
        key = gr.Textbox(visible="hidden", elem_id="articles-open-key", show_label=False)
        button = gr.Button("open", visible="hidden", elem_id="articles-open-btn")
        picked = gr.State(None)
    return ArticlesTab(table, files, upload, address, add, reindex, status, SourcePanel(column, view, key, button),
                       picked, delete, confirm, confirm_text, confirm_yes, confirm_no)


__all__ = ["ARTICLE_HINT", "ArticlesTab", "build"]
