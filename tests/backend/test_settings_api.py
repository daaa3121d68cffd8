"""GET/PUT /api/v1/admin/settings (issue 8): defaults, every 400 leaving the settings unchanged, versions."""
import json
from pathlib import Path

import pytest

from tests.backend.helpers import check, error_of

DEV_SETTINGS = json.loads((Path(__file__).parents[1] / "data" / "thornbury" / "settings.json").read_text())


def get_settings(client, headers):
    response = client.get("/api/v1/admin/settings", headers=headers)
    assert response.status_code == 200
    return response.get_json()


def test_defaults_before_anything_is_set(client, admin_headers):
    settings = get_settings(client, admin_headers)
    assert settings["timezone"] == "Europe/London"
    assert all(intervals == [] for intervals in settings["working_hours"].values())
    assert settings["blocked_domains"] == [] and settings["categories"] == {} and settings["note"] == ""


def test_put_stores_answers_and_bumps_the_version(client, admin_headers, staff_headers):
    before = check(client, staff_headers, "hi").get_json()["lists_version"]
    response = client.put("/api/v1/admin/settings", json=DEV_SETTINGS, headers=admin_headers)
    assert response.status_code == 200
    body = response.get_json()
    assert body["lists_version"] > before
    assert body["working_hours"]["mon"] == DEV_SETTINGS["working_hours"]["mon"]
    assert body["blocked_domains"] == DEV_SETTINGS["blocked_domains"]
    assert get_settings(client, admin_headers) == {k: v for k, v in body.items() if k != "lists_version"}
    answer = check(client, staff_headers, "hi").get_json()
    assert answer["lists_version"] == body["lists_version"] and answer["note"] == DEV_SETTINGS["note"]


def test_a_key_left_out_takes_its_default(client, admin_headers):
    client.put("/api/v1/admin/settings", json=DEV_SETTINGS, headers=admin_headers)
    response = client.put("/api/v1/admin/settings", json={"blocked_domains": ["example.org"]}, headers=admin_headers)
    assert response.status_code == 200
    settings = get_settings(client, admin_headers)
    assert settings["blocked_domains"] == ["example.org"]
    assert settings["note"] == "" and settings["working_hours"]["mon"] == [] and settings["timezone"] == "Europe/London"


def test_get_then_put_round_trips(client, admin_headers):
    client.put("/api/v1/admin/settings", json=DEV_SETTINGS, headers=admin_headers)
    settings = get_settings(client, admin_headers)
    assert client.put("/api/v1/admin/settings", json=settings, headers=admin_headers).status_code == 200
    assert get_settings(client, admin_headers) == settings


BAD = [
    ("unknown key", {"colour": "blue"}, "colour"),
    ("unknown time zone", {"timezone": "Europe/Thornbury"}, "timezone"),
    ("time zone not a string", {"timezone": 0}, "timezone"),
    ("weekday", {"working_hours": {"monday": [["08:30", "15:30"]]}}, "working_hours.monday"),
    ("time not HH:MM", {"working_hours": {"mon": [["8.30", "15:30"]]}}, "working_hours.mon[0]"),
    ("time out of range", {"working_hours": {"mon": [["08:30", "25:00"]]}}, "working_hours.mon[0]"),
    ("interval ends before it starts", {"working_hours": {"tue": [["15:30", "08:30"]]}}, "working_hours.tue[0]"),
    ("interval not a pair", {"working_hours": {"wed": [["08:30"]]}}, "working_hours.wed[0]"),
    ("working hours not an object", {"working_hours": []}, "working_hours"),
    ("severity", {"categories": {"working-hours": {"severity": "urgent"}}}, "categories.working-hours.severity"),
    ("enabled not a bool", {"categories": {"offensive": {"enabled": "no"}}}, "categories.offensive.enabled"),
    ("unknown category", {"categories": {"gossip": {"enabled": False}}}, "categories.gossip"),
    ("blocked domain not a domain", {"blocked_domains": ["not a domain"]}, "blocked_domains[0]"),
    ("blocked domain a URL", {"blocked_domains": ["bet365.com", "https://x.com/a"]}, "blocked_domains[1]"),
    ("blocked domains not a list", {"blocked_domains": "bet365.com"}, "blocked_domains"),
    ("note not a string", {"note": ["a"]}, "note"),
    ("not an object", ["timezone"], "settings"),
]


@pytest.mark.parametrize("problem, body, field", BAD, ids=[b[0] for b in BAD])
def test_every_bad_value_is_400_naming_the_field_and_changes_nothing(client, admin_headers, problem, body, field):
    stored = client.put("/api/v1/admin/settings", json=DEV_SETTINGS, headers=admin_headers).get_json()
    response = client.put("/api/v1/admin/settings", json=body, headers=admin_headers)
    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == "bad_setting" and error["field"] == field
    assert field in error["message"]
    assert get_settings(client, admin_headers) == {k: v for k, v in stored.items() if k != "lists_version"}
    assert check_version(client, admin_headers) == stored["lists_version"]


def check_version(client, admin_headers):
    return client.get("/api/v1/admin/lists/pupils", headers=admin_headers).get_json()["lists_version"]


def test_malformed_json_and_wrong_content_type(client, admin_headers):
    response = client.put("/api/v1/admin/settings", data=b'{"note": ', headers={
        **admin_headers, "Content-Type": "application/json"})
    assert response.status_code == 400 and error_of(response)["code"] == "malformed_json"
    response = client.put("/api/v1/admin/settings", data=b"note=hi", headers={
        **admin_headers, "Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 415


def test_settings_need_the_admin_token(client, staff_headers):
    assert client.get("/api/v1/admin/settings").status_code == 401
    assert client.put("/api/v1/admin/settings", json={}, headers=staff_headers).status_code == 401
