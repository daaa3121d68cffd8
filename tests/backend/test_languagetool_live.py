"""A real LanguageTool client, language_tool_python in remote-server mode, against the service under
gunicorn: it finds a pupil after emoji where it is, a benign post is clean, a bad token fails, and
the token never reaches the service's output (the access log included)."""
import json

import language_tool_python
import pytest
import requests

pytestmark = pytest.mark.gunicorn

POST = "👍🏽 Brilliant sports day 🎉🏆 Well done Aisha Khan, first in the relay!"


@pytest.fixture(scope="module")
def service():
    from tests.support.live_service import LiveService
    with LiveService(workers=2) as live:
        live.put_list("pupils", "first_name,last_name\nAisha,Khan\nOliver,Brennan\n")
        yield live


@pytest.fixture(scope="module")
def token(service):
    return service.staff_token("languagetool client")


@pytest.fixture
def tool(service, token):
    # The trailing slash matters: the client joins "v2/..." onto the server URL.
    lt = language_tool_python.LanguageTool("en-GB", remote_server=f"{service.url}/lt/{token}/")
    yield lt
    lt.close()


def test_the_client_finds_a_pupil_after_emoji_at_its_offset(tool):
    matches = tool.check(POST)
    names = [m for m in matches if m.category == "pupil-name"]
    assert len(names) == 1, matches
    # language_tool_python turns LanguageTool's UTF-16 offsets into Python string indices
    assert (names[0].offset, names[0].error_length) == (POST.index("Aisha"), len("Aisha Khan"))
    assert "Policy 4.2" in names[0].message
    assert names[0].rule_id == "PRECHECK_PUPIL_NAME"
    assert POST[names[0].offset:names[0].offset + names[0].error_length] == "Aisha Khan"


def test_a_benign_post_has_no_matches(tool):
    assert tool.check("Lovely walk in the hills this morning, the views were amazing.") == []


def test_language_auto_works_through_the_client(service, token):
    with language_tool_python.LanguageTool("auto", remote_server=f"{service.url}/lt/{token}/") as lt:
        assert [m.category for m in lt.check(POST)].count("pupil-name") == 1


def test_a_bad_token_fails(service):
    with pytest.raises(language_tool_python.exceptions.LanguageToolError, match="AuthException"):
        language_tool_python.LanguageTool("en-GB", remote_server=f"{service.url}/lt/pcs_not-a-token/")


def test_api_key_on_v2_check(service, token):
    answer = requests.post(f"{service.url}/v2/check", data={"text": POST, "language": "en-GB", "apiKey": token},
                           timeout=60)
    assert answer.status_code == 200
    assert [m["rule"]["category"]["id"] for m in answer.json()["matches"]].count("pupil-name") == 1
    refused = requests.post(f"{service.url}/v2/check", data={"text": POST, "language": "en-GB", "apiKey": "x"},
                            timeout=60)
    assert refused.status_code == 403


def test_neither_the_token_nor_the_draft_reaches_the_log(service, token, tool):
    tool.check(POST)
    requests.post(f"{service.url}/lt/{token}/v2/check", data={"text": POST, "language": "xx"}, timeout=60)
    requests.post(f"{service.url}/v2/check", data={"text": POST, "apiKey": token}, timeout=60)
    requests.get(f"{service.url}/lt/{token}/v2/nothing-here", timeout=60)
    assert service.stop() == 0  # flushes every worker's output
    output = service.output()
    access = [json.loads(line)["message"] for line in output.splitlines() if '"gunicorn.access"' in line]
    # the access log was written for these paths, with the token blanked
    assert any('"POST /lt/<token>/v2/check" 200' in line for line in access), access
    assert any('"GET /lt/<token>/v2/languages" 200' in line for line in access), access
    assert any('"GET /lt/<token>/v2/nothing-here" 404' in line for line in access), access
    assert token not in output
    assert token[4:20] not in output  # nor a piece of it
    assert "Aisha" not in output and "sports day" not in output


def test_one_client_gets_precheck_and_the_school_languagetool_server(live_service_factory):
    from tests.support.languagetool_standin import LanguageToolStandIn
    with LanguageToolStandIn() as stand_in:
        service = live_service_factory(workers=1, env={"PRECHECK_LANGUAGETOOL_URL": stand_in.url})
        service.put_list("pupils", "first_name,last_name\nAisha,Khan\n")
        text = "🎉 Well done Aisha Khan, teh best relay"
        with language_tool_python.LanguageTool(
                "en-GB", remote_server=f"{service.url}/lt/{service.staff_token()}/") as lt:
            matches = lt.check(text)
        assert [m.category for m in matches][-1] == "TYPOS" and "pupil-name" in [m.category for m in matches]
        assert [(m.offset, m.error_length) for m in matches if m.category == "TYPOS"] == [(text.index("teh"), 3)]
