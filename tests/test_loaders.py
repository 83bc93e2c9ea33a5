"""Loaders: every format, encodings, and the malformed-file suite (no encoder needed)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from index.articles import article_id
from index.loaders import (
    SUPPORTED_SUFFIXES,
    LoadResult,
    discover,
    load_file,
    load_paths,
    normalize_date,
    title_from_text,
)
from index.loaders.furniture import strip_furniture
from index.text import normalize_text

MAX = 1_000_000
REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "corpus" / "000_863afebc424a52ba.txt"
MULTIHOP = Path(__file__).parent / "data" / "multihop-rag" / "corpus.json"
MOJIBAKE = ("Ã", "â€", "\ufffd")
BODY = "The council voted on Tuesday to approve the new budget for the city library and its branches."


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def load_one(path: Path, max_bytes: int = MAX) -> LoadResult:
    return load_file(path, path.parent, max_bytes)


def only_article(result: LoadResult):
    assert not result.rejected, result.rejected
    assert len(result.articles) == 1
    return result.articles[0]


def reasons(result: LoadResult) -> str:
    return " | ".join(str(e) for e in result.rejected).lower()


# --------------------------------------------------------------------------- text and markdown


def test_plain_text_title_from_first_line_and_no_source(tmp_path):
    f = write(tmp_path / "story.txt", f"Budget approved\n\n{BODY}\n")
    art = only_article(load_one(f))
    assert art.title == "Budget approved"
    assert art.text == f"Budget approved\n\n{BODY}"
    assert art.source == ""
    assert art.path == "story.txt"
    assert art.root == str(tmp_path.resolve())
    assert art.id == article_id(relpath="story.txt")


def test_front_matter_is_metadata_not_text(tmp_path):
    f = write(
        tmp_path / "a.md",
        "---\ntitle: Library budget passes\nsource: Town Gazette\nurl: https://gazette.example/lib?utm_source=x\n"
        "published: 2024-03-05\nauthor: Ann Lee\n---\n# Heading\n\n" + BODY + "\n",
    )
    art = only_article(load_one(f))
    assert art.title == "Library budget passes"
    assert art.source == "Town Gazette"
    assert art.url == "https://gazette.example/lib?utm_source=x"
    assert art.published == "2024-03-05"
    assert art.author == "Ann Lee"
    assert art.text.startswith("# Heading")
    assert "---" not in art.text and "title:" not in art.text
    assert art.id == article_id(url="https://gazette.example/lib")


def test_markdown_title_strips_heading_marks(tmp_path):
    art = only_article(load_one(write(tmp_path / "b.md", "## Big News Today\n\n" + BODY)))
    assert art.title == "Big News Today"


def test_front_matter_datetime_keeps_time(tmp_path):
    f = write(tmp_path / "c.md", "---\ntitle: T\npublished: 2024-03-05 14:30:00+01:00\n---\n" + BODY)
    assert only_article(load_one(f)).published == "2024-03-05T14:30:00+01:00"


def test_broken_front_matter_warns_and_keeps_body(tmp_path):
    f = write(tmp_path / "d.md", "---\ntitle: [unclosed\n---\n" + BODY)
    res = load_one(f)
    art = only_article(res)
    assert art.text == BODY
    assert any("front matter" in w for w in res.warnings)


def test_seed_file_loads(tmp_path):
    res = load_one(SEED)
    art = only_article(res)
    raw = SEED.read_text(encoding="utf-8")
    assert art.text == raw.strip()
    assert art.path == SEED.name
    assert art.source == ""
    assert 0 < len(art.title) <= 201
    assert raw.startswith(art.title.rstrip("…"))


def test_long_first_line_title_is_capped():
    line = "Word " * 100
    title = title_from_text(line + "\nsecond line")
    assert len(title) <= 201 and title.endswith("…")
    assert title_from_text("A short opening sentence here. " + "More words follow it. " * 20) == (
        "A short opening sentence here."
    )
    assert title_from_text("\n\n  \nFirst real line\nnext") == "First real line"


# --------------------------------------------------------------------------- HTML


HTML = """<!doctype html><html><head><meta charset="utf-8"><title>Page title | Site</title>
<link rel="canonical" href="https://news.example/2024/03/budget-vote/">
<meta property="og:site_name" content="Example Daily">
<meta name="author" content="Ann Lee">
<meta property="article:published_time" content="2024-03-05T10:20:00Z">
<style>.hidden-style-rule {{ color: red }} /* STYLETOKEN */</style>
<script>var SCRIPTTOKEN = 1;</script>
</head><body>
<nav><a href="/">Home</a></nav>
<article><h1>Council approves library budget</h1>
<p>{body}</p>
<div style="display: none">HIDDENSTYLETOKEN text the reader never sees on the page at all.</div>
<p hidden>HIDDENATTRTOKEN text that is hidden from every reader of this page.</p>
<p>The vote was 7–2, and the mayor said “this is a good day” for readers.</p>
<script>INLINESCRIPTTOKEN()</script>
</article></body></html>"""


def test_html_main_text_and_metadata(tmp_path):
    f = write(tmp_path / "page.html", HTML.format(body=BODY))
    art = only_article(load_one(f))
    assert BODY in art.text
    assert "“this is a good day”" in art.text
    for token in ("STYLETOKEN", "SCRIPTTOKEN", "HIDDENSTYLETOKEN", "HIDDENATTRTOKEN", "INLINESCRIPTTOKEN"):
        assert token not in art.text
    assert art.title == "Council approves library budget"
    assert art.source == "Example Daily"
    assert art.url == "https://news.example/2024/03/budget-vote/"
    assert art.id == article_id(url="https://news.example/2024/03/budget-vote")
    assert art.published == "2024-03-05T10:20:00+00:00"
    assert art.author == "Ann Lee"


def test_html_without_main_text_is_rejected(tmp_path):
    f = write(
        tmp_path / "empty.htm",
        "<html><head><title>Nothing</title><script>x()</script></head><body></body></html>",
    )
    res = load_one(f)
    assert not res.articles
    assert "no main article text" in reasons(res)


def test_html_declared_charset_is_used(tmp_path):
    html = HTML.format(
        body="Le café du coin a rouvert ses portes après trois mois de travaux dans le quartier."
    )
    data = html.replace('charset="utf-8"', 'charset="iso-8859-1"').encode("latin-1", errors="replace")
    res = load_one(write(tmp_path / "fr.html", data))
    art = only_article(res)
    assert "café" in art.text and "après" in art.text
    assert not any(m in art.text for m in MOJIBAKE)
    assert not any("cp1252" in w for w in res.warnings)


# --------------------------------------------------------------------------- JSON


def record(i: int, **extra) -> dict:
    return {"title": f"Story {i}", "body": f"{BODY} Number {i}.", **extra}


def test_json_list_fields_and_missing_values(tmp_path):
    recs = [
        record(
            0,
            source="Wire",
            url="https://wire.example/a",
            published_at="2023-09-26T19:11:30+00:00",
            author="Bo",
        ),
        record(1, source="None", url="null", published_at="", author=None),
        {"title": "Via text", "text": BODY, "published": "March 5, 2024"},
        {"title": "Via content", "content": BODY, "date": "Tue, 05 Mar 2024 10:00:00 +0000"},
    ]
    f = write(tmp_path / "news.json", json.dumps(recs))
    res = load_one(f)
    assert not res.rejected
    a, b, c, d = res.articles
    assert (a.source, a.url, a.published, a.author) == (
        "Wire",
        "https://wire.example/a",
        "2023-09-26T19:11:30+00:00",
        "Bo",
    )
    assert a.id == article_id(url="https://wire.example/a")
    assert (b.source, b.url, b.published, b.author) == ("", "", "", "")
    assert b.path == "news.json#1" and b.id == article_id(relpath="news.json", key="1")
    assert c.text == BODY and c.published == "2024-03-05"
    assert d.text == BODY and d.published == "2024-03-05T10:00:00+00:00"


@pytest.mark.parametrize("wrapper", ["articles", "items", "data"])
def test_json_object_with_list(tmp_path, wrapper):
    f = write(tmp_path / "w.json", json.dumps({wrapper: [record(0), record(1)]}))
    res = load_one(f)
    assert [a.title for a in res.articles] == ["Story 0", "Story 1"]


def test_json_record_key_uses_id_field(tmp_path):
    f = write(tmp_path / "k.json", json.dumps([record(0, id="abc"), record(1, doc_index=7)]))
    res = load_one(f)
    assert [a.path for a in res.articles] == ["k.json#abc", "k.json#7"]


def test_jsonl_and_bad_line_with_line_number(tmp_path):
    lines = [json.dumps(record(0)), "", "{not json", json.dumps(record(1))]
    res = load_one(write(tmp_path / "feed.jsonl", "\n".join(lines)))
    assert [a.title for a in res.articles] == ["Story 0", "Story 1"]
    assert len(res.rejected) == 1
    assert "line 3" in reasons(res)


def test_record_without_body_rejected_others_load(tmp_path):
    recs = [record(0), {"title": "No body", "body": "None"}, {"title": "Blank", "text": "   "}, record(3)]
    res = load_one(write(tmp_path / "c.json", json.dumps(recs)))
    assert [a.title for a in res.articles] == ["Story 0", "Story 3"]
    assert sorted(e.path for e in res.rejected) == ["c.json#1", "c.json#2"]
    assert all("no body" in e.reason for e in res.rejected)


def test_invalid_json_rejected_with_position(tmp_path):
    res = load_one(write(tmp_path / "bad.json", '[{"title": "x",\n  "body": }]'))
    assert not res.articles
    assert "invalid json" in reasons(res) and "line 2" in reasons(res)


def test_duplicate_url_keeps_first(tmp_path):
    recs = [record(0, url="https://x.example/s"), record(1, url="https://X.example/s/?utm_source=t")]
    res = load_one(write(tmp_path / "dup.json", json.dumps(recs)))
    assert [a.title for a in res.articles] == ["Story 0"]
    (err,) = res.rejected
    assert err.path == "dup.json#1" and "dup.json#0" in err.reason and "duplicate" in err.reason


def test_multihop_corpus_loads_as_is():
    res = load_file(MULTIHOP, MULTIHOP.parent, 50 * 2**20)
    assert not res.rejected, res.rejected[:3]
    assert len(res.articles) == 609
    assert all(a.title.strip() for a in res.articles)
    assert len({a.id for a in res.articles}) == 609
    raw = json.loads(MULTIHOP.read_text(encoding="utf-8"))
    for art, rec in zip(res.articles, raw, strict=True):
        assert art.text == strip_furniture(normalize_text(rec["body"]))[0].strip()  # furniture lines removed
        assert "None" not in (art.source, art.url, art.author, art.published)
    assert all(a.published == "" or a.published[:4].isdigit() for a in res.articles)


# --------------------------------------------------------------------------- encodings


UNICODE = "He said “quoted words” at the café in Zürich — naïve façade 🎉 and more text to read here."


@pytest.mark.parametrize("suffix", [".txt", ".md", ".json", ".html"])
def test_utf8_round_trip(tmp_path, suffix):
    if suffix == ".json":
        content = json.dumps([{"title": "Ü", "body": UNICODE}], ensure_ascii=False)
    elif suffix == ".html":
        content = f"<html><body><article><p>{UNICODE}</p></article></body></html>"
    else:
        content = UNICODE + "\n"
    art = only_article(load_one(write(tmp_path / f"u{suffix}", content)))
    assert UNICODE in art.text
    assert not any(m in art.text for m in MOJIBAKE)


def test_utf8_bom_and_crlf(tmp_path):
    f = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + UNICODE.encode("utf-8") + b"\r\nline two\r\n")
    art = only_article(load_one(f))
    assert art.text == UNICODE + "\nline two"


def test_cp1252_decodes_with_warning(tmp_path):
    text = "He said “quoted words” at the café — naïve façade, and so on for a while."
    res = load_one(write(tmp_path / "old.txt", text.encode("cp1252")))
    art = only_article(res)
    assert art.text == text
    assert any("cp1252" in w for w in res.warnings)


def test_double_encoded_utf8_is_repaired(tmp_path):
    sloppy = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in UNICODE.encode("utf-8"))
    mangled = sloppy.encode("utf-8")
    res = load_one(write(tmp_path / "moji.txt", mangled))
    art = only_article(res)
    assert art.text == UNICODE
    assert any("mojibake" in w for w in res.warnings)


# --------------------------------------------------------------------------- malformed files


def test_empty_and_whitespace_files_rejected(tmp_path):
    for name, content in [("e.txt", ""), ("w.md", " \n\t\n"), ("e.json", "")]:
        res = load_one(write(tmp_path / name, content))
        assert not res.articles and "empty" in reasons(res), name


def test_binary_rejected(tmp_path):
    res = load_one(write(tmp_path / "img.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))))
    assert not res.articles and "binary" in reasons(res)
    garbage = bytes((i * 37) % 32 for i in range(1, 2000) if (i * 37) % 32) + b"abc"
    res = load_one(write(tmp_path / "ctl.txt", garbage))
    assert not res.articles and "binary" in reasons(res)


def test_too_large_rejected(tmp_path):
    f = write(tmp_path / "big.txt", BODY * 20)
    res = load_one(f, max_bytes=100)
    assert not res.articles and "too large" in reasons(res)
    assert only_article(load_one(f, max_bytes=10_000))


def test_symlink_escaping_root_rejected(tmp_path):
    outside = write(tmp_path / "outside" / "secret.txt", BODY)
    root = tmp_path / "root"
    write(root / "ok.txt", BODY)
    (root / "link.txt").symlink_to(outside)
    (root / "linkdir").symlink_to(outside.parent, target_is_directory=True)
    (root / "inside.txt").symlink_to(root / "ok.txt")
    [(got_root, res)] = load_paths([root], MAX)
    assert got_root == root.absolute()
    assert sorted(a.path for a in res.articles) == ["inside.txt", "ok.txt"]
    assert {e.path for e in res.rejected} >= {"link.txt", "linkdir"}
    assert all("outside" in e.reason for e in res.rejected if e.path in {"link.txt", "linkdir"})
    assert all("secret" not in a.path for a in res.articles)


def test_unreadable_file_rejected(tmp_path):
    f = write(tmp_path / "locked.txt", BODY)
    f.chmod(0)
    try:
        if os.access(f, os.R_OK):
            pytest.skip("running as root: chmod 000 does not stop reads")
        res = load_one(f)
        assert not res.articles and "permission denied" in reasons(res)
    finally:
        f.chmod(0o644)


def test_permission_error_on_read_is_rejected(tmp_path, monkeypatch):
    f = write(tmp_path / "locked.txt", BODY)
    real = Path.read_bytes

    def deny(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    res = load_one(f)
    assert not res.articles and "permission denied" in reasons(res)


def test_unsupported_suffix_rejected_only_when_named(tmp_path):
    pdf = write(tmp_path / "doc.pdf", b"%PDF-1.4 not really")
    write(tmp_path / "good.txt", BODY)
    res = load_one(pdf)
    assert not res.articles and "unsupported" in reasons(res)
    [(_, res)] = load_paths([tmp_path], MAX)
    assert [a.path for a in res.articles] == ["good.txt"] and not res.rejected


def test_missing_path_rejected(tmp_path):
    [(_, res)] = load_paths([tmp_path / "nope"], MAX)
    assert not res.articles and "no such" in reasons(res)


def test_good_files_load_among_bad_ones(tmp_path):
    write(tmp_path / "a.txt", BODY)
    write(tmp_path / "b.txt", "")
    write(tmp_path / "c.json", "[{broken")
    write(tmp_path / "d.bin.txt", b"\x00\x01\x02binary")
    write(tmp_path / "sub" / "e.md", "# Sub story\n\n" + BODY)
    write(tmp_path / "f.jsonl", json.dumps(record(1)) + "\n" + json.dumps({"title": "no body"}))
    [(root, res)] = load_paths([tmp_path], MAX)
    assert root == tmp_path.absolute()
    assert sorted(a.path for a in res.articles) == ["a.txt", "f.jsonl#0", "sub/e.md"]
    assert sorted(e.path for e in res.rejected) == ["b.txt", "c.json", "d.bin.txt", "f.jsonl#1"]


# --------------------------------------------------------------------------- discovery and ids


def test_discover_skips_hidden_and_unsupported(tmp_path):
    for rel in ["b.txt", "a.md", "x/c.HTML", ".hidden.txt", ".git/d.txt", "notes.docx", "x/.cache/e.json"]:
        write(tmp_path / rel, BODY)
    root, files = discover(tmp_path)
    assert root == tmp_path.absolute()
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["a.md", "b.txt", "x/c.HTML"]
    root, files = discover(tmp_path / "b.txt")
    assert root == tmp_path.absolute() and files == [tmp_path.absolute() / "b.txt"]
    assert {".txt", ".md", ".html", ".htm", ".json", ".jsonl"} <= SUPPORTED_SUFFIXES


def test_ids_use_relative_posix_path_and_are_unique(tmp_path):
    write(tmp_path / "one" / "story.txt", BODY)
    write(tmp_path / "two" / "story.txt", BODY)
    [(_, res)] = load_paths([tmp_path], MAX)
    assert sorted(a.path for a in res.articles) == ["one/story.txt", "two/story.txt"]
    assert {a.id for a in res.articles} == {
        article_id(relpath="one/story.txt"),
        article_id(relpath="two/story.txt"),
    }


def test_load_paths_groups_by_root_and_dedupes_urls(tmp_path):
    write(tmp_path / "r1" / "a.json", json.dumps([record(0, url="https://s.example/x")]))
    write(tmp_path / "r2" / "b.json", json.dumps([record(1, url="https://s.example/x")]))
    out = load_paths([tmp_path / "r1", tmp_path / "r2" / "b.json", tmp_path / "r1"], MAX)
    assert [r for r, _ in out] == [(tmp_path / "r1").absolute(), (tmp_path / "r2").absolute()]
    assert len(out[0][1].articles) == 1
    assert not out[1][1].articles and "a.json#0" in out[1][1].rejected[0].reason


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2023-09-26T19:11:30+00:00", "2023-09-26T19:11:30+00:00"),
        ("2024-03-05T10:20:00Z", "2024-03-05T10:20:00+00:00"),
        ("2024-03-05", "2024-03-05"),
        ("March 5, 2024", "2024-03-05"),
        ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05T10:00:00+00:00"),
        ("sometime last spring", "sometime last spring"),
        ("None", ""),
        (None, ""),
    ],
)
def test_normalize_date(raw, expected):
    assert normalize_date(raw) == expected


def test_json_file_holding_jsonl_is_read_per_line(tmp_path):
    f = write(tmp_path / "lines.json", json.dumps(record(0)) + "\n" + json.dumps(record(1)) + "\n")
    res = load_one(f)
    assert [a.path for a in res.articles] == ["lines.json#0", "lines.json#1"] and not res.rejected


def test_utf16_with_bom_is_text_not_binary(tmp_path):
    art = only_article(load_one(write(tmp_path / "u16.txt", UNICODE.encode("utf-16"))))
    assert art.text == UNICODE


def test_unlistable_folder_rejected_others_load(tmp_path):
    write(tmp_path / "ok.txt", BODY)
    locked = tmp_path / "locked"
    write(locked / "inner.txt", BODY)
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK | os.X_OK):
            pytest.skip("running as root: chmod 000 does not stop listing")
        [(_, res)] = load_paths([tmp_path], MAX)
        assert [a.path for a in res.articles] == ["ok.txt"]
        assert [e.path for e in res.rejected] == ["locked"] and "permission denied" in reasons(res)
    finally:
        locked.chmod(0o755)


def test_an_overlong_article_is_cut_with_a_warning(tmp_path):
    """A multi-megabyte file with no sentence breaks must not become thousands of chunks."""
    path = write(tmp_path / "wall.txt", "Headline of the wall\n" + "word " * 300_000)
    res = load_file(path, tmp_path, 10 * MAX, max_chars=50_000)
    [art] = res.articles
    assert 25_000 <= len(art.text) <= 50_000 and art.text.endswith("word")
    assert any("1,500,0" in w and "first" in w and "max_article_chars" in w for w in res.warnings)
    short = load_file(write(tmp_path / "ok.txt", BODY), tmp_path, MAX, max_chars=50_000)
    assert short.articles[0].text == BODY and short.warnings == []
