"""The Evaluate tab: choose or upload a test set (one of the two), run it, read what it checked."""

from __future__ import annotations

from dataclasses import dataclass

import gradio as gr

from ui.handlers.evaluation import TESTSET_SUFFIXES
from ui.views.evaluation import FORMAT_HELP


@dataclass
class EvaluateTab:
    testset: gr.Dropdown
    upload: gr.File
    selected: gr.HTML
    run: gr.Button
    status: gr.HTML
    metrics: gr.HTML
    cases: gr.HTML
    download: gr.File
    sample: gr.DownloadButton


def build(testsets: list[str], default: str | None) -> EvaluateTab:
    with gr.Tab("Evaluate", id="evaluate"):
        with gr.Row(equal_height=False):
            testset = gr.Dropdown(choices=testsets, value=default, label="A listed test set", elem_id="eval-choice",
                                  scale=1, min_width=260)
            upload = gr.File(file_types=list(TESTSET_SUFFIXES), label="\u2026or upload one (.jsonl)",
                             elem_id="eval-upload", scale=1, min_width=260, height=140)
        with gr.Accordion("Test set format", open=False, elem_id="eval-help"):
            gr.Markdown(FORMAT_HELP)
            sample = gr.DownloadButton("Download a sample test set", size="sm", elem_id="eval-sample")
        selected = gr.HTML(elem_id="eval-selected", js_on_load=None)
        run = gr.Button("Run the evaluation", variant="primary", elem_id="eval-run")
        status = gr.HTML(elem_id="eval-status", js_on_load=None)
        metrics = gr.HTML(elem_id="eval-metrics", js_on_load=None)
        cases = gr.HTML(elem_id="eval-cases", js_on_load=None)
        download = gr.File(label="Full report (JSON)", interactive=False, elem_id="eval-download")
    return EvaluateTab(testset, upload, selected, run, status, metrics, cases, download, sample)


__all__ = ["EvaluateTab", "build"]
