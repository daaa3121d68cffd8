"""Schools of one trust under real gunicorn, on SQLite and PostgreSQL: the issue's bar from
outside (rosters, notes, school admin tokens, slugs), and, with 3 workers, a change to one
school's list in force for that school alone, in every worker, within 2 seconds, while no check
of one school ever carries another school's pupil, before, during or after the change."""
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
HEADER = "first_name,last_name\n"
SHARED = ("Aisha", "Khan")  # on both rosters
NORTH = ("Zephyrine", "Quillfeather")
SOUTH = ("Thaddeus", "Wolverstone")
ADDED = ("Oriel", "Brackenbury")  # added to north's roster during the test
FILLER = "".join(f"Pupil{i},Filler{i}\n" for i in range(200))
TEXT = "Great work today from " + ", ".join(" ".join(p) for p in (SHARED, NORTH, SOUTH, ADDED)) + " at the fair"


def roster(*pupils) -> str:
    return HEADER + FILLER + "".join(f"{first},{last}\n" for first, last in pupils)


def builds(service) -> list[dict]:
    """Every 'lists in force' log line of the workers: school_id, lists_version, pid, time."""
    found = []
    for line in service.output().splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if entry.get("message") == "lists in force" and entry.get("pid") != service.process.pid:
            found.append(entry)
    return found


def workers_with(service, school_id: int, version: int) -> dict[int, datetime]:
    return {b["pid"]: datetime.fromisoformat(b["time"].replace("Z", "+00:00")) for b in builds(service)
            if b.get("school_id") == school_id and b["lists_version"] == version}


def pupils_flagged(answer: dict) -> set[str]:
    return {f["quote"] for f in answer["findings"] if f["category"] == "pupil-name"}


def spread_checks(service, token: str, n: int) -> list[dict]:
    """n checks on separate connections at once, so that every worker answers some."""
    def one(_):
        response = requests.post(service.url + "/api/v1/check", json={"text": TEXT}, timeout=60,
                                 headers={"Authorization": f"Bearer {token}", "Connection": "close"})
        response.raise_for_status()
        return response.json()
    with ThreadPoolExecutor(WORKERS * 3) as pool:
        return list(pool.map(one, range(n)))


def database_for(request, store) -> str | None:
    """None (a fresh SQLite file) or an emptied PostgreSQL database."""
    if store == "sqlite":
        return None
    if not postgres_server_url():
        pytest.skip("PRECHECK_TEST_POSTGRES_URL is not set (scripts/test.sh sets it)")
    database_url = request.getfixturevalue("postgres_module_database")
    empty_postgres_database(database_url)
    return database_url


STORES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.mark.parametrize("store", STORES)
def test_the_bar_from_outside(live_service_factory, request, store):
    service = live_service_factory(workers=2, database_url=database_for(request, store))
    url = service.url + "/api/v1/admin"

    def call(method, path, token=None, **kwargs):
        headers = {"Authorization": f"Bearer {token or service.admin_token}", **kwargs.pop("headers", {})}
        return requests.request(method, url + path, headers=headers, timeout=60, **kwargs)

    tokens = {}
    for slug, own in (("northfield", NORTH), ("southgate", SOUTH)):
        assert call("POST", "/schools", json={"slug": slug, "name": slug.title()}).status_code == 201
        assert call("PUT", f"/schools/{slug}/lists/pupils", data=roster(SHARED, own),
                    headers={"Content-Type": "text/csv"}).status_code == 200
        assert call("PUT", f"/schools/{slug}/settings", json={"note": f"Ask the {slug} DSL."}).status_code == 200
        tokens[slug] = {"staff": call("POST", f"/schools/{slug}/tokens", json={"label": "t"}).json()["token"],
                        "admin": call("POST", f"/schools/{slug}/admin-tokens", json={"label": "a"}).json()["token"]}
    for slug, own in (("northfield", NORTH), ("southgate", SOUTH)):
        answer = service.check(TEXT, token=tokens[slug]["staff"]).json()
        assert pupils_flagged(answer) == {" ".join(SHARED), " ".join(own)}
        assert answer["note"] == f"Ask the {slug} DSL."
    north_admin = tokens["northfield"]["admin"]
    for method, path, body in (("GET", "/schools/southgate/lists/pupils", None),
                               ("PUT", "/schools/southgate/settings", {"note": "x"}),
                               ("GET", "/schools", None),
                               ("POST", "/schools", {"slug": "eastwood", "name": "Eastwood"})):
        refused = call(method, path, token=north_admin, json=body)
        assert refused.status_code == 403 and "Wolverstone" not in refused.text, path
    own_list = call("GET", "/lists/pupils", token=north_admin).json()
    assert {p["last_name"] for p in own_list["entries"]} == {SHARED[1], NORTH[1], *[f"Filler{i}" for i in range(200)]}
    assert call("GET", "/settings", token=north_admin).json()["note"] == "Ask the northfield DSL."
    for slug in ("northfield", "default", "North Field", "x"):
        refused = call("POST", "/schools", json={"slug": slug, "name": "Again"})
        assert refused.status_code == 400 and refused.json()["error"]["field"] == "slug", slug


@pytest.mark.parametrize("store", STORES)
def test_one_schools_change_reaches_every_worker_for_that_school_alone(live_service_factory, request, store):
    service = live_service_factory(workers=WORKERS, database_url=database_for(request, store))
    schools = {}
    for slug, own in (("northfield", NORTH), ("southgate", SOUTH)):
        created = service.admin("POST", "/api/v1/admin/schools", json={"slug": slug, "name": slug.title()})
        assert created.status_code == 201, created.text
        put = service.admin("PUT", f"/api/v1/admin/schools/{slug}/lists/pupils", data=roster(SHARED, own),
                            headers={"Content-Type": "text/csv"})
        assert put.status_code == 200, put.text
        token = service.admin("POST", f"/api/v1/admin/schools/{slug}/tokens", json={"label": "teacher"}).json()["token"]
        schools[slug] = {"id": created.json()["id"], "token": token, "version": put.json()["lists_version"]}
    north, south = schools["northfield"], schools["southgate"]
    expected = {"northfield": {" ".join(SHARED), " ".join(NORTH)}, "southgate": {" ".join(SHARED), " ".join(SOUTH)}}

    # Every worker builds both schools' engines (its reload poller then runs).
    workers = service.worker_pids()
    assert len(workers) == WORKERS
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and not all(
            set(workers_with(service, s["id"], s["version"])) >= workers for s in schools.values()):
        for slug, school in schools.items():
            assert all(pupils_flagged(a) == expected[slug] for a in spread_checks(service, school["token"], 12))
    for slug, school in schools.items():
        assert set(workers_with(service, school["id"], school["version"])) >= workers, \
            f"not every worker answered for {slug}"

    # Both schools' staff keep checking while north's roster changes.
    answers, failures, stop = [], [], threading.Event()

    def checker(slug):
        with requests.Session() as session:
            while not stop.is_set():
                response = session.post(service.url + "/api/v1/check", json={"text": TEXT}, timeout=60,
                                        headers={"Authorization": f"Bearer {schools[slug]['token']}"})
                if response.status_code != 200:
                    failures.append((slug, response.status_code))
                    continue
                answers.append((slug, response.json()["lists_version"], pupils_flagged(response.json())))

    threads = [threading.Thread(target=checker, args=(slug,)) for slug in schools for _ in range(2)]
    for thread in threads:
        thread.start()
    try:
        time.sleep(0.3)
        south_builds_before = len([b for b in builds(service) if b.get("school_id") == south["id"]])
        put = service.admin("PUT", "/api/v1/admin/schools/northfield/lists/pupils",
                            data=roster(SHARED, NORTH, ADDED), headers={"Content-Type": "text/csv"})
        saved_at = datetime.now().astimezone()
        assert put.status_code == 200, put.text
        version = put.json()["lists_version"]
        wait_until = time.monotonic() + 2.5
        while set(workers_with(service, north["id"], version)) < workers and time.monotonic() < wait_until:
            time.sleep(0.05)
        time.sleep(0.3)
    finally:
        stop.set()
        for thread in threads:
            thread.join(60)

    reloads = workers_with(service, north["id"], version)
    assert set(reloads) >= workers, f"workers {workers - set(reloads)} did not put northfield's change in force"
    took = {pid: round((reloads[pid] - saved_at).total_seconds(), 2) for pid in workers}
    assert all(seconds < 2.0 for seconds in took.values()), f"seconds per worker: {took}"
    # Southgate's engine was built once per worker, before the change, and not again.
    assert len([b for b in builds(service) if b.get("school_id") == south["id"]]) == south_builds_before == WORKERS
    assert not failures, failures[:5]
    assert {slug for slug, _, _ in answers} == {"northfield", "southgate"}
    after = expected["northfield"] | {" ".join(ADDED)}
    for slug, answered_version, flagged in answers:
        if slug == "southgate":
            assert flagged == expected["southgate"] and answered_version == south["version"]
        else:
            assert flagged == (after if answered_version >= version else expected["northfield"]), answered_version
    # After it, every worker: northfield's new pupil for northfield only.
    assert all(pupils_flagged(a) == after and a["lists_version"] == version
               for a in spread_checks(service, north["token"], 12))
    assert all(pupils_flagged(a) == expected["southgate"] for a in spread_checks(service, south["token"], 12))
