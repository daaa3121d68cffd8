"""Reading request bodies: content type, size and JSON, with errors that never quote the body."""
import json

from flask import current_app, request

from backend.errors import ApiError


def limit_body(max_bytes: int) -> None:
    """Refuse (413) a body over max_bytes before reading it, declared length or not."""
    if request.content_length is not None and request.content_length > max_bytes:
        raise ApiError(413, "too_large", f"The request body is over the limit of {max_bytes} bytes.")
    request.max_content_length = max_bytes


def require_content_type(*accepted: str) -> None:
    if request.mimetype not in accepted:
        raise ApiError(415, "unsupported_media_type",
                       f"Send the body as {' or '.join(accepted)} (got {request.mimetype or 'no Content-Type'}).")


def json_body(max_bytes: int | None = None):
    """The request's JSON document (any JSON value); 415/413/400 otherwise."""
    require_content_type("application/json")
    limit_body(max_bytes or current_app.config["MAX_CONTENT_LENGTH"])
    raw = request.get_data(cache=False)
    try:
        # The decode error's own message quotes the body, so it is dropped, not logged or sent.
        return json.loads(raw)
    except (ValueError, RecursionError):
        raise ApiError(400, "malformed_json", "The body is not valid JSON (UTF-8).") from None


def json_object(max_bytes: int | None = None) -> dict:
    data = json_body(max_bytes)
    if not isinstance(data, dict):
        raise ApiError(400, "bad_request", "The body must be a JSON object.")
    return data
