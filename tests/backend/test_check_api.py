"""POST /api/v1/check through the Flask test client, on SQLite and PostgreSQL."""
import pytest

from nlp.spans import utf16_slice
from tests.backend.helpers import PUPILS_CSV, check, error_of, put_csv, upload_pupils


def test_answer_has_findings_and_lists_version(client, staff_headers):
    response = check(client, staff_headers, "Lovely walk in the hills this morning", {"surface": "post"})
    assert response.status_code == 200
    body = response.get_json()
    assert body["findings"] == [] or all(set(f) >= {"category", "clause", "severity", "start", "end", "quote"}
                                         for f in body["findings"])
    assert isinstance(body["lists_version"], int)
    assert "note" not in body  # no note set
    assert response.headers["Cache-Control"] == "no-store"  # answers quote pupils' names


def test_note_from_settings_is_carried(client, admin_headers, staff_headers):
    note = "Our Designated Safeguarding Lead is Mrs Example."
    assert client.put("/api/v1/admin/settings", json={"note": note}, headers=admin_headers).status_code == 200
    assert check(client, staff_headers, "hello").get_json()["note"] == note


def test_list_upload_moves_lists_version(client, admin_headers, staff_headers):
    before = check(client, staff_headers, "hello").get_json()["lists_version"]
    uploaded = put_csv(client, admin_headers, "pupils", PUPILS_CSV).get_json()["lists_version"]
    assert uploaded > before
    assert check(client, staff_headers, "hello").get_json()["lists_version"] == uploaded


def test_unknown_fields_are_ignored(client, staff_headers):
    response = check(client, staff_headers, "hello", {"surface": "reply", "future_field": [1, 2]}, client_version="9")
    assert response.status_code == 200


def test_every_context_field_is_optional(client, staff_headers):
    assert check(client, staff_headers, "hello", {}).status_code == 200
    assert check(client, staff_headers, "hello", None).status_code == 200
    full = {"site": "x.com", "surface": "message", "account": "school", "has_media": True,
            "local_time": "2026-11-24T10:15:00+00:00"}
    assert check(client, staff_headers, "hello", full).status_code == 200


def test_utf16_offsets_after_emoji_skin_tones_and_astral_letters(client, admin_headers, staff_headers):
    upload_pupils(client, admin_headers)
    # 👍🏽 is two astral code points (4 UTF-16 units), 👨‍👩‍👧 joins three, 𝒜𝓌𝑒 are astral letters.
    text = "👍🏽 Great day 👨‍👩‍👧 𝒜𝓌𝑒𝓈𝑜𝓂𝑒 work from Aisha Khan in 9B 🎉"
    findings = check(client, staff_headers, text).get_json()["findings"]
    names = [f for f in findings if f["category"] == "pupil-name"]
    assert names, findings
    start = len(text[:text.index("Aisha")].encode("utf-16-le")) // 2
    assert start != text.index("Aisha")  # the prefix really has astral characters
    assert any(f["start"] <= start < f["end"] for f in names)
    for f in findings:
        if f["end"] > f["start"]:
            assert utf16_slice(text, f["start"], f["end"]) == f["quote"]


# -- authentication: 401 before anything else, so no one without a token learns anything --

@pytest.mark.parametrize("header", [None, "", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer not-a-token",
                                    "Token pcs_whatever"])
def test_missing_or_bad_token_is_401(client, header):
    headers = {"Authorization": header} if header is not None else {}
    response = check(client, headers, "Aisha Khan")
    assert response.status_code == 401
    assert error_of(response)["code"] == "unauthorized"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_401_comes_before_reading_the_body(client):
    response = client.post("/api/v1/check", data=b"{not json", headers={"Content-Type": "text/plain"})
    assert response.status_code == 401


def test_admin_token_is_not_a_staff_token(client, admin_headers):
    assert check(client, admin_headers, "hello").status_code == 401


def test_staff_token_is_not_an_admin_token(client, staff_headers):
    assert client.get("/api/v1/admin/settings", headers=staff_headers).status_code == 401
    assert put_csv(client, staff_headers, "pupils", PUPILS_CSV).status_code == 401


def test_no_oracle_without_a_token(client, admin_headers):
    """Without a token, a listed and an unlisted name get byte-identical answers."""
    put_csv(client, admin_headers, "pupils", PUPILS_CSV)
    listed = check(client, {"Authorization": "Bearer guess"}, "Aisha Khan")
    unlisted = check(client, {"Authorization": "Bearer guess"}, "Nobody Atall")
    assert listed.status_code == unlisted.status_code == 401
    assert listed.get_data() == unlisted.get_data()


# -- every malformed request of the contract gets its JSON error ------------------------

def test_malformed_json_is_400(client, staff_headers):
    response = client.post("/api/v1/check", data=b'{"text": "Aisha Khan', headers={
        **staff_headers, "Content-Type": "application/json"})
    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == "malformed_json"
    assert "Aisha" not in response.get_data(as_text=True)


def test_invalid_utf8_is_400(client, staff_headers):
    response = client.post("/api/v1/check", data=b'{"text": "caf\xe9"}', headers={
        **staff_headers, "Content-Type": "application/json"})
    assert response.status_code == 400
    error_of(response)


@pytest.mark.parametrize("body, field", [
    ([1, 2], None),
    ("just a string", None),
    ({}, "text"),
    ({"text": None}, "text"),
    ({"text": 42}, "text"),
    ({"text": ["a"]}, "text"),
    ({"text": "hi", "context": "post"}, "context."),
    ({"text": "hi", "context": {"surface": "story"}}, "context.surface"),
    ({"text": "hi", "context": {"surface": 3}}, "context.surface"),
    ({"text": "hi", "context": {"account": "work"}}, "context.account"),
    ({"text": "hi", "context": {"has_media": "yes"}}, "context.has_media"),
    ({"text": "hi", "context": {"site": 5}}, "context.site"),
    ({"text": "hi", "context": {"local_time": "yesterday at ten"}}, "context.local_time"),
    ({"text": "hi", "context": {"local_time": "2026-13-40T10:00:00+00:00"}}, "context.local_time"),
    ({"text": "hi", "context": {"local_time": 1732443300}}, "context.local_time"),
])
def test_wrong_types_and_values_are_400_naming_the_field(client, staff_headers, body, field):
    response = client.post("/api/v1/check", json=body, headers=staff_headers)
    assert response.status_code == 400
    error = error_of(response)
    if field:
        assert error["field"] == field


def test_text_over_the_limit_is_413(app_factory):
    app = app_factory(MAX_TEXT_LENGTH=1000)
    client = app.test_client()
    admin = {"Authorization": "Bearer test-admin-token-0123456789abcdef"}
    token = client.post("/api/v1/admin/tokens", json={"label": "t"}, headers=admin).get_json()["token"]
    staff = {"Authorization": f"Bearer {token}"}
    assert check(client, staff, "a" * 1000).status_code == 200
    response = check(client, staff, "a" * 1001)
    assert response.status_code == 413
    assert error_of(response)["code"] == "too_large"
    # Limits count UTF-16 units, as the extension does: 500 emoji are 1000 units, 501 are 1002.
    assert check(client, staff, "😀" * 500).status_code == 200
    assert check(client, staff, "😀" * 501).status_code == 413


def test_huge_body_is_413_before_it_is_read(client, staff_headers):
    body = b'{"text": "' + b"a" * (5 * 1024 * 1024) + b'"}'
    response = client.post("/api/v1/check", data=body, headers={**staff_headers, "Content-Type": "application/json"})
    assert response.status_code == 413
    error_of(response)


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "text/csv", None])
def test_wrong_content_type_is_415(client, staff_headers, content_type):
    headers = dict(staff_headers)
    if content_type:
        headers["Content-Type"] = content_type
    response = client.post("/api/v1/check", data=b'{"text": "hello"}', headers=headers)
    assert response.status_code == 415
    assert error_of(response)["code"] == "unsupported_media_type"


def test_json_with_charset_is_accepted(client, staff_headers):
    response = client.post("/api/v1/check", data=b'{"text": "hello"}',
                           headers={**staff_headers, "Content-Type": "application/json; charset=utf-8"})
    assert response.status_code == 200


def test_wrong_method_is_405_json(client, staff_headers):
    response = client.get("/api/v1/check", headers=staff_headers)
    assert response.status_code == 405
    assert error_of(response)["code"] == "method_not_allowed"
    assert "POST" in response.headers["Allow"]


def test_unknown_path_is_404_json(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"


def test_engine_error_is_500_json_without_the_draft(app_factory, caplog):
    app = app_factory(FAULT_TRIGGER="boom-trigger")
    client = app.test_client()
    admin = {"Authorization": "Bearer test-admin-token-0123456789abcdef"}
    token = client.post("/api/v1/admin/tokens", json={"label": "t"}, headers=admin).get_json()["token"]
    response = check(client, {"Authorization": f"Bearer {token}"}, "secret draft boom-trigger Aisha")
    assert response.status_code == 500
    assert error_of(response)["code"] == "internal_error"
    assert "secret draft" not in response.get_data(as_text=True)
    assert check(client, {"Authorization": f"Bearer {token}"}, "an ordinary draft").status_code == 200


def test_healthz_is_503_when_the_store_does_not_answer(app, client, monkeypatch):
    from sqlalchemy.exc import OperationalError

    def unreachable():
        raise OperationalError("SELECT 1", {}, Exception("server closed the connection"))

    monkeypatch.setattr(app.extensions["precheck"].store, "ping", unreachable)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["status"] == "unavailable" and response.get_json()["store"] == "unreachable"


def test_a_lost_database_is_503_not_500(app, client, staff_headers, monkeypatch):
    from sqlalchemy.exc import OperationalError

    def unreachable(*args, **kwargs):
        raise OperationalError("SELECT", {}, Exception("could not connect to server"))

    monkeypatch.setattr(app.extensions["precheck"].store, "authenticate", unreachable)
    response = check(client, staff_headers, "Aisha Khan")
    assert response.status_code == 503
    assert error_of(response)["code"] == "unavailable" and response.headers["Retry-After"]


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok" and isinstance(body["lists_version"], int)


def test_lone_surrogates_from_javascript_are_repaired_keeping_offsets(client, admin_headers, staff_headers):
    """A draft cut mid-emoji arrives as JSON "\\ud83d"; it is checked, offsets still in the page's units."""
    upload_pupils(client, admin_headers)
    body = b'{"text": "\\ud83d Aisha Khan \\udc00 in 9B", "context": {"site": "\\udc00x.com"}}'
    response = client.post("/api/v1/check", data=body, headers={**staff_headers, "Content-Type": "application/json"})
    assert response.status_code == 200
    names = [f for f in response.get_json()["findings"] if f["category"] == "pupil-name"]
    assert [(f["start"], f["end"], f["quote"]) for f in names] == [(2, 12, "Aisha Khan")]


def test_lone_surrogates_are_refused_where_they_would_be_stored(client, admin_headers):
    for path, method, body in [("/api/v1/admin/tokens", "post", b'{"label": "Mr \\ud83d"}'),
                               ("/api/v1/admin/settings", "put", b'{"note": "DSL \\udc00"}')]:
        response = getattr(client, method)(path, data=body, headers={**admin_headers, "Content-Type": "application/json"})
        assert response.status_code == 400
        assert "surrogate" in error_of(response)["message"]
