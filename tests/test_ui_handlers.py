"""The web UI's handlers and HTML rendering, without a browser, over the fake encoder."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import assistant.cli  # noqa: F401 - first, so that its plugin loading imports ui.cli completely
from assistant.engine import Engine
from assistant.filters import Filters
from assistant.schema import Answer, Citation
from index.embeddings import FakeEncoder
from index.errors import UsageError
from index.settings import Settings
from ui import handlers, render

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "000_863afebc424a52ba.txt"
HOSTILE = "<script>alert(1)</script> Bad <img src=x onerror=alert(1)> title\n\n" \
    "Body with <iframe src=x></iframe> and \"It is <b>safe</b>,\" said Ada Quorn, a spokesperson.\n"


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / SEED.name)
    e = Engine(Settings(home=str(tmp_path / "home"), encoder="fake", max_upload_mb=0.01), encoder=FakeEncoder())
    report = e.index([corpus])
    assert report.added == 1
    return e


def _no_live_markup(fragment: str) -> None:
    """No tag an attacker could use survives: every '<' of article text arrives escaped."""
    assert not re.search(r"<\s*(script|img|iframe)\b|<b>", fragment, re.I), fragment


def _citation(**kw) -> Citation:
    base = dict(n=1, article_id="a-1", title="T", source="S", url="", published="2024-01-02",
                quote="q", start=0, end=1, speaker="")
    return Citation(**{**base, **kw})


# --- render ---------------------------------------------------------------------------------


def test_article_html_escapes_everything_and_marks_the_span() -> None:
    text = HOSTILE
    start = text.index("It is")
    end = text.index(",\" said")
    out = render.article_html({"title": "<script>x</script>", "source": "<b>O</b>", "text": text}, start, end)
    _no_live_markup(out)
    marked = re.search(rf"<mark id='{render.MARK_ID}'>(.*?)</mark>", out, re.S)
    assert marked and html.unescape(marked.group(1)) == text[start:end]
    assert html.unescape(re.sub(r"<[^>]+>", "", out.split("na-article-text'>", 1)[1])).startswith(text[:20])


def test_article_html_ignores_a_span_outside_the_text() -> None:
    out = render.article_html({"title": "t", "text": "short"}, 2, 99)
    assert "<mark" not in out and "short" in out


def test_answer_html_links_known_markers_and_escapes_quotes() -> None:
    c1 = _citation(n=1, quote="<img src=x onerror=alert(1)>", speaker="<b>Eve</b>", title="<script>t</script>")
    answer = Answer(question="q", standalone_question="q", answered=True,
                    answer="Eve said <x> [1] and [7].", citations=[c1])
    out = render.answer_html(answer)
    _no_live_markup(out)
    assert out.count("href='#open:chat:a-1:0:1'") == 2  # the marker in the prose and the quote's number
    assert "[7]" in out and "#open:chat:a-1:0:1'>[7]" not in out  # unknown markers stay plain text
    assert "&lt;img src=x onerror=alert(1)&gt;" in out


def test_stream_answer_grows_and_ends_with_the_full_answer() -> None:
    answer = Answer(question="q", standalone_question="q", answered=True,
                    answer=" ".join(f"w{i}" for i in range(20)) + " [1]", citations=[_citation()])
    steps = list(render.stream_answer(answer, words_per_step=5))
    assert len(steps) >= 4
    lengths = [len(re.sub(r"<[^>]+>", "", s)) for s in steps[:-1]]
    assert lengths == sorted(lengths)
    assert steps[-1] == render.answer_html(answer)


@pytest.mark.parametrize("value", ["", "#open:chat", "#open:chat:a b:1:2", "#open:chat:a:x:2", "#open:chat:a:5:2",
                                   "#other:chat:a:1:2", "#open:chat:../x:1:2"])
def test_parse_link_rejects_malformed_keys(value: str) -> None:
    assert render.parse_link(value) is None


def test_source_link_round_trips() -> None:
    link = render.source_link("chat", "abc-123", 4, 9)
    assert render.parse_link(link) == ("abc-123", 4, 9)
    assert render.source_link("chat", "bad id'", 1, 2) == "#"


def test_hide_paths_keeps_only_basenames() -> None:
    msg = "/home/user/data/uploads/x.txt: duplicate article (same id as a.txt in /srv/corpus/sub)"
    out = render.hide_paths(msg)
    assert "/home" not in out and "/srv" not in out
    assert out.startswith("x.txt:") and "sub)" in out


# --- chat -----------------------------------------------------------------------------------


def test_chat_streams_then_keeps_history(engine: Engine) -> None:
    steps = list(handlers.chat(engine, "What did Peskov say?", [], [], [], "", ""))
    assert len(steps) >= 3  # the question, at least one partial answer, the final answer
    first_messages, _, box = steps[0]
    assert box == "" and first_messages[0]["role"] == "user"
    messages, turns, _ = steps[-1]
    assert [m["role"] for m in messages] == ["user", "assistant"]
    final = messages[-1]["content"]
    assert "na-quote" in final and "#open:chat:" in final
    assert len(turns) == 1 and turns[0][0] == "What did Peskov say?" and turns[0][1]
    # a follow-up is asked with the history and appended to it
    steps = list(handlers.chat(engine, "What else did he say?", messages, turns, [], "", ""))
    messages2, turns2, _ = steps[-1]
    assert len(messages2) == 4 and len(turns2) == 2 and turns2[0] == turns[0]


def test_chat_passes_history_and_filters_to_the_engine(engine: Engine, monkeypatch) -> None:
    seen = {}
    real = engine.ask

    def spy(question, history=None, **kw):
        seen.update(question=question, history=history, filters=kw.get("filters"))
        return real(question, history, **kw)

    monkeypatch.setattr(engine, "ask", spy)
    list(handlers.chat(engine, "And then?", [], [("Q1", "A1")], ["Newsweek"], "2024-01-01", "2024-12-31"))
    assert seen["history"] == [("Q1", "A1")]
    assert seen["filters"].sources == ("Newsweek",) and seen["filters"].since == "2024-01-01"


def test_chat_shows_a_bad_date_as_a_message(engine: Engine) -> None:
    messages, turns, _ = list(handlers.chat(engine, "What did Peskov say?", [], [], [], "last week", ""))[-1]
    assert "na-error" in messages[-1]["content"] and "since" in messages[-1]["content"].lower()
    assert turns == []


def test_chat_ignores_an_empty_message(engine: Engine) -> None:
    assert list(handlers.chat(engine, "   ", [], [], [], "", "")) == [([], [], "")]


def test_make_filters_validates_dates() -> None:
    with pytest.raises(UsageError):
        Filters.from_options([], "", "2024-13-45")
    f = Filters.from_options("Reuters", " 2024-01-01 ", "")
    assert f.sources == ("Reuters",) and f.since == "2024-01-01"


def test_open_source_highlights_the_cited_span(engine: Engine) -> None:
    answer = engine.ask("What did Peskov say?")
    c = answer.citations[0]
    out = handlers.open_source(engine, render.source_link("chat", c.article_id, c.start, c.end))
    marked = re.search(rf"<mark id='{render.MARK_ID}'>(.*?)</mark>", out, re.S)
    assert marked and html.unescape(marked.group(1)) == c.quote
    assert "na-error" in handlers.open_source(engine, "#open:chat:no-such-article:1:2")
    assert "na-error" in handlers.open_source(engine, "garbage")
    assert "na-error" in handlers.open_source(engine, f"#open:chat:{c.article_id}:0:99999999")


def test_clear_chat_empties_everything() -> None:
    assert handlers.clear_chat() == ([], [], "", "")


def test_example_questions_come_from_the_index(engine: Engine) -> None:
    questions = handlers.example_questions(engine)
    top = engine.speakers()[0].name
    assert questions and questions[0] == f"What did {top} say?"
    assert len(questions) <= 4


# --- speakers -------------------------------------------------------------------------------


def test_speaker_quotes_newest_first_and_escaped(engine: Engine, tmp_path: Path) -> None:
    name = engine.speakers()[0].name
    out = handlers.speaker_quotes(engine, name.split()[-1])
    assert out.count("na-quote") == len(engine.quotes(name.split()[-1]))
    assert "#open:speakers:" in out
    assert "No quotes" in handlers.speaker_quotes(engine, "Nobody Atall")
    assert "Pick" in handlers.speaker_quotes(engine, "")
    assert handlers.speaker_choices(engine)[0] == name


# --- articles -------------------------------------------------------------------------------


def test_articles_table_and_choices_show_no_paths(engine: Engine) -> None:
    rows = handlers.articles_table(engine)
    assert len(rows) == 1 and len(rows[0]) == len(handlers.ARTICLE_COLUMNS)
    assert not any(str(engine.settings.home_path) in str(cell) for cell in rows[0])
    label, value = handlers.article_choices(engine)[0]
    assert value == rows[0][4] and label


def test_upload_copies_into_home_uploads_and_indexes(engine: Engine, tmp_path: Path) -> None:
    src_dir = tmp_path / "gradio-cache" / "abc"
    src_dir.mkdir(parents=True)
    good = src_dir / "My Hostile Story!.txt"
    good.write_text(HOSTILE, encoding="utf-8")
    bad_type = src_dir / "photo.png"
    bad_type.write_bytes(b"\x89PNG....")
    too_big = src_dir / "huge.txt"
    too_big.write_text("x" * 20_000, encoding="utf-8")  # the fixture caps uploads at 0.01 MiB
    progress: list[float] = []
    status = handlers.upload_and_index(engine, [str(good), str(bad_type), str(too_big)],
                                       progress=lambda f, d: progress.append(f))
    uploads = engine.settings.home_path / "uploads"
    assert sorted(p.name for p in uploads.iterdir()) == ["My_Hostile_Story.txt"]
    assert "1 added" in status and "photo.png" in status and "huge.txt" in status and "2 rejected" in status
    assert str(tmp_path) not in status and progress and progress[-1] == 1.0
    assert len(engine.articles()) == 2
    hostile = next(r for r in engine.articles() if "Bad" in r["title"])
    _no_live_markup(handlers.show_article(engine, hostile["id"]))
    _no_live_markup(status)


def test_upload_rejections_from_the_loader_are_readable(engine: Engine, tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("   \n", encoding="utf-8")
    status = handlers.upload_and_index(engine, [str(empty)])
    assert "empty.md" in status and "empty" in status.split("empty.md", 1)[1]
    assert str(tmp_path) not in status
    assert "Choose" in handlers.upload_and_index(engine, [])


@pytest.mark.parametrize("name,expected", [
    ("report.TXT", "report.txt"), ("../../etc/passwd", "passwd"), ("a b<c>.json", "a_b_c.json"),
    (".hidden.md", "hidden.md"), ("C:\\Users\\x\\news.jsonl", "news.jsonl"), ("...", "upload"),
])
def test_safe_name(name: str, expected: str) -> None:
    assert handlers.safe_name(name) == expected


def test_delete_and_show_article(engine: Engine) -> None:
    aid = engine.articles()[0]["id"]
    assert "na-article-text" in handlers.show_article(engine, aid)
    assert "na-error" in handlers.show_article(engine, "no-such-id")
    assert "Deleted" in handlers.delete_article(engine, aid)
    assert engine.articles() == []
    assert "na-error" in handlers.delete_article(engine, aid)
    assert "na-error" in handlers.delete_article(engine, None)


def test_reindex_reports_and_hides_the_folder_path(engine: Engine, tmp_path: Path) -> None:
    status = handlers.reindex(engine, tmp_path / "corpus")
    assert "1 unchanged" in status
    missing = handlers.reindex(engine, tmp_path / "nope")
    assert "na-error" in missing and str(tmp_path) not in missing


# --- evaluation -----------------------------------------------------------------------------


def _testset(folder: Path, engine: Engine) -> Path:
    aid = engine.articles()[0]["id"]
    cases = [
        {"id": "p", "question": "What did Peskov say?", "sources": [aid]},
        {"id": "x", "question": "What did the mayor of Atlantis say about tariffs?", "answerable": False},
    ]
    path = folder / "small.jsonl"
    path.write_text("\n".join(json.dumps(c) for c in cases), encoding="utf-8")
    return path


def test_run_evaluation_from_a_choice(engine: Engine, tmp_path: Path) -> None:
    _testset(tmp_path, engine)
    choices = handlers.testset_choices([tmp_path, tmp_path / "missing"])
    assert list(choices) == ["small.jsonl"]
    progress: list[float] = []
    out = handlers.run_evaluation(engine, "small.jsonl", None, choices, progress=lambda f, d: progress.append(f),
                                  out_dir=tmp_path / "out")
    assert progress == [0.5, 1.0]
    assert "/2 passed" in out.status and str(tmp_path) not in out.status
    assert out.metrics[0] == ["cases", "2", ""]
    assert [r[0] for r in out.cases] in (["p", "x"], ["x", "p"])
    assert [r[1] for r in out.cases] == sorted((r[1] for r in out.cases), key=lambda v: v != "FAIL")
    data = json.loads(Path(out.report_path).read_text(encoding="utf-8"))
    assert data["summary"]["n"] == 2 and len(data["cases"]) == 2
    assert "<img src='data:image/png;base64," in out.charts_html


def test_run_evaluation_from_an_upload_and_bad_inputs(engine: Engine, tmp_path: Path) -> None:
    path = _testset(tmp_path, engine)
    out = handlers.run_evaluation(engine, None, str(path), {}, out_dir=tmp_path / "out")
    assert out.report_path and len(out.cases) == 2
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n", encoding="utf-8")
    err = handlers.run_evaluation(engine, None, str(broken), {})
    assert "na-error" in err.status and "broken.jsonl" in err.status and str(tmp_path) not in err.status
    assert "na-error" in handlers.run_evaluation(engine, None, None, {}).status
    assert "na-error" in handlers.run_evaluation(engine, None, str(tmp_path / "x.csv"), {}).status


def test_failures_are_listed_first(engine: Engine) -> None:
    from assistant.evaluation import Case, CaseResult, EvalReport

    results = [CaseResult(case=Case(id=str(i), question="q"), passed=i % 2 == 0, reasons=[], metrics={})
               for i in range(4)]
    rows = handlers.case_rows(EvalReport(summary={}, cases=results))
    assert [r[1] for r in rows] == ["FAIL", "FAIL", "pass", "pass"]


# --- serve command --------------------------------------------------------------------------


def test_serve_refuses_a_remote_host_without_auth(tmp_path: Path) -> None:
    from ui.cli import serve_command

    result = CliRunner().invoke(serve_command, ["--host", "0.0.0.0", "--home", str(tmp_path), "--encoder", "fake"])
    assert result.exit_code != 0 and isinstance(result.exception, UsageError)
    assert "--auth" in str(result.exception)
    bad = CliRunner().invoke(serve_command, ["--auth", "nopassword", "--home", str(tmp_path)])
    assert isinstance(bad.exception, UsageError)


def test_serve_binds_loopback_by_default(tmp_path: Path, monkeypatch) -> None:
    import ui.app
    from ui import cli

    calls = {}
    monkeypatch.setattr(ui.app, "launch", lambda demo, settings, **kw: calls.update(settings=settings, **kw))
    result = CliRunner().invoke(cli.serve_command, ["--home", str(tmp_path), "--encoder", "fake"])
    assert result.exit_code == 0, result.output
    assert calls["settings"].host == "127.0.0.1" and calls["settings"].port == 7860 and calls["auth"] is None
    result = CliRunner().invoke(cli.serve_command, ["--home", str(tmp_path), "--encoder", "fake", "--host",
                                                    "0.0.0.0", "--auth", "ann:secret", "--port", "9999"])
    assert result.exit_code == 0, result.output
    assert calls["auth"] == ("ann", "secret") and calls["settings"].port == 9999


@pytest.mark.parametrize("host,loop", [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                       ("0.0.0.0", False), ("192.168.1.4", False), ("example.org", False)])
def test_is_loopback(host: str, loop: bool) -> None:
    from ui.cli import is_loopback

    assert is_loopback(host) is loop


def test_launch_options_keep_the_page_local() -> None:
    from ui.app import launch_options, theme

    opts = launch_options(Settings(max_upload_mb=2))
    assert opts["max_file_size"] == 2 * 2**20 and opts["allowed_paths"] == []
    css = theme()._get_theme_css() if hasattr(theme(), "_get_theme_css") else ""
    assert "googleapis" not in css and "fonts.gstatic" not in css
    assert not any("GoogleFont" in type(f).__name__ for f in theme()._font + theme()._font_mono)
