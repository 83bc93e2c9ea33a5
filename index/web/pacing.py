"""Politeness: at least ``delay`` seconds between two requests to the same host."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class HostPacer:
    """Spaces requests per host name. The clock and the sleep are injectable for tests."""

    def __init__(self, delay: float, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.delay = max(0.0, delay)
        self._clock = clock
        self._sleep = sleep
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str) -> float:
        """Block until ``host`` may be contacted again; returns the seconds waited."""
        key = host.lower()
        with self._lock:
            now = self._clock()
            start = max(now, self._next.get(key, now))
            self._next[key] = start + self.delay
        waited = start - now
        if waited > 0:
            self._sleep(waited)
        return waited


__all__ = ["HostPacer"]
