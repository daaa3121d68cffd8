"""Fixtures for the extension's browser tests: the compose pages built from npm, the
HTTPS server playing the sites, the real service, and one Chromium with the unpacked
extension configured through its own options page (shared by the whole session)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import extension_browser
from dev_set_service import running_service
from site_server import PAGES_DIST, SITES, SiteServer, build_pages, make_certificate

@pytest.fixture(scope="session")
def built_pages() -> Path:
    if shutil.which("npm") is None:
        pytest.fail("npm (Node.js) is needed to build the browser test pages")
    build_pages()
    return PAGES_DIST


@pytest.fixture(scope="session")
def site_server(built_pages, tmp_path_factory):
    cert, key = make_certificate(tmp_path_factory.mktemp("certificate"))
    with SiteServer(cert, key) as server:
        yield server


@pytest.fixture(scope="session")
def service():
    with running_service() as running:
        yield running


@pytest.fixture(scope="session")
def staff_token(service) -> str:
    return service.staff_token("browser tests")


@pytest.fixture(scope="session")
def browser_context(playwright_instance, site_server, tmp_path_factory):
    context = extension_browser.launch_with_extension(
        playwright_instance, tmp_path_factory.mktemp("profile"), site_server.host_resolver_rules())
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture(scope="session")
def extension_id(browser_context) -> str:
    return extension_browser.extension_id(browser_context)


@pytest.fixture(scope="session")
def first_install_options(browser_context, extension_id) -> str | None:
    """The URL of the Options tab the extension opened by itself on install, if any
    (closed once seen, so the tests open Options as a person would)."""
    page = extension_browser.wait_for_options_tab(browser_context, extension_id)
    if page is None:
        return None
    url = page.url
    page.close()
    return url


@pytest.fixture(scope="session")
def configured_extension(browser_context, extension_id, first_install_options, service, staff_token) -> str:
    extension_browser.configure_extension(browser_context, extension_id, service.url, staff_token)
    return extension_id


@pytest.fixture(scope="session")
def user_added_sites(browser_context, configured_extension) -> list[str]:
    """The test sites the extension is not on by default (Mastodon), added in Options."""
    added = [site for site in SITES if site.added_as]
    for site in added:
        extension_browser.add_site(browser_context, configured_extension, site.host, site.added_as)
    return [site.host for site in added]


@pytest.fixture
def page(browser_context, configured_extension, user_added_sites):
    page = browser_context.new_page()
    yield page
    page.close()
