"""An existing database upgrades in place: from the schema before schools (tests/data, as the
store's metadata made it at c10aeee) to schools, keeping every row on the default school."""
import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from backend.auth import token_hash
from backend.store import Store
from tests.backend.helpers import check
from tests.conftest import ADMIN_TOKEN

DATA = Path(__file__).parent.parent / "data"
STAFF_TOKEN = "pcs_existing-staff-token-from-before-schools"


def build_old_database(url: str) -> None:
    dialect = "sqlite" if url.startswith("sqlite") else "postgresql"
    ddl = (DATA / f"schema-before-schools.{dialect}.sql").read_text()
    statements = [part.strip() for part in ddl.split(";")]
    engine = create_engine(url)
    with engine.begin() as conn:
        for statement in statements:
            body = "\n".join(line for line in statement.splitlines() if not line.startswith("--")).strip()
            if body:
                conn.execute(text(body))
        settings = json.dumps({"note": "Our DSL is Mrs Kauser."})
        conn.execute(text("INSERT INTO store_state (id, lists_version, settings) VALUES (1, 7, :s)"), {"s": settings})
        conn.execute(text("INSERT INTO pupils (first_name, last_name, preferred_name, year, form, aliases) "
                          "VALUES ('Aisha', 'Khan', '', '9', '9B', '[]')"))
        conn.execute(text("INSERT INTO staff (title, first_name, last_name) VALUES ('Mr', 'Omar', 'Yousaf')"))
        conn.execute(text("INSERT INTO api_tokens (kind, label, token_hash, hint, created_at) "
                          "VALUES ('staff', 'teacher', :h, 'pcs_exis', CURRENT_TIMESTAMP)"), {"h": token_hash(STAFF_TOKEN)})
        conn.execute(text("INSERT INTO audit_log (at, actor, action, target, count, lists_version) "
                          "VALUES (CURRENT_TIMESTAMP, 'cli', 'lists.replace', 'pupils', 1, 7)"))
    engine.dispose()


@pytest.fixture
def old_database(database_url):
    if not database_url.startswith("sqlite"):  # conftest's PostgreSQL database has today's tables: start bare
        engine = create_engine(database_url)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        engine.dispose()
    build_old_database(database_url)
    return database_url


def test_an_existing_database_upgrades_in_place_and_keeps_its_data(old_database, app_factory):
    app = app_factory()
    client = app.test_client()
    staff = {"Authorization": f"Bearer {STAFF_TOKEN}"}
    answer = check(client, staff, "Well done Aisha Khan").get_json()
    assert [f["quote"] for f in answer["findings"] if f["category"] == "pupil-name"] == ["Aisha Khan"]
    assert answer["note"] == "Our DSL is Mrs Kauser." and answer["lists_version"] == 7
    admin = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    schools = client.get("/api/v1/admin/schools", headers=admin).get_json()["schools"]
    assert [(s["id"], s["slug"], s["lists_version"]) for s in schools] == [(1, "default", 7)]
    staff_list = client.get("/api/v1/admin/lists/staff", headers=admin).get_json()["entries"]
    assert [s["last_name"] for s in staff_list] == ["Yousaf"]
    store = app.extensions["precheck"].store
    assert [(e.action, e.school_id) for e in store.audit_log()] == [("lists.replace", 1)]
    # A new school starts empty beside the upgraded one, and a second start changes nothing.
    assert client.post("/api/v1/admin/schools", json={"slug": "northfield", "name": "Northfield"},
                       headers=admin).status_code == 201
    again = Store(old_database)
    again.create_schema()
    assert again.school_versions() == {1: 7, 2: 1}
    assert [len(again.snapshot(i).lists.pupils) for i in (1, 2)] == [1, 0]
    again.close()
