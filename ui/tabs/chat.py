"""The Chat tab: the conversation, the question box (send, stop, regenerate) and the source panel."""

from __future__ import annotations

from dataclasses import dataclass

import gradio as gr

from ui.tabs.common import SourcePanel, source_panel

SOURCE_HINT = "Click a number in an answer to see the quote in its article."


@dataclass
class ChatTab:
    log: gr.HTML
    live: gr.HTML
    message: gr.Textbox
    send: gr.Button
    stop: gr.Button
    regenerate: gr.Button
    source: SourcePanel


def build() -> ChatTab:
    with gr.Tab("Chat", id="chat"), gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=320, elem_id="chat-main"):
            log = gr.HTML(elem_id="chat-log", js_on_load=None)
            live = gr.HTML(elem_id="chat-live", js_on_load=None)
            with gr.Row(elem_id="chat-compose", equal_height=True):
                message = gr.Textbox(placeholder="Ask about the articles\u2026", show_label=False, scale=8,
                                     elem_id="chat-input", autofocus=True, max_length=2000, lines=1, max_lines=6,
                                     container=False)
                send = gr.Button("Send", variant="primary", scale=1, min_width=70, elem_id="chat-send")
                stop = gr.Button("Stop", variant="stop", scale=1, min_width=70, visible=False, elem_id="chat-stop")
            with gr.Row(elem_id="chat-tools"):
                regenerate = gr.Button("\u21bb Regenerate last answer", size="sm", elem_id="chat-regenerate")
        source = source_panel("chat", SOURCE_HINT)
    return ChatTab(log, live, message, send, stop, regenerate, source)


__all__ = ["SOURCE_HINT", "ChatTab", "build"]
