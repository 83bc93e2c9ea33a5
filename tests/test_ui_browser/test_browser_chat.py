"""The chat in a real browser (Debian chromium via Playwright), light and dark, desktop and phone, over the
real encoder: a first visit, an answer with honest quote kinds, its sources, the citation card, copying,
the conversation surviving a reload, and conversations kept in the browser."""

from __future__ import annotations

import pytest
from pages import (
    CONFIG_IDS,
    CONFIGS,
    ask,
    open_page,
    quote_kinds_are_honest,
    rendered_contrast,
    shot,
)
from playwright.sync_api import expect

pytestmark = [pytest.mark.playwright, pytest.mark.slow]


@pytest.mark.parametrize("scheme,size", CONFIGS, ids=CONFIG_IDS)
def test_a_reader_asks_checks_a_quote_copies_the_answer_and_comes_back(browser, ui_server, scheme, size) -> None:
    name = f"{scheme}-{size}"
    with open_page(browser, ui_server["url"], scheme, size) as page:
        # first visit: what is indexed, and questions that ask themselves
        welcome = page.locator("#chat-log .na-welcome")
        expect(welcome).to_contain_text(f"Ask about {len(ui_server['engine'].articles())} news articles")
        chips = page.locator(".na-chip[data-ask]")
        assert chips.count() >= 2 and not any("\u2026" in t for t in chips.all_inner_texts())
        assert "Jada" not in welcome.inner_text()
        shot(page, f"chat-welcome-{name}")
        question = next(t for t in chips.all_inner_texts() if "Fennimore" in t or "Peskov" in t)
        before = page.locator("#chat-log .na-turn").count()
        chips.filter(has_text=question).first.click()
        page.wait_for_function("n => document.querySelectorAll('#chat-log .na-turn').length > n"
                               " && !document.querySelector('#chat-live .na-live')", arg=before)
        turn = page.locator("#chat-log .na-turn").last
        expect(turn.locator(".na-q")).to_be_in_viewport()  # the question stays in view when the answer lands
        assert question in turn.locator(".na-q").inner_text()

        # a follow-up that needs reported speech: the article's report, never in quotation marks
        ask(page, "What did Peskov say?")
        turn = page.locator("#chat-log .na-turn").last
        expect(turn.locator(".na-q")).to_be_in_viewport()
        assert turn.locator(".na-sources .na-ref").count() >= 2
        assert page.locator("#chat-log .na-reported").count() >= 1
        assert quote_kinds_are_honest(page, "#chat-log") >= 2
        assert turn.locator(".na-src-head .na-title").count() == 1  # one article: its title once
        assert "undated" not in turn.inner_text().lower()
        assert page.evaluate("""() => {  // the conversation scrolls with the page, not in a box of its own
          const boxes = [];
          for (let n = document.querySelector('#chat-log'); n; n = n.parentElement) {
            const oy = getComputedStyle(n).overflowY;
            if ((oy === 'auto' || oy === 'scroll') && n.scrollHeight > n.clientHeight + 1) boxes.push(n.id);
          }
          return boxes;
        }""") == []

        # the citation card (hover on a desktop, focus anywhere)
        cite = turn.locator(".na-prose a.na-cite").first
        if size == "desktop":
            cite.hover()
        else:
            cite.focus()
        card = page.locator("#na-card")
        expect(card).to_be_visible()
        expect(card).to_contain_text("Peskov")
        page.keyboard.press("Escape")

        # the source: the quote marked and readable, then back to the answer
        cite.click()
        mark = page.locator("#chat-source mark#quote-mark")
        expect(mark).to_be_in_viewport()
        ratio = rendered_contrast(page, "#chat-source mark#quote-mark")
        assert ratio >= 4.5, f"highlight contrast {ratio:.2f} in {name}"
        shot(page, f"chat-source-{name}")
        page.locator("#chat-source .na-back").click()
        expect(cite).to_be_in_viewport()
        if size == "phone":
            expect(page.locator("#chat-side")).not_to_be_in_viewport()

        # copy: plain text and Markdown, with the numbered quotes and their sources, no markup
        for fmt in ("text", "markdown"):
            turn.locator(f".na-act[data-copy='{fmt}']").click()
            copied = page.evaluate("navigator.clipboard.readText()")
            assert "<" not in copied and "What did Peskov say?" in copied and "[1]" in copied, copied
            assert "Reported by the article:" in copied and "Dmitry Peskov" in copied
        shot(page, f"chat-{name}")

        # a reload keeps the conversation
        page.reload()
        page.locator("#chat-log .na-turn").first.wait_for()
        assert page.locator("#chat-log .na-turn").count() == 2
        expect(page.locator("#chat-log")).to_contain_text("What did Peskov say?")


def test_conversations_are_listed_renamed_regenerated_and_deleted(browser, ui_server) -> None:
    with open_page(browser, ui_server["url"]) as page:
        expect(page.locator("#conv-new")).to_be_visible()  # the sidebar is open on a wide screen
        ask(page, "What did Peskov say?")
        ask(page, "What did Orla Fennimore say?")
        page.click("#conv-new")
        expect(page.locator("#chat-log .na-welcome")).to_be_visible()
        ask(page, "Where is the lighthouse?")
        options = page.locator("#conv-list label")
        expect(options).to_have_count(2)
        options.filter(has_text="What did Peskov say?").click()
        expect(page.locator("#chat-log .na-turn")).to_have_count(2)
        page.locator("#conv-manage").click()
        page.fill("#conv-title textarea", "Kremlin and the lighthouse")
        page.click("#conv-rename")
        expect(options.filter(has_text="Kremlin and the lighthouse")).to_have_count(1)
        page.click("#chat-regenerate")
        page.wait_for_function("!document.querySelector('#chat-live .na-live')"
                               " && document.querySelectorAll('#chat-log .na-turn').length === 2")
        expect(page.locator("#chat-log .na-turn").last).to_contain_text("Fennimore")
        page.click("#conv-delete")
        page.click("#conv-delete-yes")
        expect(options).to_have_count(1)
        expect(page.locator("#chat-log .na-welcome")).to_be_visible()
        page.reload()
        page.locator("#chat-log .na-log").wait_for()
        expect(page.locator("#conv-list label")).to_have_count(1)
        expect(page.locator("#conv-list")).to_contain_text("Where is the lighthouse?")


def test_answer_settings_are_remembered_in_this_browser(browser, ui_server) -> None:
    with open_page(browser, ui_server["url"]) as page:
        page.fill("#pref-since textarea", "last week")
        page.press("#pref-since textarea", "Enter")
        expect(page.locator("#pref-note")).to_contain_text("YYYY-MM-DD")
        page.fill("#pref-since textarea", "2023-12-01")
        page.press("#pref-since textarea", "Enter")
        expect(page.locator("#pref-note")).to_contain_text("since 2023-12-01")
        page.fill("#pref-k input[type=number]", "5")
        page.press("#pref-k input[type=number]", "Enter")
        page.locator("#pref-k input[type=range]").dispatch_event("pointerup")
        page.wait_for_timeout(500)
        ask(page, "What did Orla Fennimore say?")  # only the ferry story is from December
        turn = page.locator("#chat-log .na-turn").last
        assert "Ferry" in turn.locator(".na-sources").inner_text() and "lighthouse" not in turn.inner_text().lower()
        page.reload()
        page.locator("#chat-log .na-turn").first.wait_for()
        expect(page.locator("#pref-since textarea")).to_have_value("2023-12-01")
        expect(page.locator("#pref-k input[type=number]")).to_have_value("5")
