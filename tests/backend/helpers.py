"""Small helpers for the service's API tests (Flask test client)."""

PUPILS_CSV = b"first_name,last_name,preferred_name,year,form\nAisha,Khan,,9,9B\nOliver,Brennan,Olly,7,7C\n"


def put_csv(client, headers, kind, body: bytes, content_type="text/csv"):
    return client.put(f"/api/v1/admin/lists/{kind}", data=body, headers={**headers, "Content-Type": content_type})


def check(client, headers, text, context=None, **extra):
    payload = {"text": text, **({"context": context} if context is not None else {}), **extra}
    return client.post("/api/v1/check", json=payload, headers=headers)


def error_of(response) -> dict:
    """The contract's error object; fails unless the answer is JSON of that shape."""
    body = response.get_json()
    assert isinstance(body, dict) and set(body) == {"error"}, response.get_data(as_text=True)
    assert isinstance(body["error"]["code"], str) and isinstance(body["error"]["message"], str)
    return body["error"]


def upload_pupils(client, admin_headers):
    """The pupil list the name tests use (the nlp engine reports these full names)."""
    assert put_csv(client, admin_headers, "pupils", PUPILS_CSV).status_code == 200
