"""The LanguageTool-compatible endpoints through the Flask test client, on SQLite and PostgreSQL:
LanguageTool's form parameters, JSON answer and plain-text errors."""
import json
import logging
import secrets

import pytest

from tests.backend.helpers import PUPILS_CSV, put_csv

# 👍🏽 is two astral code points (4 UTF-16 units), 🎉 one more astral one.
EMOJI_POST = "👍🏽 What a day 🎉 Well done Aisha Khan, brilliant effort"


def units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def slice16(text: str, start: int, end: int) -> str:
    return text.encode("utf-16-le")[2 * start:2 * end].decode("utf-16-le")


@pytest.fixture
def pupils(client, admin_headers):
    assert put_csv(client, admin_headers, "pupils", PUPILS_CSV).status_code == 200


def lt_check(client, token, **form):
    return client.post(f"/lt/{token}/v2/check", data=form)


def pupil_matches(answer):
    return [m for m in answer.get_json()["matches"] if m["rule"]["category"]["id"] == "pupil-name"]


def test_languages_lists_english_as_languagetool_does(client, staff_token):
    response = client.get(f"/lt/{staff_token}/v2/languages")
    assert response.status_code == 200
    languages = response.get_json()
    assert {"name": "English (GB)", "code": "en", "longCode": "en-GB"} in languages
    assert all(set(entry) == {"name", "code", "longCode"} for entry in languages)
    assert [entry["name"] for entry in languages] == sorted(entry["name"] for entry in languages)


def test_clients_that_send_an_api_key_get_the_languages_without_it(client, staff_token):
    answer = client.get("/v2/languages")
    assert answer.status_code == 200
    assert answer.get_json() == client.get(f"/lt/{staff_token}/v2/languages").get_json()


def test_a_pupil_after_emoji_is_one_match_at_its_utf16_offset(client, staff_token, pupils):
    response = lt_check(client, staff_token, text=EMOJI_POST, language="en-GB")
    assert response.status_code == 200
    body = response.get_json()
    assert set(body) >= {"software", "warnings", "language", "matches"}
    assert body["language"]["code"] == "en-GB" and body["language"]["name"] == "English (GB)"
    [match] = pupil_matches(response)
    start = units(EMOJI_POST[:EMOJI_POST.index("Aisha")])
    assert start != EMOJI_POST.index("Aisha")  # the emoji really shift UTF-16 offsets
    assert (match["offset"], match["length"]) == (start, units("Aisha Khan"))
    assert "Policy 4.2" in match["message"] and match["shortMessage"]
    assert match["rule"]["category"] == {"id": "pupil-name", "name": "Pupil's name"}
    assert match["rule"]["id"] and match["rule"]["description"] and match["rule"]["issueType"]
    assert match["replacements"] == [{"value": "A.K."}, {"value": "Aisha"}]  # initials, the surname dropped
    context = match["context"]
    assert slice16(context["text"], context["offset"], context["offset"] + context["length"]) == "Aisha Khan"
    assert match["sentence"] == "👍🏽 What a day 🎉 Well done Aisha Khan, brilliant effort"
    assert response.headers["Cache-Control"] == "no-store"


def test_one_match_per_finding_as_the_check_api_reports_them(client, staff_token, staff_headers, pupils):
    text = "Marking 9B's books tonight, Aisha Khan did so well. Ring me on 07700 900123"
    findings = client.post("/api/v1/check", json={"text": text}, headers=staff_headers).get_json()["findings"]
    matches = lt_check(client, staff_token, text=text, language="en").get_json()["matches"]
    assert len(findings) >= 3
    assert [(m["rule"]["category"]["id"], m["offset"], m["length"], m["message"]) for m in matches] == \
           [(f["category"], f["start"], f["end"] - f["start"], f["message"]) for f in findings]


def test_a_benign_post_has_no_matches(client, staff_token, pupils):
    response = lt_check(client, staff_token, text="Lovely walk in the hills this morning, the views were amazing.",
                        language="en-US")
    assert response.status_code == 200 and response.get_json()["matches"] == []


def test_context_is_cut_as_languagetool_cuts_it(client, staff_token, pupils):
    # the emoji ends 39 units before the name: the 40th unit back is its second half
    before, after = "word " * 10 + "🎉" + "\nthen " + "la " * 11, " and then" + " more" * 20
    text = before + "Aisha Khan" + after
    [match] = pupil_matches(lt_check(client, staff_token, text=text, language="en-GB"))
    start, end = units(before), units(before) + units("Aisha Khan")
    assert match["offset"] == start
    # 40 UTF-16 units either side, "..." where cut; the window edge at 40 units back falls inside
    # an emoji, so it takes the whole emoji; the line break reads as a space.
    window = slice16(text, start - 41, end + 40)
    assert window.startswith("🎉")
    assert match["context"] == {"text": "..." + window.replace("\n", " ") + "...",
                                "offset": 3 + 41, "length": end - start}
    assert match["sentence"] == "then " + "la " * 11 + "Aisha Khan and then" + " more" * 20


def test_language_auto_answers_english_in_a_preferred_variant(client, staff_token, pupils):
    plain = lt_check(client, staff_token, text="hello", language="auto").get_json()["language"]
    assert plain["code"] == "en-US" and plain["detectedLanguage"]["code"] == "en-US"
    preferred = lt_check(client, staff_token, text="hello", language="auto", preferredVariants="de-DE,en-GB")
    assert preferred.get_json()["language"]["code"] == "en-GB"


def test_other_languagetool_parameters_are_accepted_and_ignored(client, staff_token, pupils):
    response = lt_check(client, staff_token, text=EMOJI_POST, language="en-GB", motherTongue="de-DE",
                        enabledOnly="false", disabledRules="WHITESPACE_RULE", level="picky", useragent="x")
    assert response.status_code == 200 and len(pupil_matches(response)) == 1


def test_data_with_markup_counts_offsets_in_the_text_as_sent(client, staff_token, pupils):
    data = {"annotation": [{"text": "Well done "}, {"markup": "<b>"}, {"text": "Aisha Khan"}, {"markup": "</b>"},
                           {"markup": "<br/>", "interpretAs": "\n\n"}, {"text": "🎉 in the hall"}]}
    sent = "Well done <b>Aisha Khan</b><br/>🎉 in the hall"
    response = lt_check(client, staff_token, data=json.dumps(data), language="en-GB")
    [match] = pupil_matches(response)
    assert (match["offset"], match["length"]) == (sent.index("Aisha"), len("Aisha Khan"))
    assert match["context"] == {"text": sent, "offset": sent.index("Aisha"), "length": len("Aisha Khan")}
    assert match["sentence"] == "Well done Aisha Khan"


def test_a_check_cut_short_by_its_time_budget_says_so(client, staff_token, pupils, monkeypatch):
    import nlp.engine
    from nlp.budget import BudgetExceeded

    class Spent:
        def __init__(self, seconds):
            pass

        def check(self):
            raise BudgetExceeded

    monkeypatch.setattr(nlp.engine, "Deadline", Spent)
    body = lt_check(client, staff_token, text=EMOJI_POST, language="en-GB").get_json()
    [match] = body["matches"]
    assert match["rule"]["category"] == {"id": "not-fully-checked", "name": "Not fully checked"}
    assert (match["offset"], match["length"]) == (0, 0) and "(policy" not in match["rule"]["description"]
    assert body["warnings"] == {"incompleteResults": True, "incompleteResultsReason": match["message"]}


def test_data_with_plain_text(client, staff_token, pupils):
    response = lt_check(client, staff_token, data=json.dumps({"text": EMOJI_POST}), language="en")
    [match] = pupil_matches(response)
    assert match["offset"] == units(EMOJI_POST[:EMOJI_POST.index("Aisha")])


def test_the_schools_settings_apply(client, admin_headers, staff_token, pupils):
    settings = {"categories": {"pupil-name": {"enabled": False}}}
    assert client.put("/api/v1/admin/settings", json=settings, headers=admin_headers).status_code == 200
    response = lt_check(client, staff_token, text=EMOJI_POST, language="en-GB")
    assert response.status_code == 200 and pupil_matches(response) == []


def test_api_key_carries_the_token_on_v2_check(client, staff_token, pupils):
    response = client.post("/v2/check", data={"text": EMOJI_POST, "language": "en-GB", "apiKey": staff_token,
                                              "username": "someone@school.example"})
    assert response.status_code == 200 and len(pupil_matches(response)) == 1


# -- errors, as LanguageTool's server answers them ----------------------------------------

MARKER = "Zq" + secrets.token_hex(6)


@pytest.mark.parametrize("form, status, answer", [
    ({"language": "en-GB"}, 400, "Error: Missing 'text' or 'data' parameter"),
    ({"text": f"Hi {MARKER}", "data": json.dumps({"text": MARKER}), "language": "en-GB"}, 400,
     "Error: Set only 'text' or 'data' parameter, not both"),
    ({"text": f"Hi {MARKER}", "language": "xx-YY"}, 400,
     "Error: 'xx-YY' is not a language code known to LanguageTool. Supported language codes are: "
     "en, en-AU, en-CA, en-GB, en-NZ, en-US, en-ZA. Precheck checks English only."),
    ({"text": f"Hi {MARKER}"}, 400,
     "Error: Missing 'language' parameter, e.g. 'language=en-US' for American English or 'language=fr' for French"),
    ({"text": f"Hi {MARKER}", "language": ""}, 400,
     "Error: Missing 'language' parameter, e.g. 'language=en-US' for American English or 'language=fr' for French"),
    ({"data": '{"text": "' + MARKER, "language": "en-GB"}, 400, "Error: Could not parse JSON from 'data' parameter"),
    ({"data": json.dumps({"text": MARKER, "annotation": []}), "language": "en-GB"}, 400,
     "Error: 'data' key in JSON requires either 'text' or 'annotation' key, not both"),
    ({"data": json.dumps({"words": MARKER}), "language": "en-GB"}, 400,
     "Error: 'data' key in JSON requires 'text' or 'annotation' key"),
    ({"data": json.dumps({"annotation": [{"text": MARKER, "markup": "<b>"}]}), "language": "en-GB"}, 400,
     "Error: Only either 'text' or 'markup' are supported in an object in 'annotation' list, not both (item 1)"),
    ({"data": json.dumps({"annotation": [{"text": "a"}, {"text": MARKER, "interpretAs": "x"}]}), "language": "en"},
     400, "Error: 'text' cannot be used with 'interpretAs' (only 'markup' can) (item 2)"),
    ({"data": json.dumps({"annotation": [{"words": MARKER}]}), "language": "en-GB"}, 400,
     "Error: Only 'text' and 'markup' are supported in 'annotation' list (item 1)"),
])
def test_malformed_bodies_are_answered_as_languagetool_answers_them(client, staff_token, form, status, answer):
    response = lt_check(client, staff_token, **form)
    assert (response.status_code, response.get_data(as_text=True)) == (status, answer)
    assert response.mimetype == "text/plain"
    assert MARKER not in response.get_data(as_text=True)


def test_missing_text_comes_before_a_missing_language(client, staff_token):
    response = lt_check(client, staff_token, motherTongue="en")
    assert response.get_data(as_text=True) == "Error: Missing 'text' or 'data' parameter"


def test_a_text_over_the_limit_is_413(app_factory, admin_headers):
    client = app_factory(MAX_TEXT_LENGTH=100).test_client()
    token = client.post("/api/v1/admin/tokens", json={"label": "t"}, headers=admin_headers).get_json()["token"]
    response = lt_check(client, token, text=MARKER + "x" * 120, language="en-GB")
    assert response.status_code == 413
    assert response.get_data(as_text=True) == (
        f"Error: Your text exceeds the limit of 100 characters (it's {len(MARKER) + 120} characters). "
        "Please submit a shorter text.")


@pytest.mark.parametrize("path", ["/lt/{bad}/v2/languages", "/lt/{bad}/v2/check"])
def test_a_bad_token_in_the_path_is_refused(client, path, staff_token):
    for bad in ("pcs_" + secrets.token_urlsafe(32), staff_token + "x"):
        url = path.format(bad=bad)
        response = client.get(url) if url.endswith("languages") else lt_check(client, bad, text="hi", language="en")
        assert response.status_code == 403
        assert response.get_data(as_text=True).startswith("Error: AuthException: ")
        assert bad not in response.get_data(as_text=True)


def test_a_revoked_or_admin_token_is_refused(client, admin_headers, staff_token):
    token_id = client.get("/api/v1/admin/tokens", headers=admin_headers).get_json()["tokens"][0]["id"]
    assert lt_check(client, staff_token, text="hi", language="en").status_code == 200
    assert client.delete(f"/api/v1/admin/tokens/{token_id}", headers=admin_headers).status_code == 200
    assert lt_check(client, staff_token, text="hi", language="en").status_code == 403
    admin_token = admin_headers["Authorization"].split()[1]
    assert lt_check(client, admin_token, text="hi", language="en").status_code == 403


@pytest.mark.parametrize("api_key", [None, "", "pcs_not-a-token"])
def test_v2_check_without_a_good_api_key_is_refused(client, api_key):
    form = {"text": f"Hi {MARKER}", "language": "en-GB", **({"apiKey": api_key} if api_key is not None else {})}
    response = client.post("/v2/check", data=form)
    assert response.status_code == 403 and response.get_data(as_text=True).startswith("Error: AuthException: ")
    assert MARKER not in response.get_data(as_text=True)


def test_the_token_is_checked_before_the_body_is_read(client):
    response = client.post("/lt/pcs_wrong/v2/check", data=b"\xff" * 100, content_type="application/octet-stream")
    assert response.status_code == 403


def test_checks_are_rate_limited_per_token_one_budget_with_the_check_api(app_factory, admin_headers):
    client = app_factory(RATE_LIMIT_CHECK="2 per minute").test_client()
    first, second = (client.post("/api/v1/admin/tokens", json={"label": n}, headers=admin_headers).get_json()["token"]
                     for n in ("a", "b"))
    assert client.post("/api/v1/check", json={"text": "hi"},
                       headers={"Authorization": f"Bearer {first}"}).status_code == 200
    assert lt_check(client, first, text="hi", language="en").status_code == 200
    limited = client.post("/v2/check", data={"text": "hi", "language": "en", "apiKey": first})
    assert limited.status_code == 429 and limited.get_data(as_text=True).startswith("Error: Too many requests")
    assert int(limited.headers["Retry-After"]) > 0
    assert lt_check(client, second, text="hi", language="en").status_code == 200  # another member of staff


def test_a_body_over_the_size_limit_is_413_text(app_factory, admin_headers):
    client = app_factory(MAX_TEXT_LENGTH=10).test_client()
    token = client.post("/api/v1/admin/tokens", json={"label": "t"}, headers=admin_headers).get_json()["token"]
    response = lt_check(client, token, text="x" * (10 * 12 + 300 * 1024), language="en")
    assert response.status_code == 413 and response.get_data(as_text=True).startswith("Error: ")


def test_tokens_in_lt_paths_are_blanked_in_log_lines():
    from backend.logs import BlankTokensInPaths, JsonFormatter
    token = "pcs_" + secrets.token_urlsafe(32)
    # gunicorn's access log passes its atoms as a mapping, the development server a request line
    access = logging.LogRecord("gunicorn.access", logging.INFO, __file__, 1, '%(h)s "%(m)s %(U)s" %(s)s',
                               ({"h": "127.0.0.1", "m": "POST", "U": f"/lt/{token}/v2/check", "s": "200"},), None)
    werkzeug = logging.LogRecord("werkzeug", logging.INFO, __file__, 1, '%s - - "%s" %s',
                                 ("127.0.0.1", f"GET /lt/{token}/v2/languages HTTP/1.1", "200"), None)
    lines = []
    for record in (access, werkzeug):
        assert BlankTokensInPaths().filter(record)
        lines.append(JsonFormatter().format(record))
    assert json.loads(lines[0])["message"] == '127.0.0.1 "POST /lt/<token>/v2/check" 200'
    assert json.loads(lines[1])["message"] == '127.0.0.1 - - "GET /lt/<token>/v2/languages HTTP/1.1" 200'
    assert token not in "".join(lines)


# -- PRECHECK_LANGUAGETOOL_URL: the school's own LanguageTool server's matches after Precheck's --

@pytest.fixture
def stand_in():
    from tests.support.languagetool_standin import LanguageToolStandIn
    with LanguageToolStandIn() as server:
        yield server


@pytest.fixture
def merged(app_factory, admin_headers, stand_in):
    """(client, staff token) of a service whose LanguageTool server is the stand-in."""
    client = app_factory(LANGUAGETOOL_URL=stand_in.url).test_client()
    assert put_csv(client, admin_headers, "pupils", PUPILS_CSV).status_code == 200
    token = client.post("/api/v1/admin/tokens", json={"label": "t"}, headers=admin_headers).get_json()["token"]
    return client, token


def test_the_school_languagetool_servers_matches_follow_precheck_s(merged, stand_in):
    client, token = merged
    text = "🎉 Well done Aisha Khan, teh best relay"
    body = client.post("/v2/check", data={"text": text, "language": "en-GB", "apiKey": token,
                                          "motherTongue": "de"}).get_json()
    categories = [m["rule"]["category"]["id"] for m in body["matches"]]
    assert "pupil-name" in categories and categories[-1] == "TYPOS"
    assert categories.index("TYPOS") > max(i for i, c in enumerate(categories) if c != "TYPOS")
    typo = body["matches"][-1]
    assert slice16(text, typo["offset"], typo["offset"] + typo["length"]) == "teh"
    assert body["warnings"] == {"incompleteResults": False}
    [sent] = stand_in.requests
    assert sent["path"] == "/v2/check"
    assert sent["form"] == {"text": text, "language": "en-GB", "motherTongue": "de"}  # never the token


def test_the_school_languagetool_server_gets_data_as_sent(merged, stand_in):
    client, token = merged
    data = json.dumps({"annotation": [{"markup": "<p>"}, {"text": "Aisha Khan"}, {"markup": "</p>"}]})
    matches = lt_check(client, token, data=data, language="en-GB").get_json()["matches"]
    assert [m["offset"] for m in matches if m["rule"]["category"]["id"] == "pupil-name"] == [3]
    assert stand_in.requests[0]["form"] == {"data": data, "language": "en-GB"}


def test_a_failing_languagetool_server_leaves_precheck_s_matches_and_says_so(merged, stand_in, caplog):
    client, token = merged
    stand_in.failing = True
    response = lt_check(client, token, text=f"Well done Aisha Khan {MARKER}", language="en-GB")
    assert response.status_code == 200
    body = response.get_json()
    assert [m["rule"]["category"]["id"] for m in body["matches"]].count("pupil-name") == 1
    assert body["warnings"]["incompleteResults"] is True
    assert "LanguageTool server did not answer" in body["warnings"]["incompleteResultsReason"]
    assert "Internal Error while checking" not in response.get_data(as_text=True)  # its body is not passed on
    from backend.logs import JsonFormatter
    logged = [JsonFormatter().format(r) for r in caplog.records if r.name == "precheck.languagetool"]
    assert logged and all(MARKER not in line for line in logged)  # the 500's body quoted the text


def test_an_unreachable_languagetool_server_leaves_precheck_s_matches(app_factory, admin_headers):
    from tests.support.live_service import free_port
    client = app_factory(LANGUAGETOOL_URL=f"http://127.0.0.1:{free_port()}/").test_client()
    assert put_csv(client, admin_headers, "pupils", PUPILS_CSV).status_code == 200
    token = client.post("/api/v1/admin/tokens", json={"label": "t"}, headers=admin_headers).get_json()["token"]
    body = lt_check(client, token, text="Well done Aisha Khan", language="en-GB").get_json()
    assert len(pupil_matches_of(body)) == 1 and body["warnings"]["incompleteResults"] is True


def pupil_matches_of(body):
    return [m for m in body["matches"] if m["rule"]["category"]["id"] == "pupil-name"]


@pytest.mark.parametrize("value", ["localhost:8081", "ftp://lt.school.example/", "http://", "http://lt:99999/"])
def test_a_languagetool_url_that_is_not_http_stops_start_up(value):
    from backend.config import ConfigError, load_config
    with pytest.raises(ConfigError) as raised:
        load_config({"PRECHECK_LANGUAGETOOL_URL": value})
    assert raised.value.variable == "PRECHECK_LANGUAGETOOL_URL"


def test_a_languagetool_url_is_read():
    from backend.config import load_config
    assert load_config({})["LANGUAGETOOL_URL"] is None
    url = "https://lt.school.example:8081/languagetool/"
    assert load_config({"PRECHECK_LANGUAGETOOL_URL": url})["LANGUAGETOOL_URL"] == url


def test_a_token_checks_against_its_own_schools_lists(client, admin_headers):
    tokens = {}
    for slug, pupil in (("northfield", "Zephyrine,Quillfeather"), ("southgate", "Oriel,Brackenbury")):
        base = f"/api/v1/admin/schools/{slug}"
        assert client.post("/api/v1/admin/schools", json={"slug": slug, "name": slug},
                           headers=admin_headers).status_code == 201
        assert client.put(f"{base}/lists/pupils", data=f"first_name,last_name\n{pupil}\n".encode(),
                          headers={**admin_headers, "Content-Type": "text/csv"}).status_code == 200
        tokens[slug] = client.post(f"{base}/tokens", json={"label": "t"}, headers=admin_headers).get_json()["token"]
    text = "Well done Zephyrine Quillfeather and Oriel Brackenbury"
    for slug, named in (("northfield", "Zephyrine Quillfeather"), ("southgate", "Oriel Brackenbury")):
        matches = pupil_matches(lt_check(client, tokens[slug], text=text, language="en-GB"))
        assert [text[m["offset"]:m["offset"] + m["length"]] for m in matches] == [named]
