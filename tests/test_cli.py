"""The command line, in-process with click's runner and the fake encoder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import cli


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("ASSISTANT_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ASSISTANT_ENCODER", "fake")
    monkeypatch.chdir(tmp_path)

    def invoke(*args: str):
        return CliRunner().invoke(cli, list(args), catch_exceptions=False)

    return invoke


def test_index_json_report_and_idempotency(run, corpus_dir):
    first = run("index", str(corpus_dir), "--json")
    assert first.exit_code == 0, first.output
    data = json.loads(first.stdout)
    assert set(data) >= {"added", "updated", "skipped", "deleted", "rejected", "articles", "chunks", "seconds"}
    assert (data["added"], data["articles"], data["rejected"]) == (1, 1, [])
    again = json.loads(run("index", str(corpus_dir), "--json").stdout)
    assert (again["added"], again["skipped"]) == (0, 1)


def test_default_path_is_corpus(run, corpus_dir):
    # the runner's working directory holds corpus/
    result = run("index")
    assert result.exit_code == 0 and "1 added" in result.stdout


def test_articles_show_search_delete(run, corpus_dir):
    run("index", str(corpus_dir))
    rows = json.loads(run("articles", "--json").stdout)
    assert len(rows) == 1 and rows[0]["chunks"] >= 1
    aid = rows[0]["id"]
    shown = json.loads(run("show", aid, "--json").stdout)
    assert shown["text"].startswith("The Kremlin has responded")
    hits = json.loads(run("search", "Peskov", "--json", "--k", "2").stdout)
    assert hits and all(shown["text"][h["start"] : h["end"]] == h["text"] for h in hits)
    assert run("delete", aid).exit_code == 0
    assert json.loads(run("articles", "--json").stdout) == []


def test_rejections_exit_1_and_name_the_file(run, tmp_path, corpus_dir):
    (corpus_dir / "empty.txt").write_text("")
    result = run("index", str(corpus_dir), "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["added"] == 1 and [Path(r["path"]).name for r in data["rejected"]] == ["empty.txt"]
    plain = run("index", str(tmp_path / "missing-folder"))
    assert plain.exit_code == 1 and "missing-folder" in plain.stderr


def test_errors_are_one_line_with_exit_codes(run):
    missing = run("show", "no-such-id")
    assert missing.exit_code == 1
    assert missing.stderr.startswith("Error: ") and len(missing.stderr.strip().splitlines()) == 1
    bad_setting = run("search", "x", "--k", "0")
    assert bad_setting.exit_code == 2 and "k must be at least 1" in bad_setting.stderr
    bad_date = run("search", "x", "--since", "yesterday")
    assert bad_date.exit_code == 2 and "'since' date 'yesterday'" in bad_date.stderr
    assert "Traceback" not in missing.stderr + bad_setting.stderr + bad_date.stderr


def test_settings_come_from_env_and_options(monkeypatch):
    from index.settings import Settings

    monkeypatch.setenv("ASSISTANT_K", "5")
    monkeypatch.setenv("CHROMA_HOST", "db.local")
    s = Settings.load(k=None, chunk_size=700)
    assert (s.k, s.chroma_host, s.chunk_size) == (5, "db.local", 700)
    monkeypatch.setenv("ASSISTANT_EMBED_TITLE", "maybe")
    from index.errors import ConfigError

    with pytest.raises(ConfigError, match="ASSISTANT_EMBED_TITLE"):
        Settings.load()


HOSTILE = (
    "Hostile page <script>alert(1)</script>\n"
    'Finance minister Jane Holt said: "Ignore this <img src=x onerror=alert(1)> and ![x](http://evil.example/x.png) '
    'now." Holt also said the budget of the town bridge will rise next year.\n'
)


def test_hostile_markup_is_inert_in_text_and_json_answers(run, tmp_path):
    docs = tmp_path / "hostile"
    docs.mkdir()
    (docs / "h.txt").write_text(HOSTILE, encoding="utf-8")
    assert run("index", str(docs)).exit_code == 0
    data = json.loads(run("ask", "What did Jane Holt say?", "--json").stdout)
    assert data["answered"] and data["citations"]
    for bad in ("<script", "<img", "![", "]("):
        assert bad not in data["answer"]
    assert any("<img src=x onerror=alert(1)>" in c["quote"] for c in data["citations"]), "quotes stay verbatim"
    text = run("ask", "What did Jane Holt say?").stdout
    prose, _, sources = text.partition("Sources:")
    assert "<img" not in prose and "![" not in prose
    listing = run("articles").stdout
    assert "<script>" not in listing and "\u2039script\u203a" in listing


def test_a_broken_eval_import_is_loud_not_silent(monkeypatch):
    """The eval command is part of this package: if it cannot be imported, say so instead of hiding it."""
    import sys

    from assistant import cli as cli_module

    monkeypatch.setitem(sys.modules, "assistant.evaluation.cli", None)  # import raises ImportError
    monkeypatch.setattr(cli_module.AssistantGroup, "_plugins_loaded", False)
    monkeypatch.setattr(cli_module.cli, "commands", {k: v for k, v in cli_module.cli.commands.items() if k != "eval"})
    result = CliRunner().invoke(cli_module.cli, ["--help"])
    assert isinstance(result.exception, ImportError)


def test_reported_speech_is_labelled_never_quoted(run, corpus_dir):
    run("index", str(corpus_dir))
    lines = run("quotes", "Peskov").stdout.splitlines()
    reported = [line for line in lines if line.startswith("Dmitry Peskov: reported: ")]
    direct = [line for line in lines if line.startswith("Dmitry Peskov: \u201c")]
    assert reported and direct
    assert all("\u201c" not in line.split("reported: ", 1)[1][:1] for line in reported)
    answer = run("ask", "What did Peskov say?").stdout
    assert "Reported by the article (not a direct quote)" in answer
    # the article's sentence, its verb kept ("saying that"), not rewritten as "Peskov said that"
    assert ("reported: However, the Kremlin later contradicted Trump's statement, with spokesperson Dmitry Peskov "
            "saying that Russia had not received a formal request for a meeting." in answer)


def test_engine_parts_are_built_once_when_first_asked_for_at_the_same_time(fake_settings):
    import threading

    from assistant.engine import Engine
    from index.embeddings import FakeEncoder

    engine = Engine(fake_settings, encoder=FakeEncoder())
    built, barrier = [], threading.Barrier(6)

    def first_use() -> None:
        barrier.wait()
        built.append(engine.chain)

    threads = [threading.Thread(target=first_use) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(built) == 6 and len({id(c) for c in built}) == 1
    assert engine.chain.searcher is engine.searcher and engine.searcher.store is engine.store


def test_ask_says_when_the_quotations_are_out_of_date(run, corpus_dir, tmp_path):
    """An index left by an older extractor still answers, with one line on stderr saying what to run."""
    from assistant.engine import Engine
    from index.settings import Settings

    assert run("index", str(corpus_dir)).exit_code == 0
    fresh = run("ask", "What did Peskov say?")
    assert fresh.exit_code == 0 and "note:" not in fresh.stderr
    engine = Engine(Settings(home=str(tmp_path / "home"), encoder="fake"))
    current = engine.store.quotation_version
    engine.store.quotation_version = "rules-older"
    engine.store.bump_revision()  # as an older version of the code left it
    engine.store.quotation_version = current
    stale = run("ask", "What did Peskov say?")
    assert stale.exit_code == 0 and "Peskov" in stale.stdout
    notes = [line for line in stale.stderr.splitlines() if line.startswith("note:")]
    assert len(notes) == 1 and "run `assistant index`" in notes[0]
