"""Enrolment in real Chromium: a member of staff pastes the link from their email into the
extension's Options, presses Enrol, and the extension holds a token of their own."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

import extension_browser

pytestmark = pytest.mark.browser


def test_pasting_an_enrolment_link_in_options_sets_up_the_server_and_a_token_of_ones_own(
        browser_context, configured_extension, service, staff_token):
    issued = service.admin("POST", "/api/v1/admin/enrolments", json={"labels": ["Ms Browser Enrolee"]})
    assert issued.status_code == 201, issued.text
    [link] = [item["link"] for item in issued.json()["enrolments"]]
    options = extension_browser.open_options(browser_context, configured_extension)
    try:
        options.get_by_label("Access token").fill("")
        options.get_by_label("Enrolment link").fill(link)
        options.get_by_role("button", name="Enrol").click()
        status = options.locator("#enrol-form").get_by_role("status")
        expect(status).to_contain_text("Enrolled as Ms Browser Enrolee")
        expect(options.get_by_label("Server URL")).to_have_value(service.url)
        token_field = options.get_by_label("Access token")
        expect(token_field).to_have_value(re.compile(r"^pcs_"))
        token = token_field.input_value()
        assert token != staff_token
        assert service.check("Hello", token=token).status_code == 200
        # saved: the page opened afresh shows it
        options.reload()
        options.get_by_label("Check my posts on X (Twitter)").wait_for()
        expect(options.get_by_label("Access token")).to_have_value(token)
        states = {row["label"]: row["state"] for row in service.admin("GET", "/api/v1/admin/enrolments").json()["enrolments"]}
        assert states["Ms Browser Enrolee"] == "enrolled"

        # the link works once
        options.get_by_label("Enrolment link").fill(link)
        options.get_by_role("button", name="Enrol").click()
        expect(status).to_contain_text("no longer works")
        expect(options.get_by_label("Access token")).to_have_value(token)

        options.get_by_label("Enrolment link").fill("https://precheck.school.example/not-a-link")
        options.get_by_role("button", name="Enrol").click()
        expect(status).to_contain_text("not a Precheck enrolment link")
    finally:
        options.close()
        # the other tests of the session expect the token they configured
        extension_browser.configure_extension(browser_context, configured_extension, service.url, staff_token)
