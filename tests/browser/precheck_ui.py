"""What the extension draws on a page (see extension/SITES.md, "What Precheck itself
adds to a page"), found the way assistive technology finds it: in the extension's own
frames (extension pages in iframes, which page scripts cannot read), by ARIA role and
accessible name. Playwright reaches into those frames as a screen reader does."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Frame, FrameLocator, Locator, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

PROBES = (Path(__file__).parent / "probes.js").read_text(encoding="utf-8")
DEV_SET = Path(__file__).resolve().parents[1] / "data" / "thornbury"

# How long a check may take to show: ~500 ms pause after typing, then the service
# (generous: the CI machine is shared, and this bounds a wait, it times nothing).
CHECK_TIMEOUT_MS = 15_000


def overlay(page: Page) -> FrameLocator:
    """The overlay frame of the (first) editor being checked: highlights and panel."""
    return page.frame_locator('iframe[data-precheck="overlay"] >> nth=0')


def dialog_frame(page: Page) -> FrameLocator:
    return page.frame_locator('iframe[data-precheck="dialog"]')


def status(page: Page) -> Locator:
    """The live region (role="status") listing the findings beside the editor."""
    return overlay(page).get_by_role("status")


def panel_findings(page: Page, category: str | None = None) -> Locator:
    selector = "li.precheck-finding" + (f'[data-category="{category}"]' if category else "")
    return status(page).locator(selector)


def dialog(page: Page) -> Locator:
    return dialog_frame(page).get_by_role("alertdialog")


def frame_of(page: Page, kind: str) -> Frame:
    """The Frame of Precheck's overlay or dialog iframe, for evaluating inside it."""
    frame = page.locator(f'iframe[data-precheck="{kind}"]').first.element_handle().content_frame()
    assert frame is not None
    return frame


def highlights(page: Page) -> list[dict]:
    """Each highlight rectangle the overlay drew, with the finding it belongs to (the
    overlay frame covers the viewport from its top left corner, so its coordinates are
    the page's)."""
    return overlay(page).locator(".precheck-highlight").evaluate_all(
        """elements => elements.map(e => {
             const r = e.getBoundingClientRect();
             return {start: Number(e.dataset.start), end: Number(e.dataset.end),
                     category: e.dataset.category, severity: e.dataset.severity,
                     x: r.x, y: r.y, width: r.width, height: r.height};
           })"""
    )


def flagged_text_rects(page: Page, editor_selector: str, quote: str) -> list[dict] | None:
    return page.evaluate(
        f"([selector, quote]) => ({PROBES}).flaggedTextRects(selector, quote)", [editor_selector, quote])


def editor_text(page: Page) -> str:
    """The draft as the editor's own model holds it (Draft.js ContentState, Lexical
    root, Quill delta, ProseMirror doc, textarea value)."""
    return page.evaluate("window.__editorText()")


def posted(page: Page) -> list[str]:
    return page.evaluate("window.__posted")


def editor_has_focus(page: Page, editor_selector: str) -> bool:
    return page.evaluate(
        f"""selector => {{ const probes = ({PROBES});
                          const editor = probes.find(selector);
                          const active = probes.activeElement();
                          return document.hasFocus() && (editor === active || editor.contains(active)); }}""",
        editor_selector)


def checks_made(service) -> int:
    """Check requests the service has answered so far (its access log names the path,
    never the draft)."""
    return service.output().count("POST /api/v1/check")


def readable_by_page(page: Page, editor_selector: str) -> dict:
    """What the page's own scripts can read outside the editor: {"text", "frames":
    {"readable", "unreadable"}} (page.evaluate runs in the page's own world)."""
    return page.evaluate(f"(selector) => ({PROBES}).readableByPage(selector)", editor_selector)


def write_as_page_script(page: Page, editor_selector: str, text: str) -> None:
    """The page's own script writing into the editor (no key pressed, nothing pasted)."""
    page.evaluate(f"([selector, text]) => ({PROBES}).writeIntoEditor(selector, text)", [editor_selector, text])


def utf16_slice(text: str, start: int, end: int) -> str:
    """text[start:end] with offsets counted in UTF-16 code units, as the service counts them."""
    units = text.encode("utf-16-le")
    return units[2 * start:2 * end].decode("utf-16-le")


@dataclass(frozen=True)
class Pupil:
    first: str
    last: str

    @property
    def full_name(self) -> str:
        return f"{self.first} {self.last}"


def dev_set_pupils() -> list[Pupil]:
    """Pupils of the development set that go by their legal first name, for drafts
    that name a pupil the way a proud teacher would."""
    with open(DEV_SET / "pupils.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [Pupil(row["Forename"], row["Surname"]) for row in rows
            if not row["Preferred Forename"] and row["Forename"].isalpha() and row["Surname"].isalpha()]


def draft_naming(pupil: Pupil) -> str:
    """A draft that names a pupil in a plainly school context."""
    return f"So proud of {pupil.full_name} in assembly today, what a star!"


def click_in_panel(page: Page, target: Locator, attempts: int = 10) -> None:
    """Click a button of the panel as a person does: the pointer comes over the button
    first (until then the overlay frame lets the pointer through to the page), then
    presses. The panel may still be moving to its place beside the editor when it first
    shows, so the pointer goes to where the button is now, as often as needed."""
    for attempt in range(attempts):
        target.scroll_into_view_if_needed()
        box = target.bounding_box()
        assert box is not None, "the button is not on screen"
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        try:
            target.click(timeout=1_000)
            return
        except PlaywrightTimeoutError:
            if attempt == attempts - 1:
                raise


def wait_for_editor_text(page: Page, expected: str) -> None:
    """Until the editor's own model holds `expected` (a fix or an undo lands in a task or two)."""
    page.wait_for_function("expected => window.__editorText() === expected", arg=expected, timeout=5_000)
