"""Opening Chroma: an embedded store under the data home, or a ``chroma run`` server; telemetry off."""

from __future__ import annotations

import os
import warnings

from index.errors import StoreUnavailable
from index.settings import Settings

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
# Chroma tries to rebuild a stored embedding function by name; we always pass ours explicitly.
warnings.filterwarnings("ignore", message="Could not reconstruct embedding function")


def open_client(settings: Settings):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=True)
    try:
        if settings.chroma_host:
            return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
        path = settings.home_path / "chroma"
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
    except Exception as exc:
        where = (
            f"the Chroma server at {settings.chroma_host}:{settings.chroma_port}"
            if settings.chroma_host else f"the Chroma store in {settings.home_path / 'chroma'}"
        )
        raise StoreUnavailable(f"could not open {where}: {exc}") from exc


__all__ = ["open_client"]
