"""Issue 12, item 2 from outside: under PRECHECK_RATE_LIMIT_CHECK=10 per minute a token gets 10
answers across 2 gunicorn workers, however its Authorization header is written."""
import pytest
import requests

pytestmark = pytest.mark.gunicorn


def test_ten_checks_a_minute_means_ten_across_two_workers_and_every_spelling(live_service_factory):
    service = live_service_factory(workers=2, env={"PRECHECK_RATE_LIMIT_CHECK": "10 per minute"})
    token = service.staff_token()
    spellings = [f"Bearer {token}", f"bearer {token}", f"BEARER {token}", f"Bearer  {token}"]
    statuses = []
    for n in range(40):
        # a new connection each time, so both workers take requests
        response = requests.post(service.url + "/api/v1/check", json={"text": "hi"}, timeout=60,
                                 headers={"Authorization": spellings[n % len(spellings)], "Connection": "close"})
        statuses.append(response.status_code)
    assert statuses.count(200) == 10 and statuses.count(429) == 30, statuses
