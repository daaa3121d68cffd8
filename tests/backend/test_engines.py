"""The per-worker engine holder: reloads on a change, keeps the old Engine when a build fails."""
import time

import pytest

import backend.engines
from tests.backend.helpers import PUPILS_CSV, check, put_csv


def wait_for(predicate, timeout=5.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return False


def test_a_change_made_in_this_process_reloads_without_waiting_for_the_poll(app_factory, admin_headers):
    app = app_factory(RELOAD_INTERVAL=60.0)  # the poll alone would take a minute
    client = app.test_client()
    engines = app.extensions["precheck"].engines
    before = engines.current().version
    version = put_csv(client, admin_headers, "pupils", PUPILS_CSV).get_json()["lists_version"]
    assert version > before
    assert wait_for(lambda: engines.current().version == version)  # no at_least: the thread did it
    assert len(engines.current().engine.lists.pupils) == 2


def test_another_process_change_is_found_by_the_poll(app_factory, admin_headers):
    one, two = app_factory(RELOAD_INTERVAL=0.1), app_factory(RELOAD_INTERVAL=0.1)
    engines = two.extensions["precheck"].engines
    engines.current()  # starts two's poller
    version = put_csv(one.test_client(), admin_headers, "pupils", PUPILS_CSV).get_json()["lists_version"]
    assert wait_for(lambda: engines.current().version == version, timeout=2.0)


def test_a_failed_build_keeps_the_lists_in_force(app_factory, admin_headers, staff_headers, monkeypatch):
    app = app_factory()
    client = app.test_client()
    engines = app.extensions["precheck"].engines
    good = put_csv(client, admin_headers, "pupils", PUPILS_CSV).get_json()["lists_version"]
    assert engines.current(at_least=good).version == good
    real_engine = backend.engines.Engine

    def broken(nlp, lists, settings):
        if any(p.first_name == "Broken" for p in lists.pupils):
            raise ValueError("cannot build")
        return real_engine(nlp, lists, settings)

    monkeypatch.setattr(backend.engines, "Engine", broken)
    bad = put_csv(client, admin_headers, "pupils", b"first_name,last_name\nBroken,Pupil\n").get_json()["lists_version"]
    started = time.monotonic()
    response = check(client, staff_headers, "hello")
    assert response.status_code == 200 and response.get_json()["lists_version"] == good
    assert time.monotonic() - started < 1.5  # a failed version is not waited for on every check
    fixed = put_csv(client, admin_headers, "pupils", PUPILS_CSV).get_json()["lists_version"]
    assert fixed > bad and check(client, staff_headers, "hello").get_json()["lists_version"] == fixed


def test_a_change_to_one_school_rebuilds_only_that_schools_engine_in_another_process(app_factory, admin_headers):
    one, two = app_factory(RELOAD_INTERVAL=0.1), app_factory(RELOAD_INTERVAL=0.1)
    store = one.extensions["precheck"].store
    north = store.create_school("northfield", "Northfield", "test")
    engines = two.extensions["precheck"].engines
    default_engine, north_before = engines.current().engine, engines.current(north.id)
    client = one.test_client()
    version = client.put("/api/v1/admin/schools/northfield/lists/pupils", data=PUPILS_CSV,
                         headers={**admin_headers, "Content-Type": "text/csv"}).get_json()["lists_version"]
    assert wait_for(lambda: engines.current(north.id).version == version, timeout=2.0)
    assert len(engines.current(north.id).engine.lists.pupils) == 2 and north_before.version < version
    assert engines.current().engine is default_engine  # the default school was not rebuilt
    assert engines.current().engine.lists.pupils == ()


def test_engines_kept_are_bounded_and_an_evicted_school_is_built_again(app_factory):
    app = app_factory()
    store = app.extensions["precheck"].store
    ids = [store.create_school(f"school-{i}", f"School {i}", "test").id for i in range(3)]
    engines = backend.engines.EngineHolder(store, app.config["SPACY_MODEL"], 60.0, 1.0, max_engines=2)
    for school_id in ids:
        engines.current(school_id)
    assert engines.loaded_schools() == ids[1:]
    assert engines.current(ids[0]).version == store.lists_version(school_id=ids[0])
    assert engines.loaded_schools() == [ids[2], ids[0]]


def test_a_deleted_schools_engine_leaves_every_process(app_factory, admin_headers):
    one, two = app_factory(RELOAD_INTERVAL=0.1), app_factory(RELOAD_INTERVAL=0.1)
    store = one.extensions["precheck"].store
    north = store.create_school("northfield", "Northfield", "test")
    one.test_client().put("/api/v1/admin/schools/northfield/lists/pupils", data=PUPILS_CSV,
                          headers={**admin_headers, "Content-Type": "text/csv"})
    engines = two.extensions["precheck"].engines
    engines.current()
    assert len(engines.current(north.id).engine.lists.pupils) == 2
    assert one.test_client().delete("/api/v1/admin/schools/northfield", headers=admin_headers).status_code == 200
    assert wait_for(lambda: north.id not in engines.loaded_schools(), timeout=2.0)
    assert engines.loaded_schools() == [1]
