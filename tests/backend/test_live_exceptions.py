"""A school-wide exception under real gunicorn (3 workers), on SQLite and PostgreSQL: made from a
false-alarm report, it is in force in every worker within 2 seconds, and no check answered with
its version (or later) carries the excepted finding, while the other pupils stay flagged."""
import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

import pytest
import requests

from tests.support.databases import empty_postgres_database, postgres_server_url

pytestmark = pytest.mark.gunicorn

WORKERS = 3
EXCEPTED = ("Zephyrine", "Quillfeather")  # the false alarm staff report
KEPT = ("Thaddeus", "Wolverstone")  # still a pupil's name after the exception
ROSTER = "first_name,last_name\n" + "".join(f"Pupil{i},Filler{i}\n" for i in range(200)) + \
    "".join(f"{first},{last}\n" for first, last in (EXCEPTED, KEPT))
TEXT = f"Great work today from {' '.join(EXCEPTED)} and {' '.join(KEPT)} at the science fair"


def workers_with(service, version: int) -> dict[int, datetime]:
    """The workers that logged the default school's lists of this version in force, and when."""
    found = {}
    for line in service.output().splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if entry.get("message") == "lists in force" and entry.get("pid") != service.process.pid \
                and entry.get("school_id") == 1 and entry["lists_version"] == version:
            found[entry["pid"]] = datetime.fromisoformat(entry["time"].replace("Z", "+00:00"))
    return found


def pupils_flagged(answer: dict) -> set[str]:
    return {f["quote"] for f in answer["findings"] if f["category"] == "pupil-name"}


def spread_checks(service, token: str, n: int) -> list[dict]:
    """n checks on separate connections at once, so that every worker answers some."""
    def one(_):
        response = requests.post(service.url + "/api/v1/check", json={"text": TEXT}, timeout=60,
                                 headers={"Authorization": f"Bearer {token}", "Connection": "close"})
        assert response.status_code == 200, response.text
        return response.json()
    with ThreadPoolExecutor(WORKERS * 3) as pool:
        return list(pool.map(one, range(n)))


@pytest.mark.parametrize("store", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_a_school_wide_exception_reaches_every_worker_within_2_s(live_service_factory, request, store):
    database_url = None
    if store == "postgres":
        if not postgres_server_url():
            pytest.skip("PRECHECK_TEST_POSTGRES_URL is not set (scripts/test.sh sets it)")
        database_url = request.getfixturevalue("postgres_module_database")
        empty_postgres_database(database_url)
    service = live_service_factory(workers=WORKERS, database_url=database_url)
    version = service.put_list("pupils", ROSTER)["lists_version"]
    token = service.staff_token("teacher")
    both = {" ".join(EXCEPTED), " ".join(KEPT)}

    workers = service.worker_pids()
    assert len(workers) == WORKERS
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and set(workers_with(service, version)) < workers:
        assert all(pupils_flagged(a) == both for a in spread_checks(service, token, 12))
    assert set(workers_with(service, version)) >= workers, "not every worker answered"

    reported = requests.post(service.url + "/api/v1/false-alarms", timeout=60,
                             json={"category": "pupil-name", "words": " ".join(EXCEPTED)},
                             headers={"Authorization": f"Bearer {token}"})
    assert reported.status_code == 202, reported.text
    listed = service.admin("GET", "/api/v1/admin/false-alarms").json()["false_alarms"]
    assert listed == [{"category": "pupil-name", "words": " ".join(EXCEPTED), "staff": 1, "exception_id": None}]

    # Staff keep checking while the admin makes the exception.
    answers, failures, stop = [], [], threading.Event()

    def checker():
        with requests.Session() as session:
            while not stop.is_set():
                response = session.post(service.url + "/api/v1/check", json={"text": TEXT}, timeout=60,
                                        headers={"Authorization": f"Bearer {token}"})
                if response.status_code != 200:
                    failures.append(response.status_code)
                    continue
                answers.append((response.json()["lists_version"], pupils_flagged(response.json())))

    threads = [threading.Thread(target=checker) for _ in range(3)]
    for thread in threads:
        thread.start()
    try:
        time.sleep(0.3)
        made = service.admin("POST", "/api/v1/admin/exceptions",
                             json={"category": "pupil-name", "words": " ".join(EXCEPTED)})
        saved_at = datetime.now().astimezone()
        assert made.status_code == 201, made.text
        excepted_version = made.json()["lists_version"]
        wait_until = time.monotonic() + 2.5
        while set(workers_with(service, excepted_version)) < workers and time.monotonic() < wait_until:
            time.sleep(0.05)
        time.sleep(0.3)
    finally:
        stop.set()
        for thread in threads:
            thread.join(60)

    reloads = workers_with(service, excepted_version)
    assert set(reloads) >= workers, f"workers {workers - set(reloads)} did not put the exception in force"
    for pid in workers:
        assert (reloads[pid] - saved_at).total_seconds() < 2.0, f"worker {pid} took too long"
    assert not failures, failures[:5]
    assert answers
    for answered_version, flagged in answers:
        assert flagged == ({" ".join(KEPT)} if answered_version >= excepted_version else both), answered_version
    assert all(pupils_flagged(a) == {" ".join(KEPT)} and a["lists_version"] == excepted_version
               for a in spread_checks(service, token, 12))
    assert service.admin("GET", "/api/v1/admin/false-alarms").json()["false_alarms"][0]["exception_id"] == \
        made.json()["id"]
