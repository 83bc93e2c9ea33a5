"""Turn files (text, Markdown, HTML, JSON, JSONL) into ``Article`` objects.

Why one module: every format goes through the same gates, so the rules are the
same everywhere: size, binary and encoding checks, symlinks that leave the
indexed root, duplicate ids. A bad file or record never stops a batch: it
becomes a ``LoadError`` in ``LoadResult.rejected`` and the good ones load.

Stored text is ``normalize_text(body).strip()``: Unicode NFC, newlines unified,
BOM dropped, and leading/trailing whitespace removed. Nothing else changes, so
character offsets (chunks, quotes) point into exactly the text a reader sees.

Decoding: UTF-8 (BOM allowed; UTF-16 with a BOM too), else the charset an HTML
``<meta>`` or an XML declaration names, else cp1252 with a warning. Bytes that
decode to control-character garbage are rejected as binary, never mojibake.
"""

from __future__ import annotations

import codecs
import datetime as dt
import email.utils
import json
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from index.articles import Article, article_id, canonical_url
from index.errors import LoadError
from index.text import normalize_text

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".json", ".jsonl"})
SUPPORTED_SUFFIXES: frozenset[str] = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES

TITLE_MAX = 150
_SNIFF_BYTES = 8192
_GARBAGE_RATIO = 0.01  # share of control characters above which decoded text is "binary"
_MISSING = {"", "none", "null", "nan", "n/a"}
_BODY_KEYS = ("body", "text", "content")
_DATE_KEYS = ("published_at", "published", "date")
_LIST_KEYS = ("articles", "items", "data")
_KNOWN_KEYS = {"title", "source", "url", "author", "authors", "id", "doc_index", *_BODY_KEYS, *_DATE_KEYS}


@dataclass
class LoadResult:
    """What one load produced: articles, per-file/record rejections, and warnings."""

    articles: list[Article] = field(default_factory=list)
    rejected: list[LoadError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def extend(self, other: LoadResult) -> None:
        self.articles.extend(other.articles)
        self.rejected.extend(other.rejected)
        self.warnings.extend(other.warnings)


# --------------------------------------------------------------------------- discovery


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def discover(path: Path) -> tuple[Path, list[Path]]:
    """(root, files) for a folder or a file argument; raises ``LoadError`` if it does not exist.

    A folder is walked recursively, skipping hidden entries and unsupported suffixes.
    Symlinked folders are not entered; those that point outside the root are listed so
    that ``load_file`` rejects them with a reason. A file argument is returned as is,
    whatever its suffix, so that an unsupported one is rejected rather than ignored.
    """
    path = Path(path).expanduser()
    if not path.exists() and not path.is_symlink():
        raise LoadError(str(path), "no such file or directory")
    if not path.is_dir():
        return path.absolute().parent, [path.absolute()]
    root = path.absolute()
    real_root = root.resolve()
    files: list[Path] = []

    def unreadable(exc: OSError) -> None:  # listed so that load_file rejects it with a reason
        if exc.filename:
            files.append(Path(exc.filename))

    for current, dirnames, filenames in os.walk(root, onerror=unreadable, followlinks=False):
        here = Path(current)
        keep = []
        for d in sorted(dirnames):
            if _is_hidden(d):
                continue
            sub = here / d
            if sub.is_symlink():
                if not _inside(sub, real_root):
                    files.append(sub)  # rejected by load_file: escapes root
                continue
            keep.append(d)
        dirnames[:] = keep
        for name in filenames:
            if _is_hidden(name) or Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            files.append(here / name)
    return root, sorted(files)


def _inside(path: Path, real_root: Path) -> bool:
    try:
        path.resolve().relative_to(real_root)
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _relpath(path: Path, root: Path) -> str:
    try:
        return path.absolute().relative_to(root.absolute()).as_posix()
    except ValueError:
        return path.name


# --------------------------------------------------------------------------- bytes -> str


_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_MOJIBAKE = re.compile(
    "[\u00c2\u00c3][\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]|\u00e2\u20ac"
)


def _declared_charset(data: bytes) -> str | None:
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    sample = text[: _SNIFF_BYTES * 4]
    bad = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    return bad / len(sample) > _GARBAGE_RATIO


def decode_bytes(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode file bytes by the rules in the module docstring; raise ``LoadError`` for binary data."""
    warnings: list[str] = []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise LoadError(name, "binary file: invalid UTF-16") from exc
    else:
        if b"\x00" in data[:_SNIFF_BYTES]:
            raise LoadError(name, "binary file (NUL bytes), not text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = None
            declared = _declared_charset(data)
            if declared and declared != "utf-8":
                try:
                    text = data.decode(declared)
                except UnicodeDecodeError:
                    warnings.append(f"{name}: declared charset {declared} does not fit the bytes")
            if text is None:
                try:
                    text = data.decode("cp1252")
                except UnicodeDecodeError as exc:
                    raise LoadError(name, "binary or undecodable file: not UTF-8 and not cp1252") from exc
                warnings.append(f"{name}: not UTF-8 and no charset declared; decoded as cp1252")
        else:
            text = _repair_mojibake(text, name, warnings)
    if _looks_binary(text):
        raise LoadError(name, "binary file (control characters), not text")
    return text, warnings


def _sloppy_cp1252(text: str) -> bytes:
    """cp1252 encoding that maps its five undefined bytes to themselves, as Windows tools do."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                raise
            out.append(ord(ch))
    return bytes(out)


def _repair_mojibake(text: str, name: str, warnings: list[str]) -> str:
    """Undo UTF-8 that was once decoded as cp1252 and saved again (e.g. 'cafÃ©')."""
    if not _MOJIBAKE.search(text):
        return text
    try:
        fixed = _sloppy_cp1252(text).decode("utf-8")
    except UnicodeError:
        warnings.append(f"{name}: text looks double-encoded (mojibake) and could not be repaired")
        return text
    warnings.append(f"{name}: repaired double-encoded UTF-8 (mojibake)")
    return fixed


# --------------------------------------------------------------------------- metadata helpers


def _clean(value: Any) -> str:
    """A metadata value as one line of text; "None"/"null"/"" and friends mean missing."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(v for v in (_clean(x) for x in value) if v)
    if isinstance(value, dict):
        return _clean(value.get("name"))
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    text = " ".join(normalize_text(str(value)).split())
    return "" if text.lower() in _MISSING else text


_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d", "%Y.%m.%d", "%B %d %Y")


def normalize_date(value: Any) -> str:
    """ISO 8601 when parseable (dates stay dates, datetimes keep time and zone); else as given."""
    raw = _clean(value)
    if not raw:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        try:
            return dt.date.fromisoformat(raw).isoformat()
        except ValueError:
            return raw
    try:
        return dt.datetime.fromisoformat(
            raw.replace(" ", "T", 1) if re.match(r"\d{4}-\d{2}-\d{2} ", raw) else raw
        ).isoformat()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(raw).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(raw, fmt).date().isoformat()
        except ValueError:
            continue
    return raw


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s|$)")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Za-z]\.)+[\"'”’)]*$|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|No|vs|etc|Gen|Sen|Rep|Gov|Inc|Co|Corp|Ltd|Prof)\.$"
)


def _first_sentence(line: str) -> str:
    for match in _SENTENCE_END.finditer(line):
        candidate = line[: match.end()]
        if len(candidate) >= 20 and not _ABBREVIATION.search(candidate):
            return candidate
    return line


def title_from_text(text: str, markdown: bool = False) -> str:
    """First non-blank line; its first sentence if very long; at most ~200 characters."""
    for line in text.splitlines():
        line = line.strip()
        if markdown:
            line = line.lstrip("#").strip()
        if line:
            break
    else:
        return ""
    line = " ".join(line.split())
    if len(line) <= TITLE_MAX:
        return line
    sentence = _first_sentence(line)
    if len(sentence) <= TITLE_MAX:
        return sentence
    # a lede sentence is no headline: keep its main clause (up to the first comma past 60 characters)
    comma = sentence.find(", ", 60)
    if 0 < comma <= TITLE_MAX:
        return sentence[:comma]
    cut = line[:TITLE_MAX].rsplit(" ", 1)[0] or line[:TITLE_MAX]
    return cut.rstrip(" ,;:-") + "…"


def _first(record: dict, keys: Iterable[str]) -> Any:
    for key in keys:
        if key in record and _clean(record[key]):
            return record[key]
    return None


def _make_article(
    *,
    body: str,
    relpath: str,
    root: Path,
    title: str = "",
    source: str = "",
    url: str = "",
    published: Any = None,
    author: Any = "",
    key: str = "",
    markdown: bool = False,
    extra: dict | None = None,
) -> Article:
    text = normalize_text(body).strip()
    url = _clean(url)
    path = f"{relpath}#{key}" if key else relpath
    return Article(
        id=article_id(url=url, relpath=relpath, key=key),
        text=text,
        title=_clean(title) or title_from_text(text, markdown=markdown),
        source=_clean(source),
        url=url,
        published=normalize_date(published),
        author=_clean(author),
        path=path,
        root=str(root.resolve()),
        extra=extra or {},
    )


# --------------------------------------------------------------------------- formats


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)


def _load_text(text: str, relpath: str, root: Path, markdown: bool) -> LoadResult:
    result = LoadResult()
    meta: dict = {}
    body = normalize_text(text)
    match = _FRONT_MATTER.match(body)
    if match:
        import yaml

        try:
            parsed = yaml.safe_load(match.group(1) or "") or {}
        except yaml.YAMLError as exc:
            parsed = None
            result.warnings.append(
                f"{relpath}: front matter is not valid YAML, ignored ({type(exc).__name__})"
            )
            body = body[match.end() :]
        if isinstance(parsed, dict):
            meta = {str(k).lower(): v for k, v in parsed.items()}
            body = body[match.end() :]
    if not body.strip():
        result.rejected.append(LoadError(relpath, "no text after the front matter"))
        return result
    extra = {k: _clean(v) for k, v in meta.items() if k not in _KNOWN_KEYS and _clean(v)}
    result.articles.append(
        _make_article(
            body=body,
            relpath=relpath,
            root=root,
            title=meta.get("title"),
            source=meta.get("source"),
            url=meta.get("url"),
            published=_first(meta, _DATE_KEYS),
            author=_first(meta, ("author", "authors")),
            markdown=markdown,
            extra=extra,
        )
    )
    return result


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date",
    "dc.date.issued",
    "date",
)


def _html_date(tree: Any) -> str:
    """A publication datetime from meta tags or JSON-LD (trafilatura keeps only the day)."""
    for meta in tree.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if name in _DATE_META and _clean(meta.get("content")):
            return meta.get("content")
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if _clean(item.get("datePublished")):
                    return item["datePublished"]
                stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
    return ""


def _strip_invisible(tree: Any) -> None:
    """Drop scripts, styles and hidden elements so their text can never reach the index."""
    doomed = []
    for el in tree.iter():
        if not isinstance(el.tag, str):  # comments, processing instructions
            doomed.append(el)
            continue
        tag = el.tag.lower()
        if (
            tag in {"script", "style", "noscript", "template"}
            or el.get("hidden") is not None
            or (el.get("aria-hidden") or "").lower() == "true"
            or _HIDDEN_STYLE.search(el.get("style") or "")
        ):
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def _load_html(text: str, relpath: str, root: Path) -> LoadResult:
    import lxml.html
    import trafilatura
    from lxml.etree import ParserError

    result = LoadResult()
    text = re.sub(r"\A\s*<\?xml[^>]*\?>", "", text)  # lxml refuses str input with an encoding declaration
    try:
        tree = lxml.html.document_fromstring(text)
    except (ParserError, ValueError) as exc:
        result.rejected.append(LoadError(relpath, f"HTML could not be parsed: {exc}"))
        return result
    date = _html_date(tree)
    page_title = _clean(tree.findtext(".//title"))
    _strip_invisible(tree)
    try:
        doc = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False)
    except Exception as exc:  # noqa: BLE001 - third-party extractor: any failure rejects this one file
        result.rejected.append(LoadError(relpath, f"HTML extraction failed: {type(exc).__name__}: {exc}"))
        return result
    body = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not body.strip():
        result.rejected.append(LoadError(relpath, "no main article text found in the HTML"))
        return result
    result.articles.append(
        _make_article(
            body=body,
            relpath=relpath,
            root=root,
            title=doc.title or page_title,
            source=doc.sitename or doc.hostname,
            url=doc.url,
            published=date or doc.date,
            author=doc.author,
        )
    )
    return result


def _records(data: Any) -> list | None:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in _LIST_KEYS:
            if isinstance(data.get(key), list):
                return data[key]
        if _first(data, _BODY_KEYS) is not None:
            return [data]
    return None


def _load_json(text: str, relpath: str, root: Path, jsonl: bool) -> LoadResult:
    result = LoadResult()
    numbered: list[tuple[int, Any]] = []  # (line number or 0, record)
    if not jsonl:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            if exc.msg != "Extra data":
                result.rejected.append(
                    LoadError(relpath, f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")
                )
                return result
            jsonl = True  # several objects, one per line: read it as JSONL
        else:
            records = _records(data)
            if records is None:
                result.rejected.append(
                    LoadError(
                        relpath,
                        "JSON is neither a list of articles nor an object with an articles/items/data list",
                    )
                )
                return result
            numbered = [(0, r) for r in records]
    if jsonl:
        for lineno, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                numbered.append((lineno, json.loads(line)))
            except json.JSONDecodeError as exc:
                result.rejected.append(LoadError(relpath, f"invalid JSON on line {lineno}: {exc.msg}"))
    for position, (lineno, record) in enumerate(numbered):
        where = f"line {lineno}" if lineno else f"record {position}"
        if not isinstance(record, dict):
            result.rejected.append(LoadError(f"{relpath}#{position}", f"{where} is not a JSON object"))
            continue
        key = _clean(_first(record, ("id", "doc_index"))) or str(position)
        body = _first(record, _BODY_KEYS)
        if not isinstance(body, str) or not body.strip():
            result.rejected.append(LoadError(f"{relpath}#{key}", f"{where} has no body/text/content"))
            continue
        extra = {k: v for k, v in record.items() if k not in _KNOWN_KEYS and _clean(v)}
        result.articles.append(
            _make_article(
                body=body,
                relpath=relpath,
                root=root,
                title=record.get("title"),
                source=record.get("source"),
                url=record.get("url"),
                published=_first(record, _DATE_KEYS),
                author=_first(record, ("author", "authors")),
                key=key,
                extra=extra,
            )
        )
    return result


# --------------------------------------------------------------------------- entry points


def _read_bytes(path: Path, max_bytes: int, relpath: str) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise LoadError(relpath, f"file too large ({size:,} bytes; the limit is {max_bytes:,})")
        if not os.access(path, os.R_OK):
            raise LoadError(relpath, "permission denied")
        data = path.read_bytes()
    except PermissionError as exc:
        raise LoadError(relpath, "permission denied") from exc
    except IsADirectoryError as exc:
        raise LoadError(relpath, "is a directory, not a file") from exc
    except OSError as exc:
        raise LoadError(relpath, f"cannot read: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise LoadError(relpath, f"file too large ({len(data):,} bytes; the limit is {max_bytes:,})")
    return data


def load_file(path: Path, root: Path, max_bytes: int) -> LoadResult:
    """Load one file below ``root``; every problem is reported in the result, never raised."""
    path = Path(path)
    root = Path(root)
    relpath = _relpath(path, root)
    result = LoadResult()
    try:
        if path.is_symlink() and not _inside(path, root.resolve()):
            raise LoadError(relpath, "symlink points outside the indexed folder")
        if not path.exists():
            raise LoadError(relpath, "no such file")
        if path.is_dir():
            if not os.access(path, os.R_OK | os.X_OK):
                raise LoadError(relpath or path.name, "permission denied (folder cannot be listed)")
            raise LoadError(relpath, "is a directory, not a file")
        suffix = path.suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES:
            supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
            raise LoadError(relpath, f"unsupported file type {suffix or '(none)'!r}; supported: {supported}")
        data = _read_bytes(path, max_bytes, relpath)
        if not data.strip():
            raise LoadError(relpath, "empty file")
        text, warnings = decode_bytes(data, relpath)
        result.warnings.extend(warnings)
        if not text.strip():
            raise LoadError(relpath, "empty file (whitespace only)")
    except LoadError as err:
        result.rejected.append(err)
        return result
    if suffix in HTML_SUFFIXES:
        loaded = _load_html(text, relpath, root)
    elif suffix in JSON_SUFFIXES:
        loaded = _load_json(text, relpath, root, jsonl=suffix == ".jsonl")
    else:
        loaded = _load_text(text, relpath, root, markdown=suffix != ".txt")
    result.extend(loaded)
    return _drop_duplicates(result, {})


def _drop_duplicates(result: LoadResult, seen: dict[str, Article]) -> LoadResult:
    """Keep the first article per id; later ones become rejections naming the first."""
    kept: list[Article] = []
    for art in result.articles:
        first = seen.get(art.id)
        if first is not None:
            why = (
                f"same URL as {first.path}"
                if art.url and canonical_url(art.url)
                else f"same id as {first.path}"
            )
            if first.root != art.root:
                why += f" in {first.root}"
            result.rejected.append(LoadError(art.path, f"duplicate article ({why}); kept the first"))
            continue
        seen[art.id] = art
        kept.append(art)
    result.articles = kept
    return result


def load_paths(paths: Iterable[Path], max_bytes: int) -> list[tuple[Path, LoadResult]]:
    """Load files and folders; one ``(root, result)`` per root, in the order roots were first named.

    Article ids are unique across the whole call: a duplicate (same URL, or same
    relative path under two roots) is rejected, naming the article kept.
    """
    results: dict[Path, LoadResult] = {}
    done: set[tuple[Path, str]] = set()
    seen: dict[str, Article] = {}
    for raw in paths:
        raw = Path(raw)
        try:
            root, files = discover(raw)
        except LoadError as err:
            results.setdefault(raw.absolute(), LoadResult()).rejected.append(err)
            continue
        bucket = results.setdefault(root, LoadResult())
        for file in files:
            marker = (root, _relpath(file, root))
            if marker in done:
                continue
            done.add(marker)
            bucket.extend(_drop_duplicates(load_file(file, root, max_bytes), seen))
    return list(results.items())


__all__ = [
    "SUPPORTED_SUFFIXES",
    "LoadResult",
    "decode_bytes",
    "discover",
    "load_file",
    "load_paths",
    "normalize_date",
    "title_from_text",
]
