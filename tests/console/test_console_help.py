"""Help: every page links to its own part of docs/console.md, shown at /admin/help."""
import html as html_lib
import re

import pytest

PAGES = [("/admin/", "Overview"), ("/admin/pupils", "Pupils"), ("/admin/staff", "Staff"),
         ("/admin/school-terms", "School names"), ("/admin/tokens", "Access tokens"),
         ("/admin/enrolment", "Enrolment links"), ("/admin/settings", "Settings"), ("/admin/try", "Try a post"),
         ("/admin/audit", "Audit log")]


@pytest.mark.parametrize("path, title", PAGES)
def test_each_page_links_to_the_help_about_it(admin_client, path, title):
    page = admin_client.get(path, follow_redirects=True)
    assert page.status_code == 200, path
    link = re.search(r'<a href="/admin/help(#[a-z0-9-]*)"', page.get_data(as_text=True))
    assert link and link[1], path
    help_page = html_lib.unescape(admin_client.get("/admin/help").get_data(as_text=True))
    section = re.search(rf'<section class="card" id="{link[1][1:]}".*?</section>', help_page, re.S)
    assert section, link[1]
    heading = re.search(r"<h2[^>]*>(.*?)</h2>", section[0])[1]
    assert title in heading


def test_the_help_says_what_the_settings_page_does(admin_client):
    help_page = html_lib.unescape(admin_client.get("/admin/help").get_data(as_text=True))
    settings = re.search(r'id="settings".*?</section>', help_page, re.S)[0]
    assert "Working hours" in settings and "<code>08:30-10:40" in settings
