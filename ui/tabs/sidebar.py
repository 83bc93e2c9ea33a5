"""The sidebar: past conversations (new, rename, delete) and the answer settings this browser remembers."""

from __future__ import annotations

from dataclasses import dataclass

import gradio as gr

from ui.prefs import K_RANGE


@dataclass
class Sidebar:
    new: gr.Button
    conversations: gr.Radio
    title: gr.Textbox
    rename: gr.Button
    delete: gr.Button
    confirm: gr.Row
    confirm_yes: gr.Button
    confirm_no: gr.Button
    k: gr.Slider
    outlets: gr.Dropdown
    since: gr.Textbox
    until: gr.Textbox
    settings_note: gr.HTML


def build(default_k: int) -> Sidebar:
    with gr.Sidebar(label="Conversations", open=False, elem_id="na-sidebar"):
        new = gr.Button("+ New conversation", variant="primary", elem_id="conv-new")
        conversations = gr.Radio(choices=[], label="Conversations", elem_id="conv-list", type="value")
        with gr.Accordion("Rename or delete this conversation", open=False, elem_id="conv-manage"):
            title = gr.Textbox(label="Title", elem_id="conv-title", max_length=200)
            with gr.Row():
                rename = gr.Button("Rename", size="sm", elem_id="conv-rename")
                delete = gr.Button("Delete\u2026", size="sm", variant="stop", elem_id="conv-delete")
            with gr.Row(visible=False, elem_id="conv-confirm") as confirm:
                gr.HTML("<p class='na-confirm'>Delete this conversation from this browser?</p>", js_on_load=None)
                confirm_yes = gr.Button("Delete", size="sm", variant="stop", elem_id="conv-delete-yes")
                confirm_no = gr.Button("Keep", size="sm", elem_id="conv-delete-no")
        gr.Markdown("### Answer settings\nRemembered in this browser.")
        k = gr.Slider(K_RANGE[0], K_RANGE[1], value=default_k, step=1, label="Passages read per answer",
                      info="More passages: more sources to quote, a little slower.", elem_id="pref-k")
        outlets = gr.Dropdown(choices=[], multiselect=True, label="Only these outlets", elem_id="pref-outlets")
        since = gr.Textbox(label="Published since", placeholder="YYYY-MM-DD", elem_id="pref-since")
        until = gr.Textbox(label="Published until", placeholder="YYYY-MM-DD", elem_id="pref-until")
        settings_note = gr.HTML(elem_id="pref-note", js_on_load=None)
    return Sidebar(new, conversations, title, rename, delete, confirm, confirm_yes, confirm_no, k, outlets, since,
                   until, settings_note)


__all__ = ["Sidebar", "build"]
