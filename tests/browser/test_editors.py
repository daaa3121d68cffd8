"""The extension on each real editor: live warning with highlights over the right
words, the pause before publishing (Edit / Post anyway, button and Ctrl+Enter), a
benign draft posting straight through, and the editor's text left exactly as typed."""

from __future__ import annotations

import zlib

import pytest
from playwright.sync_api import Page, expect

import precheck_ui as ui
from dev_set_service import dev_set_settings
from site_server import SITE_BY_HOST, SITES, Site
from tests.support.screenshots import SCREENSHOTS

pytestmark = pytest.mark.browser

BENIGN_DRAFT = "Lovely long walk by the river this morning, then pancakes for breakfast."
PIXEL_TOLERANCE = 2.5
# The moment a person takes to read a warning before pressing its fix. Without it the
# fix would follow the last key within a second, and Quill's history (delay: 1000 ms)
# merges edits that close into one undo step, so Ctrl+Z would take the typing back too.
READING_MS = 1_100


@pytest.fixture(params=SITES, ids=lambda site: f"{site.editor}@{site.host}")
def site(request) -> Site:
    return request.param


@pytest.fixture
def pupil(request, site) -> ui.Pupil:
    """A different pupil of the development set for each test and site."""
    pupils = ui.dev_set_pupils()
    return pupils[zlib.crc32(f"{site.host} {request.node.originalname}".encode()) % len(pupils)]


def open_composer(page: Page, site: Site) -> None:
    page.goto(site.url)
    page.locator(site.editor_selector).click()


def type_draft(page: Page, site: Site, text: str) -> None:
    open_composer(page, site)
    page.keyboard.type(text)


def wait_for_warning(page: Page, pupil: ui.Pupil) -> None:
    expect(ui.status(page)).to_contain_text(pupil.full_name, timeout=ui.CHECK_TIMEOUT_MS)


def line_boxes(rects: list[dict]) -> list[tuple[float, float, float, float]]:
    """Rectangles merged per line (left, top, right, bottom): a Range may report a word
    and the space after it as two touching boxes, an overlay may draw them as one."""
    lines: list[list[float]] = []
    for r in sorted(rects, key=lambda r: (r["y"], r["x"])):
        box = [r["x"], r["y"], r["x"] + r["width"], r["y"] + r["height"]]
        if lines and abs(lines[-1][1] - box[1]) <= PIXEL_TOLERANCE and box[0] <= lines[-1][2] + PIXEL_TOLERANCE:
            lines[-1][2] = max(lines[-1][2], box[2])
            lines[-1][3] = max(lines[-1][3], box[3])
        else:
            lines.append(box)
    return [tuple(line) for line in lines]


def assert_same_rects(drawn: list[dict], expected: list[dict]) -> None:
    drawn_lines, expected_lines = line_boxes(drawn), line_boxes(expected)
    assert len(drawn_lines) == len(expected_lines), (drawn, expected)
    for a, b in zip(drawn_lines, expected_lines):
        assert all(abs(p - q) <= PIXEL_TOLERANCE for p, q in zip(a, b)), (a, b)


def test_warning_names_the_pupil_and_highlights_those_words(page, site, pupil):
    draft = ui.draft_naming(pupil)
    type_draft(page, site, draft)
    wait_for_warning(page, pupil)

    # The highlight rectangles of the pupil-name finding sit exactly over the name.
    expect(ui.overlay(page).locator('.precheck-highlight[data-category="pupil-name"]').first
           ).to_be_attached(timeout=ui.CHECK_TIMEOUT_MS)
    drawn = [h for h in ui.highlights(page) if h["category"] == "pupil-name"]
    spans = {(h["start"], h["end"]) for h in drawn}
    assert len(spans) == 1, drawn
    start, end = spans.pop()
    flagged = ui.utf16_slice(draft, start, end)
    assert pupil.full_name in flagged
    expected = ui.flagged_text_rects(page, site.editor_selector, flagged)
    assert expected, f"{flagged!r} not found in the editor's DOM"
    assert_same_rects(drawn, expected)
    # The school's own note (who the safeguarding leads are) is shown with the warnings.
    expect(ui.status(page).locator('.precheck-note')).to_have_text(dev_set_settings()["note"])
    if site.host == "x.com":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / "warning-panel.png")

    # The extension changed nothing in the editor, and typing on after the warning
    # goes where the caret is.
    assert ui.editor_text(page) == draft
    page.keyboard.type(" Well done!")
    assert ui.editor_text(page) == draft + " Well done!"
    assert ui.posted(page) == []


def test_highlight_lands_on_the_name_after_emoji_and_astral_letters(page, site, pupil):
    # Offsets are UTF-16 code units: a skin-toned emoji and a mathematical letter
    # (both outside the BMP) before the name shift every later position.
    draft = f"🎉👍🏽 𝒲ow! {ui.draft_naming(pupil)}"
    type_draft(page, site, draft)
    wait_for_warning(page, pupil)
    expect(ui.overlay(page).locator('.precheck-highlight[data-category="pupil-name"]').first
           ).to_be_attached(timeout=ui.CHECK_TIMEOUT_MS)
    drawn, expected = pupil_name_rects(page, site, draft)
    assert pupil.full_name in ui.utf16_slice(draft, drawn[0]["start"], drawn[0]["end"])
    assert_same_rects(drawn, expected)
    assert ui.editor_text(page) == draft


def pupil_name_rects(page: Page, site: Site, draft: str) -> tuple[list, list]:
    """The overlay's rectangles for the pupil-name finding, and the name's own."""
    drawn = [h for h in ui.highlights(page) if h["category"] == "pupil-name"]
    if not drawn:
        return [], []
    flagged = ui.utf16_slice(draft, drawn[0]["start"], drawn[0]["end"])
    return drawn, ui.flagged_text_rects(page, site.editor_selector, flagged) or []


def wait_until_highlights_match(page: Page, site: Site, draft: str) -> list[dict]:
    """Polls until the overlay has redrawn over the name (it may take a frame or a
    resize event), and answers the name's own rectangles."""
    for attempt in range(30):
        drawn, expected = pupil_name_rects(page, site, draft)
        try:
            assert_same_rects(drawn, expected)
            return expected
        except AssertionError:
            if attempt == 29:
                raise
            page.wait_for_timeout(100)


def test_highlights_follow_the_text_when_the_window_is_resized_or_scrolled(page, site, pupil):
    draft = ui.draft_naming(pupil)
    type_draft(page, site, draft)
    wait_for_warning(page, pupil)

    # A narrower window moves the compose box; the overlay must follow.
    page.set_viewport_size({"width": 480, "height": 800})
    try:
        wait_until_highlights_match(page, site, draft)
    finally:
        page.set_viewport_size({"width": 1000, "height": 800})

    # So must it when the page scrolls under it.
    page.evaluate("() => { document.body.style.paddingBottom = '2000px'; window.scrollBy(0, 37); }")
    wait_until_highlights_match(page, site, draft)
    assert ui.editor_text(page) == draft


def test_highlights_follow_the_text_when_the_editor_is_resized(page, site, pupil):
    draft = ui.draft_naming(pupil)
    type_draft(page, site, draft)
    wait_for_warning(page, pupil)
    wait_until_highlights_match(page, site, draft)

    # The site (or the person, with a textarea's resize handle) narrows the editor so
    # the name wraps over two lines: two rectangles, one per line. The width leaves
    # room for the first name and half the surname; the height keeps a scrollbar out.
    page.evaluate(
        f"""([selector, before, surname]) => {{
              const probes = ({ui.PROBES});
              const editor = probes.find(selector);
              const right = Math.max(...probes.flaggedTextRects(selector, before).map((r) => r.x + r.width));
              const room = probes.flaggedTextRects(selector, surname)[0].width / 2;
              const style = getComputedStyle(editor);
              const inset = parseFloat(style.paddingRight) + parseFloat(style.borderRightWidth);
              editor.style.boxSizing = 'border-box';
              editor.style.width = `${{right - editor.getBoundingClientRect().left + inset + room}}px`;
              editor.style.minHeight = '240px';
            }}""",
        [site.editor_selector, draft[:draft.index(pupil.full_name)] + pupil.first, " " + pupil.last])
    expected = wait_until_highlights_match(page, site, draft)
    assert len(line_boxes(expected)) == 2, expected
    assert ui.editor_text(page) == draft


def test_fixing_the_draft_clears_the_warning_and_it_posts_straight_through(page, site, pupil):
    draft = ui.draft_naming(pupil)
    type_draft(page, site, draft)
    wait_for_warning(page, pupil)

    page.keyboard.press("Control+A")
    page.keyboard.type(BENIGN_DRAFT)
    expect(ui.status(page)).not_to_contain_text(pupil.full_name, timeout=ui.CHECK_TIMEOUT_MS)
    assert ui.editor_text(page) == BENIGN_DRAFT

    page.locator(site.post_selector).click()
    page.wait_for_function("() => window.__posted.length > 0", timeout=5_000)
    expect(ui.dialog(page)).to_have_count(0)
    assert ui.posted(page) == [BENIGN_DRAFT]


def test_edit_keeps_the_text_and_posts_nothing(page, site, pupil):
    draft = ui.draft_naming(pupil)
    type_draft(page, site, draft)
    wait_for_warning(page, pupil)

    lower = ui.status(page).locator('li.precheck-finding[data-severity="low"]').count()
    page.locator(site.post_selector).click()
    expect(ui.dialog(page)).to_be_visible()
    expect(ui.dialog(page)).to_contain_text(pupil.full_name)
    # The dialog lists what holds the post back, and counts the lower ones the panel shows.
    expect(ui.dialog(page).locator('li[data-severity="low"]')).to_have_count(0)
    if lower:
        expect(ui.dialog(page)).to_contain_text(f"shows {lower} lower-priority thing")
    if site.host == "x.com":
        page.screenshot(path=SCREENSHOTS / "pause-dialog.png")

    ui.dialog(page).get_by_role("button", name="Edit").click()
    expect(ui.dialog(page)).to_have_count(0)
    assert ui.posted(page) == []
    assert ui.editor_text(page) == draft
    assert ui.editor_has_focus(page, site.editor_selector)


def test_post_anyway_posts_exactly_once(page, site, pupil):
    draft = ui.draft_naming(pupil)
    type_draft(page, site, draft)
    wait_for_warning(page, pupil)

    page.locator(site.post_selector).click()
    ui.dialog(page).get_by_role("button", name="Post anyway").click()
    expect(ui.dialog(page)).to_have_count(0)
    page.wait_for_function("() => window.__posted.length > 0")
    page.wait_for_timeout(500)  # a second, duplicated publish would land by now
    assert ui.posted(page) == [draft]


def test_ctrl_enter_pauses_too(page, site, pupil):
    draft = ui.draft_naming(pupil)
    type_draft(page, site, draft)
    wait_for_warning(page, pupil)

    page.keyboard.press("Control+Enter")
    expect(ui.dialog(page)).to_be_visible()
    page.keyboard.press("Escape")  # Escape is Edit
    expect(ui.dialog(page)).to_have_count(0)
    assert ui.posted(page) == []
    assert ui.editor_text(page) == draft
    assert ui.editor_has_focus(page, site.editor_selector)

    page.keyboard.press("Control+Enter")
    ui.dialog(page).get_by_role("button", name="Post anyway").click()
    page.wait_for_function("() => window.__posted.length > 0")
    page.wait_for_timeout(500)
    assert ui.posted(page) == [draft]


def test_plain_enter_pauses_where_the_site_sends_on_enter(page):
    site = SITE_BY_HOST["www.instagram.com"]  # Instagram's comment box sends on Enter
    pupil = ui.dev_set_pupils()[19]
    draft = ui.draft_naming(pupil)
    type_draft(page, site, draft)
    wait_for_warning(page, pupil)

    page.keyboard.press("Enter")
    expect(ui.dialog(page)).to_be_visible()
    ui.dialog(page).get_by_role("button", name="Edit").click()
    assert ui.posted(page) == []
    assert ui.editor_text(page) == draft

    page.keyboard.press("Enter")
    ui.dialog(page).get_by_role("button", name="Post anyway").click()
    page.wait_for_function("() => window.__posted.length > 0")
    page.wait_for_timeout(500)
    assert ui.posted(page) == [draft]


def focused_in_dialog(page: Page) -> str | None:
    """The name of what has focus inside the pause dialog's frame, if anything: the
    page has handed focus to that frame, and in it a button has focus."""
    if not page.evaluate(f"() => ({ui.PROBES}).activeElement()?.getAttribute('data-precheck') === 'dialog'"):
        return None
    return ui.frame_of(page, "dialog").evaluate(
        """() => {
             const focused = document.hasFocus() && document.activeElement;
             return focused && focused !== document.body
               ? (focused.getAttribute('aria-label') || focused.textContent).trim() : null;
           }""")


def test_the_pause_is_keyboard_operable_with_focus_kept_inside(page, site, pupil):
    draft = ui.draft_naming(pupil)
    type_draft(page, site, draft)
    wait_for_warning(page, pupil)

    page.keyboard.press("Control+Enter")
    expect(ui.dialog(page)).to_be_visible()
    assert focused_in_dialog(page) is not None
    for key in ["Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab"]:
        page.keyboard.press(key)
        assert focused_in_dialog(page) is not None, f"focus left the dialog after {key}"

    for _ in range(ui.dialog(page).get_by_role("button").count()):  # once round the dialog at most
        if focused_in_dialog(page) == "Post anyway":
            break
        page.keyboard.press("Tab")
    assert focused_in_dialog(page) == "Post anyway"
    page.keyboard.press("Enter")
    page.wait_for_function("() => window.__posted.length > 0")
    page.wait_for_timeout(500)
    assert ui.posted(page) == [draft]


def test_benign_draft_posts_straight_through(page, site):
    type_draft(page, site, BENIGN_DRAFT)
    # Once checked, a small quiet sign says so: silence is never taken for protection.
    expect(ui.status(page)).to_have_text("Checked: nothing found", timeout=ui.CHECK_TIMEOUT_MS)
    expect(ui.panel_findings(page)).to_have_count(0)
    if site.host == "x.com":
        page.screenshot(path=SCREENSHOTS / "checked-nothing-found.png")
    assert ui.editor_text(page) == BENIGN_DRAFT

    page.locator(site.post_selector).click()
    page.wait_for_function("() => window.__posted.length > 0", timeout=5_000)
    expect(ui.dialog(page)).to_have_count(0)
    assert ui.posted(page) == [BENIGN_DRAFT]


def test_typing_sends_a_check_per_finished_word_not_one_per_keystroke(page, site, pupil, service):
    draft = ui.draft_naming(pupil)
    open_composer(page, site)
    before = ui.checks_made(service)
    page.keyboard.type(draft, delay=10)  # a typing pace, well inside the extension's pause
    wait_for_warning(page, pupil)
    page.wait_for_timeout(300)  # the access log line follows the answer
    sent = ui.checks_made(service) - before
    # A check as each word ends (a space or punctuation) and one once typing pauses; a few
    # more only if this busy machine stalled the typing within a word for longer than the
    # pause. Anything near len(draft) is work per keystroke.
    words = len(draft.split())
    assert 1 <= sent <= words + 3 < len(draft) / 2, f"{sent} checks for {words} words, {len(draft)} keystrokes"


def test_a_one_click_fix_goes_in_through_the_editor_and_undo_restores_it(page, site, pupil):
    draft = ui.draft_naming(pupil)
    type_draft(page, site, draft)
    wait_for_warning(page, pupil)

    initials = f"{pupil.first[0]}.{pupil.last[0]}."
    finding = ui.panel_findings(page, "pupil-name").filter(has_text=pupil.full_name)
    expect(finding.locator(".precheck-fixes").get_by_role("button")).to_have_text(
        [f"Change to “{initials}”", f"Change to “{pupil.first}”"])
    ui.wait_for_editor_text(page, draft)  # every key typed is in the editor's model (and its undo history)
    page.wait_for_timeout(READING_MS)
    ui.click_in_panel(page, finding.get_by_role("button", name=f"Change to “{initials}”"))

    # The editor's own model holds the fix, and the draft is checked again: the name's warning is gone.
    fixed = draft.replace(pupil.full_name, initials)
    ui.wait_for_editor_text(page, fixed)
    expect(ui.panel_findings(page, "pupil-name")).to_have_count(0, timeout=ui.CHECK_TIMEOUT_MS)
    expect(ui.status(page)).not_to_contain_text(pupil.full_name)
    assert ui.editor_has_focus(page, site.editor_selector)

    # Undo is the editor's own, and it takes the fix back as one step; the warning returns.
    page.keyboard.press("Control+Z")
    ui.wait_for_editor_text(page, draft)
    wait_for_warning(page, pupil)

    # Typing on goes where the caret is, into a model that stayed whole.
    page.keyboard.press("Control+End")
    page.keyboard.type(" Bye")
    ui.wait_for_editor_text(page, draft + " Bye")
    assert ui.posted(page) == []


def test_a_personal_phone_number_is_removed_in_one_click(page, site):
    draft = "Any questions about the trip, text me on 07700 900123 tonight"
    type_draft(page, site, draft)
    finding = ui.panel_findings(page, "contact-details")
    expect(finding).to_contain_text("07700 900123", timeout=ui.CHECK_TIMEOUT_MS)
    ui.wait_for_editor_text(page, draft)  # every key typed is in the editor's model (and its undo history)
    page.wait_for_timeout(READING_MS)
    ui.click_in_panel(page, finding.get_by_role("button", name="Remove “07700 900123”"))

    ui.wait_for_editor_text(page, draft.replace("07700 900123 ", ""))  # the number and a space beside it
    expect(ui.panel_findings(page, "contact-details")).to_have_count(0, timeout=ui.CHECK_TIMEOUT_MS)
    page.keyboard.press("Control+Z")
    ui.wait_for_editor_text(page, draft)


def test_the_pause_offers_the_fixes_too_by_keyboard(page, site, pupil):
    draft = ui.draft_naming(pupil)
    type_draft(page, site, draft)
    wait_for_warning(page, pupil)
    ui.wait_for_editor_text(page, draft)  # every key typed is in the editor's model (and its undo history)
    page.wait_for_timeout(READING_MS)

    page.keyboard.press("Control+Enter")
    expect(ui.dialog(page)).to_be_visible()
    initials = f"{pupil.first[0]}.{pupil.last[0]}."
    # Tab from Edit comes round to the fixes, kept inside the dialog (once round at most)
    for _ in range(ui.dialog(page).get_by_role("button").count()):
        if focused_in_dialog(page) == f"Change to “{initials}”":
            break
        page.keyboard.press("Tab")
    assert focused_in_dialog(page) == f"Change to “{initials}”"
    page.keyboard.press("Enter")

    # Nothing is published; the fix is in the editor's own model, checked again, and undone by Ctrl+Z.
    expect(ui.dialog(page)).to_have_count(0)
    fixed = draft.replace(pupil.full_name, initials)
    ui.wait_for_editor_text(page, fixed)
    expect(ui.panel_findings(page, "pupil-name")).to_have_count(0, timeout=ui.CHECK_TIMEOUT_MS)
    assert ui.editor_has_focus(page, site.editor_selector)
    assert ui.posted(page) == []
    page.keyboard.press("Control+Z")
    ui.wait_for_editor_text(page, draft)
