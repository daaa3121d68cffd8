"""False alarms staff report (POST /api/v1/false-alarms) and the school-wide exceptions an admin
makes of them, through the Flask test client, on SQLite and PostgreSQL."""
from sqlalchemy import inspect, select

from backend.store import FalseAlarmReport
from nlp import Context
from tests.backend.helpers import check, error_of, upload_pupils


def report(client, headers, **body):
    return client.post("/api/v1/false-alarms", json=body, headers=headers)


def new_staff_headers(client, admin_headers, label):
    token = client.post("/api/v1/admin/tokens", json={"label": label}, headers=admin_headers).get_json()["token"]
    return {"Authorization": f"Bearer {token}"}


def false_alarms(client, admin_headers):
    response = client.get("/api/v1/admin/false-alarms", headers=admin_headers)
    assert response.status_code == 200
    return response.get_json()["false_alarms"]


def test_staff_are_counted_once_each_per_words_and_category(client, admin_headers, staff_headers):
    other = new_staff_headers(client, admin_headers, "another teacher")
    assert report(client, staff_headers, category="pupil-name", words="Grace").status_code == 202
    assert report(client, staff_headers, category="pupil-name", words="grace").get_json() == {"counted": False}
    assert report(client, other, category="pupil-name", words="#Grace's").get_json() == {"counted": True}
    assert report(client, other, category="work-discussion", words="lesson").status_code == 202
    assert false_alarms(client, admin_headers) == [
        {"category": "pupil-name", "words": "#Grace's", "staff": 2, "exception_id": None},
        {"category": "work-discussion", "words": "lesson", "staff": 1, "exception_id": None},
    ]


def test_only_the_category_and_the_words_are_kept(app, client, staff_headers):
    body = {"category": "pupil-name", "words": "Grace", "text": "Grace was lovely in my lesson today",
            "context": {"site": "x.com"}}
    assert report(client, staff_headers, **body).status_code == 202
    store = app.extensions["precheck"].store
    columns = {c["name"] for c in inspect(store.engine).get_columns("false_alarm_reports")}
    assert columns == {"id", "school_id", "month", "category", "words_key", "words", "reporter"}
    with store.session() as s:
        row = s.execute(select(FalseAlarmReport)).scalar_one()
    assert (row.category, row.words, row.words_key) == ("pupil-name", "Grace", "grace")
    assert "lesson" not in repr(vars(row)) and "x.com" not in repr(vars(row))
    assert staff_headers["Authorization"].split()[1] not in row.reporter


def test_a_report_needs_a_staff_token_a_category_and_short_words(client, admin_headers, staff_headers):
    assert report(client, {}, category="pupil-name", words="Grace").status_code == 401
    assert report(client, admin_headers, category="pupil-name", words="Grace").status_code == 401
    assert error_of(report(client, staff_headers, category="nonsense", words="Grace"))["field"] == "category"
    assert error_of(report(client, staff_headers, category="pupil-name", words=" "))["field"] == "words"
    assert error_of(report(client, staff_headers, category="pupil-name", words="x" * 101))["field"] == "words"
    assert error_of(report(client, staff_headers, category="pupil-name", words=["Grace"]))["field"] == "words"
    assert false_alarms(client, admin_headers) == []


def test_reports_share_the_checks_rate_limit(app_factory, admin_headers):
    client = app_factory(RATE_LIMIT_CHECK="3 per minute").test_client()
    token = client.post("/api/v1/admin/tokens", json={"label": "t"}, headers=admin_headers).get_json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    assert check(client, headers, "hello").status_code == 200
    assert report(client, headers, category="pupil-name", words="Grace").status_code == 202
    assert report(client, headers, category="pupil-name", words="Ruby").status_code == 202
    limited = report(client, headers, category="pupil-name", words="Rose")
    assert limited.status_code == 429 and error_of(limited)["code"] == "rate_limited"
    assert check(client, headers, "hello").status_code == 429


def test_a_school_wide_exception_drops_that_finding_and_is_audited(app, client, admin_headers, staff_headers):
    upload_pupils(client, admin_headers)
    draft = "Aisha Khan did brilliantly in the maths lesson today"
    before = check(client, staff_headers, draft).get_json()
    assert any(f["category"] == "pupil-name" and f["quote"] == "Aisha Khan" for f in before["findings"])
    assert report(client, staff_headers, category="pupil-name", words="Aisha Khan").status_code == 202

    made = client.post("/api/v1/admin/exceptions", json={"category": "pupil-name", "words": "aisha  khan"},
                       headers=admin_headers)
    assert made.status_code == 201 and made.get_json()["lists_version"] > before["lists_version"]
    after = check(client, staff_headers, draft).get_json()
    assert not [f for f in after["findings"] if f["category"] == "pupil-name"]
    # the other findings of the draft stay: the exception is of one category and these words
    assert [f for f in after["findings"] if f["category"] != "pupil-name"] == \
        [f for f in before["findings"] if f["category"] != "pupil-name"]
    assert false_alarms(client, admin_headers)[0]["exception_id"] == made.get_json()["id"]
    events = app.extensions["precheck"].store.audit_log()
    assert [(e.action, e.target) for e in events][:1] == [("exception.add", f"pupil-name exception {made.get_json()['id']}")]

    removed = client.delete(f"/api/v1/admin/exceptions/{made.get_json()['id']}", headers=admin_headers)
    assert removed.status_code == 200
    again = check(client, staff_headers, draft).get_json()
    assert any(f["category"] == "pupil-name" for f in again["findings"])
    assert client.delete(f"/api/v1/admin/exceptions/{made.get_json()['id']}", headers=admin_headers).status_code == 404


def test_the_languagetool_api_and_try_a_post_honour_an_exception_too(app, client, admin_headers, staff_token):
    upload_pupils(client, admin_headers)
    draft = "Aisha Khan did brilliantly in the maths lesson today"

    def lt_categories():
        answer = client.post(f"/lt/{staff_token}/v2/check", data={"text": draft, "language": "en-GB"}).get_json()
        return {m["rule"]["category"]["id"] for m in answer["matches"]}

    def engine_categories():
        with app.app_context():
            current = app.extensions["precheck"].engines.current(1, at_least=app.extensions["precheck"].store.lists_version())
            return {f.category for f in current.engine.check(draft, Context())}

    assert "pupil-name" in lt_categories() and "pupil-name" in engine_categories()
    assert client.post("/api/v1/admin/exceptions", json={"category": "pupil-name", "words": "Aisha Khan"},
                       headers=admin_headers).status_code == 201
    assert "pupil-name" not in lt_categories()
    assert "pupil-name" not in engine_categories()  # what the console's Try a post runs


def test_an_exception_of_one_school_leaves_another_alone(client, admin_headers, staff_headers):
    upload_pupils(client, admin_headers)
    assert client.post("/api/v1/admin/schools", json={"slug": "north", "name": "North"},
                       headers=admin_headers).status_code == 201
    north = "/api/v1/admin/schools/north"
    assert client.put(f"{north}/lists/pupils", data=b"first_name,last_name\nAisha,Khan\n",
                      headers={**admin_headers, "Content-Type": "text/csv"}).status_code == 200
    token = client.post(f"{north}/tokens", json={"label": "n"}, headers=admin_headers).get_json()["token"]
    assert client.post(f"{north}/exceptions", json={"category": "pupil-name", "words": "Aisha Khan"},
                       headers=admin_headers).status_code == 201
    draft = "Aisha Khan did brilliantly in the maths lesson today"
    north_findings = check(client, {"Authorization": f"Bearer {token}"}, draft).get_json()["findings"]
    assert not [f for f in north_findings if f["category"] == "pupil-name"]
    assert [f for f in check(client, staff_headers, draft).get_json()["findings"] if f["category"] == "pupil-name"]
    assert client.get("/api/v1/admin/exceptions", headers=admin_headers).get_json() == {"exceptions": []}
