"""Rate-limit counters in each worker's memory, without a timer thread per request.

limits' MemoryStorage starts a threading.Timer to sweep expired counters
whenever the previous one has finished, i.e. on almost every request at a few
hundred requests a second; starting a thread costs milliseconds under the GIL.
Counters already expire lazily when read, so this storage only sweeps stale
keys inline, at most once a minute. Use it as `worker-memory://`.
"""
import time

from limits.storage import MemoryStorage

SWEEP_EVERY = 60.0


class WorkerMemoryStorage(MemoryStorage):
    STORAGE_SCHEME = ["worker-memory"]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self._next_sweep = time.monotonic() + SWEEP_EVERY

    def _MemoryStorage__schedule_expiry(self) -> None:  # replaces the parent's timer thread
        now = time.monotonic()
        if now >= self._next_sweep:
            self._next_sweep = now + SWEEP_EVERY
            self._MemoryStorage__expire_events()
