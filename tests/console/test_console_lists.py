"""The name-list pages: upload with a preview, search, add, edit, remove; every change bumps lists_version."""
import re
from io import BytesIO
from pathlib import Path

from sqlalchemy import select

from backend.console.uploads import PendingUpload
from nlp.lists import Pupil, StaffMember
from tests.console.conftest import csrf_token

DATA = Path(__file__).parent.parent / "data" / "thornbury"


def _token(client, path="/admin/pupils"):
    return csrf_token(client.get(path).get_data(as_text=True))


def _upload(client, kind, content: bytes, filename="export.csv"):
    return client.post(f"/admin/{kind}/upload", content_type="multipart/form-data",
                       data={"csrf_token": _token(client), "file": (BytesIO(content), filename)})


def _entries(store, kind):
    return store.entries(kind)[1]


def test_upload_shows_a_preview_and_changes_nothing_until_confirmed(admin_client, store):
    store.replace_list("pupils", [Pupil("Old", "Pupil")], "test")
    version = store.lists_version()
    csv = (b"Forename,Surname,Preferred Forename,Year,Reg Group,UPN\r\n"
           b"Aisha,Khan,,9,9W,A123\r\nJoseph,Smith,Joe,7,7B,A124\r\n,Nosurname,,8,8R,A125\r\n")
    response = _upload(admin_client, "pupils", csv, "sims.csv")
    assert response.status_code == 302
    preview = admin_client.get(response.headers["Location"])
    html = preview.get_data(as_text=True)
    assert re.search(r'id="preview-count">2<', html)
    assert re.search(r'id="preview-current">1<', html)
    assert re.search(r'id="preview-rejected">1<', html)
    assert "“Reg Group” read as <strong>form</strong>" in html
    assert "“UPN” ignored" in html
    assert "a pupil needs both a first name and a surname" in html and "<td class=\"num\">4</td>" in html
    # the words import-list prints too (backend.uploads.Preview.warnings)
    assert "1 row of the file cannot be read and will be left out" in html
    assert store.lists_version() == version and _entries(store, "pupils") == [Pupil("Old", "Pupil")]

    confirm = admin_client.post(response.headers["Location"],
                                data={"csrf_token": csrf_token(html), "decision": "replace"})
    assert confirm.status_code == 302
    assert store.lists_version() > version
    assert [(p.first_name, p.preferred_name, p.form) for p in _entries(store, "pupils")] == \
        [("Aisha", "", "9W"), ("Joseph", "Joe", "7B")]
    # The file is not kept once used, and the same preview cannot be applied twice.
    with store.session() as s:
        assert s.execute(select(PendingUpload)).first() is None
    again = admin_client.post(response.headers["Location"], data={"csrf_token": csrf_token(html),
                                                                  "decision": "replace"})
    assert "expired or was already used" in admin_client.get(again.headers["Location"]).get_data(as_text=True)


def test_cancelled_upload_changes_nothing_and_is_discarded(admin_client, store):
    version = store.lists_version()
    response = _upload(admin_client, "staff", b"Title,Forename,Surname\nMr,Naveed,Hussain\n")
    html = admin_client.get(response.headers["Location"]).get_data(as_text=True)
    admin_client.post(response.headers["Location"], data={"csrf_token": csrf_token(html), "decision": "cancel"})
    assert store.lists_version() == version and _entries(store, "staff") == []
    with store.session() as s:
        assert s.execute(select(PendingUpload)).first() is None


def test_the_dev_sets_real_exports_preview_in_full(admin_client, store):
    for kind, name in (("pupils", "pupils.csv"), ("staff", "staff.csv"), ("school-terms", "school-terms.csv")):
        content = (DATA / name).read_bytes()
        rows = [line for line in content.decode("utf-8-sig").splitlines()[1:] if line.strip()]
        response = _upload(admin_client, kind, content, name)
        html = admin_client.get(response.headers["Location"]).get_data(as_text=True)
        assert re.search(rf'id="preview-count">{len(rows)}<', html), kind
        admin_client.post(response.headers["Location"], data={"csrf_token": csrf_token(html), "decision": "replace"})
        assert len(_entries(store, kind)) == len(rows)


def test_a_windows_1252_export_is_read(admin_client, store):
    response = _upload(admin_client, "pupils", "Forename,Surname\nZoë,Brontë\n".encode("cp1252"))
    html = admin_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Zoë" in html and "Brontë" in html


def test_a_bad_file_is_refused_with_the_line_and_problem_and_changes_nothing(admin_client, store):
    store.replace_list("pupils", [Pupil("Kept", "Pupil")], "test")
    version = store.lists_version()
    for content, problem in ((b"Name,Class\nAisha Khan,9W\n", "missing required column"),
                             (b"", "the file is empty"),
                             ("Forename,Surname\n".encode("utf-16"), "NUL bytes")):
        response = _upload(admin_client, "pupils", content, "bad.csv")
        page = admin_client.get(response.headers["Location"]).get_data(as_text=True)
        assert "“bad.csv” cannot be used, so nothing was changed" in page and problem in page
    assert store.lists_version() == version and _entries(store, "pupils") == [Pupil("Kept", "Pupil")]
    with store.session() as s:
        assert s.execute(select(PendingUpload)).first() is None


def test_an_upload_with_no_file_asks_for_one(admin_client):
    response = admin_client.post("/admin/pupils/upload", data={"csrf_token": _token(admin_client)})
    assert "Choose a CSV file" in admin_client.get(response.headers["Location"]).get_data(as_text=True)


def test_another_admins_preview_cannot_be_used(app, admin_client, store):
    from backend.auth import hash_password
    from tests.console.conftest import sign_in
    response = _upload(admin_client, "pupils", b"Forename,Surname\nA,B\n")
    store.upsert_admin("second@thornbury.example", hash_password("another long password"), "test")
    other = app.test_client()
    sign_in(other, "second@thornbury.example", "another long password")
    assert other.get(response.headers["Location"]).headers["Location"] == "/admin/pupils"
    assert _entries(store, "pupils") == []


def test_add_edit_and_remove_a_pupil_each_bump_the_version(admin_client, store):
    v0 = store.lists_version()
    response = admin_client.post("/admin/pupils/new", data={
        "csrf_token": _token(admin_client, "/admin/pupils/new"), "first_name": " Zainab ", "last_name": "Kowalska",
        "year": "8", "form": "8R", "aliases": "Zee, Zaynab\nzee"})
    assert response.status_code == 302
    v1 = store.lists_version()
    assert v1 > v0
    assert _entries(store, "pupils") == [Pupil("Zainab", "Kowalska", "", "8", "8R", ("Zee", "Zaynab"))]

    html = admin_client.get("/admin/pupils").get_data(as_text=True)
    edit_path = re.search(r'href="(/admin/pupils/\d+/edit)"', html)[1]
    form = admin_client.get(edit_path).get_data(as_text=True)
    assert 'value="Kowalska"' in form and "Zee\nZaynab</textarea>" in form
    seen = re.search(r'name="seen" value="([^"]+)"', form)[1]
    admin_client.post(edit_path, data={"csrf_token": csrf_token(form), "seen": seen, "first_name": "Zainab",
                                       "last_name": "Kowalska-Nowak", "preferred_name": "Zee", "year": "8",
                                       "form": "8R", "aliases": "Zaynab"})
    v2 = store.lists_version()
    assert v2 > v1
    assert _entries(store, "pupils") == [Pupil("Zainab", "Kowalska-Nowak", "Zee", "8", "8R", ("Zaynab",))]

    listing = admin_client.get("/admin/pupils").get_data(as_text=True)
    remove_path = re.search(r'action="(/admin/pupils/\d+/remove)"', listing)[1]
    seen = re.search(r'name="seen" value="([^"]+)"', listing)[1]
    admin_client.post(remove_path, data={"csrf_token": csrf_token(listing), "seen": seen})
    assert store.lists_version() > v2 and _entries(store, "pupils") == []


def test_a_pupil_needs_both_names(admin_client, store):
    version = store.lists_version()
    response = admin_client.post("/admin/pupils/new", data={
        "csrf_token": _token(admin_client, "/admin/pupils/new"), "first_name": "Aisha", "last_name": "  "})
    assert response.status_code == 200
    assert "A pupil needs a surname." in response.get_data(as_text=True)
    assert store.lists_version() == version


def test_editing_an_entry_that_is_gone_says_so(admin_client, store):
    store.replace_list("staff", [StaffMember("Parveen", "Kauser", "Mrs")], "test")
    html = admin_client.get("/admin/staff").get_data(as_text=True)
    edit_path = re.search(r'href="(/admin/staff/\d+/edit)"', html)[1]
    form = admin_client.get(edit_path).get_data(as_text=True)
    store.replace_list("staff", [StaffMember("Naveed", "Hussain", "Mr")], "test")
    seen = re.search(r'name="seen" value="([^"]+)"', form)[1]
    response = admin_client.post(edit_path, data={"csrf_token": csrf_token(form), "seen": seen,
                                                  "last_name": "Changed"}, follow_redirects=True)
    assert "changed or removed meanwhile" in response.get_data(as_text=True)
    remove = admin_client.post(edit_path.replace("/edit", "/remove"), data={"csrf_token": csrf_token(form),
                                                                            "seen": seen}, follow_redirects=True)
    assert "changed or removed meanwhile" in remove.get_data(as_text=True)
    assert _entries(store, "staff") == [StaffMember("Naveed", "Hussain", "Mr")]


def test_search_finds_by_name_year_form_or_nickname(admin_client, store):
    store.replace_list("pupils", [Pupil("Aisha", "Khan", year="9", form="9W"),
                                  Pupil("Joseph", "Smith", "Joe", "7", "7B", ("Joey",))], "test")

    def search(q):
        html = admin_client.post("/admin/pupils", data={"csrf_token": _token(admin_client), "q": q}).get_data(
            as_text=True)
        return sorted(set(re.findall(r'aria-label="Edit ([^"]+)"', html)))
    assert search("khan") == ["Aisha Khan"]
    assert search("7b") == ["Joseph Smith"]
    assert search("joey") == ["Joseph Smith"]
    assert search("aisha 9w") == ["Aisha Khan"]
    assert search("nobody") == []
    assert search("") == ["Aisha Khan", "Joseph Smith"]


def test_search_ignores_accents_either_way(admin_client, store):
    store.replace_list("pupils", [Pupil("Zoë", "Brontë"), Pupil("Łukasz", "Kowalski"), Pupil("Zoe", "Smith")], "test")

    def search(q):
        html = admin_client.post("/admin/pupils", data={"csrf_token": _token(admin_client), "q": q}).get_data(
            as_text=True)
        return sorted(set(re.findall(r'aria-label="Edit ([^"]+)"', html)))
    assert search("zoe") == ["Zoe Smith", "Zoë Brontë"]
    assert search("ZOË bronte") == ["Zoë Brontë"]
    assert search("lukasz") == ["Łukasz Kowalski"]


def test_the_list_is_in_surname_order(admin_client, store):
    store.replace_list("pupils", [Pupil("Zed", "Young"), Pupil("Amy", "Brown"), Pupil("Bob", "brown")], "test")
    html = admin_client.get("/admin/pupils").get_data(as_text=True)
    assert re.findall(r'aria-label="Edit ([^"]+)"', html) == ["Amy Brown", "Bob brown", "Zed Young"]


def test_school_terms_and_staff_can_be_added(admin_client, store):
    admin_client.post("/admin/school-terms/new", data={
        "csrf_token": _token(admin_client, "/admin/school-terms/new"), "term": "#TGAProud", "kind": "hashtag"})
    admin_client.post("/admin/staff/new", data={
        "csrf_token": _token(admin_client, "/admin/staff/new"), "title": "Ms", "first_name": "Joanne",
        "last_name": "Halstead"})
    assert [(t.term, t.kind) for t in _entries(store, "school-terms")] == [("#TGAProud", "hashtag")]
    assert _entries(store, "staff") == [StaffMember("Joanne", "Halstead", "Ms")]


def test_the_audit_log_records_kind_and_counts_never_names(admin_client, store):
    _upload_and_confirm = _upload(admin_client, "pupils", b"Forename,Surname\nAisha,Khan\nJoseph,Smith\n")
    html = admin_client.get(_upload_and_confirm.headers["Location"]).get_data(as_text=True)
    admin_client.post(_upload_and_confirm.headers["Location"], data={"csrf_token": csrf_token(html),
                                                                     "decision": "replace"})
    admin_client.post("/admin/pupils/new", data={
        "csrf_token": _token(admin_client, "/admin/pupils/new"), "first_name": "Zainab", "last_name": "Kowalska"},
        follow_redirects=True)
    audit = admin_client.get("/admin/audit").get_data(as_text=True)
    assert "replaced a list" in audit and "2 entries" in audit and "added an entry" in audit
    assert "office@thornbury.example" in audit
    for name in ("Aisha", "Khan", "Joseph", "Zainab", "Kowalska"):
        assert name not in audit
    for row in store.audit_log():
        assert not any(name in str(row.to_json()) for name in ("Aisha", "Khan", "Zainab", "Kowalska"))


def test_an_oversized_upload_is_refused_plainly_and_changes_nothing(app_factory, store):
    from backend.auth import hash_password
    from tests.console.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, sign_in
    small = app_factory(MAX_UPLOAD_MB=1)
    small.extensions["precheck"].store.upsert_admin(ADMIN_EMAIL, hash_password(ADMIN_PASSWORD), "test")
    client = small.test_client()
    sign_in(client)
    version = store.lists_version()
    big = b"Forename,Surname\n" + b"Aisha,Khan\n" * 120_000
    response = _upload(client, "pupils", big)
    assert response.status_code == 413
    assert "Nothing was changed" in response.get_data(as_text=True)
    assert store.lists_version() == version and _entries(store, "pupils") == []


def test_a_school_term_keeps_its_own_kind_when_edited(admin_client, store):
    from nlp.lists import SchoolTerm
    store.replace_list("school-terms", [SchoolTerm("The Grange", "nickname")], "test")
    listing = admin_client.get("/admin/school-terms").get_data(as_text=True)
    edit_path = re.search(r'href="(/admin/school-terms/\d+/edit)"', listing)[1]
    form = admin_client.get(edit_path).get_data(as_text=True)
    assert 'value="nickname"' in form and '<datalist id="term-kinds">' in form
    seen = re.search(r'name="seen" value="([^"]+)"', form)[1]
    admin_client.post(edit_path, data={"csrf_token": csrf_token(form), "seen": seen, "term": "The Grange School",
                                       "kind": "nickname"})
    assert _entries(store, "school-terms") == [SchoolTerm("The Grange School", "nickname")]


def test_a_preview_left_for_over_an_hour_expires_and_its_file_is_deleted(admin_client, store):
    from datetime import timedelta
    from sqlalchemy import update
    from backend.store import utcnow
    response = _upload(admin_client, "pupils", b"Forename,Surname\nAisha,Khan\n")
    with store.session() as s, s.begin():
        s.execute(update(PendingUpload).values(created_at=utcnow() - timedelta(minutes=61)))
    page = admin_client.get(response.headers["Location"], follow_redirects=True).get_data(as_text=True)
    assert "expired or was already used" in page
    with store.session() as s:
        assert s.execute(select(PendingUpload)).first() is None
    assert _entries(store, "pupils") == []


def test_the_preview_counts_who_joins_and_leaves_and_warns_when_most_would_leave(admin_client, store):
    store.replace_list("pupils", [Pupil("Aisha", "Khan"), Pupil("Joseph", "Smith"), Pupil("Ola", "Nowak")], "test")
    response = _upload(admin_client, "pupils", b"Forename,Surname\naisha,KHAN\nZainab,Kowalska\n")
    html = admin_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "1 joining, 2 no longer in the file" in html
    assert 'id="preview-warning"' in html and "would take 2 of the 3 pupils off the list" in html
    response = _upload(admin_client, "pupils", b"Forename,Surname\nAisha,Khan\nJoseph,Smith\nOla,Nowak\nNew,Pupil\n")
    html = admin_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "1 joining, 0 no longer in the file" in html and 'id="preview-warning"' not in html
