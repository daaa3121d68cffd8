"""Staff tokens: issued once, stored only as a hash, revoked at once."""
import hashlib

from sqlalchemy import text

from tests.backend.helpers import check, error_of


def all_cells(app) -> str:
    """Every value of every table in the store, as one string (to look for secrets in)."""
    store = app.extensions["precheck"].store
    from backend.store import Base
    cells = []
    with store.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            for row in conn.execute(text(f'SELECT * FROM "{table.name}"')):
                cells.extend(str(value) for value in row)
    return "\n".join(cells)


def test_issue_answers_201_with_id_and_token(client, admin_headers):
    response = client.post("/api/v1/admin/tokens", json={"label": "Mrs Example"}, headers=admin_headers)
    assert response.status_code == 201
    body = response.get_json()
    assert isinstance(body["id"], int) and len(body["token"]) >= 40


def test_token_is_stored_only_as_its_hash(app, client, admin_headers):
    token = client.post("/api/v1/admin/tokens", json={"label": "Mr Hash"}, headers=admin_headers).get_json()["token"]
    cells = all_cells(app)
    assert token not in cells
    assert token[8:20] not in cells  # not even a long piece of it
    assert hashlib.sha256(token.encode()).hexdigest() in cells
    assert "Mr Hash" in cells  # the label is there, so the scan really read the table


def test_token_works_until_revoked_and_not_a_moment_after(client, admin_headers):
    body = client.post("/api/v1/admin/tokens", json={"label": "t"}, headers=admin_headers).get_json()
    staff = {"Authorization": f"Bearer {body['token']}"}
    assert check(client, staff, "hello").status_code == 200
    revoked = client.delete(f"/api/v1/admin/tokens/{body['id']}", headers=admin_headers)
    assert revoked.status_code == 200 and revoked.get_json()["revoked_at"]
    response = check(client, staff, "hello")
    assert response.status_code == 401
    assert error_of(response)["code"] == "unauthorized"


def test_revocation_reaches_another_app_on_the_same_store(app_factory, admin_headers):
    """Two apps = two workers: revoking through one locks the token out of the other at once."""
    one, two = app_factory().test_client(), app_factory().test_client()
    body = one.post("/api/v1/admin/tokens", json={"label": "t"}, headers=admin_headers).get_json()
    staff = {"Authorization": f"Bearer {body['token']}"}
    assert check(two, staff, "hello").status_code == 200
    assert one.delete(f"/api/v1/admin/tokens/{body['id']}", headers=admin_headers).status_code == 200
    assert check(two, staff, "hello").status_code == 401


def test_revoking_an_unknown_token_is_404(client, admin_headers):
    response = client.delete("/api/v1/admin/tokens/999999", headers=admin_headers)
    assert response.status_code == 404
    error_of(response)


def test_listing_shows_labels_and_never_tokens(client, admin_headers):
    token = client.post("/api/v1/admin/tokens", json={"label": "Ms List"}, headers=admin_headers).get_json()["token"]
    listing = client.get("/api/v1/admin/tokens", headers=admin_headers)
    assert listing.status_code == 200
    assert [t["label"] for t in listing.get_json()["tokens"]] == ["Ms List"]
    assert token not in listing.get_data(as_text=True)


def test_last_use_is_recorded(client, admin_headers, staff_headers):
    assert check(client, staff_headers, "hello").status_code == 200
    tokens = client.get("/api/v1/admin/tokens", headers=admin_headers).get_json()["tokens"]
    assert tokens[0]["last_used_at"]


def test_bad_labels_are_400(client, admin_headers):
    for body in ({}, {"label": ""}, {"label": "   "}, {"label": 7}, {"label": "x" * 201}):
        response = client.post("/api/v1/admin/tokens", json=body, headers=admin_headers)
        assert response.status_code == 400, body
        assert error_of(response)["field"] == "label"


def test_stored_admin_tokens_work_and_can_be_revoked(app, client):
    from backend.auth import issue_token
    store = app.extensions["precheck"].store
    row, token = issue_token(store, "admin", "second admin", "test")
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/admin/settings", headers=headers).status_code == 200
    store.revoke_token(row.id, "test")
    assert client.get("/api/v1/admin/settings", headers=headers).status_code == 401
