"""Hot reload: each worker keeps one immutable nlp Engine per school and lists_version and swaps it whole.

The spaCy pipeline is loaded once per process (before gunicorn forks, when
preloaded, so workers share its memory) and reused by every Engine. A poller
thread in each worker looks at every school's lists_version every
RELOAD_INTERVAL seconds and builds the next Engine off the request path; the
reference swap is a single assignment, so a check uses either the old Engine
or the new one, never a mix.
"""
import logging
import os
import threading
import time
from collections import OrderedDict
from functools import lru_cache
from typing import NamedTuple

from backend.store import DEFAULT_SCHOOL_ID
from nlp import Engine, Settings, load_pipeline
from nlp.excepted import without_excepted

log = logging.getLogger("precheck.engines")
# Schools whose Engine a worker keeps at once: a trust of 30 schools all stay built.
MAX_ENGINES = 40


@lru_cache(maxsize=None)
def shared_pipeline(name: str):
    """One spaCy pipeline per model name per process."""
    return load_pipeline(name)


class Current(NamedTuple):
    version: int
    engine: Engine
    settings: Settings


class ExceptionsApplied:
    """A school's Engine with its school-wide exceptions honoured: built with the lists and
    settings of the same version, so an exception reaches every worker as a list change does."""

    def __init__(self, engine: Engine, excepted: frozenset):
        self.engine, self.excepted = engine, excepted

    def check(self, text, context):
        return without_excepted(self.engine.check(text, context), self.excepted)


class FaultInjectingEngine:
    """Tests only (PRECHECK_FAULT_TRIGGER): raises, quoting the draft, when the trigger is in it.

    Lets the privacy tests prove that an exception carrying draft text from
    deep in the NLP code leaves no trace of it in logs or answers.
    """

    def __init__(self, engine: Engine, trigger: str):
        self.engine, self.trigger = engine, trigger

    def check(self, text, context):
        if self.trigger in text:
            raise RuntimeError(f"injected fault while checking {text!r}")
        return self.engine.check(text, context)


class EngineHolder:
    """Each school's Engine in force, built lazily on its first check and kept while used.

    At most `max_engines` schools' Engines are kept (least recently used go first, and are
    built again on their next check), so memory stays bounded however many schools a trust
    has. The poller reads every school's version in one query and rebuilds only the
    schools whose version moved.
    """

    def __init__(self, store, model_name: str, reload_interval: float, reload_wait: float,
                 fault_trigger: str | None = None, max_engines: int = MAX_ENGINES):
        self.store = store
        self.model_name = model_name
        self.reload_interval = reload_interval
        self.reload_wait = reload_wait
        self.fault_trigger = fault_trigger
        self.max_engines = max_engines
        self._current: OrderedDict[int, Current] = OrderedDict()  # school id -> Engine, oldest use first
        self._failed: dict[int, int] = {}  # school id -> the version whose build failed
        self._build_locks: dict[int, threading.Lock] = {}
        self._lock = threading.Lock()  # guards the three dicts' structure
        self._poller_lock = threading.Lock()
        self._swapped = threading.Condition()
        self._wake = threading.Event()
        self._poller_pid: int | None = None
        store.change_listeners.append(self._wake.set)  # a change made in this process: reload now

    @property
    def ready(self) -> bool:
        return DEFAULT_SCHOOL_ID in self._current

    def warm_up(self) -> Current:
        """Load the pipeline and build the default school's Engine (blocking)."""
        return self._get(DEFAULT_SCHOOL_ID)

    def loaded_schools(self) -> list[int]:
        with self._lock:
            return list(self._current)

    def _get(self, school_id: int) -> Current:
        current = self._current.get(school_id)
        if current is None:
            self.reload(school_id)
            current = self._current[school_id]
        with self._lock:
            if school_id in self._current:
                self._current.move_to_end(school_id)
        return current

    def current(self, school_id: int = DEFAULT_SCHOOL_ID, at_least: int | None = None) -> Current:
        """A school's Engine in force; if the store already holds a newer version, wait (bounded) for it."""
        current = self._get(school_id)
        self._ensure_poller()
        failed = lambda: self._failed.get(school_id) == at_least  # noqa: E731
        if at_least is None or current.version >= at_least or failed():
            return current
        self._wake.set()
        with self._swapped:
            self._swapped.wait_for(lambda: self._current.get(school_id, current).version >= at_least
                                   or failed(), timeout=self.reload_wait)
        return self._current.get(school_id, current)

    def _build_lock(self, school_id: int) -> threading.Lock:
        with self._lock:
            return self._build_locks.setdefault(school_id, threading.Lock())

    def reload(self, school_id: int = DEFAULT_SCHOOL_ID) -> None:
        """Build a school's Engine for its current version and swap it in (no-op if in force).
        Raises only when the school has no Engine yet; otherwise the previous one stays."""
        with self._build_lock(school_id):
            started = time.monotonic()
            snapshot = self.store.snapshot(school_id)
            previous = self._current.get(school_id)
            if previous is not None and previous.version == snapshot.version:
                return
            try:
                engine = Engine(shared_pipeline(self.model_name), snapshot.lists, snapshot.settings)
            except Exception as exc:
                self._failed[school_id] = snapshot.version
                log.error("building the engine failed; the previous lists stay in force",
                          exc_info=exc, extra={"lists_version": snapshot.version, "school_id": school_id})
                with self._swapped:
                    self._swapped.notify_all()
                if previous is None:
                    raise
                return
            if snapshot.exceptions:
                engine = ExceptionsApplied(engine, snapshot.exceptions)
            if self.fault_trigger:
                engine = FaultInjectingEngine(engine, self.fault_trigger)
            with self._swapped:
                with self._lock:
                    self._current[school_id] = Current(snapshot.version, engine, snapshot.settings)
                    self._current.move_to_end(school_id)
                    while len(self._current) > self.max_engines:
                        evicted, _ = self._current.popitem(last=False)
                        self._failed.pop(evicted, None)
                self._swapped.notify_all()
            log.info("lists in force", extra={
                "school_id": school_id, "lists_version": snapshot.version, "pid": os.getpid(),
                "pupils": len(snapshot.lists.pupils), "staff": len(snapshot.lists.staff),
                "school_terms": len(snapshot.lists.school_terms),
                "build_ms": round((time.monotonic() - started) * 1000, 1)})

    def forget(self, school_id: int) -> None:
        """Drop a school's Engine (the school was deleted)."""
        with self._lock:
            self._current.pop(school_id, None)
            self._failed.pop(school_id, None)
            self._build_locks.pop(school_id, None)
        log.info("school's engine dropped", extra={"school_id": school_id, "pid": os.getpid()})

    def _ensure_poller(self) -> None:
        # Threads do not survive fork: each gunicorn worker starts its own on first use.
        if self._poller_pid == os.getpid():
            return
        with self._poller_lock:
            if self._poller_pid == os.getpid():
                return
            self._poller_pid = os.getpid()
            threading.Thread(target=self._poll, name="precheck-reload", daemon=True).start()

    def _poll(self) -> None:
        failing = False
        while not self.store.closed:
            self._wake.wait(self.reload_interval)
            self._wake.clear()
            if self.store.closed:
                return
            try:
                versions = self.store.school_versions()
                for school_id in self.loaded_schools():
                    if school_id not in versions:  # deleted: its pupils leave this worker's memory too
                        self.forget(school_id)
                        continue
                    current = self._current.get(school_id)
                    version = versions.get(school_id)
                    if current is not None and version is not None and version != current.version \
                            and version != self._failed.get(school_id):
                        self.reload(school_id)
                if failing:
                    log.info("the store answers again")
                failing = False
            except Exception as exc:  # the store may be briefly unreachable; keep serving
                if not failing:  # once per outage, not twice a second
                    log.warning("could not look for new lists; the lists in force stay", exc_info=exc)
                failing = True
