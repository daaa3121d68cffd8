"""Issue 12 (hardening the service), items 2-10, through the Flask app on SQLite and PostgreSQL."""
import pytest

from tests.backend.helpers import check, error_of, put_csv


@pytest.mark.parametrize("local_time", ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00",
                                        "3000-01-01T00:00:00+00:00", "1899-12-31T23:59:59+00:00"])
def test_a_local_time_at_the_calendars_edge_is_a_bad_request_with_working_hours_set(
        client, admin_headers, staff_headers, local_time):
    """Item 10: it answered 500 (the conversion to the school's zone left the calendar)."""
    hours = {"timezone": "Europe/London", "working_hours": {d: [["00:00", "23:59"]] for d in
                                                            ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}}
    assert client.put("/api/v1/admin/settings", json=hours, headers=admin_headers).status_code == 200
    response = check(client, staff_headers, "hello", {"local_time": local_time})
    assert response.status_code == 400
    assert error_of(response)["field"] == "context.local_time"
    inside = check(client, staff_headers, "hello", {"local_time": "2999-12-31T12:00:00-14:00"})
    assert inside.status_code == 200
