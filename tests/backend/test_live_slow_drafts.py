"""Issue 12, item 1 from outside: adversarial 50,000-character drafts sent to gunicorn at once are
each answered, a normal check right after is answered too, and no draft reaches the logs."""
import threading

import pytest
import requests

from tests.nlp.test_budget import SHAPES

pytestmark = pytest.mark.gunicorn

NORMAL = "Lowenna Trewin was brilliant in class today"


def test_adversarial_drafts_are_answered_and_a_normal_check_right_after(live_service):
    service = live_service
    token = service.staff_token()
    service.put_list("pupils", "first_name,last_name\nLowenna,Trewin\n")
    answers = {}

    def send(shape):
        with requests.Session() as session:
            for surface in ("post", "message"):
                # before the fix, two such drafts held both workers past gunicorn's 60 s timeout
                response = service.check(SHAPES[shape], {"surface": surface}, token=token, session=session)
                answers[(shape, surface)] = response.status_code, response.json()

    shapes = list(SHAPES)
    for pair in (shapes[i:i + 2] for i in range(0, len(shapes), 2)):
        threads = [threading.Thread(target=send, args=(shape,)) for shape in pair]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        normal = service.check(NORMAL, token=token)
        assert normal.status_code == 200
        assert ("pupil-name", "Lowenna Trewin") in {(f["category"], f["quote"]) for f in normal.json()["findings"]}
    assert {status for status, _ in answers.values()} == {200}, answers.keys()
    for status, body in answers.values():
        for finding in body["findings"]:
            assert len(finding["quote"]) < 100  # a span of the draft, or nothing: never the draft
    output = service.output()
    assert "Lowenna Trewin" not in output
    assert not any(SHAPES[shape][:200] in output for shape in SHAPES if SHAPES[shape][:200].strip())
