"""The store on SQLite and PostgreSQL: versions, atomic replacement, consistent snapshots."""
import os
import stat
import threading
import time

import pytest

from backend.store import Store
from nlp import Pupil, Settings


@pytest.fixture
def store(database_url):
    store = Store(database_url)
    store.create_schema()
    yield store
    store.close()


def pupils(*names):
    return [Pupil(first_name=f, last_name=l) for f, l in names]


def test_every_change_bumps_the_version(store):
    start = store.lists_version()
    v1 = store.replace_list("pupils", pupils(("Aisha", "Khan")), "test")
    v2 = store.replace_settings(Settings.from_json({"note": "n"}), "test")
    v3 = store.replace_list("staff", [], "test")
    assert start < v1 < v2 < v3 == store.lists_version()


def test_create_schema_is_idempotent_and_keeps_data(store):
    store.replace_list("pupils", pupils(("Aisha", "Khan")), "test")
    version = store.lists_version()
    store.create_schema()
    assert store.lists_version() == version and len(store.entries("pupils")[1]) == 1


def test_a_failed_replacement_changes_nothing(store):
    version = store.replace_list("pupils", pupils(("Aisha", "Khan")), "test")
    with pytest.raises(Exception):
        store.replace_list("pupils", pupils(("Oliver", "Brennan"), ("Broken", None)), "test")
    assert store.lists_version() == version
    assert [p.last_name for p in store.entries("pupils")[1]] == ["Khan"]


def test_snapshots_never_mix_versions_while_a_writer_runs(store):
    """A snapshot's version names exactly the lists and settings written up to that version."""
    stop = threading.Event()
    seen = []

    def reader():
        while not stop.is_set():
            snapshot = store.snapshot()
            seen.append((snapshot.version, snapshot.settings.note, tuple(p.first_name for p in snapshot.lists.pupils)))

    state = {store.lists_version(): ("", ())}
    note, names = "", ()
    thread = threading.Thread(target=reader)
    thread.start()
    try:
        for i in range(30):
            names = tuple(f"Round{i}x{j}" for j in range(50))
            state[store.replace_list("pupils", pupils(*((n, "Pupil") for n in names)), "test")] = (note, names)
            note = f"note {i}"
            state[store.replace_settings(Settings.from_json({"note": note}), "test")] = (note, names)
            reads = len(seen)
            deadline = time.monotonic() + 10
            while len(seen) < reads + 2 and time.monotonic() < deadline:  # let the reader overlap each round
                time.sleep(0.001)
    finally:
        stop.set()
        thread.join(30)
    assert len({version for version, _, _ in seen}) > 10
    for version, seen_note, seen_names in seen:
        assert (seen_note, seen_names) == state[version]


def test_sqlite_file_is_private(tmp_path):
    path = tmp_path / "private.sqlite3"
    store = Store(f"sqlite:///{path}")
    store.create_schema()
    store.close()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
