"""An LLM answerer in a real browser, over real HTTP to the local replay server: the answer is written into
the page as the model streams it, Stop keeps the question, Regenerate answers it with verified citations."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from pages import SEED, open_page, shot, start_ui
from playwright.sync_api import expect
from test_llm import ReplayServer

pytestmark = [pytest.mark.playwright, pytest.mark.slow]


@pytest.fixture
def llm_ui(tmp_path) -> Iterator[dict]:
    from assistant.engine import Engine
    from index.embeddings import FakeEncoder
    from index.settings import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / SEED.name)
    replay = ReplayServer()
    settings = Settings(home=str(tmp_path / "home"), encoder="fake", chunk_size=400, chunk_overlap=80, llm="openai",
                        llm_base_url=replay.url, llm_model="replay", llm_api_key="k", llm_timeout=20.0)
    engine = Engine(settings, encoder=FakeEncoder())
    engine.index([corpus])
    demo, url = start_ui(engine, settings)
    try:
        yield {"url": url, "replay": replay}
    finally:
        replay.resume.set()
        demo.close()
        replay.close()


@pytest.mark.parametrize("scheme,size", [("light", "desktop"), ("dark", "phone")])
def test_the_answer_streams_in_and_stop_and_regenerate_work(browser, llm_ui, scheme, size) -> None:
    replay = llm_ui["replay"]
    replay.reply("peskov_verified.json")
    replay.hold_after = 8
    with open_page(browser, llm_ui["url"], scheme, size) as page:
        page.fill("#chat-input textarea", "What did Peskov say?")
        page.press("#chat-input textarea", "Enter")
        draft = page.locator("#chat-live .na-draft .na-prose")
        expect(draft).to_contain_text("Kremlin spokesperson")  # words the model has sent so far
        expect(page.locator("#chat-live .na-caret")).to_be_visible()
        expect(page.locator("#chat-stop")).to_be_visible()
        assert page.locator("#chat-live .na-sources").count() == 0
        shot(page, f"chat-streaming-{scheme}-{size}")
        page.click("#chat-stop")
        expect(page.locator("#chat-log .na-turn").last).to_contain_text("Stopped before the answer was complete")
        expect(page.locator("#chat-send")).to_be_visible()
        replay.resume.set()

        replay.hold_after = None
        replay.reply("peskov_verified.json")
        page.click("#chat-regenerate")
        turn = page.locator("#chat-log .na-turn").last
        expect(turn.locator(".na-sources")).to_be_visible()
        expect(page.locator("#chat-log .na-turn")).to_have_count(1)
        assert turn.locator(".na-sources .na-ref").count() == 2
        assert "Russia attaches no conditions" in turn.locator(".na-sources").text_content()
        page.reload()
        page.locator("#chat-log .na-turn").first.wait_for()
        expect(page.locator("#chat-log .na-sources")).to_be_visible()
