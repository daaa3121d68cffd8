"""The real service under gunicorn (2 workers): hot reload, privacy of drafts, CORS, graceful stop."""
import json
import secrets
import threading
import time
from pathlib import Path

import pytest
import requests

from tests.support.databases import empty_postgres_database, postgres_server_url

pytestmark = pytest.mark.gunicorn

# Names no spaCy model or rule knows as anything but names; one of them is on the list per version.
MARKERS = [("Zephyrine", "Quillfeather"), ("Oriel", "Brackenbury"), ("Thaddeus", "Wolverstone")]
FILLER = "".join(f"Pupil{i},Filler{i}\n" for i in range(300))
TEXT = "Great work today from " + ", ".join(f"{f} {l}" for f, l in MARKERS) + " in the science fair"


def engine_logs(service) -> list[dict]:
    lines = []
    for line in service.output().splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if entry.get("logger") == "precheck.engines" and entry.get("message") == "lists in force":
            lines.append(entry)
    return lines


def flagged_markers(findings) -> set:
    return {m for m in MARKERS for f in findings if f["category"] == "pupil-name" and m[1] in f["quote"]}


def test_lists_and_settings_swap_in_every_worker_with_no_failed_or_mixed_check(live_service_factory):
    service = live_service_factory(workers=2)
    token = service.staff_token()
    expected: dict[int, tuple] = {}  # lists_version -> (marker pupil, note) in force at that version
    answers, failures = [], []
    stop = threading.Event()

    def checker():
        with requests.Session() as session:
            while not stop.is_set():
                started = time.monotonic()
                response = service.check(TEXT, token=token, session=session)
                if response.status_code != 200:
                    failures.append((response.status_code, response.text[:200]))
                    continue
                body = response.json()
                answers.append((started, body["lists_version"], body.get("note"), flagged_markers(body["findings"])))

    threads = [threading.Thread(target=checker) for _ in range(3)]
    for t in threads:
        t.start()
    uploaded_at = {}
    try:
        for round_ in range(12):
            marker = MARKERS[round_ % len(MARKERS)]
            note = f"note of round {round_}"
            csv = f"first_name,last_name\n{FILLER}{marker[0]},{marker[1]}\n"
            version = service.put_list("pupils", csv)["lists_version"]
            uploaded_at[version] = time.monotonic()
            expected[version] = (marker, expected.get(version - 1, (None, None))[1])
            version = service.put_settings({"note": note})["lists_version"]
            uploaded_at[version] = time.monotonic()
            expected[version] = (marker, note)
            time.sleep(0.15)
        time.sleep(0.5)
    finally:
        stop.set()
        for t in threads:
            t.join(30)
    assert not failures, failures[:5]
    assert len(answers) > 50
    first = min(expected)
    latest = max(expected)
    for started, version, note, flagged in answers:
        if version < first:
            continue
        marker, expected_note = expected[version]
        assert note == expected_note, (version, note, expected_note)
        assert flagged == {marker}, (version, flagged, marker)
    # Every check that started after the last change returned answered from it.
    late = [a for a in answers if a[0] > uploaded_at[latest]]
    assert late and all(a[1] == latest for a in late)
    # Both workers built the last version on their own (the poller), within 2 s of the change.
    time.sleep(2.0)
    pids = {e["pid"] for e in engine_logs(service) if e["lists_version"] == latest}
    assert len(pids) == 2, engine_logs(service)[-4:]


def test_a_settings_change_reaches_both_workers_within_2_s(live_service_factory):
    service = live_service_factory(workers=2)
    version = service.put_settings({"note": "Our DSL is Mrs Example", "blocked_domains": ["bet365.com"]})["lists_version"]
    time.sleep(2.0)  # no requests at all: each worker's poller must notice by itself
    pids = {e["pid"] for e in engine_logs(service) if e["lists_version"] == version}
    assert len(pids) == 2, engine_logs(service)
    token = service.staff_token()
    answers = {service.check("hello", token=token, session=requests.Session()).json()["note"] for _ in range(6)}
    assert answers == {"Our DSL is Mrs Example"}


def database_text(url: str) -> str:
    """Every value of every table, as text."""
    from sqlalchemy import create_engine, inspect, text
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return "\n".join(str(value) for table in inspect(conn).get_table_names()
                             for row in conn.execute(text(f'SELECT * FROM "{table}"')) for value in row)
    finally:
        engine.dispose()


@pytest.mark.parametrize("store", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_no_draft_text_in_logs_errors_or_files_even_when_the_engine_raises(live_service_factory, request, store):
    marker = "Zq" + secrets.token_hex(8)
    trigger = "fault-" + secrets.token_hex(4)
    database_url = None
    if store == "postgres":
        if not postgres_server_url():
            pytest.skip("PRECHECK_TEST_POSTGRES_URL is not set (scripts/test.sh sets it)")
        database_url = request.getfixturevalue("postgres_module_database")
        empty_postgres_database(database_url)
    service = live_service_factory(workers=2, database_url=database_url,
                                   env={"PRECHECK_FAULT_TRIGGER": trigger, "PRECHECK_MAX_TEXT_LENGTH": "2000",
                                        "PRECHECK_LOG_LEVEL": "DEBUG"})
    token = service.staff_token()
    service.put_list("pupils", "first_name,last_name\nAisha,Khan\n")
    auth = {"Authorization": f"Bearer {token}"}
    url = service.url + "/api/v1/check"
    draft = f"Well done Aisha Khan {marker} in 9B today"
    sent = [
        requests.post(url, json={"text": draft}, headers=auth),
        requests.post(url, json={"text": draft, "context": {"surface": "message", "local_time": "2026-11-24T10:15:00Z"}}, headers=auth),
        requests.post(url, data=f'{{"text": "{draft}'.encode(), headers={**auth, "Content-Type": "application/json"}),
        requests.post(url, data=b'{"text": "' + marker.encode() + b'\xff\xfe"}', headers={**auth, "Content-Type": "application/json"}),
        requests.post(url, json={"text": draft, "context": {"surface": marker}}, headers=auth),
        requests.post(url, json={"text": draft, "context": {"local_time": marker}}, headers=auth),
        requests.post(url, json={"text": [draft]}, headers=auth),
        requests.post(url, json={"text": draft * 100}, headers=auth),
        requests.post(url, data=draft.encode(), headers={**auth, "Content-Type": "text/plain"}),
        requests.post(url, json={"text": draft}),
        requests.post(url, json={"text": draft}, headers={"Authorization": f"Bearer {marker}"}),
        requests.post(url + f"?q={marker}", json={"text": draft}, headers=auth),
        requests.post(url, json={"text": f"{draft} {trigger}"}, headers=auth),
        requests.post(url, json={"text": f"{trigger} {draft}", "context": {"surface": "post"}}, headers=auth),
    ]
    statuses = [r.status_code for r in sent]
    assert statuses == [200, 200, 400, 400, 400, 400, 400, 413, 415, 401, 401, 200, 500, 500]
    for response in sent:
        if response.status_code != 200:
            assert marker not in response.text, response.text
    assert service.stop() == 0  # graceful: SIGTERM, workers finish, exit code 0
    output = service.output()
    assert "builtins.RuntimeError" in output  # the injected faults were logged...
    assert marker not in output  # ...without the draft
    assert "Aisha" not in output
    scanned = 0
    for path in Path(service.instance_path).rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            scanned += 1
            for encoding in ("utf-8", "utf-16-le"):
                assert marker.encode(encoding) not in data, path
    assert scanned >= 1  # the instance folder (with the SQLite database, when it is one) was looked at
    rows = database_text(service.database_url)
    assert marker not in rows
    assert "Aisha" in rows  # the pupil list is there, so the scan really read the tables


def test_cors_under_gunicorn(live_service):
    token = live_service.staff_token()
    headers = {"Authorization": f"Bearer {token}"}
    origin = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"
    allowed = requests.post(live_service.url + "/api/v1/check", json={"text": "hi"}, headers={**headers, "Origin": origin})
    assert allowed.headers.get("Access-Control-Allow-Origin") == origin
    refused = requests.post(live_service.url + "/api/v1/check", json={"text": "hi"},
                            headers={**headers, "Origin": "https://evil.example"})
    assert refused.status_code == 200 and "Access-Control-Allow-Origin" not in refused.headers


def test_without_preload_each_worker_loads_and_serves(live_service_factory):
    service = live_service_factory(workers=2, preload=False)
    token = service.staff_token()
    version = service.put_list("pupils", "first_name,last_name\nAisha,Khan\n")["lists_version"]
    answers = [service.check("hello", token=token, session=requests.Session()) for _ in range(6)]
    assert all(a.status_code == 200 and a.json()["lists_version"] == version for a in answers)


def test_bad_configuration_stops_gunicorn_with_one_clear_line():
    from tests.support.live_service import LiveService
    service = LiveService(workers=1, env={"PRECHECK_MAX_UPLOAD_MB": "twenty"}, startup_timeout=60)
    try:
        with pytest.raises(RuntimeError, match="exited"):
            service.start()
        assert ("precheck: configuration error: PRECHECK_MAX_UPLOAD_MB: must be a whole number, not 'twenty'"
                in service.output())
        assert "Traceback" not in service.output()
    finally:
        service.stop()
        service.cleanup()
