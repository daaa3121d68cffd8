"""IT's browser policy in real Chromium: the server URL and the sites IT set through
Chromium's managed policy files are in force in Options, marked as IT's and locked.

Debian's Chromium reads machine policy from /etc/chromium/policies/managed/*.json, extension
policy under "3rdparty" -> "extensions" -> the extension's id (what Google Admin, Intune or
group policy deliver on managed machines). The test writes one such file for the unpacked
extension's id alone, so no other browser or extension on the machine is touched, and removes
it at the end. Writing there needs root (the tests run as root in CI)."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

import extension_browser

pytestmark = pytest.mark.browser

POLICY_DIR = Path("/etc/chromium/policies/managed")


def unpacked_extension_id(path: Path) -> str:
    """Chromium's id for an extension loaded unpacked: SHA-256 of its path, 32 hex digits as a-p."""
    digest = hashlib.sha256(str(path).encode()).hexdigest()[:32]
    return "".join(chr(ord("a") + int(c, 16)) for c in digest)


@pytest.fixture
def managed_policy(service):
    extension_id = unpacked_extension_id(extension_browser.EXTENSION_DIR)
    policy = {"serverUrl": service.url,
              "sites": {"x": {"enabled": False}, "linkedin": {"enabled": True, "account": "school"}}}
    try:
        POLICY_DIR.mkdir(parents=True, exist_ok=True)
        path = POLICY_DIR / f"precheck-test-{extension_id}.json"
        path.write_text(json.dumps({"3rdparty": {"extensions": {extension_id: policy}}}))
    except PermissionError:
        pytest.skip(f"writing Chromium's machine policy ({POLICY_DIR}) needs root; run the tests as root")
    try:
        yield extension_id
    finally:
        path.unlink()


def test_options_show_what_it_set_by_policy_and_do_not_let_it_be_changed(
        playwright_instance, managed_policy, service, tmp_path):
    context = extension_browser.launch_with_extension(
        playwright_instance, tmp_path / "profile", "MAP precheck.invalid 127.0.0.1")
    try:
        assert extension_browser.extension_id(context) == managed_policy
        options = context.new_page()
        options.goto(extension_browser.options_url(managed_policy))
        x = options.get_by_label("Check my posts on X (Twitter)")
        x.wait_for()

        server = options.get_by_label("Server URL")
        expect(server).to_have_value(service.url)
        expect(server).not_to_be_editable()
        expect(options.locator("#server-url-hint")).to_have_text("Set by your school’s IT; it cannot be changed here.")
        expect(options.locator("#managed-note")).to_be_visible()

        expect(x).not_to_be_checked()
        expect(x).to_be_disabled()
        linkedin = options.get_by_label("Check my posts on LinkedIn")
        expect(linkedin).to_be_checked()
        expect(linkedin).to_be_disabled()
        expect(options.get_by_label("Account on LinkedIn")).to_have_value("school")
        expect(options.get_by_label("Account on LinkedIn")).to_be_disabled()
        expect(options.locator("#locked-x")).to_have_text("Set by your school’s IT")
        # what IT did not set stays the person's to choose
        facebook = options.get_by_label("Check my posts on Facebook")
        expect(facebook).to_be_enabled()
        expect(facebook).to_be_checked()
        facebook.uncheck()
        options.reload()
        options.get_by_label("Check my posts on Facebook").wait_for()
        expect(options.get_by_label("Check my posts on Facebook")).not_to_be_checked()
        expect(options.get_by_label("Check my posts on X (Twitter)")).to_be_disabled()

        # Saving only adds the person's token; the server stays IT's
        options.get_by_label("Access token").fill(service.staff_token("managed policy test"))
        options.get_by_role("button", name="Save").click()
        expect(options.locator("#server-form").get_by_role("status")).to_contain_text("Saved.")
        options.get_by_role("button", name="Test connection").click()
        expect(options.locator("#server-form").get_by_role("status")).to_contain_text("token works")
    finally:
        context.close()
