"""The web UI's handlers over a real engine (fake encoder), without a browser."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

import assistant.cli  # noqa: F401 - first, so that its plugin loading imports ui.cli completely
from assistant.engine import Engine
from index.embeddings import FakeEncoder
from index.errors import StoreError, UsageError
from index.settings import Settings
from ui.conversations import ChatStore
from ui.handlers import Context, articles, chat, conversations, evaluation, speakers, uploads
from ui.people import People, Person, quotes_of, read_people
from ui.upload_guard import UploadTypeGuard, upload_filenames

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "000_863afebc424a52ba.txt"
OTHER = """Harbour town votes to restore the old lighthouse

"This light guided our grandparents home," said Orla Fennimore, the chair of the lighthouse trust.
Fennimore said the work would take two years.
"""


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / SEED.name)
    (corpus / "lighthouse.txt").write_text(OTHER, encoding="utf-8")
    e = Engine(Settings(home=str(tmp_path / "home"), encoder="fake", max_upload_mb=0.01), encoder=FakeEncoder())
    assert e.index([corpus]).added == 2
    return e


@pytest.fixture
def ctx(engine: Engine, tmp_path: Path) -> Context:
    return Context.of(engine, corpus=tmp_path / "corpus")


def ask(ctx: Context, question: str, store=None, prefs=None) -> tuple[list[chat.ChatUpdate], dict]:
    updates = list(chat.ask(ctx, question, store or {}, prefs or {}))
    return updates, updates[-1].store


# --- chat -------------------------------------------------------------------------------------


def test_ask_shows_the_question_first_then_the_answer_and_stores_the_turn(ctx: Context) -> None:
    updates, store = ask(ctx, "What did Peskov say?")
    first = updates[0]
    assert "What did Peskov say?" in first.live and "Searching the articles" in first.live and first.box == ""
    assert ChatStore.load(first.store).active.turns[-1].status == "pending"  # a stop keeps the question
    assert first.conversations[1] == ChatStore.load(first.store).current
    assert len(updates) >= 3 and any("na-draft" in (u.live or "") for u in updates)  # the instant reveal
    final = updates[-1]
    assert final.live == "" and "na-answer" in final.log and "#open:chat:" in final.log
    turn = ChatStore.load(store).active.turns[-1]
    assert turn.status == "done" and turn.answer.citations and turn.question == "What did Peskov say?"


def test_a_follow_up_is_asked_with_the_conversation_history(ctx: Context, monkeypatch) -> None:
    _, store = ask(ctx, "What did Peskov say?")
    seen = {}
    real = ctx.engine.ask_stream

    def spy(question, history=None, **kw):
        seen.update(question=question, history=history, **kw)
        return real(question, history, **kw)

    monkeypatch.setattr(ctx.engine, "ask_stream", spy)
    _, store = ask(ctx, "What else did he say?", store, {"k": 5, "sources": ["Newsweek"], "since": "2020-01-01"})
    assert seen["history"][0][0] == "What did Peskov say?" and seen["k"] == 5
    assert seen["filters"].sources == ("Newsweek",) and seen["filters"].since == "2020-01-01"
    assert len(ChatStore.load(store).active.turns) == 2


def test_regenerate_replaces_the_last_answer_and_stop_keeps_the_question(ctx: Context) -> None:
    _, store = ask(ctx, "What did Peskov say?")
    store = list(chat.regenerate(ctx, store, {}))[-1].store
    conv = ChatStore.load(store).active
    assert len(conv.turns) == 1 and conv.turns[0].status == "done"
    pending = next(chat.ask(ctx, "And Trump?", store, {})).store  # the browser holds this when Stop is pressed
    stopped = chat.stop(ctx, pending)
    turns = ChatStore.load(stopped.store).active.turns
    assert [t.status for t in turns] == ["done", "stopped"] and "Stopped before" in stopped.log
    assert len(ChatStore.load(list(chat.regenerate(ctx, stopped.store, {}))[-1].store).active.turns) == 2


def test_an_engine_error_becomes_a_readable_turn(ctx: Context, monkeypatch) -> None:
    def broken(*a, **kw):
        raise StoreError("the Chroma store at /home/someone/data failed")

    monkeypatch.setattr(ctx.engine, "ask_stream", broken)
    updates, store = ask(ctx, "What did Peskov say?")
    assert "na-error" in updates[-1].log and "/home/someone" not in updates[-1].log
    assert ChatStore.load(store).active.turns[-1].status == "error"


def test_an_empty_message_changes_nothing(ctx: Context) -> None:
    assert [u.store for u in chat.ask(ctx, "   ", {}, {})] == [None]


def test_open_source_marks_the_cited_span_and_a_deleted_article_is_said_plainly(ctx: Context) -> None:
    answer = ctx.engine.ask("What did Peskov say?")
    c = answer.citations[0]
    out = chat.open_source(ctx, f"#open:chat:{c.article_id}:{c.start}:{c.end}")
    assert re.search(r"<mark id='quote-mark'>(.*?)</mark>", out, re.S)
    for bad in ("garbage", f"#open:chat:{c.article_id}:0:99999999"):
        assert "na-error" in chat.open_source(ctx, bad) or "no longer" in chat.open_source(ctx, bad)
    gone = chat.open_source(ctx, "#open:chat:no-such-article:1:2")
    assert "no longer in the index" in gone and "assistant articles" not in gone and "`" not in gone


def test_example_questions_name_people_in_full_and_whole_titles(ctx: Context) -> None:
    questions = chat.example_questions(ctx)
    assert questions and len(questions) <= 4
    for q in questions:
        if q.startswith("What did "):
            assert len(q[len("What did "):-len(" say?")].split()) >= 2
        assert "\u2026" not in q


# --- conversations ----------------------------------------------------------------------------


def test_conversations_list_new_rename_delete(ctx: Context) -> None:
    _, store = ask(ctx, "What did Peskov say?")
    first = ChatStore.load(store).current
    fresh = conversations.new_chat(ctx, store)
    assert ChatStore.load(fresh.store).current is None and "Ask about" in fresh.log
    _, store = ask(ctx, "What did Orla Fennimore say?", fresh.store)
    assert len(ChatStore.load(store).conversations) == 2
    shown = conversations.show(ctx, store, first)
    assert "What did Peskov say?" in shown.log and shown.conversations[1] == first
    renamed = conversations.rename(ctx, shown.store, "Kremlin")
    assert ("Kremlin", first) in renamed.conversations[0]
    deleted = conversations.delete(ctx, renamed.store)
    assert [cid for _, cid in deleted.conversations[0]] == [c for c in [ChatStore.load(store).conversations[0].id]]
    interrupted = ChatStore.load(next(chat.ask(ctx, "Pending?", deleted.store, {})).store).to_json()
    assert "Stopped before" in conversations.load(ctx, interrupted).log


# --- speakers ---------------------------------------------------------------------------------


def test_speakers_are_people_with_counts_and_a_timeline(ctx: Context) -> None:
    choices = speakers.choices(ctx)
    names = [name for _, name in choices]
    assert "Dmitry Peskov" in names and "Orla Fennimore" in names
    assert all(re.search(r" \u00b7 \d+$", label) for label, _ in choices)
    assert "Kremlin" not in names  # an organisation speaks, but is not a person
    out = speakers.timeline(ctx, "Peskov")  # a variant of a listed name opens that person
    assert "<h3>Dmitry Peskov</h3>" in out and "Undated" in out and "#open:speakers:" in out
    assert "Most quoted" in speakers.timeline(ctx, "") and "No quotations" in speakers.timeline(ctx, "Nobody Atall")


class _Entity:
    def __init__(self, key: str, name: str, speaker_type: str, count: int, aliases: tuple[str, ...] = ()) -> None:
        self.key, self.name, self.speaker_type, self.count, self.aliases = key, name, speaker_type, count, aliases


class _EntityEngine:
    """The speaker API of an engine with stored quotations: canonical entities, rows naming their entity."""

    def __init__(self) -> None:
        self.entities = [_Entity("org:kremlin", "Kremlin", "org", 9),
                         _Entity("person:dmitry peskov", "Dmitry Peskov", "person", 3, ("Dmitry Peskov", "Peskov")),
                         _Entity("person:ann peskova", "Ann Peskova", "person", 1)]
        self.rows = [{"speaker": "Dmitry Peskov", "entity": "person:dmitry peskov", "speaker_type": "person",
                      "quote": f"q{i}", "article_id": f"a{i}"} for i in range(3)]
        self.rows.append({"speaker": "Ann Peskova", "entity": "person:ann peskova", "speaker_type": "person",
                          "quote": "other", "article_id": "b"})

    def speakers(self) -> list[_Entity]:
        return self.entities

    def quotes(self, name: str) -> list[dict]:
        return [r for r in self.rows if name.lower().split()[-1] in r["speaker"].lower()]


def test_people_from_canonical_speaker_entities() -> None:
    engine = _EntityEngine()
    people = read_people(engine)
    assert [(p.name, p.count) for p in people.people] == [("Dmitry Peskov", 3), ("Ann Peskova", 1)]  # no org
    person, rows = quotes_of(engine, people, "peskov")  # a name form of a listed person
    assert person is not None and person.name == "Dmitry Peskov" and [r["quote"] for r in rows] == ["q0", "q1", "q2"]
    person, rows = quotes_of(engine, People([Person("Ann Peskova", 1, ("Ann Peskova",), "person:ann peskova")]),
                              "Ann Peskova")
    assert [r["quote"] for r in rows] == ["other"]  # only that entity's rows, not every name match


# --- articles ---------------------------------------------------------------------------------


def test_a_deleted_article_disappears_everywhere(ctx: Context) -> None:
    _, store = ask(ctx, "What did Orla Fennimore say?")
    lighthouse = next(r["id"] for r in ctx.engine.articles() if "lighthouse" in r["title"])
    assert "2 articles" in articles.summary_html(ctx) and "Orla Fennimore" in str(speakers.choices(ctx))
    assert "Harbour town" in articles.table_html(ctx) and "#open:chat:" + lighthouse in chat.stored_conversation_html(
        ctx, store)
    assert "Delete \u201cHarbour town" in articles.confirm_text(ctx, lighthouse)
    assert "Deleted" in articles.delete(ctx, lighthouse)
    assert "1 article<" in articles.summary_html(ctx) and "Harbour town" not in articles.table_html(ctx)
    assert "Orla Fennimore" not in str(speakers.choices(ctx))
    again = chat.stored_conversation_html(ctx, store)
    assert "#open:chat:" + lighthouse not in again and "deleted from the index" in again
    assert "no longer" in articles.show(ctx, f"#open:articles:{lighthouse}:0:0")[0]
    assert "na-error" in articles.delete(ctx, lighthouse) and "na-error" in articles.delete(ctx, None)


def test_show_article_returns_it_and_its_id(ctx: Context) -> None:
    aid = ctx.engine.articles()[0]["id"]
    view, picked = articles.show(ctx, f"#open:articles:{aid}:0:0")
    assert picked == aid and "na-article-text" in view and "<mark" not in view


# --- uploads ----------------------------------------------------------------------------------


def test_uploads_are_checked_on_the_server_and_refused_files_leave_nothing(ctx: Context, tmp_path: Path) -> None:
    cache = tmp_path / "gradio-cache" / "abc"
    cache.mkdir(parents=True)
    good = cache / "My Story!.txt"
    good.write_text(OTHER.replace("Harbour", "River"), encoding="utf-8")
    exe = cache / "evil.exe"
    exe.write_bytes(b"MZ\x90\x00")
    big = cache / "huge.txt"
    big.write_text("x" * 20_000, encoding="utf-8")  # the fixture caps uploads at 0.01 MiB
    elsewhere = tmp_path / "mine.exe"
    elsewhere.write_bytes(b"MZ")
    progress: list[float] = []
    status = uploads.upload_and_index(ctx, [str(good), str(exe), str(big), str(elsewhere)],
                                      progress=lambda f, d: progress.append(f), cache=tmp_path / "gradio-cache")
    saved = ctx.engine.settings.home_path / "uploads"
    assert sorted(p.name for p in saved.iterdir()) == ["My_Story.txt"]
    assert not exe.exists() and not big.exists()  # refused uploads are not kept in the upload cache
    assert elsewhere.exists()  # and nothing outside it is ever removed
    assert "1 added" in status and "evil.exe" in status and ".exe is not an article file" in status
    assert "huge.txt" in status and "mine.exe" in status and str(tmp_path) not in status and progress[-1] == 1.0
    assert "Choose" in uploads.upload_and_index(ctx, [])


@pytest.mark.parametrize("name,expected", [
    ("report.TXT", "report.txt"), ("../../etc/passwd", "passwd"), ("a b<c>.json", "a_b_c.json"),
    (".hidden.md", "hidden.md"), ("C:\\Users\\x\\news.jsonl", "news.jsonl"), ("...", "upload"),
])
def test_safe_name(name: str, expected: str) -> None:
    assert uploads.safe_name(name) == expected


def test_the_address_box_takes_web_addresses_only(ctx: Context, tmp_path: Path) -> None:
    local = uploads.add_address(ctx, str(SEED))
    assert "na-error" in local and "web address" in local
    assert "na-error" in uploads.add_address(ctx, "")
    report = uploads.add_address(ctx, "http://127.0.0.1:9/feed.xml")  # nothing listens on port 9
    assert ("added" in report or "not added" in report or "na-error" in report) and "Traceback" not in report


def test_reread_the_corpus_folder_and_without_one(ctx: Context, engine: Engine) -> None:
    assert "2 unchanged" in uploads.reindex(ctx)
    missing = uploads.reindex(Context.of(engine, corpus=None))
    assert "na-error" in missing and "corpus/" not in missing


def test_the_upload_guard_refuses_a_bad_type_before_the_app_sees_it() -> None:
    boundary = "XyZ"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"ok.txt\"\r\n\r\nhello\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"evil.exe\"\r\n\r\nMZ\r\n"
            f"--{boundary}--\r\n").encode()
    assert upload_filenames(body, boundary.encode()) == ["ok.txt", "evil.exe"]
    reached: list[bytes] = []

    async def app(scope, receive, send):
        reached.append((await receive())["body"])
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    def call(payload: bytes) -> list[dict]:
        sent: list[dict] = []
        scope = {"type": "http", "method": "POST", "path": "/gradio_api/upload",
                 "headers": [(b"content-type", f"multipart/form-data; boundary={boundary}".encode())]}
        chunks = [payload[:10], payload[10:]]

        async def receive():
            return {"type": "http.request", "body": chunks.pop(0), "more_body": bool(chunks)}

        async def send(message):
            sent.append(message)

        # in a thread of its own: a browser test's Playwright may be running an event loop in this one
        worker = threading.Thread(target=lambda: asyncio.run(UploadTypeGuard(app)(scope, receive, send)))
        worker.start()
        worker.join(timeout=30)
        return sent

    refused = call(body)
    assert refused[0]["status"] == 400 and b"evil.exe" in refused[1]["body"] and reached == []
    good = body.replace(b"evil.exe", b"fine.md")
    assert call(good)[0]["status"] == 200 and reached == [good]


# --- evaluation -------------------------------------------------------------------------------


def _testset(folder: Path, engine: Engine) -> Path:
    aid = next(r["id"] for r in engine.articles() if "Kremlin" in r["title"])
    cases = [{"id": "p", "question": "What did Peskov say?", "sources": [aid]},
             {"id": "x", "question": "What did the mayor of Atlantis say about tariffs?", "answerable": False}]
    path = folder / "small.jsonl"
    path.write_text("\n".join(json.dumps(c) for c in cases), encoding="utf-8")
    return path


def test_run_evaluation_from_a_choice_says_what_was_not_checked(ctx: Context, tmp_path: Path) -> None:
    _testset(tmp_path, ctx.engine)
    ctx.testsets = evaluation.testset_choices([tmp_path, tmp_path / "missing"])
    assert list(ctx.testsets) == ["small.jsonl"]
    progress: list[float] = []
    out = evaluation.run_evaluation(ctx, "small.jsonl", None, progress=lambda f, d: progress.append(f),
                                    out_dir=tmp_path / "out")
    assert progress == [0.5, 1.0] and "/2 passed" in out.status and str(tmp_path) not in out.status
    assert "Not checked by this test set" in out.status and "expected quotes" in out.status
    values = re.findall(r"na-metric-value'>([\d.]+)<", out.metrics)
    assert values and all(0 <= float(v) <= 1 for v in values)
    assert out.cases.index(">FAIL<") < out.cases.index(">pass<") if ">FAIL<" in out.cases else ">pass<" in out.cases
    assert json.loads(Path(out.report_path).read_text(encoding="utf-8"))["summary"]["n"] == 2


def test_run_evaluation_refuses_two_sets_and_bad_uploads(ctx: Context, tmp_path: Path) -> None:
    path = _testset(tmp_path, ctx.engine)
    ctx.testsets = {"small.jsonl": path}
    both = evaluation.run_evaluation(ctx, "small.jsonl", str(path))
    assert "na-error" in both.status and "Both" in both.status
    assert evaluation.run_evaluation(ctx, None, str(path), out_dir=tmp_path / "o").report_path
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n", encoding="utf-8")
    err = evaluation.run_evaluation(ctx, None, str(broken))
    assert "na-error" in err.status and "broken.jsonl" in err.status and str(tmp_path) not in err.status
    assert "na-error" in evaluation.run_evaluation(ctx, None, None).status
    assert "na-error" in evaluation.run_evaluation(ctx, None, str(tmp_path / "x.csv")).status


def test_the_sample_test_set_is_about_the_index_and_runs(ctx: Context, tmp_path: Path) -> None:
    from assistant.evaluation import read_cases

    cases = read_cases(evaluation.sample_testset(ctx, tmp_path))
    assert cases[0].speaker and cases[0].quotes and not cases[-1].answerable
    out = evaluation.run_evaluation(ctx, None, str(tmp_path / "sample_testset.jsonl"), out_dir=tmp_path / "o")
    assert "passed" in out.status


# --- serve command ----------------------------------------------------------------------------


def test_serve_refuses_a_remote_host_without_auth(tmp_path: Path) -> None:
    from ui.cli import serve_command

    result = CliRunner().invoke(serve_command, ["--host", "0.0.0.0", "--home", str(tmp_path), "--encoder", "fake"])
    assert result.exit_code != 0 and isinstance(result.exception, UsageError) and "--auth" in str(result.exception)
    bad = CliRunner().invoke(serve_command, ["--auth", "nopassword", "--home", str(tmp_path)])
    assert isinstance(bad.exception, UsageError)


def test_serve_binds_loopback_and_resolves_the_corpus_folder(tmp_path: Path, monkeypatch) -> None:
    import ui.app
    from ui import cli

    calls: dict = {}
    monkeypatch.setattr(ui.app, "launch", lambda demo, settings, **kw: calls.update(settings=settings, **kw))
    monkeypatch.setattr(ui.app, "build_app", lambda engine, **kw: calls.update(build=kw))
    monkeypatch.setattr(ui.app, "warm_up", lambda engine: None)
    (tmp_path / "corpus").mkdir()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli.serve_command, ["--home", str(tmp_path / "h"), "--encoder", "fake"])
    assert result.exit_code == 0, result.output
    assert calls["settings"].host == "127.0.0.1" and calls["settings"].port == 7860 and calls["auth"] is None
    assert calls["build"]["corpus_dir"] == (tmp_path / "corpus").resolve()
    result = CliRunner().invoke(cli.serve_command, ["--home", str(tmp_path / "h"), "--encoder", "fake", "--host",
                                                    "0.0.0.0", "--auth", "ann:secret", "--port", "9999"])
    assert result.exit_code == 0, result.output
    assert calls["auth"] == ("ann", "secret") and calls["settings"].port == 9999


@pytest.mark.parametrize("host,loop", [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                       ("0.0.0.0", False), ("192.168.1.4", False), ("example.org", False)])
def test_is_loopback(host: str, loop: bool) -> None:
    from ui.cli import is_loopback

    assert is_loopback(host) is loop


def test_launch_options_keep_the_page_local_and_guard_uploads(tmp_path: Path) -> None:
    from ui.app import browser_secret, launch_options, theme

    opts = launch_options(Settings(max_upload_mb=2))
    assert opts["max_file_size"] == 2 * 2**20 and opts["allowed_paths"] == []
    assert opts["app_kwargs"]["middleware"][0].cls is UploadTypeGuard
    assert "<script" in opts["head"] and "src=" not in opts["head"] and "http" not in opts["css"].lower()
    assert not any("GoogleFont" in type(f).__name__ for f in theme()._font + theme()._font_mono)
    settings = Settings(home=str(tmp_path / "h"))
    assert browser_secret(settings) == browser_secret(settings) and len(browser_secret(settings)) == 32


def test_the_summary_line_says_when_who_said_what_is_out_of_date(ctx: Context) -> None:
    assert "out of date" not in articles.summary_html(ctx)
    store = ctx.engine.store
    current = store.quotation_version
    store.quotation_version = "rules-older"
    store.bump_revision()  # as an older version of the code left it
    store.quotation_version = current
    assert "Who-said-what is out of date" in articles.summary_html(ctx)
    ctx.engine.index([ctx.corpus])  # what "Re-read" runs: the quotations are extracted again
    assert "out of date" not in articles.summary_html(ctx)
