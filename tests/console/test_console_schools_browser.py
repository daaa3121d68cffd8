"""The console's Schools pages in real Chromium against the real service under gunicorn (2 workers).

A trust's IT lead's day: add a school, show it and load its pupils, see them flagged for that
school only, add its admin (who sees that school alone), revoke its admin API token, rename
it, and delete it, which erases it (its admin is signed out, its staff token refused). The
Schools pages are saved as console-schools*.png (tests/output/screenshots; `make screenshots`
refreshes the README's).
"""
import re
from pathlib import Path

import pytest
import requests
from playwright.sync_api import expect

from backend.auth import hash_password
from backend.store import Store
from tests.support.live_service import LiveService
from tests.support.screenshots import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.gunicorn]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TRUST_EMAIL, TRUST_PASSWORD = "it@trust.example", "the trust's long password"
SCHOOL_EMAIL, SCHOOL_PASSWORD = "office@northfield.example", "northfield office password"
NORTH_PUPILS = "Forename,Surname,Year,Reg Group\nTobias,Wreford,8,8A\nAisha,Khan,9,9B\n"
DEFAULT_PUPILS = "first_name,last_name\nAisha,Khan\n"
TEXT = "Well done Tobias Wreford and Aisha Khan on the science fair today"


@pytest.fixture(scope="module")
def service():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (scripts/test.sh installs it)")
    with LiveService(workers=2) as live:
        store = Store(live.database_url)
        store.upsert_admin(TRUST_EMAIL, hash_password(TRUST_PASSWORD), "test")
        store.dispose()
        live.put_list("pupils", DEFAULT_PUPILS)
        yield live


@pytest.fixture(scope="module")
def browser(service, playwright_instance):
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, headless=False, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


def signed_in(browser, service, email, password):
    context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="en-GB",
                                  timezone_id="Europe/London")
    page = context.new_page()
    page.goto(service.url + "/admin/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Overview")).to_be_visible()
    return page


@pytest.fixture(scope="module")
def page(browser, service):
    """The trust's admin, signed in."""
    page = signed_in(browser, service, TRUST_EMAIL, TRUST_PASSWORD)
    yield page
    page.context.close()


@pytest.fixture(scope="module")
def north_staff(service):
    """A staff token of Northfield (filled in by the first test)."""
    return {}


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"console-{name}.png"), full_page=True)


def nav(page, section: str) -> None:
    page.get_by_role("navigation", name="Admin sections").get_by_role("link", name=section).click()


def header_school(page):
    return page.locator("header .school")


def pupils_flagged(page, text: str) -> list[str]:
    nav(page, "Try a post")
    page.get_by_label("Post to check").fill(text)
    page.get_by_role("button", name="Check").click()
    result = page.locator("#result")
    expect(result).to_be_visible()
    return [q.strip("“”") for q in result.locator('li[data-category="pupil-name"] .quote').all_inner_texts()]


def manage(page, name: str) -> None:
    nav(page, "Schools")
    page.get_by_role("link", name=f"Manage {name}").click()
    expect(page.get_by_role("heading", name=name, exact=True)).to_be_visible()


def test_add_a_school_show_it_and_load_its_pupils(page, service, tmp_path, north_staff):
    nav(page, "Schools")
    expect(header_school(page)).to_have_text("School: Default school")
    page.get_by_label("School name", exact=True).fill("Northfield High School")
    page.get_by_label("Slug", exact=True).fill("default")
    page.get_by_role("button", name="Add school", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("is taken")
    page.get_by_label("School name", exact=True).fill("Northfield High School")
    page.get_by_label("Slug", exact=True).fill("northfield")
    page.get_by_role("button", name="Add school", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("Created Northfield High School (northfield)")
    expect(page.locator("tbody tr", has_text="Northfield High School")).to_contain_text("none")

    page.get_by_role("button", name="Show Northfield High School").click()
    expect(page.get_by_role("status")).to_contain_text("Now showing Northfield High School")
    expect(header_school(page)).to_have_text("School: Northfield High School")
    nav(page, "Pupils")
    expect(page.get_by_text("0 pupils on the list")).to_be_visible()
    csv = tmp_path / "northfield-pupils.csv"
    csv.write_text(NORTH_PUPILS, encoding="utf-8")
    page.get_by_label("CSV file").set_input_files(str(csv))
    page.get_by_role("button", name="Preview upload").click()
    page.get_by_role("button", name="Replace the list with these 2").click()
    expect(page.get_by_role("status")).to_contain_text("now has 2 entries")

    assert sorted(pupils_flagged(page, TEXT)) == ["Aisha Khan", "Tobias Wreford"]
    nav(page, "Access tokens")
    page.get_by_label("Label").fill("Northfield teacher")
    page.get_by_role("button", name="Issue token").click()
    north_staff["token"] = re.search(r"Access token: (\S+)", page.locator("#setup-hint").inner_text())[1]
    answer = service.check(TEXT, token=north_staff["token"]).json()
    assert sorted(f["quote"] for f in answer["findings"] if f["category"] == "pupil-name") == \
        ["Aisha Khan", "Tobias Wreford"]

    # The default school's lists are its own: Northfield's pupil is not flagged there.
    nav(page, "Schools")
    page.get_by_role("button", name="Show Default school").click()
    expect(header_school(page)).to_have_text("School: Default school")
    assert pupils_flagged(page, TEXT) == ["Aisha Khan"]


def test_add_a_school_admin_who_sees_that_school_alone(page, browser, service):
    nav(page, "Schools")
    page.get_by_label("School", exact=True).select_option(label="Northfield High School")
    page.get_by_label("Email").fill(SCHOOL_EMAIL)
    page.get_by_label("First password").fill(SCHOOL_PASSWORD)
    page.get_by_role("button", name="Add school admin").click()
    expect(page.get_by_role("status")).to_contain_text(f"Created an admin account for Northfield High School: {SCHOOL_EMAIL}")
    expect(page.locator("tbody tr", has_text="Northfield High School")).to_contain_text(SCHOOL_EMAIL)
    shot(page, "schools")

    school_admin = signed_in(browser, service, SCHOOL_EMAIL, SCHOOL_PASSWORD)
    try:
        expect(header_school(school_admin)).to_have_text("School: Northfield High School")
        sections = school_admin.get_by_role("navigation", name="Admin sections")
        expect(sections.get_by_role("link", name="Schools")).to_have_count(0)
        nav(school_admin, "Pupils")
        expect(school_admin.locator("tbody")).to_contain_text("Wreford")
        school_admin.goto(service.url + "/admin/schools")
        expect(school_admin.get_by_text("Only the trust's admin")).to_be_visible()
        expect(school_admin.locator("body")).not_to_contain_text("Default school")
    finally:
        school_admin.context.close()


def test_revoke_a_schools_admin_api_token(page, service):
    issued = service.admin("POST", "/api/v1/admin/schools/northfield/admin-tokens", json={"label": "Northfield MIS sync"})
    assert issued.status_code == 201
    token = {"Authorization": f"Bearer {issued.json()['token']}"}
    assert requests.get(service.url + "/api/v1/admin/lists/pupils", headers=token, timeout=30).status_code == 200
    manage(page, "Northfield High School")
    row = page.locator("tr", has_text="Northfield MIS sync")
    expect(row).to_contain_text("In use")
    row.get_by_role("button", name="Revoke Northfield MIS sync").click()
    expect(page.get_by_role("status")).to_contain_text("stopped working at once")
    expect(page.locator("tr", has_text="Northfield MIS sync")).to_contain_text("Revoked")
    assert requests.get(service.url + "/api/v1/admin/lists/pupils", headers=token, timeout=30).status_code == 401


def test_rename_a_school_and_everything_stays(page, service, north_staff):
    manage(page, "Northfield High School")
    page.get_by_label("School name", exact=True).fill("Northfield Academy")
    page.get_by_label("Slug", exact=True).fill("northfield-academy")
    page.get_by_role("button", name="Save name and slug").click()
    expect(page.get_by_role("status")).to_contain_text("Saved: Northfield Academy (northfield-academy)")
    expect(page.get_by_role("heading", name="Northfield Academy", exact=True)).to_be_visible()
    expect(page.get_by_text("2 pupils, 0 staff, 0 school names, 1 staff tokens in use")).to_be_visible()
    shot(page, "school")
    answer = service.check(TEXT, token=north_staff["token"])
    assert "Tobias Wreford" in {f["quote"] for f in answer.json()["findings"]}
    assert service.admin("GET", "/api/v1/admin/schools/northfield-academy/lists/pupils").json()["count"] == 2


def test_delete_a_school_after_typing_its_slug(page, browser, service, north_staff):
    school_admin = signed_in(browser, service, SCHOOL_EMAIL, SCHOOL_PASSWORD)
    try:
        manage(page, "Northfield Academy")
        page.get_by_label("Type the slug, northfield-academy, to confirm").fill("northfield")
        page.get_by_role("button", name="Delete Northfield Academy and erase its data").click()
        expect(page.get_by_role("alert")).to_contain_text("Nothing was deleted")
        assert service.check(TEXT, token=north_staff["token"]).status_code == 200

        page.get_by_label("Type the slug, northfield-academy, to confirm").fill("northfield-academy")
        page.get_by_role("button", name="Delete Northfield Academy and erase its data").click()
        expect(page.get_by_role("status")).to_contain_text(
            "Deleted Northfield Academy: 2 pupils, 0 staff and 0 school names erased, 2 tokens and 1 admin accounts removed")
        expect(page.locator("tbody")).not_to_contain_text("Northfield")
        assert service.check(TEXT, token=north_staff["token"]).status_code == 401
        school_admin.reload()
        expect(school_admin.get_by_role("heading", name="Sign in")).to_be_visible()
        nav(page, "Audit log")
        expect(page.locator("tbody")).to_contain_text("deleted a school and erased its data")
        expect(page.locator("tbody")).not_to_contain_text("Wreford")
    finally:
        school_admin.context.close()
