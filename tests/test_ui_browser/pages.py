"""What the browser tests share: pages in the light and dark colour schemes at desktop (1280x900) and phone
(390x844) sizes, a few actions, and measurements made on the rendered page.

Every page records the URL of every request and fails if one leaves the machine; any JavaScript dialog or
page-script error fails the test too.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import Browser, Page, expect

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "corpus" / "000_863afebc424a52ba.txt"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
TIMEOUT = 60_000
SIZES = {"desktop": (1280, 900), "phone": (390, 844)}
CONFIGS = [("light", "desktop"), ("dark", "desktop"), ("light", "phone"), ("dark", "phone")]
CONFIG_IDS = [f"{s}-{z}" for s, z in CONFIGS]
expect.set_options(timeout=TIMEOUT)

# Invented articles (dates and outlets in front matter): a person quoted directly and in reported speech.
LIGHTHOUSE = """---
title: Harbour town votes to restore the old lighthouse
source: Wendle Gazette
published: 2023-11-14
---
The council of Port Wendle voted on Tuesday to restore its disused lighthouse, ending a decade of debate.
"This light guided our grandparents home, and it will guide our grandchildren too," said Orla Fennimore, \
the chair of the lighthouse trust.
Fennimore said that the restoration would take two years and would be paid for by a local bond.
"""
FERRY = """---
title: Ferry timetable changes after storm damage
source: Wendle Gazette
published: 2023-12-02
---
Storm damage to the north pier has forced the ferry company to change its winter timetable.
"We will run fewer crossings until the pier is repaired, but nobody will be stranded," said Orla Fennimore, \
who also chairs the harbour users' group.
Fennimore said that the harbour board had approved emergency repairs.
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_ui(engine, settings, *, corpus: Path | None = None, testsets: Path | None = None):
    """Serve the UI over ``engine`` on a free loopback port; returns (demo, url)."""
    from ui.app import build_app, launch

    demo = build_app(engine, corpus_dir=corpus, testset_dirs=[testsets] if testsets else [])
    port = free_port()
    launch(demo, settings, port=port, prevent_thread_lock=True, quiet=True)
    return demo, f"http://127.0.0.1:{port}/"


@contextmanager
def open_page(browser: Browser, url: str, scheme: str = "light", size: str = "desktop") -> Iterator[Page]:
    """A fresh browser context (its own storage) on ``url``; checks requests and dialogs when closed."""
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme,
                                  is_mobile=size == "phone", has_touch=size == "phone")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url.rstrip("/"))
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    requests: list[str] = []
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.locator("#chat-log .na-log").wait_for()
    try:
        yield page
    finally:
        context.close()
    assert dialogs == [], f"a JavaScript dialog fired: {dialogs}"
    assert errors == [], f"the page script failed: {errors}"
    remote = sorted({u for u in requests if urlparse(u).scheme in {"http", "https", "ws", "wss"}
                     and urlparse(u).hostname not in LOCAL_HOSTS})
    assert remote == [], f"the page loaded resources from outside the machine: {remote[:5]}"
    assert requests, "no request was recorded at all"


def shot(page: Page, name: str, *, full: bool = False) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"ui-{name}.png"), full_page=full)


def tab(page: Page, name: str) -> None:
    page.get_by_role("tab", name=name).click()


def ask(page: Page, question: str) -> None:
    """Ask in the chat and wait until the answer has landed in the conversation."""
    before = page.locator("#chat-log .na-turn").count()
    page.fill("#chat-input textarea", question)
    page.press("#chat-input textarea", "Enter")
    page.wait_for_function(
        "n => document.querySelectorAll('#chat-log .na-turn').length > n"
        " && !document.querySelector('#chat-live .na-live')", arg=before)


def rgb(css: str) -> tuple[float, float, float, float]:
    parts = css[css.index("(") + 1 : css.index(")")].replace("/", ",").split(",")
    values = [float(p) for p in parts if p.strip()]
    return values[0], values[1], values[2], values[3] if len(values) > 3 else 1.0


def luminance(color: tuple[float, float, float, float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b, _ = color
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def rendered_contrast(page: Page, selector: str) -> float:
    """WCAG contrast ratio of an element's text colour against its rendered background (alpha composited
    over the backgrounds behind it)."""
    colors = page.evaluate("""sel => {
      const el = document.querySelector(sel);
      const layers = [];
      for (let n = el; n; n = n.parentElement) layers.push(getComputedStyle(n).backgroundColor);
      layers.push(getComputedStyle(document.body).backgroundColor);
      return {fg: getComputedStyle(el).color, layers};
    }""", selector)
    bg = (255.0, 255.0, 255.0, 1.0) if page.evaluate("matchMedia('(prefers-color-scheme: light)').matches") \
        else (0.0, 0.0, 0.0, 1.0)
    for layer in reversed(colors["layers"]):
        r, g, b, a = rgb(layer)
        bg = (r * a + bg[0] * (1 - a), g * a + bg[1] * (1 - a), b * a + bg[2] * (1 - a), 1.0)
    fg = rgb(colors["fg"])
    fg = (fg[0] * fg[3] + bg[0] * (1 - fg[3]), fg[1] * fg[3] + bg[1] * (1 - fg[3]), fg[2] * fg[3] + bg[2] * (1 - fg[3]),
          1.0)
    hi, lo = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def letter_wrapped_cells(page: Page) -> list[str]:
    """Words (2-14 letters) wider than the table cell showing them: what wraps letter by letter."""
    return page.evaluate("""() => {
      const g = document.createElement('canvas').getContext('2d');
      const bad = [];
      for (const cell of document.querySelectorAll('table td, table th')) {
        if (!cell.offsetParent) continue;
        const cs = getComputedStyle(cell);
        g.font = cs.font;
        const room = cell.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
        for (const w of cell.innerText.split(/\\s+/)) {
          if (w.length >= 2 && w.length <= 14 && g.measureText(w).width > room + 1) bad.push(`${w} (${room}px)`);
        }
      }
      return bad;
    }""")


QUOTE_MARKS = "\"\u201c\u201d\u00ab\u00bb"


def quote_kinds_are_honest(page: Page, scope: str) -> int:
    """Direct quotes shown in quotation marks, reported speech labelled and without them; the number checked."""
    direct = page.locator(f"{scope} .na-direct").all_inner_texts()
    reported = page.locator(f"{scope} .na-reported .na-words").all_inner_texts()
    labels = page.locator(f"{scope} .na-reported .na-badge").all_inner_texts()
    for text in direct:
        text = text.strip()
        assert not text or (text[0] == "\u201c" and text[-1] == "\u201d"), text
    for text in reported:  # words the article quotes inside its report may keep their marks; none around it
        text = text.strip()
        assert text and text[0] not in QUOTE_MARKS and text[-1] not in QUOTE_MARKS, text
    assert all(label == "article's report" for label in labels) and len(labels) == len(reported)
    return len(direct) + len(reported)


__all__ = ["ARGS", "ARTIFACTS", "CHROMIUM", "CONFIGS", "CONFIG_IDS", "FERRY", "LIGHTHOUSE", "SEED", "ask",
           "letter_wrapped_cells", "open_page", "quote_kinds_are_honest", "rendered_contrast", "shot", "start_ui",
           "tab"]
