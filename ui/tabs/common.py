"""Pieces several tabs share: the source panel column and the hidden controls that open it."""

from __future__ import annotations

from dataclasses import dataclass

import gradio as gr

from ui.views.article import empty_panel


@dataclass
class SourcePanel:
    column: gr.Column
    view: gr.HTML
    key: gr.Textbox
    button: gr.Button


def source_panel(panel: str, hint: str, *, scale: int = 2) -> SourcePanel:
    """The column beside a tab's text (a sheet on a phone) showing one article, and the hidden textbox +
    button the page script fills and presses when a ``#open:<panel>:...`` link is clicked."""
    with gr.Column(scale=scale, min_width=320, elem_id=f"{panel}-side", elem_classes=["na-side"]) as column:
        view = gr.HTML(empty_panel(hint), elem_id=f"{panel}-source", js_on_load=None)
    key = gr.Textbox(visible="hidden", elem_id=f"{panel}-open-key", show_label=False)
    button = gr.Button("open", visible="hidden", elem_id=f"{panel}-open-btn")
    return SourcePanel(column, view, key, button)


__all__ = ["SourcePanel", "source_panel"]
