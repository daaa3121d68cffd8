"""Enrolment links in the console: created for the staff list at once, shown once (or as a CSV
file), who has enrolled, revoked."""
import html as html_lib
import re
from urllib.parse import urlsplit

from nlp.lists import StaffMember
from tests.console.conftest import csrf_token


def _create(client, **extra):
    page = client.get("/admin/enrolment").get_data(as_text=True)
    return client.post("/admin/enrolment", data={"csrf_token": csrf_token(page), **extra})


def test_links_for_the_staff_list_are_shown_once_and_the_page_says_who_enrolled(admin_client, store):
    store.replace_list("staff", [StaffMember("Amina", "Kauser", "Mrs"), StaffMember("Tom", "Bright", "Mr")], "test")
    page = admin_client.get("/admin/enrolment").get_data(as_text=True)
    assert "2 on the staff list have no link" in page
    response = _create(admin_client)
    assert response.status_code == 201 and response.headers["Cache-Control"] == "no-store"
    shown = html_lib.unescape(response.get_data(as_text=True))
    links = dict(re.findall(r"<td>([^<]+)</td><td><code class=\"secret\">(http[^<]+)</code>", shown))
    assert set(links) == {"Mrs Amina Kauser", "Mr Tom Bright"}
    code = urlsplit(links["Mr Tom Bright"]).fragment
    assert admin_client.post("/api/v1/enrol", json={"code": code}).status_code == 200

    page = html_lib.unescape(admin_client.get("/admin/enrolment").get_data(as_text=True))
    assert code not in page  # never shown again
    assert re.search(r"<td>Mr Tom Bright</td>\s*<td>Enrolled</td>", page)
    assert re.search(r"<td>Mrs Amina Kauser</td>\s*<td>Link sent, not used yet</td>", page)
    assert "Everyone on the staff list has a link on its way or has enrolled" in page
    audit = admin_client.get("/admin/audit").get_data(as_text=True)
    assert "created enrolment links" in audit and "enrolled with a link" in audit

    revoke = re.search(r'action="(/admin/enrolment/\d+/revoke)"[^>]*>\s*<input[^>]*>\s*'
                       r'<button[^>]*aria-label="Revoke Mr Tom Bright"', page)
    assert revoke, page
    done = admin_client.post(revoke[1], data={"csrf_token": csrf_token(page)}, follow_redirects=True)
    assert "and the token it gave" in done.get_data(as_text=True)
    assert [t.revoked_at is not None for t in store.tokens("staff")] == [True]


def test_links_can_be_had_as_a_csv_file_for_a_mail_merge(admin_client, store):
    store.replace_list("staff", [StaffMember("Amina", "Kauser", "Mrs")], "test")
    response = _create(admin_client, **{"as": "csv"})
    assert response.status_code == 201 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    header, row = response.get_data(as_text=True).strip().splitlines()
    assert header == "name,link,expires" and row.startswith("Mrs Amina Kauser,http://localhost/enrol#pce_")
