"""The extension's own pages as staff meet them: Options (server, token, Save, Test
connection) and the toolbar popup (this site on/off, connection, warnings count)."""

from __future__ import annotations

import http.server
import re
import threading

import pytest
from playwright.sync_api import expect

import extension_browser
import precheck_ui as ui
from dev_set_service import closed_port_url
from site_server import SITE_BY_HOST
from tests.support.screenshots import SCREENSHOTS

pytestmark = pytest.mark.browser


X = SITE_BY_HOST["x.com"]


@pytest.fixture
def options(browser_context, configured_extension):
    page = extension_browser.open_options(browser_context, configured_extension)
    yield page
    page.close()


def test_options_open_by_themselves_on_first_install(first_install_options, extension_id):
    assert first_install_options == extension_browser.options_url(extension_id)


def test_options_show_the_saved_server_and_token(options, service, staff_token):
    expect(options.get_by_label("Server URL")).to_have_value(service.url)
    expect(options.get_by_label("Access token")).to_have_value(staff_token)
    expect(options.get_by_role("button", name="Save")).to_be_visible()
    expect(options.get_by_role("button", name="Test connection")).to_be_visible()


def test_connection_test_says_whether_the_server_answered_and_the_token_works(options, service, staff_token):
    status = options.locator("form").filter(has=options.get_by_label("Server URL")).get_by_role("status")
    test_connection = options.get_by_role("button", name="Test connection")

    test_connection.click()
    expect(status).to_contain_text(re.compile(r"token works", re.I))

    options.get_by_label("Access token").fill("not-a-real-token")
    test_connection.click()
    expect(status).to_contain_text(re.compile(r"did not accept the access token", re.I))

    options.get_by_label("Access token").fill(staff_token)
    options.get_by_label("Server URL").fill(closed_port_url())
    test_connection.click()
    expect(status).to_contain_text(re.compile(r"could not be reached", re.I))

    # Testing is not saving: the settings in force are unchanged.
    options.reload()
    options.get_by_label("Check my posts on X (Twitter)").wait_for()
    expect(options.get_by_label("Server URL")).to_have_value(service.url)
    expect(options.get_by_label("Access token")).to_have_value(staff_token)


def test_options_refuse_a_server_url_that_is_not_one(options, service):
    options.get_by_label("Server URL").fill("not a url")
    options.get_by_role("button", name="Save").click()
    expect(options.locator("#server-status")).to_contain_text(re.compile(r"server URL", re.I))
    options.reload()
    options.get_by_label("Check my posts on X (Twitter)").wait_for()
    expect(options.get_by_label("Server URL")).to_have_value(service.url)


def open_popup_for(browser_context, extension_id, site_page):
    """The toolbar popup as it opens over `site_page`: loaded in a background tab while
    the site's tab is the active one (Playwright cannot click the toolbar button, so
    the popup gets no activeTab grant and learns the site from the content script)."""
    popup = browser_context.new_page()
    popup.goto(f"chrome-extension://{extension_id}/{extension_browser.popup_path()}")
    site_page.bring_to_front()
    popup.reload()
    return popup


def test_popup_shows_connection_and_the_number_of_warnings(browser_context, configured_extension, page):
    pupil = ui.dev_set_pupils()[3]
    page.goto(f"https://{X.host}/")
    page.locator(X.editor_selector).click()
    page.keyboard.type(f"Brilliant effort from {pupil.full_name} in the cross-country today")
    expect(ui.status(page)).to_contain_text(pupil.full_name, timeout=ui.CHECK_TIMEOUT_MS)
    findings = ui.panel_findings(page).count()
    assert findings >= 1

    popup = open_popup_for(browser_context, configured_extension, page)
    try:
        expect(popup.get_by_text("Checking this page", exact=True)).to_be_visible()
        expect(popup.get_by_text(re.compile(r"^Connected"))).to_be_visible()
        expect(popup.get_by_label("Check my posts on X (Twitter)")).to_be_checked()
        word = "warning" if findings == 1 else "warnings"
        expect(popup.get_by_text(f"{findings} {word} in the current draft")).to_be_visible()
    finally:
        popup.close()


def _typed_draft_is_not_checked_and_posts_straight_through(page, draft):
    """With Precheck off for X: no warning while typing, and Post publishes at once."""
    page.locator(X.editor_selector).click()
    page.keyboard.type(draft)
    page.wait_for_timeout(2_000)  # a check, were one made, would show by now
    expect(ui.panel_findings(page)).to_have_count(0)
    page.locator(X.post_selector).click()
    page.wait_for_function("() => window.__posted.length > 0", timeout=5_000)
    expect(ui.dialog(page)).to_have_count(0)
    assert ui.posted(page) == [draft]


def test_site_switch_in_options_turns_precheck_off_and_on(options, page):
    pupil = ui.dev_set_pupils()[5]
    draft = ui.draft_naming(pupil)
    switch = options.get_by_label("Check my posts on X (Twitter)")
    expect(switch).to_be_checked()
    try:
        switch.uncheck()
        options.wait_for_timeout(300)  # the choice reaches chrome.storage
        page.goto(f"https://{X.host}/")
        _typed_draft_is_not_checked_and_posts_straight_through(page, draft)
    finally:
        switch.check()
        options.wait_for_timeout(300)

    page.reload()
    page.locator(X.editor_selector).click()
    page.keyboard.type(draft)
    expect(ui.status(page)).to_contain_text(pupil.full_name, timeout=ui.CHECK_TIMEOUT_MS)


def test_popup_switch_turns_precheck_off_and_on_for_this_site(browser_context, configured_extension, page):
    pupil = ui.dev_set_pupils()[7]
    draft = ui.draft_naming(pupil)
    page.goto(f"https://{X.host}/")
    page.locator(X.editor_selector).click()
    popup = open_popup_for(browser_context, configured_extension, page)
    switch = popup.get_by_label("Check my posts on X (Twitter)")
    try:
        switch.uncheck()
        page.bring_to_front()
        _typed_draft_is_not_checked_and_posts_straight_through(page, draft)
    finally:
        switch.check()
        popup.close()

    # Back on, without reloading the page.
    page.locator(X.editor_selector).click()
    page.keyboard.type(draft)
    expect(ui.status(page)).to_contain_text(pupil.full_name, timeout=ui.CHECK_TIMEOUT_MS)


def test_a_draft_typed_while_precheck_was_off_is_checked_when_it_comes_back_on(
        browser_context, configured_extension, page):
    """What the person typed before Precheck started on the page is theirs: checked as
    soon as it starts, with no further key pressed."""
    pupil = ui.dev_set_pupils()[11]
    draft = ui.draft_naming(pupil)
    page.goto(f"https://{X.host}/")
    page.locator(X.editor_selector).click()
    popup = open_popup_for(browser_context, configured_extension, page)
    switch = popup.get_by_label("Check my posts on X (Twitter)")
    try:
        switch.uncheck()
        page.bring_to_front()
        page.locator(X.editor_selector).click()
        page.keyboard.type(draft)
        page.wait_for_timeout(1_000)
        expect(ui.panel_findings(page)).to_have_count(0)
    finally:
        switch.check()
        popup.close()
    expect(ui.status(page)).to_contain_text(pupil.full_name, timeout=ui.CHECK_TIMEOUT_MS)


def page_state(popup):
    """The popup's first line: its title and reason."""
    return popup.locator("#page-state")


def green_words(popup) -> list[str]:
    """What the popup shows in its reassuring green; nothing, while it checks nothing here."""
    return popup.evaluate("""() => [...document.querySelectorAll('body *')].filter(
        (e) => e.offsetParent !== null && e.textContent.trim() && getComputedStyle(e).color === 'rgb(29, 107, 43)')
        .map((e) => e.textContent)""")


def test_popup_says_plainly_it_is_not_checking_a_site_switched_off(browser_context, configured_extension, page):
    page.goto(f"https://{X.host}/")
    page.locator(X.editor_selector).click()
    popup = open_popup_for(browser_context, configured_extension, page)
    switch = popup.get_by_label("Check my posts on X (Twitter)")
    try:
        expect(page_state(popup)).to_contain_text("Checking this page")
        switch.uncheck()
        expect(page_state(popup)).to_contain_text("Not checking this page")
        expect(page_state(popup)).to_contain_text("Precheck is switched off for X (Twitter).")
        expect(page_state(popup)).to_have_class("not-checking")
        assert green_words(popup) == []
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        popup.locator("body").screenshot(path=SCREENSHOTS / "popup-not-checking.png")
    finally:
        switch.check()
        popup.close()


class _PlainHttpPage(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = b"<!doctype html><title>Staff room</title><textarea aria-label='Comment'></textarea>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


@pytest.fixture
def plain_http_url():
    """A page served over plain http (on loopback: the test hosts are all https)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _PlainHttpPage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_popup_says_it_is_not_checking_a_plain_http_page_and_why(
        browser_context, configured_extension, page, plain_http_url):
    page.goto(plain_http_url)
    # A click on the toolbar button lets the popup read the tab's address (activeTab);
    # Playwright cannot click it, so the extension is given access to the page instead.
    with extension_browser.host_access(browser_context, configured_extension, "http://127.0.0.1/*"):
        popup = open_popup_for(browser_context, configured_extension, page)
        try:
            expect(page_state(popup)).to_contain_text("Not checking this page")
            expect(page_state(popup)).to_contain_text(
                "This page is plain http, not https: Precheck checks only secure pages.")
            expect(page_state(popup)).to_have_class("not-checking")
            assert green_words(popup) == []
            # Nor does it offer to check posts there.
            expect(popup.get_by_role("button", name=re.compile("Check my posts on"))).to_be_hidden()
        finally:
            popup.close()
