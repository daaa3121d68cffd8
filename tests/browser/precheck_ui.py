"""What the extension draws on a page (see extension/SITES.md, "What Precheck itself
adds to a page"), found the way assistive technology finds it: open shadow roots,
ARIA roles and accessible names. Playwright's CSS and role locators pierce open
shadow roots."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Locator, Page

PROBES = (Path(__file__).parent / "probes.js").read_text(encoding="utf-8")
DEV_SET = Path(__file__).resolve().parents[1] / "data" / "thornbury"

# How long a check may take to show: ~500 ms pause after typing, then the service
# (generous: the CI machine is shared, and this bounds a wait, it times nothing).
CHECK_TIMEOUT_MS = 15_000


def status(page: Page) -> Locator:
    """The live region (role="status") listing the findings beside the editor."""
    return page.locator('[data-precheck="overlay"]').get_by_role("status")


def dialog(page: Page) -> Locator:
    return page.get_by_role("alertdialog")


def highlights(page: Page) -> list[dict]:
    """Each highlight rectangle the overlay drew, with the finding it belongs to."""
    return page.locator('[data-precheck="overlay"] .precheck-highlight').evaluate_all(
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
        """selector => { const editor = document.querySelector(selector);
                         return editor === document.activeElement || editor.contains(document.activeElement); }""",
        editor_selector)


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
