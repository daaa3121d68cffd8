"""Debian's Chromium, driven by Playwright, with the unpacked extension loaded as shipped."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import BrowserContext, Playwright

CHROMIUM = "/usr/bin/chromium"
EXTENSION_DIR = Path(__file__).resolve().parents[2] / "extension"


def launch_with_extension(
    playwright: Playwright, profile_dir: Path, host_resolver_rules: str, extension: bool = True
) -> BrowserContext:
    """A persistent context (extensions need one) in new headless mode, with a fresh
    profile, the test hosts mapped to loopback and their throw-away certificate accepted."""
    args = [
        "--headless=new",  # extensions only run in the new headless mode
        "--no-sandbox",  # the tests run as root in CI
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--ignore-certificate-errors",
        f"--host-resolver-rules={host_resolver_rules}",
    ]
    if extension:
        args += [f"--disable-extensions-except={EXTENSION_DIR}", f"--load-extension={EXTENSION_DIR}"]
    return playwright.chromium.launch_persistent_context(
        str(profile_dir),
        executable_path=CHROMIUM,
        headless=False,  # --headless=new above; Playwright's own flag would pick the old mode
        args=args,
        viewport={"width": 1000, "height": 800},
    )


def extension_id(context: BrowserContext) -> str:
    """The unpacked extension's id, read off its service worker's URL."""
    workers = context.service_workers or [context.wait_for_event("serviceworker", timeout=15_000)]
    return workers[0].url.split("/")[2]


def manifest() -> dict:
    return json.loads((EXTENSION_DIR / "manifest.json").read_text(encoding="utf-8"))


def options_path() -> str:
    data = manifest()
    return data.get("options_ui", {}).get("page") or data["options_page"]


def popup_path() -> str:
    return manifest()["action"]["default_popup"]


def configure_extension(context: BrowserContext, extension_id: str, server_url: str, token: str) -> None:
    """Fills in the extension's own options page, as a member of staff would."""
    page = context.new_page()
    try:
        page.goto(f"chrome-extension://{extension_id}/{options_path()}")
        page.get_by_label("Server URL").fill(server_url)
        page.get_by_label("Access token").fill(token)
        page.get_by_role("button", name="Save").click()
        page.wait_for_timeout(300)  # let chrome.storage settle before the next page reads it
    finally:
        page.close()


def add_site(context: BrowserContext, extension_id: str, host: str, kind_label: str) -> None:
    """Adds a site (a Mastodon instance, say) the way a member of staff does.

    Options asks Chromium for the host permission at that moment, and Chromium's
    permission prompt cannot be answered from Playwright; so the grant is made first
    through chrome://extensions' "Site access" controls (what the person could also do
    there), after which the prompt is skipped and Options carries on as after "Allow"."""
    grant = context.new_page()
    try:
        grant.goto("chrome://extensions/")
        grant.evaluate("([id, pattern]) => chrome.developerPrivate.addHostPermission(id, pattern)",
                       [extension_id, f"https://{host}/*"])
    finally:
        grant.close()
    page = context.new_page()
    try:
        page.goto(f"chrome-extension://{extension_id}/{options_path()}")
        page.get_by_label("Site address").fill(host)
        page.get_by_label("Kind of site").select_option(label=kind_label)
        page.get_by_role("button", name="Add site").click()
        page.get_by_text(f"Added {host}").wait_for()
    finally:
        page.close()
