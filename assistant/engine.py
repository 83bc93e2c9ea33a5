"""One object that the CLI, the web UI and the evaluation engine all call.

It owns the settings, the (cached) encoder, the Chroma store, the lexical
index and the answering chain, so that there is one implementation of every
operation, whatever the front end. Every part is built on first use, and the
encoder only when a text must be embedded: listing, showing, deleting, BM25
search and an unchanged re-index never load a model.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from assistant.filters import Filters
from assistant.retrieval import HybridSearcher
from assistant.schema import Answer, Passage
from assistant.syndication import Copies, CopiesCache, collapse_quotations
from index.chunking import CHUNKER_VERSION
from index.errors import IndexMismatch
from index.indexer import IndexReport, Progress, delete_article, index_sources
from index.quotations import Quotation
from index.quotations.canonical import Entity
from index.quotations.store import EXTRACTOR_VERSION
from index.settings import Settings
from index.store import Store

ARTICLE_QUOTES_KEPT = 2_000  # articles whose stored quotations the answerer keeps in memory (by article text)
AUTHORED_CHOICE = 4  # bylined articles offered per passage asked for, when nobody quotes the name

if TYPE_CHECKING:
    from assistant.chain import AnswerChain
    from index.embeddings import Encoder, EncoderInfo
    from index.web.fetch import Fetcher
    from index.web.poller import FeedPoller
    from index.web.subscriptions import FeedList


class _Part(cached_property):
    """A part of the engine built on first use, once, under the engine's own lock: the web UI warms the
    engine up in the background while the first requests may already ask for the same parts."""

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        cache = instance.__dict__
        if self.attrname not in cache:
            with instance._parts_lock:
                if self.attrname not in cache:
                    cache[self.attrname] = self.func(instance)
        return cache[self.attrname]


class Engine:
    def __init__(self, settings: Settings | None = None, *, encoder: Encoder | None = None,
                 fetcher: Fetcher | None = None) -> None:
        self.settings = settings or Settings.load()
        self._encoder = encoder
        self.fetcher = fetcher  # None: each index run fetches URLs with a fetcher made from the settings
        self._quotes_cache: _QuotationTable | None = None
        self._cased: tuple[int, Mapping[str, str]] | None = None  # (revision, word -> capitalised form)
        self._bylines: tuple[int, list[tuple[str, dict[str, Any]]]] | None = None  # (revision, bylined articles)
        self._article_quotes: OrderedDict[str, tuple[str, list[Quotation]]] = OrderedDict()  # id -> (text, quotes)
        self._lock = threading.RLock()
        self._parts_lock = threading.RLock()

    # -- parts, built on first use -------------------------------------------------------
    @_Part
    def encoder(self) -> Encoder:
        """The encoder, loaded now (a model load: only for work that embeds)."""
        from index.embeddings import get_encoder

        s = self.settings
        return self._encoder or get_encoder(s.encoder, s.threads, s.model_cache)

    @_Part
    def encoder_info(self) -> EncoderInfo:
        from index.encoder_info import EncoderInfo, encoder_info

        if self._encoder is not None:
            return EncoderInfo(self._encoder.name, self._encoder.dimension, self._encoder.key)
        return encoder_info(self.settings.encoder)

    @_Part
    def store(self) -> Store:
        s = self.settings
        chunker = f"{CHUNKER_VERSION}/{s.chunk_size}/{s.chunk_overlap}/title={int(s.embed_title)}"
        return Store(s, lambda: self.encoder, self.encoder_info, chunker, EXTRACTOR_VERSION)

    @_Part
    def searcher(self) -> HybridSearcher:
        return HybridSearcher(self.store, candidates=self.settings.candidates)

    @_Part
    def copies_cache(self) -> CopiesCache:
        return CopiesCache(self.store)

    def copies(self) -> Copies:
        """Which articles are syndicated copies of one another (grouped at index time)."""
        return self.copies_cache.get()

    @_Part
    def chain(self) -> AnswerChain:
        from assistant.chain import AnswerChain

        llm = None
        if self.settings.llm:
            from assistant.llm import make_chat_model

            llm = make_chat_model(self.settings)
        return AnswerChain(self.searcher, k=self.settings.k, llm=llm, copies=self.copies_cache,
                           quotations=self._stored_quotations, quoted=self._quoted_passages, names=self._cased_names)

    def _cased_names(self) -> Mapping[str, str]:
        """For a question typed in lower case: the capitals the speakers' names give words ({} when the stored
        quotations are out of date)."""
        from assistant.asking import cased_names

        try:
            table = self._quotation_table()
        except IndexMismatch:
            return {}
        if self._cased is None or self._cased[0] != table.revision:
            names = [n for e in table.entities.values() if e.speaker_type != "unnamed" for n in (e.name, *e.aliases)]
            self._cased = (table.revision, cased_names(names))
        return self._cased[1]

    def quotations_notice(self) -> str:
        """"" when the stored quotations are current; else what to run (answers still work: the chain extracts the
        retrieved articles' quotations at query time, but names typed in lower case are not recognised)."""
        try:
            self.store.check_quotations()
        except IndexMismatch as exc:
            return f"{exc}. Until then answers extract quotations as they go and lower-case names are not recognised."
        return ""

    def _stored_quotations(self, articles: dict[str, str]) -> dict[str, list[Quotation]]:
        """For the answerer: the stored quotations of these articles (id -> the text retrieval read), or none
        (it then extracts them) when the index's quotations predate this extractor (``assistant index``
        updates them). The chain asks only about retrieved articles, which are complete and current: one with
        no stored quotation has none. Only these articles are read (no cross-article entity table), and kept
        by article text: an index change elsewhere costs no read again (the first ask after a change)."""
        from index.quotations import store as quotation_store

        try:
            revision = self.store.check_quotations()
        except IndexMismatch:
            return {}
        table = self._quotes_cache
        if table is not None and table.revision == revision:
            return {aid: [replace(q) for q in table.by_article.get(aid, [])] for aid in articles}
        with self._lock:
            known = self._article_quotes
            missing = [aid for aid, text in articles.items() if aid not in known or known[aid][0] != text]
        if missing:
            found = _by_article(quotation_store.read(self.store, missing))
            with self._lock:
                known.update({aid: (articles[aid], found.get(aid, [])) for aid in missing})
                while len(known) > ARTICLE_QUOTES_KEPT:
                    known.popitem(last=False)
        with self._lock:
            return {aid: [replace(q) for q in known[aid][1]] if aid in known else [] for aid in articles}

    def warm_up(self) -> None:
        """Load the encoder, open the store and build the lexical index now, not in the first request."""
        _ = self.chain
        self.encoder.embed_documents(["warm up"])
        if self.store.chunk_count():
            self.search("warm up", k=1)

    # -- indexing ----------------------------------------------------------------------------
    def index(self, sources: list[Path | str], *, rebuild: bool = False,
              progress: Progress | None = None) -> IndexReport:
        """Index files, folders and http(s) URLs (an article page or an RSS/Atom feed), in one run."""
        with self._lock:
            report = index_sources(self.store, sources, self.settings, rebuild=rebuild, progress=progress,
                                   fetcher=self.fetcher)
            self._follow_revision()
            return report

    def delete(self, article_id: str) -> None:
        with self._lock:
            delete_article(self.store, article_id)
            self._follow_revision()

    def _follow_revision(self) -> None:
        """After a write here: the readers already built load the new revision (BM25 arrays, outlet
        catalogue, copies) now, so the next question costs what any question does."""
        if "searcher" in self.__dict__:
            self.searcher.facts()
        if "copies_cache" in self.__dict__:
            self.copies_cache.get()

    # -- feeds ---------------------------------------------------------------------------------
    @property
    def feed_list(self) -> FeedList:
        from index.web.subscriptions import FeedList

        return FeedList(self.settings.home_path)

    def update_feeds(self, progress: Progress | None = None) -> IndexReport:
        """Poll every feed in the feed list (one index run); each feed's result is kept in the list."""
        from index.web.collect import source_summary

        feeds = self.feed_list
        report = self.index([f.url for f in feeds.list()], progress=progress)
        feeds.record((row["url"], source_summary(row)) for row in report.sources)
        return report

    def start_feed_poller(self) -> FeedPoller | None:
        """Poll the feed list every ``feed_poll_minutes`` in a background thread (None when the setting is 0)."""
        from index.web.collect import source_summary
        from index.web.poller import FeedPoller

        if self.settings.feed_poll_minutes <= 0:
            return None
        return FeedPoller(lambda: [f"{r['url']}: {source_summary(r)}" for r in self.update_feeds().sources],
                          self.settings.feed_poll_minutes).start()

    # -- reading -------------------------------------------------------------------------------
    def articles(self) -> list[dict[str, Any]]:
        """Every article; ``copies`` lists the other articles of its syndication group (else [])."""
        records = self.store.article_records()
        copies = Copies.from_records(records)
        rows = [
            {"id": aid, "title": m.get("title", ""), "source": m.get("source", ""), "published": m.get("published", ""),
             "url": m.get("url", ""), "author": m.get("author", ""), "path": m.get("path", ""),
             "chunks": int(m.get("n_chunks", 0)), "group": copies.group_of.get(aid, ""), "copies": copies.others(aid)}
            for aid, m in records.items()
        ]
        rows.sort(key=lambda r: (r["published"] or "", r["title"]), reverse=True)
        return rows

    def article(self, article_id: str) -> dict[str, Any]:
        text, meta = self.store.get_article(article_id)
        keep = ("title", "source", "url", "published", "author", "path", "content_hash", "n_chunks")
        return {"id": article_id, **{k: meta.get(k, "") for k in keep}, "text": text}

    def article_text(self, article_id: str) -> str:
        return self.store.get_article(article_id)[0]

    def article_meta(self, article_id: str) -> dict[str, Any]:
        data = self.article(article_id)
        data.pop("text")
        return data

    def sources(self) -> list[str]:
        return sorted({m.get("source", "") for m in self.store.article_records().values()} - {""})

    def search(self, query: str, *, k: int | None = None, filters: Filters | None = None,
               mode: str = "hybrid") -> list[dict[str, Any]]:
        hits = self.searcher.search(query, k or self.settings.k, filters or Filters(), mode)
        return [
            {"article_id": h.metadata["article_id"], "chunk_id": h.chunk_id, "title": h.metadata.get("title", ""),
             "source": h.metadata.get("source", ""), "published": h.metadata.get("published", ""),
             "start": int(h.metadata["start"]), "end": int(h.metadata["end"]), "score": round(h.score, 6),
             "text": h.text}
            for h in hits
        ]

    # -- answering -----------------------------------------------------------------------------
    def ask_stream(self, question: str, history: list[tuple[str, str]] | None = None, *, k: int | None = None,
                   filters: Filters | None = None) -> Iterator[str | Answer]:
        """``ask`` as it happens: an LLM's answer prose so far (str) while it is written, then the
        verified ``Answer`` (always the last item; the only one with the extractive answerer)."""
        return self.chain.stream(question, history, k=k, filters=filters)

    def ask(self, question: str, history: list[tuple[str, str]] | None = None, *, k: int | None = None,
            filters: Filters | None = None) -> Answer:
        return self.chain.invoke(question, history, k=k, filters=filters)

    # -- quotations (stored at index time, see index.quotations) ---------------------------------------
    def _quotation_table(self) -> _QuotationTable:
        """Every stored quotation with its canonical speaker entity, cached per index revision."""
        from index.quotations import canonical
        from index.quotations import store as quotation_store

        revision = self.store.check_quotations()
        cached = self._quotes_cache
        if cached is not None and cached.revision == revision:
            return cached
        rows = list(quotation_store.read(self.store))
        entities = canonical.assign_entities([(q, meta["article_id"]) for q, meta in rows])
        rows.sort(key=lambda r: r[0].start)  # text order within an article (the sorts below are stable)
        rows.sort(key=lambda r: (r[1].get("published") or "", r[1]["article_id"]), reverse=True)
        rows.sort(key=lambda r: not r[1].get("published"))  # undated last, newest first otherwise
        self._quotes_cache = _QuotationTable(revision, rows, {e.key: e for e in entities}, _by_article(rows))
        return self._quotes_cache

    def speakers(self) -> list[Entity]:
        """Speaker entities (name forms merged across articles), most quoted first."""
        from index.quotations.canonical import by_count

        return by_count(self._quotation_table().entities.values())

    def quotes(self, name: str, limit: int | None = None) -> list[dict[str, Any]]:
        """All quotations of the entities ``name`` refers to (any name form or role phrase), newest first."""
        from index.quotations import speaker_matches

        table = self._quotation_table()
        keys = {
            e.key for e in table.entities.values()
            if any(speaker_matches(name, e.name, e.aliases, role) for role in (e.roles or ("",)))
        }
        out = []
        for q, meta in table.rows:
            if q.entity in keys:
                entity = table.entities[q.entity]
                out.append({
                    "speaker": entity.name, "entity": entity.key, "speaker_type": entity.speaker_type,
                    "role": q.role, "quote": q.quote, "start": q.start, "end": q.end, "kind": q.kind,
                    "sentence_start": q.sentence_start, "sentence_end": q.sentence_end,
                    "article_id": meta["article_id"], "title": meta.get("title", ""), "source": meta.get("source", ""),
                    "url": meta.get("url", ""), "published": meta.get("published", ""),
                })
        out = collapse_quotations(out, self.copies())  # a syndicated quotation once, with its copies
        return out[:limit] if limit else out

    def _quoted_passages(self, name: str, limit: int) -> list[Passage]:
        """The newest ``limit`` articles the quotation store says quote ``name`` (any name form), each as one
        passage over its quotations' sentences, with all its quotations attached: for "What did Clark say?" when
        retrieval found no article that quotes a Clark; when none does, the articles whose byline is ``name``,
        whole (``AUTHORED_CHOICE`` x ``limit``, newest first). [] when the stored quotations are out of date."""
        try:
            found = self.quotes(name)
        except IndexMismatch:
            return []
        by_article = self._quotation_table().by_article
        out = []
        for aid in list(dict.fromkeys(q["article_id"] for q in found))[:limit]:
            mine = [q for q in found if q["article_id"] == aid]
            start, end = min(q["sentence_start"] for q in mine), max(q["sentence_end"] for q in mine)
            meta = mine[0]
            out.append(Passage(aid, f"{aid}:quoted", meta["title"], meta["source"], meta["url"], meta["published"],
                               start, end, 0.0, self.article_text(aid),
                               quotations=tuple(replace(q) for q in by_article.get(aid, []))))
        if out:
            return out
        # nobody quotes them: the articles they wrote, whole (up to AUTHORED_CHOICE x limit, for the chain to choose)
        for aid, meta in self._authored(name)[: limit * AUTHORED_CHOICE]:
            text = self.article_text(aid)
            out.append(Passage(aid, f"{aid}:authored", meta.get("title", ""), meta.get("source", ""),
                               meta.get("url", ""), meta.get("published", ""), 0, len(text), 0.0, text,
                               quotations=tuple(replace(q) for q in by_article.get(aid, [])),
                               author=meta.get("author", "")))
        return out

    def _authored(self, name: str) -> list[tuple[str, dict[str, Any]]]:
        """The articles whose byline ``name`` matches, newest first (the bylines read once per index revision)."""
        from index.quotations import speaker_matches

        revision = self.store.check_quotations()
        if self._bylines is None or self._bylines[0] != revision:
            records = self.store.article_records()
            self._bylines = (revision, [(aid, m) for aid, m in records.items() if m.get("author")])
        found = [(aid, m) for aid, m in self._bylines[1] if speaker_matches(name, m["author"])]
        return sorted(found, key=lambda x: x[1].get("published") or "", reverse=True)

    def quotations_for(self, article_ids: Iterable[str]) -> dict[str, list[Quotation]]:
        """The stored quotations of these articles, in text order, each with its entity key set.

        Articles that are not (completely) indexed are absent from the result.
        """
        by_article = self._quotation_table().by_article
        return {aid: [replace(q) for q in by_article[aid]] for aid in dict.fromkeys(article_ids) if aid in by_article}


def _by_article(rows: Iterable[tuple[Quotation, dict[str, Any]]]) -> dict[str, list[Quotation]]:
    """Stored quotations grouped by article, in text order (ties in one order, whatever the read order)."""
    out: dict[str, list[Quotation]] = {}
    for q, meta in rows:
        out.setdefault(meta["article_id"], []).append(q)
    for quotes in out.values():
        quotes.sort(key=lambda q: (q.start, q.end, q.kind))
    return out


class _QuotationTable(NamedTuple):
    revision: int
    rows: list[tuple[Quotation, dict[str, Any]]]
    entities: dict[str, Entity]
    by_article: dict[str, list[Quotation]]  # text order


__all__ = ["Engine"]
