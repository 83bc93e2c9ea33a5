"""Which files a folder holds for indexing, and paths relative to the indexed root."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from index.errors import LoadError

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".json", ".jsonl"})
SUPPORTED_SUFFIXES: frozenset[str] = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES


class Skipped(NamedTuple):
    """A file or folder a folder walk passed over, and why."""

    path: str
    reason: str


def is_hidden(name: str) -> bool:
    return name.startswith(".")


def discover(path: Path, skipped: list[Skipped] | None = None) -> tuple[Path, list[Path]]:
    """(root, files) for a folder or a file argument; raises ``LoadError`` if it does not exist.

    A folder is walked recursively, skipping hidden entries and unsupported suffixes.
    Symlinked folders are not entered; those that point outside the root are listed so
    that ``load_file`` rejects them with a reason. A file argument is returned as is,
    whatever its suffix, so that an unsupported one is rejected rather than ignored.
    Entries a folder walk passes over are appended to ``skipped`` (when given), each with its reason.
    """
    skipped = skipped if skipped is not None else []
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
            if is_hidden(d):
                skipped.append(Skipped(str(here / d), "hidden folder (its name starts with '.')"))
                continue
            sub = here / d
            if sub.is_symlink():
                if not inside_root(sub, real_root):
                    files.append(sub)  # rejected by load_file: escapes root
                continue
            keep.append(d)
        dirnames[:] = keep
        for name in filenames:
            if is_hidden(name):
                skipped.append(Skipped(str(here / name), "hidden file (its name starts with '.')"))
                continue
            suffix = Path(name).suffix.lower()
            if suffix not in SUPPORTED_SUFFIXES:
                skipped.append(Skipped(str(here / name), f"unsupported file type {suffix or '(none)'!r}"))
                continue
            files.append(here / name)
    return root, sorted(files)


def inside_root(path: Path, real_root: Path) -> bool:
    try:
        path.resolve().relative_to(real_root)
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def relpath_of(path: Path, root: Path) -> str:
    try:
        return path.absolute().relative_to(root.absolute()).as_posix()
    except ValueError:
        return path.name


__all__ = [
    "HTML_SUFFIXES", "JSON_SUFFIXES", "SUPPORTED_SUFFIXES", "TEXT_SUFFIXES", "Skipped", "discover", "inside_root",
    "is_hidden", "relpath_of",
]
