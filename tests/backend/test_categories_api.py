"""GET /api/v1/categories: the one catalogue of categories, as the token's school has them."""
from nlp.findings import CATEGORIES
from nlp.rules import RULES


def test_needs_a_staff_token(client):
    assert client.get("/api/v1/categories").status_code == 401


def test_every_category_with_its_rules_clause_and_severity(client, staff_headers):
    body = client.get("/api/v1/categories", headers=staff_headers).get_json()
    assert [c["category"] for c in body["categories"]] == list(CATEGORIES)
    rules = {rule.CATEGORY: rule for rule in RULES}
    for entry in body["categories"]:
        rule = rules[entry["category"]]
        assert (entry["clause"], entry["severity"], entry["enabled"]) == (rule.CLAUSE, rule.SEVERITY, True)
        assert entry["holds_post"] == (rule.SEVERITY != "low") and entry["description"]


def test_the_schools_settings_apply(client, admin_headers, staff_headers):
    settings = {"categories": {"staff-name": {"severity": "low"}, "offensive": {"enabled": False}},
                "clauses": {"pupil-name": "7.3"}}
    assert client.put("/api/v1/admin/settings", json=settings, headers=admin_headers).status_code == 200
    entries = {c["category"]: c for c in client.get("/api/v1/categories", headers=staff_headers).get_json()["categories"]}
    assert entries["staff-name"]["severity"] == "low" and entries["staff-name"]["holds_post"] is False
    assert entries["offensive"]["enabled"] is False
    assert entries["pupil-name"]["clause"] == "7.3"
