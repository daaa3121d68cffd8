"""working-hours: the time logic, read in the school's zone, breaks as gaps."""
from datetime import datetime

import pytest

from nlp.context import Context, ContextError
from nlp.engine import Engine
from nlp.rules.working_hours import in_working_hours
from nlp.settings import Settings

HOURS = Settings.from_json({
    "timezone": "Europe/London",
    "working_hours": {day: [["08:30", "10:40"], ["11:00", "12:20"], ["13:00", "15:30"]]
                      for day in ("mon", "tue", "wed", "thu", "fri")},
})


def at(text):
    return datetime.fromisoformat(text)


@pytest.mark.parametrize("when, inside", [
    ("2026-11-24T08:29:59+00:00", False),  # Tuesday, a second before work
    ("2026-11-24T08:30:00+00:00", True),
    ("2026-11-24T10:39:00+00:00", True),
    ("2026-11-24T10:40:00+00:00", False),  # break starts: the end is exclusive
    ("2026-11-24T10:59:00+00:00", False),
    ("2026-11-24T11:00:00+00:00", True),
    ("2026-11-24T12:20:00+00:00", False),  # lunch
    ("2026-11-24T15:29:00+00:00", True),
    ("2026-11-24T15:30:00+00:00", False),
    ("2026-11-28T11:00:00+00:00", False),  # Saturday: no hours
    ("2026-11-24T00:00:00+00:00", False),  # midnight
    ("2026-11-24T04:30:00-05:00", True),   # 09:30 in London
    ("2026-11-24T05:59:00-05:00", False),  # 10:59 in London: the morning break
])
def test_intervals_and_breaks(when, inside):
    assert in_working_hours(HOURS, at(when)) is inside


def test_summer_time_reads_the_school_clock():
    # 16 June is BST (UTC+1): 14:45 UTC is 15:45 in school, after work; 14:15 UTC is 15:15, inside
    assert not in_working_hours(HOURS, at("2026-06-16T14:45:00+00:00"))
    assert in_working_hours(HOURS, at("2026-06-16T14:15:00+00:00"))
    # 07:45 UTC is 08:45 BST, inside; the same UTC time in winter is 07:45, before work
    assert in_working_hours(HOURS, at("2026-06-16T07:45:00Z"))
    assert not in_working_hours(HOURS, at("2026-11-24T07:45:00Z"))


def test_the_change_to_and_from_summer_time():
    # Clocks go forward on Sun 29 March 2026 and back on Sun 25 October 2026
    assert in_working_hours(HOURS, at("2026-03-30T07:30:00+00:00"))       # Monday after: 08:30 BST
    assert not in_working_hours(HOURS, at("2026-03-27T07:30:00+00:00"))   # Friday before: 07:30 GMT
    assert not in_working_hours(HOURS, at("2026-10-26T07:30:00+00:00"))   # Monday after: 07:30 GMT
    assert in_working_hours(HOURS, at("2026-10-23T07:30:00+00:00"))       # Friday before: 08:30 BST


def test_an_offset_far_from_the_school_lands_on_the_right_day():
    # Saturday 00:30 in Auckland (+13:00) is Friday 11:30 in London: working time
    assert in_working_hours(HOURS, at("2026-11-28T00:30:00+13:00"))


def test_no_hours_set_means_never():
    assert not in_working_hours(Settings(), at("2026-11-24T10:00:00+00:00"))


@pytest.fixture(scope="module")
def engine(nlp):
    return Engine(nlp, settings=HOURS)


def test_one_whole_post_finding_during_work(engine):
    [finding] = engine.check("Anyone watched Bake Off?", Context.from_json({"local_time": "2026-11-24T10:15:00+00:00"}))
    assert (finding.category, finding.start, finding.end, finding.quote, finding.clause) == ("working-hours", 0, 0, "", "4.1")
    assert finding.severity == "low"
    assert "break" in finding.message


@pytest.mark.parametrize("context", [
    {"local_time": "2026-11-24T10:15:00+00:00", "account": "school"},
    {},
    {"local_time": "2026-11-24T10:50:00+00:00"},
])
def test_no_finding_for_the_school_account_without_a_time_or_at_break(engine, context):
    assert engine.check("Anyone watched Bake Off?", Context.from_json(context)) == []


def test_local_time_without_an_offset_is_refused():
    with pytest.raises(ContextError):
        Context.from_json({"local_time": "2026-11-24T10:15:00"})
