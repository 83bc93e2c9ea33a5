"""Re-indexing against a real embedded Chroma, with the fake encoder (fast)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.engine import Engine
from index.embeddings import FakeEncoder
from index.errors import IndexMismatch, NotFound

ROOT = Path(__file__).resolve().parent.parent


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def article(n: int, extra: str = "") -> str:
    return (f"Article number {n} headline\n" + f"The mayor of Town{n} said the bridge will open in spring. " * 8
            + extra)


def test_reindex_counts_and_zero_encoder_calls(fake_settings, tmp_path):
    docs = tmp_path / "docs"
    for i in range(5):
        write(docs / f"a{i}.txt", article(i))
    encoder = FakeEncoder()
    engine = Engine(fake_settings, encoder=encoder)
    first = engine.index([docs])
    assert (first.added, first.updated, first.skipped, first.deleted, first.rejected) == (5, 0, 0, 0, [])
    assert first.articles == 5 and first.chunks == engine.store.chunk_count() > 5

    calls = encoder.calls
    again = engine.index([docs])
    assert (again.added, again.updated, again.skipped, again.deleted) == (0, 0, 5, 0)
    assert again.chunks == first.chunks, "a run that wrote nothing reports the chunks its records count"
    assert encoder.calls == calls, "an unchanged re-index must not encode anything"

    write(docs / "a1.txt", article(1).replace("bridge", "tunnel"))
    write(docs / "a9.txt", article(9))
    (docs / "a3.txt").unlink()
    third = engine.index([docs])
    assert (third.added, third.updated, third.skipped, third.deleted) == (1, 1, 3, 1)
    assert third.articles == 5
    hits = engine.search("bridge Town1", k=50, mode="bm25")
    town1 = [h for h in hits if "Town1 said the bridge" in h["text"]]
    assert town1 == [], "the old text of a modified article must not be retrievable"
    assert any("tunnel" in h["text"] for h in engine.search("tunnel Town1", k=5, mode="bm25"))
    assert not any("Town3" in h["text"] for h in engine.search("Town3 bridge", k=50, mode="bm25"))
    assert not any("Town3" in h["text"] for h in engine.search("Town3 bridge", k=50, mode="dense"))
    ids = {a["id"] for a in engine.articles()}
    assert len(ids) == 5


def test_offsets_point_into_stored_text(fake_engine, corpus_dir):
    fake_engine.index([corpus_dir])
    (aid,) = [a["id"] for a in fake_engine.articles()]
    text = fake_engine.article_text(aid)
    assert text == (corpus_dir / "000_863afebc424a52ba.txt").read_text(encoding="utf-8").strip()
    rows = list(fake_engine.store.iter_chunks())
    assert rows
    for _, doc, meta in rows:
        assert text[meta["start"] : meta["end"]] == doc


def test_deletion_is_scoped_to_the_indexed_folder(fake_settings, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    write(a / "one.txt", article(1))
    write(b / "two.txt", article(2))
    engine = Engine(fake_settings, encoder=FakeEncoder())
    engine.index([a, b])
    (b / "two.txt").unlink()
    report = engine.index([a])  # b was not indexed this time: its articles stay
    assert report.deleted == 0 and report.articles == 2
    single = engine.index([a / "one.txt"])  # a file argument never removes its siblings
    assert single.deleted == 0 and single.skipped == 1
    assert engine.index([b]).deleted == 1


def test_bad_file_among_good_ones(fake_settings, tmp_path):
    docs = tmp_path / "docs"
    write(docs / "good.txt", article(1))
    (docs / "empty.txt").write_text("")
    (docs / "binary.txt").write_bytes(b"\x00\x01\x02garbage\x00" * 100)
    write(docs / "broken.json", "{not json")
    engine = Engine(fake_settings, encoder=FakeEncoder())
    report = engine.index([docs])
    assert report.added == 1
    rejected = {Path(r["path"]).name for r in report.rejected}
    assert rejected == {"empty.txt", "binary.txt", "broken.json"}
    assert all(r["reason"] and "\n" not in r["reason"] for r in report.rejected)
    # the previously indexed version of a file that turns bad is kept, not deleted
    (docs / "good.txt").write_bytes(b"\x00\x00binary now")
    again = engine.index([docs])
    assert again.deleted == 0 and again.articles == 1


def test_non_ascii_round_trip(fake_engine, tmp_path):
    text = "Zoë Müller said: “Ça va très bien — 東京 is great.” It costs €5.\nSecond line… naïve café."
    write(tmp_path / "docs" / "u.txt", text)
    fake_engine.index([tmp_path / "docs"])
    (row,) = fake_engine.articles()
    stored = fake_engine.article_text(row["id"])
    assert stored == text
    for _, doc, _meta in fake_engine.store.iter_chunks():
        for bad in ("Ã", "â€", "\ufffd"):
            assert bad not in doc


def test_rebuild_and_mismatch(fake_settings, corpus_dir):
    engine = Engine(fake_settings, encoder=FakeEncoder())
    engine.index([corpus_dir])
    other = Engine(fake_settings.replace(chunk_size=900), encoder=FakeEncoder())
    with pytest.raises(IndexMismatch, match="--rebuild"):
        other.index([corpus_dir])
    rebuilt = other.index([corpus_dir], rebuild=True)
    assert rebuilt.added == 1 and rebuilt.articles == 1


def test_delete_and_show(fake_engine, corpus_dir):
    fake_engine.index([corpus_dir])
    (aid,) = [a["id"] for a in fake_engine.articles()]
    assert fake_engine.article(aid)["title"].startswith("The Kremlin")
    fake_engine.delete(aid)
    assert fake_engine.articles() == []
    assert fake_engine.store.chunk_count() == 0
    with pytest.raises(NotFound):
        fake_engine.article(aid)


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "ASSISTANT_HOME": str(home), "ASSISTANT_ENCODER": "fake", "PYTHONPATH": str(ROOT),
            "ASSISTANT_CHUNK_SIZE": "400", "ASSISTANT_CHUNK_OVERLAP": "80"}


def test_second_writer_gets_a_clear_lock_error(fake_settings, corpus_dir):
    engine = Engine(fake_settings, encoder=FakeEncoder())
    with engine.store.write_lock():
        proc = subprocess.run(
            [sys.executable, "-m", "assistant", "index", str(corpus_dir)], capture_output=True, text=True,
            env=_env(fake_settings.home_path), timeout=120,
        )
    assert proc.returncode == 1
    assert "locked" in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) <= 2


KILL_SCRIPT = """
import sys
from pathlib import Path
from assistant.engine import Engine
from index.settings import Settings
engine = Engine(Settings.load())
def progress(done, total, desc):
    print(done, flush=True)
engine.index([Path(sys.argv[1])], progress=progress)
print("finished", flush=True)
"""


def test_kill_9_mid_index_converges(fake_settings, tmp_path):
    docs = tmp_path / "many"
    docs.mkdir()
    with (docs / "feed.jsonl").open("w") as fh:
        for i in range(1500):
            fh.write(json.dumps({"title": f"Story {i}", "body": article(i), "url": f"https://example.com/{i}"}) + "\n")
    proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(docs)], stdout=subprocess.PIPE, text=True,
                            env=_env(fake_settings.home_path))
    for line in proc.stdout:
        if line.strip().isdigit() and int(line) >= 96:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    # a fresh process opens the index cleanly and converges
    out = subprocess.run([sys.executable, "-m", "assistant", "index", str(docs), "--json"], capture_output=True,
                         text=True, env=_env(fake_settings.home_path), timeout=300)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["articles"] == 1500 and report["rejected"] == []
    assert report["skipped"] >= 64 and report["added"] + report["updated"] + report["skipped"] == 1500
    engine = Engine(fake_settings, encoder=FakeEncoder())
    records = engine.store.article_records()
    assert len(records) == 1500 and all(m["complete"] for m in records.values())
    hashes = {aid: m["content_hash"] for aid, m in records.items()}
    n_chunks = 0
    for _, _, meta in engine.store.iter_chunks():
        assert hashes[meta["article_id"]] == meta["content_hash"]
        n_chunks += 1
    assert n_chunks == sum(int(m["n_chunks"]) for m in records.values())
    for _, meta in engine.store.iter_quotations():  # no quotation of an unfinished or replaced text survives
        assert hashes[meta["article_id"]] == meta["content_hash"]
    assert set(engine.quotations_for(hashes)) == {m["article_id"] for _, m in engine.store.iter_quotations()}
    again = engine.index([docs])
    assert (again.added, again.updated, again.skipped) == (0, 0, 1500)


def test_metadata_change_updates_the_article(fake_settings, tmp_path):
    docs = tmp_path / "docs"
    write(docs / "a.md", "---\ntitle: First title\nsource: Daily\n---\n" + article(1))
    engine = Engine(fake_settings, encoder=FakeEncoder())
    engine.index([docs])
    write(docs / "a.md", "---\ntitle: Corrected title\nsource: Daily\n---\n" + article(1))
    report = engine.index([docs])
    assert (report.updated, report.skipped) == (1, 0)
    assert [a["title"] for a in engine.articles()] == ["Corrected title"]
    assert {m["title"] for _, _, m in engine.store.iter_chunks()} == {"Corrected title"}


def test_readers_see_only_complete_articles(fake_settings, tmp_path):
    """An article whose write was interrupted (complete=False) is invisible until a re-index finishes it."""
    docs = tmp_path / "docs"
    for i in range(3):
        write(docs / f"a{i}.txt", article(i))
    engine = Engine(fake_settings, encoder=FakeEncoder())
    engine.index([docs])
    victim = sorted(engine.store.article_records())[0]
    meta = engine.store.article_records()[victim]
    engine.store.update_article_metas([victim], [{**meta, "complete": False}])  # as a kill -9 leaves it
    assert victim not in {a["id"] for a in engine.articles()} and len(engine.articles()) == 2
    with pytest.raises(NotFound):
        engine.article(victim)
    report = engine.index([docs])
    assert report.updated == 1 and report.skipped == 2
    assert victim in {a["id"] for a in engine.articles()}


def test_folder_walk_lists_what_it_passes_over(fake_engine, tmp_path):
    docs = tmp_path / "docs"
    write(docs / "a.txt", article(1))
    write(docs / ".draft.txt", article(2))
    write(docs / ".git" / "b.txt", article(3))
    (docs / "photo.png").write_bytes(b"\x89PNG")
    report = fake_engine.index([docs])
    assert report.added == 1
    reasons = {Path(s["path"]).name: s["reason"] for s in report.skipped_files}
    assert "hidden file" in reasons[".draft.txt"] and "hidden folder" in reasons[".git"]
    assert "unsupported file type '.png'" in reasons["photo.png"]


def test_an_unchanged_file_is_not_parsed_again(fake_settings, tmp_path, monkeypatch):
    from index import indexer

    folder = tmp_path / "docs"
    folder.mkdir()
    records = [{"title": f"Story {i}", "body": f"The council met on day {i} and voted."} for i in range(3)]
    (folder / "feed.json").write_text(json.dumps(records))
    (folder / "note.txt").write_text("Title line\n\nThe mayor opened the harbour on Monday.")
    engine = Engine(fake_settings, encoder=FakeEncoder())
    assert engine.index([folder]).added == 4
    parsed: list[str] = []
    load_file = indexer.load_file
    monkeypatch.setattr(indexer, "load_file", lambda path, *a: parsed.append(path.name) or load_file(path, *a))

    again = engine.index([folder])
    assert (again.skipped, again.added, again.deleted, parsed) == (4, 0, 0, [])

    (folder / "note.txt").write_text("Title line\n\nThe mayor opened the harbour on Tuesday.")
    changed = engine.index([folder])
    assert (changed.updated, changed.skipped, parsed) == (1, 3, ["note.txt"])

    victim = next(a["id"] for a in engine.articles() if a["title"] == "Story 1")
    engine.delete(victim)  # the file is the same, its articles are not: it is read again
    parsed.clear()
    back = engine.index([folder])
    assert (back.added, back.skipped, parsed) == (1, 3, ["feed.json"])
    parsed.clear()
    other_limits = Engine(fake_settings.replace(max_article_chars=fake_settings.max_article_chars - 1),
                          encoder=FakeEncoder())
    assert other_limits.index([folder]).skipped == 4 and sorted(parsed) == ["feed.json", "note.txt"]
    parsed.clear()
    rebuilt = engine.index([folder], rebuild=True)
    assert rebuilt.added == 4 and sorted(parsed) == ["feed.json", "note.txt"]
