"""One object that the CLI, the web UI and the evaluation engine all call.

It owns the settings, the (cached) encoder, the Chroma store, the lexical
index and the answering chain, so that there is one implementation of every
operation, whatever the front end. Every part is built on first use, and the
encoder only when a text must be embedded: listing, showing, deleting, BM25
search and an unchanged re-index never load a model.
"""

from __future__ import annotations

import threading
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.filters import Filters
from assistant.retrieval import HybridSearcher
from assistant.schema import Answer
from index.chunking import CHUNKER_VERSION
from index.indexer import IndexReport, Progress, delete_article, index_paths
from index.settings import Settings
from index.store import Store

if TYPE_CHECKING:
    from assistant.chain import AnswerChain
    from index.embeddings import Encoder, EncoderInfo


class Engine:
    def __init__(self, settings: Settings | None = None, *, encoder: Encoder | None = None) -> None:
        self.settings = settings or Settings.load()
        self._encoder = encoder
        self._quotes_cache: tuple[int, list[dict[str, Any]]] | None = None
        self._lock = threading.RLock()

    # -- parts, built on first use -------------------------------------------------------
    @cached_property
    def encoder(self) -> Encoder:
        """The encoder, loaded now (a model load: only for work that embeds)."""
        from index.embeddings import get_encoder

        s = self.settings
        return self._encoder or get_encoder(s.encoder, s.threads, s.model_cache)

    @cached_property
    def encoder_info(self) -> EncoderInfo:
        from index.embeddings import EncoderInfo, encoder_info

        if self._encoder is not None:
            return EncoderInfo(self._encoder.name, self._encoder.dimension, self._encoder.key)
        return encoder_info(self.settings.encoder)

    @cached_property
    def store(self) -> Store:
        s = self.settings
        chunker = f"{CHUNKER_VERSION}/{s.chunk_size}/{s.chunk_overlap}/title={int(s.embed_title)}"
        return Store(s, lambda: self.encoder, self.encoder_info, chunker)

    @cached_property
    def searcher(self) -> HybridSearcher:
        return HybridSearcher(self.store, candidates=self.settings.candidates)

    @cached_property
    def chain(self) -> AnswerChain:
        from assistant.chain import AnswerChain

        llm = None
        if self.settings.llm:
            from assistant.llm import make_chat_model

            llm = make_chat_model(self.settings)
        return AnswerChain(self.searcher, k=self.settings.k, llm=llm)

    def warm_up(self) -> None:
        """Load the encoder, open the store and build the lexical index now, not in the first request."""
        _ = self.chain
        self.encoder.embed_documents(["warm up"])
        if self.store.chunk_count():
            self.search("warm up", k=1)

    # -- indexing ----------------------------------------------------------------------------
    def index(self, paths: list[Path | str], *, rebuild: bool = False, progress: Progress | None = None) -> IndexReport:
        with self._lock:
            return index_paths(self.store, [Path(p) for p in paths], self.settings, rebuild=rebuild, progress=progress)

    def delete(self, article_id: str) -> None:
        with self._lock:
            delete_article(self.store, article_id)

    # -- reading -------------------------------------------------------------------------------
    def articles(self) -> list[dict[str, Any]]:
        rows = [
            {"id": aid, "title": m.get("title", ""), "source": m.get("source", ""), "published": m.get("published", ""),
             "url": m.get("url", ""), "author": m.get("author", ""), "path": m.get("path", ""),
             "chunks": int(m.get("n_chunks", 0))}
            for aid, m in self.store.article_records().items()
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
    def ask(self, question: str, history: list[tuple[str, str]] | None = None, *, k: int | None = None,
            filters: Filters | None = None) -> Answer:
        return self.chain.invoke(question, history, k=k, filters=filters)

    def all_quotations(self) -> list[dict[str, Any]]:
        """Every quotation in the index with its speaker, cached per index revision."""
        from assistant.speakers import extract_quotations

        revision = self.store.revision()
        if self._quotes_cache and self._quotes_cache[0] == revision:
            return self._quotes_cache[1]
        records = self.store.article_records()
        rows: list[dict[str, Any]] = []
        ids = sorted(records)
        for i in range(0, len(ids), 500):
            for aid, (text, meta) in self.store.get_articles(ids[i : i + 500]).items():
                for q in extract_quotations(text):
                    if not q.speaker:
                        continue
                    rows.append({
                        "speaker": q.speaker, "quote": q.quote, "start": q.start, "end": q.end, "kind": q.kind,
                        "article_id": aid, "title": meta.get("title", ""), "source": meta.get("source", ""),
                        "url": meta.get("url", ""), "published": meta.get("published", ""),
                    })
        rows.sort(key=lambda r: (r["published"] or "", r["article_id"], r["start"]), reverse=True)
        rows.sort(key=lambda r: not r["published"])  # undated last, newest first otherwise
        self._quotes_cache = (revision, rows)
        return rows

    def quotes(self, speaker: str, limit: int | None = None) -> list[dict[str, Any]]:
        from assistant.speakers import speaker_matches

        rows = [r for r in self.all_quotations() if speaker_matches(speaker, r["speaker"])]
        return rows[:limit] if limit else rows

    def speakers(self) -> list[tuple[str, int]]:
        counts: dict[str, int] = {}
        for r in self.all_quotations():
            counts[r["speaker"]] = counts.get(r["speaker"], 0) + 1
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


__all__ = ["Engine"]
