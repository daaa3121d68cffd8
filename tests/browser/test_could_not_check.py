"""When the service cannot be reached or refuses the token, the extension says so
plainly and never holds posting back."""

from __future__ import annotations

import socket

import pytest
from playwright.sync_api import expect

import precheck_ui as ui
from extension_browser import configure_extension
from site_server import SITES

pytestmark = pytest.mark.browser

NOTICE = "Precheck could not check this post"


def closed_port_url() -> str:
    """A loopback URL nothing listens on (the port is released before use)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module", params=["unreachable", "wrong-token"])
def broken_setup(request, browser_context, configured_extension, service, staff_token):
    if request.param == "unreachable":
        configure_extension(browser_context, configured_extension, closed_port_url(), staff_token)
    else:
        configure_extension(browser_context, configured_extension, service.url, "not-a-real-token")
    yield request.param
    configure_extension(browser_context, configured_extension, service.url, staff_token)


@pytest.mark.parametrize("site", SITES, ids=lambda site: f"{site.editor}@{site.host}")
def test_notice_shows_and_posting_goes_ahead(broken_setup, page, site):
    pupil = ui.dev_set_pupils()[0]
    draft = f"Great match today, {pupil.full_name} scored twice!"
    page.goto(f"https://{site.host}/")
    page.locator(site.editor_selector).click()
    page.keyboard.type(draft)

    expect(ui.status(page)).to_contain_text(NOTICE, timeout=ui.CHECK_TIMEOUT_MS)
    assert ui.editor_text(page) == draft

    page.locator(site.post_selector).click()
    page.wait_for_function("() => window.__posted.length > 0", timeout=5_000)
    expect(ui.dialog(page)).to_have_count(0)
    assert ui.posted(page) == [draft]
