""""Try a post" runs the API's check on the lists and settings in force and never keeps the text."""
import logging

import pytest
from sqlalchemy import inspect, text as sql

from backend.console.try_post import utf16_pieces
from nlp.findings import Finding
from nlp.lists import Pupil
from nlp.settings import Settings
from tests.console.conftest import csrf_token


def _finding(start, end):
    return Finding("pupil-name", "4.2", "high", start, end, "", "", "")


@pytest.mark.parametrize("text, spans, expected", [
    ("Well done Aisha Khan!", [(10, 20)], [("Well done ", False), ("Aisha Khan", True), ("!", False)]),
    ("🎉👍🏽 Aisha", [(7, 12)], [("🎉👍🏽 ", False), ("Aisha", True)]),
    ("A B", [(0, 1), (2, 3)], [("A", True), (" ", False), ("B", True)]),
    ("Whole post", [(0, 0)], [("Whole post", False)]),
])
def test_pieces_follow_utf16_offsets(text, spans, expected):
    assert utf16_pieces(text, [_finding(a, b) for a, b in spans]) == expected


def _try(client, **fields):
    page = client.get("/admin/try").get_data(as_text=True)
    return client.post("/admin/try", data={"csrf_token": csrf_token(page), **fields})


def test_a_pupil_added_in_the_console_is_flagged(admin_client, store):
    store.replace_list("pupils", [Pupil("Zainab", "Kowalska", year="8", form="8R")], "test")
    response = _try(admin_client, text="So proud of Zainab Kowalska today!")
    html = response.get_data(as_text=True)
    assert response.headers["Cache-Control"] == "no-store"
    assert '<mark>Zainab Kowalska</mark>' in html
    assert 'data-category="pupil-name"' in html and "policy 4." in html


def test_working_hours_follow_the_settings_and_local_time(admin_client, store):
    store.replace_settings(Settings.from_json({"timezone": "Europe/London",
                                               "working_hours": {"wed": [["09:00", "15:00"]]},
                                               "note": "Ask Mrs Kauser if unsure."}), "test")
    inside = _try(admin_client, text="Lovely sunny day", surface="post", account="personal",
                  local_time="2026-11-25T10:15").get_data(as_text=True)
    assert 'data-category="working-hours"' in inside and "Ask Mrs Kauser if unsure." in inside
    outside = _try(admin_client, text="Lovely sunny day", local_time="2026-11-25T18:15").get_data(as_text=True)
    assert 'data-category="working-hours"' not in outside
    school = _try(admin_client, text="Lovely sunny day", account="school",
                  local_time="2026-11-25T10:15").get_data(as_text=True)
    assert 'data-category="working-hours"' not in school


def test_the_text_is_not_logged_or_stored(admin_client, store, caplog, capfd):
    secret = "Zq9 unmistakable draft words 7Xk"
    caplog.set_level(logging.DEBUG)
    html = _try(admin_client, text=secret).get_data(as_text=True)
    assert secret in html  # shown back to the admin who typed it, and nowhere else
    out, err = capfd.readouterr()
    assert "Zq9" not in caplog.text + out + err
    with store.session() as s:
        for table in inspect(s.get_bind()).get_table_names():
            for row in s.execute(sql(f'SELECT * FROM "{table}"')):
                assert secret not in str(row), table


def test_an_empty_post_asks_for_text(admin_client):
    html = _try(admin_client, text="   ").get_data(as_text=True)
    assert "Write the post to check." in html and 'id="result"' not in html


def test_a_failing_check_shows_a_page_and_logs_no_text(app_factory, capfd):
    from backend.auth import hash_password
    from tests.console.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, sign_in
    app = app_factory(FAULT_TRIGGER="trigger-7731")  # the engine raises, quoting the draft
    app.extensions["precheck"].store.upsert_admin(ADMIN_EMAIL, hash_password(ADMIN_PASSWORD), "test")
    client = app.test_client()
    sign_in(client)
    response = _try(client, text="Private words Hq4 then trigger-7731")
    page = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Something went wrong on the server, and this was not done." in page and "Hq4" not in page
    out, err = capfd.readouterr()
    assert "unhandled error in the admin console" in err
    assert "Hq4" not in out + err
