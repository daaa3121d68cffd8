"""The console for a trust: the trust's admin switches schools and creates schools and school
admins; a school admin sees their own school alone; every page names the school it shows."""
import re

import pytest

from backend.auth import hash_password
from nlp import Settings
from nlp.lists import Pupil
from tests.console.conftest import csrf_token, sign_in

SCHOOL_ADMIN = "office@southgate.example"
SCHOOL_PASSWORD = "southgate office password"


def post_form(client, path, fields, page="/admin/schools"):
    token = csrf_token(client.get(page).get_data(as_text=True))
    return client.post(path, data={**fields, "csrf_token": token})


@pytest.fixture
def southgate(store):
    school = store.create_school("southgate", "Southgate Academy", "test")
    store.replace_list("pupils", [Pupil(first_name="Tobias", last_name="Wreford")], "test", school.id)
    store.replace_list("pupils", [Pupil(first_name="Aisha", last_name="Khan")], "test")  # the default school
    store.upsert_admin(SCHOOL_ADMIN, hash_password(SCHOOL_PASSWORD), "test", school.id)
    return school


def test_the_trust_admin_switches_school_and_every_page_names_it(admin_client, southgate):
    pupils = admin_client.get("/admin/pupils").get_data(as_text=True)
    assert "Default school" in pupils and "Khan" in pupils and "Wreford" not in pupils
    switched = post_form(admin_client, "/admin/schools/switch", {"school_id": southgate.id})
    assert switched.status_code == 302
    for path in ("/admin/", "/admin/pupils", "/admin/staff", "/admin/tokens", "/admin/settings", "/admin/audit",
                 "/admin/try"):
        page = admin_client.get(path).get_data(as_text=True)
        assert "School: <strong>Southgate Academy</strong>" in page, path
    pupils = admin_client.get("/admin/pupils").get_data(as_text=True)
    assert "Wreford" in pupils and "Khan" not in pupils


def test_the_trust_admin_creates_a_school_and_its_admin(admin_client, app):
    assert post_form(admin_client, "/admin/schools", {"slug": "northfield", "name": "Northfield High"}).status_code == 302
    assert post_form(admin_client, "/admin/schools", {"slug": "northfield", "name": "Again"}).status_code == 400
    assert post_form(admin_client, "/admin/schools", {"slug": "No Good", "name": "Bad"}).status_code == 400
    store = app.extensions["precheck"].store
    school = store.school_by_slug("northfield")
    created = post_form(admin_client, "/admin/schools/admins",
                        {"school_id": school.id, "email": "head@northfield.example", "password": "long enough pass"})
    assert created.status_code == 302
    assert [a.email for a in store.admins(school.id)] == ["head@northfield.example"]
    assert "Northfield High" in admin_client.get("/admin/schools").get_data(as_text=True)


def test_a_school_admin_sees_their_own_school_alone(client, southgate, store):
    assert sign_in(client, SCHOOL_ADMIN, SCHOOL_PASSWORD).status_code == 302
    pupils = client.get("/admin/pupils").get_data(as_text=True)
    assert "Southgate Academy" in pupils and "Wreford" in pupils and "Khan" not in pupils
    assert client.get("/admin/schools").status_code == 403
    assert "Default school" not in client.get("/admin/").get_data(as_text=True)
    # Switching to another school is refused and changes nothing.
    assert post_form(client, "/admin/schools/switch", {"school_id": 1}, page="/admin/").status_code == 403
    assert "Khan" not in client.get("/admin/pupils").get_data(as_text=True)
    # Another school's entries cannot be reached by id either.
    from backend.store import PupilRow
    with store.session() as db:
        khan_id = db.query(PupilRow.id).filter(PupilRow.last_name == "Khan").scalar()
    edit = client.get(f"/admin/pupils/{khan_id}/edit")
    assert "Khan" not in edit.get_data(as_text=True)
    assert edit.status_code in (302, 404)


def test_a_school_admins_audit_log_has_only_their_school(client, southgate, store):
    store.replace_settings(Settings(note="default note"), "admin:someone@default.example")
    assert sign_in(client, SCHOOL_ADMIN, SCHOOL_PASSWORD).status_code == 302
    audit = client.get("/admin/audit").get_data(as_text=True)
    assert "someone@default.example" not in audit


def test_clauses_are_edited_beside_the_note(admin_client, store):
    page = admin_client.get("/admin/settings").get_data(as_text=True)
    fields = dict(re.findall(r'name="([^"]+)"[^>]*value="([^"]*)"', page))
    fields.update({"timezone": "Europe/London", "note": "Ask Mrs Kauser.", "clause-pupil-name": "5.3"})
    for name in re.findall(r'name="(enabled-[^"]+)"[^>]*checked', page):
        fields[name] = "on"
    assert admin_client.post("/admin/settings", data=fields).status_code == 302
    assert store.settings()[1].clauses == {"pupil-name": "5.3"}
    assert 'value="5.3"' in admin_client.get("/admin/settings").get_data(as_text=True)
    fields["clause-pupil-name"] = "5.3; bad"
    assert admin_client.post("/admin/settings", data=fields).status_code == 400
    assert store.settings()[1].clauses == {"pupil-name": "5.3"}


def test_the_trust_admin_renames_a_school_and_it_keeps_everything(admin_client, southgate, store):
    page = f"/admin/schools/{southgate.id}"
    assert "Southgate Academy" in admin_client.get(page).get_data(as_text=True)
    refused = post_form(admin_client, f"{page}/rename", {"name": "Southgate", "slug": "default"}, page=page)
    assert refused.status_code == 400 and "taken" in refused.get_data(as_text=True)
    assert post_form(admin_client, f"{page}/rename", {"name": "Southgate Park Academy", "slug": "southgate-park"},
                     page=page).status_code == 302
    school = store.school(southgate.id)
    assert (school.slug, school.name) == ("southgate-park", "Southgate Park Academy")
    assert [p.last_name for p in store.entries("pupils", school.id)[1]] == ["Wreford"]
    assert [a.email for a in store.admins(school.id)] == [SCHOOL_ADMIN]
    assert [e.target for e in store.audit_log(school_id=school.id) if e.action == "school.rename"] == \
        ["southgate -> southgate-park; name"]


def test_the_trust_admin_revokes_a_schools_admin_token(admin_client, southgate, store):
    from backend.auth import issue_token
    row, _ = issue_token(store, "admin", "Southgate office API", "test", southgate.id)
    other, _ = issue_token(store, "admin", "Trust API", "test")
    page = f"/admin/schools/{southgate.id}"
    html = admin_client.get(page).get_data(as_text=True)
    assert "Southgate office API" in html and "Trust API" not in html
    # Only this school's admin tokens are revoked here: the trust's is not found under it.
    post_form(admin_client, f"{page}/admin-tokens/{other.id}/revoke", {}, page=page)
    assert [t.revoked_at for t in store.tokens("admin", None)] == [None]
    assert post_form(admin_client, f"{page}/admin-tokens/{row.id}/revoke", {}, page=page).status_code == 302
    assert store.tokens("admin", southgate.id)[0].revoked_at is not None
    assert "Revoked" in admin_client.get(page).get_data(as_text=True)


def test_deleting_a_school_asks_for_its_slug_then_erases_it(admin_client, southgate, store):
    page = f"/admin/schools/{southgate.id}"
    post_form(admin_client, "/admin/schools/switch", {"school_id": southgate.id})
    wrong = post_form(admin_client, f"{page}/delete", {"confirm_slug": "southgat"}, page=page)
    assert wrong.status_code == 400 and "Nothing was deleted" in wrong.get_data(as_text=True)
    assert store.school(southgate.id) is not None
    deleted = post_form(admin_client, f"{page}/delete", {"confirm_slug": "southgate"}, page=page)
    assert deleted.status_code == 302
    assert store.school(southgate.id) is None and store.admins(southgate.id) == []
    listing = admin_client.get("/admin/schools").get_data(as_text=True)
    assert "Deleted Southgate Academy: 1 pupils" in listing and "Show Southgate Academy" not in listing
    # The console was showing it: it shows the default school again, and the deleted one's page is gone.
    assert "School: <strong>Default school</strong>" in admin_client.get("/admin/pupils").get_data(as_text=True)
    assert admin_client.get(page).status_code == 404
    assert "deleted a school" in admin_client.get("/admin/audit").get_data(as_text=True)


def test_the_default_school_has_no_delete_and_refuses_one(admin_client, store):
    page = "/admin/schools/1"
    assert "Delete this school" not in admin_client.get(page).get_data(as_text=True)
    assert post_form(admin_client, f"{page}/delete", {"confirm_slug": "default"}, page=page).status_code == 400
    assert store.school(1) is not None


def test_a_deleted_schools_admin_is_signed_out(client, southgate, store, app):
    assert sign_in(client, SCHOOL_ADMIN, SCHOOL_PASSWORD).status_code == 302
    assert client.get("/admin/pupils").status_code == 200
    store.delete_school(southgate.id, "test")
    response = client.get("/admin/pupils")
    assert response.status_code == 302 and "/admin/sign-in" in response.headers["Location"]
    assert sign_in(client, SCHOOL_ADMIN, SCHOOL_PASSWORD).status_code == 401


def test_a_school_admin_cannot_manage_schools(client, southgate, store):
    assert sign_in(client, SCHOOL_ADMIN, SCHOOL_PASSWORD).status_code == 302
    page = f"/admin/schools/{southgate.id}"
    assert client.get(page).status_code == 403
    own_id = store.admins(southgate.id)[0].id
    for action, fields in (("rename", {"name": "Mine", "slug": "mine"}), ("delete", {"confirm_slug": "southgate"}),
                           (f"admins/{own_id}/remove", {})):
        assert post_form(client, f"{page}/{action}", fields, page="/admin/").status_code == 403


def test_a_form_for_a_school_deleted_meanwhile_is_applied_to_no_other(admin_client, southgate, store):
    post_form(admin_client, "/admin/schools/switch", {"school_id": southgate.id})
    token = csrf_token(admin_client.get("/admin/pupils/new").get_data(as_text=True))
    store.delete_school(southgate.id, "test")  # by another admin, between the form and its saving
    saved = admin_client.post("/admin/pupils/new", data={"first_name": "Late", "last_name": "Entry",
                                                         "csrf_token": token})
    assert saved.status_code == 302 and saved.headers["Location"].endswith("/admin/")
    assert [p.last_name for p in store.entries("pupils")[1]] == ["Khan"]  # the default school's, unchanged
    page = admin_client.get("/admin/").get_data(as_text=True)
    assert "has been deleted; it now shows Default school" in page
    assert "School: <strong>Default school</strong>" in page


def test_the_trust_admin_removes_a_school_admin_who_is_signed_out_at_once(admin_client, app, southgate, store):
    from backend.store import AdminUser
    from tests.console.conftest import ADMIN_EMAIL
    school_admins_browser = app.test_client()
    assert sign_in(school_admins_browser, SCHOOL_ADMIN, SCHOOL_PASSWORD).status_code == 302
    assert school_admins_browser.get("/admin/pupils").status_code == 200
    page = f"/admin/schools/{southgate.id}"
    assert f"Remove {SCHOOL_ADMIN}" in admin_client.get(page).get_data(as_text=True)
    with store.session() as s:
        trust_admin_id = s.query(AdminUser.id).filter(AdminUser.email == ADMIN_EMAIL).scalar()
    # Only this school's accounts are removed here: the trust's own is not found under it.
    post_form(admin_client, f"{page}/admins/{trust_admin_id}/remove", {}, page=page)
    assert admin_client.get("/admin/").status_code == 200
    school_admin_id = store.admins(southgate.id)[0].id
    assert post_form(admin_client, f"{page}/admins/{school_admin_id}/remove", {}, page=page).status_code == 302
    assert store.admins(southgate.id) == []
    assert school_admins_browser.get("/admin/pupils").status_code == 302  # signed out at once
    assert sign_in(school_admins_browser, SCHOOL_ADMIN, SCHOOL_PASSWORD).status_code == 401
    assert [e.target for e in store.audit_log(school_id=southgate.id) if e.action == "admin.remove"] == [SCHOOL_ADMIN]
