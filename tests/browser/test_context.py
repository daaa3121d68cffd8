"""What the extension tells the service about where a draft is going: an attached
photo (has_media), a direct message (surface) and a school account (account), each
seen through the finding the service gives only with that context."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

import extension_browser
import precheck_ui as ui
from site_server import SITE_BY_HOST, SITES

pytestmark = pytest.mark.browser

X = SITE_BY_HOST["x.com"]
WEEK = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def panel_findings(page, category: str):
    return ui.panel_findings(page, category)


def type_on_x(page, text: str, path: str = "/") -> None:
    page.goto(f"https://{X.host}{path}")
    page.locator(X.editor_selector).click()
    page.keyboard.type(text)


def test_a_photo_attached_in_the_composer_makes_a_named_pupil_a_child_photo_warning(page):
    pupil = ui.dev_set_pupils()[11]
    draft = ui.draft_naming(pupil)
    type_on_x(page, draft)
    expect(ui.status(page)).to_contain_text(pupil.full_name, timeout=ui.CHECK_TIMEOUT_MS)
    expect(panel_findings(page, "child-photo")).to_have_count(0)

    photo = {"name": "sports-day.png", "mimeType": "image/png", "buffer": page.screenshot()}
    page.locator('[data-testid="fileInput"]').set_input_files(files=[photo])
    expect(page.locator('[data-testid="attachments"] img')).to_have_count(1)

    # Attaching changes no text, yet the pause must judge the post with its photo.
    page.locator(X.post_selector).click()
    expect(ui.dialog(page).locator('[data-category="child-photo"]')).to_have_count(1,
                                                                              timeout=ui.CHECK_TIMEOUT_MS)
    ui.dialog(page).get_by_role("button", name="Edit").click()
    expect(panel_findings(page, "child-photo")).to_have_count(1)
    assert ui.posted(page) == []


PHOTO_SITES = [site for site in SITES
               if site.host in ("x.com", "www.facebook.com", "www.linkedin.com", "mastodon.social")]


@pytest.mark.parametrize("site", PHOTO_SITES, ids=lambda site: f"{site.editor}@{site.host}")
def test_each_site_reports_a_photo_in_its_composer(page, site):
    pupil = ui.dev_set_pupils()[23]
    page.goto(site.url)
    photo = {"name": "class-trip.png", "mimeType": "image/png", "buffer": page.screenshot()}
    page.locator('input[type="file"]').set_input_files(files=[photo])
    page.locator(site.editor_selector).click()
    page.keyboard.type(ui.draft_naming(pupil))
    expect(panel_findings(page, "child-photo")).to_have_count(1, timeout=ui.CHECK_TIMEOUT_MS)


def test_a_direct_message_naming_a_pupil_is_flagged_as_one(page):
    pupil = ui.dev_set_pupils()[13]
    type_on_x(page, f"Hi {pupil.full_name}, don't forget your homework tomorrow", path="/messages/1234-5678")
    expect(panel_findings(page, "direct-message")).to_have_count(1, timeout=ui.CHECK_TIMEOUT_MS)

    page.goto(f"https://{X.host}/")  # the same words as a public post: no direct-message finding
    page.locator(X.editor_selector).click()
    page.keyboard.type(f"Hi {pupil.full_name}, don't forget your homework tomorrow")
    expect(ui.status(page)).to_contain_text(pupil.full_name, timeout=ui.CHECK_TIMEOUT_MS)
    expect(panel_findings(page, "direct-message")).to_have_count(0)


@pytest.fixture
def working_all_week(service, staff_token):
    """Working hours round the clock, so a personal post always gets the whole-post
    working-hours finding; a school account's post never does (contract, settings)."""
    before = service.admin("GET", "/api/v1/admin/settings").json()
    answer = service.put_settings({"timezone": "Europe/London",
                                   "working_hours": {day: [["00:00", "23:59"]] for day in WEEK}})
    service.wait_for_version(answer["lists_version"], staff_token)
    yield
    answer = service.put_settings({key: value for key, value in before.items() if key != "lists_version"})
    service.wait_for_version(answer["lists_version"], staff_token)


@pytest.fixture
def x_as_school_account(browser_context, configured_extension):
    options = extension_browser.open_options(browser_context, configured_extension)
    account = options.get_by_label("Account on X (Twitter)")

    def choose(label: str) -> None:
        account.select_option(label=label)
        options.wait_for_timeout(300)  # the choice reaches chrome.storage

    yield choose
    choose("Personal account")
    options.close()


def test_the_account_chosen_in_options_is_sent_with_each_check(page, working_all_week, x_as_school_account):
    pupil = ui.dev_set_pupils()[17]
    draft = ui.draft_naming(pupil)
    type_on_x(page, draft)
    expect(panel_findings(page, "working-hours")).to_have_count(1, timeout=ui.CHECK_TIMEOUT_MS)

    x_as_school_account("School account")
    type_on_x(page, draft)
    # The pupil's name is flagged on either account: once it shows, the answer is in.
    expect(panel_findings(page, "pupil-name")).to_have_count(1, timeout=ui.CHECK_TIMEOUT_MS)
    expect(panel_findings(page, "working-hours")).to_have_count(0)
