"""Fixtures of the browser tests: one UI server over the real encoder, and Debian chromium (a missing browser
is a failure, not a skip)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from pages import ARGS, CHROMIUM, FERRY, LIGHTHOUSE, SEED, start_ui
from playwright.sync_api import Browser


@pytest.fixture(scope="session")
def ui_server(tmp_path_factory: pytest.TempPathFactory, real_encoder) -> Iterator[dict]:
    """The seed article and two invented ones, real encoder, a three-case test set."""
    import json

    from assistant.engine import Engine
    from index.settings import Settings

    home = tmp_path_factory.mktemp("ui-home")
    corpus = tmp_path_factory.mktemp("ui-corpus")
    shutil.copy(SEED, corpus / SEED.name)
    (corpus / "lighthouse.md").write_text(LIGHTHOUSE, encoding="utf-8")
    (corpus / "ferry.md").write_text(FERRY, encoding="utf-8")
    testsets = tmp_path_factory.mktemp("ui-testsets")
    settings = Settings(home=str(home))
    engine = Engine(settings, encoder=real_encoder)
    report = engine.index([corpus])
    assert report.added == 3 and not report.rejected
    seed_id = next(r["id"] for r in engine.articles() if "Kremlin" in r["title"])
    cases = [
        {"id": "peskov", "question": "What did Peskov say?", "sources": [seed_id], "tags": ["speaker"]},
        {"id": "meeting", "question": "Has Russia received a formal request for a meeting?",
         "sources": [seed_id], "tags": ["fact"]},
        {"id": "atlantis", "question": "What did the mayor of Atlantis say about submarine tariffs?",
         "answerable": False, "tags": ["unanswerable"]},
    ]
    (testsets / "tiny.jsonl").write_text("\n".join(json.dumps(c) for c in cases) + "\n", encoding="utf-8")
    demo, url = start_ui(engine, settings, corpus=corpus, testsets=testsets)
    try:
        yield {"url": url, "engine": engine, "home": home, "corpus": corpus}
    finally:
        demo.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"the browser tests need Debian chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield b
        finally:
            b.close()
