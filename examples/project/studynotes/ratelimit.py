"""Chapter 9: a fixed-window rate limiter kept in this process's memory."""

import math
import threading
import time


# --8<-- [start:limiter]
class FixedWindowLimiter:
    """At most `limit` hits per `window` seconds per key.

    The counts live in one process: with 4 gunicorn workers a client gets up to 4 x limit.
    Several processes or servers need a shared store (Redis, for example).
    """

    def __init__(self, limit: int, window: float, clock=time.monotonic):
        self.limit, self.window, self.clock = limit, window, clock
        self._hits: dict[str, tuple[float, int]] = {}
        self._lock = threading.Lock()

    def hit(self, key: str) -> int:
        """Count one hit; return 0 if allowed, else the seconds to wait (for Retry-After)."""
        now = self.clock()
        with self._lock:
            start, count = self._hits.get(key, (now, 0))
            if now - start >= self.window:
                start, count = now, 0
            if count >= self.limit:
                return max(1, math.ceil(start + self.window - now))
            self._hits[key] = (start, count + 1)
            return 0
# --8<-- [end:limiter]
