"""Speakers, Articles and Evaluate in a real browser, light and dark, desktop and phone; adding and deleting
articles; a hostile article shown as text. Screenshots of every tab go to test-artifacts/."""

from __future__ import annotations

import http.server
import re
import threading
from pathlib import Path

import pytest
from pages import (
    CONFIG_IDS,
    CONFIGS,
    ask,
    letter_wrapped_cells,
    open_page,
    quote_kinds_are_honest,
    shot,
    tab,
)
from playwright.sync_api import expect

pytestmark = [pytest.mark.playwright, pytest.mark.slow]

HOSTILE = """<script>alert(1)</script> Hostile headline <img src=x onerror=alert(1)>

This article tries to run code: <script>alert(1)</script> and <img src=x onerror=alert(1)> should show as text.
"We will not be scripted," said Quill Varnado, a <b>bold</b> spokesperson, in a statement <iframe src=x></iframe>.
"""
CANAL = """---
title: Canal reopens after a summer of repairs
source: Wendle Gazette
published: 2023-10-05
---
The old canal reopened to boats on Thursday after a summer of repairs to its locks.
"The locks are sound again and the towpath is open to everyone," said Tamsin Oduya, the canal trust's engineer.
"""


@pytest.mark.parametrize("scheme,size", CONFIGS, ids=CONFIG_IDS)
def test_every_tab_reads_at_every_size(browser, ui_server, scheme, size) -> None:
    name = f"{scheme}-{size}"
    with open_page(browser, ui_server["url"], scheme, size) as page:
        tabs = page.get_by_role("tab")
        expect(tabs).to_have_count(4)
        for label in ("Chat", "Speakers", "Articles", "Evaluate"):  # none hidden behind an overflow menu
            expect(page.get_by_role("tab", name=label)).to_be_in_viewport()
        expect(page.locator("#na-summary")).to_contain_text(f"{len(ui_server['engine'].articles())} articles")

        # speakers: people only, with counts; a timeline grouped by day, newest first, with a numbered chart
        tab(page, "Speakers")
        people = page.locator("#speaker-quotes .na-chip[data-person]")
        expect(people.first).to_be_visible()
        listed = people.all_inner_texts()
        assert any("Orla Fennimore" in p for p in listed) and not any("Kremlin" in p for p in listed)
        shot(page, f"speakers-list-{name}")
        people.filter(has_text="Orla Fennimore").click()
        timeline = page.locator("#speaker-quotes .na-timeline")
        expect(timeline.locator("h3")).to_have_text("Orla Fennimore")
        days = timeline.locator(".na-day h4 time").all_inner_texts()
        assert days == ["2 Dec 2023", "14 Nov 2023"]
        assert timeline.locator(".na-bar-n").all_inner_texts() == ["2", "2"]  # 14 Nov, 2 Dec: numbers on the bars
        assert quote_kinds_are_honest(page, "#speaker-quotes") == 4
        assert timeline.locator(".na-reported").count() == 2
        expect(page.locator("#speaker-name input")).to_have_value("Orla Fennimore \u00b7 4")
        last = timeline.locator("a.na-open").last
        last.scroll_into_view_if_needed()
        before = page.evaluate("window.scrollY")
        last.click()
        expect(page.locator("#speakers-source mark#quote-mark")).to_be_in_viewport()
        if size == "desktop":  # the page does not jump away from the list
            assert abs(page.evaluate("window.scrollY") - before) < 200
        shot(page, f"speakers-{name}")
        page.locator("#speakers-source .na-back").click()
        expect(last).to_be_in_viewport()

        # articles: a table that reads on a phone, an article beside it (a sheet on a phone)
        tab(page, "Articles")
        table = page.locator("#articles-table table")
        expect(table).to_contain_text("Harbour town votes")
        assert letter_wrapped_cells(page) == []
        page.fill("#articles-table .na-filter", "ferry")
        expect(page.locator("#articles-table tbody tr:visible")).to_have_count(1)
        page.fill("#articles-table .na-filter", "")
        shot(page, f"articles-{name}")
        page.locator("#articles-table a.na-open-article", has_text="Ferry timetable").click()
        expect(page.locator("#articles-source h3")).to_have_text("Ferry timetable changes after storm damage")
        expect(page.locator("#article-delete")).to_be_visible()
        shot(page, f"articles-open-{name}")
        if size == "phone":
            page.locator("#articles-source .na-close").click()

        # evaluate: what was checked and what was not, every metric with its number, readable cases
        tab(page, "Evaluate")
        expect(page.locator("#eval-selected")).to_contain_text("tiny.jsonl")
        page.click("#eval-run")
        expect(page.locator("#eval-status")).to_contain_text("/3 passed", timeout=120_000)
        expect(page.locator("#eval-status .na-not-checked")).to_contain_text("expected quotes")
        values = page.locator("#eval-metrics .na-metric-value").all_inner_texts()
        assert values and all(0 <= float(v) <= 1 for v in values)
        expect(page.locator("#eval-cases table")).to_contain_text("atlantis")
        assert letter_wrapped_cells(page) == []
        shot(page, f"evaluate-{name}", full=True)


def test_evaluate_explains_the_format_and_runs_one_test_set_at_a_time(browser, ui_server, tmp_path: Path) -> None:
    testset = tmp_path / "mine.jsonl"
    testset.write_text('{"id": "fen", "question": "What did Orla Fennimore say?", "speaker": "Orla Fennimore"}\n',
                       encoding="utf-8")
    with open_page(browser, ui_server["url"]) as page:
        tab(page, "Evaluate")
        page.locator("#eval-help").click()
        expect(page.locator("#eval-help")).to_contain_text("answerable")
        expect(page.locator("#eval-sample")).to_be_visible()
        page.locator("#eval-upload input[type=file]").set_input_files(str(testset))
        expect(page.locator("#eval-selected")).to_contain_text("uploaded file mine.jsonl")
        expect(page.locator("#eval-choice input")).to_have_value("")  # the listed choice is cleared
        page.click("#eval-run")
        expect(page.locator("#eval-status")).to_contain_text("/1 passed on mine.jsonl", timeout=120_000)
        expect(page.locator("#eval-status .na-not-checked")).to_contain_text("expected quotes")


def upload(page, path: Path, text: str) -> None:
    """Upload one article file in the Articles tab and wait for its report."""
    path.write_text(text, encoding="utf-8")
    tab(page, "Articles")
    page.locator("#add-articles").click()
    page.locator("#upload-files input[type=file]").set_input_files(str(path))
    # Gradio shows the name as two spans (stem, extension), which may read as "hostile .txt"
    expect(page.locator("#upload-files")).to_contain_text(re.compile(rf"{re.escape(path.stem)}\s*{re.escape(path.suffix)}"))
    page.click("#upload-index")
    expect(page.locator("#index-status")).to_contain_text("1 added")


def test_an_article_added_then_deleted_disappears_everywhere(browser, ui_server, tmp_path: Path) -> None:
    count = len(ui_server["engine"].articles())
    with open_page(browser, ui_server["url"]) as page:
        upload(page, tmp_path / "canal.md", CANAL)
        expect(page.locator("#articles-table")).to_contain_text("Canal reopens")
        expect(page.locator("#na-summary")).to_contain_text(f"{count + 1} articles")
        tab(page, "Chat")
        ask(page, "What did Tamsin Oduya say?")
        turn = page.locator("#chat-log .na-turn").last
        expect(turn.locator(".na-sources")).to_contain_text("Canal reopens")
        tab(page, "Speakers")
        expect(page.locator("#speaker-quotes")).to_contain_text("Tamsin Oduya")

        tab(page, "Articles")
        page.locator("#articles-table a.na-open-article", has_text="Canal reopens").click()
        page.click("#article-delete")
        expect(page.locator("#article-confirm")).to_contain_text("Canal reopens")
        page.click("#article-delete-no")  # keep it, then really delete it
        expect(page.locator("#articles-table")).to_contain_text("Canal reopens")
        page.click("#article-delete")
        page.click("#article-delete-yes")
        expect(page.locator("#index-status")).to_contain_text("Deleted")
        expect(page.locator("#articles-table")).not_to_contain_text("Canal reopens")
        expect(page.locator("#na-summary")).to_contain_text(f"{count} articles")
        expect(page.locator("#articles-source")).not_to_contain_text("Canal reopens")
        tab(page, "Speakers")
        expect(page.locator("#speaker-quotes")).not_to_contain_text("Tamsin Oduya")
        page.locator("#speaker-name input").click()
        expect(page.get_by_role("option", name="Tamsin Oduya \u00b7 1")).to_have_count(0)
        tab(page, "Chat")
        turn = page.locator("#chat-log .na-turn").last
        expect(turn).to_contain_text("deleted from the index")
        expect(turn.locator("a.na-cite")).to_have_count(0)
        assert "Canal reopens" not in turn.inner_text()
        page.reload()
        page.locator("#chat-log .na-turn").first.wait_for()
        expect(page.locator("#chat-log .na-turn").last).to_contain_text("deleted from the index")


def test_an_exe_upload_is_refused_with_its_name_and_nothing_is_kept(browser, ui_server, tmp_path: Path) -> None:
    exe = tmp_path / "setup.exe"
    exe.write_bytes(b"MZ\x90\x00")
    with open_page(browser, ui_server["url"]) as page:
        tab(page, "Articles")
        page.locator("#add-articles").click()
        page.locator("#upload-files input[type=file]").set_input_files(str(exe))
        expect(page.get_by_text("setup.exe").first).to_be_visible()
        expect(page.locator("body")).to_contain_text(".txt")
        assert not (ui_server["home"] / "uploads" / "setup.exe").exists()


def test_the_address_box_adds_from_the_web_or_says_why_not(browser, ui_server, tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(CANAL.replace("canal", "river"), encoding="utf-8")
    handler = lambda *a, **kw: http.server.SimpleHTTPRequestHandler(*a, directory=str(tmp_path), **kw)  # noqa: E731
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        with open_page(browser, ui_server["url"]) as page:
            tab(page, "Articles")
            page.locator("#add-articles").click()
            page.fill("#add-url textarea", str(tmp_path / "story.txt"))
            page.click("#add-url-btn")
            expect(page.locator("#index-status .na-error")).to_contain_text("web address")
            page.fill("#add-url textarea", f"http://127.0.0.1:{httpd.server_address[1]}/story.txt")
            page.click("#add-url-btn")
            status = page.locator("#index-status p").first
            expect(status).to_contain_text("added")  # a report: added, or not added with the reason
            assert "Traceback" not in page.locator("#index-status").inner_text()
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_hostile_article_is_shown_as_text(browser, ui_server, tmp_path: Path) -> None:
    with open_page(browser, ui_server["url"]) as page:
        upload(page, tmp_path / "hostile.txt", HOSTILE)
        expect(page.locator("#articles-table")).to_contain_text("<script>alert(1)</script>")
        page.locator("#articles-table a.na-open-article", has_text="Hostile headline").click()
        view = page.locator("#articles-source .na-article-text")
        expect(view).to_contain_text("<img src=x onerror=alert(1)>")
        assert page.locator("#articles-source img, #articles-source script, #articles-source iframe, "
                            "#articles-source .na-article-text b").count() == 0
        shot(page, "articles-hostile", full=True)
        tab(page, "Chat")
        ask(page, "What did Quill Varnado say?")
        answer = page.locator("#chat-log .na-answer").last
        expect(answer).to_contain_text("We will not be scripted")
        assert answer.locator("img, script, iframe").count() == 0
        answer.locator(".na-prose a.na-cite").first.click()
        page.locator("#chat-source mark#quote-mark").wait_for()
        assert "<img src=x onerror=alert(1)>" in page.inner_text("#chat-source")
        page.wait_for_timeout(500)  # give any injected handler the chance to fire a dialog
        tab(page, "Articles")
        page.locator("#articles-table a.na-open-article", has_text="Hostile headline").click()
        page.click("#article-delete")
        page.click("#article-delete-yes")
        expect(page.locator("#articles-table")).not_to_contain_text("Hostile headline")
