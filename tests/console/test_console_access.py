"""Who may reach the console: sign-in, sign-out, forged forms, lock-out."""
import re
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from sqlalchemy import select

from backend.store import AdminUser, AuditLog, StaffRow
from tests.console.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, csrf_token, sign_in

PAGES = ["/admin/", "/admin/pupils", "/admin/staff", "/admin/school-terms", "/admin/tokens",
         "/admin/settings", "/admin/try", "/admin/audit", "/admin/pupils/new", "/admin/pupils/1/edit",
         "/admin/false-alarms"]
FORMS = [("/admin/pupils/new", {"first_name": "Ada", "last_name": "Lovelace"}),
         ("/admin/staff/new", {"last_name": "Babbage"}),
         ("/admin/tokens", {"label": "laptop"}),
         ("/admin/settings", {"timezone": "Europe/London", "hours-mon": "09:00-10:00"}),
         ("/admin/pupils/1/remove", {}),
         ("/admin/tokens/1/revoke", {}),
         ("/admin/false-alarms/exceptions", {"category": "pupil-name", "words": "Grace"}),
         ("/admin/sign-out", {})]


def test_pages_redirect_to_sign_in_without_a_session(client):
    for path in PAGES:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.headers["Location"].startswith("/admin/sign-in"), path


def test_pages_render_once_signed_in_and_offer_sign_out(admin_client):
    for path in PAGES:
        response = admin_client.get(path, follow_redirects=True)
        assert response.status_code == 200, path
        html = response.get_data(as_text=True)
        assert "Sign out" in html and "Sign in</button>" not in html, path


def test_sign_in_page_has_the_contracts_fields(client):
    html = client.get("/admin/sign-in").get_data(as_text=True)
    assert '<label for="email">Email</label>' in html
    assert '<label for="password">Password</label>' in html
    assert ">Sign in</button>" in html


def test_sign_in_returns_to_the_page_asked_for_and_never_off_site(client):
    target = client.get("/admin/settings").headers["Location"]
    page = client.get(target)
    response = client.post(target, data={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD,
                                         "csrf_token": csrf_token(page.get_data(as_text=True))})
    assert response.headers["Location"] == "/admin/settings"
    client.post("/admin/sign-out", data={"csrf_token": csrf_token(client.get("/admin/").get_data(as_text=True))})
    page = client.get("/admin/sign-in?next=https://evil.example/")
    response = client.post("/admin/sign-in?next=https://evil.example/",
                           data={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD,
                                 "csrf_token": csrf_token(page.get_data(as_text=True))})
    assert response.headers["Location"] == "/admin/"


def test_wrong_password_is_refused(client):
    response = sign_in(client, password="not it")
    assert response.status_code == 401
    assert "The email or password is not right." in response.get_data(as_text=True)
    assert client.get("/admin/").status_code == 302


def test_session_cookie_is_httponly_and_samesite_lax_and_lasts_a_working_day(client):
    response = sign_in(client)
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    expires = parsedate_to_datetime(re.search(r"Expires=([^;]+)", cookie)[1])
    assert timedelta(hours=7, minutes=59) < expires - datetime.now(timezone.utc) <= timedelta(hours=8)


def test_session_cookie_is_secure_over_https(app):
    client = app.test_client()
    page = client.get("/admin/sign-in", base_url="https://localhost")
    response = client.post("/admin/sign-in", base_url="https://localhost",
                           headers={"Referer": "https://localhost/admin/sign-in"},
                           data={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD,
                                 "csrf_token": csrf_token(page.get_data(as_text=True))})
    assert response.status_code == 302
    assert "Secure" in response.headers["Set-Cookie"]


def test_sign_out_ends_the_session(admin_client):
    token = csrf_token(admin_client.get("/admin/").get_data(as_text=True))
    response = admin_client.post("/admin/sign-out", data={"csrf_token": token})
    assert response.headers["Location"] == "/admin/sign-in"
    assert admin_client.get("/admin/pupils").status_code == 302


def test_a_password_reset_ends_existing_sessions(admin_client, store):
    from backend.auth import hash_password
    store.upsert_admin(ADMIN_EMAIL, hash_password("a new password entirely"), "test")
    assert admin_client.get("/admin/").status_code == 302


def test_forged_posts_are_refused_and_change_nothing(admin_client, store):
    admin_client.post("/admin/staff/new", data={"last_name": "Existing",
                      "csrf_token": csrf_token(admin_client.get("/admin/staff/new").get_data(as_text=True))})
    version_before = store.lists_version()
    audit_before = len(store.audit_log())
    for path, fields in FORMS:
        for forged in ({}, {"csrf_token": "forged"}):
            response = admin_client.post(path, data=fields | forged)
            assert response.status_code in (400, 403), path
            assert "Nothing was changed" in response.get_data(as_text=True), path
            assert ">Sign out</button>" in response.get_data(as_text=True), path
    assert store.lists_version() == version_before
    assert len(store.audit_log()) == audit_before
    assert store.tokens() == []
    assert admin_client.get("/admin/").status_code == 200  # still signed in: sign-out was refused too


def test_a_token_from_another_session_is_refused(app, admin_client, store):
    other = app.test_client()
    foreign = csrf_token(other.get("/admin/sign-in").get_data(as_text=True))
    response = admin_client.post("/admin/staff/new", data={"last_name": "Forged", "csrf_token": foreign})
    assert response.status_code == 400
    with store.session() as s:
        assert s.execute(select(StaffRow)).first() is None


def test_the_json_api_is_not_subject_to_csrf(app, store):
    from backend.auth import issue_token
    _, token = issue_token(store, "admin", "api", "test")
    response = app.test_client().put("/api/v1/admin/lists/staff", data=b"title,first_name,last_name\nMr,A,Bee\n",
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "text/csv"})
    assert response.status_code == 200, response.get_data(as_text=True)


def _locked_message(response) -> bool:
    return "locked after 5 failed sign-ins" in response.get_data(as_text=True)


def test_five_failures_lock_the_account_even_for_the_right_password(client, store):
    for attempt in range(4):
        response = sign_in(client, password=f"wrong {attempt}")
        assert response.status_code == 401 and not _locked_message(response)
    response = sign_in(client, password="wrong again")
    assert _locked_message(response)
    response = sign_in(client)
    assert response.status_code == 401 and _locked_message(response)
    assert client.get("/admin/").status_code == 302
    with store.session() as s:
        assert s.execute(select(AuditLog).where(AuditLog.action == "admin.locked-out")).first() is not None


def test_the_lock_lifts_after_a_while(client, store):
    for attempt in range(5):
        sign_in(client, password=f"wrong {attempt}")
    with store.session() as s, s.begin():
        admin = s.execute(select(AdminUser).where(AdminUser.email == ADMIN_EMAIL)).scalar_one()
        admin.locked_until -= timedelta(minutes=16)
    assert sign_in(client).status_code == 302


def test_failures_spread_over_more_than_15_minutes_do_not_lock(client, store):
    for attempt in range(4):
        sign_in(client, password=f"wrong {attempt}")
    with store.session() as s, s.begin():
        admin = s.execute(select(AdminUser).where(AdminUser.email == ADMIN_EMAIL)).scalar_one()
        admin.first_failed_at -= timedelta(minutes=16)
    response = sign_in(client, password="wrong once more")
    assert not _locked_message(response)
    assert sign_in(client).status_code == 302


def test_a_success_clears_earlier_failures(client):
    for attempt in range(4):
        sign_in(client, password=f"wrong {attempt}")
    assert sign_in(client).status_code == 302
    client.post("/admin/sign-out", data={"csrf_token": csrf_token(client.get("/admin/").get_data(as_text=True))})
    for attempt in range(4):
        assert not _locked_message(sign_in(client, password=f"wrong {attempt}"))
    assert sign_in(client).status_code == 302


def test_unknown_email_gets_the_same_answer_as_a_wrong_password(client):
    known = sign_in(client, password="nope").get_data(as_text=True)
    unknown = sign_in(client, email="someone@else.example", password="nope").get_data(as_text=True)
    assert "The email or password is not right." in known and "The email or password is not right." in unknown
