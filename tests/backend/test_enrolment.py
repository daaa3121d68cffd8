"""Enrolment links: issued for the staff list, exchanged once for a staff token, expiring, revocable,
stored hashed; through the admin API, the exchange endpoint and the CLI."""
import hashlib
from datetime import timedelta
from urllib.parse import urlsplit

from sqlalchemy import update

from backend.enrolment import Enrolment
from backend.store import AuditLog, utcnow
from tests.backend.helpers import check, error_of, put_csv

STAFF_CSV = b"Title,Forename,Surname\nMrs,Amina,Kauser\nMr,Tom,Bright\n"


def _issue(client, admin_headers, **body):
    response = client.post("/api/v1/admin/enrolments", json=body, headers=admin_headers)
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()["enrolments"]


def _code(link: str) -> str:
    return urlsplit(link).fragment


def _exchange(client, code):
    return client.post("/api/v1/enrol", json={"code": code})


def _states(client, admin_headers):
    listing = client.get("/api/v1/admin/enrolments", headers=admin_headers).get_json()["enrolments"]
    return {row["label"]: row["state"] for row in listing}


def test_links_for_the_staff_list_are_exchanged_once_for_a_working_token(app, client, admin_headers):
    assert put_csv(client, admin_headers, "staff", STAFF_CSV).status_code == 200
    issued = _issue(client, admin_headers, staff_list=True)
    assert sorted(item["label"] for item in issued) == ["Mr Tom Bright", "Mrs Amina Kauser"]
    link = next(item["link"] for item in issued if item["label"] == "Mrs Amina Kauser")
    assert link.startswith("http://localhost/enrol#pce_")
    code = _code(link)
    # stored only as its hash
    with app.extensions["precheck"].store.session() as s:
        hashes = [row.code_hash for row in s.query(Enrolment)]
    assert hashlib.sha256(code.encode()).hexdigest() in hashes and not any(code in h for h in hashes)

    answer = _exchange(client, code)
    assert answer.status_code == 200
    token = answer.get_json()["token"]
    assert token.startswith("pcs_") and answer.get_json()["label"] == "Mrs Amina Kauser"
    assert check(client, {"Authorization": f"Bearer {token}"}, "hello").status_code == 200
    assert _states(client, admin_headers) == {"Mrs Amina Kauser": "enrolled", "Mr Tom Bright": "waiting"}
    tokens = client.get("/api/v1/admin/tokens", headers=admin_headers).get_json()["tokens"]
    assert [t["label"] for t in tokens] == ["Mrs Amina Kauser"]

    again = _exchange(client, code)
    assert again.status_code == 400 and error_of(again)["code"] == "enrolment_refused"
    # a second run for the staff list leaves out whoever has a link under way or used
    assert client.post("/api/v1/admin/enrolments", json={"staff_list": True},
                       headers=admin_headers).get_json()["enrolments"] == []


def test_an_expired_link_is_refused(app, client, admin_headers):
    [item] = _issue(client, admin_headers, labels=["Ms Example"], days=1)
    with app.extensions["precheck"].store.session() as s, s.begin():
        s.execute(update(Enrolment).values(expires_at=utcnow() - timedelta(minutes=1)))
    assert _exchange(client, _code(item["link"])).status_code == 400
    assert _states(client, admin_headers) == {"Ms Example": "expired"}


def test_revoking_a_link_refuses_it_and_revoking_a_used_one_stops_its_token(client, admin_headers):
    first, second = _issue(client, admin_headers, labels=["One", "Two"])
    assert client.delete(f"/api/v1/admin/enrolments/{first['id']}", headers=admin_headers).status_code == 200
    assert _exchange(client, _code(first["link"])).status_code == 400
    token = _exchange(client, _code(second["link"])).get_json()["token"]
    assert client.delete(f"/api/v1/admin/enrolments/{second['id']}", headers=admin_headers).status_code == 200
    assert check(client, {"Authorization": f"Bearer {token}"}, "hello").status_code == 401
    assert _states(client, admin_headers) == {"One": "revoked", "Two": "revoked"}
    assert client.delete("/api/v1/admin/enrolments/424242", headers=admin_headers).status_code == 404


def test_unknown_and_malformed_codes_are_refused_alike(client):
    for body in ({"code": "pce_" + "x" * 43}, {"code": "pcs_nope"}, {"code": 7}, {}):
        response = client.post("/api/v1/enrol", json=body)
        assert response.status_code == 400 and error_of(response)["code"] == "enrolment_refused"


def test_links_use_the_public_url_and_belong_to_the_school(app_factory, admin_headers):
    app = app_factory(PUBLIC_URL="https://precheck.school.example/")
    client = app.test_client()
    assert client.post("/api/v1/admin/schools", json={"slug": "northfield", "name": "Northfield"},
                       headers=admin_headers).status_code == 201
    response = client.post("/api/v1/admin/schools/northfield/enrolments", json={"labels": ["Mr North"]},
                           headers=admin_headers)
    [item] = response.get_json()["enrolments"]
    assert item["link"].startswith("https://precheck.school.example/enrol#pce_")
    assert _states(client, admin_headers) == {}  # the default school has none
    token = _exchange(client, _code(item["link"])).get_json()["token"]
    store = app.extensions["precheck"].store
    [row] = store.tokens("staff")
    assert row.school_id == store.school_by_slug("northfield").id
    assert check(client, {"Authorization": f"Bearer {token}"}, "hi").get_json()["lists_version"] >= 1


def test_bad_requests_name_the_field(client, admin_headers):
    for body, field in (({"labels": []}, "labels"), ({"labels": [""]}, "labels"), ({"labels": ["x"], "days": 0}, "days"),
                        ({"labels": ["x"], "days": 31}, "days"), ({}, "labels")):
        response = client.post("/api/v1/admin/enrolments", json=body, headers=admin_headers)
        assert response.status_code == 400 and error_of(response)["field"] == field, body
    assert client.post("/api/v1/admin/enrolments", json={"labels": ["x"]}).status_code == 401


def test_the_cli_issues_links_for_the_staff_list_as_csv_and_lists_who_enrolled(app, tmp_path):
    staff = tmp_path / "staff.csv"
    staff.write_bytes(STAFF_CSV)
    runner = app.test_cli_runner()
    assert runner.invoke(args=["import-list", "staff", str(staff)]).exit_code == 0
    refused = runner.invoke(args=["create-enrolment-links", "--staff-list"])
    assert refused.exit_code != 0 and "PRECHECK_PUBLIC_URL" in refused.output
    result = runner.invoke(args=["create-enrolment-links", "--staff-list", "--url", "https://precheck.example"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "name,link,expires" and len(lines) == 3
    name, link, _ = lines[1].split(",")
    assert link.startswith("https://precheck.example/enrol#pce_")
    client = app.test_client()
    assert _exchange(client, _code(link)).status_code == 200
    listed = runner.invoke(args=["list-enrolments"]).output
    assert "enrolled" in listed and name in listed and "waiting" in listed
    with app.extensions["precheck"].store.session() as s:
        actions = [row.action for row in s.query(AuditLog)]
    assert "enrolment.create" in actions and "enrolment.exchange" in actions
    enrolment_id = listed.split()[0]
    revoked = runner.invoke(args=["revoke-enrolment", enrolment_id])
    assert revoked.exit_code == 0 and "revoked" in revoked.output


def test_the_enrol_page_explains_and_is_not_a_404(client):
    page = client.get("/enrol")
    assert page.status_code == 200 and "Enrolment link" in page.get_data(as_text=True)


def test_deleting_a_school_erases_its_links(app, client, admin_headers):
    assert client.post("/api/v1/admin/schools", json={"slug": "eastfield", "name": "Eastfield"},
                       headers=admin_headers).status_code == 201
    [item] = client.post("/api/v1/admin/schools/eastfield/enrolments", json={"labels": ["Mr East"]},
                         headers=admin_headers).get_json()["enrolments"]
    assert client.delete("/api/v1/admin/schools/eastfield", headers=admin_headers).status_code == 200
    with app.extensions["precheck"].store.session() as s:
        assert s.query(Enrolment).count() == 0
    assert _exchange(client, _code(item["link"])).status_code == 400
