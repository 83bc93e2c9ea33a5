"""A background thread that polls the feed list every N minutes (``feed_poll_minutes``; 0 = off).

The poll itself is a callable (the engine's ``update_feeds``), so this module knows nothing of
the store. Each poll's outcome goes to ``log`` one line per feed; a failing poll (the index is
locked by another writer, the store is down) is logged in one line and tried again next time.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable

from index.errors import AssistantError


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


class FeedPoller:
    def __init__(self, poll: Callable[[], list[str]], minutes: float, *,
                 log: Callable[[str], None] = _stderr) -> None:
        self.poll = poll  # returns the lines to log
        self.interval = minutes * 60.0
        self.log = log
        self.polls = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="feed-poller", daemon=True)

    def start(self) -> FeedPoller:
        self._thread.start()
        return self

    def stop(self, timeout: float | None = 10.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                for line in self.poll():
                    self.log(f"feeds: {line}")
            except AssistantError as exc:
                self.log(f"feeds: poll failed: {exc}")
            except Exception as exc:  # noqa: BLE001 - a poller thread must outlive one bad poll
                self.log(f"feeds: poll failed: unexpected {type(exc).__name__}: {exc}")
            self.polls += 1
            self._stop.wait(self.interval)


__all__ = ["FeedPoller"]
