"""When the service cannot be reached, refuses the token or is rate limiting, the
extension says so plainly and never holds posting back."""

from __future__ import annotations

from contextlib import ExitStack, contextmanager

import pytest
from playwright.sync_api import expect

import precheck_ui as ui
from dev_set_service import closed_port_url
from extension_browser import configure_extension
from site_server import SITES
from tests.support.live_service import LiveService

pytestmark = pytest.mark.browser

NOTICE = "Precheck could not check this post"


@contextmanager
def rate_limited_service():
    """A second service whose one staff token has used up its checks (answers 429)."""
    # One worker: the limiter counts per worker, so one 429 means the allowance is gone.
    with LiveService(workers=1, env={"PRECHECK_RATE_LIMIT_CHECK": "2 per day"}) as limited:
        token = limited.staff_token("rate limited")
        while limited.check("warming up", token=token).status_code != 429:
            pass
        yield limited.url, token


@pytest.fixture(scope="module", params=["unreachable", "wrong-token", "rate-limited"])
def broken_setup(request, browser_context, configured_extension, service, staff_token):
    with ExitStack() as stack:
        if request.param == "unreachable":
            configure_extension(browser_context, configured_extension, closed_port_url(), staff_token)
        elif request.param == "wrong-token":
            configure_extension(browser_context, configured_extension, service.url, "not-a-real-token")
        else:
            url, token = stack.enter_context(rate_limited_service())
            configure_extension(browser_context, configured_extension, url, token)
        yield request.param
        configure_extension(browser_context, configured_extension, service.url, staff_token)


@pytest.mark.parametrize("site", SITES, ids=lambda site: f"{site.editor}@{site.host}")
def test_notice_shows_and_posting_goes_ahead(broken_setup, page, site):
    pupil = ui.dev_set_pupils()[0]
    draft = f"Great match today, {pupil.full_name} scored twice!"
    page.goto(site.url)
    page.locator(site.editor_selector).click()
    page.keyboard.type(draft)

    expect(ui.status(page)).to_contain_text(NOTICE, timeout=ui.CHECK_TIMEOUT_MS)
    assert ui.editor_text(page) == draft

    page.locator(site.post_selector).click()
    page.wait_for_function("() => window.__posted.length > 0", timeout=5_000)
    expect(ui.dialog(page)).to_have_count(0)
    assert ui.posted(page) == [draft]
