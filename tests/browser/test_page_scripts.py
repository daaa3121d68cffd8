"""The pages Precheck runs on can run scripts of their own (a blog on blogspot.com, a
Mastodon instance). Such a script must learn nothing about the school from Precheck:
what Precheck shows is drawn in the extension's own frames, which the page cannot read
(not in the document outside the editor, not in an open shadow root, not in a
same-origin frame), while the person and assistive technology find it by role; and
text the script writes into the editor is never checked on its own."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

import extension_browser
import precheck_ui as ui
from dev_set_service import dev_set_settings
from site_server import SITES

pytestmark = pytest.mark.browser

# The editors of the bar: Draft.js, Lexical, Quill, Quill inside LinkedIn's
# shadow root; and a textarea.
EDITORS = [site for site in SITES
           if (site.editor, site.host) in {("draftjs", "x.com"), ("lexical", "www.facebook.com"),
                                           ("quill", "www.linkedin.com"), ("quill-shadow", "www.linkedin.com"),
                                           ("textarea", "mastodon.social")}]
NOTE = dev_set_settings()["note"]
MANIFEST = extension_browser.manifest()
CONTENT_SCRIPT = MANIFEST["content_scripts"][0]["js"][0]
FRAME_PAGES = ["src/frame/overlay.html", "src/frame/dialog.html"]


@pytest.fixture(params=EDITORS, ids=lambda site: f"{site.editor}@{site.host}")
def site(request):
    return request.param


def candidate_names() -> list[ui.Pupil]:
    """Names a hostile page would try: pupils of the school's list."""
    return ui.dev_set_pupils()[30:34]


def assert_page_reads_nothing_of(page, site, words: list[str]) -> dict:
    readable = ui.readable_by_page(page, site.editor_selector)
    for word in words:
        assert word not in readable["text"], f"a page script can read {word!r}"
    # Precheck's frames are there, and closed to the page.
    assert readable["frames"]["unreadable"] >= 1, readable["frames"]
    return readable


def test_text_a_page_script_writes_is_not_checked(page, site, service):
    names = candidate_names()
    page.goto(site.url)
    page.locator(site.editor_selector).click()
    before = ui.checks_made(service)

    written = " ".join(f"{pupil.full_name} is in Year 7 at our school." for pupil in names)
    ui.write_as_page_script(page, site.editor_selector, written)
    assert names[0].full_name in ui.editor_text(page)  # the editor took the script's text
    page.wait_for_timeout(2_500)  # a check, were one asked for, would have been answered by now

    assert ui.checks_made(service) == before
    expect(ui.panel_findings(page)).to_have_count(0)


def test_the_person_sees_the_warning_and_the_page_reads_none_of_it(page, site):
    pupil = ui.dev_set_pupils()[29]
    draft = ui.draft_naming(pupil)
    page.goto(site.url)
    page.locator(site.editor_selector).click()
    page.keyboard.type(draft)

    # The person (and a screen reader) finds the warning by role in the extension's frame.
    expect(ui.status(page)).to_contain_text(pupil.full_name, timeout=ui.CHECK_TIMEOUT_MS)
    finding = ui.panel_findings(page, "pupil-name").first
    clause = finding.locator(".clause").text_content()
    message = finding.locator(".message").text_content()
    expect(ui.status(page)).to_contain_text(NOTE)
    secrets = [pupil.full_name, pupil.last, clause, message, NOTE]
    assert_page_reads_nothing_of(page, site, secrets)

    # Nor of the pause, which lists the same finding.
    page.locator(site.post_selector).click()
    expect(ui.dialog(page)).to_contain_text(pupil.full_name)
    assert_page_reads_nothing_of(page, site, secrets)
    ui.dialog(page).get_by_role("button", name="Edit").click()
    expect(ui.dialog(page)).to_have_count(0)
    assert ui.posted(page) == []
    assert ui.editor_text(page) == draft


def test_names_a_page_script_wrote_stay_unreadable_once_the_person_types(page, site):
    names = candidate_names()
    page.goto(site.url)
    page.locator(site.editor_selector).click()
    ui.write_as_page_script(page, site.editor_selector,
                            " ".join(f"{pupil.full_name} in Year 7 at school." for pupil in names))
    # The person writes on in the same box (Draft.js may have rebuilt it meanwhile): now
    # the draft is theirs to post, and it is checked.
    page.locator(site.editor_selector).click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Well done all!")
    expect(ui.panel_findings(page, "pupil-name")).not_to_have_count(0, timeout=ui.CHECK_TIMEOUT_MS)
    expect(ui.status(page)).to_contain_text(names[0].full_name)
    assert_page_reads_nothing_of(page, site, [pupil.full_name for pupil in names] + [NOTE])


def test_text_a_page_script_wrote_before_precheck_started_is_not_checked(page, service):
    """Precheck checks the text already in a focused editor when it starts only while the
    person's own input is recent (a user activation); a script's writes before the
    extension's script runs (at document_idle, after DOMContentLoaded) make none."""
    site = next(site for site in SITES if site.host == "mastodon.social")
    names = candidate_names()
    written = " ".join(f"{pupil.full_name} is in Year 7 at our school." for pupil in names)
    page.add_init_script(
        "document.addEventListener('DOMContentLoaded', () => {"
        f"  const editor = document.querySelector({site.editor_selector!r});"
        f"  editor.value = {written!r};"
        "  editor.focus();"
        "});")
    before = ui.checks_made(service)
    page.goto(site.url)
    expect(page.locator(site.editor_selector)).to_have_value(written)
    expect(ui.status(page)).to_be_attached(timeout=ui.CHECK_TIMEOUT_MS)  # Precheck has started on the focused editor
    page.wait_for_timeout(2_500)  # a check, were one asked for, would have been answered by now

    assert ui.checks_made(service) == before
    expect(ui.panel_findings(page)).to_have_count(0)


def shipped_files() -> list[str]:
    """Every file of the extension as loaded, but its dev tooling and unit tests."""
    root = extension_browser.EXTENSION_DIR
    return sorted(str(path.relative_to(root)) for path in root.rglob("*")
                  if path.is_file() and path.relative_to(root).parts[0] not in {"tools", "test"})


def fetchable_by_page(page, urls: list[str]) -> list[str]:
    """Those of `urls` the page's own script can fetch."""
    return page.evaluate("""async (urls) => {
        const answers = await Promise.all(urls.map((url) => fetch(url).then((r) => r.ok, () => false)));
        return urls.filter((url, i) => answers[i]);
    }""", urls)


def test_a_page_can_fetch_nothing_of_the_extension_but_its_frames_at_their_dynamic_address(page, extension_id):
    """A page that could fetch a file of the extension at its fixed address would know
    that its visitor has Precheck, that is, works at a school. Only the two frame pages
    are web-accessible, at an address that changes each browser session; with that
    address (which the page sees once Precheck draws) nothing else is reachable either."""
    site = next(site for site in SITES if site.host == "x.com")
    page.goto(site.url)
    files = shipped_files()
    assert "manifest.json" in files and CONTENT_SCRIPT in files and len(files) > 40
    fixed = [f"chrome-extension://{extension_id}/{file}" for file in files]
    assert fetchable_by_page(page, fixed) == []

    page.locator(site.editor_selector).click()
    expect(ui.status(page)).to_be_attached(timeout=ui.CHECK_TIMEOUT_MS)
    src = page.evaluate("() => document.querySelector('iframe[data-precheck=\"overlay\"]').src")
    dynamic_origin = "/".join(src.split("/")[:3])
    assert dynamic_origin != f"chrome-extension://{extension_id}"
    reachable = fetchable_by_page(page, [f"{dynamic_origin}/{file}" for file in files])
    assert sorted(reachable) == sorted(f"{dynamic_origin}/{page_}" for page_ in FRAME_PAGES)
