"""Hypothesis throws arbitrary bodies at the check and admin endpoints: never a 500, always JSON errors."""
import json
from contextlib import ExitStack

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend import create_app
from tests.support.databases import postgres_database, postgres_server_url

ADMIN = {"Authorization": "Bearer fuzz-admin-token-0123456789abcdef"}

# Any code point, lone surrogates included: JSON can carry them ("\\ud83d") and JavaScript sends them.
any_text = st.text(st.characters(exclude_categories=()))
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | any_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(any_text.filter(lambda t: len(t) <= 12), inner, max_size=5),
    max_leaves=20)
context_values = st.fixed_dictionaries({}, optional={
    "site": st.one_of(st.text(max_size=30), json_values),
    "surface": st.one_of(st.sampled_from(["post", "reply", "comment", "message", "story", ""]), json_values),
    "account": st.one_of(st.sampled_from(["personal", "school", "work"]), json_values),
    "has_media": st.one_of(st.booleans(), json_values),
    "local_time": st.one_of(st.datetimes().map(lambda d: d.isoformat()), st.text(max_size=30), json_values),
})
check_bodies = st.one_of(
    json_values,
    st.fixed_dictionaries({"text": st.one_of(any_text, json_values)}, optional={"context": context_values}),
)
settings_bodies = st.one_of(json_values, st.fixed_dictionaries({}, optional={
    "timezone": st.one_of(st.sampled_from(["Europe/London", "UTC", "Mars/Base"]), json_values),
    "working_hours": st.dictionaries(st.sampled_from(["mon", "tue", "sun", "funday"]),
                                     st.lists(st.lists(st.sampled_from(["08:30", "15:30", "24:00", "9:5", ""]),
                                                       max_size=3), max_size=3) | json_values, max_size=3),
    "blocked_domains": st.lists(st.text(max_size=20) | st.just("bet365.com"), max_size=3) | json_values,
    "categories": st.dictionaries(st.sampled_from(["offensive", "working-hours", "nope"]),
                                  st.fixed_dictionaries({}, optional={"enabled": json_values,
                                                                      "severity": json_values}) | json_values),
    "note": any_text | json_values,
}))
csv_bodies = st.one_of(
    st.binary(max_size=300),
    st.lists(st.lists(st.text(max_size=12), max_size=5), max_size=6).map(
        lambda rows: "\n".join(",".join(r) for r in [["Forename", "Surname", "Year"], *rows]).encode("utf-8")),
)
content_types = st.sampled_from(["application/json", "text/csv", "text/plain", "application/octet-stream", ""])


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def fuzz_app(request, tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz")
    with ExitStack() as stack:
        if request.param == "sqlite":
            url = f"sqlite:///{path / 'fuzz.sqlite3'}"
        elif postgres_server_url():
            url = stack.enter_context(postgres_database())
        else:
            pytest.skip("PRECHECK_TEST_POSTGRES_URL is not set (scripts/test.sh sets it)")
        app = create_app({"TESTING": True, "DATABASE_URL": url, "INSTANCE_PATH": str(path),
                          "ADMIN_TOKEN": ADMIN["Authorization"][7:], "SECRET_KEY": "x",
                          "RATE_LIMIT_CHECK": "1000000 per minute", "RATE_LIMIT_ADMIN": "1000000 per minute"})
        yield app
        app.extensions["precheck"].store.close()


@pytest.fixture(scope="module")
def staff(fuzz_app):
    token = fuzz_app.test_client().post("/api/v1/admin/tokens", json={"label": "fuzz"}, headers=ADMIN).get_json()["token"]
    return {"Authorization": f"Bearer {token}"}


def assert_sane(response):
    assert response.status_code < 500, response.get_data(as_text=True)
    if response.status_code >= 400:
        body = response.get_json()
        assert set(body["error"]) >= {"code", "message"}


fuzz = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                         HealthCheck.too_slow])


@fuzz
@given(body=check_bodies)
def test_check_json(fuzz_app, staff, body):
    assert_sane(fuzz_app.test_client().post("/api/v1/check", json=body, headers=staff))


@fuzz
@given(raw=st.binary(max_size=200) | st.text(max_size=200).map(str.encode), content_type=content_types,
       authorization=st.sampled_from([None, "Bearer x", "Bearer", ""]) | st.text(
           st.characters(min_codepoint=32, max_codepoint=255, blacklist_categories=("Cc",)), max_size=20))
def test_check_raw_bodies_and_headers(fuzz_app, staff, raw, content_type, authorization):
    headers = {"Content-Type": content_type} if content_type else {}
    for auth in (staff["Authorization"], authorization):
        if auth is not None:
            headers["Authorization"] = auth
        assert_sane(fuzz_app.test_client().post("/api/v1/check", data=raw, headers=headers))


@fuzz
@given(body=settings_bodies)
def test_settings(fuzz_app, body):
    assert_sane(fuzz_app.test_client().put("/api/v1/admin/settings", json=body, headers=ADMIN))


@fuzz
@given(kind=st.sampled_from(["pupils", "staff", "school-terms"]) | st.text(min_size=1, max_size=10).filter(
           lambda s: "/" not in s and "?" not in s and "#" not in s),
       body=csv_bodies, content_type=content_types)
def test_list_uploads(fuzz_app, kind, body, content_type):
    client = fuzz_app.test_client()
    headers = {**ADMIN, **({"Content-Type": content_type} if content_type else {})}
    assert_sane(client.put(f"/api/v1/admin/lists/{kind}", data=body, headers=headers))
    assert_sane(client.get(f"/api/v1/admin/lists/{kind}", headers=ADMIN))


@fuzz
@given(body=json_values, token_id=st.text(max_size=12).filter(lambda s: "/" not in s and "?" not in s and "#" not in s)
       | st.integers(min_value=-5, max_value=10**20).map(str))
def test_tokens(fuzz_app, body, token_id):
    client = fuzz_app.test_client()
    assert_sane(client.post("/api/v1/admin/tokens", data=json.dumps(body), headers={
        **ADMIN, "Content-Type": "application/json"}))
    assert_sane(client.delete(f"/api/v1/admin/tokens/{token_id}", headers=ADMIN))
