"""Rate-limit storages and the check's per-token budget.

WorkerMemoryStorage: counters in each worker's memory, without a timer thread per request.

limits' MemoryStorage starts a threading.Timer to sweep expired counters
whenever the previous one has finished, i.e. on almost every request at a few
hundred requests a second; starting a thread costs milliseconds under the GIL.
Counters already expire lazily when read, so this storage only sweeps stale
keys inline, at most once a minute. Use it as `worker-memory://`.
"""
import logging
import math
import os
import sqlite3
import threading
import time
from urllib.parse import urlsplit

from flask import current_app, g
from limits import parse_many
from limits.storage import MemoryStorage, Storage
from limits.strategies import FixedWindowRateLimiter

from backend.errors import ApiError
from backend.service import get_service

SWEEP_EVERY = 60.0
log = logging.getLogger("precheck.ratelimit")


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


class SharedFileStorage(Storage):
    """Counters in a SQLite file that every worker process on the machine opens, so a token's
    limit is one budget however many workers there are (the default; hosts that share one
    database share counters through Redis instead, PRECHECK_REDIS_URL). One statement counts a
    hit, so parallel hits never lose a count. Counters need no durability: writes skip fsync.
    Use it as `precheck-file:///absolute/path/ratelimits.sqlite3`; fixed windows only."""
    STORAGE_SCHEME = ["precheck-file"]

    def __init__(self, uri: str, wrap_exceptions: bool = False, **options):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self.path = urlsplit(uri).path
        self._local = threading.local()  # a connection per thread and process (gthread workers fork)
        self._next_sweep = 0.0

    @property
    def base_exceptions(self):
        return sqlite3.Error

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None or self._local.pid != os.getpid():
            if not os.path.exists(self.path):
                try:  # token ids only, but still the service's own business
                    os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
                except FileExistsError:
                    pass
            db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=OFF")
            db.execute("CREATE TABLE IF NOT EXISTS counters "
                       "(key TEXT PRIMARY KEY, count INTEGER NOT NULL, expires REAL NOT NULL)")
            self._local.db, self._local.pid = db, os.getpid()
        return db

    def incr(self, key: str, expiry: float, amount: int = 1) -> int:
        now = time.time()
        db = self._db()
        if now >= self._next_sweep:
            self._next_sweep = now + SWEEP_EVERY
            db.execute("DELETE FROM counters WHERE expires <= ?", (now,))
        # SET reads the row as it was: an expired window starts again at `amount`
        return db.execute(
            "INSERT INTO counters (key, count, expires) VALUES (?1, ?2, ?3) ON CONFLICT (key) DO UPDATE SET "
            "count = CASE WHEN expires <= ?4 THEN ?2 ELSE count + ?2 END, "
            "expires = CASE WHEN expires <= ?4 THEN ?3 ELSE expires END RETURNING count",
            (key, amount, now + expiry, now)).fetchone()[0]

    def get(self, key: str) -> int:
        row = self._db().execute("SELECT count FROM counters WHERE key = ? AND expires > ?",
                                 (key, time.time())).fetchone()
        return row[0] if row else 0

    def get_expiry(self, key: str) -> float:
        row = self._db().execute("SELECT expires FROM counters WHERE key = ?", (key,)).fetchone()
        return row[0] if row else time.time()

    def check(self) -> bool:
        try:
            self._db().execute("SELECT 1")
            return True
        except sqlite3.Error:
            return False

    def reset(self) -> int | None:
        return self._db().execute("DELETE FROM counters").rowcount

    def clear(self, key: str) -> None:
        self._db().execute("DELETE FROM counters WHERE key = ?", (key,))


# What charge_check counts on while the shared storage does not answer.
_worker_limiter = FixedWindowRateLimiter(WorkerMemoryStorage("worker-memory://"))


def charge_check() -> None:
    """Count one check against the authenticated staff token's budget (PRECHECK_RATE_LIMIT_CHECK);
    429 beyond it. Keyed on the token's id, after authentication: however the Authorization
    header is written ("bearer X", "BEARER  X"), a token has one budget."""
    limiter = get_service().limiter.limiter
    for limit in parse_many(current_app.config["RATE_LIMIT_CHECK"]):
        try:
            allowed = limiter.hit(limit, "check", g.actor)
        except Exception as exc:  # noqa: BLE001 - whatever the storage's client raises
            # Redis away (PRECHECK_REDIS_URL): checks go on, counted in this worker alone until
            # it is back. The counters are only a guard against floods; nothing else is lost.
            log.warning("rate-limit storage unreachable; counting in this worker", exc_info=exc)
            limiter = _worker_limiter
            allowed = limiter.hit(limit, "check", g.actor)
        if not allowed:
            reset = limiter.get_window_stats(limit, "check", g.actor).reset_time
            error = ApiError(429, "rate_limited", f"Too many requests: the limit is {limit}. Try again shortly.")
            error.headers["Retry-After"] = str(max(1, math.ceil(reset - time.time())))
            raise error
