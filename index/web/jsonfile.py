"""Small JSON files in the data home, written atomically (a crash leaves the old file or the new one)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from index.errors import ConfigError


def read_json(path: Path, default: Any) -> Any:
    """The file's JSON, or ``default`` when it does not exist; ``ConfigError`` when it is unreadable."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return default
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path} could not be read ({exc}); fix or remove it") from exc


def write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1, sort_keys=True)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


__all__ = ["read_json", "write_json"]
