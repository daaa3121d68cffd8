"""The topology for a large trust (docs/deploy.md): two service instances, separate gunicorn
masters as two hosts would run, on one PostgreSQL, with Redis for the shared rate limits.

Each reaches PostgreSQL and Redis through a TCP forwarder (tests/support/tcp_proxy.py) that the
test cuts to make them "go away" for the services, without stopping the servers other tests share.
"""
import os
from urllib.parse import urlsplit

import pytest
import requests
from sqlalchemy.engine import make_url

from tests.support.databases import postgres_database, postgres_server_url
from tests.support.live_service import LiveService
from tests.support.tcp_proxy import TcpProxy

pytestmark = [pytest.mark.gunicorn, pytest.mark.postgres,
              pytest.mark.skipif(not (postgres_server_url() and os.environ.get("PRECHECK_TEST_REDIS_URL")),
                                 reason="needs PRECHECK_TEST_POSTGRES_URL and PRECHECK_TEST_REDIS_URL "
                                        "(scripts/test.sh starts both)")]

REDIS_DB = 9  # a database of the shared redis-server for this test alone (emptied first)
PUPILS = "Forename,Surname\nZainab,Okonkwo\n"
LIMIT = 20


@pytest.fixture
def two_hosts():
    import redis
    redis_server = urlsplit(os.environ["PRECHECK_TEST_REDIS_URL"])
    redis.Redis(host=redis_server.hostname, port=redis_server.port, db=REDIS_DB).flushdb()
    with postgres_database() as database_url:
        pg = make_url(database_url)
        with TcpProxy(pg.host, pg.port) as pg_proxy, TcpProxy(redis_server.hostname, redis_server.port) as redis_proxy:
            env = {"PRECHECK_REDIS_URL": f"redis://127.0.0.1:{redis_proxy.port}/{REDIS_DB}",
                   "PRECHECK_RATE_LIMIT_CHECK": f"{LIMIT} per minute"}
            url = pg.set(host="127.0.0.1", port=pg_proxy.port).render_as_string(hide_password=False)
            first = LiveService(workers=1, database_url=url, env=env)
            # the same credential on both hosts, as one deployment's configuration would have
            second = LiveService(workers=1, database_url=url, env=env, admin_token=first.admin_token)
            with first, second:
                yield first, second, pg_proxy, redis_proxy


def _check(service, token, text="hi"):
    # a new connection each time: nothing rides on a kept-alive one
    return requests.post(service.url + "/api/v1/check", json={"text": text}, timeout=60,
                         headers={"Authorization": f"Bearer {token}", "Connection": "close"})


def _pupil_quotes(response) -> list[str]:
    return [f["quote"] for f in response.json()["findings"] if f["category"] == "pupil-name"]


def test_a_list_uploaded_through_one_host_is_in_force_on_the_other_and_a_token_has_one_budget(two_hosts):
    first, second, _, _ = two_hosts
    token = first.staff_token("list")
    version = first.put_list("pupils", PUPILS)["lists_version"]
    second.wait_for_version(version, token, timeout=2.0)  # the contract's 2 seconds
    assert _pupil_quotes(_check(second, token, "Well done Zainab Okonkwo")) == ["Zainab Okonkwo"]

    budget = second.staff_token("budget")  # issued on the other host: one store
    statuses = {first.url: [], second.url: []}
    for n in range(LIMIT + 10):
        host = (first, second)[n % 2]
        statuses[host.url].append(_check(host, budget).status_code)
    every = statuses[first.url] + statuses[second.url]
    assert every.count(200) == LIMIT and every.count(429) == 10, statuses
    assert statuses[first.url].count(200) == statuses[second.url].count(200) == LIMIT // 2


def test_with_postgresql_or_redis_away_checks_go_on_with_the_lists_in_force_and_nothing_is_lost(two_hosts):
    first, second, pg_proxy, redis_proxy = two_hosts
    token = first.staff_token("outage")
    version = first.put_list("pupils", PUPILS)["lists_version"]
    for host in (first, second):
        host.wait_for_version(version, token)

    pg_proxy.cut()
    try:
        for host in (first, second):
            answer = _check(host, token, "Well done Zainab Okonkwo")
            assert answer.status_code == 200 and answer.json()["lists_version"] == version
            assert _pupil_quotes(answer) == ["Zainab Okonkwo"]
        # what needs the database says so, and changes nothing
        refused = first.admin("PUT", "/api/v1/admin/lists/pupils", data=b"Forename,Surname\nAmy,Other\n",
                              headers={"Content-Type": "text/csv"})
        assert refused.status_code == 503
        unknown = _check(second, "pcs_" + "x" * 43)
        assert unknown.status_code == 503  # not 401: without the database no one can tell
    finally:
        pg_proxy.restore()

    redis_proxy.cut()
    try:
        for host in (first, second):
            assert _check(host, token).status_code == 200
    finally:
        redis_proxy.restore()

    # back: the pupil list is the one uploaded before, a new upload goes through and reaches the other
    assert _pupil_quotes(_check(second, token, "Well done Zainab Okonkwo")) == ["Zainab Okonkwo"]
    newer = first.put_list("pupils", "Forename,Surname\nAmy,Other\n")["lists_version"]
    second.wait_for_version(newer, token, timeout=2.0)
    assert _pupil_quotes(_check(second, token, "Well done Amy Other")) == ["Amy Other"]
