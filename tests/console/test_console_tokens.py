"""Staff tokens in the console: shown once with setup steps, stored hashed, revoked at once."""
import hashlib
import html as html_lib
import re

from sqlalchemy import select

from backend.store import ApiToken
from tests.console.conftest import csrf_token


def _issue(client, label):
    page = client.get("/admin/tokens").get_data(as_text=True)
    return client.post("/admin/tokens", data={"csrf_token": csrf_token(page), "label": label})


def test_a_token_is_shown_once_with_setup_steps_and_works(admin_client, store):
    response = _issue(admin_client, "J. Smith laptop")
    assert response.status_code == 201 and response.headers["Cache-Control"] == "no-store"
    page = html_lib.unescape(response.get_data(as_text=True))
    token = re.search(r"Access token: (\S+)", page)[1]
    assert "Server URL: http://localhost" in page
    with store.session() as s:
        row = s.execute(select(ApiToken)).scalar_one()
    assert row.kind == "staff" and row.label == "J. Smith laptop"
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest() and token not in str(row.to_json())
    check = admin_client.post("/api/v1/check", json={"text": "hello"}, headers={"Authorization": f"Bearer {token}"})
    assert check.status_code == 200
    # Never again: not on the list page, not in the audit log.
    assert token not in admin_client.get("/admin/tokens").get_data(as_text=True)
    assert token not in admin_client.get("/admin/audit").get_data(as_text=True)


def test_the_list_shows_label_and_dates_and_revoke_stops_the_token_at_once(admin_client, store):
    page = html_lib.unescape(_issue(admin_client, "Reception PC").get_data(as_text=True))
    token = re.search(r"Access token: (\S+)", page)[1]
    listing = admin_client.get("/admin/tokens").get_data(as_text=True)
    assert "Reception PC" in listing and "Never" in listing
    admin_client.post("/api/v1/check", json={"text": "hi"}, headers={"Authorization": f"Bearer {token}"})
    listing = admin_client.get("/admin/tokens").get_data(as_text=True)
    assert "Never" not in listing  # last used is now a date
    revoke = re.search(r'action="(/admin/tokens/\d+/revoke)"', listing)[1]
    revoked = admin_client.post(revoke, data={"csrf_token": csrf_token(listing)}, follow_redirects=True)
    assert "It stopped working at once" in revoked.get_data(as_text=True)
    check = admin_client.post("/api/v1/check", json={"text": "hi"}, headers={"Authorization": f"Bearer {token}"})
    assert check.status_code == 401
    assert "Reception PC" not in admin_client.get("/admin/tokens").get_data(as_text=True)
    audit = admin_client.get("/admin/audit").get_data(as_text=True)
    assert "issued a token" in audit and "revoked a token" in audit


def test_a_token_needs_a_label(admin_client, store):
    response = _issue(admin_client, "   ")
    assert response.status_code == 400 and "Give the token a label" in response.get_data(as_text=True)
    assert store.tokens() == []


def test_admin_tokens_are_not_listed_or_revocable_here(admin_client, store):
    from backend.auth import issue_token
    row, _ = issue_token(store, "admin", "API robot", "test")
    listing = admin_client.get("/admin/tokens").get_data(as_text=True)
    assert "API robot" not in listing
    admin_client.post(f"/admin/tokens/{row.id}/revoke", data={"csrf_token": csrf_token(listing)})
    assert store.tokens("admin")[0].revoked_at is None
