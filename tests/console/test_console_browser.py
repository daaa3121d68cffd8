"""The console in real Chromium against the real service under gunicorn (2 workers).

An office manager's day: sign in, upload the MIS export through the preview,
edit a pupil, issue and revoke a token, change working hours, and see each
change in "Try a post" and in the API's checks from both workers. Each page is
saved as console-*.png (tests/output/screenshots; `make screenshots` refreshes the README's).
"""
import json
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

import pytest
import requests
from playwright.sync_api import expect

from backend.auth import hash_password
from backend.store import Store
from tests.support.live_service import LiveService
from tests.support.screenshots import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.gunicorn]

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "thornbury"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
EMAIL = "office@thornbury.example"
PASSWORD = "a long office password 42"
# Wednesday 25 November 2026, in Europe/London (GMT then).
WEDNESDAY = "2026-11-25"


@pytest.fixture(scope="module")
def service():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (scripts/test.sh installs it)")
    with LiveService(workers=2) as live:
        # The account is made the way the README says: the CLI, password from the environment.
        env = {k: v for k, v in os.environ.items() if not k.startswith("PRECHECK_")} | live.env
        subprocess.run([sys.executable, "-m", "flask", "--app", "backend.wsgi", "create-admin", EMAIL],
                       cwd=REPO, env=env | {"PRECHECK_ADMIN_PASSWORD": PASSWORD}, check=True,
                       capture_output=True, timeout=120)
        yield live


@pytest.fixture(scope="module")
def browser(service, playwright_instance):
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, headless=False, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def page(browser, service):
    """One signed-in admin, as a person would sign in."""
    context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="en-GB",
                                  timezone_id="Europe/London")
    page = context.new_page()
    page.goto(service.url + "/admin/")
    expect(page).to_have_url(re.compile(r"/admin/sign-in"))
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    shot(page, "sign-in")
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Overview")).to_be_visible()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    yield page
    context.close()


def shot(page, name: str, full_page: bool = True) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"console-{name}.png"), full_page=full_page)


def nav(page, section: str) -> None:
    page.get_by_role("navigation", name="Admin sections").get_by_role("link", name=section).click()


def try_post(page, text: str, local_time: str | None = None, account: str | None = None):
    """Runs "Try a post" and returns the result section."""
    nav(page, "Try a post")
    page.get_by_label("Post to check").fill(text)
    if local_time or account:
        page.get_by_text("Where and when it is posted (optional)").click()
    if local_time:
        page.get_by_label("Date and time posted").fill(local_time)
    if account:
        page.get_by_label("Account").select_option(account)
    page.get_by_role("button", name="Check").click()
    result = page.locator("#result")
    expect(result).to_be_visible()
    return result


def worker_reloads(service, version: int) -> dict[int, datetime]:
    """When each worker process put lists_version `version` in force, from the service's JSON log."""
    seen = {}
    for line in service.output().splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if entry.get("message") == "lists in force" and entry.get("lists_version") == version \
                and entry.get("pid") != service.process.pid:
            seen.setdefault(entry["pid"], datetime.fromisoformat(entry["time"].replace("Z", "+00:00")))
    return seen


def spread_checks(service, token: str, text: str, n: int = 24) -> list[dict]:
    """n checks on separate connections at once, so both gunicorn workers answer some."""
    def one(_):
        response = requests.post(service.url + "/api/v1/check", json={"text": text}, timeout=30,
                                 headers={"Authorization": f"Bearer {token}", "Connection": "close"})
        response.raise_for_status()
        return response.json()
    with ThreadPoolExecutor(8) as pool:
        return list(pool.map(one, range(n)))


def test_upload_the_mis_export_through_the_preview(page):
    nav(page, "Pupils")
    shot(page, "pupils-empty")
    page.get_by_label("CSV file").set_input_files(str(DATA / "pupils.csv"))
    page.get_by_role("button", name="Preview upload").click()
    expected = sum(1 for line in (DATA / "pupils.csv").read_text(encoding="utf-8-sig").splitlines()[1:] if line.strip())
    expect(page.get_by_role("heading", name=re.compile("Check the upload"))).to_be_visible()
    expect(page.locator("#preview-count")).to_have_text(str(expected))
    expect(page.locator("#preview-current")).to_have_text("0")
    expect(page.get_by_text("“Reg Group” read as form")).to_be_visible()
    shot(page, "upload-preview")
    page.get_by_role("button", name=f"Replace the list with these {expected}").click()
    expect(page.get_by_role("status")).to_contain_text(f"now has {expected} entries")
    expect(page.get_by_text(f"{expected} pupils on the list")).to_be_visible()
    shot(page, "pupils", full_page=False)


def test_edit_a_pupil_and_see_it_flagged(page, service):
    nav(page, "Pupils")
    page.get_by_label("Search").fill("Taha Brook")
    page.get_by_role("button", name="Search", exact=True).click()
    page.get_by_role("link", name="Edit Taha Brook").click()
    page.get_by_label("Nicknames and other names").fill("Tazzy")
    page.get_by_label("Surname").fill("Brook-Okafor")
    shot(page, "edit-pupil")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("Saved Taha Brook-Okafor")
    page.get_by_label("Search").fill("tazzy")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.locator("tbody tr")).to_have_count(1)
    expect(page.locator("tbody tr")).to_contain_text("Brook-Okafor")

    result = try_post(page, "So proud of Taha Brook-Okafor in class today")
    expect(result.locator("mark").first).to_have_text("Taha Brook-Okafor")
    expect(result.locator('li[data-category="pupil-name"]')).to_have_count(1)
    expect(result.locator('li[data-category="pupil-name"] .quote')).to_have_text("“Taha Brook-Okafor”")


def test_a_pupil_added_in_the_console_reaches_both_workers_within_2_seconds(page, service):
    token = service.staff_token("hot reload")
    name = "Oluwaseun Adeyemi-Clarke"
    spread_checks(service, token, "warming both workers up")
    # A first change, so both workers' reload pollers are running and their pids are known.
    nav(page, "Pupils")
    page.get_by_role("link", name="Add a pupil").click()
    page.get_by_label("First name", exact=True).fill("Warm")
    page.get_by_label("Surname", exact=True).fill("Up")
    page.get_by_role("button", name="Save").click()
    warm_version = spread_checks(service, token, "hello", 4)[0]["lists_version"]
    deadline = time.monotonic() + 20
    while len(worker_reloads(service, warm_version)) < 2 and time.monotonic() < deadline:
        spread_checks(service, token, "hello", 8)
    workers = set(worker_reloads(service, warm_version))
    assert len(workers) == 2, "could not get both gunicorn workers to answer"

    assert not any(f["category"] == "pupil-name" for f in
                   service.check(f"Well played {name}", token=token).json()["findings"])
    page.get_by_role("link", name="Add a pupil").click()
    page.get_by_label("First name", exact=True).fill("Oluwaseun")
    page.get_by_label("Surname", exact=True).fill("Adeyemi-Clarke")
    page.get_by_label("Year").fill("10")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text(f"Added {name}")
    saved_at = datetime.now().astimezone()
    version = warm_version + 1

    deadline = time.monotonic() + 2.5
    while set(worker_reloads(service, version)) < workers and time.monotonic() < deadline:
        time.sleep(0.05)
    reloads = worker_reloads(service, version)
    assert set(reloads) >= workers, f"workers {workers - set(reloads)} did not put version {version} in force"
    for pid in workers:
        assert (reloads[pid] - saved_at).total_seconds() < 2.0, f"worker {pid} took too long"
    answers = spread_checks(service, token, f"Well played {name} in the final!")
    assert all(a["lists_version"] >= version for a in answers)
    assert all(any(f["category"] == "pupil-name" and f["quote"] == name for f in a["findings"]) for a in answers)


def test_remove_a_pupil_after_confirming(page):
    nav(page, "Pupils")
    page.get_by_label("Search").fill("Warm Up")
    page.get_by_role("button", name="Search", exact=True).click()
    questions = []

    def answer(dialog, accept):
        questions.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()
    page.once("dialog", lambda dialog: answer(dialog, accept=False))
    page.get_by_role("button", name="Remove Warm Up").click()
    expect(page.locator("tbody tr")).to_have_count(1)  # kept: the admin said no
    page.once("dialog", lambda dialog: answer(dialog, accept=True))
    page.get_by_role("button", name="Remove Warm Up").click()
    expect(page.get_by_role("status")).to_contain_text("Removed Warm Up")
    assert questions == ["Remove Warm Up from the list?"] * 2
    page.get_by_label("Search").fill("Warm Up")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.get_by_text("Nothing matches")).to_be_visible()


def test_issue_and_revoke_a_token(page, service):
    nav(page, "Access tokens")
    page.get_by_label("Label").fill("Mr Hussain's laptop")
    page.get_by_role("button", name="Issue token").click()
    hint = page.locator("#setup-hint")
    expect(hint).to_contain_text(f"Server URL: {service.url}")
    token = re.search(r"Access token: (\S+)", hint.inner_text())[1]
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=service.url)
    page.get_by_role("button", name="Copy setup steps").click()
    expect(page.locator("#copy-status")).to_have_text("Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == hint.inner_text()
    shot(page, "token-issued")
    assert service.check("Lovely day", token=token).status_code == 200
    nav(page, "Access tokens")
    expect(page.locator("#setup-hint")).to_have_count(0)  # shown once only
    row = page.locator("tr", has_text="Mr Hussain's laptop")
    expect(row).to_contain_text(re.compile(r"\d{4}, \d\d:\d\d"))
    shot(page, "tokens")
    row.get_by_role("button", name="Revoke Mr Hussain's laptop").click()
    expect(page.get_by_role("status")).to_contain_text("stopped working at once")
    assert service.check("Lovely day", token=token).status_code == 401


def test_change_working_hours_and_see_the_effect(page, service):
    before = try_post(page, "Lovely sunny walk with the dog", local_time=f"{WEDNESDAY}T10:15")
    expect(before.locator('li[data-category="working-hours"]')).to_have_count(0)

    nav(page, "Settings")
    page.get_by_label("Wednesday").fill("08:30-10:40, 11:00-12:20, 13:00-15:30")
    page.get_by_label("Your school's note").fill("Our Designated Safeguarding Lead is Mrs Kauser.")
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_role("status")).to_contain_text("Settings saved")
    expect(page.get_by_label("Wednesday")).to_have_value("08:30-10:40, 11:00-12:20, 13:00-15:30")
    shot(page, "settings")

    inside = try_post(page, "Lovely sunny walk with the dog", local_time=f"{WEDNESDAY}T10:15")
    expect(inside.locator('li[data-category="working-hours"]')).to_have_count(1)
    expect(inside).to_contain_text("Mrs Kauser")
    named = try_post(page, "So proud of Taha Brook-Okafor in class today, what a star!",
                     local_time=f"{WEDNESDAY}T11:30")
    for category in ("pupil-name", "working-hours"):
        expect(named.locator(f'li[data-category="{category}"]')).to_have_count(1)
    shot(page, "try-a-post")
    in_break = try_post(page, "Lovely sunny walk with the dog", local_time=f"{WEDNESDAY}T10:50")
    expect(in_break.locator('li[data-category="working-hours"]')).to_have_count(0)
    school = try_post(page, "Lovely sunny walk with the dog", local_time=f"{WEDNESDAY}T10:15", account="school")
    expect(school.locator('li[data-category="working-hours"]')).to_have_count(0)

    token = service.staff_token("hours")
    answer = service.check("Lovely sunny walk with the dog", token=token,
                           context={"local_time": f"{WEDNESDAY}T10:15:00+00:00"}).json()
    assert [f["category"] for f in answer["findings"]] == ["working-hours"]
    assert answer["note"] == "Our Designated Safeguarding Lead is Mrs Kauser."


def test_a_bad_setting_is_shown_on_the_form(page):
    nav(page, "Settings")
    page.get_by_label("Thursday").fill("15:30-08:30")
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_role("alert")).to_contain_text("Nothing was saved")
    expect(page.locator("#hours-thu-error")).to_contain_text("Thursday")
    expect(page.get_by_label("Thursday")).to_have_value("15:30-08:30")
    shot(page, "settings-error")


def test_other_pages(page):
    nav(page, "Staff")
    page.get_by_label("CSV file").set_input_files(str(DATA / "staff.csv"))
    page.get_by_role("button", name="Preview upload").click()
    page.get_by_role("button", name=re.compile("Replace the list")).click()
    expect(page.get_by_role("status")).to_contain_text("staff list now has")
    shot(page, "staff")
    nav(page, "School names")
    page.get_by_label("CSV file").set_input_files(str(DATA / "school-terms.csv"))
    page.get_by_role("button", name="Preview upload").click()
    page.get_by_role("button", name=re.compile("Replace the list")).click()
    shot(page, "school-terms")
    nav(page, "Audit log")
    expect(page.locator("tbody")).to_contain_text("replaced a list")
    expect(page.locator("tbody")).not_to_contain_text("Taha")
    shot(page, "audit")
    nav(page, "Overview")
    shot(page, "overview")


def test_a_form_posted_from_another_site_is_refused(page, service):
    """A page elsewhere that submits a form to the console, while the admin is signed in."""
    attacker = page.context.new_page()
    attacker.set_content(f"""<form method="post" action="{service.url}/admin/tokens">
        <input name="label" value="Forged token"><button>Win a prize</button></form>""")
    attacker.get_by_role("button", name="Win a prize").click()
    expect(attacker.get_by_role("alert")).to_contain_text("Nothing was changed")
    attacker.close()
    nav(page, "Access tokens")
    expect(page.get_by_role("heading", name="Access tokens")).to_be_visible()
    expect(page.locator("table")).not_to_contain_text("Forged token")


def test_try_a_post_leaves_no_trace_in_the_service_output(page, service):
    draft = "Qx7 private words the admin typed into try a post Zv3"
    result = try_post(page, draft)
    expect(result).to_be_visible()
    assert draft not in service.output()
    assert "Qx7" not in service.output()


def test_lock_out_after_five_failures(browser, service):
    store = Store(service.database_url)
    store.upsert_admin("deputy@thornbury.example", hash_password("the deputy's password"), "test")
    store.dispose()
    context = browser.new_context(viewport={"width": 1200, "height": 700})
    page = context.new_page()
    page.goto(service.url + "/admin/sign-in")
    for attempt in range(5):
        page.get_by_label("Email").fill("deputy@thornbury.example")
        page.get_by_label("Password").fill(f"guess {attempt}")
        page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("locked after 5 failed sign-ins")
    page.get_by_label("Email").fill("deputy@thornbury.example")
    page.get_by_label("Password").fill("the deputy's password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("locked after 5 failed sign-ins")
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
    shot(page, "locked-out")
    context.close()


def test_sign_out(page, service):
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    page.goto(service.url + "/admin/pupils")
    expect(page).to_have_url(re.compile(r"/admin/sign-in"))
