"""Debian's Chromium, driven by Playwright, with the unpacked extension loaded as shipped."""

from __future__ import annotations

import json
import os
import subprocess
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import BrowserContext, Page, Playwright

CHROMIUM = "/usr/bin/chromium"
# The unpacked extension under test; another copy (a release build, a commit's
# snapshot) can be tested by pointing PRECHECK_TEST_EXTENSION_DIR at it.
ROOT = Path(__file__).resolve().parents[2]
EXTENSION_DIR = Path(os.environ.get("PRECHECK_TEST_EXTENSION_DIR") or ROOT / "extension").resolve()


def build_extension() -> None:
    """The repository's extension with its content script built from the sources
    (`make extension`); another copy under test is taken as it is."""
    if EXTENSION_DIR == (ROOT / "extension").resolve():
        subprocess.run(["make", "-s", "-C", str(ROOT), "extension"], check=True, timeout=600)


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
        build_extension()
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


def options_url(extension_id: str) -> str:
    return f"chrome-extension://{extension_id}/{options_path()}"


def wait_for_options_tab(context: BrowserContext, extension_id: str, timeout_ms: int = 10_000) -> Page | None:
    """The Options tab the extension opens by itself on first install, once it is there
    (None if it never opens). Configuring before it appears would race with it: the
    extension's openOptionsPage() takes over any tab already showing Options."""
    url = options_url(extension_id)
    waiter = context.pages[0] if context.pages else context.new_page()
    for _ in range(timeout_ms // 100):
        for page in context.pages:
            if page.url.startswith(url):
                page.wait_for_load_state()
                return page
        waiter.wait_for_timeout(100)  # lets Playwright hear of new tabs meanwhile
    return None


def open_options(context: BrowserContext, extension_id: str) -> Page:
    """Options, once it has loaded what is saved (its list of sites is drawn last)."""
    page = context.new_page()
    page.goto(options_url(extension_id))
    page.get_by_label("Check my posts on X (Twitter)").wait_for()
    return page


def configure_extension(context: BrowserContext, extension_id: str, server_url: str, token: str) -> None:
    """Fills in the extension's own options page, as a member of staff would."""
    page = open_options(context, extension_id)
    try:
        page.get_by_label("Server URL").fill(server_url)
        page.get_by_label("Access token").fill(token)
        page.get_by_role("button", name="Save").click()
        page.get_by_text("Saved.").wait_for()
    finally:
        page.close()


def grant_host_access(context: BrowserContext, extension_id: str, pattern: str, granted: bool = True) -> None:
    """Grants (or withdraws) the extension's access to `pattern` through chrome://extensions'
    "Site access" controls, as the person can there."""
    grant = context.new_page()
    try:
        grant.goto("chrome://extensions/")
        method = "addHostPermission" if granted else "removeHostPermission"
        grant.evaluate(f"([id, pattern]) => chrome.developerPrivate.{method}(id, pattern)", [extension_id, pattern])
    finally:
        grant.close()


@contextmanager
def host_access(context: BrowserContext, extension_id: str, pattern: str):
    """The extension holding access to `pattern` for the block's length, as after the
    person allowed it (granted in chrome://extensions, then asked for without a prompt)."""
    grant_host_access(context, extension_id, pattern)
    page = open_options(context, extension_id)
    try:
        assert page.evaluate("(pattern) => chrome.permissions.request({origins: [pattern]})", pattern)
        yield
    finally:
        page.evaluate("(pattern) => chrome.permissions.remove({origins: [pattern]})", pattern)
        page.close()
        grant_host_access(context, extension_id, pattern, granted=False)


def add_site(context: BrowserContext, extension_id: str, host: str, kind_label: str) -> None:
    """Adds a site (a Mastodon instance, say) the way a member of staff does.

    Options asks Chromium for the host permission at that moment, and Chromium's
    permission prompt cannot be answered from Playwright; so the grant is made first
    through chrome://extensions' "Site access" controls (what the person could also do
    there), after which the prompt is skipped and Options carries on as after "Allow"."""
    grant_host_access(context, extension_id, f"https://{host}/*")
    page = open_options(context, extension_id)
    try:
        page.get_by_label("Site address").fill(host)
        page.get_by_label("Kind of site").select_option(label=kind_label)
        page.get_by_role("button", name="Add site").click()
        page.get_by_text(f"Added {host}").wait_for()
    finally:
        page.close()
