"""Time to apply a new pupil list: from the upload until every worker answers with it.

While the list is PUT, pollers check a draft naming a marker pupil (on the new
list only) back to back, each request on a fresh connection so the workers
share them. An answer is fresh when it carries the new lists_version (and, once
the engine flags names at all, flags the marker). The list is applied when the
last stale answer has come back; it is confirmed once `confirmations`
consecutive answers were fresh, so a worker still on the old list would have
had to dodge every one of them (two workers: a chance of 1 in 2^confirmations).
"""
import json
import threading
import time
from dataclasses import dataclass

from bench.load import Client, check_body
from bench.names import GeneratedPupil, pupils_csv

MARKERS = ("Ottoline Featherstonehaugh", "Peregrine Wolstenholme", "Isolde Cholmondeley",
           "Benedikt Marchbanks", "Araminta Throckmorton", "Leopold Ffoulkes-Bythesea")


@dataclass(frozen=True)
class ApplyRun:
    pupils: int
    upload_seconds: float  # the PUT's round trip: parse, validate, store
    applied_seconds: float  # from the PUT's start until the last stale answer
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
               round_number: int, expect_marker: bool, pollers: int = 4, confirmations: int = 40,
               timeout: float = 60) -> ApplyRun:
    """Upload `people` plus this round's marker pupil and time it into every worker."""
    marker = marker_pupil(round_number)
    text = f"Well done to {marker.full_name} for a brilliant speech in assembly today!"
    body = check_body(text)
    csv = pupils_csv([*people, marker])

    lock = threading.Lock()
    state = {"version": None, "last_stale": None, "fresh_run": 0, "checks": 0, "failed": 0,
             "slowest": 0.0, "marker": False}
    done = threading.Event()

    def poll():
        client = Client(url, staff_token)
        while not done.is_set():
            started = time.perf_counter()
            status, payload = client.request("POST", "/api/v1/check", body)
            finished = time.perf_counter()
            client.close()  # a fresh connection each time, so every worker gets its share
            with lock:
                state["checks"] += 1
                state["slowest"] = max(state["slowest"], finished - started)
                if status != 200:
                    state["failed"] += 1
                    continue
                answer = json.loads(payload)
                version = state["version"]
                fresh = version is not None and answer["lists_version"] >= version
                named = flags(answer, marker.full_name, text)
                if fresh and (named or not expect_marker):
                    state["fresh_run"] += 1
                    state["marker"] |= named
                    if state["fresh_run"] >= confirmations:
                        done.set()
                else:
                    state["fresh_run"] = 0
                    # An answer that started before the upload ended may fairly be stale.
                    state["last_stale"] = finished

    threads = [threading.Thread(target=poll, daemon=True) for _ in range(pollers)]
    for t in threads:
        t.start()
    admin = Client(url, admin_token)
    put_started = time.perf_counter()
    status, answer = admin.json("PUT", "/api/v1/admin/lists/pupils", csv, "text/csv")
    put_finished = time.perf_counter()
    admin.close()
    if status != 200:
        done.set()
        raise RuntimeError(f"uploading {len(people)} pupils: HTTP {status}: {answer}")
    with lock:
        state["version"] = answer["lists_version"]
    applied = done.wait(timeout)
    done.set()
    for t in threads:
        t.join(timeout=30)
    if not applied:
        raise RuntimeError(f"the list of {len(people)} pupils was not in force in every worker after {timeout}s")
    last = max(put_finished, state["last_stale"] or put_finished)
    return ApplyRun(
        pupils=len(people) + 1, upload_seconds=put_finished - put_started,
        applied_seconds=last - put_started, version=answer["lists_version"],
        marker_flagged=state["marker"], checks=state["checks"], failed_checks=state["failed"],
        slowest_check_ms=state["slowest"] * 1000)
