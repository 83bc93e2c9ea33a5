"""The web UI in a real browser (Debian chromium via Playwright) over the real encoder.

One app per session, over the seed article in a tmp home. Every page records
the URL of every request and fails if one leaves the machine; any JavaScript
dialog (``alert``) fails the test too. A missing browser is a failure, not a skip.
"""

from __future__ import annotations

import json
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.playwright, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "000_863afebc424a52ba.txt"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
TIMEOUT = 60_000
expect.set_options(timeout=TIMEOUT)

INVENTED = """Harbour town votes to restore the old lighthouse

The council of Port Wendle voted on Tuesday to restore its disused lighthouse, ending a decade of debate.
"This light guided our grandparents home, and it will guide our grandchildren too," said Orla Fennimore, \
the chair of the lighthouse trust.
The restoration is expected to take two years and will be paid for by a local bond.
"""

HOSTILE = """<script>alert(1)</script> Hostile headline <img src=x onerror=alert(1)>

This article tries to run code: <script>alert(1)</script> and <img src=x onerror=alert(1)> should show as text.
"We will not be scripted," said Quill Varnado, a <b>bold</b> spokesperson, in a statement <iframe src=x></iframe>.
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def ui_server(tmp_path_factory: pytest.TempPathFactory, real_encoder) -> Iterator[dict]:
    from assistant.engine import Engine
    from index.settings import Settings
    from ui.app import build_app, launch

    home = tmp_path_factory.mktemp("ui-home")
    corpus = tmp_path_factory.mktemp("ui-corpus")
    shutil.copy(SEED, corpus / SEED.name)
    testsets = tmp_path_factory.mktemp("ui-testsets")
    settings = Settings(home=str(home))
    engine = Engine(settings, encoder=real_encoder)
    report = engine.index([corpus])
    assert report.added == 1 and not report.rejected
    seed_id = engine.articles()[0]["id"]
    cases = [
        {"id": "peskov", "question": "What did Peskov say?", "sources": [seed_id], "tags": ["speaker"]},
        {"id": "meeting", "question": "Has Russia received a formal request for a meeting?",
         "sources": [seed_id], "tags": ["fact"]},
        {"id": "atlantis", "question": "What did the mayor of Atlantis say about submarine tariffs?",
         "answerable": False, "tags": ["unanswerable"]},
    ]
    (testsets / "tiny.jsonl").write_text("\n".join(json.dumps(c) for c in cases) + "\n", encoding="utf-8")
    demo = build_app(engine, corpus_dir=corpus, testset_dirs=[testsets])
    port = free_port()
    launch(demo, settings, port=port, prevent_thread_lock=True, quiet=True)
    try:
        yield {"url": f"http://127.0.0.1:{port}/", "engine": engine, "home": home}
    finally:
        demo.close()


@pytest.fixture(scope="session")
def browser() -> Iterator:
    if not CHROMIUM.exists():
        pytest.fail(f"the browser tests need Debian chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser, ui_server, request: pytest.FixtureRequest) -> Iterator:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.set_default_timeout(TIMEOUT)
    requests: list[str] = []
    dialogs: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.goto(ui_server["url"])
    pg.wait_for_selector("#chat-input textarea")
    yield pg
    pg.screenshot(path=str(ARTIFACTS / f"ui-{request.node.name}.png"), full_page=True)
    context.close()
    assert dialogs == [], f"a JavaScript dialog fired: {dialogs}"
    remote = sorted({u for u in requests if urlparse(u).scheme in {"http", "https", "ws", "wss"}
                     and urlparse(u).hostname not in LOCAL_HOSTS})
    assert remote == [], f"the page loaded resources from outside the machine: {remote[:5]}"
    assert requests, "no request was recorded at all"


def ask(page, question: str, answers_before: int) -> None:
    page.fill("#chat-input textarea", question)
    page.press("#chat-input textarea", "Enter")
    page.locator("#chatbot .na-answer .na-sources, #chatbot .na-answer .na-muted, #chatbot .na-error").nth(
        answers_before).wait_for()


def tab(page, name: str) -> None:
    page.get_by_role("tab", name=name).click()


def upload(page, ui_server, tmp_path: Path, name: str, text: str) -> None:
    tab(page, "Articles")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    page.locator("#upload-files input[type=file]").set_input_files(str(path))
    expect(page.locator("#upload-files")).to_contain_text(name)
    page.click("#upload-index")
    page.locator("#index-status p").first.wait_for()
    status = page.inner_text("#index-status")
    assert "1 added" in status or "1 updated" in status or "1 unchanged" in status, status
    assert str(ui_server["home"]) not in page.content()


def test_chat_answer_citation_opens_highlighted_source(page) -> None:
    ask(page, "What did Peskov say?", 0)
    answer = page.locator("#chatbot .na-answer").last
    quotes = answer.locator(".na-quote")
    assert quotes.count() >= 1
    first_quote = quotes.first.inner_text()
    assert "Peskov" in first_quote  # the speaker is shown with the quote
    cite = answer.locator("a.na-cite", has_text="[1]").first
    cite.click()
    mark = page.locator("#chat-source mark#quote-mark")
    mark.wait_for()
    marked = " ".join(mark.inner_text().split())
    assert marked and marked in " ".join(first_quote.split())  # the highlighted span is the quote
    expect(mark).to_be_in_viewport()
    page.screenshot(path=str(ARTIFACTS / "ui-chat-citation.png"))

    # a follow-up keeps the history; clear empties the conversation
    ask(page, "What else did he say about a meeting?", 1)
    assert page.locator("#chatbot .na-answer").count() == 2
    page.click("#chat-clear")
    page.wait_for_function("document.querySelectorAll('#chatbot .na-answer').length === 0")


def test_upload_new_article_then_ask_about_it(page, ui_server, tmp_path: Path) -> None:
    upload(page, ui_server, tmp_path, "lighthouse_vote.txt", INVENTED)
    expect(page.locator("#articles-table")).to_contain_text("Harbour town votes")
    tab(page, "Chat")
    ask(page, "What did Orla Fennimore say?", 0)
    answer = page.locator("#chatbot .na-answer").last
    assert "guide our grandchildren" in answer.inner_text()


def test_speakers_view(page) -> None:
    tab(page, "Speakers")
    box = page.locator("#speaker-name input")
    box.fill("Peskov")
    box.press("Enter")
    page.click("#speaker-show")
    page.locator("#speaker-quotes .na-quote").first.wait_for()
    quotes = page.locator("#speaker-quotes .na-quote")
    assert quotes.count() >= 2
    for i in range(quotes.count()):
        assert "Peskov" in quotes.nth(i).inner_text()
    quotes.first.locator("a.na-cite").click()
    mark = page.locator("#speakers-source mark#quote-mark")
    mark.wait_for()
    expect(mark).to_be_in_viewport()
    assert " ".join(mark.inner_text().split()) in " ".join(quotes.first.inner_text().split())


def test_evaluation_tab(page) -> None:
    tab(page, "Evaluate")
    page.click("#eval-run")
    page.locator("#eval-status b").wait_for()
    assert "/3 passed" in page.inner_text("#eval-status")
    assert "pass rate" in page.inner_text("#eval-metrics")
    assert page.locator("#eval-charts img").count() >= 1
    cases = page.inner_text("#eval-cases")
    for case_id in ("peskov", "meeting", "atlantis"):
        assert case_id in cases
    page.locator("#eval-download a").first.wait_for()


def test_hostile_article_is_shown_as_text(page, ui_server, tmp_path: Path) -> None:
    upload(page, ui_server, tmp_path, "hostile.txt", HOSTILE)
    expect(page.locator("#articles-table")).to_contain_text("<script>alert(1)</script>")
    page.locator("#article-pick input").click()
    page.locator("#article-pick input").fill("Hostile")
    page.get_by_role("option").filter(has_text="Hostile").first.click()
    page.click("#article-show")
    view = page.locator("#article-view .na-article-text")
    view.wait_for()
    text = view.inner_text()
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(1)>" in text
    assert page.locator("#article-view img, #article-view script, #article-view iframe, #article-view b").count() == 0
    page.screenshot(path=str(ARTIFACTS / "ui-articles-hostile.png"), full_page=True)
    tab(page, "Chat")
    ask(page, "What did Quill Varnado say?", 0)
    answer = page.locator("#chatbot .na-answer").last
    assert "We will not be scripted" in answer.inner_text()
    assert answer.locator("img, script, iframe").count() == 0
    answer.locator("a.na-cite").first.click()
    page.locator("#chat-source mark#quote-mark").wait_for()
    assert page.locator("#chat-source img, #chat-source script, #chat-source iframe").count() == 0
    assert "<img src=x onerror=alert(1)>" in page.inner_text("#chat-source")
    page.wait_for_timeout(500)  # give any injected handler the chance to fire a dialog
