"""Optional term dates: working hours apply only on days inside a term."""
from datetime import datetime

import pytest

from nlp.rules.working_hours import in_working_hours
from nlp.settings import Settings, SettingsError

WEEKDAY_HOURS = {day: [["08:30", "15:30"]] for day in ("mon", "tue", "wed", "thu", "fri")}
TERMS = Settings.from_json({
    "working_hours": WEEKDAY_HOURS,
    # autumn term, then the spring term after the Christmas holiday
    "term_dates": [["2027-01-05", "2027-03-26"], ["2026-09-03", "2026-12-18"]],
})


@pytest.mark.parametrize("when, inside", [
    ("2026-12-18T10:00:00+00:00", True),    # last day of term is inclusive
    ("2026-12-21T10:00:00+00:00", False),   # a Monday in the Christmas holiday
    ("2027-01-04T10:00:00+00:00", False),   # the day before term
    ("2027-01-05T10:00:00+00:00", True),
    ("2027-01-05T16:00:00+00:00", False),   # in term, after hours
])
def test_holidays_are_not_working_time(when, inside):
    assert in_working_hours(TERMS, datetime.fromisoformat(when)) is inside


def test_the_school_date_decides_not_the_posters_offset():
    # 23:30 on 2 Sept at UTC-9 is 09:30 on 3 Sept in London (BST): the first day of term.
    assert in_working_hours(TERMS, datetime.fromisoformat("2026-09-03T00:30:00-08:00"))
    # 09:30 on 2 Sept in London, the day before term.
    assert not in_working_hours(TERMS, datetime.fromisoformat("2026-09-02T08:30:00+00:00"))


def test_without_term_dates_every_week_is_working_time():
    plain = Settings.from_json({"working_hours": WEEKDAY_HOURS})
    assert in_working_hours(plain, datetime.fromisoformat("2026-12-21T10:00:00+00:00"))


def test_term_dates_round_trip_sorted():
    assert TERMS.to_json()["term_dates"] == [["2026-09-03", "2026-12-18"], ["2027-01-05", "2027-03-26"]]
    assert Settings.from_json(TERMS.to_json()).to_json() == TERMS.to_json()


@pytest.mark.parametrize("value, field", [
    ("2026-09-03", "term_dates"),
    ([["2026-09-03"]], "term_dates[0]"),
    ([["2026-09-03", "18/12/2026"]], "term_dates[0]"),
    ([["2026-12-18", "2026-09-03"]], "term_dates[0]"),
    ([["2026-09-03", 20261218]], "term_dates[0]"),
])
def test_bad_term_dates_name_the_field(value, field):
    with pytest.raises(SettingsError) as err:
        Settings.from_json({"term_dates": value})
    assert err.value.field == field
