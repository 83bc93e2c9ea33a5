"""The Speakers tab: pick a person, read their quotations as a timeline, open each in its article."""

from __future__ import annotations

from dataclasses import dataclass

import gradio as gr

from ui.tabs.common import SourcePanel, source_panel

SOURCE_HINT = "Open a quotation to see it in its article."


@dataclass
class SpeakersTab:
    person: gr.Dropdown
    timeline: gr.HTML
    pick_key: gr.Textbox
    pick: gr.Button
    source: SourcePanel


def build() -> SpeakersTab:
    with gr.Tab("Speakers", id="speakers"), gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=320):
            person = gr.Dropdown(choices=[], allow_custom_value=True, label="Person (number of quotations)",
                                 info="People quoted in the articles, most quoted first; you can also type a name.",
                                 elem_id="speaker-name")
            timeline = gr.HTML(elem_id="speaker-quotes", js_on_load=None)
            # filled and pressed by the page script when one of the "most quoted" buttons is clicked
            pick_key = gr.Textbox(visible="hidden", elem_id="speakers-pick-key", show_label=False)
            pick = gr.Button("pick", visible="hidden", elem_id="speakers-pick-btn")
        source = source_panel("speakers", SOURCE_HINT)
    return SpeakersTab(person, timeline, pick_key, pick, source)


__all__ = ["SOURCE_HINT", "SpeakersTab", "build"]
