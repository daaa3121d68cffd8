"""Schools of one trust, from outside: two schools whose rosters share some names and not others."""
from pathlib import Path

import pytest

from tests.backend.helpers import check, error_of

SHARED = "Aisha,Khan,,9,9B\n"
NORTH_ONLY = "Zainab,Okonkwo,,8,8A\n"
SOUTH_ONLY = "Tobias,Wreford,,7,7C\n"
HEADER = "first_name,last_name,preferred_name,year,form\n"


def create_school(client, headers, slug, name="A School"):
    return client.post("/api/v1/admin/schools", json={"slug": slug, "name": name}, headers=headers)


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def trust(client, admin_headers):
    """Two schools, each with its own roster, note, staff token and school admin token."""
    schools = {}
    for slug, only in (("northfield", NORTH_ONLY), ("southgate", SOUTH_ONLY)):
        assert create_school(client, admin_headers, slug, f"{slug.title()} School").status_code == 201
        base = f"/api/v1/admin/schools/{slug}"
        put = client.put(f"{base}/lists/pupils", data=(HEADER + SHARED + only).encode(),
                         headers={**admin_headers, "Content-Type": "text/csv"})
        assert put.status_code == 200 and put.get_json()["count"] == 2
        assert client.put(f"{base}/settings", json={"note": f"Ask the {slug} DSL."},
                          headers=admin_headers).status_code == 200
        staff = client.post(f"{base}/tokens", json={"label": "teacher"}, headers=admin_headers)
        admin = client.post(f"{base}/admin-tokens", json={"label": "office"}, headers=admin_headers)
        assert staff.status_code == 201 and admin.status_code == 201
        schools[slug] = {"staff": bearer(staff.get_json()["token"]), "admin": bearer(admin.get_json()["token"])}
    return schools


def quotes(response):
    assert response.status_code == 200, response.get_data(as_text=True)
    return {f["quote"] for f in response.get_json()["findings"] if f["category"] == "pupil-name"}


def test_each_schools_pupil_is_flagged_for_its_own_staff_only(client, trust):
    text = "Well done Aisha Khan, Zainab Okonkwo and Tobias Wreford!"
    north, south = quotes(check(client, trust["northfield"]["staff"], text)), \
        quotes(check(client, trust["southgate"]["staff"], text))
    assert north == {"Aisha Khan", "Zainab Okonkwo"}
    assert south == {"Aisha Khan", "Tobias Wreford"}


def test_each_schools_note_goes_to_its_own_staff(client, trust, staff_headers):
    for slug in ("northfield", "southgate"):
        answer = check(client, trust[slug]["staff"], "Nice weather today").get_json()
        assert answer["note"] == f"Ask the {slug} DSL."
    assert "note" not in check(client, staff_headers, "Nice weather today").get_json()  # the default school's


def test_the_default_school_keeps_its_own_lists(client, trust, staff_headers):
    assert quotes(check(client, staff_headers, "Well done Aisha Khan and Zainab Okonkwo")) == set()


def test_a_school_admin_token_acts_on_its_own_school_through_the_unscoped_endpoints(client, trust):
    north_admin = trust["northfield"]["admin"]
    pupils = client.get("/api/v1/admin/lists/pupils", headers=north_admin).get_json()
    assert {p["last_name"] for p in pupils["entries"]} == {"Khan", "Okonkwo"}
    assert client.get("/api/v1/admin/settings", headers=north_admin).get_json()["note"] == "Ask the northfield DSL."
    assert client.get("/api/v1/admin/schools/northfield/settings", headers=north_admin).status_code == 200
    issued = client.post("/api/v1/admin/tokens", json={"label": "new teacher"}, headers=north_admin)
    text = "Zainab Okonkwo and Tobias Wreford"
    assert quotes(check(client, bearer(issued.get_json()["token"]), text)) == {"Zainab Okonkwo"}
    listed = client.get("/api/v1/admin/tokens", headers=north_admin).get_json()["tokens"]
    assert {t["label"] for t in listed} == {"teacher", "new teacher"}


def test_a_school_admin_token_is_refused_on_the_other_school_and_the_trusts_calls(client, trust):
    north_admin = trust["northfield"]["admin"]
    for method, path, body in (
            ("get", "/api/v1/admin/schools/southgate/lists/pupils", None),
            ("get", "/api/v1/admin/schools/southgate/settings", None),
            ("put", "/api/v1/admin/schools/southgate/settings", {"note": "x"}),
            ("post", "/api/v1/admin/schools/southgate/tokens", {"label": "x"}),
            ("get", "/api/v1/admin/schools/nosuchschool/settings", None),
            ("get", "/api/v1/admin/schools", None),
            ("post", "/api/v1/admin/schools", {"slug": "eastwood", "name": "Eastwood"}),
            ("post", "/api/v1/admin/schools/northfield/admin-tokens", {"label": "x"})):
        response = getattr(client, method)(path, json=body, headers=north_admin)
        assert response.status_code == 403, path
        assert "southgate" not in response.get_data(as_text=True) or "southgate" in path
    assert client.get("/api/v1/admin/schools/southgate/settings",
                      headers=trust["southgate"]["admin"]).get_json()["note"] == "Ask the southgate DSL."


def test_a_school_admin_cannot_revoke_another_schools_token(client, trust):
    south_tokens = client.get("/api/v1/admin/tokens", headers=trust["southgate"]["admin"]).get_json()["tokens"]
    response = client.delete(f"/api/v1/admin/tokens/{south_tokens[0]['id']}", headers=trust["northfield"]["admin"])
    assert response.status_code == 404
    assert check(client, trust["southgate"]["staff"], "hello").status_code == 200


def test_lists_version_counts_each_schools_own_changes(client, admin_headers, trust):
    north = check(client, trust["northfield"]["staff"], "hi").get_json()["lists_version"]
    south = check(client, trust["southgate"]["staff"], "hi").get_json()["lists_version"]
    client.put("/api/v1/admin/schools/southgate/settings", json={"note": "changed"}, headers=admin_headers)
    assert check(client, trust["northfield"]["staff"], "hi").get_json()["lists_version"] == north
    assert check(client, trust["southgate"]["staff"], "hi").get_json()["lists_version"] == south + 1


def test_schools_are_listed_and_bad_or_taken_slugs_refused(client, admin_headers):
    created = create_school(client, admin_headers, "north-field-2", "North Field")
    assert created.status_code == 201 and created.get_json()["slug"] == "north-field-2"
    for slug in ("north-field-2", "default", "a", "x" * 41, "North", "nö", "a b", "", None, 7):
        response = create_school(client, admin_headers, slug)
        assert response.status_code == 400, slug
        assert error_of(response)["field"] == "slug"
    assert create_school(client, admin_headers, "ok-name", "").status_code == 400
    slugs = [s["slug"] for s in client.get("/api/v1/admin/schools", headers=admin_headers).get_json()["schools"]]
    assert slugs == ["default", "north-field-2"]


def test_an_unknown_school_is_404_for_the_trusts_admin(client, admin_headers):
    assert client.get("/api/v1/admin/schools/nowhere/settings", headers=admin_headers).status_code == 404
    assert client.post("/api/v1/admin/schools/nowhere/admin-tokens", json={},
                       headers=admin_headers).status_code == 404


def test_a_schools_clauses_are_cited_in_its_findings_and_messages(client, admin_headers, trust):
    clauses = {"pupil-name": "5.3", "work-discussion": "B-2"}
    saved = client.put("/api/v1/admin/schools/southgate/settings", json={"clauses": clauses}, headers=admin_headers)
    assert saved.status_code == 200 and saved.get_json()["clauses"] == clauses
    text = "Well done Aisha Khan"
    south = [f for f in check(client, trust["southgate"]["staff"], text).get_json()["findings"]
             if f["category"] == "pupil-name"]
    north = [f for f in check(client, trust["northfield"]["staff"], text).get_json()["findings"]
             if f["category"] == "pupil-name"]
    assert [f["clause"] for f in south] == ["5.3"] and "Policy 5.3" in south[0]["message"]
    assert "Policy 4.2" not in south[0]["message"]
    assert [f["clause"] for f in north] == ["4.2"] and "Policy 4.2" in north[0]["message"]


def test_bad_clauses_are_refused_naming_the_field(client, admin_headers):
    for clauses, field in (({"no-such": "1"}, "clauses.no-such"), ({"pupil-name": ""}, "clauses.pupil-name"),
                           ({"pupil-name": 5}, "clauses.pupil-name"), (["5.3"], "clauses"),
                           ({"pupil-name": "5.3; DROP"}, "clauses.pupil-name")):
        response = client.put("/api/v1/admin/settings", json={"clauses": clauses}, headers=admin_headers)
        assert response.status_code == 400 and error_of(response)["field"] == field, clauses


def test_a_renamed_school_keeps_its_lists_tokens_and_admins_under_its_new_slug(client, app, admin_headers, trust):
    renamed = client.patch("/api/v1/admin/schools/northfield", json={"slug": "northfield-academy",
                                                                     "name": "Northfield  Academy"},
                           headers=admin_headers)
    assert renamed.status_code == 200, renamed.get_data(as_text=True)
    assert (renamed.get_json()["slug"], renamed.get_json()["name"]) == ("northfield-academy", "Northfield Academy")
    assert client.get("/api/v1/admin/schools/northfield/settings", headers=admin_headers).status_code == 404
    pupils = client.get("/api/v1/admin/schools/northfield-academy/lists/pupils", headers=admin_headers).get_json()
    assert {p["last_name"] for p in pupils["entries"]} == {"Khan", "Okonkwo"}
    assert quotes(check(client, trust["northfield"]["staff"], "Zainab Okonkwo")) == {"Zainab Okonkwo"}
    north_admin = trust["northfield"]["admin"]
    assert client.get("/api/v1/admin/schools/northfield-academy/settings", headers=north_admin).status_code == 200
    assert client.get("/api/v1/admin/schools/northfield/settings", headers=north_admin).status_code == 403
    store = app.extensions["precheck"].store
    audit = [e for e in store.audit_log(school_id=store.school_by_slug("northfield-academy").id)
             if e.action == "school.rename"]
    assert [e.target for e in audit] == ["northfield -> northfield-academy; name"]


def test_a_rename_is_refused_for_a_taken_or_bad_slug_and_by_a_school_admin(client, admin_headers, trust):
    for body, field in (({"slug": "southgate"}, "slug"), ({"slug": "Bad Slug"}, "slug"), ({"name": ""}, "name"),
                        ({"slug": "x"}, "slug"), ({}, "name")):
        response = client.patch("/api/v1/admin/schools/northfield", json=body, headers=admin_headers)
        assert response.status_code == 400 and error_of(response)["field"] == field, body
    assert client.patch("/api/v1/admin/schools/default", json={"slug": "main"}, headers=admin_headers).status_code == 400
    assert client.patch("/api/v1/admin/schools/default", json={"name": "Trust office"},
                        headers=admin_headers).get_json()["name"] == "Trust office"
    assert client.patch("/api/v1/admin/schools/northfield", json={"name": "Mine now"},
                        headers=trust["northfield"]["admin"]).status_code == 403
    names = {s["slug"]: s["name"] for s in client.get("/api/v1/admin/schools", headers=admin_headers).get_json()["schools"]}
    assert names["northfield"] == "Northfield School" and names["southgate"] == "Southgate School"


def test_a_deleted_school_is_erased_and_its_tokens_stop_at_once(client, app, admin_headers, trust):
    store = app.extensions["precheck"].store
    north = store.school_by_slug("northfield")
    store.upsert_admin("head@northfield.example", "not-a-real-hash", "test", north.id)
    assert client.delete("/api/v1/admin/schools/northfield", headers=trust["northfield"]["admin"]).status_code == 403
    deleted = client.delete("/api/v1/admin/schools/northfield", headers=admin_headers)
    assert deleted.status_code == 200, deleted.get_data(as_text=True)
    erased = deleted.get_json()["erased"]
    assert erased["pupils"] == 2 and erased["tokens"] == 2 and erased["admins"] == 1 and erased["audit_events"] >= 4
    for headers in (trust["northfield"]["staff"],):
        assert check(client, headers, "Zainab Okonkwo").status_code == 401
    assert client.get("/api/v1/admin/lists/pupils", headers=trust["northfield"]["admin"]).status_code == 401
    assert client.get("/api/v1/admin/schools/northfield/lists/pupils", headers=admin_headers).status_code == 404
    # Nothing of it stays in the store: no row carries its id, and its pupil's name is nowhere.
    from sqlalchemy import func, select

    from backend.store import ROW_TYPES, Base
    with store.session() as s:
        for table in Base.metadata.tables.values():
            if "school_id" in table.c:
                assert s.execute(select(func.count()).select_from(table)
                                 .where(table.c.school_id == north.id)).scalar() == 0, table.name
        assert s.query(ROW_TYPES["pupils"]).filter(ROW_TYPES["pupils"].last_name == "Okonkwo").count() == 0
    trust_log = [(e.action, e.target, e.count) for e in store.audit_log(school_id=None)]
    assert ("school.delete", "northfield", 2) in trust_log
    # The other school is untouched, and a new school never gets the deleted one's id.
    assert quotes(check(client, trust["southgate"]["staff"], "Aisha Khan and Tobias Wreford")) == \
        {"Aisha Khan", "Tobias Wreford"}
    again = create_school(client, admin_headers, "northfield", "Northfield Again")
    assert again.status_code == 201 and again.get_json()["id"] not in (north.id,)
    fresh = client.get("/api/v1/admin/schools/northfield/lists/pupils", headers=admin_headers).get_json()
    assert fresh["entries"] == []


def test_the_default_school_cannot_be_deleted(client, admin_headers, staff_headers):
    response = client.delete("/api/v1/admin/schools/default", headers=admin_headers)
    assert response.status_code == 400 and error_of(response)["field"] == "slug"
    assert check(client, staff_headers, "hello").status_code == 200


def test_a_schools_admin_tokens_are_listed_and_revoked_by_the_trust_only(client, admin_headers, trust):
    base = "/api/v1/admin/schools/northfield/admin-tokens"
    listed = client.get(base, headers=admin_headers).get_json()["tokens"]
    assert [(t["kind"], t["label"], t["revoked_at"]) for t in listed] == [("admin", "office", None)]
    assert "token" not in listed[0]
    south = client.get("/api/v1/admin/schools/southgate/admin-tokens", headers=admin_headers).get_json()["tokens"]
    assert client.get(base, headers=trust["northfield"]["admin"]).status_code == 403
    assert client.delete(f"{base}/{listed[0]['id']}", headers=trust["northfield"]["admin"]).status_code == 403
    # Another school's token, or a staff token, is not this school's admin token.
    assert client.delete(f"{base}/{south[0]['id']}", headers=admin_headers).status_code == 404
    staff_id = client.get("/api/v1/admin/schools/northfield/tokens", headers=admin_headers).get_json()["tokens"][0]["id"]
    assert client.delete(f"{base}/{staff_id}", headers=admin_headers).status_code == 404
    assert client.get("/api/v1/admin/lists/pupils", headers=trust["northfield"]["admin"]).status_code == 200
    revoked = client.delete(f"{base}/{listed[0]['id']}", headers=admin_headers)
    assert revoked.status_code == 200 and revoked.get_json()["revoked_at"]
    assert client.get("/api/v1/admin/lists/pupils", headers=trust["northfield"]["admin"]).status_code == 401
    assert client.get("/api/v1/admin/lists/pupils", headers=trust["southgate"]["admin"]).status_code == 200
    assert client.get(base, headers=admin_headers).get_json()["tokens"][0]["revoked_at"] is not None


def database_files(database_url: str) -> list[Path]:
    """The files that hold the store's rows: SQLite's file and its -wal/-shm; for PostgreSQL the
    files of every table with schools' rows, once a checkpoint has written them (read where the
    test runs on the server's machine with the rights to, as scripts/test.sh's server is)."""
    if database_url.startswith("sqlite"):
        database = Path(database_url.removeprefix("sqlite:///"))
        return [path for path in database.parent.iterdir() if path.name.startswith(database.name)]
    from sqlalchemy import create_engine, text

    from backend.store import Base
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            conn.execute(text("CHECKPOINT"))
            root = Path(conn.execute(text("SELECT current_setting('data_directory')")).scalar())
            files = [root / conn.execute(text("SELECT pg_relation_filepath(:t)"), {"t": t.name}).scalar()
                     for t in Base.metadata.tables.values() if "school_id" in t.c]
    finally:
        engine.dispose()
    try:
        for path in files:
            path.read_bytes()
    except OSError:
        pytest.skip("PostgreSQL's files are not readable from here")
    return files


def test_a_deleted_schools_names_are_gone_from_the_database_files(client, admin_headers, database_url):
    """Not only out of the tables: SQLite keeps deleted rows' bytes in its free pages and
    write-ahead log, PostgreSQL its dead row versions, where anyone with the files could read them."""
    marker = "Quorvendellix"
    assert create_school(client, admin_headers, "northfield", "Northfield").status_code == 201
    assert client.put("/api/v1/admin/schools/northfield/lists/pupils", data=f"{HEADER}Zainab,{marker},,8,8A\n",
                      headers={**admin_headers, "Content-Type": "text/csv"}).status_code == 200
    assert client.post("/api/v1/admin/schools/northfield/tokens", json={"label": f"Mrs {marker}'s laptop"},
                       headers=admin_headers).status_code == 201
    assert client.delete("/api/v1/admin/schools/northfield", headers=admin_headers).status_code == 200
    files = database_files(database_url)
    assert files
    for path in files:
        found = marker.encode() in path.read_bytes()
        assert not found, path.name
