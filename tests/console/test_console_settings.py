"""The settings page: the form reads and writes the contract's settings, errors name the field."""
import re

import pytest

from backend.console.settings_form import form_to_document, settings_to_form
from nlp.settings import Settings, SettingsError
from tests.console.conftest import csrf_token

DEV_SETTINGS = {
    "timezone": "Europe/London",
    "working_hours": {"mon": [["08:30", "10:40"], ["11:00", "12:20"], ["13:00", "15:30"]],
                      "tue": [["08:30", "15:30"]]},
    "blocked_domains": ["bet365.com", "onlyfans.com"],
    "categories": {"working-hours": {"enabled": True, "severity": "medium"}, "offensive": {"enabled": False}},
    "note": "Our Designated Safeguarding Leads are Mrs Kauser and Mr Yousaf.",
    "term_dates": [["2026-09-03", "2026-12-18"], ["2027-01-05", "2027-03-26"]],
    "resolve_short_links": True,
}


def _as_submitted(form: dict) -> dict:
    """The fields a browser would send for the page showing `form`."""
    fields = {"timezone": form["timezone"], "blocked_domains": form["blocked_domains"], "note": form["note"],
              "term_dates": form["term_dates"]}
    fields |= {f"hours-{day}": value for day, value in form["hours"].items()}
    fields |= {f"enabled-{name}": "on" for name, on in form["enabled"].items() if on}
    fields |= {f"severity-{name}": value for name, value in form["severity"].items()}
    if form["resolve_short_links"]:
        fields["resolve_short_links"] = "on"
    return fields


def test_the_form_round_trips_settings():
    settings = Settings.from_json(DEV_SETTINGS)
    assert Settings.from_json(form_to_document(_as_submitted(settings_to_form(settings)))).to_json() == settings.to_json()


@pytest.mark.parametrize("typed, expected", [
    ("08:30-10:40, 11:00-12:20", [["08:30", "10:40"], ["11:00", "12:20"]]),
    ("8:30 – 15:30", [["08:30", "15:30"]]),
    ("08.30 to 15.30;16:00-17:00", [["08:30", "15:30"], ["16:00", "17:00"]]),
    ("", []),
])
def test_working_hours_are_read_as_typed(typed, expected):
    assert form_to_document({"hours-wed": typed})["working_hours"].get("wed", []) == expected


@pytest.mark.parametrize("typed, expected", [
    ("2026-09-03 to 2026-12-18\n2027-01-05 – 2027-03-26",
     [["2026-09-03", "2026-12-18"], ["2027-01-05", "2027-03-26"]]),
    # UK dates, day first
    ("3/9/2026 to 18/12/2026\n05.01.2027 - 26.03.2027", [["2026-09-03", "2026-12-18"], ["2027-01-05", "2027-03-26"]]),
    ("", []),
])
def test_term_dates_are_read_as_typed(typed, expected):
    assert form_to_document({"term_dates": typed})["term_dates"] == expected


def test_an_unreadable_interval_names_the_day():
    with pytest.raises(SettingsError) as err:
        form_to_document({"hours-thu": "08:30-10:40, lunch"})
    assert err.value.field == "working_hours.thu[1]" and "Thursday" in str(err.value)


def test_saving_the_page_stores_the_settings(admin_client, store):
    page = admin_client.get("/admin/settings").get_data(as_text=True)
    fields = _as_submitted(settings_to_form(Settings.from_json(DEV_SETTINGS)))
    version = store.lists_version()
    response = admin_client.post("/admin/settings", data=fields | {"csrf_token": csrf_token(page)})
    assert response.status_code == 302
    assert store.settings()[1].to_json() == Settings.from_json(DEV_SETTINGS).to_json()
    assert store.lists_version() > version
    shown = admin_client.get("/admin/settings").get_data(as_text=True)
    assert 'value="08:30-10:40, 11:00-12:20, 13:00-15:30"' in shown
    assert re.search(r'id="enabled-offensive" name="enabled-offensive"\s+aria-label', shown)  # unchecked
    assert re.search(r'<option value="medium" selected>', shown)
    assert re.search(r'id="resolve_short_links" name="resolve_short_links" checked', shown)


def test_short_links_are_resolved_only_while_the_box_is_ticked(admin_client, store):
    store.replace_settings(Settings.from_json(DEV_SETTINGS), "test")
    page = admin_client.get("/admin/settings").get_data(as_text=True)
    fields = _as_submitted(settings_to_form(store.settings()[1]))
    del fields["resolve_short_links"]  # the box unticked: a browser sends nothing for it
    assert admin_client.post("/admin/settings", data=fields | {"csrf_token": csrf_token(page)}).status_code == 302
    assert store.settings()[1].resolve_short_links is False
    assert not re.search(r'name="resolve_short_links" checked', admin_client.get("/admin/settings").get_data(as_text=True))


@pytest.mark.parametrize("change, field, words", [
    ({"timezone": "Europe/Londres"}, "timezone", "is not a time zone: choose one from the list"),
    ({"hours-mon": "15:30-08:30"}, "working_hours.mon", "Monday"),
    ({"hours-fri": "25:00-26:00"}, "working_hours.fri", "Friday"),
    ({"hours-tue": "09:00-12:00, 11:00-13:00"}, "working_hours.tue", "overlap"),
    ({"blocked_domains": "bet365.com\nnot a domain"}, "blocked_domains", "not a domain name"),
    ({"severity-offensive": "urgent"}, "categories", "high, medium or low"),
    ({"note": "x" * 2001}, "note", "longer than 2000"),
    ({"term_dates": "autumn term"}, "term_dates", "is not a term"),
    ({"term_dates": "2026-12-18 to 2026-09-03"}, "term_dates", "before it starts"),
])
def test_a_bad_value_is_shown_on_the_form_and_nothing_changes(admin_client, store, change, field, words):
    store.replace_settings(Settings.from_json(DEV_SETTINGS), "test")
    before, version = store.settings()[1], store.lists_version()
    page = admin_client.get("/admin/settings").get_data(as_text=True)
    fields = _as_submitted(settings_to_form(before)) | change | {"csrf_token": csrf_token(page)}
    response = admin_client.post("/admin/settings", data=fields)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Nothing was saved" in html and words in html
    assert "field-error" in html
    # What was typed is still there to correct (a select can only show its own options).
    for key, value in change.items():
        if not key.startswith("severity-") and len(value) < 100:
            assert value.split("\n")[-1] in html
    assert store.settings()[1].to_json() == before.to_json() and store.lists_version() == version


def test_every_problem_of_the_form_is_shown_at_once_in_the_pages_words(admin_client, store):
    store.replace_settings(Settings.from_json(DEV_SETTINGS), "test")
    before = store.settings()[1]
    page = admin_client.get("/admin/settings").get_data(as_text=True)
    change = {"hours-mon": "15:30-08:30", "hours-wed": "lunch", "blocked_domains": "bet365.com\nnot a domain",
              "severity-offensive": "urgent", "term_dates": "3/9/2026 to 18/12/2026\n31/2/2027 to 1/3/2027",
              "timezone": "Europe/Londres"}
    fields = _as_submitted(settings_to_form(before)) | change | {"csrf_token": csrf_token(page)}
    response = admin_client.post("/admin/settings", data=fields)
    assert response.status_code == 400
    box = re.search(r'id="settings-errors">(.*?)</div>', response.get_data(as_text=True), re.S)[1]
    problems = re.findall(r"<li>(.*?)</li>", box)
    assert len(problems) == 6, problems
    starts = [p.split(":")[0] for p in problems]
    assert starts == ["Time zone", "Monday", "Wednesday", "Term dates, line 2", "Blocked link domains, line 2",
                      "Check “Language that could offend a colleague, parent or pupil”"], problems
    for key in ("working_hours", "blocked_domains", "categories", "term_dates", "IANA", "YYYY"):
        assert key not in box
    assert store.settings()[1].to_json() == before.to_json()


def test_the_time_zone_is_picked_from_a_list_with_the_uks_first(admin_client, store):
    store.replace_settings(Settings.from_json(DEV_SETTINGS), "test")
    page = admin_client.get("/admin/settings").get_data(as_text=True)
    picker = re.search(r'<select id="timezone" name="timezone".*?</select>', page, re.S)[0]
    zones = re.findall(r'<option value="([^"]+)"', picker)
    assert zones[:2] == ["Europe/London", "Europe/Dublin"] and "America/New_York" in zones and "GB" not in zones
    assert re.search(r'<option value="Europe/London" selected>', picker)
