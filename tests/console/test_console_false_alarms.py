"""The console's False alarms page: what staff reported this month, in words, and a one-click
school-wide exception (audited, CSRF-protected) that the next check honours."""
import html as html_lib
import re

from tests.conftest import ADMIN_TOKEN
from tests.console.conftest import csrf_token

ADMIN = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
DRAFT = "Well done Grace Adebayo on the poetry prize in today's English lesson"


def staff_headers(client, label):
    token = client.post("/api/v1/admin/tokens", json={"label": label}, headers=ADMIN).get_json()["token"]
    return {"Authorization": f"Bearer {token}"}


def pupil_names(client, headers):
    answer = client.post("/api/v1/check", json={"text": DRAFT}, headers=headers).get_json()
    return [f["quote"] for f in answer["findings"] if f["category"] == "pupil-name"]


def page_text(client) -> str:
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", client.get("/admin/false-alarms")
                                             .get_data(as_text=True))).split())


def test_reports_are_shown_in_words_and_one_click_makes_an_audited_exception(admin_client, store):
    assert admin_client.put("/api/v1/admin/lists/pupils", data=b"first_name,last_name\nGrace,Adebayo\n",
                            headers={**ADMIN, "Content-Type": "text/csv"}).status_code == 200
    teachers = [staff_headers(admin_client, f"teacher {n}") for n in range(3)]
    assert pupil_names(admin_client, teachers[0]) == ["Grace Adebayo"]
    for headers in teachers[:2]:
        assert admin_client.post("/api/v1/false-alarms", json={"category": "pupil-name", "words": "Grace Adebayo"},
                                 headers=headers).status_code == 202
    admin_client.post("/api/v1/false-alarms", json={"category": "work-discussion", "words": "lesson"},
                      headers=teachers[2])

    text = page_text(admin_client)
    assert "Grace Adebayo as a pupil's name: dismissed by 2 staff this month" in text
    assert "lesson as talk about work: dismissed by 1 member of staff this month" in text
    assert DRAFT not in text

    page = admin_client.get("/admin/false-alarms").get_data(as_text=True)
    form = {"csrf_token": csrf_token(page), "category": "pupil-name", "words": "Grace Adebayo"}
    assert admin_client.post("/admin/false-alarms/exceptions", data={**form, "csrf_token": ""}).status_code in (400, 403)
    assert pupil_names(admin_client, teachers[0]) == ["Grace Adebayo"]  # the forged form changed nothing

    made = admin_client.post("/admin/false-alarms/exceptions", data=form, follow_redirects=True)
    assert made.status_code == 200
    assert "no longer flagged as a pupil's name for anyone" in html_lib.unescape(made.get_data(as_text=True))
    assert pupil_names(admin_client, teachers[2]) == []
    text = page_text(admin_client)
    assert "A school-wide exception is in force." in text
    assert "Grace Adebayo as a pupil's name" in text.split("School-wide exceptions")[1]
    audit = page_text_of(admin_client, "/admin/audit")
    assert "made a school-wide exception" in audit and "Grace" not in audit

    (exception,) = store.school_exceptions(1)
    page = admin_client.get("/admin/false-alarms").get_data(as_text=True)
    removed = admin_client.post(f"/admin/false-alarms/exceptions/{exception.id}/remove",
                                data={"csrf_token": csrf_token(page)}, follow_redirects=True)
    assert removed.status_code == 200 and store.school_exceptions(1) == []
    assert pupil_names(admin_client, teachers[2]) == ["Grace Adebayo"]
    assert "removed a school-wide exception" in page_text_of(admin_client, "/admin/audit")


def page_text_of(client, path) -> str:
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", client.get(path).get_data(as_text=True))).split())


def test_the_page_needs_a_signed_in_admin_and_says_when_nothing_was_reported(client, admin_client):
    assert "No false alarms reported this month." in page_text(admin_client)
    admin_client.post("/admin/sign-out", data={"csrf_token": csrf_token(admin_client.get("/admin/").get_data(as_text=True))})
    assert client.get("/admin/false-alarms").status_code == 302
