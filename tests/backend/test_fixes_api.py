"""One-click fixes through the service: `replacements` on /api/v1/check and LanguageTool's matches,
and short links resolved, only when the admin allows it, against a local stand-in shortener."""
import http.client
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from backend import shortlinks
from tests.backend.helpers import PUPILS_CSV, check, error_of, put_csv

NEWSLETTER = "https://www.stpirans.example.org/newsletter/autumn"
# What the stand-in shortener answers, by path: (status, Location).
REDIRECTS = {
    "/autumn": (301, NEWSLETTER),
    "/q?id=7": (302, "https://www.stpirans.example.org/find?id=7"),
    "/plain": (301, "http://www.stpirans.example.org/newsletter"),  # plain http: no better than the short link
    "/chain": (302, "/autumn"),  # the shortener's own link again
    "/blocked": (301, "https://www.bet365.com/promo"),
}


class StandInShortener(BaseHTTPRequestHandler):
    """Answers a shortener's redirects; records every request as (method, path, Host)."""

    def do_HEAD(self):
        self.server.requests.append(("HEAD", self.path, self.headers["Host"]))
        status, location = REDIRECTS.get(self.path, (404, None))
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):  # never asked: only the redirect is read
        self.server.requests.append(("GET", self.path, self.headers["Host"]))
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"<html>the page behind the link</html>")

    def log_message(self, *args):
        pass


@pytest.fixture
def shortener(monkeypatch):
    """Links to bit.ly and tinyurl.com reach the stand-in (plain http on 127.0.0.1) instead."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), StandInShortener)
    server.requests, server.asked = [], []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def connection(scheme, host, port):
        server.asked.append((scheme, host, port))
        return http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=shortlinks.TIMEOUT_SECONDS)

    monkeypatch.setattr(shortlinks, "_connection", connection)
    yield server
    server.shutdown()
    server.server_close()


def allow_resolving(client, admin_headers, **more):
    answer = client.put("/api/v1/admin/settings", json={"resolve_short_links": True, **more}, headers=admin_headers)
    assert answer.status_code == 200 and answer.get_json()["resolve_short_links"] is True


def link_finding(client, staff_headers, text):
    [finding] = [f for f in check(client, staff_headers, text).get_json()["findings"] if f["category"] == "unsafe-link"]
    return finding


def test_a_pupils_full_name_and_a_phone_number_carry_their_fixes(client, admin_headers, staff_headers):
    assert put_csv(client, admin_headers, "pupils", PUPILS_CSV).status_code == 200
    text = "Well done Aisha Khan in 9B! Any questions ring me on 07700 900123"
    findings = check(client, staff_headers, text).get_json()["findings"]
    by_category = {f["category"]: f for f in findings if f["category"] in ("pupil-name", "contact-details")}
    assert by_category["pupil-name"]["quote"] == "Aisha Khan"
    assert by_category["pupil-name"]["replacements"] == ["A.K.", "Aisha"]
    assert by_category["contact-details"]["replacements"] == [""]
    assert all("replacements" not in f or f["replacements"] for f in findings)


def test_languagetool_matches_carry_the_same_replacements(client, admin_headers, staff_token):
    assert put_csv(client, admin_headers, "pupils", PUPILS_CSV).status_code == 200
    answer = client.post(f"/lt/{staff_token}/v2/check", data={"text": "Well done Aisha Khan in 9B", "language": "en-GB"})
    matches = {m["rule"]["category"]["id"]: m for m in answer.get_json()["matches"]}
    assert matches["pupil-name"]["replacements"] == [{"value": "A.K."}, {"value": "Aisha"}]
    assert matches["school-reference"]["replacements"] == []


def test_short_links_are_not_resolved_by_default(client, staff_headers, shortener):
    finding = link_finding(client, staff_headers, "Our newsletter: https://bit.ly/autumn")
    assert "replacements" not in finding
    assert shortener.requests == [] and shortener.asked == []  # the shortener never hears of the link


def test_where_allowed_a_short_link_offers_where_it_leads(client, admin_headers, staff_headers, shortener):
    allow_resolving(client, admin_headers)
    finding = link_finding(client, staff_headers, "Our newsletter: https://bit.ly/autumn.")
    assert finding["quote"] == "https://bit.ly/autumn"
    assert finding["replacements"] == [NEWSLETTER]
    assert shortener.asked == [("https", "bit.ly", None)]
    assert shortener.requests == [("HEAD", "/autumn", f"127.0.0.1:{shortener.server_port}")]  # its redirect only
    # typing on past the link does not ask the shortener again
    assert link_finding(client, staff_headers, "Our newsletter: https://bit.ly/autumn. Read it!")["replacements"] == [NEWSLETTER]
    assert len(shortener.requests) == 1


def test_a_link_without_a_scheme_and_with_a_query_is_asked_as_written(client, admin_headers, staff_headers, shortener):
    allow_resolving(client, admin_headers)
    finding = link_finding(client, staff_headers, "Find it at tinyurl.com/q?id=7")
    assert finding["replacements"] == ["https://www.stpirans.example.org/find?id=7"]
    assert shortener.asked == [("https", "tinyurl.com", None)]


@pytest.mark.parametrize("path", ["/plain", "/chain", "/blocked", "/missing"])
def test_no_fix_where_the_target_is_no_better_or_there_is_none(client, admin_headers, staff_headers, shortener, path):
    allow_resolving(client, admin_headers, blocked_domains=["bet365.com"])
    finding = link_finding(client, staff_headers, f"See https://bit.ly{path} now")
    assert "replacements" not in finding
    assert [method for method, _, _ in shortener.requests] == ["HEAD"]


def test_a_shortener_that_does_not_answer_leaves_the_finding_as_it_was(client, admin_headers, staff_headers, monkeypatch):
    silent = socket.create_server(("127.0.0.1", 0))  # accepts connections, never answers
    monkeypatch.setattr(shortlinks, "TIMEOUT_SECONDS", 0.2)
    monkeypatch.setattr(shortlinks, "_connection", lambda scheme, host, port: http.client.HTTPConnection(
        "127.0.0.1", silent.getsockname()[1], timeout=shortlinks.TIMEOUT_SECONDS))
    try:
        allow_resolving(client, admin_headers)
        answer = check(client, staff_headers, "Our newsletter: https://bit.ly/autumn")
        assert answer.status_code == 200
        [finding] = [f for f in answer.get_json()["findings"] if f["category"] == "unsafe-link"]
        assert "replacements" not in finding
    finally:
        silent.close()


def test_the_setting_is_off_by_default_and_must_be_true_or_false(client, admin_headers):
    assert client.get("/api/v1/admin/settings", headers=admin_headers).get_json()["resolve_short_links"] is False
    answer = client.put("/api/v1/admin/settings", json={"resolve_short_links": "yes"}, headers=admin_headers)
    assert answer.status_code == 400 and error_of(answer)["field"] == "resolve_short_links"
