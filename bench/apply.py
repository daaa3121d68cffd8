"""Time to apply a new pupil list: from the upload until every worker answers with it.

Two clocks, both reported:
- the service's own log: each worker writes a "lists in force" line (pid,
  lists_version, time) when it has swapped the new engine in, so the moment the
  last worker did so is known exactly, whichever worker the checks reach;
- the answers: while the list is PUT, pollers check a draft naming a marker
  pupil (on the new list only) at an everyday pace, each request on a fresh
  connection. An answer is fresh when it carries the new lists_version (and,
  once the engine flags names at all, flags the marker). They show that no
  check failed or waited long during the swap, and they stand in for the log
  where it says nothing.
"""
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from bench.load import Client, check_body
from bench.names import GeneratedPupil, pupils_csv

MARKERS = ("Ottoline Featherstonehaugh", "Peregrine Wolstenholme", "Isolde Cholmondeley",
           "Benedikt Marchbanks", "Araminta Throckmorton", "Leopold Ffoulkes-Bythesea")
POLL_PAUSE = 0.02  # seconds between one poller's checks: load beside the upload, not saturation


@dataclass(frozen=True)
class ApplyRun:
    pupils: int
    upload_seconds: float  # the PUT's round trip: parse, validate, store
    applied_seconds: float  # from the PUT's start until every worker had the new list
    workers_seen: int  # workers whose swap the log showed (0: timed by the answers alone)
    version: int
    marker_flagged: bool  # did the fresh answers flag the marker pupil
    checks: int  # answered while the list was applied
    failed_checks: int  # answers other than 200 in that time (the contract allows none)
    slowest_check_ms: float


def marker_pupil(round_number: int) -> GeneratedPupil:
    first, last = MARKERS[round_number % len(MARKERS)].split(" ", 1)
    return GeneratedPupil(first, last, "", 9, "9M")


def flags(answer: dict, name: str, text: str) -> bool:
    """Does the answer carry a pupil-name finding over `name`? (offsets: UTF-16 units)."""
    units = text.encode("utf-16-le")
    for finding in answer.get("findings", []):
        quoted = units[2 * finding["start"]:2 * finding["end"]].decode("utf-16-le", "replace")
        if finding.get("category") == "pupil-name" and name.split()[-1] in quoted:
            return True
    return False


def apply_list(url: str, admin_token: str, staff_token: str, people: list[GeneratedPupil],
               round_number: int, expect_marker: bool, workers: int,
               swaps: Callable[[int], list[float]] = lambda version: [],
               pollers: int = 2, confirmations: int = 20, timeout: float = 120) -> ApplyRun:
    """Upload `people` plus this round's marker pupil and time it into every worker.

    `swaps(version)` answers the epoch times at which workers logged that version in force.
    """
    marker = marker_pupil(round_number)
    text = f"Well done to {marker.full_name} for a brilliant speech in assembly today!"
    body = check_body(text)
    csv = pupils_csv([*people, marker])

    lock = threading.Lock()
    state = {"version": None, "last_stale": None, "fresh_run": 0, "checks": 0, "failed": 0,
             "slowest": 0.0, "marker": False}
    confirmed, stop = threading.Event(), threading.Event()

    def poll():
        client = Client(url, staff_token)
        while not stop.is_set():
            started = time.time()
            status, payload = client.request("POST", "/api/v1/check", body)
            finished = time.time()
            client.close()  # a fresh connection each time, so the workers share the checks
            with lock:
                state["checks"] += 1
                state["slowest"] = max(state["slowest"], finished - started)
                if status != 200:
                    state["failed"] += 1
                    continue
                answer = json.loads(payload)
                version = state["version"]
                named = flags(answer, marker.full_name, text)
                if version is not None and answer["lists_version"] >= version and (named or not expect_marker):
                    state["fresh_run"] += 1
                    state["marker"] |= named
                    if state["fresh_run"] >= confirmations:
                        confirmed.set()
                else:
                    state["fresh_run"] = 0
                    state["last_stale"] = finished
            stop.wait(POLL_PAUSE)

    threads = [threading.Thread(target=poll, daemon=True) for _ in range(pollers)]
    for t in threads:
        t.start()
    admin = Client(url, admin_token)
    put_started = time.time()
    status, answer = admin.json("PUT", "/api/v1/admin/lists/pupils", csv, "text/csv")
    put_finished = time.time()
    admin.close()
    if status != 200:
        stop.set()
        raise RuntimeError(f"uploading {len(people)} pupils: HTTP {status}: {answer}")
    version = answer["lists_version"]
    with lock:
        state["version"] = version
    deadline = time.monotonic() + timeout
    swapped: list[float] = []
    confirmed_at = None
    while time.monotonic() < deadline:
        swapped = swaps(version)
        if confirmed.is_set():
            confirmed_at = confirmed_at or time.monotonic()
            # Done when the log shows every worker, or when it has shown none a second after
            # the answers were all fresh (a service that does not log its swaps).
            if len(swapped) >= workers or (not swapped and time.monotonic() - confirmed_at > 1):
                break
        time.sleep(0.05)
    else:
        stop.set()
        raise RuntimeError(f"the list of {len(people)} pupils was not in force in every worker after {timeout}s")
    stop.set()
    for t in threads:
        t.join(timeout=30)
    last = max(put_finished, state["last_stale"] or put_finished, *swapped)
    return ApplyRun(
        pupils=len(people) + 1, upload_seconds=put_finished - put_started,
        applied_seconds=last - put_started, workers_seen=len(swapped), version=version,
        marker_flagged=state["marker"], checks=state["checks"], failed_checks=state["failed"],
        slowest_check_ms=state["slowest"] * 1000)
