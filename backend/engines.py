"""Hot reload: each worker keeps one immutable nlp Engine per lists_version and swaps it whole.

The spaCy pipeline is loaded once per process (before gunicorn forks, when
preloaded, so workers share its memory) and reused by every Engine. A poller
thread in each worker looks at the store's lists_version every
RELOAD_INTERVAL seconds and builds the next Engine off the request path; the
reference swap is a single assignment, so a check uses either the old Engine
or the new one, never a mix.
"""
import logging
import os
import threading
import time
from functools import lru_cache
from typing import NamedTuple

from nlp import Engine, Settings, load_pipeline

log = logging.getLogger("precheck.engines")


@lru_cache(maxsize=None)
def shared_pipeline(name: str):
    """One spaCy pipeline per model name per process."""
    return load_pipeline(name)


class Current(NamedTuple):
    version: int
    engine: Engine
    settings: Settings


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
    def __init__(self, store, model_name: str, reload_interval: float, reload_wait: float,
                 fault_trigger: str | None = None):
        self.store = store
        self.model_name = model_name
        self.reload_interval = reload_interval
        self.reload_wait = reload_wait
        self.fault_trigger = fault_trigger
        self._current: Current | None = None
        self._build_lock = threading.Lock()
        self._poller_lock = threading.Lock()
        self._swapped = threading.Condition()
        self._wake = threading.Event()
        self._poller_pid: int | None = None
        self._failed_version: int | None = None
        store.change_listeners.append(self._wake.set)  # a change made in this process: reload now

    @property
    def ready(self) -> bool:
        return self._current is not None

    def warm_up(self) -> Current:
        """Load the pipeline and build the Engine for the stored version (blocking)."""
        if self._current is None:
            self.reload()
        return self._current

    def current(self, at_least: int | None = None) -> Current:
        """The Engine in force; if the store already holds a newer version, wait (bounded) for it."""
        current = self.warm_up()
        self._ensure_poller()
        if at_least is None or current.version >= at_least or self._failed_version == at_least:
            return current
        self._wake.set()
        with self._swapped:
            self._swapped.wait_for(lambda: self._current.version >= at_least
                                   or self._failed_version == at_least, timeout=self.reload_wait)
        return self._current

    def reload(self) -> None:
        """Build the Engine for the store's current version and swap it in (no-op if in force)."""
        with self._build_lock:
            started = time.monotonic()
            snapshot = self.store.snapshot()
            if self._current is not None and self._current.version == snapshot.version:
                return
            try:
                engine = Engine(shared_pipeline(self.model_name), snapshot.lists, snapshot.settings)
            except Exception as exc:
                self._failed_version = snapshot.version
                log.error("building the engine failed; the previous lists stay in force",
                          exc_info=exc, extra={"lists_version": snapshot.version})
                with self._swapped:
                    self._swapped.notify_all()
                return
            if self.fault_trigger:
                engine = FaultInjectingEngine(engine, self.fault_trigger)
            with self._swapped:
                self._current = Current(snapshot.version, engine, snapshot.settings)
                self._swapped.notify_all()
            log.info("lists in force", extra={
                "lists_version": snapshot.version, "pid": os.getpid(),
                "pupils": len(snapshot.lists.pupils), "staff": len(snapshot.lists.staff),
                "school_terms": len(snapshot.lists.school_terms),
                "build_ms": round((time.monotonic() - started) * 1000, 1)})

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
                version = self.store.lists_version()
                if version != self._current.version and version != self._failed_version:
                    self.reload()
                if failing:
                    log.info("the store answers again")
                failing = False
            except Exception as exc:  # the store may be briefly unreachable; keep serving
                if not failing:  # once per outage, not twice a second
                    log.warning("could not look for new lists; the lists in force stay", exc_info=exc)
                failing = True
