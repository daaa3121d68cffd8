"""Rate limits per token (429 JSON) and CORS for browser-extension origins only."""
import pytest

from tests.backend.helpers import check, error_of

CHROME = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"
FIREFOX = "moz-extension://0f1e2d3c-4b5a-6978-8a9b-acbdcedfe0f1"


def issue(client, admin_headers):
    token = client.post("/api/v1/admin/tokens", json={"label": "t"}, headers=admin_headers).get_json()["token"]
    return {"Authorization": f"Bearer {token}"}


def test_checks_over_the_limit_get_429_per_token(app_factory, admin_headers):
    client = app_factory(RATE_LIMIT_CHECK="3 per minute").test_client()
    first, second = issue(client, admin_headers), issue(client, admin_headers)
    assert [check(client, first, "hi").status_code for _ in range(3)] == [200, 200, 200]
    limited = check(client, first, "hi")
    assert limited.status_code == 429
    assert error_of(limited)["code"] == "rate_limited"
    assert int(limited.headers["Retry-After"]) > 0
    assert check(client, second, "hi").status_code == 200  # another member of staff is unaffected


def test_admin_api_is_rate_limited(app_factory, admin_headers):
    client = app_factory(RATE_LIMIT_ADMIN="2 per minute").test_client()
    statuses = [client.get("/api/v1/admin/settings", headers=admin_headers).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


@pytest.mark.parametrize("origin", [CHROME, FIREFOX])
def test_extension_origins_are_allowed(client, staff_headers, origin):
    response = client.post("/api/v1/check", json={"text": "hi"}, headers={**staff_headers, "Origin": origin})
    assert response.headers.get("Access-Control-Allow-Origin") == origin
    preflight = client.options("/api/v1/check", headers={
        "Origin": origin, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type"})
    assert preflight.headers.get("Access-Control-Allow-Origin") == origin
    assert "authorization" in preflight.headers.get("Access-Control-Allow-Headers", "").lower()


@pytest.mark.parametrize("origin", ["https://evil.example", "http://localhost:8000", "null",
                                    "chrome-extension://short", "https://x.com",
                                    "chrome-extension://abcdefghijklmnopabcdefghijklmnop.evil.example"])
def test_web_origins_are_not(client, staff_headers, origin):
    response = client.post("/api/v1/check", json={"text": "hi"}, headers={**staff_headers, "Origin": origin})
    assert "Access-Control-Allow-Origin" not in response.headers
    preflight = client.options("/api/v1/check", headers={"Origin": origin, "Access-Control-Request-Method": "POST"})
    assert "Access-Control-Allow-Origin" not in preflight.headers


def test_configured_extension_ids_narrow_the_list(app_factory, admin_headers):
    client = app_factory(EXTENSION_IDS=("abcdefghijklmnopabcdefghijklmnop",)).test_client()
    staff = issue(client, admin_headers)
    allowed = client.post("/api/v1/check", json={"text": "hi"}, headers={**staff, "Origin": CHROME})
    assert allowed.headers.get("Access-Control-Allow-Origin") == CHROME
    other = "chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba"
    refused = client.post("/api/v1/check", json={"text": "hi"}, headers={**staff, "Origin": other})
    assert "Access-Control-Allow-Origin" not in refused.headers
    firefox = client.post("/api/v1/check", json={"text": "hi"}, headers={**staff, "Origin": FIREFOX})
    assert "Access-Control-Allow-Origin" not in firefox.headers
