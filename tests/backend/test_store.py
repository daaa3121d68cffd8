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


def test_schema_creation_from_several_processes_at_once(database_url):
    """gunicorn workers without preload each create the schema at start-up; none may fail.
    The processes wait for a common moment after their imports, so they really race."""
    import subprocess
    import sys
    from pathlib import Path
    code = ("import sys, time; from backend.store import Store; s = Store(sys.argv[1]); "
            "time.sleep(max(0, float(sys.argv[2]) - time.time())); s.create_schema(); "
            "print(s.lists_version()); s.close()")
    repo = Path(__file__).resolve().parents[2]
    start = str(time.time() + 15)
    procs = [subprocess.Popen([sys.executable, "-c", code, database_url, start], cwd=repo, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(4)]
    results = [p.communicate(timeout=180) + (p.returncode,) for p in procs]
    assert [r[2] for r in results] == [0, 0, 0, 0], [r[1][-500:] for r in results]
    assert {r[0].strip() for r in results} == {"1"}
