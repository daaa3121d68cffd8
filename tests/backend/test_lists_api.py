"""Admin list uploads: MIS formats accepted, every bad file refused with line and problem, nothing lost."""
import pytest

from tests.backend.helpers import PUPILS_CSV, error_of, put_csv

MIS_EXPORT = ("\ufeffForename,Surname,Preferred Forename,Year,Reg Group\r\n"
              "Zainab,Kowalczyk,Zee,10,10K\r\nJosé,Nuñez,,8,8N\r\n").encode("utf-8")


def stored(client, headers, kind="pupils"):
    response = client.get(f"/api/v1/admin/lists/{kind}", headers=headers)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    return response.get_json()


def test_upload_replaces_the_list_and_answers_count_and_version(client, admin_headers):
    first = put_csv(client, admin_headers, "pupils", PUPILS_CSV)
    assert first.status_code == 200
    assert first.get_json()["count"] == 2
    second = put_csv(client, admin_headers, "pupils", MIS_EXPORT)
    assert second.status_code == 200
    body = second.get_json()
    assert body["count"] == 2 and body["lists_version"] > first.get_json()["lists_version"]
    entries = stored(client, admin_headers)["entries"]
    assert [(e["first_name"], e["last_name"], e["preferred_name"], e["form"]) for e in entries] == [
        ("Zainab", "Kowalczyk", "Zee", "10K"), ("José", "Nuñez", "", "8N")]


def test_staff_and_school_terms(client, admin_headers):
    staff = put_csv(client, admin_headers, "staff", b"Title,Forename,Surname\nMrs,Parveen,Kauser\nMr,,Yousaf\n")
    assert staff.status_code == 200 and staff.get_json()["count"] == 2
    terms = put_csv(client, admin_headers, "school-terms", b"term,kind\nHillside Academy,school\n#HillsidePride,hashtag\n")
    assert terms.status_code == 200 and terms.get_json()["count"] == 2
    assert stored(client, admin_headers, "staff")["entries"][1] == {"first_name": "", "last_name": "Yousaf", "title": "Mr"}
    assert stored(client, admin_headers, "school-terms")["entries"][1] == {"term": "#HillsidePride", "kind": "hashtag"}


def test_windows_1252_export_is_decoded(client, admin_headers):
    body = "Forename,Surname\nRenée,O’Brien\nZoë,Müller\n".encode("cp1252")
    response = put_csv(client, admin_headers, "pupils", body)
    assert response.status_code == 200
    names = [(e["first_name"], e["last_name"]) for e in stored(client, admin_headers)["entries"]]
    assert names == [("Renée", "O’Brien"), ("Zoë", "Müller")]


# Each bad file: 4xx naming the line and the problem, and the list in force unchanged.
BAD_FILES = [
    ("wrong headers", b"name,surname_or_something\nAisha,Khan\n", 400, 1),
    ("missing surname column", b"Forename,Year\nAisha,9\n", 400, 1),
    ("missing forename column", b"Surname,Year\nKhan,9\n", 400, 1),
    ("empty file", b"", 400, 1),
    ("row without a surname", b"first_name,last_name\nAisha,Khan\nBob,\n", 400, 3),
    ("quote never closed", b'first_name,last_name\nAisha,"Khan\nBob,Smith\nCara,Jones\n', 400, None),
    ("NUL bytes (UTF-16 export)", "first_name,last_name\nAisha,Khan\n".encode("utf-16"), 400, None),
    ("neither UTF-8 nor Windows-1252", b"first_name,last_name\nAisha,Khan\nBad,\x81\x8d\x90\n", 400, 3),
]


@pytest.mark.parametrize("problem, body, status, line", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_changes_nothing(client, admin_headers, problem, body, status, line):
    good = put_csv(client, admin_headers, "pupils", PUPILS_CSV).get_json()
    response = put_csv(client, admin_headers, "pupils", body)
    assert response.status_code == status
    error = error_of(response)
    assert error["code"] == "bad_list"
    assert "not changed" in error["message"]
    if line is not None:
        assert error["line"] == line and f"line {line}" in error["message"]
    assert error["problem"]
    after = stored(client, admin_headers)
    assert after["count"] == 2 and after["lists_version"] == good["lists_version"]


def test_every_unusable_row_is_listed(client, admin_headers):
    response = put_csv(client, admin_headers, "pupils", b"first_name,last_name\nA,\nAisha,Khan\n,Jones\n")
    assert response.status_code == 400
    assert error_of(response)["rejected"] == [
        {"line": 2, "problem": "a pupil needs both a first name and a surname"},
        {"line": 4, "problem": "a pupil needs both a first name and a surname"}]


def test_50_mb_upload_is_413_and_changes_nothing(client, admin_headers):
    good = put_csv(client, admin_headers, "pupils", PUPILS_CSV).get_json()
    body = b"first_name,last_name\n" + b"Aisha,Khan\n" * (50 * 1024 * 1024 // 11)
    response = put_csv(client, admin_headers, "pupils", body)
    assert response.status_code == 413
    assert error_of(response)["code"] == "too_large"
    after = stored(client, admin_headers)
    assert after["count"] == 2 and after["lists_version"] == good["lists_version"]


@pytest.mark.parametrize("content_type", ["application/json", "multipart/form-data; boundary=x", "image/png"])
def test_wrong_content_type_is_415(client, admin_headers, content_type):
    response = put_csv(client, admin_headers, "pupils", PUPILS_CSV, content_type=content_type)
    assert response.status_code == 415
    assert error_of(response)["code"] == "unsupported_media_type"


@pytest.mark.parametrize("content_type", ["text/csv; charset=utf-8", "application/vnd.ms-excel", "text/plain"])
def test_csv_labels_browsers_use_are_accepted(client, admin_headers, content_type):
    assert put_csv(client, admin_headers, "pupils", PUPILS_CSV, content_type=content_type).status_code == 200


def test_unknown_list_is_404(client, admin_headers):
    assert put_csv(client, admin_headers, "parents", PUPILS_CSV).status_code == 404
    assert client.get("/api/v1/admin/lists/parents", headers=admin_headers).status_code == 404


def test_lists_need_the_admin_token(client, staff_headers):
    assert put_csv(client, {}, "pupils", PUPILS_CSV).status_code == 401
    assert put_csv(client, staff_headers, "pupils", PUPILS_CSV).status_code == 401
    assert client.get("/api/v1/admin/lists/pupils").status_code == 401


def test_upload_is_audited_with_counts_only(app, client, admin_headers):
    put_csv(client, admin_headers, "pupils", PUPILS_CSV)
    entries = app.extensions["precheck"].store.audit_log()
    replace = [e for e in entries if e.action == "lists.replace"]
    assert replace and replace[0].target == "pupils" and replace[0].count == 2
    assert replace[0].actor == "admin-token:env"
    assert all("Aisha" not in str(e.to_json()) for e in entries)
